"""Administration (agents: add, edit name, role and e-mail, disable; macros: add, edit, delete; tags:
rename, delete) and every agent's own settings (language, landing view, shortcuts, signature,
notifications)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from models import Agent, Priority, Role, TicketStatus
from tickets import accounts, audit, groups, i18n, macros, notify, replies, tags
from tickets.guards import ActionError
from web.auth import AdminPage, PagePrincipal
from web.pages import LANG_COOKIE, VIEWS, render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)


def _to(url: str, error: str | None = None, done: str | None = None) -> Response:
    from urllib.parse import urlencode

    params = {k: v for k, v in (("error", error), ("done", done)) if v}
    return RedirectResponse(url + (f"?{urlencode(params)}" if params else ""), status.HTTP_303_SEE_OTHER)


@router.get("/admin/agents")
def agents_page(request: Request, who: AdminPage, error: str | None = None, done: str | None = None) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        agents = accounts.list_agents(session)
        macro_rows = [macros.describe(m) for m in replies.list_macros(session)]
        tag_rows = tags.list_with_counts(session)
        return render(request, "admin.html", {
            "who": who, "agents": agents, "macros": macro_rows, "tags": tag_rows, "error": error, "done": done,
            "groups": groups.all_groups(session),
            "roles": [r.value for r in Role], "statuses": [s.value for s in TicketStatus],
            "priorities": [p.value for p in Priority], "active": "admin"})


@router.post("/admin/agents")
def add_agent_form(
    request: Request, who: AdminPage, username: Annotated[str, Form()], password: Annotated[str, Form()],
    display_name: Annotated[str, Form()] = "", role: Annotated[Role, Form()] = Role.AGENT,
    email: Annotated[str, Form()] = "",
) -> Response:
    try:
        with ticket_store(request).writing() as session:
            session.info["audit_actor"] = f"agent:{who.username}"
            accounts.add_agent(session, username, password, display_name=display_name or None, role=role,
                               email=email.strip() or None)
    except accounts.AccountError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents", done="added")


@router.post("/admin/agents/{username}/edit")
def edit_agent_form(request: Request, who: AdminPage, username: str, display_name: Annotated[str, Form()],
                    role: Annotated[Role, Form()], email: Annotated[str, Form()] = "") -> Response:
    try:
        with ticket_store(request).writing() as session:
            session.info["audit_actor"] = f"agent:{who.username}"
            agent = accounts.edit_agent(session, username, display_name=display_name, role=role, email=email)
            audit.record(session, audit.actor_of(who.username), "agent.edit", "agent", agent.username,
                         {"role": str(agent.role), "email_set": agent.email is not None})
    except accounts.AccountError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents", done="saved")


@router.post("/admin/agents/{username}/active")
def agent_active_form(request: Request, who: AdminPage, username: str, active: Annotated[bool, Form()]) -> Response:
    try:
        with ticket_store(request).writing() as session:
            session.info["audit_actor"] = f"agent:{who.username}"
            accounts.set_active(session, username, active)
    except accounts.AccountError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents")


def _macro_of(form: FormData) -> tuple[str, str, macros.Actions, str]:
    """Title, text, actions and reply mode of the macro form; ``ActionError`` for what is not understood."""
    actions = macros.parse({key: str(form.get(key) or "") for key in
                            ("status", "priority", "assignee", "group", "add_tags", "remove_tags")})
    return (str(form.get("title") or ""), str(form.get("body") or ""), actions,
            str(form.get("reply_mode") or "insert"))


@router.post("/admin/macros")
async def add_macro_form(request: Request, who: AdminPage) -> Response:
    form = await request.form()

    def save() -> None:
        title, body, actions, mode = _macro_of(form)
        with ticket_store(request).writing() as session:
            macro = macros.create(session, title, body, actions, mode)
            audit.record(session, audit.actor_of(who.username), "macro.add", "macro", macro.id, macro.actions)

    try:
        await run_in_threadpool(save)
    except ActionError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents", done="added")


@router.post("/admin/macros/{macro_id}")
async def edit_macro_form(request: Request, who: AdminPage, macro_id: int) -> Response:
    form = await request.form()
    delete = form.get("delete") == "true"

    def save() -> None:
        with ticket_store(request).writing() as session:
            if delete:
                macros.get(session, macro_id)
                replies.delete_macro(session, macro_id)
                audit.record(session, audit.actor_of(who.username), "macro.delete", "macro", macro_id, {})
                return
            title, body, actions, mode = _macro_of(form)
            macro = macros.edit(session, macro_id, title, body, actions, mode)
            audit.record(session, audit.actor_of(who.username), "macro.edit", "macro", macro.id, macro.actions)

    try:
        await run_in_threadpool(save)
    except ActionError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents", done="deleted" if delete else "saved")


@router.post("/admin/tags/{tag_id}")
def tag_admin_form(request: Request, who: AdminPage, tag_id: int, name: Annotated[str, Form()] = "",
                   delete: Annotated[bool, Form()] = False) -> Response:
    """Rename a tag everywhere (onto an existing name: the two merge), or delete it from every ticket."""
    try:
        with ticket_store(request).writing() as session:
            if not 0 < tag_id < 2**31:
                raise ActionError("no such tag")
            if delete:
                gone = tags.delete_tag(session, tag_id)
                audit.record(session, audit.actor_of(who.username), "tag.delete", "tag", tag_id, {"tag": gone})
            else:
                tag = tags.rename(session, tag_id, name[:64])
                audit.record(session, audit.actor_of(who.username), "tag.rename", "tag", tag_id, {"tag": tag.name})
    except ActionError as exc:
        return _to("/admin/agents", error=str(exc))
    return _to("/admin/agents", done="deleted" if delete else "saved")


# --- the agent's own settings -----------------------------------------------------------------------


@router.get("/settings")
def settings_page(request: Request, who: PagePrincipal, done: str | None = None,
                  error: str | None = None) -> HTMLResponse:
    agent = None
    if who.agent_id is not None:
        with ticket_store(request).reading() as session:
            agent = session.get(Agent, who.agent_id)
    prefs = notify.settings_of(agent) if agent is not None else dict(notify.DEFAULTS)
    return render(request, "settings.html", {
        "who": who, "agent": agent, "prefs": prefs, "views": VIEWS, "events": notify.EVENTS, "labels": notify.LABELS,
        "done": done, "error": error, "active": "settings"})


def _notify_form(form: FormData) -> dict[str, object]:
    chosen: dict[str, object] = {event: [way for way in ("app", "mail") if form.get(f"{event}_{way}")]
                                 for event in notify.EVENTS}
    try:
        chosen["due_hours"] = max(1, min(168, int(str(form.get("due_hours") or 2))))
    except ValueError:
        chosen["due_hours"] = 2
    return chosen


@router.post("/settings")
async def save_settings(request: Request, who: PagePrincipal) -> Response:
    form = await request.form()
    if who.agent_id is None:
        return _to("/settings", error="the deployment token has no settings")
    lang = str(form.get("lang") or "")
    view = str(form.get("landing_view") or "")

    def save() -> None:
        with ticket_store(request).writing() as session:
            accounts.set_preferences(
                session, who.agent_id or 0, lang=lang if lang in i18n.LANGUAGES else None,
                landing_view=view if view in {v for v, _ in VIEWS} else None,
                shortcuts=bool(form.get("shortcuts")), signature=str(form.get("signature") or ""),
                notify=_notify_form(form))

    await run_in_threadpool(save)
    response = _to("/settings", done="saved")
    if lang in i18n.LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", path="/")
    else:
        response.delete_cookie(LANG_COOKIE, path="/")
    return response
