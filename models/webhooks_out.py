"""The outgoing webhooks (issue 22): the endpoints other systems gave us, and where the dispatcher is.

``outbound.webhooks_out`` derives ticket events from committed rows (``messages`` and
``ticket_events``, read by id) and queues one outbox entry per event and endpoint; the outbox worker
signs and POSTs them. The dispatcher's position is kept here: a low-water mark per source table, and
the ids above it already handled (``webhook_seen``), because on PostgreSQL ids can commit out of order
(a transaction holding id 41 may commit after the one holding id 42): the mark only passes a missing id
once a later row has been seen for longer than the settle window (see ``outbound.webhooks_out``).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SealedText, enum_column, utcnow


class WebhookFormat(enum.StrEnum):
    """What the POST's body is: our signed JSON event, or a Slack/Mattermost incoming-webhook message."""

    JSON = "json"
    SLACK = "slack"


# The events an endpoint can ask for (an empty list on the endpoint means all of them).
WEBHOOK_EVENTS: tuple[str, ...] = (
    "ticket.created",
    "ticket.customer_replied",
    "ticket.agent_replied",
    "ticket.status_changed",
    "ticket.assigned",
    "ticket.group_changed",
    "privacy_request.opened",
)

# The two tables the dispatcher reads; the names are the cursor's keys.
SOURCE_MESSAGES = "messages"
SOURCE_EVENTS = "ticket_events"
SOURCES: tuple[str, ...] = (SOURCE_MESSAGES, SOURCE_EVENTS)


class WebhookEndpoint(Base):
    """A URL that gets signed POSTs on ticket events. The URL is sealed too: a Slack or Mattermost
    incoming-webhook URL is itself the credential (its path is the secret)."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    url: Mapped[str] = mapped_column(SealedText("webhook-url"))
    # The HMAC-SHA256 key the receiver verifies with; sealed at rest (models.keys) like other secrets.
    secret: Mapped[str] = mapped_column(SealedText("webhook-secret"))
    format: Mapped[WebhookFormat] = mapped_column(enum_column(WebhookFormat, 8), default=WebhookFormat.JSON)
    # Which of WEBHOOK_EVENTS to send; empty: all.
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Whether message events carry the message's (scrubbed) text and the stored (scrubbed) sender name.
    include_text: Mapped[bool] = mapped_column(Boolean, default=False)
    # The language of the Slack format's sentences (tickets.i18n).
    lang: Mapped[str] = mapped_column(String(8), default="en")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # The last delivery attempt's outcome for the admin page ("answered 200", "answered 500", "network
    # error (ConnectTimeout)"): status words only, never a body, a URL or a secret.
    last_result: Mapped[str | None] = mapped_column(String(120))
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookCursor(Base):
    """The dispatcher's low-water mark in one source table: every id at or below it is handled."""

    __tablename__ = "webhook_cursors"

    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookSeen(Base):
    """An id above the mark that is already handled; deleted once the mark passes it."""

    __tablename__ = "webhook_seen"

    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
