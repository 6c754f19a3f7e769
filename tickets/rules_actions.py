"""What a rule can do to a ticket: the action kinds, each a checked JSON object ``{"type": ..., ...}``.

Each kind is one entry of ``KINDS``: how its fields are checked when a rule is saved or imported, and
how it is applied. Applying goes through the same ticket actions an agent's click does
(``tickets.tags``, ``tickets.replies``, ``tickets.notify``), so every change records its ticket event,
with the actor ``rule:<id>``: that is how a rule's own changes are told apart and never trigger rules.
A new kind is one more entry here and one more form row (``assign_group`` was: ``tickets.groups``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agent, Macro, Priority, Role, Ticket, TicketStatus
from scrubber import TextScrubber
from tickets import groups, macros, notify, operator, replies, tags
from tickets.guards import ActionError
from tickets.replies import MailIdentity

MAX_ACTIONS = 20


class Replier(Protocol):
    """Sends a canned reply as the workspace would (scrubbed as stored, queued in the outbox)."""

    def send(self, session: Session, ticket: Ticket, text: str, actor: str) -> None: ...


@dataclass(frozen=True, slots=True)
class ReplySender:
    """The workspace's way of replying (``tickets.replies.reply``), without an agent."""

    scrubber: TextScrubber
    identity: MailIdentity
    channels: Collection[str]
    own: operator.OperatorIdentity | None = None

    def send(self, session: Session, ticket: Ticket, text: str, actor: str) -> None:
        replies.reply(session, ticket, agent_id=None, text=text, scrubber=self.scrubber, identity=self.identity,
                      available_channels=self.channels, actor=actor, own=self.own)


@dataclass(frozen=True, slots=True)
class Run:
    """One rule firing on one ticket: what an action needs."""

    session: Session
    ticket: Ticket
    rule_id: int
    rule_name: str
    key: str  # names the firing (the dedupe key of its ticket event)
    replier: Replier | None

    @property
    def actor(self) -> str:
        return f"rule:{self.rule_id}"


class NoReplier(ActionError):
    """A rule would send a reply, but this process has no scrubber to store it with."""


Check = Callable[[Session, dict[str, Any], str, list[str]], dict[str, Any]]
Apply = Callable[[Run, dict[str, Any]], bool]


@dataclass(frozen=True, slots=True)
class Kind:
    check: Check
    apply: Apply


