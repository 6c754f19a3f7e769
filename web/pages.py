"""The agents' HTML pages: login, queue, ticket (server-rendered with Jinja2, in Dutch or English).

Every form posts back and is answered with a 303 redirect (post/redirect/get), so reloading never
repeats an action. Keyboard shortcuts and polling come from ``static/keys.js``; the pages work without
it. Administration and the agent's own settings are in ``web.admin``.
"""

from __future__ import annotations

import functools
import re
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from models import Priority, TicketStatus
from tickets import accounts, audit, drafts, i18n, notify, queue, search, tags
from tickets.accounts import Principal
from web import actions, icons, ticket_view
from web.api import MAX_ID
from web.auth import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    AuthSettings,
    PagePrincipal,
    client_address,
    cookie_secure,
    set_session_cookie,
)
from web.workspace import ticket_store, workspace

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
_PLACEHOLDER = re.compile(r"&lt;([A-Z][A-Z_]*?)_(\d+)&gt;")
LANG_COOKIE = "sd_lang"
router = APIRouter(include_in_schema=False)


def chips(text: str | None, known: dict[str, str] | None = None) -> Markup:
    """Scrubbed text with each placeholder (``<PERSON_1>``) shown as a chip naming its type, or, when it is a
    field of the linked customer (``known``), as that field."""
    escaped = str(escape(text or ""))

    def one(m: re.Match[str]) -> str:
        kind, number = m.group(1), m.group(2)
        value = (known or {}).get(f"{kind}_{number}")
        label = i18n.gettext(kind.replace("_", " ").lower())
        if value is not None:
            title = i18n.gettext("from the customer directory (stored as {label} {number})").format(
                label=label, number=number)
            return f'<span class="known" title="{escape(title)}">{escape(value)}</span>'
        title = i18n.gettext("removed: {label}").format(label=label)
        return f'<span class="chip chip-{kind.lower()}" title="{escape(title)}">{escape(label)} {number}</span>'

    return Markup(_PLACEHOLDER.sub(one, escaped))  # noqa: S704 (input escaped above; only our own markup is added)


def _when(d: Any) -> str:
    return d.strftime("%d-%m-%Y %H:%M") if d and i18n.current.get() == "nl" else (
        d.strftime("%d %b %Y %H:%M") if d else "")


def snippet(value: str | None) -> Markup:
    """A search snippet: chips, and the found words marked."""
    html = str(chips(value))
    return Markup(html.replace(search.MARK_START, "<mark>").replace(search.MARK_END, "</mark>"))  # noqa: S704


templates.env.filters["chips"] = chips
templates.env.filters["snippet"] = snippet
templates.env.filters["when"] = _when
templates.env.filters["iso"] = lambda d: d.isoformat() if d else ""
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    lambda message: i18n.gettext(message), lambda s, p, n: i18n.ngettext(s, p, n), newstyle=True)
templates.env.globals["icon"] = icons.icon
templates.env.globals["languages"] = i18n.NAMES


def language_of(request: Request, who: Principal | None = None) -> str:
    """The agent's chosen language, else the language cookie, else the browser's Accept-Language."""
    if who is not None and who.lang:
        return i18n.language(who.lang)
    cookie = request.cookies.get(LANG_COOKIE)
    return i18n.language(cookie) if cookie else i18n.negotiate(request.headers.get("accept-language"))


def render(request: Request, name: str, context: dict[str, Any], code: int = 200) -> HTMLResponse:
    """A page in the caller's language (set for this request's context only)."""
    lang = language_of(request, context.get("who"))
    i18n.current.set(lang)
    ws = workspace(request)
    return templates.TemplateResponse(request, name, {"lang": lang, "poll_seconds": ws.poll_seconds, **context},
                                      status_code=code)


_render = render


def _safe_next(value: str | None) -> str:
    # Only local paths: an open redirect after login would help phishing.
    return value if value and value.startswith("/") and not value.startswith("//") else "/queue"


