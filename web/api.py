"""The JSON API: the same queue and actions as the pages, for scripts and integrations.

Authenticated by a bearer token (per-agent API tokens, or the deployment's global token), or by a
browser session plus ``X-CSRF-Token`` on writes. Its OpenAPI document is served at
``/api/openapi.json`` to authenticated callers, and it is the contract (checked by schemathesis in
``tests/web/test_api_contract.py``):

- every integer that names a row (ticket numbers, agent ids, versions, cursors) is bounded (``MAX_ID``),
  so an out-of-range value is a 422 (or a 404), never a database error;
- types are JSON Schema's: an integer is a number without a fraction (``5`` or ``5.0``), never
  ``false`` or ``"5"``; a boolean is ``true`` or ``false``, never ``0`` (a 422, not a coerced value);
- a note or a reply must hold something other than whitespace (the ``pattern`` of ``text`` spells out
  which characters count as whitespace); whitespace-only text is a 422;
- query parameters are absent or a value, never null (a query string cannot say null);
- every status code a route can answer is declared in ``responses``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from pydantic import BaseModel, BeforeValidator, Field, StrictBool, WithJsonSchema

from models import Attachment, Direction, Priority, Ticket, TicketDue, TicketStatus
from tickets import accounts, macros, queue, readable, replies, search, store, tags, timeline
from web import actions, ticket_view
from web.auth import AdminApi, ApiPrincipal
from web.workspace import ticket_store, workspace

# Row ids are 64-bit signed integers on PostgreSQL (bigint) and SQLite (INTEGER); nothing larger can
# name a row, and SQLite refuses to even compare with it (OverflowError: the review's 500s). The API
# bounds them tighter, to the integers JSON carries exactly (I-JSON, RFC 7493 section 2.2: up to
# 2**53 - 1): a JavaScript client could not tell larger ids apart, and FastAPI's OpenAPI model keeps
# bounds as floats, in which 2**63 - 1 would be published as 2**63.
MAX_ID = 2**53 - 1
# Python's whitespace (str.isspace, what the store strips) and ECMAScript's (U+FEFF), spelled out: a
# pattern's ``\s`` means different sets in Python, JSON Schema (ECMAScript) and pydantic (Rust), and
# U+0085 is whitespace to Python but not to ECMAScript. NUL is refused too (PostgreSQL text cannot hold it).
_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
NOT_BLANK = f"^[^\\x00]*[^\\x00{_SPACE}][^\\x00]*$"
NO_NUL = "^[^\\x00]*$"
# A ``next_cursor`` we handed out: base64url of a JSON array, so it starts with ``WyI`` (``["``).
CURSOR = "^(WyI[A-Za-z0-9_-]*)?$"


def _json_integer(value: object) -> object:
    """JSON Schema's integer (2020-12 validation, section 6.1.1): any number with a zero fractional part.

    pydantic's lax ``int`` would also take ``"5"`` and ``true`` (the review's ``"version": false``
    was accepted), its strict ``int`` refuses ``5.0``, which the document calls an integer.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a JSON integer")
    return value


TicketNumber = Annotated[int, Path(ge=1, le=MAX_ID, description="the ticket's number, e.g. 100042")]
RowIdIn = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_json_integer)]
VersionIn = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(_json_integer)]
Version = Annotated[VersionIn | None, Field(description="the ticket version you saw; 409 when it changed since")]


class Problem(BaseModel):
    """What an error answer carries (FastAPI's HTTPException body)."""

    detail: str


_WHY = {
    400: "refused: the action cannot be done as asked (e.g. an inactive agent, a bad cursor), or the body is "
         "not JSON",
    401: "no API token or session, or a wrong one",
    403: "your role does not allow this, or a session write without its X-CSRF-Token",
    404: "no such ticket",
    409: "the ticket changed since the version you sent, or its channel has no sender",
    423: "the ticket is read-only: its processing is restricted (art. 18 GDPR, RFC 4918 section 11.3)",
    503: "the scrubber is not loaded, so no text can be stored",
}


def answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route: each status code it can answer besides success and 422."""
    return {code: {"model": Problem, "description": _WHY[code]} for code in codes}


_WRITE = (400, 403, 404, 409, 423)
router = APIRouter(prefix="/api", tags=["tickets"], responses=answers(401))


class TicketOut(BaseModel):
    """One ticket: the same fields in the list and in the detail."""

    id: int
    number: int
    subject: str
    status: str
    priority: str
    channel: str
    customer_id: int | None
    assignee_id: int | None
    created_at: datetime | None
    last_activity_at: datetime
    due_at: datetime | None
    version: int | None
    requester: str | None = Field(None, description="the directory name, else the contact's address")
    preview: str | None = Field(None, description="the start of the newest customer message (scrubbed)")
    privacy: bool = Field(False, description="an open privacy request, or the customer's processing is restricted")
    snippet: str | None = Field(None, description="search: where the words were found (scrubbed text)")
    highlights: list[tuple[int, int]] = Field(default_factory=list, description="offsets of the found words")
    tags: list[str] = Field(default_factory=list, description="the ticket's tags, by name")
    group_id: int | None = Field(None, description="the group (team) the ticket belongs to")
    mailbox_id: int | None = Field(None, description="the mailbox the ticket came in on")

    @classmethod
    def of_row(cls, r: queue.QueueRow) -> TicketOut:
        snippet, marks = search.unmark(r.snippet) if r.snippet else (None, [])
        return cls(id=r.id, number=r.number, subject=r.subject, status=r.status, priority=r.priority,
                   channel=r.channel, customer_id=r.customer_id, assignee_id=r.assignee_id, created_at=r.created_at,
                   last_activity_at=r.last_activity_at, due_at=r.due_at, version=r.version, requester=r.requester,
                   preview=r.preview, privacy=r.privacy, snippet=snippet, highlights=marks, tags=r.tags,
                   group_id=r.group_id, mailbox_id=r.mailbox_id)


class SenderOut(BaseModel):
    name: str | None = Field(description="the directory name when the address is the customer's own")
    display_name: str | None = Field(description="the sender's display name as stored (scrubbed)")
    address: str | None = Field(description="the contact's address when it is one a person reads")
    channel: str


class AttachmentOut(BaseModel):
    """One attachment as intake kept it, for the ticket and for its attachments list alike (issue 17):
    never its content, only what it is and where to get the rendition (scrubbed text, redacted image)."""

    id: int
    filename: str | None = Field(description="the file name as sent, scrubbed")
    detected_type: str | None = Field(description="what the bytes are, whatever the sender declared")
    kind: str | None = Field(description="text, html, mail, document, image, archive, identity or other")
    rendition_type: str | None = Field(description="the content type of the kept rendition; null when none is kept")
    size: int = Field(description="bytes of the file as it arrived")
    sha256: str = Field(description="of the file as it arrived")
    removed_on_arrival: dict[str, int] = Field(description="per type how many values were removed or painted over")
    note: str | None = Field(description="why something was not kept (limits and types, never content)")
    download: str | None = Field(description="the API path of the rendition; null when only metadata is kept")

    @classmethod
    def of(cls, att: Attachment, number: int) -> AttachmentOut:
        return cls(
            id=att.id, filename=att.filename, detected_type=att.detected_type, kind=att.kind,
            rendition_type=att.content_type if att.stored else None, size=att.size, sha256=att.sha256,
            removed_on_arrival=att.redactions or {}, note=att.note,
            download=f"/api/tickets/{number}/attachments/{att.id}" if att.stored else None,
        )


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
    sender: SenderOut | None = None
    attachments: list[AttachmentOut]


class TicketDetail(TicketOut):
    messages: list[MessageOut]


class TicketPage(BaseModel):
    tickets: list[TicketOut]
    next_cursor: str | None = None
    # Cursor of the earlier id-ordered listing (``before``), kept for existing clients.
    next_before: int | None = None


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=100_000, pattern=NOT_BLANK, description=(
        "the text; it must hold something other than whitespace (text of only whitespace is a 422)"))
    version: Version = None


class AssignIn(BaseModel):
    agent_id: RowIdIn | None = Field(None, description="the agent, or null to unassign")
    me: StrictBool = Field(False, description="assign to the calling agent (agent_id is then ignored)")
    version: Version = None


class StatusIn(BaseModel):
    status: TicketStatus
    version: Version = None


class PriorityIn(BaseModel):
    priority: Priority
    version: Version = None


class UpdateIn(BaseModel):
    status: TicketStatus | None = None
    priority: Priority | None = None
    agent_id: RowIdIn | None = Field(None, description="the new assignee (with unassign false)")
    unassign: StrictBool = Field(False, description="leave the ticket unassigned")
    group_id: RowIdIn | None = Field(None, description="move the ticket to this group (with no_group false)")
    no_group: StrictBool = Field(False, description="take the ticket out of its group")
    version: Version = None


class CustomerLinkIn(BaseModel):
    customer_number: str | None = Field(None, max_length=64, pattern=NO_NUL,
                                        description="the customer's number in the directory; null unlinks")
    link_contact: StrictBool = Field(True, description="also link the ticket's contact to the customer")


class TimelineEntry(BaseModel):
    at: datetime
    kind: str = Field(description="message, event, attachment or privacy")
    what: str = Field(description="the message's direction, the event's kind or the privacy step")
    actor: str | None = Field(description="agent:<username>, api, customer, requester or system")
    actor_name: str | None
    detail: dict[str, Any]
    message_id: int | None = None


class TagIn(BaseModel):
    name: str = Field(min_length=1, max_length=32, pattern=NO_NUL, description=(
        "letters, digits, - and _ (spaces become -), at most four digits in a row; stored lower-case"))


class MacroApplyIn(BaseModel):
    version: Version = None


class MacroOut(BaseModel):
    id: int
    title: str
    body: str = Field(description="the text with its {{variables}} unfilled")
    reply_mode: str = Field(description="insert (into the reply box) or send (as the reply)")
    actions: dict[str, Any] = Field(description="status, priority, assignee, add_tags, remove_tags")


class MergeIn(BaseModel):
    into: RowIdIn = Field(description="number of the ticket that receives the messages")


class MeOut(BaseModel):
    agent_id: int | None
    username: str
    display_name: str
    role: str


@router.get("/me")
def me(who: ApiPrincipal) -> MeOut:
    return MeOut(agent_id=who.agent_id, username=who.username, display_name=who.display_name, role=who.role)


@router.get("/tickets", responses=answers(400))
def list_tickets(
    request: Request, who: ApiPrincipal,
    view: Annotated[queue.View | None, WithJsonSchema({"type": "string", "enum": [v.value for v in queue.View]}),
                    Query()] = None,
    status_: Annotated[TicketStatus | None, WithJsonSchema({"type": "string", "enum": [s.value for s in TicketStatus]}),
                       Query(alias="status")] = None,
    sort: queue.Sort = queue.Sort.ACTIVITY,
    channel: Annotated[str, Query(max_length=32, pattern=NO_NUL)] = "",
    q: Annotated[str, Query(max_length=500, pattern=NO_NUL,
                            description="full-text search over subject and scrubbed text")] = "",
    cursor: Annotated[str, Query(max_length=500, pattern=CURSOR, description="next_cursor of the previous page")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    tag: Annotated[str, Query(max_length=32, pattern=NO_NUL, description="only tickets with this tag")] = "",
    group: Annotated[int | None, WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_ID}),
                     Query(ge=0, le=MAX_ID, description="only tickets of this group; 0: without a group")] = None,
    mailbox: Annotated[int | None, WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_ID}),
                       Query(ge=0, le=MAX_ID, description="only tickets of this mailbox; 0: without one")] = None,
    before: Annotated[int | None, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_ID}),
                      Query(ge=1, le=MAX_ID, description="legacy keyset cursor: tickets with a smaller id")] = None,
) -> TicketPage:
    with ticket_store(request).reading() as session:
        if (before is not None or status_ is TicketStatus.CLOSED) and not tag and group is None and mailbox is None:
            tickets = store.list_tickets(session, status=status_, limit=limit, before_id=before)
            rows = [_row(session, t) for t in tickets]
            queue.enrich(session, rows)
            page = [TicketOut.of_row(r) for r in rows]
            return TicketPage(tickets=page, next_before=page[-1].id if len(page) == limit else None)
        chosen = view or (queue.View(status_.value) if status_ and status_.value in queue.View.__members__.values()
                          else queue.View.ALL)
        found = search.find(session, q) if q and q.strip() else None
        try:
            result = queue.list_queue(session, chosen, agent_id=who.agent_id, channel=channel or None, sort=sort,
                                      cursor=cursor or None, limit=limit, tag=tag or None, group=group,
                                      mailbox=mailbox, ticket_ids=found.ticket_ids if found is not None else None)
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad cursor") from exc
        queue.enrich(session, result.rows)
        if found is not None:
            search.add_snippets(session, result.rows, found)
        rows_out = [TicketOut.of_row(r) for r in result.rows]
    return TicketPage(tickets=rows_out, next_cursor=result.next_cursor,
                      next_before=rows_out[-1].id if result.next_cursor and rows_out else None)


@router.get("/queue/counts")
def queue_counts(request: Request, who: ApiPrincipal,
                 channel: Annotated[str, Query(max_length=32, pattern=NO_NUL)] = "") -> dict[str, int | None]:
    with ticket_store(request).reading() as session:
        return queue.counts(session, agent_id=who.agent_id, channel=channel or None)


def _row(session: Any, t: Ticket) -> queue.QueueRow:
    due = session.get(TicketDue, t.id)
    return queue.QueueRow(id=t.id, number=t.number, subject=t.subject, status=str(t.status), priority=str(t.priority),
                          channel=t.channel, assignee_id=t.assignee_id, last_activity_at=t.last_activity_at,
                          due_at=due.due_at if due else None, created_at=t.created_at, customer_id=t.customer_id,
                          version=t.version, group_id=t.group_id, mailbox_id=t.mailbox_id)


def _sender(s: readable.Sender | None) -> SenderOut | None:
    if s is None:
        return None
    return SenderOut(name=s.name, display_name=s.scrubbed_name, address=s.address, channel=s.channel)


@router.get("/tickets/{number}", responses=answers(404))
def get_ticket(request: Request, number: TicketNumber, who: ApiPrincipal) -> TicketDetail:
    with ticket_store(request).reading() as session:
        ticket = actions.load_ticket(session, number)
        row = _row(session, ticket)
        queue.enrich(session, [row])
        customer = readable.customer_visible(session, ticket)
        senders = ticket_view.senders(session, ticket, {customer.id: customer} if customer else {})
        return TicketDetail(
            **TicketOut.of_row(row).model_dump(),
            messages=[
                MessageOut(
                    id=m.id, direction=m.direction, channel=m.channel, subject=m.subject, text=m.text, lang=m.lang,
                    author_id=m.author_id, redactions=m.redactions, received_at=m.received_at,
                    # Our own Message-IDs only: a customer's may carry anything and is not kept in clear.
                    external_id=m.mail_ref if m.channel == "email" and m.direction != Direction.IN else None,
                    sender=_sender(senders.get(m.id)),
                    attachments=[AttachmentOut.of(a, ticket.number) for a in m.attachments],
                )
                for m in ticket.messages
            ],
        )


@router.get("/tickets/{number}/timeline", responses=answers(404))
def get_timeline(request: Request, number: TicketNumber, who: ApiPrincipal) -> list[TimelineEntry]:
    """Every message, event, attachment and privacy step of the ticket with its actor and time, oldest first."""
    with ticket_store(request).reading() as session:
        ticket = actions.load_ticket(session, number)
        names = {a.username: a.display_name for a in accounts.list_agents(session)}
        return [TimelineEntry(**entry) for entry in timeline.as_json(timeline.build(session, ticket), names)]


@router.post("/tickets/{number}/reply", status_code=status.HTTP_201_CREATED, responses=answers(*_WRITE, 503))
def reply(request: Request, number: TicketNumber, body: TextIn, who: ApiPrincipal) -> dict[str, Any]:
    """Reply on the ticket's channel (e-mail for web-form tickets); 409 when the channel has no sender."""
    return actions.reply(ticket_store(request), workspace(request), who, number, body.text, body.version)


