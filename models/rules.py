"""Automation rules (triggers, issue 22): stored as data, evaluated after commit by ``tickets.rules``.

A rule fires on one trigger (a ticket created, a customer replied, time passed), when every one of its
conditions holds, and then runs its actions in order. Conditions and actions are JSON, validated by
``tickets.rules_spec`` on every save and import (the admin page and the JSON import use the same parser),
so a stored rule is always one the engine understands. Time rules carry their wait here: how long
(``wait_minutes``) since what (``since``), counted in the business hours of the ticket's SLA policy
when ``business_time`` is set.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow

TRIGGER_CREATED = "ticket_created"
TRIGGER_REPLIED = "customer_replied"
TRIGGER_TIME = "time_passed"
TRIGGERS: tuple[str, ...] = (TRIGGER_CREATED, TRIGGER_REPLIED, TRIGGER_TIME)

# What a time rule's wait counts from: the customer's message still awaiting our answer, the
# customer's latest message (answered or not), the ticket's creation.
SINCE: tuple[str, ...] = ("unanswered", "customer_message", "created")

# The rules consumer's name on the shared event feed (tickets.event_feed).
RULES_CONSUMER = "rules"


class Rule(Base):
    __tablename__ = "rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    trigger: Mapped[str] = mapped_column(String(24))
    # Rules run in ``position`` order (then id); a later rule sees what an earlier one changed.
    position: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    conditions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    wait_minutes: Mapped[int | None] = mapped_column(Integer)
    since: Mapped[str | None] = mapped_column(String(24))
    business_time: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
