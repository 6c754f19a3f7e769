"""What an outgoing webhook says: ticket events derived from committed rows, and their bodies.

An event is read from a row that is already committed (a ``messages`` row: created, customer replied,
agent replied; a ``ticket_events`` row: status changed, assigned, moved to a group, privacy request opened), never from
what a request had in hand, so a webhook tells only what the store holds.

Bodies carry scrubbed data only: the ticket's number, stored (scrubbed) subject, channel, status,
priority and tags, the event and its time, and on request (``include_text``) a message's stored text
and stored sender name, which intake scrubbed before they were ever written. Never a contact address,
a raw header or an attachment. The ticket's fields are its state when the event is dispatched (a few
seconds after it happened); the change itself (``change``) is the event row's own.

A ticket under an art. 18 GDPR restriction (``tickets.guards.restriction_of``) may only be stored:
its events still say that something happened (number, event, time, ``"restricted": true``) but
carry nothing of its content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Agent, Direction, Message, Ticket, TicketEvent
from models.webhooks_out import SOURCE_EVENTS, SOURCE_MESSAGES, WebhookFormat
from tickets import guards, tags
from tickets.i18n import N_, gettext


@dataclass(frozen=True, slots=True)
class Event:
    source: str
    row_id: int
    kind: str
    ticket_id: int
    occurred_at: datetime
    message_id: int | None = None
    change: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EndpointView:
    """What building a body needs of an endpoint (no secret, no URL)."""

    id: int
    format: WebhookFormat
    include_text: bool
    lang: str
    events: tuple[str, ...]

    def wants(self, kind: str) -> bool:
        return not self.events or kind in self.events


def from_message(session: Session, message: Message) -> Event | None:
    if message.direction is Direction.NOTE:
        return None
    if message.direction is Direction.OUT:
        if message.auto_submitted:  # our own acknowledgement, not an agent's answer
            return None
        kind = "ticket.agent_replied"
    else:
        first = session.scalar(select(func.min(Message.id)).where(Message.ticket_id == message.ticket_id))
        kind = "ticket.created" if first == message.id else "ticket.customer_replied"
    return Event(SOURCE_MESSAGES, message.id, kind, message.ticket_id, message.created_at, message_id=message.id)


def from_ticket_event(session: Session, event: TicketEvent) -> Event | None:
    detail = event.detail or {}
    change: dict[str, Any]
    if event.kind == "status":
        kind, change = "ticket.status_changed", {"status": detail.get("status"), "from": detail.get("from")}
    elif event.kind == "assigned":
        agent = session.get(Agent, detail["agent_id"]) if detail.get("agent_id") is not None else None
        kind, change = "ticket.assigned", {"assignee": agent.username if agent is not None else None}
    elif event.kind == "group":  # the group's name when it moved (tickets.groups.set_group)
        kind, change = "ticket.group_changed", {"group": detail.get("group")}
    elif event.kind == "privacy_request_opened":
        types = [str(t) for t in detail.get("types") or []]
        kind, change = "privacy_request.opened", {"request_types": types}
    else:
        return None
    return Event(SOURCE_EVENTS, event.id, kind, event.ticket_id, event.created_at, change=change)


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def facts(session: Session, event: Event) -> dict[str, Any] | None:
    """Everything any endpoint may get of one event, read once (None when its ticket is gone);
    ``for_endpoint`` cuts it to what one endpoint asked for."""
    ticket = session.get(Ticket, event.ticket_id)
    if ticket is None:
        return None
    out: dict[str, Any] = {"event": event.kind, "occurred_at": _iso(event.occurred_at)}
    if guards.restriction_of(session, ticket) is not None:
        out["ticket"] = {"number": ticket.number, "restricted": True}
        return out
    out["ticket"] = {
        "number": ticket.number, "subject": ticket.subject, "channel": ticket.channel,
        "status": str(ticket.status), "priority": str(ticket.priority),
        "tags": tags.names_of(session, [ticket.id]).get(ticket.id, []), "lang": ticket.lang,
    }
    if event.change:
        out["change"] = dict(event.change)
    if event.message_id is not None:
        message = session.get(Message, event.message_id)
        if message is not None:
            said: dict[str, Any] = {"id": message.id, "direction": str(message.direction),
                                    "removed": dict(message.redactions or {}), "text": message.text}
            if message.direction is Direction.IN:
                said["sender_name"] = message.sender_name
            out["message"] = said
    return out


_TEXT_KEYS = ("text", "sender_name")


def for_endpoint(facts_: dict[str, Any], endpoint: EndpointView, delivery_id: str) -> dict[str, Any]:
    """The JSON body of one event for one endpoint: the message's text and sender name only on request."""
    out = {"id": delivery_id, **facts_}
    if "message" in out and not endpoint.include_text:
        out["message"] = {k: v for k, v in out["message"].items() if k not in _TEXT_KEYS}
    return out


# The Slack/Mattermost sentences, one per event, in the endpoint's language.
SENTENCES = {
    "ticket.created": N_("New ticket #{number} ({channel}, {priority}): {subject}"),
    "ticket.customer_replied": N_("Customer replied on ticket #{number}: {subject}"),
    "ticket.agent_replied": N_("Agent replied on ticket #{number}: {subject}"),
    "ticket.status_changed": N_("Ticket #{number} is now {status}: {subject}"),
    "ticket.assigned": N_("Ticket #{number} assigned to {assignee}: {subject}"),
    "ticket.group_changed": N_("Ticket #{number} moved to group {group}: {subject}"),
    "privacy_request.opened": N_("Privacy request opened on ticket #{number}"),
    "ping": N_("Test message from scrubdesk: this webhook works."),
}


def slack_escape(text: str) -> str:
    """Slack's three control characters (api.slack.com/reference/surfaces/formatting#escaping): a
    placeholder such as <PERSON_1> would otherwise be read as a link or a mention (Mattermost reads the
    same syntax). And a word joiner after every "@": Mattermost turns a plain "@channel" or "@all" in a
    customer's subject into a notification to everyone in the channel."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "@\u2060")


def slack(body_: dict[str, Any], lang: str) -> dict[str, Any]:
    """An incoming-webhook message for Slack or Mattermost: ``{"text": ...}``."""
    ticket = body_.get("ticket") or {}
    change = body_.get("change") or {}
    words = {
        "number": ticket.get("number", ""), "channel": ticket.get("channel", ""),
        "priority": gettext(str(ticket.get("priority", "")), lang),
        "status": gettext(str(change.get("status") or ticket.get("status", "")), lang),
        "assignee": change.get("assignee") or "-", "group": change.get("group") or "-",
        "subject": ticket.get("subject") or ("-" if not ticket.get("restricted") else gettext("(restricted)", lang)),
    }
    safe = {key: slack_escape(str(value)) for key, value in words.items()}
    text = gettext(SENTENCES.get(str(body_.get("event")), "{number}"), lang).format(**safe)
    said = (body_.get("message") or {}).get("text")
    if said:  # a quote, line by line (the form both Slack and Mattermost read)
        text += "\n" + "\n".join("> " + slack_escape(line) for line in str(said)[:3000].splitlines())
    return {"text": text}


def rendered(body_: dict[str, Any], endpoint: EndpointView) -> dict[str, Any]:
    return slack(body_, endpoint.lang) if endpoint.format is WebhookFormat.SLACK else body_


def ping(delivery_id: str) -> dict[str, Any]:
    """The body of "send a test": no ticket, nothing from the store."""
    return {"id": delivery_id, "event": "ping", "occurred_at": _iso(datetime.now(UTC)), "ticket": None}
