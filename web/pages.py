"""The agents' HTML pages: login, queue, ticket, administration (server-rendered with Jinja2).

Every form posts back and is answered with a 303 redirect (post/redirect/get), so reloading never
repeats an action. Keyboard shortcuts come from ``static/keys.js``; the pages work without it.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from models import Priority, Role, TicketStatus
from tickets import accounts, audit, queue, replies, search
from tickets.guards import ActionError
from web import actions
from web.api import MAX_ID
from web.auth import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    AdminPage,
    AuthSettings,
    PagePrincipal,
    client_address,
    cookie_secure,
    set_session_cookie,
)
from web.workspace import ticket_store, workspace

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
_PLACEHOLDER = re.compile(r"&lt;([A-Z][A-Z_]*?)_(\d+)&gt;")
router = APIRouter(include_in_schema=False)


def chips(text: str | None) -> Markup:
    """Scrubbed text with each placeholder (``<PERSON_1>``) shown as a chip naming its type."""
    escaped = str(escape(text or ""))
    return Markup(_PLACEHOLDER.sub(  # noqa: S704 (input escaped above; only our own markup is added)
        lambda m: f'<span class="chip chip-{m.group(1).lower()}" title="removed: {m.group(1)}">'
                  f'{m.group(1).replace("_", " ").lower()} {m.group(2)}</span>',
        escaped,
    ))


templates.env.filters["chips"] = chips
templates.env.filters["when"] = lambda d: d.strftime("%d %b %Y %H:%M") if d else ""


def _render(request: Request, name: str, context: dict[str, Any], code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=code)


def _safe_next(value: str | None) -> str:
    # Only local paths: an open redirect after login would help phishing.
    return value if value and value.startswith("/") and not value.startswith("//") else "/queue"


# --- login and logout ---------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request, next: str | None = None, error: str | None = None) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = _render(request, "login.html", {"login_csrf": token, "next": _safe_next(next), "error": error},
                       code=401 if error else 200)
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=cookie_secure(request),
                        max_age=3600, path="/login")
    return response


@router.post("/login")
def login(
    request: Request, username: Annotated[str, Form()], password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/queue",
) -> Response:
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie.encode(), csrf_token.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token; reload the login page")
    auth: AuthSettings = request.app.state.auth
    client = client_address(request)
    result = accounts.login(ticket_store(request), username, password, client=client, limiter=auth.limiter,
                            lifetime=auth.session_lifetime)
    again = {"login_csrf": csrf_token, "next": _safe_next(next)}
    if result.outcome == "blocked":
        refused = _render(request, "login.html", {**again, "error": "Too many failed attempts. Wait a few minutes."},
                          code=status.HTTP_429_TOO_MANY_REQUESTS)
        # RFC 6585 section 4: 429 may say when to try again.
        refused.headers["Retry-After"] = str(int(auth.limiter.window.total_seconds()))
        return refused
    if result.session_token is None:
        with ticket_store(request).writing() as session:
            # Which account was tried, never what was typed: an unknown name may be a mistyped password.
            audit.record(session, "anonymous", audit.LOGIN_FAILED, "agent", result.agent_id, {"client": client})
        return _render(request, "login.html", {**again, "error": "Wrong username or password."}, code=401)
    response = RedirectResponse(_safe_next(next), status.HTTP_303_SEE_OTHER)
    set_session_cookie(request, response, result.session_token)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, who: PagePrincipal) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        with ticket_store(request).writing() as session:
            accounts.close_session(session, cookie)
    response = RedirectResponse("/login", status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- queue --------------------------------------------------------------------------------------


@router.get("/")
def home(who: PagePrincipal) -> Response:
    return RedirectResponse("/queue", status.HTTP_303_SEE_OTHER)


@router.get("/queue")
def queue_page(
    request: Request, who: PagePrincipal,
    view: queue.View = queue.View.OPEN, sort: queue.Sort = queue.Sort.ACTIVITY,
    channel: str | None = None, q: str | None = None, cursor: str | None = None,
    limit: Annotated[int, Query(ge=10, le=200)] = 50,
) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        ids = search.matching_ticket_ids(session, q) if q and q.strip() else None
        # A search looks through every view unless one was chosen explicitly with the search.
        effective = view if (ids is None or "view" in request.query_params) else queue.View.ALL
        try:
            page = queue.list_queue(session, effective, agent_id=who.agent_id, channel=channel or None, sort=sort,
                                    cursor=cursor or None, limit=limit, ticket_ids=ids)
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad cursor") from exc
        counts = queue.counts(session, agent_id=who.agent_id)
        names = accounts.agent_names(session)
        channel_list = queue.channels(session)
    base = {"view": effective.value, "sort": sort.value, "channel": channel or "", "q": q or ""}
    next_url = "/queue?" + urlencode({**base, "cursor": page.next_cursor}) if page.next_cursor else None
    return _render(request, "queue.html", {
        "who": who, "page": page, "counts": counts, "names": names, "channels": channel_list, "view": effective.value,
        "sort": sort.value, "channel": channel or "", "q": q or "", "next_url": next_url, "first_page": not cursor,
        "views": [("new", "New"), ("open", "Open"), ("pending", "Pending"), ("solved", "Solved"),
                  ("mine", "Mine"), ("unassigned", "Unassigned"), ("all", "All")],
        "url": lambda **kw: "/queue?" + urlencode({**base, **kw}),
    })


# --- ticket -------------------------------------------------------------------------------------


@router.get("/tickets/{number}")
def ticket_page(request: Request, number: int, who: PagePrincipal, error: str | None = None) -> HTMLResponse:
    ws = workspace(request)
    with ticket_store(request).reading() as session:
        ticket = actions.load_ticket(session, number)
        data = actions.ticket_page_data(session, ticket, who, ws)
        return _render(request, "ticket.html", {"who": who, "error": error, **data})


def _back(number: int, error: str | None = None) -> Response:
    url = f"/tickets/{number}" + (f"?{urlencode({'error': error})}" if error else "")
    return RedirectResponse(url, status.HTTP_303_SEE_OTHER)


def _run(number: int, fn: Any, *args: Any) -> Response:
    try:
        fn(*args)
    except HTTPException as exc:
        if exc.status_code in (status.HTTP_404_NOT_FOUND,):
            raise
        return _back(number, str(exc.detail))
    return _back(number)


@router.post("/tickets/{number}/reply")
def reply_form(request: Request, number: int, who: PagePrincipal, text: Annotated[str, Form()],
               version: Annotated[int | None, Form()] = None) -> Response:
    return _run(number, actions.reply, ticket_store(request), workspace(request), who, number, text, version)


@router.post("/tickets/{number}/note")
def note_form(request: Request, number: int, who: PagePrincipal, text: Annotated[str, Form()]) -> Response:
    return _run(number, actions.note, ticket_store(request), workspace(request), who, number, text)


@router.post("/tickets/{number}/assign")
def assign_form(request: Request, number: int, who: PagePrincipal, agent: Annotated[str, Form()] = "",
                version: Annotated[int | None, Form()] = None) -> Response:
    agent_id = who.agent_id if agent == "me" else (int(agent) if agent.isascii() and agent.isdigit() else None)
    if agent_id is not None and agent_id > MAX_ID:
        return _back(number, "no such active agent")
    return _run(number, actions.assign, ticket_store(request), who, number, agent_id, version)


@router.post("/tickets/{number}/status")
def status_form(request: Request, number: int, who: PagePrincipal, value: Annotated[TicketStatus, Form()],
                version: Annotated[int | None, Form()] = None) -> Response:
    return _run(number, actions.set_status, ticket_store(request), number, value, version)


@router.post("/tickets/{number}/priority")
def priority_form(request: Request, number: int, who: PagePrincipal, value: Annotated[Priority, Form()],
                  version: Annotated[int | None, Form()] = None) -> Response:
    return _run(number, actions.set_priority, ticket_store(request), number, value, version)


@router.post("/tickets/{number}/merge")
def merge_form(request: Request, number: int, who: PagePrincipal, into: Annotated[int, Form()]) -> Response:
    response = _run(number, actions.merge, ticket_store(request), number, into)
    if response.headers.get("location") == f"/tickets/{number}":
        return RedirectResponse(f"/tickets/{into}", status.HTTP_303_SEE_OTHER)
    return response


# --- administration -----------------------------------------------------------------------------


@router.get("/admin/agents")
def agents_page(request: Request, who: AdminPage, error: str | None = None, token: str | None = None) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        agents = accounts.list_agents(session)
        macros = replies.list_macros(session)
    return _render(request, "admin.html", {"who": who, "agents": agents, "macros": macros, "error": error,
                                           "roles": [r.value for r in Role]})


@router.post("/admin/agents")
def add_agent_form(
    request: Request, who: AdminPage, username: Annotated[str, Form()], password: Annotated[str, Form()],
    display_name: Annotated[str, Form()] = "", role: Annotated[Role, Form()] = Role.AGENT,
) -> Response:
    try:
        with ticket_store(request).writing() as session:
            session.info["audit_actor"] = f"agent:{who.username}"
            accounts.add_agent(session, username, password, display_name=display_name or None, role=role)
    except accounts.AccountError as exc:
        return RedirectResponse("/admin/agents?" + urlencode({"error": str(exc)}), status.HTTP_303_SEE_OTHER)
    return RedirectResponse("/admin/agents", status.HTTP_303_SEE_OTHER)


@router.post("/admin/agents/{username}/active")
def agent_active_form(request: Request, who: AdminPage, username: str, active: Annotated[bool, Form()]) -> Response:
    try:
        with ticket_store(request).writing() as session:
            session.info["audit_actor"] = f"agent:{who.username}"
            accounts.set_active(session, username, active)
    except accounts.AccountError as exc:
        return RedirectResponse("/admin/agents?" + urlencode({"error": str(exc)}), status.HTTP_303_SEE_OTHER)
    return RedirectResponse("/admin/agents", status.HTTP_303_SEE_OTHER)


@router.post("/admin/macros")
def add_macro_form(request: Request, who: AdminPage, title: Annotated[str, Form()],
                   body: Annotated[str, Form()]) -> Response:
    try:
        with ticket_store(request).writing() as session:
            replies.add_macro(session, title, body)
    except ActionError as exc:
        return RedirectResponse("/admin/agents?" + urlencode({"error": str(exc)}), status.HTTP_303_SEE_OTHER)
    return RedirectResponse("/admin/agents", status.HTTP_303_SEE_OTHER)
