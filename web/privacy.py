"""Web routes of privacy requests: the officer's dashboard and request page, marking a ticket by hand,
the public verification page and the single-use export download (a GET shows a page, only its POST
acts: link scanners must not use a link up).

Officer routes need the ``privacy_officer`` role (or admin) through the workspace's ``require_role``;
marking or unmarking a ticket is open to every agent. The two public routes are rate-limited per
client address (``limits``, moving window) on top of the code's own attempt limit, and answer the
same way for an unknown token and a wrong code, so they reveal nothing about which requests exist.
``install`` mounts the router and puts the ``PrivacyDesk`` on ``app.state.privacy_desk`` (restricted
tickets are read-only through ``tickets.guards.load_for_write``, not here).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from models import ExternalTask, PrivacyAudit, PrivacyRequest, Role, Ticket, ticket_number
from privacy import approval, deadline, holds, reminders, triage
from privacy.desk import PrivacyDesk
from privacy.handlers import HANDLERS, RECTIFIABLE
from privacy.texts import local_date, local_time
from privacy.workflow import TransitionError
from tickets.accounts import Principal
from tickets.guards import restriction_of
from tickets.store import ticket_by_number
from web.api import MAX_ID
from web.auth import PagePrincipal, require_role
from web.pages import templates
from web.rate_limit import Rate, within_rate

router = APIRouter(include_in_schema=False)
# Every date and time on the privacy pages as the legal clock counts: Europe/Amsterdam, not UTC.
templates.env.filters.setdefault("local_time", local_time)
templates.env.filters.setdefault("local_date", local_date)
OfficerPage = Annotated[Principal, Depends(require_role(Role.PRIVACY_OFFICER))]
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


def desk_of(request: Request) -> PrivacyDesk:
    desk: PrivacyDesk = request.app.state.privacy_desk
    return desk


def actor(who: Principal) -> str:
    return f"agent:{who.username}"


def _limited(request: Request, bucket: str) -> None:
    desk = desk_of(request)
    if not within_rate(request, desk.store, bucket, Rate(desk.config.verify_rate_per_minute, timedelta(minutes=1))):
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "too many attempts; wait a minute",
                            headers={"Retry-After": "60"})


def _page(request: Request, name: str, context: dict[str, Any], code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=code)


# --- installing ----------------------------------------------------------------------------------


def install(app: FastAPI, desk: PrivacyDesk) -> None:
    """Mount the privacy routes on the workspace app, with the desk they work on.

    Restricted tickets (art. 18(2) GDPR: restricted data may only be stored) are read-only through
    ``tickets.guards.load_for_write``, which every ticket action uses, not through these routes.
    """
    app.state.privacy_desk = desk
    app.include_router(router)


# --- officer: dashboard and request page --------------------------------------------------------


@router.get("/privacy")
def dashboard(request: Request, who: OfficerPage) -> HTMLResponse:
    desk = desk_of(request)
    today = deadline.today()
    with desk.store.reading() as session:
        rows = [{"r": r, "days": deadline.days_left(r.due_on, today), "overdue": r.due_on < today,
                 "types": desk.types_text(r) if r.lang == "en" else ", ".join(r.types)}
                for r in reminders.open_by_due(session)]
        tasks = list(session.scalars(select(ExternalTask).where(ExternalTask.done_at.is_(None))
                                     .order_by(ExternalTask.id)))
        possible = [{"t": t, "number": ticket_number(t.ticket_id) if t.ticket_id else None,
                     "due": deadline.first_deadline(deadline.received_on(t.received_at))}
                    for t in triage.open_rows(session)]
    return _page(request, "privacy_dashboard.html", {"who": who, "rows": rows, "tasks": tasks, "possible": possible,
                                                     "request_types": list(HANDLERS), "active": "privacy"})


@router.post("/privacy/triage/{triage_id}/{decision}")
async def triage_decision(request: Request, triage_id: RowId, decision: str, who: PagePrincipal) -> Response:
    """Confirm a possible request with its types (it opens on the clock from receipt), or dismiss it.
    Any agent may, like marking a ticket by hand; ``back`` says where to return."""
    form = await request.form()
    desk, by = desk_of(request), actor(who)
    types = [t for t in form.getlist("types") if isinstance(t, str) and t in HANDLERS]
    back = str(form.get("back") or "/privacy")
    back = back if back.startswith("/") and not back.startswith("//") else "/privacy"
    try:
        with desk.store.writing() as session:
            if decision == "confirm":
                desk.confirm_possible(session, triage_id, types, by)
            elif decision == "dismiss":
                desk.dismiss_possible(session, triage_id, by)
            else:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "no such decision")
    except (TransitionError, LookupError, ValueError) as exc:
        return RedirectResponse(f"{back}?{urlencode({'error': str(exc)})}", status.HTTP_303_SEE_OTHER)
    return RedirectResponse(back, status.HTTP_303_SEE_OTHER)


@router.get("/privacy/requests/{request_id}")
def request_page(request: Request, request_id: RowId, who: OfficerPage, error: str | None = None) -> HTMLResponse:
    desk = desk_of(request)
    with desk.store.reading() as session:
        req = session.get(PrivacyRequest, request_id)
        if req is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such request")
        log = list(session.scalars(select(PrivacyAudit).where(PrivacyAudit.request_id == req.id)
                                   .order_by(PrivacyAudit.id)))
        tasks = approval.tasks(session, req)
        open_tickets = approval.open_tickets(session, req) if req.open else []
    config = desk.config
    needs_approval = [t for t in config.approval_required if t in req.types]
    return _page(request, "privacy_request.html", {
        "who": who, "r": req, "log": log, "tasks": tasks, "error": error, "fields": RECTIFIABLE,
        "open_tickets": open_tickets, "needs_approval": needs_approval, "request_types": list(HANDLERS),
        "approved": req.details.get("approval"), "four_eyes": config.rectification_four_eyes,
        "overdue": req.open and req.due_on < deadline.today(), "can_extend": req.open and req.extended_at is None
        and deadline.today() <= req.first_due_on, "active": "privacy"})


def _back(request_id: int, error: str | None = None) -> Response:
    url = f"/privacy/requests/{request_id}" + (f"?{urlencode({'error': error})}" if error else "")
    return RedirectResponse(url, status.HTTP_303_SEE_OTHER)


@router.post("/privacy/requests/{request_id}/{action}")
async def request_action(request: Request, request_id: RowId, action: str, who: OfficerPage) -> Response:
    raw = await request.form()
    form = {k: v for k, v in raw.items() if isinstance(v, str)}
    desk, by = desk_of(request), actor(who)
    reason = form.get("reason", "")
    # open tickets the officer keeps for now at an approval (each an id from the page's checkboxes)
    keep = [int(v) for v in raw.getlist("keep_open") if isinstance(v, str) and v.isascii() and v.isdigit()]
    types = [t for t in raw.getlist("types") if isinstance(t, str) and t in HANDLERS]
    operations: dict[str, Any] = {
        "run": lambda s: desk.run(s, request_id, by),
        "extend": lambda s: desk.extend(s, request_id, by, reason),
        "refuse": lambda s: desk.refuse(s, request_id, by, reason),
        "withdraw": lambda s: desk.withdraw(s, request_id, by),
        "verify": lambda s: desk.verify_by_officer(s, request_id, by, reason),
        "propose": lambda s: desk.propose_rectification(s, request_id, by, {f: form.get(f, "") for f in RECTIFIABLE}),
        "approve-rectification": lambda s: desk.approve_rectification(s, request_id, by),
        "announce-lift": lambda s: desk.announce_lift(s, request_id, by, form.get("on", ""), reason),
        "lift": lambda s: desk.lift(s, request_id, by),
        "task-done": lambda s: desk.task_done(s, request_id, _task_id(form), by),
        "task-undone": lambda s: desk.task_done(s, request_id, _task_id(form), by, done=False),
        "task-owner": lambda s: desk.task_owner(s, request_id, _task_id(form), by, form.get("owner", "")),
        "erase-ticket": lambda s: desk.erase_kept_ticket(s, request_id, _task_id(form), by),
        "approve": lambda s: desk.approve(s, request_id, by, keep),
        "set-types": lambda s: desk.set_types(s, request_id, types, by),
    }
    operation = operations.get(action)
    if operation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such action")
    try:
        with desk.store.writing() as session:
            operation(session)
    except (TransitionError, LookupError, ValueError) as exc:
        return _back(request_id, str(exc))
    return _back(request_id)


def _task_id(form: dict[str, str]) -> int:
    value = form.get("task", "")
    task_id = int(value) if value.isascii() and value.isdigit() else 0
    if not 0 < task_id <= MAX_ID:
        raise LookupError("no such task")
    return task_id


@router.post("/privacy/holds")
def add_hold(request: Request, who: OfficerPage, ticket: Annotated[int, Form()],
             basis: Annotated[str, Form()] = "financial") -> Response:
    """Mark a ticket as a record with a legal retention duty (kept on erasure, restricted)."""
    desk = desk_of(request)
    with desk.store.writing() as session:
        if holds.add_hold(session, ticket, basis, actor(who), desk.config) is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
    return RedirectResponse("/privacy", status.HTTP_303_SEE_OTHER)


# --- any agent: mark or unmark a ticket ----------------------------------------------------------


def panel_context(session: Any, ticket: Ticket) -> dict[str, Any]:
    """What a ticket page shows about privacy: the read-only banner, the request and its deadline.

    For the workspace's ticket page (``{% include "privacy_panel.html" %}`` with this context); until it
    includes it, ``GET /tickets/{number}/privacy`` shows the same panel on a page of its own.
    """
    req = session.scalars(select(PrivacyRequest).where(PrivacyRequest.ticket_id == ticket.id)
                          .order_by(PrivacyRequest.id.desc()).limit(1)).first()
    possible = triage.open_of_ticket(session, ticket.id)
    return {"ticket": ticket, "privacy_request": req, "read_only": restriction_of(session, ticket),
            "possible": possible, "request_types": list(HANDLERS),
            "overdue": bool(req and req.open and req.due_on < deadline.today())}


@router.get("/tickets/{number}/privacy")
def ticket_panel(request: Request, number: int, who: PagePrincipal, error: str | None = None) -> HTMLResponse:
    desk = desk_of(request)
    with desk.store.reading() as session:
        ticket = ticket_by_number(session, number)
        if ticket is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
        context = panel_context(session, ticket)
    return _page(request, "privacy_ticket.html", {"who": who, "error": error, **context})


@router.post("/tickets/{number}/privacy")
async def mark_ticket(request: Request, number: int, who: PagePrincipal) -> Response:
    form = await request.form()
    desk, by = desk_of(request), actor(who)
    types = [t for t in form.getlist("types") if isinstance(t, str) and t in HANDLERS]
    try:
        with desk.store.writing() as session:
            if form.get("unmark"):
                ticket = ticket_by_number(session, number)
                req = desk.open_request_of_ticket(session, ticket.id) if ticket else None
                if req is not None:
                    desk.withdraw(session, req.id, by, unmark=True)
            elif types:
                desk.mark(session, number, types, by)
            else:
                raise ValueError("choose at least one request type")
    except (TransitionError, LookupError, ValueError) as exc:
        return RedirectResponse(f"/tickets/{number}/privacy?{urlencode({'error': str(exc)})}",
                                status.HTTP_303_SEE_OTHER)
    return RedirectResponse(f"/tickets/{number}/privacy", status.HTTP_303_SEE_OTHER)


# --- public: verification and download ----------------------------------------------------------


def _same_origin(request: Request) -> None:
    """Refuse a public form's POST sent from another site's page.

    The verification and download links carry their secret in the URL, so these forms have no session
    to tie a CSRF token to; what is left to check is where the POST came from (OWASP CSRF Prevention
    Cheat Sheet, "Fetch Metadata headers" and "Verifying Origin with standard headers"):
    ``Sec-Fetch-Site`` must be ``same-origin`` (or ``none``: typed or bookmarked), and an ``Origin``
    must be this host or the configured public URL. A client that sends neither (not a browser) is
    let through: it had to know the secret already.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this form only works from its own page")
    origin = request.headers.get("origin")
    if origin is None:
        return
    public = urlsplit(desk_of(request).config.public_url)
    allowed = {request.headers.get("host", "").lower(), public.netloc.lower()}
    if origin == "null" or urlsplit(origin).netloc.lower() not in allowed - {""}:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this form only works from its own page")


