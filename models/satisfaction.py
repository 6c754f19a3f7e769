"""The reports' schema (issue 22): satisfaction ratings, and the indexes the report queries need.

A rating is one per ticket (the link in the solve mail can be used again: the last answer counts). Its
optional comment is stored only as the scrubber leaves it, like any message, with the counts per type
of what was removed; the rating page's link is signed (``tickets.satisfaction``), so nothing but the
ticket number is in it.

The indexes are declared here, on the existing tables, because this is the reports slice's module on
``Base``; migration 0016 creates them.

- ``ix_tickets_created_at``, ``ix_tickets_solved_at``: a report of a period reads only that period's
  tickets (created, solved, resolution times), from the index alone (it carries the filtered columns).
- ``ix_messages_ticket_reply``: per ticket, its first inbound and first non-automatic outgoing message
  straight from the index (covering: the message rows, with their texts, are never read).
- ``ix_messages_direction_received``: the inbound messages of a period, for what was removed on arrival.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.tickets import Message, Ticket


class SatisfactionRating(Base):
    __tablename__ = "satisfaction_ratings"
    __table_args__ = (Index("ix_satisfaction_ratings_rated_at", "rated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                           ForeignKey("tickets.id", ondelete="CASCADE"), unique=True)
    # "good" or "bad" (tickets.satisfaction.RATINGS).
    rating: Mapped[str] = mapped_column(String(8))
    # Scrubbed with the ticket's placeholder book; None when the customer wrote nothing.
    comment: Mapped[str | None] = mapped_column(Text)
    redactions: Mapped[dict[str, int]] = mapped_column(default=dict)
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)

Index("ix_tickets_created_at", Ticket.created_at, Ticket.channel, Ticket.assignee_id)
Index("ix_tickets_solved_at", Ticket.solved_at, Ticket.created_at, Ticket.channel, Ticket.assignee_id)
Index("ix_messages_ticket_reply", Message.ticket_id, Message.direction, Message.auto_submitted, Message.received_at)
Index("ix_messages_direction_received", Message.direction, Message.received_at)
