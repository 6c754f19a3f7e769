"""One-time codes that prove control of an address on file: one service for every purpose.

Linking a chat to a customer account (Telegram ``/link``) and verifying the requester of a privacy
request (GDPR art. 12(6): the controller may ask for information to confirm the identity) both send a
short code to an address we already hold and wait for it to be typed back. Both use this module.

Codes are never stored: a row keeps an HMAC-SHA256 of the code under a server key (kept outside the
database, so a database leak alone does not reveal or let anyone brute-force a live code), bound to
the row's purpose, subject and a random salt. Codes are single-use, expire, are attempt-limited (a
locked code cannot be tried again; a new one must be requested, and issuing is rate-limited per
subject), and compared in constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Verification, utcnow

log = logging.getLogger(__name__)

_NON_DIGITS = re.compile(r"\D")


class CheckStatus(enum.StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    EXPIRED = "expired"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class CheckResult:
    status: CheckStatus
    payload: dict[str, Any] = field(default_factory=dict)
    attempts_left: int = 0


@dataclass(frozen=True, slots=True)
class IssuedCode:
    verification_id: int
    # The clear code, to be handed to the outbox once; it is not kept anywhere else.
    code: str
    expires_at: datetime


class TooManyCodes(Exception):
    """More codes were requested for one subject in the last hour than the limit allows."""


class Verifier:
    """Issues and checks codes inside the caller's transaction (``TicketStore.writing()``)."""

    def __init__(
        self,
        key: bytes,
        *,
        ttl: timedelta = timedelta(minutes=15),
        max_attempts: int = 3,
        max_codes_per_hour: int = 5,
        digits: int = 6,
    ) -> None:
        if len(key) < 16:
            raise ValueError("the verification key must be at least 16 bytes")
        self._key = key
        self.ttl = ttl
        self.max_attempts = max_attempts
        self.max_codes_per_hour = max_codes_per_hour
        self.digits = digits

    def _mac(self, purpose: str, subject: str, salt: str, code: str) -> str:
        message = "\x1f".join((purpose, subject, salt, code)).encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def issue(
        self, session: Session, *, purpose: str, subject: str, payload: dict[str, Any] | None = None
    ) -> IssuedCode:
        """A new code for ``subject``; earlier unused codes of the same purpose stop working."""
        now = utcnow()
        recent = session.scalar(
            select(func.count(Verification.id)).where(
                Verification.purpose == purpose,
                Verification.subject == subject,
                Verification.created_at > now - timedelta(hours=1),
            )
        )
        if (recent or 0) >= self.max_codes_per_hour:
            raise TooManyCodes(purpose)
        for old in self._open_rows(session, purpose, subject):
            old.expires_at = min(old.expires_at, now)
        code = f"{secrets.randbelow(10**self.digits):0{self.digits}d}"
        salt = secrets.token_hex(16)
        row = Verification(
            purpose=purpose,
            subject=subject,
            salt=salt,
            code_hash=self._mac(purpose, subject, salt, code),
            payload=payload or {},
            attempts=0,
            max_attempts=self.max_attempts,
            created_at=now,
            expires_at=now + self.ttl,
        )
        session.add(row)
        session.flush()
        log.info("verification: issued id=%d purpose=%s", row.id, purpose)
        return IssuedCode(verification_id=row.id, code=code, expires_at=row.expires_at)

    def pending(self, session: Session, *, purpose: str, subject: str) -> Verification | None:
        """The newest unused code of ``subject`` that has not expired (it may be locked)."""
        row = self._latest_unused(session, purpose, subject)
        if row is None or row.expires_at <= utcnow():
            return None
        return row

    def check(self, session: Session, *, purpose: str, subject: str, code: str) -> CheckResult:
        """Check a typed-back code; a wrong one counts as an attempt (committed with the caller)."""
        row = self._latest_unused(session, purpose, subject, lock=True)
        if row is None:
            return CheckResult(CheckStatus.NONE)
        if row.locked:
            return CheckResult(CheckStatus.LOCKED)
        now = utcnow()
        if row.expires_at <= now:
            return CheckResult(CheckStatus.EXPIRED)
        typed = _NON_DIGITS.sub("", code)[: self.digits * 2]
        if hmac.compare_digest(row.code_hash, self._mac(purpose, subject, row.salt, typed)):
            row.used_at = now
            log.info("verification: confirmed id=%d purpose=%s", row.id, purpose)
            return CheckResult(CheckStatus.OK, payload=dict(row.payload))
        row.attempts += 1
        log.info("verification: wrong code id=%d attempt=%d/%d", row.id, row.attempts, row.max_attempts)
        if row.locked:
            return CheckResult(CheckStatus.LOCKED)
        return CheckResult(CheckStatus.WRONG, attempts_left=row.max_attempts - row.attempts)

    def _open_rows(self, session: Session, purpose: str, subject: str) -> list[Verification]:
        return list(
            session.scalars(
                select(Verification).where(
                    Verification.purpose == purpose,
                    Verification.subject == subject,
                    Verification.used_at.is_(None),
                    Verification.expires_at > utcnow(),
                )
            )
        )

    def _latest_unused(
        self, session: Session, purpose: str, subject: str, *, lock: bool = False
    ) -> Verification | None:
        query = (
            select(Verification)
            .where(
                Verification.purpose == purpose,
                Verification.subject == subject,
                Verification.used_at.is_(None),
            )
            .order_by(Verification.id.desc())
            .limit(1)
        )
        if lock and session.get_bind().dialect.name == "postgresql":
            # Two concurrent wrong guesses must both count: serialise checks of one row.
            query = query.with_for_update()
        return session.scalars(query).first()