# GET must be safe (RFC 9110 section 9.2.1): mail scanners and link previews open these links before
# the person does. So a GET only shows a page; its form's POST does the work, once.


@router.get("/privacy/verify/{token}")
def verify_form(request: Request, token: str) -> HTMLResponse:
    _limited(request, "verify-view")
    return _page(request, "privacy_verify.html", {"who": None, "token": token, "result": None})


@router.post("/privacy/verify/{token}")
def verify_submit(request: Request, token: str, code: Annotated[str, Form()]) -> HTMLResponse:
    _limited(request, "verify")
    _same_origin(request)
    desk = desk_of(request)
    with desk.store.writing() as session:
        result = desk.verify_link(session, token, code)
    ok = result == "verified"
    return _page(request, "privacy_verify.html", {"who": None, "token": token, "result": "ok" if ok else "bad"},
                 code=200 if ok else 400)


@router.get("/privacy/download/{token}")
def download_page(request: Request, token: str) -> HTMLResponse:
    """The page behind the mailed link: a button, nothing looked up, nothing used up."""
    _limited(request, "download-view")
    return _page(request, "privacy_download.html", {"who": None, "token": token})


@router.post("/privacy/download/{token}")
def download(request: Request, token: str) -> Response:
    """The export, once; an erasure asked for in the same request runs after it (``PrivacyDesk.download``)."""
    _limited(request, "download")
    _same_origin(request)
    desk = desk_of(request)
    with desk.store.writing() as session:
        found = desk.download(session, token)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "this link is not valid (any more)")
    data, request_id = found
    return Response(data, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="privacy-export-{request_id}.zip"'})