# --- login and logout ---------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request, next: str | None = None, error: str | None = None) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = render(request, "login.html", {"login_csrf": token, "next": _safe_next(next), "error": error},
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
    i18n.current.set(language_of(request))
    if result.outcome == "blocked":
        refused = render(request, "login.html", {**again, "error": i18n.gettext(
            "Too many failed attempts. Wait a few minutes.")}, code=status.HTTP_429_TOO_MANY_REQUESTS)
        # RFC 6585 section 4: 429 may say when to try again.
        refused.headers["Retry-After"] = str(int(auth.limiter.window.total_seconds()))
        return refused
    if result.session_token is None:
        with ticket_store(request).writing() as session:
            # Which account was tried, never what was typed: an unknown name may be a mistyped password.
            audit.record(session, "anonymous", audit.LOGIN_FAILED, "agent", result.agent_id, {"client": client})
        return render(request, "login.html", {**again, "error": i18n.gettext("Wrong username or password.")},
                      code=401)
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

VIEWS = [("new", "New"), ("open", "Open"), ("pending", "Pending"), ("solved", "Solved"),
         ("mine", "Mine"), ("unassigned", "Unassigned"), ("all", "All")]


def landing(who: Principal) -> queue.View:
    """The view an agent lands on: the agent's choice, else "new" (where tickets wait first)."""
    try:
        return queue.View(who.landing_view or "new")
    except ValueError:
        return queue.View.NEW


@router.get("/")
def home(who: PagePrincipal) -> Response:
    return RedirectResponse("/queue", status.HTTP_303_SEE_OTHER)


def narrowing(value: str) -> int | None:
    """A group or mailbox filter of the queue: an id, "none" (0: tickets without one), else no filter."""
    value = value.strip().lower()
    if value == "none":
        return 0
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID else None


@router.get("/queue")
def queue_page(
    request: Request, who: PagePrincipal,
    view: queue.View | None = None, sort: queue.Sort = queue.Sort.ACTIVITY,
    channel: str | None = None, q: str | None = None, cursor: str | None = None,
    limit: Annotated[int, Query(ge=10, le=200)] = 50, tag: Annotated[str, Query(max_length=32)] = "",
    group: Annotated[str, Query(max_length=12)] = "", mailbox: Annotated[str, Query(max_length=12)] = "",
) -> Response:
    chosen = view or landing(who)
    group_id, mailbox_id = narrowing(group), narrowing(mailbox)
    with ticket_store(request).reading() as session:
        found = search.find(session, q) if q and q.strip() else None
        if found is not None and found.ticket_number is not None and not cursor:
            # The search box jumps straight to a ticket given its number.
            return RedirectResponse(f"/tickets/{found.ticket_number}", status.HTTP_303_SEE_OTHER)
        # A search looks through every view unless one was chosen explicitly with the search.
        effective = chosen if (found is None or view is not None) else queue.View.ALL
        try:
            page = queue.list_queue(session, effective, agent_id=who.agent_id, channel=channel or None, sort=sort,
                                    cursor=cursor or None, limit=limit, tag=tag or None, group=group_id,
                                    mailbox=mailbox_id, ticket_ids=found.ticket_ids if found is not None else None)
        except ValueError as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad cursor") from exc
        queue.enrich(session, page.rows)
        if found is not None:
            search.add_snippets(session, page.rows, found)
        group_views = queue.group_views(session, who.agent_id)
        counts = queue.counts(session, agent_id=who.agent_id, mine=group_views)
        names = accounts.agent_names(session)
        channel_list = queue.channels(session)
        tag_list = tags.most_used(session)
        group_list, mailbox_list = queue.groups(session), queue.mailboxes(session)
        unread = notify.unread(session, who.agent_id) if who.agent_id is not None else 0
    base = {"view": effective.value, "sort": sort.value, "channel": channel or "", "q": q or "",
            **({"tag": tag} if tag else {}), **({"group": group} if group_id is not None else {}),
            **({"mailbox": mailbox} if mailbox_id is not None else {})}
    next_url = "/queue?" + urlencode({**base, "cursor": page.next_cursor}) if page.next_cursor else None
    return render(request, "queue.html", {
        "who": who, "page": page, "counts": counts, "names": names, "channels": channel_list, "view": effective.value,
        "sort": sort.value, "channel": channel or "", "q": q or "", "next_url": next_url, "first_page": not cursor,
        "views": VIEWS, "unread": unread, "found": found, "tag": tag, "tag_list": tag_list,
        "group": group if group_id is not None else "", "mailbox": mailbox if mailbox_id is not None else "",
        "group_views": group_views, "group_list": group_list, "mailbox_list": mailbox_list,
        "url": lambda **kw: "/queue?" + urlencode({**base, **kw}),
    })


