"""Tags on tickets (issue 22): the team's own words ("billing", "outage-2026") put on tickets to filter
the queue, search and (later) drive rules.

A tag name is typed by an agent but it is not about one ticket: it is shared vocabulary, shown in every
ticket's list, in the admin list and in the API, and it is not erased with a customer's tickets. So
nothing personal may enter one. Rather than run the scrubber over a word without context (its name
detection needs sentences; "jansen" alone is not recognised reliably), a name is limited to a safe
grammar: lower-case letters (a-z and the accented Latin ones), digits, "-" and "_", 1 to 32 characters,
at most four digits in a row and six in all. That grammar cannot hold an e-mail address, a phone
number, a citizen service number (9 digits), an IBAN or a card number, not even written in groups
("06-1234-5678"), and it keeps tags readable as words ("outage-2026", "q3"). A
person's name written as a word is still possible in principle; tags are a team vocabulary managed in
the admin page (rename, delete), which is where such a mistake is repaired.

Every change on a ticket records a ticket event ("tagged", "untagged") with its actor, as every other
action does (``tickets.replies``); the caller records the audit entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, delete, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Tag, Ticket, TicketTag
from tickets import store
from tickets.guards import ActionError

MAX_LENGTH = 32
MAX_DIGITS = 6
# Letters a-z and Latin-1/Latin Extended-A letters (Dutch and the neighbours' accents), digits, - and _.
_LETTERS = "a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_NAME = re.compile(f"[{_LETTERS}][{_LETTERS}_\\-]*")
_DIGIT_RUN = re.compile(r"\d{5,}")


class BadTagName(ActionError):
    """The name is not a tag name (charset, length, or a run of digits that could be an identifier)."""


def normalize(name: str) -> str:
    """The tag name an agent means: trimmed, lower-case, NFC, inner spaces as "-"; ``BadTagName`` when
    it falls outside the safe grammar of the module docstring."""
    value = unicodedata.normalize("NFC", name.strip().lower())
    value = re.sub(r"\s+", "-", value)
    if not value or len(value) > MAX_LENGTH:
        raise BadTagName(f"a tag is 1 to {MAX_LENGTH} characters")
    if not _NAME.fullmatch(value):
        raise BadTagName("a tag holds only letters, digits, - and _")
    if _DIGIT_RUN.search(value) or sum(c.isdigit() for c in value) > MAX_DIGITS:
        # Identifiers are long runs of digits (BSN 9, phone 10, IBAN 10, card 16), also in groups.
        raise BadTagName(f"a tag holds at most four digits in a row and {MAX_DIGITS} in all")
    return value


def find(session: Session, name: str) -> Tag | None:
    try:
        value = normalize(name)
    except BadTagName:
        return None
    return session.scalars(select(Tag).where(Tag.name == value)).first()


def _get_or_create(session: Session, name: str) -> Tag:
    value = normalize(name)
    tag = session.scalars(select(Tag).where(Tag.name == value)).first()
    if tag is not None:
        return tag
    try:
        # Two agents (or processes) may create the same new tag at once: the unique name decides, and
        # the loser uses the winner's row (a savepoint keeps the rest of the transaction).
        with session.begin_nested():
            tag = Tag(name=value)
            session.add(tag)
    except IntegrityError:
        tag = session.scalars(select(Tag).where(Tag.name == value)).one()
    return tag


def names_of(session: Session, ticket_ids: Sequence[int]) -> dict[int, list[str]]:
    """The tag names of each ticket (one query for a page of rows), sorted."""
    result: dict[int, list[str]] = {}
    if not ticket_ids:
        return result
    for ticket_id, name in session.execute(
        select(TicketTag.ticket_id, Tag.name).join(Tag, Tag.id == TicketTag.tag_id)
        .where(TicketTag.ticket_id.in_(list(ticket_ids))).order_by(Tag.name)
    ):
        result.setdefault(ticket_id, []).append(name)
    return result


def add(session: Session, ticket: Ticket, name: str, *, actor: str = "api") -> bool:
    """Put the tag on the ticket (creating the tag when new); False when the ticket already had it."""
    tag = _get_or_create(session, name)
    if session.get(TicketTag, (ticket.id, tag.id)) is not None:
        return False
    try:
        with session.begin_nested():  # the same tag put on at the same moment by someone else
            session.add(TicketTag(ticket_id=ticket.id, tag_id=tag.id))
    except IntegrityError:
        return False
    store.add_event(session, ticket, "tagged", {"tag": tag.name}, actor=actor)
    session.flush()
    return True


def remove(session: Session, ticket: Ticket, name: str, *, actor: str = "api") -> bool:
    """Take the tag off the ticket; False when the ticket did not have it."""
    tag = find(session, name)
    link = session.get(TicketTag, (ticket.id, tag.id)) if tag is not None else None
    if tag is None or link is None:
        return False
    session.delete(link)
    store.add_event(session, ticket, "untagged", {"tag": tag.name}, actor=actor)
    session.flush()
    return True


def filter_clause(name: str) -> ColumnElement[bool]:
    """WHERE clause: the ticket carries the tag (served by ``ix_ticket_tags_tag_ticket``); a name outside
    the grammar is no tag, and matches nothing."""
    try:
        value = normalize(name)
    except BadTagName:
        return false()
    return Ticket.id.in_(select(TicketTag.ticket_id).join(Tag, Tag.id == TicketTag.tag_id).where(Tag.name == value))


def ticket_ids_with_all(session: Session, names: Iterable[str], limit: int) -> list[int]:
    """Ids of the tickets that carry every one of the tags, newest first."""
    wanted = sorted(set(names))
    if not wanted:
        return []
    query = select(Ticket.id).where(*[filter_clause(n) for n in wanted]).order_by(Ticket.id.desc()).limit(limit)
    return list(session.scalars(query))


# --- the admin list -----------------------------------------------------------------------------------


def list_with_counts(session: Session) -> list[tuple[Tag, int]]:
    """Every tag with the number of tickets that carry it, by name."""
    counts = dict(session.execute(select(TicketTag.tag_id, func.count()).group_by(TicketTag.tag_id)).all())
    return [(tag, int(counts.get(tag.id, 0))) for tag in session.scalars(select(Tag).order_by(Tag.name))]


def most_used(session: Session, limit: int = 30) -> list[tuple[str, int]]:
    """The tags on the most tickets (for the queue's side list), with their counts."""
    count = func.count(TicketTag.ticket_id)
    return [(name, int(n)) for name, n in session.execute(
        select(Tag.name, count).join(TicketTag, TicketTag.tag_id == Tag.id).group_by(Tag.name)
        .order_by(count.desc(), Tag.name).limit(limit))]


def rename(session: Session, tag_id: int, new_name: str) -> Tag:
    """Rename a tag everywhere it is used; renaming onto an existing tag merges the two."""
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise ActionError("no such tag")
    value = normalize(new_name)
    other = session.scalars(select(Tag).where(Tag.name == value, Tag.id != tag.id)).first()
    if other is None:
        tag.name = value
        session.flush()
        return tag
    # Merge: the tickets of the renamed tag get the existing one (once), then the renamed tag goes.
    already = set(session.scalars(select(TicketTag.ticket_id).where(TicketTag.tag_id == other.id)))
    for link in list(session.scalars(select(TicketTag).where(TicketTag.tag_id == tag.id))):
        if link.ticket_id not in already:
            session.add(TicketTag(ticket_id=link.ticket_id, tag_id=other.id))
        session.delete(link)
    session.flush()
    session.delete(tag)
    session.flush()
    return other


def delete_tag(session: Session, tag_id: int) -> str:
    """Delete a tag and take it off every ticket; returns its name."""
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise ActionError("no such tag")
    name = tag.name
    session.execute(delete(TicketTag).where(TicketTag.tag_id == tag.id))
    session.delete(tag)
    session.flush()
    return name
