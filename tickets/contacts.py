"""Contacts (a channel's address) and the customers they belong to: found, created, linked.

Why a module of its own: intake asks for the sender's contact with every message it stores, and its
group commit (issue 19, ``intake.writer``) asks for a whole batch's senders at once
(``remember_contacts``: one statement for their contacts, one for the customers of those that are new),
so that each message's ``get_or_create_contact`` finds its answer in the transaction's cache
(``tickets.transaction_cache``) instead of asking the database again. ``tickets.store`` names these
functions too, as it always did.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from sqlalchemy import bindparam, func, inspect, select
from sqlalchemy.orm import Session

from models import Contact, Customer, keys, utcnow
from models.db import inserted
from tickets.transaction_cache import remembered

# A contact's key: its channel and its address (as given; ``normalise_address`` makes it the stored one).
ContactKey: TypeAlias = tuple[str, str]

MAIL_CHANNELS = ("email", "webform")  # channels whose addresses are mail addresses (case-insensitive)
# The look-ups every inbound message makes, built once with bound parameters (issue 19: building the
# statement cost more CPU than SQLite takes to run it).
_CONTACT = select(Contact).where(Contact.channel == bindparam("channel"), Contact.address == bindparam("address"))
# A batch's senders (``remember_contacts``): channel and address both in the condition, so that the unique
# index on (channel, address) finds them (by address alone it cannot: a scan of every contact).
_CONTACTS_AT = select(Contact).where(Contact.channel.in_(bindparam("channels", expanding=True)),
                                     Contact.address.in_(bindparam("addresses", expanding=True)))
# In the transaction's cache: the senders read as having no contact yet, and what customer each new
# mail address belongs to (None: none); ``remember_contacts`` fills both.
_ABSENT = "contacts_absent"
_CUSTOMERS = "customers_by_email"


def normalise_address(channel: str, address: str) -> str:
    return address.strip().lower() if channel in MAIL_CHANNELS else address.strip()


def address_digest(channel: str, address: str) -> str:
    """The keyed digest (``models.keys``) the exact search by address looks contacts up by."""
    return keys.digest("contact-address", normalise_address(channel, address))


def phone_key(value: str) -> str:
    """Digits of a phone number in one national form ("+31 6 1234 5678", "0031612345678", "0612345678"
    and WhatsApp's "31612345678" are one key); "" when there are too few digits to be a number."""
    digits = "".join(c for c in value if c.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 8 else ""


# The contacts this transaction found or created (``tickets.transaction_cache``): intake's writer asks again for
# one (the privacy hook, a sender's next message in a group commit; issue 19).
def _seen_contact(session: Session, channel: str, address: str) -> Contact | None:
    found: Contact | None = remembered(session).get("contacts", {}).get((str(channel), address))
    gone = found is None or not inspect(found).persistent or found not in session or found in session.deleted
    return None if gone or found is None or found.address != address else found  # (an erasure changes it)


def _remember_contact(session: Session, contact: Contact | None) -> Contact | None:
    if contact is not None:
        cache = remembered(session)
        key = (str(contact.channel), contact.address)
        cache.setdefault("contacts", {})[key] = contact
        cache.get(_ABSENT, set()).discard(key)
    return contact


def _lookup(session: Session, channel: str, address: str) -> Contact | None:
    """The contact of a normalised address: from the transaction's cache, else (unless the batch's read
    found none, ``remember_contacts``) from the database."""
    found = _seen_contact(session, channel, address)
    if found is not None or (str(channel), address) in remembered(session).get(_ABSENT, ()):
        return found
    return _remember_contact(session, session.scalars(_CONTACT, {"channel": channel, "address": address}).first())


def remember_contacts(session: Session, senders: Iterable[ContactKey]) -> None:
    """Read the contacts of ``senders`` (channel, address) in one statement, and the customers of the mail
    addresses among them without one in another, into the transaction's cache: ``get_or_create_contact``
    and ``find_contact`` then answer from it, for an address without a contact too (it is created).

    The answers hold for the transaction (the cache forgets them at its end, or at a savepoint's): on
    SQLite the batch holds the write lock, so no one else makes a contact meanwhile; on PostgreSQL one
    made by another process meanwhile fails our INSERT on the unique (channel, address), and the
    message is written again and finds it (``intake.pipeline.Intake._store``), as it would without this.
    """
    wanted = {(str(channel), normalise_address(channel, address)) for channel, address in senders}
    wanted = {key for key in wanted if _seen_contact(session, *key) is None}
    if not wanted:
        return
    for contact in session.scalars(_CONTACTS_AT, {"channels": sorted({channel for channel, _ in wanted}),
                                                  "addresses": sorted({address for _, address in wanted})}):
        _remember_contact(session, contact)
    cache = remembered(session)
    absent = {key for key in wanted if _seen_contact(session, *key) is None}
    cache.setdefault(_ABSENT, set()).update(absent)
    emails = sorted({address for channel, address in absent if channel in MAIL_CHANNELS and address})
    if emails:
        customers: dict[str, int | None] = dict.fromkeys(emails)
        for customer_id, email in session.execute(_CUSTOMERS_OF, {"emails": emails}):  # lowest id first
            customers[email] = customers[email] or int(customer_id)
        cache.setdefault(_CUSTOMERS, {}).update(customers)


def get_or_create_contact(session: Session, channel: str, address: str) -> Contact:
    """The contact for a channel address, linked to a customer by e-mail address when one matches.

    A unique constraint on (channel, address) settles a race between two processes; the loser's
    transaction fails with IntegrityError and the caller retries.
    """
    address = normalise_address(channel, address)
    contact = _lookup(session, channel, address)
    if contact is not None:
        return contact
    return _remember_contact(session, inserted(session, Contact, {  # type: ignore[return-value]
        "channel": channel, "address": address, "address_digest": address_digest(channel, address),
        "customer_id": customer_for_address(session, channel, address), "unreachable": False, "created_at": utcnow()}))


_CUSTOMER_BY_EMAIL = select(Customer.id).where(func.lower(Customer.email) == bindparam("email")).order_by(
    Customer.id).limit(1)  # built once: intake asks for every new contact
_CUSTOMERS_OF = select(Customer.id, func.lower(Customer.email)).where(
    func.lower(Customer.email).in_(bindparam("emails", expanding=True))).order_by(Customer.id)


def customer_for_address(session: Session, channel: str, address: str) -> int | None:
    """The customer whose directory entry has this address: the e-mail address for mail channels, the
    phone number for WhatsApp (whose contacts are phone numbers)."""
    if channel in MAIL_CHANNELS and address:
        known: dict[str, int | None] = remembered(session).get(_CUSTOMERS, {})
        if address.lower() in known:  # read with the batch's other senders (``remember_contacts``)
            return known[address.lower()]
        return session.scalars(_CUSTOMER_BY_EMAIL, {"email": address.lower()}).first()
    key = phone_key(address) if channel == "whatsapp" else ""
    if key:
        for customer_id, phone in session.execute(select(Customer.id, Customer.phone).where(
                Customer.phone.is_not(None), Customer.phone.like(f"%{key[-6:]}%")).order_by(Customer.id)):
            if phone and phone_key(phone) == key:
                return int(customer_id)
    return None


def find_contact(session: Session, channel: str, address: str) -> Contact | None:
    return _lookup(session, channel, normalise_address(channel, address))
