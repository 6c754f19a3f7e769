"""Administration of automation rules (issue 22): ``/admin/rules``.

Rules are data (``models.rules``) checked by one parser (``tickets.rules_spec``) whichever way they come
in: this page's form, or a JSON file (export and import, all or nothing). A refused form comes back
(400) with the admin's typed values and one line per bad field, so nothing typed is lost. The form
offers one action of each kind, in a fixed order (reply, status, priority, assignee, group, tags, notify); a
rule with several actions of one kind, or in another order, is written as JSON and imported.
Evaluation is not here: ``tickets.rules`` runs the rules after commit in serve's ``rules`` role.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from models import Agent, Channel, Priority, TicketStatus
from models.rules import SINCE, TRIGGER_TIME, TRIGGERS
from tickets import audit, queue, replies, rules_spec
from tickets.accounts import Principal
from tickets.guards import ActionError
from tickets.i18n import N_
from web.auth import AdminPage
from web.pages import render
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
PAGE = "/admin/rules"
MAX_IMPORT_BYTES = 1_000_000

TRIGGER_LABELS = {"ticket_created": N_("Ticket created"), "customer_replied": N_("Customer replied"),
                  "time_passed": N_("Time passed")}
SINCE_LABELS = {"unanswered": N_("the customer's unanswered message"),
                "customer_message": N_("the customer's last message"), "created": N_("the ticket was created")}
PRIVACY_LABELS = {"request_open": N_("open privacy request"), "possible_request": N_("possible privacy request")}
# The form's fields of conditions: lists ticked, and texts typed as comma-separated values.
_TICKED = ("channel", "mailbox", "priority", "status", "privacy")
_TYPED = ("language", "tags_all", "tags_any", "tags_none", "words", "pii")
# The form's one action of each kind, in the order they run: (form field, action type, its field).
_ACTIONS = (("macro", "macro", "macro"), ("set_status", "set_status", "status"),
            ("set_priority", "set_priority", "priority"), ("assign", "assign", "agent"),
            ("assign_group", "assign_group", "group"), ("add_tags", "tag", "tags"),
            ("remove_tags", "untag", "tags"), ("notify", "notify", "to"))


def _to(url: str, **params: str) -> Response:
    query = "&".join(f"{k}={v}" for k, v in params.items() if v)
    return RedirectResponse(url + (f"?{query}" if query else ""), status.HTTP_303_SEE_OTHER)


def view_of_form(form: FormData) -> dict[str, Any]:
    """The typed values, as the form shows them again."""
    view: dict[str, Any] = {name: str(form.get(name) or "").strip() for name in
                            ("name", "trigger", "after_minutes", "since", *_TYPED, *(a[0] for a in _ACTIONS))}
    view |= {name: [str(v) for v in form.getlist(name)] for name in _TICKED}
    view["enabled"] = form.get("enabled") == "true"
    view["business_time"] = form.get("business_time") == "true"
    return view


def data_of_view(view: dict[str, Any]) -> dict[str, Any]:
    """The rule's JSON form (what ``rules_spec.parse`` reads) from the form's values."""
    conditions = {name: view[name] for name in (*_TICKED, *_TYPED) if view.get(name)}
    actions: list[dict[str, Any]] = []
    for field, kind, key in _ACTIONS:
        value: Any = view.get(field)
        if value:
            if kind == "macro":
                value = int(value) if str(value).isdigit() else value
            actions.append({"type": kind, key: value})
    data: dict[str, Any] = {"name": view["name"], "trigger": view["trigger"], "enabled": view["enabled"],
                            "conditions": conditions, "actions": actions}
    if view["trigger"] == TRIGGER_TIME:
        minutes = view.get("after_minutes")
        data["time"] = {"after_minutes": int(str(minutes)) if str(minutes).isdigit() else minutes,
                        "since": view.get("since"), "business_time": bool(view.get("business_time"))}
    return data


def view_of_data(data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The form's values of a stored rule, and whether the form can show all of its actions."""
    conditions = data.get("conditions") or {}
    view: dict[str, Any] = {"name": data["name"], "trigger": data["trigger"], "enabled": data["enabled"]}
    view |= {name: list(conditions.get(name, [])) for name in _TICKED}
    view |= {name: ", ".join(conditions.get(name, [])) for name in _TYPED}
    kinds = [action["type"] for action in data.get("actions") or []]
    form_order = [kind for _f, kind, _k in _ACTIONS if kind in kinds]
    for field, kind, key in _ACTIONS:
        found = next((a for a in data.get("actions") or [] if a["type"] == kind), None)
        value = found[key] if found else ""
        view[field] = ", ".join(value) if isinstance(value, list) else str(value)
    time = data.get("time") or {}
    view |= {"after_minutes": str(time.get("after_minutes") or ""), "since": time.get("since") or "",
             "business_time": bool(time.get("business_time"))}
    return view, len(set(kinds)) == len(kinds) and form_order == kinds


def _empty_view() -> dict[str, Any]:
    view, _ok = view_of_data({"name": "", "trigger": "ticket_created", "enabled": True})
    return view


