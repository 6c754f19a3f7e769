"""Group commit (issue #19): many messages, few transactions, nobody answered before the commit,
and one bad message never fails its neighbours."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import event, func, select

from intake.hooks import DueTimeHook
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from intake.writer import DirectWriter, GroupCommitWriter
from models import Channel, Message, OutboxEntry, Ticket, TicketDue
from tests.support.fakes import FakeScrubber
from tickets import outbox
from tickets.store import TicketStore


def mail(n: int, sender: str | None = None) -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=f"m{n}@x", sender=sender or f"k{n}@example.nl",
                          text=f"Bericht {n}.", subject=f"Vraag {n}")


def count(ticket_store: TicketStore, model: type) -> int:
    with ticket_store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def submit_all(intake: Intake, messages: list[InboundMessage]) -> list[SubmitOutcome | BaseException]:
    results: list[SubmitOutcome | BaseException] = [RuntimeError("not run")] * len(messages)
    start = threading.Barrier(len(messages))

    def one(i: int) -> None:
        start.wait()
        try:
            results[i] = intake.submit(messages[i])
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(messages))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.fixture
def sqlite_store(ticket_store: TicketStore) -> TicketStore:
    if ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("group commit is the embedded store's writer")
    return ticket_store


def test_concurrent_messages_share_commits_and_are_stored_once(sqlite_store: TicketStore) -> None:
    writer = GroupCommitWriter(sqlite_store)
    intake = Intake(sqlite_store, FakeScrubber(), writer=writer)
    try:
        results = submit_all(intake, [mail(n) for n in range(40)])
        assert all(isinstance(r, SubmitOutcome) and r.status == "stored" for r in results)
        assert count(sqlite_store, Message) == 40
        assert writer.jobs == 40 and writer.batches < 40  # whatever queued during a commit went together
        again = submit_all(intake, [mail(n) for n in range(40)])
        assert all(isinstance(r, SubmitOutcome) and r.status == "duplicate" for r in again)
    finally:
        intake.close()


def test_a_failing_message_does_not_fail_its_batch(sqlite_store: TicketStore) -> None:
    writer = GroupCommitWriter(sqlite_store)
    release = threading.Event()
    done: list[object] = []

    def slow_first() -> int:  # holds the writer so the next ones queue into one batch
        release.wait(5)
        with sqlite_store.writing() as s:
            return outbox.enqueue(s, channel="email", kind="x", payload={"n": 0}).id

    def bad() -> int:
        with sqlite_store.writing() as s:
            outbox.enqueue(s, channel="email", kind="x", payload={"n": 1})
            raise ValueError("this message cannot be stored")

    def good(n: int) -> Callable[[], int]:
        def step() -> int:
            with sqlite_store.writing() as s:
                return outbox.enqueue(s, channel="email", kind="x", payload={"n": n}).id
        return step

    def run(step: Callable[[], int]) -> None:
        try:
            done.append(writer.run(step))
        except ValueError as exc:
            done.append(exc)

    threads = [threading.Thread(target=run, args=(step,)) for step in (slow_first, bad, good(2), good(3))]
    threads[0].start()
    for t in threads[1:]:
        t.start()
    release.set()
    for t in threads:
        t.join()
    writer.close()
    assert sum(isinstance(d, ValueError) for d in done) == 1 and len(done) == 4
    with sqlite_store.reading() as s:
        assert sorted(e.payload["n"] for e in s.scalars(select(OutboxEntry))) == [0, 2, 3]


def commit_counter(ticket_store: TicketStore) -> list[int]:
    """How many transactions commit on the store's engine from now on (savepoints are not commits)."""
    commits = [0]

    def counted(_conn: object) -> None:
        commits[0] += 1

    event.listen(ticket_store.engine, "commit", counted)
    return commits


def savepoint_counter(ticket_store: TicketStore) -> list[int]:
    savepoints = [0]

    def counted(_conn: object, _name: object) -> None:
        savepoints[0] += 1

    event.listen(ticket_store.engine, "savepoint", counted)
    return savepoints


def test_a_batch_and_the_hooks_of_its_messages_share_one_commit(sqlite_store: TicketStore) -> None:
    writer = GroupCommitWriter(sqlite_store)
    intake = Intake(sqlite_store, FakeScrubber(), writer=writer, after_commit=[DueTimeHook(sqlite_store)])
    commits, savepoints = commit_counter(sqlite_store), savepoint_counter(sqlite_store)
    try:
        results = submit_all(intake, [mail(n) for n in range(40)])
    finally:
        intake.close()
    assert all(isinstance(r, SubmitOutcome) and r.status == "stored" for r in results)
    assert count(sqlite_store, Message) == 40 and count(sqlite_store, TicketDue) == 40
    assert commits[0] == writer.batches < 40  # not one more commit per batch for the hooks
    assert savepoints[0] == 0  # nothing failed: no batch needed the careful way


