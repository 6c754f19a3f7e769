"""Drafts per agent and ticket: what an agent is typing survives a refused save (409), a reload and a
closed tab.

The ticket page saves the reply and note boxes while the agent types (``POST /api/tickets/{n}/draft``),
and a reply refused because the ticket changed meanwhile is saved as the draft before the page is
shown again with the new messages and the text still in the box. A draft is unscrubbed text, like an
outbox payload: sealed at rest (``models.Draft.text``), deleted when it is sent and a week after its
last change (swept whenever drafts are written).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Draft, utcnow

KINDS = ("reply", "note")
MAX_AGE = timedelta(days=7)
MAX_CHARS = 100_000


def save(session: Session, agent_id: int, ticket_id: int, kind: str, text: str) -> None:
    """Keep the agent's draft (empty text discards it)."""
    if kind not in KINDS:
        raise ValueError(f"unknown draft kind {kind!r}")
    session.execute(delete(Draft).where(Draft.updated_at < utcnow() - MAX_AGE))
    if not text.strip():
        discard(session, agent_id, ticket_id, kind)
        return
    draft = session.get(Draft, (agent_id, ticket_id, kind))
    if draft is None:
        session.add(Draft(agent_id=agent_id, ticket_id=ticket_id, kind=kind, text=text[:MAX_CHARS],
                          updated_at=utcnow()))
    else:
        draft.text, draft.updated_at = text[:MAX_CHARS], utcnow()
    session.flush()


def load(session: Session, agent_id: int, ticket_id: int) -> dict[str, str]:
    """The agent's drafts on the ticket by kind."""
    since = utcnow() - MAX_AGE
    rows = session.execute(select(Draft.kind, Draft.text).where(
        Draft.agent_id == agent_id, Draft.ticket_id == ticket_id, Draft.updated_at >= since))
    return {kind: text for kind, text in rows}


def discard(session: Session, agent_id: int, ticket_id: int, kind: str) -> None:
    session.execute(delete(Draft).where(Draft.agent_id == agent_id, Draft.ticket_id == ticket_id, Draft.kind == kind))
