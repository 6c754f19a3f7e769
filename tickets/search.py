"""Full-text search over ticket subjects and scrubbed message text.

SQLite: the FTS5 tables of migration 0002 (``ticket_fts``, ``message_fts``). PostgreSQL: the
generated ``search_vector`` columns (Dutch and English lexemes, GIN-indexed); a row matches when
either configuration's query matches, so Dutch stemming ("facturen" ~ "factuur") and English
stemming both work without knowing the message's language. Results are the tickets of the newest
``MAX_MATCHES`` matching messages and subjects, newest first. Only scrubbed text is indexed: a
search can never find a value the scrubber removed.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

# Words of the query; everything else (FTS5 operators, quotes, parentheses) is dropped so that user
# input is always a plain AND of terms and never a syntax error in either engine.
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12
MAX_MATCHES = 1000

# Newest first in both engines: FTS5 yields matches in rowid order, and PostgreSQL walks the primary
# key backwards testing the stored tsvector, so a common word stops after MAX_MATCHES rows instead of
# fetching every match. Message ids grow with time like ticket ids, so the newest messages name the
# newest tickets.
_SQLITE = (
    "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC LIMIT :n",
    "SELECT m.ticket_id FROM messages m WHERE m.id IN ("
    " SELECT rowid FROM message_fts WHERE message_fts MATCH :q ORDER BY rowid DESC LIMIT :n)",
)
_POSTGRES = (
    "SELECT id FROM tickets WHERE search_vector @@"
    " (to_tsquery('dutch'::regconfig, :q) || to_tsquery('english'::regconfig, :q)) ORDER BY id DESC LIMIT :n",
    "SELECT ticket_id FROM messages WHERE search_vector @@"
    " (to_tsquery('dutch'::regconfig, :q) || to_tsquery('english'::regconfig, :q)) ORDER BY id DESC LIMIT :n",
)


def _fts5_query(words: list[str]) -> str:
    # Each word as a quoted phrase; the last one as a prefix, so results appear while typing.
    return " ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*'])


def _tsquery(words: list[str]) -> str:
    # Only \w+ words reach to_tsquery (no operators from user input); the last one as a prefix.
    return " & ".join([*words[:-1], words[-1] + ":*"])


def matching_ticket_ids(session: Session, query: str) -> list[int]:
    """Ids of tickets whose subject or a message matches every word, newest first."""
    words = _WORD.findall(query)[:MAX_WORDS]
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        statements, q = _SQLITE, _fts5_query(words)
    else:
        statements, q = _POSTGRES, _tsquery(words)
    found: set[int] = set()
    for statement in statements:
        found.update(session.execute(text(statement), {"q": q, "n": MAX_MATCHES}).scalars())
    return sorted(found, reverse=True)[:MAX_MATCHES]
