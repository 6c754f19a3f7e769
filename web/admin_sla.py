"""Administration of SLA policies and business hours (issue 22): one page, ``/admin/sla``.

Each policy and each set of business hours is its own form; a refused form comes back (400) with the
admin's typed values and the reason, so nothing typed is lost. The rules and their storage live in
``tickets.sla_edit``; after a change the cached policies are forgotten (``tickets.sla.invalidate``)
once the transaction has committed, so the next stored message already follows the new policy here,
and within ``tickets.sla``'s cache time in other processes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from models import Channel, Priority, utcnow
from models.sla import BusinessHours, SlaPolicy
from tickets import audit, i18n, mailboxes, sla, sla_edit
from tickets.accounts import Principal
from tickets.guards import ActionError
from web.auth import AdminPage
from web.pages import render, templates
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
PAGE = "/admin/sla"


def duration(seconds: float) -> str:
    """ "2 d 3 h", "3 h 20 min", "12 min": two units at most, in the page's language."""
    minutes = int(abs(seconds) // 60)
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    parts = [(days, i18n.gettext("{n} d")), (hours, i18n.gettext("{n} h")), (mins, i18n.gettext("{n} min"))]
    shown = [text.format(n=n) for n, text in parts if n][:2]
    return " ".join(shown) or i18n.gettext("{n} min").format(n=0)


def time_left(due_at: datetime | None, now: datetime | None = None) -> Markup:
    """The queue's due column: the time left until the SLA target, or how long it is overdue."""
    if due_at is None:
        return Markup("")
    left = (due_at - (now or utcnow())).total_seconds()
    if left >= 0:
        return escape(i18n.gettext("{time} left").format(time=duration(left)))
    text = i18n.gettext("{time} overdue").format(time=duration(left))
    return Markup('<strong class="overdue">{}</strong>').format(text)  # the text is escaped by format


# The queue template shows the time left with this filter (the SLA work's page registers it here), and
# the ticket page's SLA box the business time a paused clock keeps with ``duration``.
templates.env.filters["time_left"] = time_left
templates.env.filters["duration"] = duration


def _hours_text(minutes: int | None) -> str:
    return "" if minutes is None else f"{minutes / 60:g}"


def _policy_fields(p: SlaPolicy) -> dict[str, str]:
    return {"name": p.name, "priority": p.priority or "", "channel": p.channel or "",
            "mailbox_id": str(p.mailbox_id or ""), "position": str(p.position),
            "business_hours_id": str(p.business_hours_id or ""),
            "first_response": _hours_text(p.first_response_minutes),
            "next_response": _hours_text(p.next_response_minutes), "resolution": _hours_text(p.resolution_minutes),
            "escalate_priority": "on" if p.escalate_priority else "", "escalate_tag": p.escalate_tag or "",
            "active": "on" if p.active else ""}


def _hours_fields(h: BusinessHours) -> dict[str, str]:
    return {"name": h.name, "timezone": h.timezone, "holidays": h.holidays or "",
            **dict(zip(sla_edit.DAYS, h.weekly, strict=True))}


_NEW_POLICY = {"name": "", "priority": "", "channel": "", "mailbox_id": "", "position": "0", "business_hours_id": "",
               "first_response": "", "next_response": "", "resolution": "", "escalate_priority": "",
               "escalate_tag": sla.DEFAULT_TAG, "active": "on"}
_NEW_HOURS = {"name": "", "timezone": "Europe/Amsterdam", "holidays": "NL",
              **{day: ("09:00-17:00" if i < 5 else "") for i, day in enumerate(sla_edit.DAYS)}}


def _page(request: Request, who: Principal, *, done: str | None = None, error: str | None = None,
          typed: tuple[str, dict[str, str]] | None = None) -> HTMLResponse:
    """The page; ``typed``: (form key, values) of a refused form, shown instead of the stored values."""
    with ticket_store(request).reading() as session:
        forms = _forms(session)
    if typed is not None:
        forms["values"][typed[0]] = typed[1]
    return render(request, "admin_sla.html", {
        "who": who, "active": "admin", "done": done, "error": error, "failed": typed[0] if typed else None,
        "days": sla_edit.DAYS, "priorities": [p.value for p in Priority], "channels": [c.value for c in Channel],
        "countries": sla_edit.HOLIDAY_COUNTRIES, **forms}, code=400 if error else 200)


def _forms(session: Session) -> dict[str, Any]:
    policies, hours = sla_edit.policies(session), sla_edit.hours_list(session)
    values = {f"policy-{p.id}": _policy_fields(p) for p in policies}
    values |= {f"hours-{h.id}": _hours_fields(h) for h in hours}
    values |= {"policy-new": dict(_NEW_POLICY), "hours-new": dict(_NEW_HOURS)}
    return {"policies": policies, "hours": [(h.id, h.name) for h in hours], "values": values,
            "mailboxes": [(m.id, m.name) for m in mailboxes.mailboxes(session)]}


def _done(what: str) -> Response:
    return RedirectResponse(f"{PAGE}?done={what}", status.HTTP_303_SEE_OTHER)


@router.get(PAGE)
def sla_page(request: Request, who: AdminPage, done: str | None = None) -> HTMLResponse:
    return _page(request, who, done=done)


async def _submit(request: Request, who: Principal, key: str, change: Any) -> Response:
    """Run ``change(session, form, actor)`` in one transaction; a refusal re-shows the typed form."""
    form = {k: str(v) for k, v in (await request.form()).items() if k != "csrf_token"}
    actor = audit.actor_of(who.username)

    def save() -> str:
        with ticket_store(request).writing() as session:
            done: str = change(session, form, actor)
        sla.invalidate()  # committed: every clock event from now on reads the new policies
        return done

    try:
        done = await run_in_threadpool(save)
    except ActionError as exc:
        return _page(request, who, error=str(exc), typed=(key, form))
    return _done(done)


@router.post(f"{PAGE}/policies")
async def add_policy(request: Request, who: AdminPage) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        sla_edit.save_policy(session, None, sla_edit.parse_policy(session, form), actor)
        return "added"

    return await _submit(request, who, "policy-new", change)


@router.post(PAGE + "/policies/{policy_id}")
async def edit_policy(request: Request, who: AdminPage, policy_id: int) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        if form.get("delete") == "true":
            sla_edit.delete_policy(session, policy_id, actor)
            return "deleted"
        sla_edit.save_policy(session, policy_id, sla_edit.parse_policy(session, form), actor)
        return "saved"

    return await _submit(request, who, f"policy-{policy_id}", change)


@router.post(f"{PAGE}/apply")
async def apply_now(request: Request, who: AdminPage) -> Response:
    """Re-target every open ticket's clock to the policies as they are now (else: from its next event)."""
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        count = sla.recompute_open(session, utcnow())
        audit.record(session, actor, "sla.apply", "sla_policy", None, {"tickets": count})
        return "applied"

    return await _submit(request, who, "apply", change)


@router.post(f"{PAGE}/hours")
async def add_hours(request: Request, who: AdminPage) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        sla_edit.save_hours(session, None, form, actor)
        return "added"

    return await _submit(request, who, "hours-new", change)


@router.post(PAGE + "/hours/{hours_id}")
async def edit_hours(request: Request, who: AdminPage, hours_id: int) -> Response:
    def change(session: Session, form: dict[str, str], actor: str) -> str:
        if form.get("delete") == "true":
            sla_edit.delete_hours(session, hours_id, actor)
            return "deleted"
        sla_edit.save_hours(session, hours_id, form, actor)
        return "saved"

    return await _submit(request, who, f"hours-{hours_id}", change)