def _page(request: Request, who: Principal, *, edit_id: int | None = None, view: dict[str, Any] | None = None,
          errors: list[str] | None = None, done: str | None = None, code: int = 200,
          import_text: str = "") -> HTMLResponse:
    with ticket_store(request).reading() as session:
        rows = [{"id": r.id, "enabled": r.enabled, **rules_spec.as_json(r)} for r in rules_spec.ordered(session)]
        shown, whole = view, True
        if edit_id is not None and view is None:
            shown, whole = view_of_data(rules_spec.as_json(rules_spec.get(session, edit_id)))
        agents = list(session.scalars(select(Agent.username).where(Agent.active.is_(True)).order_by(Agent.username)))
        macros = [(m.id, m.title) for m in replies.list_macros(session)]
        group_list, mailbox_list = queue.groups(session), queue.mailboxes(session)
    return render(request, "admin_rules.html", {
        "who": who, "rules": rows, "edit_id": edit_id, "view": shown or _empty_view(), "whole": whole,
        "errors": errors or [], "done": done, "active": "admin", "import_text": import_text,
        "triggers": TRIGGERS, "trigger_labels": TRIGGER_LABELS, "since": SINCE, "since_labels": SINCE_LABELS,
        "channels": [c.value for c in Channel], "priorities": [p.value for p in Priority],
        "statuses": [s.value for s in TicketStatus], "privacy_labels": PRIVACY_LABELS, "agents": agents,
        "macros": macros, "groups": group_list, "mailboxes": mailbox_list}, code)


@router.get(PAGE)
def rules_page(request: Request, who: AdminPage, done: str | None = None) -> HTMLResponse:
    return _page(request, who, done=done)


@router.get(PAGE + "/export")
def export_rules(request: Request, who: AdminPage) -> Response:
    with ticket_store(request).reading() as session:
        body = json.dumps(rules_spec.export(session), ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="scrubdesk-rules.json"'})


@router.get(PAGE + "/{rule_id}")
def rule_page(request: Request, who: AdminPage, rule_id: int, done: str | None = None) -> Response:
    try:
        return _page(request, who, edit_id=rule_id, done=done)
    except ActionError:
        return _to(PAGE)


def _save(request: Request, who: Principal, rule_id: int | None, view: dict[str, Any]) -> int:
    with ticket_store(request).writing() as session:
        spec = rules_spec.parse(session, data_of_view(view))
        rule = rules_spec.create(session, spec) if rule_id is None else rules_spec.update(session, rule_id, spec)
        audit.record(session, audit.actor_of(who.username), "rule.add" if rule_id is None else "rule.edit", "rule",
                     rule.id, {"trigger": rule.trigger, "enabled": rule.enabled,
                               "actions": [a["type"] for a in rule.actions]})
        return rule.id


@router.post(PAGE)
async def add_rule(request: Request, who: AdminPage) -> Response:
    view = view_of_form(await request.form())
    try:
        rule_id = await run_in_threadpool(_save, request, who, None, view)
    except rules_spec.RuleError as exc:
        return _page(request, who, view=view, errors=exc.errors, code=400)
    return _to(f"{PAGE}/{rule_id}", done="added")


@router.post(PAGE + "/import")
async def import_rules(request: Request, who: AdminPage) -> Response:
    text = str((await request.form()).get("rules_json") or "")

    def save() -> int:
        if len(text.encode()) > MAX_IMPORT_BYTES:
            raise rules_spec.RuleError([f"the file: at most {MAX_IMPORT_BYTES} bytes"])
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise rules_spec.RuleError([f"the file: not JSON ({exc.msg}, line {exc.lineno})"]) from exc
        with ticket_store(request).writing() as session:
            count = rules_spec.import_all(session, data)
            audit.record(session, audit.actor_of(who.username), "rule.import", "rule", None, {"rules": count})
            return count

    try:
        await run_in_threadpool(save)
    except rules_spec.RuleError as exc:
        return _page(request, who, errors=exc.errors, code=400, import_text=text)
    return _to(PAGE, done="imported")


@router.post(PAGE + "/{rule_id}")
async def edit_rule(request: Request, who: AdminPage, rule_id: int) -> Response:
    view = view_of_form(await request.form())
    try:
        await run_in_threadpool(_save, request, who, rule_id, view)
    except rules_spec.RuleError as exc:
        return _page(request, who, edit_id=rule_id, view=view, errors=exc.errors, code=400)
    except ActionError:
        return _to(PAGE)
    return _to(f"{PAGE}/{rule_id}", done="saved")


async def _change(request: Request, who: AdminPage, rule_id: int, action: str, detail: dict[str, Any]) -> Response:
    def save() -> None:
        with ticket_store(request).writing() as session:
            if action == "rule.delete":
                rules_spec.remove(session, rule_id)
            elif action == "rule.move":
                rules_spec.move(session, rule_id, int(detail["step"]))
            else:
                rules_spec.get(session, rule_id).enabled = bool(detail["enabled"])
            audit.record(session, audit.actor_of(who.username), action, "rule", rule_id, detail)

    with contextlib.suppress(ActionError):  # a rule deleted meanwhile: the list shows what there is
        await run_in_threadpool(save)
    return _to(PAGE, done="saved")


@router.post(PAGE + "/{rule_id}/enabled")
async def enable_rule(request: Request, who: AdminPage, rule_id: int) -> Response:
    enabled = (await request.form()).get("enabled") == "true"
    return await _change(request, who, rule_id, "rule.enable" if enabled else "rule.disable", {"enabled": enabled})


@router.post(PAGE + "/{rule_id}/move")
async def move_rule(request: Request, who: AdminPage, rule_id: int) -> Response:
    step = -1 if (await request.form()).get("step") == "up" else 1
    return await _change(request, who, rule_id, "rule.move", {"step": step})


@router.post(PAGE + "/{rule_id}/delete")
async def delete_rule(request: Request, who: AdminPage, rule_id: int) -> Response:
    return await _change(request, who, rule_id, "rule.delete", {})