@router.post("/tickets/{number}/notes", status_code=status.HTTP_201_CREATED, responses=answers(*_WRITE, 503))
def add_note(request: Request, number: TicketNumber, body: TextIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.note(ticket_store(request), workspace(request), who, number, body.text)


@router.post("/tickets/{number}/assign", responses=answers(*_WRITE))
def assign(request: Request, number: TicketNumber, body: AssignIn, who: ApiPrincipal) -> dict[str, Any]:
    agent_id = who.agent_id if body.me else body.agent_id
    return actions.assign(ticket_store(request), who, number, agent_id, body.version)


@router.post("/tickets/{number}/status", responses=answers(*_WRITE))
def set_status(request: Request, number: TicketNumber, body: StatusIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.set_status(ticket_store(request), who, number, body.status, body.version)


@router.post("/tickets/{number}/priority", responses=answers(*_WRITE))
def set_priority(request: Request, number: TicketNumber, body: PriorityIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.set_priority(ticket_store(request), who, number, body.priority, body.version)


@router.post("/tickets/{number}/update", responses=answers(*_WRITE))
def update(request: Request, number: TicketNumber, body: UpdateIn, who: ApiPrincipal) -> dict[str, Any]:
    """Status, priority, assignee and group in one transaction and one version check."""
    assignee = 0 if body.unassign else body.agent_id
    change = actions.Update(status=body.status, priority=body.priority, assignee=assignee,
                            group=0 if body.no_group else body.group_id)
    return actions.update(ticket_store(request), who, number, change, body.version)


@router.post("/tickets/{number}/customer", responses=answers(*_WRITE))
def link_customer(request: Request, number: TicketNumber, body: CustomerLinkIn, who: ApiPrincipal) -> dict[str, Any]:
    """Link the ticket (and its contact) to a customer of the directory by customer number; audited."""
    return actions.link_customer(ticket_store(request), who, number, body.customer_number, body.link_contact)


@router.post("/tickets/{number}/merge", responses=answers(*_WRITE))
def merge(request: Request, number: TicketNumber, body: MergeIn, who: ApiPrincipal) -> dict[str, Any]:
    return actions.merge(ticket_store(request), who, number, body.into)


@router.get("/agents", tags=["admin"], responses=answers(403))
def list_agents(request: Request, who: AdminApi) -> list[dict[str, Any]]:
    with ticket_store(request).reading() as session:
        return [{"id": a.id, "username": a.username, "display_name": a.display_name, "role": a.role,
                 "email": a.email, "active": a.active} for a in accounts.list_agents(session)]


@router.post("/tickets/{number}/tags", responses=answers(*_WRITE))
def add_tag(request: Request, number: TicketNumber, body: TagIn, who: ApiPrincipal) -> dict[str, Any]:
    """Put a tag on the ticket (the tag is created when new); 400 for a name outside the safe charset."""
    return actions.tag(ticket_store(request), who, number, body.name, add=True)


@router.delete("/tickets/{number}/tags/{name}", responses=answers(*_WRITE))
def remove_tag(request: Request, number: TicketNumber, name: Annotated[str, Path(max_length=32, pattern=NO_NUL)],
               who: ApiPrincipal) -> dict[str, Any]:
    return actions.tag(ticket_store(request), who, number, name, add=False)


@router.get("/tags")
def list_tags(request: Request, who: ApiPrincipal) -> list[dict[str, Any]]:
    """Every tag with how many tickets carry it."""
    with ticket_store(request).reading() as session:
        return [{"id": t.id, "name": t.name, "tickets": n} for t, n in tags.list_with_counts(session)]


@router.get("/macros")
def list_macros(request: Request, who: ApiPrincipal) -> list[MacroOut]:
    with ticket_store(request).reading() as session:
        return [MacroOut(**macros.describe(m)) for m in replies.list_macros(session)]


@router.post("/tickets/{number}/macros/{macro_id}", responses=answers(*_WRITE, 503))
def apply_macro(request: Request, number: TicketNumber, macro_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
                body: MacroApplyIn, who: ApiPrincipal) -> dict[str, Any]:
    """Apply a macro: its reply (sent, or returned as ``text`` for the agent to send), then its changes,
    each through the same action, event and audit entry as by hand, in one transaction and version check."""
    return actions.apply_macro(ticket_store(request), workspace(request), who, number, macro_id, body.version)
