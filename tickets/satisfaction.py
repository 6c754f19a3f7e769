"""Satisfaction ratings (issue 22): the signed link for a solved ticket, and recording a 👍/👎 with an
optional comment.

- The link names the ticket number and a keyed digest of the ticket id (``models.keys``, purpose
  "satisfaction-link"): it cannot be guessed for another ticket, holds nothing personal, and needs
  no table of tokens. It stays valid; a later answer replaces the earlier one.
- Recording is idempotent: one row per ticket (unique), so a double click or a resent form changes
  nothing, and answering again updates the rating.
- The comment is what a customer wrote, so it is stored only as the scrubber leaves it, with the
  ticket's placeholder book (the same ``<PERSON_1>`` as in the thread), and the counts per type of what
  was removed; never the values.
"""

from __future__ import annotations

import hmac
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Ticket, keys, ticket_id_of, ticket_number
from models.base import utcnow
from models.satisfaction import SatisfactionRating
from scrubber import TextScrubber
from tickets import store

RATINGS = ("good", "bad")
MAX_COMMENT = 2000
_PURPOSE = "satisfaction-link"


def link_token(ticket_id: int) -> str:
    return keys.digest(_PURPOSE, str(ticket_id))[:32]


def link_path(ticket_id: int) -> str:
    """The path of the rating page for a ticket (the solve mail puts the public base URL before it)."""
    return f"/rate/{ticket_number(ticket_id)}/{link_token(ticket_id)}"


def ticket_for_link(session: Session, number: int, token: str) -> Ticket | None:
    """The ticket a link names when its signature is ours, else None (unknown and forged look alike)."""
    ticket_id = ticket_id_of(number)
    if ticket_id is None or not hmac.compare_digest(token.encode(), link_token(ticket_id).encode()):
        return None
    return session.get(Ticket, ticket_id)


def current(session: Session, ticket_id: int) -> SatisfactionRating | None:
    return session.scalar(select(SatisfactionRating).where(SatisfactionRating.ticket_id == ticket_id))


def record(session: Session, ticket: Ticket, rating: str, comment: str, scrubber: TextScrubber | None) -> bool:
    """Store the customer's answer (scrubbing the comment); False when it is what was already stored."""
    if rating not in RATINGS:
        raise ValueError("rating must be good or bad")
    text = comment.strip()[:MAX_COMMENT]
    stored: str | None = None
    removed: dict[str, int] = {}
    if text:
        if scrubber is None:
            raise ValueError("a comment cannot be stored without the scrubber")
        analysis = scrubber.analyze(text, ticket.lang)
        stored = str(scrubber.redact(text, analysis, store.TicketBook(session, ticket.id)))
        removed = dict(Counter(e.type for e in analysis.entities if e.action == "redact"))
    row = current(session, ticket.id)
    if row is not None and row.rating == rating and row.comment == stored:
        return False
    if row is None:
        row = SatisfactionRating(ticket_id=ticket.id)
        session.add(row)
    row.rating, row.comment, row.redactions, row.rated_at = rating, stored, removed, utcnow()
    session.flush()
    return True
