"""Search: by ticket number, customer number and contact address (exact), and full text with Dutch and
English stemming, with snippets.

- **Ticket number** ("100042" or "#100042"): that ticket; the search box jumps straight to it.
- **Customer number**: every ticket of that customer.
- **Contact address** (an e-mail address, a phone number): the tickets of the contacts with exactly that
  address, found through the keyed digest index of ``contacts.address_digest`` (``store.address_digest``),
  and of the customer whose directory e-mail address it is.
- **Text** over subjects and scrubbed message text. SQLite: the FTS5 tables of migration 0002
  (unicode61, diacritics folded); each query word is expanded to the indexed words with the same Dutch
  or English Snowball stem, read from the index's own vocabulary (``fts5vocab`` tables of migration 0011:
  nothing is stored twice, and an erased text leaves no stems behind), so "facturen" finds "factuur"
  and "logging" finds "log". PostgreSQL: the generated ``search_vector`` columns (Dutch and English
  lexemes, the same Snowball stemmers); a row matches when either configuration's query matches. The
  last word also matches as a prefix, so results appear while typing. Results are the tickets of the
  newest ``MAX_MATCHES`` matches, newest first. Only scrubbed text is indexed: a search can never find
  a value the scrubber removed.
- **Snippets** (``add_snippets``): for the rows of one page, where the words were found, the matched
  words marked; the same code for both databases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from models import Contact, Customer, Message, Ticket, ticket_id_of
from tickets import tags
from tickets.store import address_digest, phone_key

# Words of the query; everything else (FTS5 operators, quotes, parentheses) is dropped so that user
# input is always a plain AND of terms and never a syntax error in either engine.
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"^#?\s*(\d{6,16})$")
_PLACEHOLDER_TOKEN = re.compile(r"^[A-Z][A-Z_]*_\d+$")
# A tag term of the query ("tag:billing"): the rest of the query is searched as usual.
_TAG_TERM = re.compile(r"(?i)(?<!\S)tag:(\S+)")
MAX_WORDS = 12
MAX_MATCHES = 1000
MAX_EXPANSION = 40  # indexed words per query word (the most frequent stems have few forms)
MARK_START, MARK_END = "\x02", "\x03"

_SQLITE = (
    "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC LIMIT :n",
    "SELECT m.ticket_id FROM messages m WHERE m.id IN ("
    " SELECT rowid FROM message_fts WHERE message_fts MATCH :q ORDER BY rowid DESC LIMIT :n)",
)
_VOCAB = ("SELECT term FROM message_fts_vocab WHERE term >= :lo AND term < :hi LIMIT 400",
          "SELECT term FROM ticket_fts_vocab WHERE term >= :lo AND term < :hi LIMIT 400")
_POSTGRES = (
    "SELECT id FROM tickets WHERE search_vector @@"
    " (to_tsquery('dutch'::regconfig, :q) || to_tsquery('english'::regconfig, :q)) ORDER BY id DESC LIMIT :n",
    "SELECT ticket_id FROM messages WHERE search_vector @@"
    " (to_tsquery('dutch'::regconfig, :q) || to_tsquery('english'::regconfig, :q)) ORDER BY id DESC LIMIT :n",
)
_STEMMERS = {lang: snowballstemmer.stemmer(name) for lang, name in (("nl", "dutch"), ("en", "english"))}


def fold(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer indexes it: lower case, diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stems(word: str) -> frozenset[str]:
    """The Dutch and English Snowball stems of a (folded) word."""
    return frozenset(stemmer.stemWord(word) for stemmer in _STEMMERS.values())


@dataclass
class Found:
    """What a query found: ticket ids (newest first), and what snippets need to mark."""

    ticket_ids: list[int] = field(default_factory=list)
    ticket_number: int | None = None  # the query is the number of an existing ticket
    words: list[str] = field(default_factory=list)  # folded query words (the last one also as a prefix)
    exact: bool = False  # found by number, customer number or address (no words to mark)

    def marks(self, token: str) -> bool:
        folded = fold(token)
        if not self.words or _PLACEHOLDER_TOKEN.match(token):
            return False
        if folded.startswith(self.words[-1]):
            return True
        token_stems = stems(folded)
        return any(folded == w or token_stems & stems(w) for w in self.words)


def _ticket_by_number(session: Session, query: str) -> int | None:
    match = _NUMBER.match(query)
    if not match:
        return None
    row_id = ticket_id_of(int(match.group(1)))
    return row_id if row_id is not None and session.get(Ticket, row_id) is not None else None


def _exact(session: Session, query: str) -> list[int]:
    """Tickets of the customer with this number, or of the contacts and customer with this address."""
    value = query.strip()
    if not value or len(value) > 320:
        return []
    customers = set(session.scalars(select(Customer.id).where(Customer.number == value)))
    digests = {address_digest("email", value), address_digest("telegram", value)}
    key = phone_key(value)
    if key and not any(c.isalpha() for c in value):
        digests |= {address_digest("whatsapp", "31" + key[1:] if key.startswith("0") else key),
                    address_digest("whatsapp", key)}
    contacts = set(session.scalars(select(Contact.id).where(Contact.address_digest.in_(digests))))
    if "@" in value:
        customers |= set(session.scalars(select(Customer.id).where(Customer.email == value.lower())))
    if not customers and not contacts:
        return []
    clauses = []
    if customers:
        clauses.append(Ticket.customer_id.in_(customers))
    if contacts:
        clauses.append(Ticket.contact_id.in_(contacts))
    return list(session.scalars(select(Ticket.id).where(or_(*clauses)).order_by(Ticket.id.desc()).limit(MAX_MATCHES)))


def _expand(session: Session, word: str) -> list[str]:
    """Indexed words with the same Dutch or English stem as ``word`` (SQLite), ``word`` first."""
    wanted = stems(word)
    prefix = min([word, *wanted], key=len)
    prefix = prefix[: max(3, len(prefix) - 2)]
    if len(prefix) < 3:
        return [word]
    hi = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    found = {word}
    for statement in _VOCAB:
        for term in session.execute(text(statement), {"lo": prefix, "hi": hi}).scalars():
            if term != word and len(found) < MAX_EXPANSION and stems(term) & wanted:
                found.add(term)
    return [word, *sorted(found - {word})]


def _fts5_query(session: Session, words: list[str]) -> str:
    parts = []
    for i, word in enumerate(words):
        forms = [f'"{w}"' for w in _expand(session, word)]
        if i == len(words) - 1:
            forms.append(f'"{word}"*')  # while typing
        parts.append("(" + " OR ".join(forms) + ")")
    return " AND ".join(parts)


def _tsquery(words: list[str]) -> str:
    # Only \w+ words reach to_tsquery (no operators from user input); the last one as a prefix.
    return " & ".join([*words[:-1], words[-1] + ":*"])


def text_matches(session: Session, words: list[str]) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        statements, q = _SQLITE, _fts5_query(session, words)
    else:
        statements, q = _POSTGRES, _tsquery(words)
    found: set[int] = set()
    for statement in statements:
        found.update(session.execute(text(statement), {"q": q, "n": MAX_MATCHES}).scalars())
    return sorted(found, reverse=True)[:MAX_MATCHES]


def find(session: Session, query: str) -> Found:
    """Everything the query finds: by number, customer number, address, and text; ``tag:name`` terms
    keep only tickets that carry the tag (every one given), alone or with the other terms."""
    wanted = _TAG_TERM.findall(query)
    if wanted:
        tagged = tags.ticket_ids_with_all(session, wanted, MAX_MATCHES)
        rest = _TAG_TERM.sub(" ", query).strip()
        if not rest:
            return Found(tagged, exact=True)
        found, keep = find(session, rest), set(tagged)
        found.ticket_ids = [i for i in found.ticket_ids if i in keep]
        found.ticket_number = None
        return found
    query = query.strip()
    row_id = _ticket_by_number(session, query)
    if row_id is not None:
        return Found([row_id], ticket_number=int(_NUMBER.match(query).group(1)), exact=True)  # type: ignore[union-attr]
    exact = _exact(session, query)
    if exact:
        return Found(exact, exact=True)
    words = [fold(w) for w in _WORD.findall(query)[:MAX_WORDS]]
    words = [w for w in words if w]
    if not words:
        return Found()
    return Found(text_matches(session, words), words=words)


def matching_ticket_ids(session: Session, query: str) -> list[int]:
    """Ids of the tickets the query finds, newest first."""
    return find(session, query).ticket_ids


# --- snippets ---------------------------------------------------------------------------------------


def snippet(value: str, found: Found, width: int = 160) -> tuple[str, list[tuple[int, int]]] | None:
    """The part of ``value`` around the first marked word, and the marked words' offsets within it."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(value) if found.marks(m.group(0))]
    if not tokens:
        return None
    first = tokens[0][0]
    start = max(0, first - width // 3)
    if start:
        space = value.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(value), start + width)
    cut = value[start:end]
    marks = [(s - start, e - start) for s, e in tokens if s >= start and e <= end]
    prefix, suffix = ("…" if start else ""), ("…" if end < len(value) else "")
    return prefix + cut + suffix, [(s + len(prefix), e + len(prefix)) for s, e in marks]


