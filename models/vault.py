"""The vault table: stripped values kept sealed per ticket and placeholder (``privacy.vault``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class VaultEntry(Base):
    """One stripped value, sealed; which placeholder of which ticket it stands behind."""

    __tablename__ = "vault_entries"
    __table_args__ = (UniqueConstraint("ticket_id", "entity_type", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), index=True
    )
    entity_type: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    key_id: Mapped[str] = mapped_column(String(32), index=True)
    # nonce || AES-GCM ciphertext || tag (privacy.cipher.Sealed.blob)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
