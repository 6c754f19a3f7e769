"""The web app that ``scrubdesk serve`` runs: health, and the JSON API over the ticket queue.

The agents' workspace (pages, sessions, replies) builds on this app. Every route except health
requires the API token (``Authorization: Bearer ...``), compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import text

from tickets import store
from tickets.models import Ticket, TicketStatus

_bearer = HTTPBearer(auto_error=False)


class TicketOut(BaseModel):
    id: int
    number: int
    subject: str
    status: str
    priority: str
    channel: str
    customer_id: int | None
    created_at: datetime
    last_activity_at: datetime

    @classmethod
    def of(cls, t: Ticket) -> TicketOut:
        return cls(
            id=t.id,
            number=t.number,
            subject=t.subject,
            status=t.status,
            priority=t.priority,
            channel=t.channel,
            customer_id=t.customer_id,
            created_at=t.created_at,
            last_activity_at=t.last_activity_at,
        )


class MessageOut(BaseModel):
    id: int
    direction: str
    channel: str
    subject: str | None
    text: str
    lang: str | None
    redactions: dict[str, int]
    received_at: datetime
    attachments: list[dict[str, Any]]


class TicketDetail(TicketOut):
    messages: list[MessageOut]


class TicketPage(BaseModel):
    tickets: list[TicketOut]
    next_before: int | None


def create_app(ticket_store: store.TicketStore, api_token: Callable[[], str]) -> FastAPI:
    app = FastAPI(title="scrubdesk", version="0.1.0")
    app.state.store = ticket_store

    def require_token(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        expected = api_token().encode()
        given = creds.credentials.encode() if creds else b""
        if not creds or not hmac.compare_digest(given, expected):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong API token",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    def health(request: Request) -> dict[str, str]:
        try:
            with ticket_store.reading() as session:
                session.execute(text("SELECT 1"))
        except Exception as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "database unavailable") from exc
        return {"status": "ok"}

    @app.get("/api/tickets", dependencies=[Depends(require_token)])
    def list_tickets(
        status_: Annotated[TicketStatus | None, Query(alias="status")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        before: Annotated[int | None, Query(description="keyset cursor: tickets with a smaller id")] = None,
    ) -> TicketPage:
        with ticket_store.reading() as session:
            rows = store.list_tickets(session, status=status_, limit=limit, before_id=before)
            page = [TicketOut.of(t) for t in rows]
        return TicketPage(tickets=page, next_before=page[-1].id if len(page) == limit else None)

    @app.get("/api/tickets/{number}", dependencies=[Depends(require_token)])
    def get_ticket(number: int) -> TicketDetail:
        with ticket_store.reading() as session:
            ticket = store.ticket_by_number(session, number)
            if ticket is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
            return TicketDetail(
                **TicketOut.of(ticket).model_dump(),
                messages=[
                    MessageOut(
                        id=m.id,
                        direction=m.direction,
                        channel=m.channel,
                        subject=m.subject,
                        text=m.text,
                        lang=m.lang,
                        redactions=m.redactions,
                        received_at=m.received_at,
                        attachments=[
                            {"filename": a.filename, "content_type": a.content_type, "size": a.size,
                             "sha256": a.sha256, "stored": a.stored, "note": a.note}
                            for a in m.attachments
                        ],
                    )
                    for m in ticket.messages
                ],
            )

    return app
