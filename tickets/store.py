"""The ticket store: the operations intake and the web app perform, each on a given ``Session``.

Write operations take ``ScrubbedText`` for anything a customer wrote, so a raw body cannot reach a
column without the type checker objecting (and ``require_scrubbed`` objects at run time too).
Transactions belong to the caller (``TicketStore.writing()``), so one message is one commit.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NotRequired, TypedDict, TypeVar, Unpack

from sqlalchemy import Connection, Engine, bindparam, insert, select
from sqlalchemy.orm import Session

from models import (
    OPEN_STATUSES,
    Attachment,
    Channel,
    Contact,
    Customer,
    Direction,
    Message,
    PlaceholderKey,
    Ticket,
    TicketEvent,
    TicketStatus,
    keys,
    ticket_id_of,
)
from models.db import insert_later, make_sessionmaker
from scrubber import ScrubbedText
from tickets import notify
from tickets.contacts import MAIL_CHANNELS
from tickets.contacts import address_digest as address_digest
from tickets.contacts import customer_for_address as customer_for_address
from tickets.contacts import find_contact as find_contact
from tickets.contacts import get_or_create_contact as get_or_create_contact
from tickets.contacts import normalise_address as normalise_address
from tickets.contacts import phone_key as phone_key
from tickets.read_connections import ReadConnections

log = logging.getLogger(__name__)
T = TypeVar("T")

# "[#100042]" in a subject: the tag our outgoing mail carries so a reply can find its ticket.
TICKET_TAG = re.compile(r"\[#(\d{6,12})\]")
# Reply and forward prefixes in several languages, stripped for the ticket's subject line.
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|antw|doorst|tr|sv|vs)\s*(\[\d+\])?\s*:\s*)+", re.I)


def require_scrubbed(*values: str | None) -> None:
    for value in values:
        if value is not None and not isinstance(value, ScrubbedText):
            raise TypeError("the store only accepts text that passed the scrubber")


def ticket_tag(number: int) -> str:
    return f"[#{number}]"


def clean_subject(subject: ScrubbedText) -> ScrubbedText:
    """A ticket's subject line: reply prefixes and our tag removed (still scrubbed text)."""
    return ScrubbedText(_SUBJECT_PREFIX.sub("", TICKET_TAG.sub("", subject)).strip()[:500])


# The write transaction a thread is inside of per engine, when it runs a batch (``TicketStore.batch``),
# and whether its ``writing()`` blocks are savepoints.
_ambient = threading.local()
# In ``Session.info`` of a batch without savepoints: something raised inside a ``writing()`` block, so
# the batch holds partial work and must be rolled back (``TicketStore.batch``).
SPOILED = "scrubdesk_batch_spoiled"


class TicketStore:
    """Owns the engine and hands out sessions; the operations below work on those sessions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = make_sessionmaker(engine)
        self._write = make_sessionmaker(engine, write=True)
        # One-statement reads that must wait for no writer and take no write-pool slot (the duplicate check).
        self._reads = ReadConnections(engine)

    def peek(self, read: Callable[[Connection], T]) -> T:
        """``read(connection)``: one statement on a reused autocommit connection (``tickets.read_connections``)."""
        return self._reads.run(read)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on an exception.

        Inside a ``batch`` of this thread it is a savepoint of the batch's transaction instead: its
        work is undone alone on an exception, and committed with the batch. In a batch without
        savepoints an exception marks the batch spoiled (``SPOILED``) instead: its owner rolls it back.
        """
        joined: tuple[Session, bool] | None = getattr(_ambient, "sessions", {}).get(id(self.engine))
        if joined is not None:
            batch, savepoints = joined
            if not savepoints:
                try:
                    yield batch
                except BaseException:
                    batch.info[SPOILED] = True
                    raise
                return
            with batch.begin_nested():
                yield batch
            return
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def batch(self, *, savepoints: bool = True) -> Iterator[Session]:
        """One write transaction that every ``writing()`` of this thread joins until the block ends.

        Group commit (``intake.writer``): many messages' inserts, each in its own savepoint, share one
        ``BEGIN IMMEDIATE`` and one commit instead of taking SQLite's single write lock one by one.
        ``savepoints=False`` leaves out the savepoints (two statements and a flush each) for a batch
        that is expected to succeed whole; a failure inside any ``writing()`` then marks the session
        ``SPOILED``, and the owner must roll the batch back (raise) and write it again with savepoints.
        """
        sessions: dict[int, tuple[Session, bool]] = getattr(_ambient, "sessions", None) or {}
        _ambient.sessions = sessions
        with self._write() as session, session.begin():
            sessions[id(self.engine)] = (session, savepoints)
            try:
                yield session
            finally:
                del sessions[id(self.engine)]


