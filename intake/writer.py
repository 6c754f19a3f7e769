"""Who commits a message: one writer with group commit on SQLite, each worker on its own on PostgreSQL.

SQLite has one write lock. With every intake worker taking it in turn (``BEGIN IMMEDIATE``, the
inserts, the commit, then again for each after-commit hook), the workers queue on it: a profile of
``serve`` under load showed a quarter of the time waiting for that lock and over a third inside
statements while it was held. So on SQLite the workers do the CPU work (parsing, scrubbing,
recognition) in parallel and hand the writes to one thread, which commits whatever queued while its
previous commit ran (up to ``cap`` messages, with no artificial wait: a lone message commits at once)
in one transaction, and only then answers each caller.

Inside that one transaction each message is a savepoint, and so is each of its hooks (the due time,
the acknowledgement's outbox entry, the privacy request: ``intake.hooks``), which run right after the
message's own step. A batch of N messages is one ``BEGIN IMMEDIATE`` and one ``COMMIT``, hooks
included. Decision on hook failures: a hook that raises is rolled back to its own savepoint and
logged; its message and the other hooks are committed all the same (a failing side effect must not
make the upstream re-deliver a stored message, nor fail its neighbours). A message and what its hooks
wrote are committed together, so no crash can leave a stored message without its due time or its
acknowledgement any more (with a second transaction for the hooks, one could).

Nothing about acknowledging changes: a caller is answered (SMTP 250, IMAP flag, webhook 2xx) only
after the transaction holding its message committed. A batch whose commit fails is written again one
message at a time, so one bad message cannot fail its neighbours; a message whose own step fails is
rolled back to its savepoint and its caller gets the error, as before.

PostgreSQL has row locks and many writers; there every worker commits on its own (``DirectWriter``),
its message and the message's hooks in one transaction as well.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from models.db import deferring_inserts
from tickets import contacts
from tickets.contacts import ContactKey
from tickets.store import SPOILED, TicketStore

log = logging.getLogger(__name__)

T = TypeVar("T")
BATCH_CAP = 64


class Writer(Protocol):
    def run(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
            sender: ContactKey | None = None) -> T:
        """``step`` (its writes) and ``after`` with its result (the hooks' writes, each hook in its own
        savepoint and never raising), committed together; returns only once committed. ``sender``: the
        contact ``step`` looks up, read with those of the whole batch in one statement."""
        ...

    def run_later(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
                  sender: ContactKey | None = None, loop: asyncio.AbstractEventLoop) -> asyncio.Future[T]:
        """``run`` for a caller on an event loop (the SMTP server): returns at once with a future of
        ``loop`` that is resolved, on that loop, once the commit is done; nobody waits in a thread."""
        ...

    def close(self) -> None: ...


def writer_for(ticket_store: TicketStore) -> Writer:
    if ticket_store.engine.dialect.name == "sqlite":
        return GroupCommitWriter(ticket_store)
    return DirectWriter(ticket_store)


class DirectWriter:
    """Each caller writes its message and its hooks in one transaction of its own: first without
    savepoints (``_in_one_go``), and when anything in it raised, again with the step and every hook a
    savepoint (``store.batch``), so a failing hook is rolled back alone."""

    def __init__(self, ticket_store: TicketStore) -> None:
        self.store = ticket_store

    def run(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
            sender: ContactKey | None = None) -> T:
        job: _Job[T] = _Job(step, after, sender=sender)
        if _in_one_go(self.store, [job]):
            return job.result  # type: ignore[return-value]
        with self.store.batch():
            result = step()
            if after is not None:
                _after(after, result)
        return result

    def run_later(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
                  sender: ContactKey | None = None, loop: asyncio.AbstractEventLoop) -> asyncio.Future[T]:
        """Written here and now, in the caller's thread: the future comes back resolved. (Setting it
        outside its loop's thread is safe while nothing awaits it yet: no callback to schedule.)"""
        answer: asyncio.Future[T] = loop.create_future()
        try:
            answer.set_result(self.run(step, after, sender=sender))
        except Exception as exc:
            answer.set_exception(exc)
        return answer

    def close(self) -> None:
        pass


@dataclass(eq=False)
class _Job(Generic[T]):
    step: Callable[[], T]
    after: Callable[[T], None] | None
    done: Future[T] = field(default_factory=Future)
    result: T | None = None
    sender: ContactKey | None = None  # (channel, address) of the contact ``step`` looks up
    # ``run_later``: the caller's event loop and its future, resolved there instead of ``done``.
    loop: asyncio.AbstractEventLoop | None = None
    answer: asyncio.Future[T] | None = None
    answered: bool = False


