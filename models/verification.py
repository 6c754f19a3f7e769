"""The table of one-time codes (``privacy.verification`` issues and checks them): only keyed hashes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Verification(Base):
    """One issued code. ``subject`` names who must type it back (``contact:12``, ``request:7``)."""

    __tablename__ = "verifications"
    __table_args__ = (Index("ix_verifications_purpose_subject", "purpose", "subject", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(255))
    salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    # What a correct code proves (e.g. the customer id); never the code or the address it went to.
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()

    @property
    def locked(self) -> bool:
        return self.attempts >= self.max_attempts