# --- message keys ---------------------------------------------------------------------------------


def mail_key(message_id: str) -> str:
    """How an e-mail Message-ID is stored and looked up: a keyed digest, never the id itself.

    A Message-ID is chosen by the sender's software and can carry anything
    (``<bsn111222333.NL91ABNA0417164300.klaas@...>``); threading (RFC 5322 section 3.6.4) and
    idempotency only need equality, which a digest under the deployment key (``models.keys``) gives
    without the id being readable or guessable from a copy of the database.
    """
    return "mid:" + keys.digest("message-id", message_id.strip().strip("<>").strip())


def stored_id(channel: str, external_id: str) -> str:
    """A message's idempotency key as stored: e-mail ids as ``mail_key``, other channels' ids as they are."""
    return mail_key(external_id) if channel == Channel.EMAIL else external_id


def _mail_ref(channel: str, external_id: str) -> str | None:
    # A mail without a Message-ID is keyed by a digest of its content ("sha256:..."): nothing to refer to.
    return external_id if channel == Channel.EMAIL and not external_id.startswith("sha256:") else None


# --- lookups ------------------------------------------------------------------------------------

# The look-ups every inbound message makes, built once with bound parameters: building a statement's
# WHERE clause and its cache key each time cost more CPU than SQLite takes to run it (measured on
# SQLite, CPU per call: the duplicate check 120 -> 20 us, the contact 175 -> 85 us; issue 19).
_STORED_MESSAGE = select(Message.id, Message.ticket_id).where(
    Message.channel == bindparam("channel"), Message.external_id == bindparam("external_id"))


def find_message(session: Session, channel: str, external_id: str) -> Message | None:
    return session.scalars(
        select(Message).where(Message.channel == channel, Message.external_id == stored_id(channel, external_id))
    ).first()


def stored_message(db: Session | Connection, channel: str, external_id: str) -> tuple[int, int] | None:
    """``(message id, ticket id)`` of the message stored under this idempotency key, or None.

    Intake's duplicate check: two columns through the unique index, no ORM object to build (it runs
    once per message, on a read connection).
    """
    row = db.execute(_STORED_MESSAGE, {"channel": channel, "external_id": stored_id(channel, external_id)}).first()
    return (int(row[0]), int(row[1])) if row is not None else None


def ticket_by_number(session: Session, number: int) -> Ticket | None:
    row_id = ticket_id_of(number)
    return session.get(Ticket, row_id) if row_id is not None else None


def ticket_by_mail_refs(session: Session, refs: Sequence[str]) -> Ticket | None:
    """The ticket of the newest stored message named in In-Reply-To/References (RFC 5322 3.6.4)."""
    if not refs:
        return None
    found = session.scalars(
        select(Message)
        .where(Message.channel == Channel.EMAIL, Message.external_id.in_([mail_key(r) for r in refs]))
        .order_by(Message.id.desc())
        .limit(1)
    ).first()
    return found.ticket if found else None


def open_ticket_of_contact(session: Session, contact: Contact) -> Ticket | None:
    return session.scalars(
        select(Ticket)
        .where(Ticket.contact_id == contact.id, Ticket.status.in_(OPEN_STATUSES))
        .order_by(Ticket.last_activity_at.desc(), Ticket.id.desc())
        .limit(1)
    ).first()