def _tag_names(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    value = data.get("tags")
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        errors.append(f"{where}.tags: a list of one or more tag names")
        return {}
    try:
        return {"tags": list(dict.fromkeys(tags.normalize(v) for v in value))[:macros.MAX_TAGS]}
    except tags.BadTagName as exc:
        errors.append(f"{where}.tags: {exc}")
        return {}


def _choice(name: str, allowed: tuple[str, ...]) -> Check:
    def check(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
        value = str(data.get(name) or "").lower()
        if value not in allowed:
            errors.append(f"{where}.{name}: one of {', '.join(allowed)}")
            return {}
        return {name: value}

    return check


def _agent(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    value = str(data.get("agent") or "").strip().lower()
    if value == "nobody":
        return {"agent": value}
    agent = session.scalars(select(Agent).where(Agent.username == value)).first() if value else None
    if agent is None or not agent.active:
        errors.append(f"{where}.agent: an active agent's username or 'nobody'")
        return {}
    return {"agent": agent.username}


def _group(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    """A group by id or (an export from another workspace) by name, stored by id; "none": no group."""
    value = data.get("group")
    if isinstance(value, str) and value.strip().lower() == "none":
        return {"group": "none"}
    group = groups.find(session, value)
    if group is None:
        errors.append(f"{where}.group: the id or the name of an existing group, or 'none'")
        return {}
    return {"group": group.id}


def _macro(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    value = data.get("macro")
    macro = None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31:
        macro = session.get(Macro, value)
    elif isinstance(value, str) and value.strip():
        # By title, so an export from another workspace imports here; stored by id (a rename keeps it).
        found = list(session.scalars(select(Macro).where(Macro.title == value.strip()).limit(2)))
        macro = found[0] if len(found) == 1 else None
    if macro is None:
        errors.append(f"{where}.macro: the id or the (unique) title of an existing macro")
        return {}
    try:
        steps = macros.of(macro)
    except ActionError as exc:
        errors.append(f"{where}.macro: {exc}")
        return {}
    if steps.assignee == "me":
        errors.append(f"{where}.macro: a macro that assigns to 'me' needs an agent; a rule has none")
        return {}
    return {"macro": macro.id}


def _recipient(session: Session, data: dict[str, Any], where: str, errors: list[str]) -> dict[str, Any]:
    value = str(data.get("to") or "").strip().lower()
    if value in ("assignee", "admins"):
        return {"to": value}
    found = _agent(session, {"agent": value}, where, [])
    if not found or found["agent"] == "nobody":
        errors.append(f"{where}.to: 'assignee', 'admins' or an active agent's username")
        return {}
    return {"to": found["agent"]}


def _add_tags(run: Run, data: dict[str, Any]) -> bool:
    return any([tags.add(run.session, run.ticket, name, actor=run.actor) for name in data["tags"]])


def _remove_tags(run: Run, data: dict[str, Any]) -> bool:
    return any([tags.remove(run.session, run.ticket, name, actor=run.actor) for name in data["tags"]])


def _set_priority(run: Run, data: dict[str, Any]) -> bool:
    return replies.set_priority(run.session, run.ticket, Priority(data["priority"]), actor=run.actor)


def _set_status(run: Run, data: dict[str, Any]) -> bool:
    return replies.set_status(run.session, run.ticket, TicketStatus(data["status"]), actor=run.actor)


def _assign(run: Run, data: dict[str, Any]) -> bool:
    agent_id = None
    if data["agent"] != "nobody":
        agent = run.session.scalars(select(Agent).where(Agent.username == data["agent"])).first()
        if agent is None:
            raise ActionError("no such active agent")
        agent_id = agent.id
    changed = replies.assign(run.session, run.ticket, agent_id, actor=run.actor)
    if changed:
        notify.assigned(run.session, run.ticket, agent_id, None)
    return changed


def _assign_group(run: Run, data: dict[str, Any]) -> bool:
    target = None if data["group"] == "none" else int(data["group"])
    changed = groups.set_group(run.session, run.ticket, target, actor=run.actor)
    if changed:
        groups.tell_members(run.session, run.ticket, None)
    return changed


def _apply_macro(run: Run, data: dict[str, Any]) -> bool:
    """The macro's reply first (only a "send" macro's; an "insert" text is for an agent's reply box),
    then its changes, as ``web.actions.apply_macro`` does for an agent."""
    macro = macros.get(run.session, data["macro"])
    steps = macros.of(macro)
    text = replies.render_macro(macro.body, replies.macro_variables(run.session, run.ticket, "")).strip()
    changed = False
    if text and macro.reply_mode == "send":
        if run.replier is None:
            raise NoReplier("no scrubber to store a rule's reply with")
        run.replier.send(run.session, run.ticket, text, run.actor)
        changed = True
    if steps.status is not None:
        changed |= _set_status(run, {"status": steps.status.value})
    if steps.priority is not None:
        changed |= _set_priority(run, {"priority": steps.priority.value})
    do_assign, agent_id = steps.assignee_for(None)
    if do_assign:
        changed |= replies.assign(run.session, run.ticket, agent_id, actor=run.actor)
    if steps.group is not None:
        changed |= _assign_group(run, {"group": steps.group})
    changed |= bool(steps.add_tags) and _add_tags(run, {"tags": steps.add_tags})
    changed |= bool(steps.remove_tags) and _remove_tags(run, {"tags": steps.remove_tags})
    return changed


def _notify(run: Run, data: dict[str, Any]) -> bool:
    to = data["to"]
    query = select(Agent).where(Agent.active.is_(True))
    if to == "assignee":
        if run.ticket.assignee_id is None:
            return False
        query = query.where(Agent.id == run.ticket.assignee_id)
    elif to == "admins":
        query = query.where(Agent.role == Role.ADMIN)
    else:
        query = query.where(Agent.username == to)
    return notify.by_rule(run.session, run.ticket, list(run.session.scalars(query)), run.rule_name, run.key) > 0


KINDS: dict[str, Kind] = {
    "tag": Kind(_tag_names, _add_tags),
    "untag": Kind(_tag_names, _remove_tags),
    "set_priority": Kind(_choice("priority", tuple(p.value for p in Priority)), _set_priority),
    "set_status": Kind(_choice("status", tuple(s.value for s in TicketStatus)), _set_status),
    "assign": Kind(_agent, _assign),
    "assign_group": Kind(_group, _assign_group),
    "macro": Kind(_macro, _apply_macro),
    "notify": Kind(_recipient, _notify),
}
_FIELDS = {"tag": {"tags"}, "untag": {"tags"}, "set_priority": {"priority"}, "set_status": {"status"},
           "assign": {"agent"}, "assign_group": {"group"}, "macro": {"macro"}, "notify": {"to"}}


def parse_list(session: Session, data: Any, where: str, errors: list[str]) -> list[dict[str, Any]]:
    """The checked actions (errors appended to ``errors``, one per bad field)."""
    if not isinstance(data, list) or not data:
        errors.append(f"{where}: a list of one or more actions")
        return []
    if len(data) > MAX_ACTIONS:
        errors.append(f"{where}: at most {MAX_ACTIONS} actions")
        return []
    out = []
    for index, item in enumerate(data):
        here = f"{where}[{index}]"
        kind = KINDS.get(str(item.get("type"))) if isinstance(item, dict) else None
        if kind is None or not isinstance(item, dict):
            errors.append(f"{here}.type: one of {', '.join(KINDS)}")
            continue
        for name in sorted(set(item) - _FIELDS[item["type"]] - {"type"}):
            errors.append(f"{here}.{name}: unknown field")
        checked = kind.check(session, item, here, errors)
        if checked:
            out.append({"type": item["type"], **checked})
    return out


def apply(run: Run, action: dict[str, Any]) -> bool:
    """Apply one stored action; whether it changed anything."""
    return KINDS[action["type"]].apply(run, action)
