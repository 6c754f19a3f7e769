"""Group commit (issue #19): many messages, few transactions, nobody answered before the commit,
and one bad message never fails its neighbours."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from intake.writer import GroupCommitWriter
from models import Channel, Message, OutboxEntry
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


def test_hooks_run_after_the_message_is_committed(sqlite_store: TicketStore) -> None:
    seen: list[bool] = []

    def hook(msg: InboundMessage, outcome: SubmitOutcome) -> None:
        with TicketStore(sqlite_store.engine).reading() as s:  # another connection sees it committed
            seen.append(s.get(Message, outcome.message_id) is not None)

    intake = Intake(sqlite_store, FakeScrubber(), after_commit=[hook])
    try:
        intake.submit(mail(1))
    finally:
        intake.close()
    assert seen == [True]
