"""Intake's rows written by Core instead of an ORM flush (``tickets.inbound_rows``, issue 19): what the
flush's listeners did is still done, also when one transaction (a group commit's batch) opens a ticket
and then stores a follow-up into it: the report summary equals a rebuild, the new-ticket notification
is sent once, the attachment keeps what intake learnt of it, the privacy event is recorded, the ticket's
version check still guards its update, and the hooks find the ticket without a query."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, select

from intake import writer as w
from intake.hooks import DueTimeHook
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, SubmitOutcome, prepare
from models import Agent, Attachment, Channel, Message, Notification, Ticket, TicketDue, TicketEvent
from models.reports import TicketReport, TicketReportRemoved, rebuild
from privacy.recognition.types import Recognition, RequestType
from tests.support.fakes import FakeScrubber
from tickets import accounts
from tickets.store import TicketStore


def _summary(conn: Connection) -> list[Any]:
    rows = [tuple(r) for model in (TicketReport, TicketReportRemoved)
            for r in conn.execute(select(*(c for c in model.__table__.columns if c.name != "id")))]
    return sorted(rows, key=repr)


def _chat(n: int, text: str, attachments: tuple[InboundAttachment, ...] = ()) -> InboundMessage:
    return InboundMessage(channel=Channel.TELEGRAM, external_id=f"tg{n}", sender="4711", text=text,
                          attachments=attachments)


def test_a_new_ticket_and_its_follow_up_in_one_transaction(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        agent = accounts.add_agent(session, "anna", "correct horse battery staple")
        agent.notify = {"new_ticket": ["app"]}
        session.flush()
        agent_id = agent.id
    intake = Intake(ticket_store, FakeScrubber(), after_commit=[DueTimeHook(ticket_store)])
    note = InboundAttachment("notes.txt", "text/plain", b"Mijn bsn is 123456789.")
    messages = [_chat(1, "Hallo, mail jan@example.nl", (note,)), _chat(2, "Nog een vraag: 987654321")]
    asked = Recognition(labels=(RequestType.ACCESS,))
    jobs: list[Any] = [w._Job(lambda m=m: intake._store(m, prepare(m, intake.scrubber, intake.limits), asked),
                              lambda done, m=m: intake._run_hooks(m, done.outcome)) for m in messages]
    reads: list[str] = []

    def seen(conn: Any, cursor: Any, sql: str, *rest: Any) -> None:
        reads.append(sql)

    event.listen(ticket_store.engine, "before_cursor_execute", seen)
    try:
        assert w._in_one_go(ticket_store, jobs)  # one transaction for both, as a group commit's batch
    finally:
        event.remove(ticket_store.engine, "before_cursor_execute", seen)
        intake.close()
    first, second = (job.result.outcome for job in jobs)
    assert isinstance(first, SubmitOutcome) and first.new_ticket and not second.new_ticket
    assert first.ticket_id == second.ticket_id
    # The hooks and the follow-up found the new ticket in the session: nobody loaded it by its id.
    assert not [sql for sql in reads if sql.startswith("SELECT tickets.") and "WHERE tickets.id = " in sql]
    with ticket_store.reading() as session:
        ticket = session.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.version == 2  # the follow-up's update went through the version check
        last = session.scalars(select(Message.received_at).where(Message.id == second.message_id)).one()
        assert ticket.last_activity_at == last
        att = session.scalars(select(Attachment)).one()
        assert att.message_id == first.message_id and att.kind == "text" and att.redactions == {"NATIONAL_ID": 1}
        assert att.stored and att.detected_type
        told = session.execute(select(Notification.agent_id, Notification.kind, Notification.ticket_id)).all()
        assert [tuple(t) for t in told] == [(agent_id, "new_ticket", ticket.id)]
        kinds = session.scalars(select(TicketEvent.kind).where(TicketEvent.ticket_id == ticket.id)).all()
        assert kinds == ["privacy_request_detected"] * 2
        assert session.get(TicketDue, ticket.id) is not None
        assert session.get(Agent, agent_id) is not None
    with ticket_store.engine.begin() as conn:
        kept = _summary(conn)
        assert any(r[0] == first.ticket_id for r in kept)
        assert sum(1 for r in kept if len(r) == 8) == 3  # removed: e-mail (body), national id (attachment, body 2)
        rebuild(conn)
        assert _summary(conn) == kept
        conn.rollback()
