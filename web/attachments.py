"""Agents open attachments: the scrubbed text or redacted image intake kept, never an original.

What is served is the rendition ``intake.attachments`` stored: scrubbed text as ``text/plain`` or a
redacted PNG/JPEG. It is still content a customer chose, so it is served so no browser runs it:
the type is one of three we wrote ourselves (anything else goes out as ``application/octet-stream``),
``X-Content-Type-Options: nosniff`` stops sniffing it into HTML (Fetch standard, section 3.5), and a
``sandbox`` CSP (CSP Level 3, section 6.3.2) gives a document opened anyway an opaque origin with
no script. ``Content-Disposition`` (RFC 6266, with RFC 8187 for names beyond ASCII) names the file
by its scrubbed name. Only who may see the ticket may fetch its attachments: the same session or
API token as the ticket, and the attachment must belong to a message of that very ticket (an id from
another ticket answers 404, as a missing one does).
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request, status
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Attachment, Message, Ticket
from web.actions import load_ticket
from web.api import MAX_ID, AttachmentOut, TicketNumber, answers
from web.auth import ApiPrincipal, PagePrincipal
from web.workspace import ticket_store

router = APIRouter()
api_router = APIRouter(prefix="/api", tags=["tickets"], responses=answers(401))
AttachmentId = Annotated[int, Path(ge=1, le=MAX_ID)]

# The only types served as themselves: what intake writes as renditions.
_SERVED = {"text/plain": "text/plain; charset=utf-8", "image/png": "image/png", "image/jpeg": "image/jpeg"}
_EXTENSION = {"text/plain": ".txt", "image/png": ".png", "image/jpeg": ".jpg"}
_SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
_UNSAFE = re.compile(r'[^A-Za-z0-9 ._()\[\]<>-]')


def _base_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def download_name(att: Attachment) -> str:
    """The scrubbed name with the rendition's extension (a PDF's text is ``invoice.pdf.txt``)."""
    name = (att.filename or f"attachment-{att.id}").replace("/", "_").replace("\\", "_")
    extension = _EXTENSION.get(_base_type(att.content_type), "")
    return name if not extension or name.lower().endswith(extension) else name + extension


def _disposition(kind: str, name: str) -> str:
    # RFC 6266 section 4.3: an ASCII fallback in filename, the exact name in filename* (RFC 8187).
    fallback = _UNSAFE.sub("_", name.encode("ascii", "replace").decode("ascii")).replace('"', "_") or "attachment"
    return f'{kind}; filename="{fallback}"; filename*=UTF-8\'\'{quote(name, safe="")}'


def _attachment_of(session: Session, ticket: Ticket, attachment_id: int) -> Attachment:
    att = session.scalar(
        select(Attachment).join(Message, Attachment.message_id == Message.id)
        .where(Attachment.id == attachment_id, Message.ticket_id == ticket.id)
    )
    if att is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such attachment on this ticket")
    return att


def _serve(request: Request, number: int, attachment_id: int, inline: bool) -> Response:
    with ticket_store(request).reading() as session:
        ticket = load_ticket(session, number)
        att = _attachment_of(session, ticket, attachment_id)
        content = att.content
        if content is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, att.note or "the content of this attachment was not kept")
        base = _base_type(att.content_type)
        media = _SERVED.get(base, "application/octet-stream")
        # Images may be shown in the page; text and anything else is a download.
        kind = "inline" if inline and base.startswith("image/") else "attachment"
        headers = {
            "Content-Disposition": _disposition(kind, download_name(att)),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": _SANDBOX,
            "Cache-Control": "no-store",
        }
    return Response(content, media_type=media, headers=headers)


@router.get("/tickets/{number}/attachments/{attachment_id}", include_in_schema=False)
def page_download(request: Request, number: TicketNumber, attachment_id: AttachmentId, who: PagePrincipal,
                  inline: bool = False) -> Response:
    return _serve(request, number, attachment_id, inline)


def describe(att: Attachment, number: int) -> AttachmentOut:
    """What the API says of one attachment: the ticket's own schema (``web.api.AttachmentOut``)."""
    return AttachmentOut.of(att, number)


@api_router.get("/tickets/{number}/attachments", responses=answers(404))
def api_list(request: Request, number: TicketNumber, who: ApiPrincipal) -> list[AttachmentOut]:
    with ticket_store(request).reading() as session:
        ticket = load_ticket(session, number)
        rows = session.scalars(
            select(Attachment).join(Message, Attachment.message_id == Message.id)
            .where(Message.ticket_id == ticket.id).order_by(Attachment.id)
        )
        return [describe(att, ticket.number) for att in rows]


@api_router.get("/tickets/{number}/attachments/{attachment_id}", responses=answers(404), response_class=Response)
def api_download(request: Request, number: TicketNumber, attachment_id: AttachmentId, who: ApiPrincipal) -> Response:
    return _serve(request, number, attachment_id, inline=False)
