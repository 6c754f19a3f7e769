"""What agents do to a ticket: reply, note, assign, change status or priority, merge, use macros.

A reply is one transaction: the outgoing ``Message`` row and its outbox entry (tickets.outbox), so
it is sent if and only if it was stored. For e-mail the Message-ID is chosen here and stored as the
message's ``external_id`` (channel "email"): the customer's answer carries it in In-Reply-To and
threads back (RFC 5322 section 3.6.4); a re-send after a crash reuses it (see outbound.mail).

What the agent typed is sent as typed, and stored after the scrubber ran over it with the ticket's
placeholder book (an agent who repeats the customer's IBAN leaves ``<IBAN_1>`` in the store), except
the operator's own identities (``tickets.operator``: agents' names and signatures, the company's
addresses, phone numbers and domains), which stay as written. The outbox payload holds the sent text
until the entry is delivered. An e-mail reply goes out From the identity of the ticket's mailbox
(``tickets.mailboxes.identity_for_ticket``) with that mailbox's signature below (once: not when the
agent's text already ends with it); the agent's own signature is what she types or her macro holds.

Each change records a ticket event with its actor ("agent:<username>", "api", "customer", "system"),
automatic ones too (a reply sets "pending" and takes an unassigned ticket), so the timeline is complete.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from email.utils import format_datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import (
    OPEN_STATUSES,
    Agent,
    Channel,
    Customer,
    Direction,
    Macro,
    Message,
    OutboxEntry,
    PlaceholderKey,
    Priority,
    Ticket,
    TicketStatus,
    utcnow,
)
from scrubber import ScrubbedText, TextScrubber
from tickets import mailboxes, operator, outbox, queue, store, tags
from tickets.guards import ActionError

# Channels whose replies go through a sender that exists in this deployment is decided by the caller
# (the configured senders); these are the ones a reply can ever target.
REPLYABLE_CHANNELS = frozenset({"email", "webform", "telegram", "whatsapp", "messenger", "instagram"})
_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)_(\d+)>")
_MACRO_VAR = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class ChannelUnavailable(ActionError):
    """No sender is configured for the ticket's channel."""


def operator_text(value: str) -> ScrubbedText:
    """Text written by the operator (configured acknowledgements, macros) rather than a customer.

    It contains no unsolicited personal data by construction, so it is marked as passed through
    without running the scrubber.
    """
    return ScrubbedText(value)


@dataclass(frozen=True, slots=True)
class MailIdentity:
    """How our outgoing mail names itself: the Message-ID domain (RFC 5322 section 3.6.4)."""

    msgid_domain: str


def new_message_id(identity: MailIdentity) -> str:
    """A globally unique Message-ID, without angle brackets (as intake stores them)."""
    return f"{uuid.uuid4().hex}@{identity.msgid_domain}"


def mail_thread_ids(session: Session, ticket: Ticket) -> tuple[str | None, list[str]]:
    """(In-Reply-To, References) for our next mail on the ticket: the customer's newest mail, and the
    ticket's mail ids in order (the last 20; RFC 5322 allows trimming the middle of References)."""
    ids = [
        (ref, direction) for ref, direction in session.execute(
            select(Message.mail_ref, Message.direction).where(
                Message.ticket_id == ticket.id, Message.channel == Channel.EMAIL,
                Message.direction != Direction.NOTE,
            ).order_by(Message.id)
        ) if ref is not None
    ]
    incoming = [ref for ref, direction in ids if direction == Direction.IN]
    return (incoming[-1] if incoming else (ids[-1][0] if ids else None)), [ref for ref, _ in ids][-20:]


def reply_channel(ticket_channel: str) -> str:
    """The channel a reply goes out on: the customer's own, except the web form, answered by e-mail."""
    return "email" if ticket_channel == "webform" else ticket_channel


def reply_subject(ticket: Ticket) -> str:
    return f"Re: {ticket.subject} {store.ticket_tag(ticket.number)}".replace("Re:  ", "Re: ")


def scrub_own_text(session: Session, ticket: Ticket, text: str, scrubber: TextScrubber,
                   own: operator.OperatorIdentity | None) -> ScrubbedText:
    """What an agent wrote as it is stored: scrubbed with the ticket's book, the operator's identities kept."""
    analysis = operator.keep_own(text, scrubber.analyze(text, ticket.lang), operator.gather(session, own))
    return scrubber.redact(text, analysis, store.TicketBook(session, ticket.id))


