"""Intake's rows of an inbound message (a new ticket, the message, its attachments, its events) written
by Core INSERTs on the session's connection instead of an ORM flush.

Why this module exists: intake's writer (issue 19) commits every message of the service, and the ORM
flush of a new ticket and its first message cost about 1.8 ms of the writer's 4.3 ms per message (unit of
work, attribute history, identity bookkeeping) for two INSERTs that SQLite runs in microseconds. The
statements are the same ones; what the flush did besides is done here by hand:

- the new ticket becomes a persistent object of the session, built from the values it was inserted with
  (every column set, so nothing is loaded again), so the hooks after it (SLA clock, privacy request,
  acknowledgement) find it in the identity map as before;
- the report summary (``models.reports``) is told which ticket was written and what (``note_opened``,
  ``note_inbound``), which its after-flush listener learnt from the flushed objects; a ticket opened here
  has its summary computed from those values instead of read back before the commit;
- notifications (``tickets.notify``): the ticket is marked new and its first message notifies as
  ``add_message`` does;
- a ticket's ``messages`` collection, if this session had loaded it, is expired (it lacks the new row).

An existing ticket's own changes (last activity, a reopen and its status event) stay ORM updates
(``store.customer_wrote``): they need its version check. The audit trail's flush listener watches agents
and verifications only, the transaction cache contacts and subscribers: neither sees these rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Unpack

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models import Attachment, Contact, Direction, Message, Priority, Ticket, TicketEvent, TicketStatus, reports, utcnow
from models.db import inserted, new_id
from scrubber import ScrubbedText
from tickets import notify, store

# Built once: building an INSERT (and its cache key) per message costs more than running it.
_INSERT_MESSAGE = insert(Message.__table__)  # type: ignore[arg-type]
_INSERT_ATTACHMENT = insert(Attachment.__table__)  # type: ignore[arg-type]
_INSERT_EVENT = insert(TicketEvent.__table__)  # type: ignore[arg-type]


def open_ticket(session: Session, *, channel: str, contact: Contact, lang: str | None, at: datetime,
                subject: ScrubbedText, mailbox_id: int | None = None, group_id: int | None = None) -> Ticket:
    """``store.open_ticket`` by one INSERT: the new ticket, with its id, a persistent object of ``session``."""
    store.require_scrubbed(subject)
    values: dict[str, Any] = {
        "subject": store.clean_subject(subject), "status": TicketStatus.NEW, "priority": Priority.NORMAL,
        "channel": channel, "customer_id": contact.customer_id, "contact_id": contact.id, "assignee_id": None,
        "mailbox_id": mailbox_id, "group_id": group_id, "lang": lang, "created_at": at, "updated_at": utcnow(),
        "last_activity_at": at, "solved_at": None, "version": 1,
    }
    ticket = inserted(session, Ticket, values)
    # Its report summary is computed from these values and its messages' (``reports.Opened``), not read back.
    reports.note_opened(session, ticket.id, channel=channel, mailbox_id=mailbox_id, created_at=at)
    notify.mark_new(session, ticket)
    return ticket


def add_message(session: Session, ticket: Ticket, *, fresh: bool, attachments: Sequence[store.StoredAttachment] = (),
                **columns: Unpack[store.MessageColumns]) -> int:
    """A customer's message on ``ticket`` (``fresh``: opened by ``open_ticket`` in this transaction) by one
    INSERT and one for its attachments; its id. What ``store.add_message`` does besides, done alike."""
    store.require_scrubbed(*(a.filename for a in attachments))
    conn = session.connection()
    row = store.message_row(Direction.IN, **columns)
    if not fresh:
        # Its last activity (and a reopen with its event) are ORM changes of the ticket: version-checked.
        store.customer_wrote(session, ticket, row["received_at"])
        if "messages" in ticket.__dict__:
            session.expire(ticket, ["messages"])
    row["ticket_id"] = ticket.id
    message_id = new_id(conn.execute(_INSERT_MESSAGE, row))
    rows = [{"message_id": message_id, **att.row()} for att in attachments]
    if rows:
        conn.execute(_INSERT_ATTACHMENT, rows)
    reports.note_inbound(session, ticket.id, row["received_at"], row["redactions"], (r["redactions"] for r in rows))
    notify.message_stored(session, ticket)
    return message_id


def add_event(session: Session, ticket_id: int, kind: str, detail: dict[str, Any], *, actor: str = "system") -> None:
    """``store.add_event`` without a dedupe key, by one INSERT (no ticket event of intake's is one the
    report summary reads: those are the SLA breach sweep's)."""
    session.connection().execute(_INSERT_EVENT, {"ticket_id": ticket_id, "kind": kind, "detail": detail,
                                                 "dedupe_key": None, "actor": actor, "created_at": utcnow()})