def test_a_message_and_its_hooks_are_one_commit_with_the_direct_writer(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber(), writer=DirectWriter(ticket_store),
                    after_commit=[DueTimeHook(ticket_store)])
    commits, savepoints = commit_counter(ticket_store), savepoint_counter(ticket_store)
    for n in range(3):
        assert intake.submit(mail(n)).status == "stored"
    assert commits[0] == 3 and count(ticket_store, TicketDue) == 3 and savepoints[0] == 0


@pytest.mark.parametrize("writer_kind", ["group", "direct"])
def test_a_failing_hook_loses_neither_its_message_nor_the_other_hooks(ticket_store: TicketStore,
                                                                       writer_kind: str) -> None:
    if writer_kind == "group" and ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("group commit is the embedded store's writer")

    def broken(msg: InboundMessage, outcome: SubmitOutcome) -> None:
        with ticket_store.writing() as s:
            outbox.enqueue(s, channel="email", kind="x", payload={"n": "broken"})
            raise RuntimeError("this hook is broken")

    writer = GroupCommitWriter(ticket_store) if writer_kind == "group" else DirectWriter(ticket_store)
    intake = Intake(ticket_store, FakeScrubber(), writer=writer, after_commit=[broken, DueTimeHook(ticket_store)])
    try:
        out = intake.submit(mail(1))
    finally:
        intake.close()
    assert out.status == "stored"
    assert count(ticket_store, Message) == 1 and count(ticket_store, TicketDue) == 1
    assert count(ticket_store, OutboxEntry) == 0  # the broken hook's own write went with it


def test_the_caller_is_answered_once_the_message_and_its_hooks_are_committed(sqlite_store: TicketStore) -> None:
    seen: list[bool] = []

    def hook(msg: InboundMessage, outcome: SubmitOutcome) -> None:
        with sqlite_store.writing() as s:  # the hook sees its message: it runs in the message's transaction
            seen.append(s.get(Message, outcome.message_id) is not None)

    intake = Intake(sqlite_store, FakeScrubber(), after_commit=[hook, DueTimeHook(sqlite_store)])
    try:
        out = intake.submit(mail(1))
    finally:
        intake.close()
    assert seen == [True]
    with TicketStore(sqlite_store.engine).reading() as s:  # another connection: both are committed
        assert s.get(Message, out.message_id) is not None and s.get(TicketDue, out.ticket_id) is not None


def test_two_copies_of_a_message_in_one_batch_are_stored_once(sqlite_store: TicketStore) -> None:
    """Both copies pass the read check before either is stored; the write relies on the unique
    (channel, external_id), and the copy that meets it is rolled back and answered as a duplicate."""
    writer = GroupCommitWriter(sqlite_store)
    intake = Intake(sqlite_store, FakeScrubber(), writer=writer, after_commit=[DueTimeHook(sqlite_store)])
    release, holding = threading.Event(), threading.Event()

    def hold() -> bool:
        holding.set()
        return release.wait(60)

    holder = threading.Thread(target=writer.run, args=(hold,))
    holder.start()  # the writer waits in this step, so both copies queue into the next batch
    try:
        # Only once the writer has taken the holding step off the queue does a queue of two mean the
        # two copies (else the step and one copy could make the "next" batch).
        assert holding.wait(60), "the writer never ran the holding step"
        copies = [mail(7), mail(7)]
        results: list[SubmitOutcome | BaseException] = []
        threads = [threading.Thread(target=lambda m=m: results.append(intake.submit(m))) for m in copies]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while writer._queue.qsize() < 2:  # both copies wait for the writer
            assert time.monotonic() < deadline, "the copies never reached the writer"
            time.sleep(0.01)
        release.set()
        for t in [holder, *threads]:
            t.join()
    finally:
        intake.close()
    assert sorted(r.status for r in results if isinstance(r, SubmitOutcome)) == ["duplicate", "stored"]
    assert count(sqlite_store, Message) == 1 and count(sqlite_store, Ticket) == 1
    assert count(sqlite_store, TicketDue) == 1 and writer.batches == 2


def test_concurrent_copies_are_stored_once_by_direct_writers(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber(), writer=DirectWriter(ticket_store))
    results = submit_all(intake, [mail(n % 4) for n in range(16)])
    assert sorted(r.status for r in results if isinstance(r, SubmitOutcome)) == ["duplicate"] * 12 + ["stored"] * 4
    assert count(ticket_store, Message) == 4 and count(ticket_store, Ticket) == 4
