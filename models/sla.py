"""The SLA policies and business hours (issue 22), and each ticket's SLA clock.

A policy says how soon a ticket must be answered (first response, each next response) and solved
(resolution), counted in business time (its ``BusinessHours``, or around the clock when it has none).
Which policy a ticket follows is a match on the ticket's facts; every match column is optional (None:
any). Today those are priority and channel; a mailbox column joins them when mailboxes exist, and the
matcher (``tickets.sla``) takes the most specific match, so adding a key changes no existing policy.

``TicketSla`` is the state of one ticket's clock (``tickets.sla`` keeps it): business seconds used so
far and since when the clock runs (None while pending on the customer, or solved). The soonest running
due time is mirrored into ``ticket_due``, which the queue sorts by.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, false, true
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.tickets import Ticket

__all__ = ["BusinessHours", "SlaPolicy", "TicketSla"]


class BusinessHours(Base):
    """A weekly schedule in a time zone, with a country's public holidays off."""

    __tablename__ = "sla_business_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Amsterdam")
    # Seven strings, Monday first: "09:00-17:00", "08:00-12:00, 13:00-17:30", or "" for a day off.
    weekly: Mapped[list[str]] = mapped_column(JSON)
    # The ``holidays`` country whose public holidays are days off ("NL"), or None for none.
    holidays: Mapped[str | None] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SlaPolicy(Base):
    """Targets in minutes (None: no target) for the tickets it matches."""

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Match columns, None meaning any value; see tickets.sla.MATCH_KEYS.
    priority: Mapped[str | None] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(16))
    # The mailbox (models.mailboxes, migration 0018); deleting a mailbox deletes its own policies.
    mailbox_id: Mapped[int | None] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"))
    # Among equally specific matches the lowest position wins.
    position: Mapped[int] = mapped_column(Integer, default=0)
    business_hours_id: Mapped[int | None] = mapped_column(ForeignKey("sla_business_hours.id", ondelete="SET NULL"))
    first_response_minutes: Mapped[int | None] = mapped_column(Integer)
    next_response_minutes: Mapped[int | None] = mapped_column(Integer)
    resolution_minutes: Mapped[int | None] = mapped_column(Integer)
    # After a breach: raise the priority one step, and/or add this tag (and always notify).
    escalate_priority: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    escalate_tag: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketSla(Base):
    """One ticket's SLA clock: what it used and whether it runs."""

    __tablename__ = "ticket_sla"
    __table_args__ = (
        # The breach sweep seeks clocks past their due time not escalated yet (escalated ones stay out).
        Index("ix_ticket_sla_response_due", "response_escalated", "response_due_at"),
        Index("ix_ticket_sla_resolution_due", "resolution_escalated", "resolution_due_at"),
    )

    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey(Ticket.id, ondelete="CASCADE"), primary_key=True)
    policy_id: Mapped[int | None] = mapped_column(ForeignKey("sla_policies.id", ondelete="SET NULL"))
    # Both clocks run from here; None while pending on the customer or solved (paused).
    running_since: Mapped[datetime | None] = mapped_column()
    # The customer's message that awaits our answer: the response clock runs from it; None once answered.
    response_since: Mapped[datetime | None] = mapped_column()
    # Business seconds used before ``running_since`` (of this response cycle / of the ticket's life).
    response_used: Mapped[int] = mapped_column(Integer, default=0)
    resolution_used: Mapped[int] = mapped_column(Integer, default=0)
    response_due_at: Mapped[datetime | None] = mapped_column()
    resolution_due_at: Mapped[datetime | None] = mapped_column()
    first_response_at: Mapped[datetime | None] = mapped_column()
    # Set when the breach of the current response cycle / of the resolution target was escalated.
    response_escalated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    resolution_escalated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
