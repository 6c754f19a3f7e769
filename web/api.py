"""The JSON API: the same queue and actions as the pages, for scripts and integrations.

Authenticated by a bearer token (per-agent API tokens, or the deployment's global token), or by a
browser session plus ``X-CSRF-Token`` on writes. Its OpenAPI document is served at
``/api/openapi.json`` to authenticated callers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, status
from pydantic import BaseModel, Field

from models import Priority, Ticket, TicketStatus
from tickets import accounts, queue, search, store
from web import actions
from web.auth import AdminApi, ApiPrincipal
from web.workspace import ticket_store, workspace

router = APIRouter(prefix="/api", tags=["tickets"])


class TicketOut(BaseModel):
    id: int
    number: int
    subject: str
    status: str
    priority: str
    channel: str
    customer_id: int | None = None
    assignee_id: int | None = None
    created_at: datetime | None = None
    last_activity_at: datetime
    due_at: datetime | None = None
    version: int | None = None

    @classmethod
    def of(cls, t: Ticket) -> TicketOut:
        return cls(id=t.id, number=t.number, subject=t.subject, status=t.status, priority=t.priority,
                   channel=t.channel, customer_id=t.customer_id, assignee_id=t.assignee_id,
                   created_at=t.created_at, last_activity_at=t.last_activity_at, version=t.version)

    @classmethod
    def of_row(cls, r: queue.QueueRow) -> TicketOut:
        return cls(id=r.id, number=r.number, subject=r.subject, status=r.status, priority=r.priority,
                   channel=r.channel, assignee_id=r.assignee_id, last_activity_at=r.last_activity_at,
                   due_at=r.due_at)


class MessageOut(BaseModel):
    id: int
    direction: str
    channel: str
    subject: str | None
    text: str
    lang: str | None
    author_id: int | None
    redactions: dict[str, int]
    received_at: datetime
    external_id: str | None = None
    attachments: list[dict[str, Any]]


class TicketDetail(TicketOut):
    messages: list[MessageOut]


class TicketPage(BaseModel):
    tickets: list[TicketOut]
    next_cursor: str | None = None
    # Cursor of the earlier id-ordered listing (``before``), kept for existing clients.
    next_before: int | None = None


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=100_000)
    version: int | None = Field(None, description="the ticket version you saw; 409 when it changed since")


class AssignIn(BaseModel):
    agent_id: int | None = Field(None, description="the agent, or null to unassign")
    me: bool = Field(False, description="assign to the calling agent")
    version: int | None = None


class StatusIn(BaseModel):
    status: TicketStatus
    version: int | None = None


class PriorityIn(BaseModel):
    priority: Priority
    version: int | None = None


class MergeIn(BaseModel):
    into: int = Field(description="number of the ticket that receives the messages")


class MeOut(BaseModel):
    agent_id: int | None
    username: str
    display_name: str
    role: str


@router.get("/me")
def me(who: ApiPrincipal) -> MeOut:
    return MeOut(agent_id=who.agent_id, username=who.username, display_name=who.display_name, role=who.role)


@router.get("/tickets")
def list_tickets(
    request: Request, who: ApiPrincipal,
    view: queue.View | None = None,
    status_: Annotated[TicketStatus | None, Query(alias="status")] = None,
    sort: queue.Sort = queue.Sort.ACTIVITY,
    channel: str | None = None,
    q: Annotated[str | None, Query(description="full-text search over subject and scrubbed text")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[int | None, Query(description="legacy keyset cursor: tickets with a smaller id")] = None,
) -> TicketPage:
    with ticket_store(request).reading() as session:
        if before is not None or status_ is TicketStatus.CLOSED:
            rows = store.list_tickets(session, status=status_, limit=limit, before_id=before)
            page = [TicketOut.of(t) for t in rows]
            return TicketPage(tickets=page, next_before=page[-1].id if len(page) == limit else None)
        chosen = view or (queue.View(status_.value) if status_ and status_.value in queue.View.__members__.values()
                          else queue.View.ALL)
        ids = search.matching_ticket_ids(session, q) if q and q.strip() else None
        try:
            result = queue.list_queue(session, chosen, agent_id=who.agent_id, channel=channel, sort=sort,
                                      cursor=cursor, limit=limit, ticket_ids=ids)
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad cursor") from exc
        rows_out = [TicketOut.of_row(r) for r in result.rows]
    return TicketPage(tickets=rows_out, next_cursor=result.next_cursor,
                      next_before=rows_out[-1].id if result.next_cursor and rows_out else None)


@router.get("/queue/counts")
def queue_counts(request: Request, who: ApiPrincipal, channel: str | None = None) -> dict[str, int | None]:
    with ticket_store(request).reading() as session:
        return queue.counts(session, agent_id=who.agent_id, channel=channel)


@router.get("/tickets/{number}")
def get_ticket(request: Request, number: int, who: ApiPrincipal) -> TicketDetail:
    with ticket_store(request).reading() as session:
        ticket = actions.load_ticket(session, number)
        return TicketDetail(
            **TicketOut.of(ticket).model_dump(),
            messages=[
                MessageOut(
                    id=m.id, direction=m.direction, channel=m.channel, subject=m.subject, text=m.text, lang=m.lang,
                    author_id=m.author_id, redactions=m.redactions, received_at=m.received_at,
                    external_id=m.external_id if m.channel == "email" else None,
                    attachments=[
                        {"filename": a.filename, "content_type": a.content_type, "size": a.size,
                         "sha256": a.sha256, "stored": a.stored, "note": a.note}
                        for a in m.attachments
                    ],
                )
                for m in ticket.messages
            ],
        )


@router.post("/tickets/{number}/reply", status_code=status.HTTP_201_CREATED)
def reply(request: Request, number: int, body: TextIn, who: ApiPrincipal) -> dict[str, Any]:
    """Reply on the ticket's channel (e-mail for web-form tickets); 409 when the channel has no sender."""
    return actions.reply(ticket_store(request), workspace(request), who, number, body.text, body.version)


@router.post("/tickets/{number}/notes", status_code=status.HTTP_201_CREATED)
def add_note(request: Request, number: int, body: TextIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.note(ticket_store(request), workspace(request), who, number, body.text)


@router.post("/tickets/{number}/assign")
def assign(request: Request, number: int, body: AssignIn, who: ApiPrincipal) -> dict[str, Any]:
    agent_id = who.agent_id if body.me else body.agent_id
    return actions.assign(ticket_store(request), who, number, agent_id, body.version)


@router.post("/tickets/{number}/status")
def set_status(request: Request, number: int, body: StatusIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.set_status(ticket_store(request), number, body.status, body.version)


@router.post("/tickets/{number}/priority")
def set_priority(request: Request, number: int, body: PriorityIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.set_priority(ticket_store(request), number, body.priority, body.version)


@router.post("/tickets/{number}/merge")
def merge(request: Request, number: int, body: MergeIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.merge(ticket_store(request), number, body.into)


@router.get("/agents", tags=["admin"])
def list_agents(request: Request, who: AdminApi) -> list[dict[str, Any]]:
    with ticket_store(request).reading() as session:
        return [{"id": a.id, "username": a.username, "display_name": a.display_name, "role": a.role,
                 "active": a.active} for a in accounts.list_agents(session)]
