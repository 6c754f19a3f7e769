"""The audit trail: an append-only record of who did what to which record (art. 5(2) GDPR, accountability).

Logins, reveals of vaulted values, exports, erasures, verification attempts, retention runs and
role changes each leave one row through ``record``. There is no update path and no delete path in
the code: the ORM refuses to flush a change or a deletion of an ``AuditEntry``, and migration 0006
adds a database trigger that refuses ``UPDATE`` as well. The only rows that ever go are entries past
their own retention (``tickets.retention``, 7 years by default), removed by age with a bulk
``DELETE`` - the privacy statement's promise that every record has an end date covers this log too.

``detail`` names ids, counts, types and reasons, never a value of personal data: ``record`` refuses
keys that suggest one (``value``, ``text``, ``body`` ...). Privacy requests keep their own
transition log (``tickets.privacy.models.PrivacyAudit``); this table is the general one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql import Select

from tickets.models import AppendOnly, Base, utcnow

# The actions other parts of scrubdesk record (free strings; these are the documented ones).
LOGIN = "login"
LOGIN_FAILED = "login_failed"
REVEAL = "vault.reveal"
REVEAL_REFUSED = "vault.reveal_refused"
KEY_ROTATION = "vault.rotate_key"
EXPORT = "export"
ERASURE = "erasure"
VERIFICATION = "verification"
RETENTION_RUN = "retention.run"
ROLE_CHANGE = "role_change"

# Keys under which personal data would end up in the log; refused by ``record``.
_FORBIDDEN_DETAIL_KEYS = frozenset({"value", "values", "text", "body", "raw", "plaintext", "secret", "password"})


class AuditEntry(Base, AppendOnly):
    """One thing somebody (or the system) did; inserted, never changed."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at", "id"),
        Index("ix_audit_log_target", "target_kind", "target_id"),
        Index("ix_audit_log_actor_at", "actor", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # "agent:<username>", "api", "system:retention", "cli", "requester".
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(48))
    # What the action was about: "ticket", "vault_entry", "agent", "privacy_request", "retention" ...
    target_kind: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AppendOnlyError(RuntimeError):
    """Somebody tried to change or delete an audit entry through the ORM."""


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _context: Any, _instances: Any) -> None:
    # Every AppendOnly model (this trail, the privacy request log) is insert-only.
    for obj in session.dirty:
        if isinstance(obj, AppendOnly) and session.is_modified(obj):
            raise AppendOnlyError(f"{type(obj).__tablename__} entries are append-only")  # type: ignore[attr-defined]
    for obj in session.deleted:
        if isinstance(obj, AppendOnly):
            raise AppendOnlyError(f"{type(obj).__tablename__} entries are append-only")  # type: ignore[attr-defined]
    _observe(session)


# --- entries recorded from the model layer --------------------------------------------------------
# Logins, role changes and verification attempts are recorded where the rows change, so every path
# (web, API, CLI, bot) is covered without each caller remembering to. Who acted is known for logins
# and verifications; for agent changes it is ``session.info["audit_actor"]`` when the caller set it,
# else "unrecorded". (The privacy desk records its steps - erasures, exports, identity checks -
# itself, through ``record``: tickets.privacy.workflow.)


def _changed(obj: Any, attr: str) -> tuple[Any, Any] | None:
    history = inspect(obj).attrs[attr].history
    if not history.has_changes():
        return None
    return (history.deleted[0] if history.deleted else None), (history.added[0] if history.added else None)


def _observe(session: Session) -> None:
    from tickets.verification import Verification
    from tickets.workspace_models import Agent

    actor = str(session.info.get("audit_actor", "unrecorded"))
    entries: list[AuditEntry] = []

    def add(who: str, action: str, kind: str, target: object, detail: dict[str, Any]) -> None:
        entries.append(AuditEntry(at=utcnow(), actor=who[:128], action=action, target_kind=kind,
                                  target_id=None if target is None else str(target)[:64], detail=detail))

    for obj in session.new:
        if isinstance(obj, Agent):
            add(actor, ROLE_CHANGE, "agent", obj.username, {"from": None, "to": str(obj.role)})
    for obj in session.dirty:
        if isinstance(obj, Agent):
            if (role := _changed(obj, "role")) is not None:
                add(actor, ROLE_CHANGE, "agent", obj.username, {"from": str(role[0]), "to": str(role[1])})
            if _changed(obj, "last_login_at") is not None and obj.last_login_at is not None:
                add(f"agent:{obj.username}", LOGIN, "agent", obj.username, {})
            if (active := _changed(obj, "active")) is not None and active[0] is not None:
                add(actor, "agent_enabled" if obj.active else "agent_disabled", "agent", obj.username, {})
        elif isinstance(obj, Verification):
            if _changed(obj, "attempts") is not None:
                add(obj.subject, VERIFICATION, "verification", obj.id,
                    {"purpose": obj.purpose, "result": "wrong", "attempt": obj.attempts})
            if _changed(obj, "used_at") is not None and obj.used_at is not None:
                add(obj.subject, VERIFICATION, "verification", obj.id, {"purpose": obj.purpose, "result": "ok"})
    session.add_all(entries)


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