def unmark(value: str) -> tuple[str, list[tuple[int, int]]]:
    """A marked snippet as plain text and the offsets of its marked words (for the JSON API)."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    for part in re.split(f"({MARK_START}|{MARK_END})", value):
        if part == MARK_START:
            start = pos
        elif part == MARK_END:
            marks.append((start, pos))
        else:
            plain.append(part)
            pos += len(part)
    return "".join(plain), marks


def marked(snip: tuple[str, list[tuple[int, int]]]) -> str:
    """The snippet with ``MARK_START``/``MARK_END`` around each marked word (the page turns them into marks)."""
    value, marks = snip
    out, last = [], 0
    for s, e in marks:
        out += [value[last:s], MARK_START, value[s:e], MARK_END]
        last = e
    out.append(value[last:])
    return " ".join("".join(out).split())


def add_snippets(session: Session, rows: Sequence[Any], found: Found) -> None:
    """Set ``row.snippet`` (marked text) for one page of rows found by words: newest message first, then subject."""
    if found.exact or not found.words or not rows:
        return
    ids = [r.id for r in rows]
    texts: dict[int, list[str]] = {}
    for ticket_id, body in session.execute(select(Message.ticket_id, Message.text).where(
            Message.ticket_id.in_(ids)).order_by(Message.id.desc())):
        texts.setdefault(ticket_id, []).append(body[:20_000])
    for row in rows:
        for value in _candidates(texts.get(row.id, ()), row.subject):
            snip = snippet(value, found)
            if snip is not None:
                row.snippet = marked(snip)
                break


def _candidates(bodies: Iterable[str], subject: str | None) -> Iterable[str]:
    yield from bodies
    if subject:
        yield subject
