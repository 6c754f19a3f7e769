"""A ticket's timeline: every message (reply, note, customer message), every event (status changes made
by hand and automatically, assignments, priorities, merges, links to the directory, delivery trouble),
every attachment and every step of its privacy requests, each with its actor and time, oldest first.

Actors are the strings the events and the privacy log carry: ``agent:<username>``, ``api`` (the
deployment's token), ``customer``, ``requester``, ``system``; events recorded before actors were kept
have none ("not recorded"). ``actor_label`` turns them into names for the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agent, Direction, Message, PrivacyAudit, PrivacyRequest, Ticket, TicketEvent


@dataclass(frozen=True, slots=True)
class Item:
    at: datetime
    kind: str  # "message" | "event" | "attachment" | "privacy"
    what: str  # message direction, event kind, privacy action
    actor: str | None
    detail: dict[str, Any] = field(default_factory=dict)
    message: Message | None = None
    event: TicketEvent | None = None


def _message_actor(message: Message, usernames: dict[int, str]) -> str:
    if message.direction == Direction.IN:
        return "customer"
    if message.author_id is not None and message.author_id in usernames:
        return f"agent:{usernames[message.author_id]}"
    return "system" if message.auto_submitted or message.author_id is None else "api"


def build(session: Session, ticket: Ticket) -> list[Item]:
    """The whole timeline of one ticket, oldest first (messages before events of the same moment)."""
    usernames = {agent_id: name for agent_id, name in session.execute(select(Agent.id, Agent.username))}
    items: list[tuple[datetime, int, int, Item]] = []
    for m in ticket.messages:
        actor = _message_actor(m, usernames)
        items.append((m.received_at, 0, m.id, Item(m.received_at, "message", str(m.direction), actor, message=m)))
        for a in m.attachments:
            items.append((m.received_at, 1, a.id, Item(m.received_at, "attachment", "attachment", actor, {
                "filename": a.filename, "content_type": a.content_type, "size": a.size, "stored": a.stored,
                "message_id": m.id}, message=m)))
    for e in session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)):
        items.append((e.created_at, 2, e.id, Item(e.created_at, "event", e.kind, e.actor, dict(e.detail), event=e)))
    requests = {r.id: r for r in session.scalars(select(PrivacyRequest).where(PrivacyRequest.ticket_id == ticket.id))}
    if requests:
        for p in session.scalars(select(PrivacyAudit).where(PrivacyAudit.request_id.in_(requests))
                                 .order_by(PrivacyAudit.id)):
            detail = {"request": p.request_id, "from": p.from_state, "to": p.to_state}
            items.append((p.at, 3, p.id, Item(p.at, "privacy", p.action, p.actor, detail)))
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    return [item for *_, item in items]


def actor_label(actor: str | None, names: dict[str, str]) -> str | None:
    """A readable actor: an agent's display name (``names``: username -> display name), or None for the
    page to word ("the customer", "scrubdesk", "not recorded")."""
    if actor and actor.startswith("agent:"):
        username = actor.split(":", 1)[1]
        return names.get(username, username)
    return None


def as_json(items: list[Item], names: dict[str, str]) -> list[dict[str, Any]]:
    """The timeline for the JSON API: no text, only what happened, who did it and when."""
    out = []
    for item in items:
        entry: dict[str, Any] = {"at": item.at, "kind": item.kind, "what": item.what, "actor": item.actor or None,
                                 "actor_name": actor_label(item.actor, names), "detail": item.detail}
        if item.message is not None:
            entry["message_id"] = item.message.id
        out.append(entry)
    return out
