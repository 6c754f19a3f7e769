"""Administration of mailboxes (brands, issue 22): one page, ``/admin/mailboxes``, for administrators.

A mailbox is an identity of the company (``tickets.mailboxes``): the inbound addresses that belong to
it, the name, address and signature its mail goes out with, its acknowledgement texts (NL/EN) and the
group its new tickets land in. The list and the "add" form are on the page; each mailbox has its own
edit form at ``/admin/mailboxes/<id>``. A refused form comes back (400) with the admin's typed values
and the reason, so nothing typed is lost. After a change the cached address map is forgotten
(``tickets.mailboxes.invalidate``) once the transaction has committed, so the next message already
routes by it in this process, and within the cache time in others.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from models.mailboxes import Mailbox
from tickets import audit, mailboxes
from tickets.accounts import Principal
from tickets.guards import ActionError
from web.auth import AdminPage
from web.pages import render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
PAGE = "/admin/mailboxes"
_NEW = {"name": "", "sender_name": "", "sender_address": "", "signature": "", "ack_template_nl": "",
        "ack_template_en": "", "default_group_id": "", "addresses": "", "active": "on"}


def _fields(session: Session, m: Mailbox) -> dict[str, str]:
    return {"name": m.name, "sender_name": m.sender_name, "sender_address": m.sender_address,
            "signature": m.signature or "", "ack_template_nl": m.ack_template_nl or "",
            "ack_template_en": m.ack_template_en or "", "default_group_id": str(m.default_group_id or ""),
            "addresses": "\n".join(mailboxes.addresses_of(session, m.id)), "active": "on" if m.active else ""}


def _page(request: Request, who: Principal, *, edit_id: int | None = None, done: str | None = None,
          error: str | None = None, typed: dict[str, str] | None = None) -> Response:
    """The list with the add form, or one mailbox's edit form; ``typed``: a refused form's values."""
    with ticket_store(request).reading() as session:
        rows = [(m, mailboxes.addresses_of(session, m.id)) for m in mailboxes.mailboxes(session)]
        groups = mailboxes.groups(session)
        edit = session.get(Mailbox, edit_id) if edit_id is not None else None
        if edit_id is not None and edit is None:
            return RedirectResponse(PAGE, status.HTTP_303_SEE_OTHER)
        values = typed or (_fields(session, edit) if edit is not None else dict(_NEW))
    group_names = dict(groups)
    return render(request, "admin_mailboxes.html", {
        "who": who, "active": "admin", "done": done, "error": error, "rows": rows, "groups": groups,
        "group_names": group_names, "edit_id": edit_id, "edit_name": edit.name if edit is not None else None,
        "v": values}, code=400 if error else 200)


@router.get(PAGE)
def mailboxes_page(request: Request, who: AdminPage, done: str | None = None) -> Response:
    return _page(request, who, done=done)


@router.get(PAGE + "/{mailbox_id}")
def mailbox_page(request: Request, who: AdminPage, mailbox_id: int, done: str | None = None) -> Response:
    return _page(request, who, edit_id=mailbox_id, done=done)


async def _submit(request: Request, who: Principal, edit_id: int | None,
                  change: Callable[[Session, dict[str, str], str], str]) -> Response:
    """Run ``change(session, form, actor)`` in one transaction; it returns where to go next."""
    form = {k: str(v) for k, v in (await request.form()).items() if k != "csrf_token"}
    actor = audit.actor_of(who.username)

    def save() -> str:
        with ticket_store(request).writing() as session:
            where = change(session, form, actor)
        mailboxes.invalidate()  # committed: the next message routes by the new addresses
        return where

    try:
        where = await run_in_threadpool(save)
    except ActionError as exc:
        return _page(request, who, edit_id=edit_id, error=str(exc), typed=form)
    return RedirectResponse(where, status.HTTP_303_SEE_OTHER)


@router.post(PAGE)
async def add_mailbox(request: Request, who: AdminPage) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        values, addresses = mailboxes.parse_mailbox(session, form)
        mailbox = mailboxes.save(session, None, values, addresses, actor)
        return f"{PAGE}/{mailbox.id}?done=added"

    return await _submit(request, who, None, change)


@router.post(PAGE + "/{mailbox_id}")
async def edit_mailbox(request: Request, who: AdminPage, mailbox_id: int) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        if form.get("delete") == "true":
            mailboxes.delete_mailbox(session, mailbox_id, actor)
            return f"{PAGE}?done=deleted"
        values, addresses = mailboxes.parse_mailbox(session, form)
        mailboxes.save(session, mailbox_id, values, addresses, actor)
        return f"{PAGE}/{mailbox_id}?done=saved"

    return await _submit(request, who, mailbox_id, change)
