"""The vault table: stripped values kept encrypted per ticket and placeholder, revealed with a reason.

Optional and off by default (``[vault] enabled``). When on, intake hands each stripped value to
``SqlVault.put`` inside the message's commit transaction (``intake.pipeline.ValueVault``); it is
sealed with ``privacy.cipher.Keyring`` (AES-256-GCM, bound to its ticket and placeholder) and kept
until ``expires_at`` (30 days by default), after which ``privacy.retention`` deletes it. Values of a
high-risk type (national IDs, ID documents, cards, credentials) are never stored: the pipeline does
not offer them and ``put`` refuses them again.

A reveal needs a configured role (``privacy_officer`` by default; administrators are not implied,
least privilege) and a typed reason, and leaves an audit entry (``tickets.audit``) either way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from models import VaultEntry, ticket_number, utcnow
from models.db import insert_later
from privacy.cipher import Keyring, Sealed, binding, is_high_risk
from tickets import audit
from tickets.transaction_cache import remembered

if TYPE_CHECKING:
    from tickets.store import TicketStore

log = logging.getLogger(__name__)

DEFAULT_RETENTION = timedelta(days=30)
MIN_REASON_CHARS = 10


class HighRiskValue(ValueError):
    """A value of a type that must never be vaulted was offered."""


class SqlVault:
    """``intake.pipeline.ValueVault`` on the ticket store."""

    def __init__(self, keyring: Keyring, *, retention: timedelta = DEFAULT_RETENTION) -> None:
        self.keyring = keyring
        self.retention = retention

    def put(self, session: Session, ticket_id: int, entity_type: str, number: int, value: str) -> None:
        if is_high_risk(entity_type):
            raise HighRiskValue(f"{entity_type} values are never vaulted")
        vaulted = _vaulted(session, ticket_id)
        if (entity_type, number) in vaulted:
            # Same placeholder, same value (the book numbers by value): the first copy's clock runs on.
            return
        vaulted.add((entity_type, number))
        sealed = self.keyring.seal(value, binding(ticket_id, entity_type, number))
        now = utcnow()
        # A Core INSERT, in a group commit's batch one for all its messages' values (``models.db.insert_later``;
        # intake's writer, issue 19): an ORM object per value cost a flush each.
        insert_later(session, _INSERT_ENTRY, {
            "ticket_id": ticket_id, "entity_type": entity_type, "number": number, "key_id": sealed.key_id,
            "sealed": sealed.blob, "created_at": now, "expires_at": now + self.retention})


_INSERT_ENTRY = insert(VaultEntry.__table__)  # type: ignore[arg-type]  # built once: intake puts every value
_VAULTED = select(VaultEntry.entity_type, VaultEntry.number).where(VaultEntry.ticket_id == bindparam("ticket_id"))


def _vaulted(session: Session, ticket_id: int) -> set[tuple[str, int]]:
    """The placeholders of ``ticket_id`` with a value in the vault: read once per transaction (one query per
    ticket instead of one per value), then kept up to date by ``put`` (``tickets.transaction_cache``: a
    savepoint's end forgets it, as a rolled-back one may have taken entries with it)."""
    known: dict[int, set[tuple[str, int]]] = remembered(session).setdefault("vaulted", {})
    vaulted = known.get(ticket_id)
    if vaulted is None:
        # On the connection, not through the ORM (which would first write every held row of the batch): rows
        # held for this ticket were put in this transaction, so they are in ``known`` already. (Should that be
        # forgotten while rows are held, a value put twice fails the batch's INSERT, and the writer writes
        # the batch again the careful way, without holding rows.)
        rows = session.connection().execute(_VAULTED, {"ticket_id": ticket_id})
        vaulted = known[ticket_id] = {(t, n) for t, n in rows}
    return vaulted


# --- reading and revealing ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VaultItem:
    """What the workspace may show about an entry without revealing it."""

    id: int
    entity_type: str
    number: int
    created_at: datetime
    expires_at: datetime

    @property
    def placeholder(self) -> str:
        return f"<{self.entity_type}_{self.number}>"


def items(session: Session, ticket_id: int) -> list[VaultItem]:
    """The live entries of a ticket (expired ones wait for the retention run but are not offered)."""
    rows = session.scalars(
        select(VaultEntry)
        .where(VaultEntry.ticket_id == ticket_id, VaultEntry.expires_at > utcnow())
        .order_by(VaultEntry.entity_type, VaultEntry.number)
    )
    return [VaultItem(e.id, e.entity_type, e.number, e.created_at, e.expires_at) for e in rows]


@dataclass(frozen=True, slots=True)
class RevealPolicy:
    # Role names (models.Role values) allowed to reveal.
    roles: frozenset[str] = frozenset({"privacy_officer"})
    min_reason_chars: int = MIN_REASON_CHARS


class RevealRefused(PermissionError):
    """A reveal that is not allowed: wrong role, no reason, or no such (live) entry."""


def reveal(
    session: Session,
    keyring: Keyring,
    policy: RevealPolicy,
    *,
    actor: str,
    role: str,
    ticket_id: int,
    entity_type: str,
    number: int,
    reason: str,
) -> str:
    """The clear value behind one placeholder; audited. Raises ``RevealRefused`` (also audited).

    The refusal's audit entry is added to ``session``: the caller commits it even when refused.
    """
    target = f"{ticket_number(ticket_id)}:{entity_type}_{number}"
    reason = " ".join(reason.split())
    detail: dict[str, object] = {"ticket": ticket_number(ticket_id), "entity_type": entity_type,
                                 "number": number, "role": role}
    problem = None
    if role not in policy.roles:
        problem = "role"
    elif len(reason) < policy.min_reason_chars:
        problem = "reason"
    entry = None
    if problem is None:
        entry = session.scalars(
            select(VaultEntry).where(
                VaultEntry.ticket_id == ticket_id, VaultEntry.entity_type == entity_type, VaultEntry.number == number,
                VaultEntry.expires_at > utcnow(),
            )
        ).first()
        if entry is None:
            problem = "missing"
    if problem is not None or entry is None:
        audit.record(session, actor, audit.REVEAL_REFUSED, "vault_entry", target, {**detail, "refused": problem})
        log.info("vault: reveal refused ticket=%s type=%s refused=%s", detail["ticket"], entity_type, problem)
        raise RevealRefused({
            "role": "your role may not reveal vaulted values",
            "reason": f"give a reason of at least {policy.min_reason_chars} characters",
            "missing": "no such value in the vault (never kept, or past its retention)",
        }[problem or "missing"])
    value = keyring.open(Sealed(entry.key_id, entry.sealed), binding(ticket_id, entity_type, number))
    audit.record(session, actor, audit.REVEAL, "vault_entry", target, {**detail, "entry": entry.id, "reason": reason})
    log.info("vault: revealed ticket=%s type=%s entry=%s", detail["ticket"], entity_type, entry.id)
    return value


def reveal_in_own_transaction(
    ticket_store: TicketStore, keyring: Keyring, policy: RevealPolicy, *, actor: str, role: str, ticket_id: int,
    entity_type: str, number: int, reason: str,
) -> str:
    """``reveal`` in a transaction of its own, so a refusal's audit entry is committed before it is raised."""
    refused: RevealRefused | None = None
    value = ""
    with ticket_store.writing() as session:
        try:
            value = reveal(session, keyring, policy, actor=actor, role=role, ticket_id=ticket_id,
                           entity_type=entity_type, number=number, reason=reason)
        except RevealRefused as exc:
            refused = exc
    if refused is not None:
        raise refused
    return value


# --- key rotation -------------------------------------------------------------------------------


def rotate(
    ticket_store: TicketStore, keyring: Keyring, *, actor: str = "cli", batch: int = 500, pause: float = 0.0,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Re-seal every entry not under the active key with it, in short transactions; returns how many.

    Old keys stay configured until this has run: entries under them still open meanwhile. Afterwards
    the old key can be removed from the configuration.
    """
    done = 0
    after = 0
    while True:
        with ticket_store.writing() as session:
            rows = list(session.scalars(
                select(VaultEntry).where(VaultEntry.key_id != keyring.active, VaultEntry.id > after)
                .order_by(VaultEntry.id).limit(batch)
            ))
            for entry in rows:
                sealed = keyring.rewrap(Sealed(entry.key_id, entry.sealed),
                                        binding(entry.ticket_id, entry.entity_type, entry.number))
                entry.key_id, entry.sealed = sealed.key_id, sealed.blob
            done += len(rows)
            if len(rows) < batch:
                audit.record(session, actor, audit.KEY_ROTATION, "vault", None,
                             {"active_key": keyring.active, "resealed": done})
        if rows:
            after = rows[-1].id
            if on_batch is not None:
                on_batch(done)
        if len(rows) < batch:
            log.info("vault: rotated to key=%s resealed=%d", keyring.active, done)
            return done
        if pause:
            time.sleep(pause)


def key_usage(session: Session) -> dict[str, int]:
    """Entries per key id: shows whether an old key is still needed."""
    rows = session.execute(select(VaultEntry.key_id, func.count()).group_by(VaultEntry.key_id)).all()
    return {key_id: count for key_id, count in rows}

