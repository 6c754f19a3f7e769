"""The outbox: claim, send, retry with back-off, give up; exactly one claimant per entry."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from models import OutboxEntry, OutboxStatus, utcnow
from outbound import worker as delivery
from tickets import outbox
from tickets.store import TicketStore


class Recorder:
    def __init__(self, fail: Exception | None = None) -> None:
        self.sent: list[int] = []
        self.fail = fail
        self.lock = threading.Lock()

    def send(self, item: delivery.OutboundItem) -> None:
        if self.fail:
            raise self.fail
        with self.lock:
            self.sent.append(int(item.payload["n"]))


def fill(ticket_store: TicketStore, n: int) -> None:
    with ticket_store.writing() as s:
        for i in range(n):
            outbox.enqueue(s, channel="email", kind="reply", payload={"n": i})


def statuses(ticket_store: TicketStore) -> list[str]:
    with ticket_store.reading() as s:
        return [e.status for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]


def test_entries_are_sent_once_by_competing_workers(ticket_store: TicketStore) -> None:
    fill(ticket_store, 60)
    rec = Recorder()
    stop = threading.Event()
    workers = [delivery.OutboxWorker(ticket_store, {"email": rec}, stop=stop, batch=3) for _ in range(3)]

    def drain(w: delivery.OutboxWorker) -> None:
        while w.run_once():
            pass

    threads = [threading.Thread(target=drain, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(rec.sent) == list(range(60))
    assert set(statuses(ticket_store)) == {OutboxStatus.SENT}


def test_transient_failure_backs_off_and_permanent_gives_up(ticket_store: TicketStore) -> None:
    fill(ticket_store, 1)
    worker = delivery.OutboxWorker(ticket_store, {"email": Recorder(delivery.TransientSendError("429", 7))},
                                 stop=threading.Event())
    assert worker.run_once() == 0
    with ticket_store.reading() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert entry.status == OutboxStatus.PENDING and entry.attempts == 1
        assert timedelta(seconds=5) < entry.next_attempt_at - utcnow() <= timedelta(seconds=7)
    # Not due yet: nothing is claimed.
    assert delivery.claim(ticket_store, channels=["email"]) == []
    with ticket_store.writing() as s:
        s.scalars(select(OutboxEntry)).one().next_attempt_at = utcnow()
    worker.senders = {"email": Recorder(delivery.PermanentSendError("blocked"))}
    worker.run_once()
    assert statuses(ticket_store) == [OutboxStatus.FAILED]


def test_expired_lease_is_claimed_again(ticket_store: TicketStore) -> None:
    fill(ticket_store, 1)
    [item] = delivery.claim(ticket_store, channels=["email"])  # a worker claims, then dies
    assert delivery.claim(ticket_store, channels=["email"]) == []
    with ticket_store.writing() as s:
        s.get(OutboxEntry, item.id).next_attempt_at = utcnow() - timedelta(seconds=1)  # type: ignore[union-attr]
    [again] = delivery.claim(ticket_store, channels=["email"])
    assert again.id == item.id and again.attempts == 2


def test_unknown_channel_waits(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as s:
        outbox.enqueue(s, channel="telegram", kind="reply", payload={"n": 1})
    assert delivery.OutboxWorker(ticket_store, {"email": Recorder()}, stop=threading.Event()).run_once() == 0
    assert statuses(ticket_store) == [OutboxStatus.PENDING]
