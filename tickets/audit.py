"""The audit trail: an append-only record of who did what to which record (art. 5(2) GDPR, accountability).

Logins, reveals of vaulted values, exports, erasures, verification attempts, retention runs and
role changes each leave one row through ``record``. There is no update path and no delete path in
the code: the ORM refuses to flush a change or a deletion of an ``AuditEntry`` (``models.audit``,
which also records logins, role changes and verification attempts as their rows change), and
migration 0006 adds a database trigger that refuses ``UPDATE`` as well. The only rows that ever go are entries past
their own retention (``privacy.retention``, 7 years by default), removed by age with a bulk
``DELETE`` - the privacy statement's promise that every record has an end date covers this log too.

``detail`` names ids, counts, types and reasons, never a value of personal data: ``record`` refuses
keys that suggest one (``value``, ``text``, ``body`` ...). Privacy requests keep their own
transition log (``models.PrivacyAudit``); this table is the general one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from models.audit import (
    ERASURE,
    EXPORT,
    KEY_ROTATION,
    LOGIN,
    LOGIN_FAILED,
    RETENTION_RUN,
    REVEAL,
    REVEAL_REFUSED,
    ROLE_CHANGE,
    VERIFICATION,
    AuditEntry,
)
from models.base import utcnow

# The documented action names, used as ``audit.LOGIN`` etc. by whoever records.
__all__ = [
    "ERASURE", "EXPORT", "KEY_ROTATION", "LOGIN", "LOGIN_FAILED", "RETENTION_RUN", "REVEAL", "REVEAL_REFUSED",
    "ROLE_CHANGE", "VERIFICATION", "AuditFilter", "actions", "actor_of", "entries", "export_csv", "record",
]

# Keys under which personal data would end up in the log; refused by ``record``.
_FORBIDDEN_DETAIL_KEYS = frozenset({"value", "values", "text", "body", "raw", "plaintext", "secret", "password"})


def record(
    session: Session,
    actor: str,
    action: str,
    target_kind: str,
    target_id: str | int | None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction (so it commits or rolls back with the act)."""
    detail = dict(detail or {})
    bad = _FORBIDDEN_DETAIL_KEYS.intersection(k.lower() for k in detail)
    if bad:
        raise ValueError(f"audit detail must not carry personal data (keys {sorted(bad)})")
    entry = AuditEntry(
        at=utcnow(),
        actor=actor[:128],
        action=action[:48],
        target_kind=target_kind[:32],
        target_id=None if target_id is None else str(target_id)[:64],
        detail=detail,
    )
    session.add(entry)
    session.flush()
    return entry


def actor_of(username: str | None) -> str:
    """The actor string of an agent (or the global API token when there is no username)."""
    return f"agent:{username}" if username and username != "api" else "api"


# --- reading: the workspace page and the CSV export -------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    target_kind: str | None = None
    target_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def apply(self, query: Select[AuditEntry]) -> Select[AuditEntry]:
        if self.actor:
            query = query.where(AuditEntry.actor == self.actor)
        if self.action:
            query = query.where(AuditEntry.action == self.action)
        if self.target_kind:
            query = query.where(AuditEntry.target_kind == self.target_kind)
        if self.target_id:
            query = query.where(AuditEntry.target_id == self.target_id)
        if self.since is not None:
            query = query.where(AuditEntry.at >= self.since)
        if self.until is not None:
            query = query.where(AuditEntry.at < self.until)
        return query


def entries(
    session: Session, flt: AuditFilter | None = None, *, limit: int = 100, before_id: int | None = None
) -> list[AuditEntry]:
    """Newest first, keyset-paginated on the id."""
    query = (flt or AuditFilter()).apply(select(AuditEntry)).order_by(AuditEntry.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query))


def actions(session: Session) -> list[str]:
    return sorted(session.scalars(select(AuditEntry.action).distinct()))


CSV_COLUMNS: Sequence[str] = ("id", "at", "actor", "action", "target_kind", "target_id", "detail")


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ is a formula to spreadsheet programs (OWASP "CSV injection").
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(session: Session, flt: AuditFilter | None = None, *, batch: int = 1000) -> Iterator[str]:
    """The matching entries as CSV text chunks, oldest first, read in batches (for a streaming response)."""
    import json

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    after = 0
    base = (flt or AuditFilter()).apply(select(AuditEntry))
    while True:
        rows = list(session.scalars(base.where(AuditEntry.id > after).order_by(AuditEntry.id).limit(batch)))
        for e in rows:
            writer.writerow([
                e.id, e.at.isoformat(), _csv_safe(e.actor), _csv_safe(e.action), _csv_safe(e.target_kind),
                _csv_safe(e.target_id or ""), _csv_safe(json.dumps(e.detail, sort_keys=True, ensure_ascii=False)),
            ])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(rows) < batch:
            return
        after = rows[-1].id
