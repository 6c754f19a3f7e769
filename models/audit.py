"""The audit trail's table and the ORM rules that keep it honest (art. 5(2) GDPR, accountability).

``AuditEntry`` and every other ``AppendOnly`` table (the privacy request log) are insert-only: a flush
that changes or deletes one fails (migration 0006 adds a database trigger that refuses ``UPDATE`` as
well). Logins, role changes and verification attempts are recorded here, where the rows change, so
every path (web, API, CLI, bot) is covered without each caller remembering to. ``tickets.audit``
records everything else and reads the trail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import AppendOnly, Base, utcnow
from models.verification import Verification
from models.workspace import Agent

# The actions recorded in the trail (free strings; these are the documented ones).
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
# itself, through ``record``: privacy.workflow.)


def _changed(obj: Any, attr: str) -> tuple[Any, Any] | None:
    history = inspect(obj).attrs[attr].history
    if not history.has_changes():
        return None
    return (history.deleted[0] if history.deleted else None), (history.added[0] if history.added else None)


def _observe(session: Session) -> None:
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