# --- ticket -------------------------------------------------------------------------------------


@router.get("/tickets/{number}")
def ticket_page(request: Request, number: int, who: PagePrincipal, error: str | None = None,
                sent: str | None = None) -> HTMLResponse:
    ws = workspace(request)
    with ticket_store(request).reading() as session:
        ticket = actions.load_ticket(session, number)
        data = ticket_view.ticket_page_data(session, ticket, who, ws)
        unread = notify.unread(session, who.agent_id) if who.agent_id is not None else 0
        ticket_unread = who.agent_id is not None and unread and notify.unread_of_ticket(session, who.agent_id,
                                                                                         ticket.id)
        response = render(request, "ticket.html", {"who": who, "error": error, "sent": sent, "unread": unread,
                                                   **data})
    if ticket_unread and who.agent_id is not None:
        with ticket_store(request).writing() as session:  # opening the ticket reads its notifications
            notify.mark_read(session, who.agent_id, ticket.id)
    return response


def _back(number: int, error: str | None = None, sent: str | None = None, anchor: str = "") -> Response:
    params = {k: v for k, v in (("error", error), ("sent", sent)) if v}
    url = f"/tickets/{number}" + (f"?{urlencode(params)}" if params else "") + anchor
    return RedirectResponse(url, status.HTTP_303_SEE_OTHER)


def _run(number: int, fn: Any, *args: Any, sent: str | None = None) -> Response:
    try:
        fn(*args)
    except HTTPException as exc:
        if exc.status_code in (status.HTTP_404_NOT_FOUND,):
            raise
        return _back(number, str(exc.detail))
    return _back(number, sent=sent, anchor="#status-message" if sent else "")


def _keep_draft(request: Request, who: Principal, number: int, kind: str, text: str) -> None:
    """A refused reply or note is kept as the agent's draft, so the page shows it again (issue 21)."""
    if who.agent_id is None:
        return
    with ticket_store(request).writing() as session:
        ticket = actions.load_ticket(session, number)
        drafts.save(session, who.agent_id, ticket.id, kind, text)


def _write(request: Request, who: Principal, number: int, kind: str, text: str, fn: Any, *args: Any) -> Response:
    try:
        fn(*args)
    except HTTPException as exc:
        if exc.status_code == status.HTTP_404_NOT_FOUND:
            raise
        _keep_draft(request, who, number, kind, text)
        return _back(number, str(exc.detail), anchor=f"#{kind}-box")
    return _back(number, sent=kind, anchor="#status-message")


@router.post("/tickets/{number}/reply")
def reply_form(request: Request, number: int, who: PagePrincipal, text: Annotated[str, Form()],
               version: Annotated[int | None, Form()] = None) -> Response:
    return _write(request, who, number, "reply", text, actions.reply, ticket_store(request), workspace(request), who,
                  number, text, version)


@router.post("/tickets/{number}/note")
def note_form(request: Request, number: int, who: PagePrincipal, text: Annotated[str, Form()]) -> Response:
    return _write(request, who, number, "note", text, actions.note, ticket_store(request), workspace(request), who,
                  number, text)


def _agent_field(who: Principal, agent: str) -> int | None:
    return who.agent_id if agent == "me" else (int(agent) if agent.isascii() and agent.isdigit() else None)


