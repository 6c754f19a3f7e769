"""After-commit hooks of intake: due times and the automatic acknowledgement of a new e-mail ticket.

Both run as ``Intake(after_commit=[...])`` hooks, i.e. in a second small transaction after the
message's own commit. Decision: the message must be acknowledged to its upstream (SMTP 250, IMAP
flag) as soon as it is stored, and a failing acknowledgement must never make the upstream
re-deliver it. The price: a crash between the two commits loses the acknowledgement (the ticket
is stored, only the courtesy mail is missing) and its due time (the ticket still shows in the
queue, only not in the "due" order). Neither can be sent twice: the hook runs only for a message
that was stored for the first time, and a re-delivery is a duplicate that runs no hooks.

RFC 3834 section 2: an automatic responder answers at most a few times per sender per period, never
an auto-submitted message or a list post (intake's rules already drop those before a ticket is
opened; ``auto_submitted`` is checked again here), and marks its own mail ``Auto-Submitted:
auto-replied`` (section 5).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import format_datetime
from typing import Protocol

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AutoAck, Direction, Message, Ticket, utcnow
from tickets import outbox, queue, store
from tickets.replies import MailIdentity, new_message_id, operator_text

log = logging.getLogger(__name__)


class AckConfig(BaseModel):
    enabled: bool = True
    max_per_sender: int = 3
    per_hours: float = 24.0
    subject_nl: str = "Wij hebben uw bericht ontvangen"
    subject_en: str = "We have received your message"
    text_nl: str = (
        "Hartelijk dank voor uw bericht. Wij hebben het ontvangen onder ticketnummer {ticket_number} "
        "en antwoorden zo snel mogelijk.\n\nAntwoordt u op deze e-mail, dan komt uw bericht bij hetzelfde "
        "ticket terecht.\n\nMet vriendelijke groet,\nSupport"
    )
    text_en: str = (
        "Thank you for your message. We have received it as ticket {ticket_number} and will answer as "
        "soon as we can.\n\nIf you reply to this e-mail, your message is added to the same ticket.\n\n"
        "Kind regards,\nSupport"
    )


class _Inbound(Protocol):
    """The parts of ``intake.message.InboundMessage`` the hooks read (tickets does not import intake)."""

    @property
    def channel(self) -> str: ...
    @property
    def auto_submitted(self) -> bool: ...
    @property
    def external_id(self) -> str: ...


class _Outcome(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def ticket_id(self) -> int | None: ...
    @property
    def new_ticket(self) -> bool: ...


class DueTimeHook:
    """Marks the ticket as awaiting our answer when a customer's message was stored."""

    def __init__(self, ticket_store: store.TicketStore) -> None:
        self.store = ticket_store

    def __call__(self, msg: _Inbound, outcome: _Outcome) -> None:
        if outcome.status != "stored" or outcome.ticket_id is None:
            return
        with self.store.writing() as session:
            ticket = session.get(Ticket, outcome.ticket_id)
            if ticket is not None:
                queue.set_due(session, ticket)


class AutoAcknowledger:
    """Enqueues an acknowledgement mail for a new e-mail ticket (an after-commit hook)."""

    def __init__(self, ticket_store: store.TicketStore, config: AckConfig, identity: MailIdentity) -> None:
        self.store = ticket_store
        self.config = config
        self.identity = identity

    def __call__(self, msg: _Inbound, outcome: _Outcome) -> None:
        if not self.config.enabled or outcome.status != "stored" or not outcome.new_ticket:
            return
        if str(msg.channel) != "email" or msg.auto_submitted or outcome.ticket_id is None:
            return
        with self.store.writing() as session:
            self.acknowledge(session, outcome.ticket_id)

    def acknowledge(self, session: Session, ticket_id: int) -> bool:
        """Enqueue the acknowledgement in ``session``; False when rate-limited or not possible."""
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.contact is None or ticket.contact.unreachable:
            return False
        contact = ticket.contact
        since = utcnow() - timedelta(hours=self.config.per_hours)
        sent = session.scalar(
            select(func.count()).select_from(AutoAck).where(AutoAck.contact_id == contact.id,
                                                            AutoAck.created_at >= since)
        ) or 0
        if sent >= self.config.max_per_sender:
            log.info("ack: rate-limited ticket=%s contact=%s", ticket.number, contact.id)
            return False
        dutch = (ticket.lang or "").startswith("nl")
        subject = f"{self.config.subject_nl if dutch else self.config.subject_en} {store.ticket_tag(ticket.number)}"
        text = (self.config.text_nl if dutch else self.config.text_en).replace("{ticket_number}", str(ticket.number))
        first = session.scalars(
            select(Message.external_id).where(Message.ticket_id == ticket.id,
                                                    Message.direction == Direction.IN)
            .order_by(Message.id).limit(1)
        ).first()
        in_reply_to = first if first and not first.startswith("sha256:") else None
        message_id = new_message_id(self.identity)
        now = utcnow()
        # Stored as an outgoing message, so the customer's answer to it threads by In-Reply-To.
        message = store.add_message(
            session, ticket, direction=Direction.OUT, channel="email", external_id=message_id,
            text=operator_text(text), subject=operator_text(subject), contact=contact, lang=ticket.lang,
            redactions={}, received_at=now, in_reply_to=in_reply_to,
        )
        message.auto_submitted = True
        outbox.enqueue(
            session, channel="email", kind="auto_ack", ticket_id=ticket.id, message_id=message.id,
            payload={"to": contact.address, "subject": subject, "text": text, "message_id": message_id,
                     "in_reply_to": in_reply_to, "references": [in_reply_to] if in_reply_to else [],
                     "auto_submitted": "auto-replied", "lang": ticket.lang, "ticket_number": ticket.number,
                     "date": format_datetime(now)},
        )
        session.add(AutoAck(contact_id=contact.id, ticket_id=ticket.id, created_at=now))
        log.info("ack: enqueued ticket=%s", ticket.number)
        return True
