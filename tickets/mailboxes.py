"""Mailboxes (brands): editing them, which mailbox a new e-mail ticket belongs to, and who our mail is from.

A mailbox (``models.mailboxes``) is one face of the company: its inbound addresses, the identity its
mail goes out with, its acknowledgement texts and the group its new tickets land in. Three questions
are answered here, once, for everything else:

- ``route``: the mailbox of an inbound message, from its recipients (the SMTP envelope's RCPT TO first,
  then To and Cc; for IMAP the watched mailbox's address first). The first recipient that is an
  address of an active mailbox wins. It runs in the writer's transaction for every new ticket, so the
  address map is cached per database (``tickets.db_cache``) and forgotten
  at once after an edit here (other processes see an edit within the cache time), as
  ``tickets.sla`` does for its policies: intake makes no extra query per message.
- ``identity_for_ticket``: the sender identity of every e-mail we send on a ticket (replies,
  acknowledgements, the solve mail): its mailbox's display name, address and signature, or the
  deployment's default (``[outbound_mail] from_name``/``from_address``, filled in by
  ``outbound.mail``) when the ticket has no mailbox, or its mailbox is inactive or deleted.
- ``sign``: the mailbox's signature below a text, once.

Addresses are stored lower-case (see ``models.mailboxes``) and an address belongs to at most one
mailbox (the primary key of ``mailbox_addresses``; checked here first for a clear message).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Ticket, utcnow
from models.mailboxes import Group, Mailbox, MailboxAddress
from tickets import audit
from tickets.db_cache import DbCache
from tickets.guards import ActionError

# Deliberately loose (RFC 5321's full grammar is not what an admin types): one @, no spaces or
# separators, something on both sides. The smarthost has the last word on what it accepts.
_ADDRESS = re.compile(r"^[^@\s<>,;\"()\[\]]+@[^@\s<>,;\"()\[\]]+$")
# RFC 3676 section 4.3: "-- " on a line of its own starts a signature; mail clients grey it out.
SIGNATURE_SEPARATOR = "-- "


@dataclass(frozen=True, slots=True)
class Route:
    """Where a new ticket from an address goes: its mailbox and that mailbox's default group."""

    mailbox_id: int
    group_id: int | None


@dataclass(frozen=True, slots=True)
class SenderIdentity:
    """Who our mail on a ticket is from. ``mailbox_id`` None: the deployment's default identity, whose
    name and address ``outbound.mail`` takes from its configuration (``name``/``address`` are None)."""

    mailbox_id: int | None = None
    name: str | None = None
    address: str | None = None
    signature: str | None = None
    ack_template_nl: str | None = None
    ack_template_en: str | None = None

    def payload(self) -> dict[str, object]:
        """The outbox payload fields ``outbound.mail.build_mail`` reads; none for the default identity.

        Fixed at enqueue time, so a re-send after a crash (or an edit of the mailbox meanwhile) is the
        same message."""
        if self.address is None:
            return {}
        return {"from_name": self.name or "", "from_address": self.address, "mailbox_id": self.mailbox_id}


DEFAULT_IDENTITY = SenderIdentity()


@dataclass(frozen=True, slots=True)
class MailboxValues:
    """A mailbox form's values, checked."""

    name: str
    sender_address: str
    sender_name: str
    signature: str | None
    ack_template_nl: str | None
    ack_template_en: str | None
    default_group_id: int | None
    active: bool


# --- the sender identity ------------------------------------------------------------------------


def identity_for_ticket(session: Session, ticket: Ticket) -> SenderIdentity:
    """The identity every e-mail on ``ticket`` goes out with (the one function all mail senders call)."""
    if ticket.mailbox_id is None:
        return DEFAULT_IDENTITY
    mailbox = session.get(Mailbox, ticket.mailbox_id)
    if mailbox is None or not mailbox.active:
        return DEFAULT_IDENTITY
    return SenderIdentity(mailbox_id=mailbox.id, name=mailbox.sender_name, address=mailbox.sender_address,
                          signature=(mailbox.signature or "").strip() or None,
                          ack_template_nl=mailbox.ack_template_nl, ack_template_en=mailbox.ack_template_en)