def may_continue(ticket: Ticket, contact: Contact) -> bool:
    """Headers and subject tags thread only for the ticket's own contact, the same address on the
    other mail channel (a web-form ticket is answered by e-mail), or a contact of the same customer.

    Anyone can quote a Message-ID or a ticket number; without this check a stranger could write into
    (and, through the agent's reply, read from) someone else's ticket.
    """
    if ticket.contact_id == contact.id:
        return True
    own = ticket.contact
    if (own is not None and own.channel in MAIL_CHANNELS and contact.channel in MAIL_CHANNELS
            and own.address == contact.address):
        return True
    return ticket.customer_id is not None and ticket.customer_id == contact.customer_id


# --- contacts and customers: ``tickets.contacts`` (named here too, as before) ----------------------


def open_tickets_of_contact(session: Session, contact: Contact) -> list[Ticket]:
    return list(session.scalars(
        select(Ticket).where(Ticket.contact_id == contact.id, Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.id)
    ))


def set_reachable(ticket_store: TicketStore, channel: str, address: str, reachable: bool, reason: str) -> bool:
    """Record that a contact blocked (or unblocked) us; True when the state changed.

    An unreachable contact is shown on each of its open tickets through a ticket event, so an agent
    knows a reply will not arrive and can choose another way.
    """
    with ticket_store.writing() as session:
        contact = find_contact(session, channel, address)
        if contact is None or contact.unreachable == (not reachable):
            return False
        contact.unreachable = not reachable
        kind = "contact_reachable" if reachable else "contact_unreachable"
        for ticket in open_tickets_of_contact(session, contact):
            add_event(session, ticket, kind, {"channel": channel, "reason": reason})
        log.info("store: contact=%d %s reason=%s", contact.id, kind, reason)
        return True


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    number: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


def upsert_customers(session: Session, records: Iterable[CustomerRecord]) -> tuple[int, int]:
    """Insert or update customers by number, then link what matches (``link_matching``). Returns (added,
    updated)."""
    added = updated = 0
    for rec in records:
        email = rec.email.strip().lower() if rec.email else None
        customer = session.scalars(select(Customer).where(Customer.number == rec.number)).first()
        if customer is None:
            customer = Customer(number=rec.number)
            session.add(customer)
            added += 1
        else:
            updated += 1
        customer.name, customer.email, customer.phone, customer.address = rec.name, email, rec.phone, rec.address
        session.flush()
        link_matching(session, customer)
    return added, updated


def link_matching(session: Session, customer: Customer) -> int:
    """Link the contacts whose address is the customer's e-mail address or phone number (and that no other
    customer has), and their tickets without a customer; returns how many tickets were linked."""
    matches: list[Contact] = []
    if customer.email:
        matches += session.scalars(select(Contact).where(
            Contact.channel.in_(("email", "webform")), Contact.address == customer.email.lower()))
    key = phone_key(customer.phone or "")
    if key:
        for candidate in session.scalars(select(Contact).where(Contact.channel == "whatsapp",
                                                               Contact.address.like(f"%{key[-6:]}%"))):
            if phone_key(candidate.address) == key:
                matches.append(candidate)
    linked = 0
    for contact in matches:
        if contact.customer_id not in (None, customer.id):
            continue
        contact.customer_id = customer.id
        linked += link_tickets_of_contact(session, contact, customer.id)
    return linked


def link_tickets_of_contact(session: Session, contact: Contact, customer_id: int) -> int:
    """Give the contact's tickets that have no customer yet this one (the queue's "requester" follows)."""
    tickets = list(session.scalars(select(Ticket).where(Ticket.contact_id == contact.id,
                                                         Ticket.customer_id.is_(None))))
    for ticket in tickets:
        ticket.customer_id = customer_id
        add_event(session, ticket, "customer_linked", {"customer_id": customer_id, "by": "directory"},
                  actor="system")
    return len(tickets)


# --- tickets and messages -----------------------------------------------------------------------


