"""A batch that outlasts its lease is not sent twice.

A worker claims a batch under one lease and sends the items one after the other. When the sends are
slow (a smarthost near its timeout), the lease of the items still waiting runs out and another
process claims them: if the first worker still sent them afterwards, the customer would get them
twice. The worker leaves the rest of its batch alone once half the lease has passed.
"""

from __future__ import annotations

import collections
import threading
import time
from datetime import timedelta

from outbound import worker as delivery
from tickets import outbox
from tickets.store import TicketStore

LEASE = timedelta(seconds=1)
SEND_SECONDS = 0.3  # each send takes well under half the lease, the whole batch well over the lease


class SlowSender:
    def __init__(self) -> None:
        self.sent: collections.Counter[int] = collections.Counter()
        self.lock = threading.Lock()

    def send(self, item: delivery.OutboundItem) -> None:
        time.sleep(SEND_SECONDS)
        with self.lock:
            self.sent[int(item.payload["n"])] += 1


def test_slow_batch_is_not_sent_twice_by_a_second_worker(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as s:
        for n in range(10):
            outbox.enqueue(s, channel="email", kind="reply", payload={"n": n})
    sender = SlowSender()
    stop = threading.Event()
    first, second = (delivery.OutboxWorker(ticket_store, {"email": sender}, stop=stop, batch=10, lease=LEASE)
                     for _ in range(2))
    slow = threading.Thread(target=first.run_once)
    slow.start()  # claims all ten: sending them all would take 3 s, three leases
    time.sleep(0.1)

    def drain() -> None:
        deadline = time.monotonic() + 30
        while sum(1 for n in range(10) if sender.sent[n]) < 10 and time.monotonic() < deadline:
            if not second.run_once():
                time.sleep(0.1)

    other = threading.Thread(target=drain)
    other.start()
    slow.join(30)
    other.join(40)
    assert sorted(sender.sent) == list(range(10))  # nothing lost
    assert set(sender.sent.values()) == {1}, dict(sender.sent)  # nothing sent twice
