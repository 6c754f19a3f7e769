"""Intake's own state: where each IMAP mailbox's reading stands."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ImapMailboxState(Base):
    """UIDVALIDITY and the last handled UID per mailbox (RFC 3501 section 2.3.1.1)."""

    __tablename__ = "imap_mailbox_state"

    mailbox_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
