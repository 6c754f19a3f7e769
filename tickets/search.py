"""Full-text search over ticket subjects and scrubbed message text.

SQLite: the FTS5 tables of migration 0002 (``ticket_fts``, ``message_fts``). PostgreSQL: the GIN
indexes on ``to_tsvector('dutch', ...)`` and ``to_tsvector('english', ...)``; a ticket matches when
either configuration matches, so Dutch stemming ("facturen" ~ "factuur") and English stemming both
work without knowing the message's language. Only scrubbed text is indexed: a search can never find
a value the scrubber removed.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from tickets.models import Message, Ticket

# Words of the query; everything else (FTS5 operators, quotes, parentheses) is dropped so that user
# input is always a plain AND of terms and never an FTS5 syntax error.
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_MATCHES = 1000


def _fts5_query(query: str) -> str | None:
    words = _WORD.findall(query)[:12]
    if not words:
        return None
    # Each word as a quoted phrase; the last one as a prefix, so results appear while typing.
    terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(terms)


def matching_ticket_ids(session: Session, query: str) -> list[int]:
    """Ids of tickets whose subject or any message matches, newest first (at most MAX_MATCHES)."""
    if session.get_bind().dialect.name == "sqlite":
        fts = _fts5_query(query)
        if fts is None:
            return []
        # FTS5 yields matches in rowid order, so "newest N" stops early instead of sorting every hit;
        # message ids grow with time like ticket ids, so the newest messages name the newest tickets.
        subject_ids = session.execute(
            text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC LIMIT :n"),
            {"q": fts, "n": MAX_MATCHES},
        ).scalars().all()
        message_ticket_ids = session.execute(
            text("SELECT m.ticket_id FROM messages m WHERE m.id IN ("
                 " SELECT rowid FROM message_fts WHERE message_fts MATCH :q ORDER BY rowid DESC LIMIT :n)"),
            {"q": fts, "n": MAX_MATCHES},
        ).scalars().all()
        return sorted({*subject_ids, *message_ticket_ids}, reverse=True)[:MAX_MATCHES]
    words = _WORD.findall(query)[:12]
    if not words:
        return []
    # Only \w+ words reach to_tsquery (no operators from user input): an AND of the words, the last
    # one as a prefix (":*"), each configuration served by its own GIN index.
    tsquery_text = " & ".join([*words[:-1], words[-1] + ":*"])
    conds = []
    for name in ("dutch", "english"):
        # A literal configuration (not a bound parameter), so the planner matches the index expression.
        config: Any = literal_column(f"'{name}'::regconfig")
        tsq = func.to_tsquery(config, tsquery_text)
        conds.append((func.to_tsvector(config, Message.text).op("@@")(tsq),
                      func.to_tsvector(config, Ticket.subject).op("@@")(tsq)))
    in_messages = select(Message.ticket_id).where(or_(conds[0][0], conds[1][0]))
    in_subjects = select(Ticket.id).where(or_(conds[0][1], conds[1][1]))
    union = in_messages.union(in_subjects).subquery()
    ids = select(union.c[0]).order_by(union.c[0].desc()).limit(MAX_MATCHES)
    return [r[0] for r in session.execute(ids)]
