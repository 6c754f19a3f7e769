"""Administration of groups (teams, issue 22): ``/admin/groups``: list, create, rename, delete, members.

What a group is and does lives in ``tickets.groups``; this page only edits them, for administrators
(``AdminPage``), with the session's CSRF token like every form. Each change is one audit entry (ids and
counts, never the members' names). A refused form comes back with its message and nothing changed.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from tickets import accounts, audit, groups
from tickets.guards import ActionError
from web.auth import AdminPage
from web.pages import render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
BASE = "/admin/groups"


def _to(url: str, **params: str | None) -> Response:
    query = urlencode({k: v for k, v in params.items() if v})
    return RedirectResponse(url + (f"?{query}" if query else ""), status.HTTP_303_SEE_OTHER)


def _members(form: FormData) -> list[int]:
    values = [str(v) for v in form.getlist("members")]
    if any(not (v.isascii() and v.isdigit() and 0 < int(v) < 2**31) for v in values):
        raise ActionError("no such agent")
    return [int(v) for v in values]


def _page(request: Request, who: AdminPage, *, edit_id: int | None = None, error: str | None = None,
          done: str | None = None) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        rows = groups.listing(session)
        edit = None
        if edit_id is not None:
            edit = next((row for row in rows if row.group.id == edit_id), None)
            if edit is None:
                raise ActionError("no such group")
        agents = accounts.list_agents(session)
        return render(request, "admin_groups.html", {
            "who": who, "rows": rows, "edit": edit, "agents": agents,
            "names": {a.id: a.display_name for a in agents}, "error": error, "done": done, "active": "admin"})


@router.get(BASE)
def groups_page(request: Request, who: AdminPage, error: str | None = None, done: str | None = None) -> HTMLResponse:
    return _page(request, who, error=error, done=done)


@router.get(BASE + "/{group_id}")
def group_page(request: Request, who: AdminPage, group_id: int, error: str | None = None,
               done: str | None = None) -> Response:
    try:
        return _page(request, who, edit_id=group_id, error=error, done=done)
    except ActionError as exc:
        return _to(BASE, error=str(exc))


@router.post(BASE)
async def add_group(request: Request, who: AdminPage) -> Response:
    form = await request.form()

    def save() -> int:
        members = _members(form)
        with ticket_store(request).writing() as session:
            group = groups.create(session, str(form.get("name") or ""), str(form.get("description") or ""))
            session.flush()
            groups.set_members(session, group.id, members)
            audit.record(session, audit.actor_of(who.username), "group.add", "group", group.id,
                         {"members": len(members)})
            return group.id

    try:
        await run_in_threadpool(save)
    except ActionError as exc:
        return _to(BASE, error=str(exc))
    return _to(BASE, done="added")


@router.post(BASE + "/{group_id}")
async def edit_group(request: Request, who: AdminPage, group_id: int) -> Response:
    form = await request.form()

    def save() -> None:
        members = _members(form)
        with ticket_store(request).writing() as session:
            groups.rename(session, group_id, str(form.get("name") or ""), str(form.get("description") or ""))
            added, removed = groups.set_members(session, group_id, members)
            audit.record(session, audit.actor_of(who.username), "group.edit", "group", group_id,
                         {"added": added, "removed": removed})

    try:
        await run_in_threadpool(save)
    except ActionError as exc:
        return _to(f"{BASE}/{group_id}" if 0 < group_id < 2**31 else BASE, error=str(exc))
    return _to(f"{BASE}/{group_id}", done="saved")


@router.post(BASE + "/{group_id}/delete")
async def delete_group(request: Request, who: AdminPage, group_id: int) -> Response:
    def save() -> None:
        with ticket_store(request).writing() as session:
            groups.remove(session, group_id)
            audit.record(session, audit.actor_of(who.username), "group.delete", "group", group_id, {})

    try:
        await run_in_threadpool(save)
    except ActionError as exc:
        return _to(BASE, error=str(exc))
    return _to(BASE, done="deleted")
