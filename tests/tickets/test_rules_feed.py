"""The shared event feed (tickets.event_feed) as the rules use it: each consumer handles each committed
row once, whatever the other consumers did; a row that commits below rows already handled (an id taken
earlier, committed later) is still handled, and the mark passes a gap only once it has settled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import delete, insert, select

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message
from models.webhooks_out import SOURCE_MESSAGES, WebhookCursor, WebhookSeen
from tests.support.fakes import FakeScrubber
from tickets import event_feed
from tickets.store import TicketStore


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def _submit(intake: Intake, n: int) -> int:
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"f{n}@x", sender=f"k{n}@example.org",
                                       subject="Vraag", text="Hallo"))
    assert out.message_id is not None
    return out.message_id


def _take(store: TicketStore, consumer: str, settle: timedelta = event_feed.SETTLE) -> list[int]:
    seen: list[int] = []

    def handle(row: event_feed.Row) -> int:
        seen.append(row.id)
        return 1

    with store.writing() as session:
        event_feed.take(session, consumer, (SOURCE_MESSAGES,), handle, limit=100, settle=settle)
    return seen


def _mark(store: TicketStore, consumer: str) -> int:
    with store.reading() as session:
        return session.scalars(select(WebhookCursor.position).where(
            WebhookCursor.source == event_feed.key(consumer, SOURCE_MESSAGES))).one()


def test_consumers_are_independent_and_a_late_row_is_handled(ticket_store: TicketStore, intake: Intake) -> None:
    first = [_submit(intake, n) for n in range(3)]
    assert _take(ticket_store, "rules") == first
    assert _take(ticket_store, "webhooks-out") == first  # its own position, its own plain key
    assert _take(ticket_store, "rules") == [] and _take(ticket_store, "webhooks-out") == []
    assert event_feed.key("webhooks-out", SOURCE_MESSAGES) == "messages"
    assert event_feed.key("rules", SOURCE_MESSAGES) == "rules:messages"
    # A gap: the middle row is gone before the consumer reads (as if its transaction were still open).
    later = [_submit(intake, n) for n in range(3, 6)]
    with ticket_store.writing() as session:
        held = session.get(Message, later[1])
        assert held is not None
        values = {c.key: getattr(held, c.key) for c in Message.__table__.columns}
        session.execute(delete(Message).where(Message.id == later[1]))
    assert _take(ticket_store, "rules") == [later[0], later[2]]
    assert _mark(ticket_store, "rules") == later[0]  # not past the gap yet: it may still commit
    with ticket_store.writing() as session:  # it commits, late, with its old id
        session.execute(insert(Message).values(**values))
    assert _take(ticket_store, "rules") == [later[1]]
    assert _mark(ticket_store, "rules") == later[2]
    # A gap that never fills is passed once it has settled.
    gone = [_submit(intake, n) for n in range(6, 8)]
    with ticket_store.writing() as session:
        session.execute(delete(Message).where(Message.id == gone[0]))
    assert _take(ticket_store, "rules") == [gone[1]]
    assert _mark(ticket_store, "rules") == later[2]
    _take(ticket_store, "rules", settle=timedelta(0))
    assert _mark(ticket_store, "rules") == gone[1]


def test_a_consumer_with_nothing_to_run_skips_to_the_newest_row(ticket_store: TicketStore, intake: Intake) -> None:
    """``handle=None`` (no enabled rule, no webhook endpoint): one pass jumps the mark to the newest row,
    whatever the backlog, records nothing in the seen set (issue 19: under load the rules' and webhooks'
    passes wrote and deleted a seen row per message, each pass taking SQLite's write lock), and a
    handler that comes later sees only the rows committed after that pass."""
    _take(ticket_store, "rules")  # the cursor exists from here on
    before = [_submit(intake, n) for n in range(5)]
    with ticket_store.writing() as session:
        assert event_feed.take(session, "rules", (SOURCE_MESSAGES,), None, limit=2) == (False, 0)
        assert session.scalar(select(WebhookSeen.row_id).limit(1)) is None
    assert _mark(ticket_store, "rules") == before[-1]
    after = [_submit(intake, n) for n in range(5, 7)]
    assert _take(ticket_store, "rules") == after
