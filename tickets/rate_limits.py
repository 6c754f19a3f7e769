"""Per-client rate limits of the public pages, counted in the database.

Why this module exists: the web form, the privacy desk's verification and download links and the
satisfaction rating are open to anyone, so each is limited per client address. Counted in memory, every
``serve`` process (scale-out: several stateless processes on one database, docs/architecture.md) allowed
the whole rate again and a restart forgot every count. Here, as the failed-login limit does
(``tickets.accounts.LoginLimiter``), a hit is a row counted by every process; the address rests only as a
keyed digest. The window slides (a moving window: the hits of the last ``window`` count), the semantics of
the ``limits`` notation the settings are written in ("5/10 minutes").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from limits import parse as parse_rate
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from models import keys, utcnow
from models.workspace import RateHit


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``amount`` hits per client in any ``window``."""

    amount: int
    window: timedelta

    @classmethod
    def parse(cls, notation: str) -> Rate:
        """A rate in the ``limits`` notation ("5/10 minutes", "10 per minute"); ValueError if it is not one."""
        item = parse_rate(notation)
        return cls(item.amount, timedelta(seconds=item.get_expiry()))


def hit(session: Session, bucket: str, client: str, rate: Rate) -> bool:
    """Count one hit of ``client`` in ``bucket``, in the caller's write transaction, unless the rate is
    reached: then nothing is counted and the answer is False (a refused hit does not extend the wait)."""
    key = keys.digest(f"rate-{bucket}", client)
    now = utcnow()
    since = now - rate.window
    serialise(session, key)
    # Old rows of this bucket go in small batches; SKIP LOCKED (PostgreSQL) so sweeps never wait on one another.
    stale = (select(RateHit.id).where(RateHit.bucket == bucket, RateHit.at < since).limit(100)
             .with_for_update(skip_locked=True))
    session.execute(delete(RateHit).where(RateHit.id.in_(stale.scalar_subquery())))
    recent = select(func.count()).select_from(RateHit).where(RateHit.bucket == bucket, RateHit.key == key,
                                                            RateHit.at >= since)
    if (session.scalar(recent) or 0) >= rate.amount:
        return False
    session.add(RateHit(bucket=bucket, key=key, at=now))
    session.flush()
    return True


def serialise(session: Session, *digests: str) -> None:
    """Make count-then-insert atomic for these keys (hex digests).

    SQLite: nothing to do, the store's write transactions begin IMMEDIATE and hold the database's one
    write lock (``models.db``). PostgreSQL: under READ COMMITTED two transactions would both count
    before either inserted, so each takes a transaction-scoped advisory lock per key (a new key has no
    row to ``SELECT ... FOR UPDATE``), always in ascending order so two transactions can never wait on
    each other in a circle.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for lock in sorted({int.from_bytes(bytes.fromhex(k)[:8], "big", signed=True) for k in digests}):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock})