class GroupCommitWriter:
    """One thread that commits the steps handed to it in batches (see the module docstring)."""

    def __init__(self, ticket_store: TicketStore, *, cap: int = BATCH_CAP) -> None:
        self.store = ticket_store
        self.cap = cap
        self._queue: queue.SimpleQueue[_Job[object] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.batches = 0  # for tests and benchmarks: how many commits the messages took
        self.jobs = 0
        self.cpu_seconds = 0.0  # for benchmarks: the writer thread's CPU time, what one message costs it

    def run(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
            sender: ContactKey | None = None) -> T:
        job: _Job[T] = _Job(step, after, sender=sender)
        self._start()
        self._queue.put(job)  # type: ignore[arg-type]
        return job.done.result()

    def run_later(self, step: Callable[[], T], after: Callable[[T], None] | None = None, *,
                  sender: ContactKey | None = None, loop: asyncio.AbstractEventLoop) -> asyncio.Future[T]:
        # A future of ``loop`` made outside it: nothing touches the loop until the writer resolves it.
        job: _Job[T] = _Job(step, after, sender=sender, loop=loop, answer=loop.create_future())
        self._start()
        self._queue.put(job)  # type: ignore[arg-type]
        assert job.answer is not None
        return job.answer

    def close(self) -> None:
        with self._lock:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join(timeout=60)
                self._thread = None

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="intake-writer", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.cap:  # whatever queued while the previous commit ran
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    self._queue.put(None)  # stop after this batch
                    break
                batch.append(job)
            started = time.thread_time()
            try:
                self._write(batch)
            except BaseException as exc:  # never leave a caller waiting
                log.exception("intake writer: batch failed")
                _answer([job for job in batch if not job.answered], {job: exc for job in batch})
            self.cpu_seconds += time.thread_time() - started

    def _write(self, batch: list[_Job[object]]) -> None:
        self.jobs += len(batch)
        if _in_one_go(self.store, batch):
            self.batches += 1
            _answer(batch, {})
            return
        self._careful(batch)

    def _careful(self, batch: list[_Job[object]]) -> None:
        """The batch again, each step and hook in its savepoint; one by one if even that cannot commit."""
        failed: dict[_Job[object], BaseException] = {}
        try:
            with self.store.batch():
                for job in batch:
                    try:
                        job.result = job.step()
                    except Exception as exc:  # its savepoint is rolled back; the others go on
                        failed[job] = exc
                        continue
                    if job.after is not None:
                        _after(job.after, job.result)
        except Exception:
            if len(batch) == 1:
                raise
            log.warning("intake writer: a batch of %d failed to commit; writing them one by one", len(batch))
            for job in batch:
                self._careful([job])
            return
        self.batches += 1
        _answer(batch, failed)


def _answer(jobs: Sequence[_Job[object]], failed: Mapping[_Job[object], BaseException]) -> None:
    """Each caller its result or error, once its batch committed (or could not be).

    A thread waiting in ``run`` is woken through its own future; callers on an event loop get one
    ``call_soon_threadsafe`` per loop and batch, which resolves all of that loop's futures. Setting each
    waiting thread's future (``Condition.notify``) woke one worker thread per message while the writer
    held the GIL, the largest self time in serve's profile (5.3%, issue 19); the SMTP server's workers
    do not wait at all now, and its loop wakes once per batch.
    """
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[object], object, BaseException | None]]] = {}
    for job in jobs:
        job.answered = True
        error = failed.get(job)
        if job.loop is not None and job.answer is not None:
            by_loop.setdefault(job.loop, []).append((job.answer, job.result, error))
        elif error is not None:
            job.done.set_exception(error)
        else:
            job.done.set_result(job.result)
    for loop, answers in by_loop.items():
        try:
            loop.call_soon_threadsafe(_settle, answers)
        except RuntimeError:  # the loop is closed: nobody is left to answer
            log.warning("intake writer: %d answers for an event loop that is closed", len(answers))


def _settle(answers: list[tuple[asyncio.Future[object], object, BaseException | None]]) -> None:
    """On the callers' event loop: resolve their futures (one the caller gave up on is left alone)."""
    for answer, result, error in answers:
        if answer.done():
            continue
        if error is not None:
            answer.set_exception(error)
        else:
            answer.set_result(result)


class _Spoiled(Exception):
    """Something raised inside a batch without savepoints: it is rolled back and written again."""


def _in_one_go(ticket_store: TicketStore, jobs: Sequence[_Job[T]]) -> bool:
    """The jobs' steps and hooks in one transaction without savepoints, committed; False, with nothing
    committed, when anything in it raised (a step, a hook, the commit): the caller writes them again
    the careful way. Savepoints cost two statements and a flush each, four per message; almost every
    batch succeeds whole, so the careful way is paid only by a batch that needs it."""
    try:
        # The batch's SLA clocks, due rows and new tickets' placeholder keys: one INSERT per table at its end.
        with ticket_store.batch(savepoints=False) as session, deferring_inserts(session):
            # The senders' contacts (and a new sender's customer) in one statement each for the batch, not
            # one per message (issue 19); each step finds its own in the transaction's cache.
            contacts.remember_contacts(session, [job.sender for job in jobs if job.sender is not None])
            for job in jobs:
                job.result = job.step()
                if job.after is not None:
                    _after(job.after, job.result)
                if session.info.get(SPOILED):  # a hook failed: its partial work is in the transaction
                    raise _Spoiled
    except Exception as exc:
        log.debug("intake writer: %d message(s) written again with savepoints (%s)", len(jobs), type(exc).__name__)
        return False
    return True


def _after(after: Callable[[T], None], result: T) -> None:
    """A message's hooks, inside its transaction. They catch their own failures (each in its savepoint,
    ``Intake._run_hooks``); should one escape anyway, the message is still stored and answered."""
    try:
        after(result)
    except Exception:
        log.exception("intake writer: the hooks of a stored message failed")
