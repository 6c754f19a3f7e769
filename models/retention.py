"""What retention (``privacy.retention``) needs in the schema: contract ends, and an index for deletes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.tickets import Message


class CustomerContract(Base):
    """When a customer's contract ended; a customer without a row is a current customer."""

    __tablename__ = "customer_contracts"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    ended_on: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# Deleting a contact sets messages.contact_id to NULL (ON DELETE SET NULL): without this index every
# deleted contact would scan all messages (created by migration 0006).
Index("ix_messages_contact_id", Message.contact_id)
