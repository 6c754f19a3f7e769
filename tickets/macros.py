"""Macros (issue 22): a canned reply that may also act, so one click does what an agent does in five.

A macro is the existing canned reply (``models.Macro``: title and text with ``{{variables}}``) plus
``actions``, what it changes on the ticket: status, priority, assignee ("me": whoever applies it,
"nobody", or an agent's id), group (a group's id, or "none"), tags to add and tags to remove, and
``reply_mode``: its text goes into the reply box ("insert", the agent reads and sends it) or is sent as
the reply ("send").

Applying one is not a new way to change a ticket: ``web.actions.apply_macro`` runs each step through
the ticket actions of ``tickets.replies`` and ``tickets.tags`` inside one guarded transaction
(``tickets.guards.load_for_write``: art. 18 restriction, version check), so every step records its
ticket event and audit entry as if the agent had done it by hand. This module holds what a macro is:
its stored form, its validation and its administration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from models import Agent, Macro, Priority, TicketStatus, utcnow
from models.mailboxes import Group
from tickets import tags
from tickets.guards import ActionError

REPLY_MODES = ("insert", "send")
MAX_TAGS = 10


@dataclass(frozen=True, slots=True)
class Actions:
    """What a macro changes; None (or empty) leaves that part of the ticket as it is."""

    status: TicketStatus | None = None
    priority: Priority | None = None
    # "me" (the agent applying it), "nobody", or an agent's id as digits.
    assignee: str | None = None
    # A group's id as digits, or "none" (take the ticket out of its group).
    group: str | None = None
    add_tags: tuple[str, ...] = field(default_factory=tuple)
    remove_tags: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.status is not None:
            out["status"] = self.status.value
        if self.priority is not None:
            out["priority"] = self.priority.value
        if self.assignee:
            out["assignee"] = self.assignee
        if self.group:
            out["group"] = self.group
        if self.add_tags:
            out["add_tags"] = list(self.add_tags)
        if self.remove_tags:
            out["remove_tags"] = list(self.remove_tags)
        return out

    def empty(self) -> bool:
        return not self.as_dict()

    def assignee_for(self, applying_agent: int | None) -> tuple[bool, int | None]:
        """(whether to assign, to whom) when the agent ``applying_agent`` applies the macro."""
        if not self.assignee:
            return False, None
        if self.assignee == "me":
            return applying_agent is not None, applying_agent
        if self.assignee == "nobody":
            return True, None
        return True, int(self.assignee)


def _tag_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace(",", " ").split() if part]
    if not isinstance(value, list | tuple):
        raise ActionError("tags must be a list of names")
    names = tuple(dict.fromkeys(tags.normalize(str(v)) for v in value))
    if len(names) > MAX_TAGS:
        raise ActionError(f"a macro changes at most {MAX_TAGS} tags each way")
    return names


def parse(data: dict[str, Any] | None) -> Actions:
    """Actions from their stored or submitted form; ``ActionError`` for anything not understood."""
    data = dict(data or {})
    try:
        status = TicketStatus(data["status"]) if data.get("status") else None
        priority = Priority(data["priority"]) if data.get("priority") else None
    except ValueError as exc:
        raise ActionError("unknown status or priority") from exc
    assignee = str(data.get("assignee") or "").strip() or None
    if assignee is not None and assignee not in ("me", "nobody") and not (assignee.isascii() and assignee.isdigit()
                                                                         and len(assignee) <= 18):
        raise ActionError("the assignee is 'me', 'nobody' or an agent's id")
    group = str(data.get("group") or "").strip() or None
    if group is not None and group != "none" and not _row_id(group):
        raise ActionError("the group is a group's id or 'none'")
    add, remove = _tag_list(data.get("add_tags") or []), _tag_list(data.get("remove_tags") or [])
    if set(add) & set(remove):
        raise ActionError("a macro cannot add and remove the same tag")
    unknown = set(data) - {"status", "priority", "assignee", "group", "add_tags", "remove_tags"}
    if unknown:
        raise ActionError(f"unknown macro actions: {', '.join(sorted(unknown))}")
    return Actions(status=status, priority=priority, assignee=assignee, group=group, add_tags=add, remove_tags=remove)


def _row_id(value: str) -> bool:
    return value.isascii() and value.isdigit() and 0 < int(value) < 2**31


def of(macro: Macro) -> Actions:
    return parse(macro.actions)


def _check(session: Session, title: str, body: str, actions: Actions, reply_mode: str) -> None:
    if not title.strip():
        raise ActionError("a macro needs a title")
    if not body.strip() and actions.empty():
        raise ActionError("a macro needs a text or at least one action")
    if reply_mode not in REPLY_MODES:
        raise ActionError("the reply mode is 'insert' or 'send'")
    if reply_mode == "send" and not body.strip():
        raise ActionError("a macro that sends a reply needs a text")
    if actions.assignee and actions.assignee not in ("me", "nobody"):
        agent = session.get(Agent, int(actions.assignee))
        if agent is None or not agent.active:
            raise ActionError("no such active agent")
    if actions.group and actions.group != "none" and session.get(Group, int(actions.group)) is None:
        raise ActionError("no such group")


def get(session: Session, macro_id: int) -> Macro:
    macro = session.get(Macro, macro_id) if 0 < macro_id < 2**31 else None
    if macro is None:
        raise ActionError("no such macro")
    return macro


def create(session: Session, title: str, body: str, actions: Actions, reply_mode: str = "insert") -> Macro:
    _check(session, title, body, actions, reply_mode)
    macro = Macro(title=title.strip()[:120], body=body, actions=actions.as_dict(), reply_mode=reply_mode)
    session.add(macro)
    session.flush()
    return macro


def edit(session: Session, macro_id: int, title: str, body: str, actions: Actions,
         reply_mode: str = "insert") -> Macro:
    macro = get(session, macro_id)
    _check(session, title, body, actions, reply_mode)
    macro.title, macro.body, macro.updated_at = title.strip()[:120], body, utcnow()
    macro.actions, macro.reply_mode = actions.as_dict(), reply_mode
    return macro


def describe(macro: Macro) -> dict[str, Any]:
    """The macro for the API and the pages (its raw text; variables are filled when it is applied)."""
    return {"id": macro.id, "title": macro.title, "body": macro.body, "reply_mode": macro.reply_mode,
            "actions": of(macro).as_dict()}

