"""The automatic acknowledgement mail: "we received your message as ticket [#100042]".

One way to build it, for a new e-mail ticket (``intake.hooks.AutoAcknowledger``) and for the web form
(``web.webform``). RFC 3834: an automatic responder answers at most a few times per sender per period
(section 2), never an auto-submitted message or a list post (intake's rules drop those before a
ticket is opened), and marks its own mail ``Auto-Submitted: auto-replied`` (section 5).

A new e-mail ticket's acknowledgement also says which kinds of data were removed on arrival and that
support never needs them (``outbound.removed``), where the text has ``{removed}``.

A ticket that came in on a mailbox (brand, ``tickets.mailboxes``) is acknowledged with that mailbox's
text for its language (Dutch, else English; a mailbox without one uses the configured text), From
the mailbox's identity and with its signature below.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AutoAck, Channel, Direction, Message, Ticket, utcnow
from outbound import removed as removed_texts
from tickets import mailboxes, outbox, store
from tickets.i18n import language
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
        "en antwoorden zo snel mogelijk.{removed}\n\nAntwoordt u op deze e-mail, dan komt uw bericht bij hetzelfde "
        "ticket terecht.\n\nMet vriendelijke groet,\nSupport"
    )
    text_en: str = (
        "Thank you for your message. We have received it as ticket {ticket_number} and will answer as "
        "soon as we can.{removed}\n\nIf you reply to this e-mail, your message is added to the same ticket.\n\n"
        "Kind regards,\nSupport"
    )


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """What one acknowledgement says and how often an address may get one (RFC 3834 section 2)."""

    kind: str  # the outbox kind: "auto_ack" (a new e-mail ticket) or "ack" (the web form)
    subject: str  # without the ticket tag, which is appended
    text: str  # "{ticket_number}" is filled in
    max_per_sender: int
    per_hours: float


@dataclass(frozen=True, slots=True)
class Removed:
    """What intake removed from one message on arrival: per strip type how many values (body, subject
    and attachments together), and how many identity document images were not kept. Never a value."""

    counts: dict[str, int]
    identity_images: int = 0


def for_mail(config: AckConfig, lang: str | None, removed: Removed | None = None,
             sender: mailboxes.SenderIdentity = mailboxes.DEFAULT_IDENTITY) -> Acknowledgement:
    """The acknowledgement of a new e-mail ticket, in the ticket's language (Dutch, else English), in the
    words of the ticket's mailbox (``sender``) when it has its own text."""
    dutch = language(lang) == "nl"
    said = removed_texts.paragraph(lang, removed.counts, removed.identity_images) if removed else ""
    own = sender.ack_template_nl if dutch else sender.ack_template_en
    text = own or (config.text_nl if dutch else config.text_en)
    return Acknowledgement(kind="auto_ack", subject=config.subject_nl if dutch else config.subject_en,
                           text=_with_removed(text, said),
                           max_per_sender=config.max_per_sender, per_hours=config.per_hours)


def _with_removed(text: str, said: str) -> str:
    """``text`` with the removed-data paragraph at ``{removed}``; an operator's own text without the
    placeholder gets it before its closing paragraph (the greeting), so it is never silently left out."""
    paragraph = f"\n\n{said}" if said else ""
    if "{removed}" in text:
        return text.replace("{removed}", paragraph)
    if not said:
        return text
    head, sep, closing = text.rpartition("\n\n")
    return f"{head}{paragraph}{sep}{closing}" if sep else f"{text}{paragraph}"


def enqueue(session: Session, ticket_id: int, ack: Acknowledgement, identity: MailIdentity) -> bool:
    """Enqueue the acknowledgement mail in ``session``; False when rate-limited or not possible.

    The mail is also stored as an outgoing message of the ticket, so the customer's answer to it
    threads by In-Reply-To (RFC 5322 section 3.6.4) even when the ticket came from another channel.
    The limit counts per contact (``auto_acks``), shared by every kind: anyone can type someone else's
    address into a public form, and the form must not become a way to send our mail to a stranger.
    """
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.contact is None or ticket.contact.unreachable:
        return False
    contact = ticket.contact
    since = utcnow() - timedelta(hours=ack.per_hours)
    sent = session.scalar(
        select(func.count()).select_from(AutoAck).where(AutoAck.contact_id == contact.id, AutoAck.created_at >= since)
    ) or 0
    if sent >= ack.max_per_sender:
        log.info("ack: rate-limited ticket=%s contact=%s", ticket.number, contact.id)
        return False
    subject = f"{ack.subject} {store.ticket_tag(ticket.number)}"
    sender = mailboxes.identity_for_ticket(session, ticket)
    text = mailboxes.sign(ack.text.replace("{ticket_number}", str(ticket.number)), sender)
    in_reply_to = _first_mail_id(session, ticket)
    message_id = new_message_id(identity)
    now = utcnow()
    message = store.add_message(
        session, ticket, direction=Direction.OUT, channel=Channel.EMAIL, external_id=message_id,
        text=operator_text(text), subject=operator_text(subject), contact=contact, lang=ticket.lang,
        redactions={}, received_at=now, in_reply_to=in_reply_to,
    )
    message.auto_submitted = True
    outbox.enqueue(
        session, channel=Channel.EMAIL, kind=ack.kind, ticket_id=ticket.id, message_id=message.id,
        payload={"to": contact.address, "subject": subject, "text": text, "message_id": message_id,
                 "in_reply_to": in_reply_to, "references": [in_reply_to] if in_reply_to else [],
                 # RFC 3834 section 5: marks our automatic mail so other responders do not answer it.
                 "auto_submitted": "auto-replied", "lang": ticket.lang, "ticket_number": ticket.number,
                 "date": format_datetime(now), **sender.payload()},
    )
    session.add(AutoAck(contact_id=contact.id, ticket_id=ticket.id, created_at=now))
    log.info("ack: enqueued ticket=%s kind=%s", ticket.number, ack.kind)
    return True


def _first_mail_id(session: Session, ticket: Ticket) -> str | None:
    """The Message-ID of the ticket's first e-mail from the customer (None for other channels, and for a
    mail that had none: it is keyed by a digest of its content)."""
    first = session.execute(
        select(Message.mail_ref).where(Message.ticket_id == ticket.id, Message.direction == Direction.IN,
                                       Message.channel == Channel.EMAIL)
        .order_by(Message.id).limit(1)
    ).first()
    return first[0] if first is not None else None
