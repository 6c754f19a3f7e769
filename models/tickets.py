"""Tables of the ticket store: customers and their contacts, tickets, messages, attachments, events.

Every text column that can hold what a customer wrote (subjects, bodies, attachment names) is filled
only from ``ScrubbedText``: the store functions in ``tickets.store`` take that type, never ``str``.
The customer directory (customers, contacts) holds solicited data the operator already keeps.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SealedText, enum_column, utcnow

# Ticket numbers shown to people start here, so that a number is never mistaken for a small count
# and always has six digits for years of tickets. ``ticket_number`` and ``ticket_id_of`` are the only
# conversions between the two.
TICKET_NUMBER_OFFSET = 100000
# Row ids are 64-bit on PostgreSQL; a number whose id would not fit names no ticket.
_MAX_TICKET_ID = 2**63 - 1


def ticket_number(ticket_id: int) -> int:
    """The number people see and write in subjects (``[#100042]``) for a ticket's row id."""
    return ticket_id + TICKET_NUMBER_OFFSET


def ticket_id_of(number: int) -> int | None:
    """The row id behind a ticket number, or None when the number cannot name a ticket."""
    if number <= TICKET_NUMBER_OFFSET or number - TICKET_NUMBER_OFFSET > _MAX_TICKET_ID:
        return None
    return number - TICKET_NUMBER_OFFSET


class Channel(enum.StrEnum):
    """Where a message came from and where its replies go (stored as the plain string)."""

    EMAIL = "email"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"
    INSTAGRAM = "instagram"
    WEBFORM = "webform"
    WEBHOOK = "webhook"


class TicketStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    SOLVED = "solved"
    CLOSED = "closed"


OPEN_STATUSES = (TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING)


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"
    NOTE = "note"

class Customer(Base):
    __tablename__ = "customers"
    # Contacts find their customer by the address in lower case (tickets.contacts): without an index on
    # the expression that was a scan of the directory per new sender (issue 19, migration 0023).
    __table_args__ = (Index("ix_customers_email_lower", func.lower(text("email"))),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[Contact]] = relationship(back_populates="customer")


class Contact(Base):
    """A channel address (e-mail address, Telegram chat id, WhatsApp number) of someone who wrote."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("channel", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(320))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"), index=True)
    # A keyed digest of the normalised address (models.keys, purpose "contact-address"): the exact
    # search by address looks it up through an index, whatever the channel.
    address_digest: Mapped[str | None] = mapped_column(String(64), index=True)
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    customer: Mapped[Customer | None] = relationship(back_populates="contacts")


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_activity", "status", "last_activity_at", "id"),
        Index("ix_tickets_contact_status", "contact_id", "status"),
        # The queue narrowed to a group or a mailbox, in activity order (migration 0020): the range of one
        # group (or of none) is read in order and stops after a page, however few tickets it holds; the
        # status at the end lets the group views count their unsolved tickets from the index alone.
        Index("ix_tickets_group_activity", "group_id", "last_activity_at", "id", "status"),
        Index("ix_tickets_mailbox_activity", "mailbox_id", "last_activity_at", "id"),
        # A ticket number is never given out twice: without AUTOINCREMENT SQLite reuses the highest id
        # after it is deleted, and a customer could receive another customer's old ticket number.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[TicketStatus] = mapped_column(enum_column(TicketStatus), default=TicketStatus.NEW)
    priority: Mapped[Priority] = mapped_column(enum_column(Priority), default=Priority.NORMAL)
    channel: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(Integer)
    # The mailbox (brand) the ticket came in on and the group (team) it belongs to (models.mailboxes,
    # migration 0018). NULL mailbox: the deployment's default identity; NULL group: no team.
    mailbox_id: Mapped[int | None] = mapped_column(ForeignKey("mailboxes.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    lang: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    solved_at: Mapped[datetime | None] = mapped_column()
    # Optimistic concurrency: two agents editing one ticket must not lose an edit.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    messages: Mapped[list[Message]] = relationship(
        back_populates="ticket", order_by="Message.id", cascade="all, delete-orphan", passive_deletes=True
    )
    contact: Mapped[Contact | None] = relationship()
    customer: Mapped[Customer | None] = relationship()

    @property
    def number(self) -> int:
        """The number people see and write in subjects (``[#100042]``)."""
        return ticket_number(self.id)


class Message(Base):
    __tablename__ = "messages"
    # The idempotency key of docs/architecture: a re-delivery finds it and is acknowledged again.
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    channel: Mapped[str] = mapped_column(String(16))
    # The idempotency key within the channel. For e-mail a keyed digest of the Message-ID (both
    # directions; ``tickets.store.mail_key``), so In-Reply-To/References find the thread while the id
    # itself, which the sender's software chose and which can carry anything, is not kept in clear.
    external_id: Mapped[str] = mapped_column(String(998))
    # The e-mail Message-ID itself, sealed: what our next mail's In-Reply-To/References must name.
    mail_ref: Mapped[str | None] = mapped_column(SealedText("message-id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    author_id: Mapped[int | None] = mapped_column(Integer)
    # The sender's display name (a From header's phrase, a chat profile name), scrubbed with the
    # ticket's placeholder book like the text: usually a placeholder such as <PERSON_1>.
    sender_name: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    # Per type how many values were removed; never the values.
    redactions: Mapped[dict[str, int]] = mapped_column(default=dict)
    # For e-mail as a digest like ``external_id``.
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="messages")
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", cascade="all, delete-orphan", passive_deletes=True
    )


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Stored only below the configured cap, after metadata removal (text attachments scrubbed).
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    stored: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(String(255))
    # What the bytes are (intake.attachments.detect), whatever the sender declared; None before 0012.
    detected_type: Mapped[str | None] = mapped_column(String(255))
    # How intake handled it: text, html, mail, document, image, archive, other (issue 17).
    kind: Mapped[str | None] = mapped_column(String(16))
    # Per type how many values were removed from its text or painted over in it; never the values.
    redactions: Mapped[dict[str, int] | None] = mapped_column(default=dict)
    # The original file: only under [attachments] keep_original = "if_clean" when nothing was found in it.
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    message: Mapped[Message] = relationship(back_populates="attachments")


class PlaceholderKey(Base):
    """Placeholder numbers per ticket, keyed by an HMAC of the value so no value is kept in clear."""

    __tablename__ = "placeholder_keys"
    __table_args__ = (UniqueConstraint("ticket_id", "entity_type", "digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    digest: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)


class TicketEvent(Base):
    """Things that happened to a ticket that are not messages: a bounce of our reply, a merge."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    # Set when the event comes from a delivered message (a DSN), so its re-delivery adds nothing.
    dedupe_key: Mapped[str | None] = mapped_column(String(998), unique=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Who did it: "agent:<username>", "api", "customer", "system" (None on events before 0011).
    actor: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
