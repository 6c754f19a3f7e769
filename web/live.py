"""What the pages poll (no framework, no server push needed): the live queue's change marker with an
ETag, notifications, presence on a ticket and drafts. Part of the JSON API (same authentication, same
contract), used by ``static/keys.js`` with the session cookie and the ``X-CSRF-Token`` header.

The live queue costs one cheap statement per agent per interval (``tickets.presence.changes``): when
nothing changed the answer is ``304 Not Modified`` (RFC 9110 section 13.1.2) and the page does nothing;
when something did, the page fetches the queue again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, Field

from tickets import drafts, notify, presence
from web import actions
from web.api import NO_NUL, TicketNumber, answers
from web.auth import ApiPrincipal
from web.workspace import ticket_store

router = APIRouter(prefix="/api", tags=["live"], responses=answers(401))


class LiveOut(BaseModel):
    etag: str
    unread: int


@router.get("/live", response_model=LiveOut,
            responses={304: {"description": "nothing changed since the ETag you sent (If-None-Match)"}})
def live(request: Request, response: Response, who: ApiPrincipal) -> Any:
    """A change marker of the queue (any new message or ticket event) and the caller's unread notifications."""
    with ticket_store(request).reading() as session:
        marker = presence.changes(session, who.agent_id)
    etag = '"' + hashlib.sha256(repr((marker, who.agent_id)).encode()).hexdigest()[:24] + '"'
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return LiveOut(etag=etag, unread=marker[2])


class NotificationOut(BaseModel):
    id: int
    kind: str
    label: str
    ticket_number: int | None
    created_at: datetime
    read: bool


@router.get("/notifications")
def notifications(request: Request, who: ApiPrincipal) -> list[NotificationOut]:
    """The caller's newest notifications (an agent's; the deployment token has none)."""
    if who.agent_id is None:
        return []
    from models import ticket_number
    from tickets import i18n

    with ticket_store(request).reading() as session:
        rows = notify.recent(session, who.agent_id)
    return [NotificationOut(id=n.id, kind=n.kind, label=i18n.gettext(notify.LABELS.get(n.kind, n.kind)),
                            ticket_number=ticket_number(n.ticket_id) if n.ticket_id else None,
                            created_at=n.created_at, read=n.read_at is not None) for n in rows]


@router.post("/notifications/read", status_code=status.HTTP_204_NO_CONTENT,
             responses={**answers(400, 403), 422: {"description": "a request this operation cannot take"}})
def notifications_read(request: Request, who: ApiPrincipal) -> None:
    if who.agent_id is not None:
        with ticket_store(request).writing() as session:
            notify.mark_read(session, who.agent_id)


class PresenceIn(BaseModel):
    typing: bool = Field(False, strict=True, description="the agent typed in the last seconds")
    leaving: bool = Field(False, strict=True, description="the page is being closed")


class ColleagueOut(BaseModel):
    name: str
    typing: bool


class PresenceOut(BaseModel):
    others: list[ColleagueOut]
    version: int


@router.post("/tickets/{number}/presence", responses=answers(400, 403, 404, 409, 423))
def ticket_presence(request: Request, number: TicketNumber, body: PresenceIn, who: ApiPrincipal) -> PresenceOut:
    """Report that the caller has the ticket open (and whether typing); answers who else has, and the
    ticket's version (the page warns when it changed since it was loaded)."""
    with ticket_store(request).writing() as session:
        ticket = actions.load_ticket(session, number)
        if who.agent_id is not None:
            if body.leaving:
                presence.leave(session, who.agent_id, ticket.id)
            else:
                presence.touch(session, who.agent_id, ticket.id, typing=body.typing)
        colleagues = presence.others(session, ticket.id, who.agent_id)
        return PresenceOut(others=[ColleagueOut(name=c.name, typing=c.typing) for c in colleagues],
                           version=ticket.version)


class DraftIn(BaseModel):
    kind: Literal["reply", "note"]
    text: Annotated[str, Field(max_length=100_000, pattern=NO_NUL)]


@router.put("/tickets/{number}/draft", status_code=status.HTTP_204_NO_CONTENT, responses=answers(400, 403, 404))
def save_draft(request: Request, number: TicketNumber, body: DraftIn, who: ApiPrincipal) -> None:
    """Keep what the caller is typing (empty text discards the draft); sealed at rest, gone when sent."""
    if who.agent_id is None:
        return
    with ticket_store(request).writing() as session:
        ticket = actions.load_ticket(session, number)
        drafts.save(session, who.agent_id, ticket.id, body.kind, body.text)
