"""The 24-hour customer-service window of Meta's messaging platforms.

WhatsApp, Messenger and Instagram accept a free-form reply only within 24 hours of the customer's
last message on that channel; after that only an approved template may be sent. The outbox sender
enforces it, and the ticket page shows it before an agent types a reply that cannot go out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Direction, Message, utcnow

SERVICE_WINDOW = timedelta(hours=24)
# The channels the window applies to.
WINDOWED_CHANNELS = frozenset({"whatsapp", "messenger", "instagram"})


@dataclass(frozen=True, slots=True)
class ServiceWindow:
    open: bool
    last_customer_message_at: datetime | None
    closes_at: datetime | None


def service_window(session: Session, ticket_id: int, channel: str, *, now: datetime | None = None) -> ServiceWindow:
    """Whether a free-form reply may still be sent on ``channel`` for this ticket."""
    last = session.scalars(
        select(Message.received_at)
        .where(Message.ticket_id == ticket_id, Message.channel == channel, Message.direction == Direction.IN)
        .order_by(Message.received_at.desc())
        .limit(1)
    ).first()
    if last is None:
        return ServiceWindow(open=False, last_customer_message_at=None, closes_at=None)
    closes = last + SERVICE_WINDOW
    return ServiceWindow(open=(now or utcnow()) < closes, last_customer_message_at=last, closes_at=closes)