def reply(
    session: Session, ticket: Ticket, *, agent_id: int | None, text: str, scrubber: TextScrubber,
    identity: MailIdentity, available_channels: Collection[str], actor: str = "api",
    own: operator.OperatorIdentity | None = None,
) -> Message:
    """Store an outgoing message and enqueue it on the ticket's channel, in the caller's transaction."""
    text = text.strip()
    if not text:
        raise ActionError("an empty reply")
    # Web-form tickets are answered by e-mail to the address the form gave.
    channel = reply_channel(ticket.channel)
    if channel not in available_channels or channel not in REPLYABLE_CHANNELS:
        raise ChannelUnavailable(f"replies on channel {channel!r} are not available")
    contact = ticket.contact
    if contact is None or contact.unreachable:
        raise ActionError("the ticket has no reachable contact")
    sender = mailboxes.identity_for_ticket(session, ticket) if channel == "email" else mailboxes.DEFAULT_IDENTITY
    text = mailboxes.sign(text, sender)  # the mailbox's signature, sent and stored (its lines kept as written)
    stored_text = scrub_own_text(session, ticket, text, scrubber, own)
    now = utcnow()
    payload: dict[str, object] = {"to": contact.address, "text": text, "ticket_number": ticket.number,
                                  **sender.payload()}
    if channel == "email":
        in_reply_to, references = mail_thread_ids(session, ticket)
        external_id = new_message_id(identity)
        subject = reply_subject(ticket)
        payload |= {"subject": subject, "message_id": external_id, "in_reply_to": in_reply_to,
                    "references": references, "lang": ticket.lang, "date": format_datetime(now)}
    else:
        external_id, in_reply_to, subject = f"out:{uuid.uuid4().hex}", None, None
    message = store.add_message(
        session, ticket, direction=Direction.OUT, channel=channel, external_id=external_id, text=stored_text,
        subject=operator_text(subject) if subject else None, contact=contact, lang=ticket.lang, redactions={},
        received_at=now, in_reply_to=in_reply_to, author_id=agent_id,
    )
    outbox.enqueue(session, channel=channel, kind="reply", payload=payload, ticket_id=ticket.id,
                   message_id=message.id)
    ticket.last_activity_at = now
    # Answered: waiting for the customer now.
    if ticket.status in (TicketStatus.NEW, TicketStatus.OPEN):
        before = str(ticket.status)
        ticket.status = TicketStatus.PENDING
        store.add_event(session, ticket, "status", {"status": "pending", "from": before, "auto": True}, actor=actor)
    if ticket.assignee_id is None and agent_id is not None:
        ticket.assignee_id = agent_id
        store.add_event(session, ticket, "assigned", {"agent_id": agent_id, "auto": True}, actor=actor)
    queue.clear_due(session, ticket.id)
    session.flush()
    return message


def note(session: Session, ticket: Ticket, *, agent_id: int | None, text: str, scrubber: TextScrubber,
         own: operator.OperatorIdentity | None = None) -> Message:
    """An internal note: never sent, scrubbed like everything else that is stored (the operator's own
    identities kept)."""
    text = text.strip()
    if not text:
        raise ActionError("an empty note")
    stored = scrub_own_text(session, ticket, text, scrubber, own)
    message = store.add_message(
        session, ticket, direction=Direction.NOTE, channel="note", external_id=f"note:{uuid.uuid4().hex}",
        text=stored, subject=None, contact=None, lang=ticket.lang, redactions={}, received_at=utcnow(),
        author_id=agent_id,
    )
    session.flush()
    return message


def assign(session: Session, ticket: Ticket, agent_id: int | None, *, actor: str = "api") -> bool:
    """Give the ticket to an active agent (or nobody); False when it already was."""
    if agent_id is not None:
        agent = session.get(Agent, agent_id)
        if agent is None or not agent.active:
            raise ActionError("no such active agent")
    if ticket.assignee_id == agent_id:
        return False
    before = ticket.assignee_id
    ticket.assignee_id = agent_id
    store.add_event(session, ticket, "assigned", {"agent_id": agent_id, "from": before}, actor=actor)
    return True


def set_status(session: Session, ticket: Ticket, status: TicketStatus, *, actor: str = "api") -> bool:
    if ticket.status == status:
        return False
    before = str(ticket.status)
    ticket.status = status
    if status in (TicketStatus.SOLVED, TicketStatus.CLOSED):
        ticket.solved_at = ticket.solved_at or utcnow()
        queue.clear_due(session, ticket.id)
    else:
        ticket.solved_at = None
        queue.reschedule_due(session, ticket)  # pending pauses the SLA clock (tickets.sla), open resumes it
    store.add_event(session, ticket, "status", {"status": status.value, "from": before}, actor=actor)
    return True


def set_priority(session: Session, ticket: Ticket, priority: Priority, *, actor: str = "api") -> bool:
    """Change the priority; a ticket awaiting our answer gets the due time of the new priority."""
    if ticket.priority == priority:
        return False
    before = str(ticket.priority)
    ticket.priority = priority
    queue.reschedule_due(session, ticket)
    store.add_event(session, ticket, "priority", {"priority": priority.value, "from": before}, actor=actor)
    return True


