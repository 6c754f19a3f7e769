"""A ticket as an agent reads it, without storing more: who wrote each message, and placeholders that are
the linked customer's own directory data shown as that data.

- **Known placeholders.** A value the scrubber removed is kept only as a keyed digest in the ticket's
  placeholder book (``placeholder_keys``). The customer directory holds the customer's name, e-mail
  address, phone number and address (solicited data the operator keeps anyway). Each of those fields is
  digested the way the scrubber digests a value of its type (through ``TextScrubber.redact`` with a
  book that records the digest, so the same key and normalisation are used); a placeholder whose digest
  is equal is the customer's field, and an agent who may see the customer reads "Jan de Vries" where
  the store says ``<PERSON_1>``. Nothing is stored twice: the value comes from the directory at display
  time, and a value that is not in the directory stays a placeholder.
- **Senders.** Every message names its sender: the directory name when the contact's address is the
  customer's own (e-mail address or phone number on file), else the sender's display name as the
  message carried it (scrubbed: usually a placeholder, shown as the customer's name when it is one),
  else the kind of address (an e-mail address, a Telegram chat, ...), with the address itself where it
  is one a person can read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Contact, Customer, Message, PlaceholderKey, Ticket
from scrubber import Analysis, Entity, TextScrubber
from tickets import guards
from tickets.store import phone_key

# Which entity types a directory field's value can have been detected as.
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
# Channels whose address is something a person reads (an e-mail address, a phone number).
READABLE_ADDRESS = frozenset({"email", "webform", "whatsapp"})


class _Recorder:
    """A ``PlaceholderBook`` that only records the digest it is asked for."""

    def __init__(self) -> None:
        self.digest = ""

    def number_for(self, entity_type: str, digest: str) -> int:
        self.digest = digest
        return 0


def value_digest(scrubber: TextScrubber, entity_type: str, value: str) -> str:
    """The digest the scrubber's placeholder book would get for ``value`` as an ``entity_type``."""
    recorder = _Recorder()
    scrubber.redact(value, Analysis("nl", (Entity(entity_type, 0, len(value), "redact", 1.0),)), recorder)
    return recorder.digest


def _name_parts(name: str) -> Iterator[str]:
    words = name.split()
    yield name
    if len(words) > 1:
        yield words[0]  # "Jan"
        yield " ".join(words[1:])  # "de Vries"
        yield words[-1]  # "Vries"


def _candidates(customer: Customer, contacts: Iterable[Contact]) -> Iterator[tuple[str, str]]:
    """(entity type, value) pairs of the customer's directory entry and its readable contact addresses."""
    if customer.name:
        for part in _name_parts(customer.name.strip()):
            yield "PERSON", part
    for address in {customer.email or "", *(c.address for c in contacts if c.channel in ("email", "webform"))}:
        if address:
            yield "EMAIL_ADDRESS", address
    for phone in {customer.phone or "", *(c.address for c in contacts if c.channel == "whatsapp")}:
        if phone:
            yield "PHONE_NUMBER", phone
    if customer.address:
        parts = [customer.address, *(p.strip() for p in customer.address.split(","))]
        for part in parts:
            if part:
                yield "ADDRESS", part
        for match in _POSTCODE.finditer(customer.address):
            yield "POSTCODE", match.group(0)
    yield "CUSTOMER_NUMBER", customer.number


def customer_visible(session: Session, ticket: Ticket) -> Customer | None:
    """The ticket's customer when agents may see the directory entry: not while the customer's processing
    is restricted (art. 18 GDPR: the data is only stored then)."""
    if ticket.customer_id is None or guards.active_restriction(session, ticket.customer_id) is not None:
        return None
    return session.get(Customer, ticket.customer_id)


def known_placeholders(session: Session, ticket: Ticket, customer: Customer | None,
                       scrubber: TextScrubber | None) -> dict[str, str]:
    """``"PERSON_1" -> "Jan de Vries"`` for each placeholder of the ticket that is a field of ``customer``."""
    if customer is None or scrubber is None:
        return {}
    contacts = list(session.scalars(select(Contact).where(Contact.customer_id == customer.id)))
    wanted: dict[tuple[str, str], str] = {}
    for entity_type, value in _candidates(customer, contacts):
        wanted.setdefault((entity_type, value_digest(scrubber, entity_type, value)), value)
    types = {t for t, _ in wanted}
    rows = session.execute(select(PlaceholderKey.entity_type, PlaceholderKey.digest, PlaceholderKey.number).where(
        PlaceholderKey.ticket_id == ticket.id, PlaceholderKey.entity_type.in_(types)))
    return {f"{t}_{n}": wanted[(t, d)] for t, d, n in rows if (t, d) in wanted}


@dataclass(frozen=True, slots=True)
class Sender:
    """Who wrote an incoming message, as the ticket page shows it."""

    name: str | None  # a readable name (the directory's), or None
    scrubbed_name: str | None  # the display name as stored (placeholders), when there is no directory name
    address: str | None  # the address when a person can read it
    channel: str  # for the kind of address when nothing else names the sender
    other: bool  # someone other than the ticket's contact or customer


def _own_address(customer: Customer, contact: Contact) -> bool:
    if contact.channel in ("email", "webform"):
        return bool(customer.email) and contact.address.lower() == (customer.email or "").lower()
    if contact.channel == "whatsapp":
        key = phone_key(contact.address)
        return bool(key) and key == phone_key(customer.phone or "")
    return False


def sender_of(message: Message, contact: Contact | None, customers: dict[int, Customer], *, other: bool) -> Sender:
    """The sender of an incoming message; ``customers`` holds only the customers agents may see."""
    if contact is None:
        return Sender(None, message.sender_name, None, message.channel, other)
    customer = customers.get(contact.customer_id) if contact.customer_id is not None else None
    name = customer.name if customer is not None and customer.name and _own_address(customer, contact) else None
    address = contact.address if contact.channel in READABLE_ADDRESS else None
    return Sender(name, None if name else message.sender_name, address, contact.channel, other)