def sign(text: str, identity: SenderIdentity) -> str:
    """``text`` with the identity's signature below it, unless the text already ends with it (an agent
    who typed or pasted it, a macro that holds it): never signed twice."""
    signature = identity.signature
    if not signature:
        return text
    squeezed = " ".join(text.split())
    if squeezed.endswith(" ".join(signature.split())):
        return text
    return f"{text.rstrip()}\n\n{SIGNATURE_SEPARATOR}\n{signature}"


def own_identities(session: Session) -> list[str]:
    """Every mailbox's names, addresses and signature lines: kept as written in what agents write
    (``tickets.operator``), as the agents' own names and signatures are."""
    found: set[str] = set()
    for name, sender_name, sender_address, signature, address in session.execute(
            select(Mailbox.name, Mailbox.sender_name, Mailbox.sender_address, Mailbox.signature,
                   MailboxAddress.address).outerjoin(MailboxAddress, MailboxAddress.mailbox_id == Mailbox.id)):
        found.update([name, sender_name, sender_address, address or "", *(signature or "").splitlines()])
    return sorted(found)


# --- routing inbound mail -----------------------------------------------------------------------


def load_routes(session: Session) -> dict[str, Route]:
    """Every address of an active mailbox, lower-case, with its route (one query)."""
    rows = session.execute(
        select(MailboxAddress.address, Mailbox.id, Mailbox.default_group_id)
        .join(Mailbox, Mailbox.id == MailboxAddress.mailbox_id).where(Mailbox.active.is_(True)))
    return {address: Route(mailbox_id, group_id) for address, mailbox_id, group_id in rows}


_routes: DbCache[dict[str, Route]] = DbCache(load_routes)


def routes(session: Session) -> dict[str, Route]:
    """The address map, from the cache when it is fresh."""
    return _routes.get(session)


def invalidate() -> None:
    """Forget the cached address map (after a mailbox was edited; called after the commit)."""
    _routes.invalidate()


def route(session: Session, recipients: Iterable[str]) -> Route | None:
    """The mailbox a new ticket of a message to ``recipients`` belongs to; None: no mailbox (the
    deployment's default identity). The first recipient in order that a mailbox has decides."""
    addresses = [r.strip().strip("<>").lower() for r in recipients if r]
    if not addresses:
        return None
    known = routes(session)
    if not known:
        return None
    return next((known[a] for a in addresses if a in known), None)


# --- editing (the admin page, ``web.admin_mailboxes``) ------------------------------------------


def normalize_address(value: str) -> str:
    address = value.strip().strip("<>").lower()
    if len(address) > 320 or not _ADDRESS.match(address):
        raise ActionError(f"{value.strip()!r} is not an e-mail address")
    return address


def parse_addresses(text: str) -> list[str]:
    """The inbound addresses typed one per line (commas and spaces separate too), lower-cased, once each."""
    return list(dict.fromkeys(normalize_address(a) for a in re.split(r"[\s,;]+", text) if a.strip()))


def _text(value: str | None, limit: int = 10_000) -> str | None:
    text = (value or "").replace("\r\n", "\n").strip()
    return text[:limit] or None


