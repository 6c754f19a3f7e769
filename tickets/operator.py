"""The operator's own identities, kept in the stored copy of what agents write.

A reply or note is stored after the scrubber ran over it (``tickets.replies``), so without this an
agent's own name, her signature and the company's phone number come back to colleagues as
"person 6" and "phone number 3". The scrubber's allow-list (``ScrubberConfig.allow_list``) is one
list for every text the deployment scrubs, customers' messages included; this is a second list,
applied only to text agents write: the analysis is made as usual and the entities that fall on an
operator identity are dropped before redaction (``keep_own``), so they stay in the text. Nothing a
customer wrote is affected.

The identities: every agent's display name (and its first word, the name an agent signs with), the
lines of every agent's signature, every mailbox's name, sender name and addresses and the lines of its
signature (``tickets.mailboxes``: a brand's identity is the company's own), and the configured company
names, addresses (postal and e-mail), phone numbers and domains (``[operator]`` in the configuration).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agent
from scrubber import Analysis, Entity
from tickets import mailboxes

if TYPE_CHECKING:
    from collections.abc import Iterable

_MIN_LITERAL = 3  # shorter literals ("Al", "B.") would keep too much


class OperatorIdentity(BaseModel):
    """The company's own identities (``[operator]``): kept in what agents write, never in what customers write."""

    names: list[str] = []  # "Example Hosting B.V.", "Example Support"
    addresses: list[str] = []  # "Keizersgracht 1, 1015 AA Amsterdam", "support@example.nl"
    phones: list[str] = []  # "020-123 45 67"
    domains: list[str] = []  # "example.nl": any address or URL at it


@dataclass(frozen=True, slots=True)
class Identities:
    """Everything ``keep_own`` keeps, gathered once per action."""

    literals: tuple[str, ...]
    phones: frozenset[str]
    domains: tuple[str, ...]


def _phone_digits(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def gather(session: Session, config: OperatorIdentity | None) -> Identities:
    """The agents' names and signature lines and the mailboxes' identities from the store, plus the
    configured company identities."""
    literals: list[str] = []
    for name, signature in session.execute(select(Agent.display_name, Agent.signature)):
        literals.append(name)
        literals.append(name.split()[0] if name.split() else "")
        literals += (signature or "").splitlines()
    literals += mailboxes.own_identities(session)
    cfg = config or OperatorIdentity()
    literals += cfg.names + cfg.addresses
    phones = frozenset(d for d in (_phone_digits(p) for p in cfg.phones) if len(d) >= 6)
    domains = tuple(d.strip().lower().lstrip("@.") for d in cfg.domains if d.strip())
    for address in cfg.addresses:
        if "@" in address:
            domains += (address.rpartition("@")[2].strip().lower(),)
    clean = sorted({s.strip() for s in literals if len(s.strip()) >= _MIN_LITERAL}, key=len, reverse=True)
    return Identities(tuple(clean), phones, domains)


def _spans(text: str, literals: Iterable[str]) -> list[tuple[int, int]]:
    """Occurrences of the literals (case-insensitive, any whitespace between words, whole words)."""
    spans: list[tuple[int, int]] = []
    for literal in literals:
        words = literal.split()
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


def _at_domain(value: str, domains: tuple[str, ...]) -> bool:
    host = value.strip().lower().rpartition("@")[2].split("/")[0]
    if "://" in value:
        host = value.lower().split("://", 1)[1].split("/")[0]
    host = host.removeprefix("www.")
    return any(host == d or host.endswith("." + d) for d in domains)


def _own(text: str, entity: Entity, spans: list[tuple[int, int]], ids: Identities) -> bool:
    if any(s <= entity.start and entity.end <= e for s, e in spans):
        return True
    value = text[entity.start:entity.end]
    if entity.type == "PHONE_NUMBER" and _phone_digits(value) in ids.phones:
        return True
    return entity.type in ("EMAIL_ADDRESS", "URL", "DOMAIN") and bool(ids.domains) and _at_domain(value, ids.domains)


def keep_own(text: str, analysis: Analysis, ids: Identities) -> Analysis:
    """The analysis without the entities that are the operator's own identities (they stay in the text)."""
    if not analysis.entities:
        return analysis
    spans = _spans(text, ids.literals)
    kept = tuple(e for e in analysis.entities if not _own(text, e, spans, ids))
    return analysis if len(kept) == len(analysis.entities) else Analysis(analysis.lang, kept)