@router.post("/tickets/{number}/assign")
def assign_form(request: Request, number: int, who: PagePrincipal, agent: Annotated[str, Form()] = "",
                version: Annotated[int | None, Form()] = None) -> Response:
    agent_id = _agent_field(who, agent)
    if agent_id is not None and agent_id > MAX_ID:
        return _back(number, "no such active agent")
    return _run(number, actions.assign, ticket_store(request), who, number, agent_id, version)


@router.post("/tickets/{number}/status")
def status_form(request: Request, number: int, who: PagePrincipal, value: Annotated[TicketStatus, Form()],
                version: Annotated[int | None, Form()] = None) -> Response:
    return _run(number, actions.set_status, ticket_store(request), who, number, value, version)


@router.post("/tickets/{number}/priority")
def priority_form(request: Request, number: int, who: PagePrincipal, value: Annotated[Priority, Form()],
                  version: Annotated[int | None, Form()] = None) -> Response:
    return _run(number, actions.set_priority, ticket_store(request), who, number, value, version)


@router.post("/tickets/{number}/update")
def update_form(request: Request, number: int, who: PagePrincipal,
                status_: Annotated[TicketStatus | None, Form(alias="status")] = None,
                priority: Annotated[Priority | None, Form()] = None, agent: Annotated[str, Form()] = "keep",
                group: Annotated[str, Form(max_length=12)] = "keep",
                version: Annotated[int | None, Form()] = None) -> Response:
    """The ticket page's one form: status, priority, assignee ("" = nobody) and group ("none") saved together."""
    agent_id = None if agent == "keep" else (0 if agent == "" else _agent_field(who, agent))
    if agent not in ("keep", "") and (agent_id is None or agent_id > MAX_ID):
        return _back(number, "no such active agent")
    group_id = None if group == "keep" else narrowing(group)
    if group != "keep" and group_id is None:
        return _back(number, "no such group")
    change = actions.Update(status=status_, priority=priority, assignee=agent_id, group=group_id)
    return _run(number, actions.update, ticket_store(request), who, number, change, version, sent="update")


@router.post("/tickets/{number}/merge")
def merge_form(request: Request, number: int, who: PagePrincipal, into: Annotated[int, Form()]) -> Response:
    response = _run(number, actions.merge, ticket_store(request), who, number, into)
    if response.headers.get("location") == f"/tickets/{number}":
        return RedirectResponse(f"/tickets/{into}", status.HTTP_303_SEE_OTHER)
    return response


@router.post("/tickets/{number}/customer")
def customer_form(request: Request, number: int, who: PagePrincipal, customer_number: Annotated[str, Form()] = "",
                  link_contact: Annotated[bool, Form()] = False) -> Response:
    """Link the ticket to a customer of the directory by customer number (empty: unlink)."""
    return _run(number, actions.link_customer, ticket_store(request), who, number, customer_number[:64] or None,
                link_contact, sent="customer")


@router.post("/tickets/{number}/tags")
def tag_form(request: Request, number: int, who: PagePrincipal, name: Annotated[str, Form()] = "",
             remove: Annotated[bool, Form()] = False) -> Response:
    """Add a tag to the ticket, or (``remove``) take one off."""
    return _run(number, functools.partial(actions.tag, add=not remove), ticket_store(request), who, number, name[:64],
                sent="tags")


@router.post("/tickets/{number}/macro")
def macro_form(request: Request, number: int, who: PagePrincipal, macro: Annotated[int, Form(ge=1, le=2**31 - 1)],
               version: Annotated[int | None, Form()] = None) -> Response:
    """Apply a macro; a text to insert comes back in the reply box (kept as the agent's draft)."""
    try:
        done = actions.apply_macro(ticket_store(request), workspace(request), who, number, macro, version)
    except HTTPException as exc:
        if exc.status_code == status.HTTP_404_NOT_FOUND:
            raise
        return _back(number, str(exc.detail))
    return _back(number, sent="macro", anchor="#reply-box" if done["text"] else "#status-message")