def parse_mailbox(session: Session, form: Mapping[str, str]) -> tuple[MailboxValues, list[str]]:
    """The mailbox form's values and its inbound addresses, checked; ``ActionError`` says what is wrong."""
    name = form.get("name", "").strip()
    if not name or len(name) > 100:
        raise ActionError("a mailbox needs a name (at most 100 characters)")
    sender_name = form.get("sender_name", "").strip() or name
    if len(sender_name) > 255 or any(c in sender_name for c in "\r\n"):
        raise ActionError("the display name: one line, at most 255 characters")
    group = form.get("default_group_id", "").strip()
    if group and (not group.isdigit() or session.get(Group, int(group)) is None):
        raise ActionError("no such group")
    values = MailboxValues(
        name=name, sender_address=normalize_address(form.get("sender_address", "")), sender_name=sender_name,
        signature=_text(form.get("signature"), 2000), ack_template_nl=_text(form.get("ack_template_nl")),
        ack_template_en=_text(form.get("ack_template_en")), default_group_id=int(group) if group else None,
        active=form.get("active") in ("on", "true", "1"))
    return values, parse_addresses(form.get("addresses", ""))


def addresses_of(session: Session, mailbox_id: int) -> list[str]:
    return list(session.scalars(select(MailboxAddress.address).where(MailboxAddress.mailbox_id == mailbox_id)
                                .order_by(MailboxAddress.address)))


def save(session: Session, mailbox_id: int | None, values: MailboxValues, addresses: list[str],
         actor: str) -> Mailbox:
    """Create (``mailbox_id`` None) or change a mailbox and set its inbound addresses. The caller calls
    ``invalidate`` after the commit."""
    mailbox = Mailbox() if mailbox_id is None else session.get(Mailbox, mailbox_id)
    if mailbox is None:
        raise ActionError("no such mailbox")
    clash = session.scalar(select(Mailbox.id).where(Mailbox.name == values.name))
    if clash is not None and clash != mailbox_id:
        raise ActionError(f"a mailbox named {values.name!r} exists already")
    if addresses:
        taken = session.execute(
            select(MailboxAddress.address, Mailbox.name).join(Mailbox, Mailbox.id == MailboxAddress.mailbox_id)
            .where(MailboxAddress.address.in_(addresses), MailboxAddress.mailbox_id != (mailbox_id or 0))).first()
        if taken is not None:
            raise ActionError(f"{taken[0]} belongs to the mailbox {taken[1]!r} already: remove it there first")
    for key, value in asdict(values).items():
        setattr(mailbox, key, value)
    mailbox.updated_at = utcnow()
    session.add(mailbox)
    session.flush()
    before = set(addresses_of(session, mailbox.id))
    if before - set(addresses):
        session.execute(delete(MailboxAddress).where(MailboxAddress.mailbox_id == mailbox.id,
                                                     MailboxAddress.address.in_(before - set(addresses))))
    session.add_all(MailboxAddress(address=a, mailbox_id=mailbox.id) for a in addresses if a not in before)
    session.flush()
    # The audit trail keeps what changed in kind, not the texts (a signature may name a person).
    audit.record(session, actor, "mailbox.add" if mailbox_id is None else "mailbox.edit", "mailbox", mailbox.id,
                 {"addresses": len(addresses), "active": values.active, "default_group_id": values.default_group_id})
    return mailbox


def delete_mailbox(session: Session, mailbox_id: int, actor: str) -> None:
    """Delete a mailbox: its addresses and SLA policies go with it, its tickets keep their messages and
    from now on use the default identity (``tickets.mailbox_id`` is set NULL by the database)."""
    mailbox = session.get(Mailbox, mailbox_id)
    if mailbox is None:
        raise ActionError("no such mailbox")
    session.delete(mailbox)  # ON DELETE (models.mailboxes; SQLite's foreign_keys pragma is on, models.db)
    session.flush()
    audit.record(session, actor, "mailbox.delete", "mailbox", mailbox_id, {})


def mailboxes(session: Session) -> list[Mailbox]:
    return list(session.scalars(select(Mailbox).order_by(Mailbox.name)))


def groups(session: Session) -> list[tuple[int, str]]:
    """The groups a mailbox's new tickets can land in (``tickets.groups`` edits them)."""
    return [(gid, name) for gid, name in session.execute(select(Group.id, Group.name).order_by(Group.name))]
