"""The writer answering callers on an event loop (``run_later``, ``Intake.submit_later``; issue 19): the
future resolves on the loop only after the commit, one wake of the loop per batch (not one per message),
an error reaches its own caller only, and a store that is down is a TransientError (SMTP 451)."""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from intake.errors import TransientError
from intake.pipeline import Intake, SubmitOutcome
from intake.writer import DirectWriter, GroupCommitWriter
from models import Message, OutboxEntry
from tests.intake.test_writer import count, mail
from tests.support.fakes import FakeScrubber
from tickets import outbox
from tickets.store import TicketStore


class CountingLoop(asyncio.SelectorEventLoop):
    """An event loop that counts the wake-ups the writer asks of it (the executor's are not counted)."""

    def __init__(self) -> None:
        super().__init__()
        self.woken = 0

    def call_soon_threadsafe(self, callback: Callable[..., object], *args: Any,  # type: ignore[override]
                             context: Any = None) -> asyncio.Handle:
        self.woken += getattr(callback, "__module__", "") == "intake.writer"
        return super().call_soon_threadsafe(callback, *args, context=context)


@pytest.fixture
def loop() -> Any:
    running = CountingLoop()
    yield running
    running.close()


def _in_threads(loop: asyncio.AbstractEventLoop, calls: list[Callable[[], object]]) -> list[object]:
    """Each call in a thread of its own (as the SMTP server's workers), all started together."""
    async def main() -> list[object]:
        return list(await asyncio.gather(*(loop.run_in_executor(None, call) for call in calls)))
    return loop.run_until_complete(main())


def test_callers_on_a_loop_are_answered_after_the_commit_once_per_batch(
        ticket_store: TicketStore, loop: CountingLoop) -> None:
    if ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("group commit is the embedded store's writer")
    writer = GroupCommitWriter(ticket_store)
    intake = Intake(ticket_store, FakeScrubber(), writer=writer)
    committed_when_answered: list[int] = []

    async def answered(pending: SubmitOutcome | Awaitable[SubmitOutcome]) -> SubmitOutcome:
        outcome = pending if isinstance(pending, SubmitOutcome) else await pending
        with TicketStore(ticket_store.engine).reading() as s:  # another connection sees it: committed
            committed_when_answered.append(len(s.scalars(select(Message.id).where(
                Message.id == outcome.message_id)).all()))
        return outcome

    try:
        pending = _in_threads(loop, [functools.partial(intake.submit_later, mail(n), loop) for n in range(30)])

        async def all_answered() -> list[SubmitOutcome]:
            return list(await asyncio.gather(*(answered(p) for p in pending)))  # type: ignore[arg-type]

        results = loop.run_until_complete(all_answered())
    finally:
        intake.close()
    assert all(r.status == "stored" for r in results) and count(ticket_store, Message) == 30
    assert committed_when_answered == [1] * 30
    assert writer.jobs == 30 and loop.woken == writer.batches  # one wake per batch, however many it answered
    # A re-delivery is answered at once, in the worker: nothing is written.
    again = _in_threads(loop, [lambda: intake.submit_later(mail(3), loop)])
    assert isinstance(again[0], SubmitOutcome) and again[0].status == "duplicate"


def test_a_failing_step_fails_only_its_own_caller_on_the_loop(ticket_store: TicketStore, loop: CountingLoop) -> None:
    if ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("group commit is the embedded store's writer")
    writer = GroupCommitWriter(ticket_store)
    release = threading.Event()

    def hold() -> int:
        release.wait(10)
        return 0

    def step(n: int) -> Callable[[], int]:
        def write() -> int:
            with ticket_store.writing() as s:
                entry = outbox.enqueue(s, channel="email", kind="x", payload={"n": n})
                if n == 2:
                    raise ValueError("this message cannot be stored")
                return entry.id
        return write

    async def main() -> list[object]:
        first = writer.run_later(hold, loop=loop)  # the writer waits here, so the rest queue into one batch
        rest = [writer.run_later(step(n), loop=loop) for n in range(1, 5)]
        release.set()
        return list(await asyncio.gather(first, *rest, return_exceptions=True))

    try:
        results = loop.run_until_complete(main())
    finally:
        writer.close()
    assert [type(r).__name__ for r in results] == ["int", "int", "ValueError", "int", "int"]
    with ticket_store.reading() as s:
        assert sorted(e.payload["n"] for e in s.scalars(select(OutboxEntry))) == [1, 3, 4]


def test_a_store_that_is_down_is_a_transient_error_on_the_loop(ticket_store: TicketStore,
                                                                loop: CountingLoop) -> None:
    writer = GroupCommitWriter(ticket_store) if ticket_store.engine.dialect.name == "sqlite" else DirectWriter(
        ticket_store)
    intake = Intake(ticket_store, FakeScrubber(), writer=writer)

    def down(*args: object, **kwargs: object) -> object:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    intake._store = down  # type: ignore[method-assign, assignment]
    try:
        async def main() -> object:
            try:
                pending = await loop.run_in_executor(None, intake.submit_later, mail(1), loop)
                return pending if isinstance(pending, SubmitOutcome) else await pending
            except TransientError as exc:
                return exc
        assert isinstance(loop.run_until_complete(main()), TransientError)
    finally:
        intake.close()


def test_the_direct_writer_answers_in_the_workers_thread(ticket_store: TicketStore, loop: CountingLoop) -> None:
    intake = Intake(ticket_store, FakeScrubber(), writer=DirectWriter(ticket_store))
    [outcome] = _in_threads(loop, [lambda: intake.submit_later(mail(1), loop)])
    assert isinstance(outcome, SubmitOutcome) and outcome.status == "stored"