def link_customer(session: Session, ticket: Ticket, customer_number: str | None, *, link_contact: bool = True,
                  actor: str = "api") -> Customer | None:
    """Link the ticket (and, unless told not to, its contact) to the customer with this number; None or ""
    unlinks. The caller records the audit entry."""
    number = (customer_number or "").strip()
    customer = None
    if number:
        customer = session.scalars(select(Customer).where(Customer.number == number)).first()
        if customer is None:
            raise ActionError(f"no customer with number {number!r}")
    before = ticket.customer_id
    ticket.customer_id = customer.id if customer else None
    contact = ticket.contact
    contact_linked = False
    if customer is not None and link_contact and contact is not None and contact.customer_id is None:
        contact.customer_id = customer.id
        contact_linked = True
    store.add_event(session, ticket, "customer_linked" if customer else "customer_unlinked",
                    {"customer_id": ticket.customer_id, "from": before, "contact": contact_linked}, actor=actor)
    return customer


# --- merge ----------------------------------------------------------------------------------------


def merge(session: Session, source: Ticket, target: Ticket, *, actor: str = "api") -> None:
    """Move every message of ``source`` into ``target`` and close ``source``.

    Only tickets of one customer (or one contact, when no customer is known) are merged: anything
    else would show one person's messages to another through the reply. Placeholders are per ticket,
    so the source's ``<PERSON_1>`` may be someone else than the target's: the source's numbers are
    mapped onto the target's book (same value digest -> same number, else the next free number) and
    the moved texts are rewritten accordingly.
    """
    if source.id == target.id:
        raise ActionError("a ticket cannot be merged into itself")
    same_customer = source.customer_id is not None and source.customer_id == target.customer_id
    same_contact = source.contact_id is not None and source.contact_id == target.contact_id
    if not (same_customer or same_contact):
        raise ActionError("only tickets of the same customer can be merged")
    book = store.TicketBook(session, target.id)
    mapping: dict[tuple[str, int], int] = {}
    for key in session.scalars(select(PlaceholderKey).where(PlaceholderKey.ticket_id == source.id)):
        mapping[(key.entity_type, key.number)] = book.number_for(key.entity_type, key.digest)
        session.delete(key)

    def renumber(value: str) -> str:
        return _PLACEHOLDER.sub(
            lambda m: f"<{m.group(1)}_{mapping.get((m.group(1), int(m.group(2))), int(m.group(2)))}>", value
        )

    for message in list(source.messages):
        # Still scrubbed text: only placeholder numbers change.
        message.text = ScrubbedText(renumber(message.text))
        if message.subject:
            message.subject = ScrubbedText(renumber(message.subject))
        message.ticket = target
    session.flush()
    session.execute(update(OutboxEntry).where(OutboxEntry.ticket_id == source.id).values(ticket_id=target.id))
    # The source's tags describe the moved messages too: the target carries them on (each one an event).
    for name in tags.names_of(session, [source.id]).get(source.id, []):
        tags.add(session, target, name, actor=actor)
    target.last_activity_at = max(target.last_activity_at, source.last_activity_at)
    if target.status not in OPEN_STATUSES and source.status in OPEN_STATUSES:
        target.status = TicketStatus.OPEN
    source.status = TicketStatus.CLOSED
    source.solved_at = utcnow()
    queue.clear_due(session, source.id)
    store.add_event(session, source, "merged_into", {"ticket_number": target.number}, actor=actor)
    store.add_event(session, target, "merged", {"ticket_number": source.number}, actor=actor)


# --- macros ---------------------------------------------------------------------------------------


def macro_variables(session: Session, ticket: Ticket, agent_name: str) -> dict[str, str]:
    """Values a macro may use; the customer's name comes from the customer directory (solicited data)."""
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    name = customer.name if customer and customer.name else ""
    return {
        "customer_name": name,
        "customer_first_name": name.split()[0] if name else "",
        "customer_number": customer.number if customer else "",
        "ticket_number": str(ticket.number),
        "agent_name": agent_name,
    }


def render_macro(body: str, variables: dict[str, str]) -> str:
    """Fill ``{{name}}`` variables; unknown ones stay visible so the agent notices before sending."""
    return _MACRO_VAR.sub(lambda m: variables.get(m.group(1), m.group(0)), body)


def list_macros(session: Session) -> list[Macro]:
    return list(session.scalars(select(Macro).order_by(func.lower(Macro.title))))


def add_macro(session: Session, title: str, body: str) -> Macro:
    if not title.strip() or not body.strip():
        raise ActionError("a macro needs a title and a text")
    macro = Macro(title=title.strip()[:120], body=body)
    session.add(macro)
    session.flush()
    return macro


def edit_macro(session: Session, macro_id: int, title: str, body: str) -> Macro:
    macro = session.get(Macro, macro_id)
    if macro is None:
        raise ActionError("no such canned reply")
    if not title.strip() or not body.strip():
        raise ActionError("a macro needs a title and a text")
    macro.title, macro.body, macro.updated_at = title.strip()[:120], body, utcnow()
    return macro


def delete_macro(session: Session, macro_id: int) -> None:
    macro = session.get(Macro, macro_id)
    if macro is None:
        raise ActionError("no such canned reply")
    session.delete(macro)