def open_ticket(session: Session, *, channel: str, contact: Contact, lang: str | None, at: datetime,
                subject: ScrubbedText | None = None, mailbox_id: int | None = None,
                group_id: int | None = None) -> Ticket:
    """A new ticket, flushed. Its subject is redacted with the ticket's own placeholder book: either before
    (a ``TicketBook`` of a ticket not yet stored, bound afterwards; one INSERT) or after (``set_subject``).
    Its mailbox and group (``tickets.mailboxes.route``) go into the same INSERT. (Intake's writer opens
    its tickets by Core: ``tickets.inbound_rows``.)"""
    if subject is not None:
        require_scrubbed(subject)
    ticket = Ticket(
        channel=channel,
        contact_id=contact.id,
        customer_id=contact.customer_id,
        subject=clean_subject(subject) if subject is not None else "",
        status=TicketStatus.NEW,
        lang=lang,
        created_at=at,
        last_activity_at=at,
        mailbox_id=mailbox_id,
        group_id=group_id,
    )
    session.add(ticket)
    session.flush()
    notify.mark_new(session, ticket)
    return ticket


def set_subject(ticket: Ticket, subject: ScrubbedText) -> None:
    require_scrubbed(subject)
    ticket.subject = clean_subject(subject)


@dataclass(frozen=True, slots=True)
class StoredAttachment:
    filename: ScrubbedText | None
    content_type: str
    size: int
    sha256: str
    content: bytes | None
    note: str | None = None
    # What intake learnt of it (intake.attachments): the type the bytes are, how it was handled, per
    # type how many values were removed or painted over, the original file when kept.
    detected_type: str | None = None
    kind: str | None = None
    redactions: dict[str, int] | None = None
    original: bytes | None = None

    def row(self) -> dict[str, Any]:
        """Its ``attachments`` columns (without the message's id)."""
        return {"filename": self.filename, "content_type": self.content_type, "size": self.size,
                "sha256": self.sha256, "content": self.content, "stored": self.content is not None,
                "note": self.note, "detected_type": self.detected_type, "kind": self.kind,
                "redactions": self.redactions if self.redactions is not None else {}, "original": self.original}


class MessageColumns(TypedDict):
    """A message's columns but its ticket and direction, as ``add_message`` and intake's Core insert
    (``tickets.inbound_rows``) take them: anything a customer wrote only as ``ScrubbedText``."""

    channel: str
    external_id: str
    text: ScrubbedText
    subject: ScrubbedText | None
    contact: Contact | None
    lang: str | None
    redactions: dict[str, int]
    received_at: datetime
    in_reply_to: NotRequired[str | None]
    author_id: NotRequired[int | None]
    sender_name: NotRequired[ScrubbedText | None]


def message_row(direction: Direction, **c: Unpack[MessageColumns]) -> dict[str, Any]:
    """The ``messages`` columns but ``ticket_id``."""
    channel, external_id, in_reply_to, contact = c["channel"], c["external_id"], c.get("in_reply_to"), c["contact"]
    require_scrubbed(c["text"], c["subject"], c.get("sender_name"))
    return {"direction": direction, "channel": channel, "external_id": stored_id(channel, external_id),
            "mail_ref": _mail_ref(channel, external_id), "contact_id": contact.id if contact else None,
            "author_id": c.get("author_id"), "sender_name": c.get("sender_name"), "subject": c["subject"],
            "text": c["text"], "lang": c["lang"], "redactions": c["redactions"],
            "in_reply_to": stored_id(channel, in_reply_to) if in_reply_to else None, "received_at": c["received_at"]}


def add_message(session: Session, ticket: Ticket, *, direction: Direction, attachments: Sequence[StoredAttachment] = (),
                **columns: Unpack[MessageColumns]) -> Message:
    """A message on ``ticket``, flushed; a customer's also counts as the ticket's activity (``customer_wrote``)."""
    require_scrubbed(*(a.filename for a in attachments))
    message = Message(ticket=ticket, **message_row(direction, **columns))
    for att in attachments:
        message.attachments.append(Attachment(**att.row()))
    session.add(message)
    if direction is Direction.IN:
        customer_wrote(session, ticket, message.received_at)
    session.flush()
    if direction is Direction.IN:
        notify.message_stored(session, ticket)
    return message


def customer_wrote(session: Session, ticket: Ticket, received_at: datetime) -> None:
    """A customer's message on ``ticket``: its last activity, and a waiting or solved ticket back in the queue."""
    ticket.last_activity_at = max(ticket.last_activity_at, received_at)
    if ticket.status in (TicketStatus.PENDING, TicketStatus.SOLVED):
        before = str(ticket.status)
        ticket.status = TicketStatus.OPEN
        ticket.solved_at = None
        session.flush()
        add_event(session, ticket, "status", {"status": "open", "from": before, "auto": True}, actor="customer")


def add_event(
    session: Session, ticket: Ticket, kind: str, detail: dict[str, Any], *, dedupe_key: str | None = None,
    actor: str | None = "system",
) -> TicketEvent | None:
    """Record something that happened to a ticket, and who did it ("agent:<username>", "api", "customer",
    "system"); returns None when ``dedupe_key`` was seen."""
    if dedupe_key is not None and session.scalars(
        select(TicketEvent.id).where(TicketEvent.dedupe_key == dedupe_key)
    ).first():
        return None
    event = TicketEvent(ticket_id=ticket.id, kind=kind, detail=detail, dedupe_key=dedupe_key, actor=actor)
    session.add(event)
    session.flush()
    return event


_INSERT_KEYS = insert(PlaceholderKey.__table__)  # type: ignore[arg-type]  # a Core table: built once


class TicketBook:
    """The ``PlaceholderBook`` of one ticket, persisted in ``placeholder_keys``.

    ``ticket_id=None``: the book of a ticket about to be opened, empty by definition (nothing to read),
    so intake can redact a new ticket's subject before the ticket's one INSERT; its keys are stored by
    ``bind`` once the ticket has its id.
    """

    def __init__(self, session: Session, ticket_id: int | None) -> None:
        self._session = session
        self._ticket_id = ticket_id
        self._pending: list[tuple[str, str, int]] = []
        rows = session.execute(
            select(PlaceholderKey.entity_type, PlaceholderKey.digest, PlaceholderKey.number).where(
                PlaceholderKey.ticket_id == ticket_id
            )
        ).all() if ticket_id is not None else []
        self._numbers = {(t, d): n for t, d, n in rows}
        self._highest: dict[str, int] = {}
        for (etype, _digest), number in self._numbers.items():
            self._highest[etype] = max(self._highest.get(etype, 0), number)

    def number_for(self, entity_type: str, digest: str) -> int:
        key = (entity_type, digest)
        number = self._numbers.get(key)
        if number is None:
            number = self._highest.get(entity_type, 0) + 1
            self._highest[entity_type] = number
            self._numbers[key] = number
            self._pending.append((entity_type, digest, number))
            if self._ticket_id is not None:
                self._store_pending()
        return number

    def bind(self, ticket_id: int) -> None:
        """The new ticket is stored: its keys so far go in one INSERT (Core: a third of the ORM's CPU
        time for three keys, measured), later ones with it as they come."""
        if self._ticket_id is not None and self._ticket_id != ticket_id:
            raise ValueError("this book already belongs to another ticket")
        self._ticket_id = ticket_id
        if self._pending:
            # On the session's connection: the ORM's bulk INSERT path cost more CPU than the statement. In a
            # group commit's batch, with the other new tickets' keys (``models.db.insert_later``).
            insert_later(self._session, _INSERT_KEYS, [
                {"ticket_id": ticket_id, "entity_type": t, "digest": d, "number": n} for t, d, n in self._pending
            ])
            self._pending.clear()

    def _store_pending(self) -> None:
        self._session.add_all(
            PlaceholderKey(ticket_id=self._ticket_id, entity_type=t, digest=d, number=n) for t, d, n in self._pending
        )
        self._pending.clear()


# --- listing (the JSON API of the foundation; the agent UI builds on it) -----------------------


def list_tickets(
    session: Session, *, status: str | None = None, limit: int = 50, before_id: int | None = None
) -> list[Ticket]:
    """Newest first, keyset-paginated on the id so deep pages cost the same as the first."""
    query = select(Ticket).order_by(Ticket.id.desc()).limit(limit)
    if status:
        query = query.where(Ticket.status == TicketStatus(status))
    if before_id is not None:
        query = query.where(Ticket.id < before_id)
    return list(session.scalars(query))
