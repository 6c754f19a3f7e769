"""The ticket actions shared by the HTML pages and the JSON API, each one transaction.

Both front ends call these, so the UI and the API cannot drift apart; errors of ``tickets.replies``
become HTTP errors here (409 for a stale ticket or an unavailable channel, 400 for a refused action).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, status
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import Priority, Ticket, TicketStatus
from tickets import audit, drafts, groups, guards, macros, notify, replies, store, tags
from tickets.accounts import Principal
from web.workspace import Workspace

log = logging.getLogger(__name__)


# What a row id can be in the store (PostgreSQL bigint, SQLite INTEGER).
def load_ticket(session: Session, number: int) -> Ticket:
    """A ticket to read (the pages and the API); writes go through ``tickets.guards.load_for_write``."""
    ticket = store.ticket_by_number(session, number)
    if ticket is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
    return ticket


def _http(exc: guards.ActionError | guards.NoSuchTicket | StaleDataError) -> HTTPException:
    if isinstance(exc, guards.NoSuchTicket):
        return HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
    if isinstance(exc, guards.ReadOnlyTicket):
        # RFC 4918 section 11.3: the resource is locked. The pages show the message on the ticket.
        return HTTPException(status.HTTP_423_LOCKED, str(exc))
    if isinstance(exc, StaleDataError):
        # Two saves overlapped (two agents, two processes): both passed the version check, and the
        # version_id_col's ``UPDATE ... WHERE version = ?`` refused the later one. Same answer as a stale form.
        exc = guards.StaleTicket("the ticket was changed by someone else; reload it")
    code = status.HTTP_409_CONFLICT if isinstance(exc, guards.StaleTicket | replies.ChannelUnavailable) else (
        status.HTTP_400_BAD_REQUEST)
    return HTTPException(code, str(exc))


def _scrubber(ws: Workspace) -> Any:
    if ws.scrubber is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the scrubber is not loaded; cannot store text")
    return ws.scrubber


@contextmanager
def _acting(ts: store.TicketStore, number: int, version: int | None = None) -> Iterator[tuple[Session, Ticket]]:
    """One action's transaction on one ticket, loaded through every guard; refusals become HTTP errors."""
    try:
        with ts.writing() as session:
            yield session, guards.load_for_write(session, number, version=version)
    except (guards.ActionError, guards.NoSuchTicket, StaleDataError) as exc:
        raise _http(exc) from exc


def actor(who: Principal) -> str:
    """The actor string of events and audit entries: ``agent:<username>``, or ``api`` for the global token."""
    return audit.actor_of(who.username if who.agent_id is not None else None)


def _audit(session: Session, who: Principal, action: str, number: int, detail: dict[str, Any]) -> None:
    # Agent actions in the general audit trail too (issue 21): what and on which ticket, never text.
    audit.record(session, actor(who), action, "ticket", number, detail)


def reply(ts: store.TicketStore, ws: Workspace, who: Principal, number: int, text: str,
          version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        message = replies.reply(session, ticket, agent_id=who.agent_id, text=text, scrubber=_scrubber(ws),
                                identity=ws.identity, available_channels=ws.reply_channels(), actor=actor(who),
                                own=ws.operator)
        result = {"message_id": message.id, "external_id": message.mail_ref, "channel": message.channel,
                  "ticket_number": ticket.number, "status": str(ticket.status),
                  "queued_only": ws.mail_queued_only(message.channel)}
        _audit(session, who, "ticket.reply", ticket.number, {"message_id": message.id, "channel": message.channel})
        if who.agent_id is not None:
            drafts.discard(session, who.agent_id, ticket.id, "reply")
    log.info("web: reply ticket=%s message=%s agent=%s", number, result["message_id"], who.agent_id)
    if ws.wake_outbox is not None:
        ws.wake_outbox()
    return result


def note(ts: store.TicketStore, ws: Workspace, who: Principal, number: int, text: str) -> dict[str, Any]:
    with _acting(ts, number) as (session, ticket):
        message = replies.note(session, ticket, agent_id=who.agent_id, text=text, scrubber=_scrubber(ws),
                               own=ws.operator)
        _audit(session, who, "ticket.note", ticket.number, {"message_id": message.id})
        notify.mentions(session, ticket, text, who.agent_id, actor(who))
        if who.agent_id is not None:
            drafts.discard(session, who.agent_id, ticket.id, "note")
        return {"message_id": message.id, "ticket_number": ticket.number}


def assign(ts: store.TicketStore, who: Principal, number: int, agent_id: int | None,
           version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        if replies.assign(session, ticket, agent_id, actor=actor(who)):
            _audit(session, who, "ticket.assign", ticket.number, {"agent_id": agent_id})
            notify.assigned(session, ticket, agent_id, who.agent_id)
        return {"ticket_number": ticket.number, "assignee_id": ticket.assignee_id}


def set_status(ts: store.TicketStore, who: Principal, number: int, value: TicketStatus,
               version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        if replies.set_status(session, ticket, value, actor=actor(who)):
            _audit(session, who, "ticket.status", ticket.number, {"status": value.value})
        return {"ticket_number": ticket.number, "status": str(ticket.status)}


def set_priority(ts: store.TicketStore, who: Principal, number: int, value: Priority,
                 version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        if replies.set_priority(session, ticket, value, actor=actor(who)):
            _audit(session, who, "ticket.priority", ticket.number, {"priority": value.value})
        return {"ticket_number": ticket.number, "priority": str(ticket.priority)}


def _move_to_group(session: Session, ticket: Ticket, who: Principal, group_id: int | None) -> bool:
    """The ticket's group through ``tickets.groups`` (event ``group``), audited, its members told."""
    if not groups.set_group(session, ticket, group_id, actor=actor(who)):
        return False
    _audit(session, who, "ticket.group", ticket.number, {"group_id": group_id})
    groups.tell_members(session, ticket, who.agent_id)
    return True


def set_group(ts: store.TicketStore, who: Principal, number: int, group_id: int | None,
              version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        _move_to_group(session, ticket, who, group_id)
        return {"ticket_number": ticket.number, "group_id": ticket.group_id}


@dataclass(frozen=True, slots=True)
class Update:
    """The combined form: each field left None stays as it is; ``assignee`` 0 means nobody, ``group`` 0 none."""

    status: TicketStatus | None = None
    priority: Priority | None = None
    assignee: int | None = None
    group: int | None = None


def update(ts: store.TicketStore, who: Principal, number: int, change: Update, version: int | None) -> dict[str, Any]:
    """Status, priority and assignee in one transaction and one version check (the ticket page's one form)."""
    with _acting(ts, number, version) as (session, ticket):
        done: dict[str, Any] = {}
        if change.status is not None and replies.set_status(session, ticket, change.status, actor=actor(who)):
            done["status"] = change.status.value
        if change.priority is not None and replies.set_priority(session, ticket, change.priority, actor=actor(who)):
            done["priority"] = change.priority.value
        if change.assignee is not None:
            target = change.assignee or None
            if replies.assign(session, ticket, target, actor=actor(who)):
                done["agent_id"] = target
                notify.assigned(session, ticket, target, who.agent_id)
        if change.group is not None and _move_to_group(session, ticket, who, change.group or None):
            done["group_id"] = change.group or None
        if done:
            _audit(session, who, "ticket.update", ticket.number, done)
        return {"ticket_number": ticket.number, "status": str(ticket.status), "priority": str(ticket.priority),
                "assignee_id": ticket.assignee_id, "group_id": ticket.group_id, "changed": sorted(done)}


def merge(ts: store.TicketStore, who: Principal, number: int, into: int) -> dict[str, Any]:
    with _acting(ts, number) as (session, source):
        try:
            target = guards.load_for_write(session, into)
        except (guards.ActionError, guards.NoSuchTicket) as exc:
            raise _http(exc) from exc
        replies.merge(session, source, target, actor=actor(who))
        _audit(session, who, "ticket.merge", source.number, {"into": target.number})
        return {"ticket_number": target.number, "merged": source.number}


def link_customer(ts: store.TicketStore, who: Principal, number: int, customer_number: str | None,
                  link_contact: bool = True) -> dict[str, Any]:
    """Link the ticket to a customer of the directory by customer number (or unlink), audited."""
    with _acting(ts, number) as (session, ticket):
        customer = replies.link_customer(session, ticket, customer_number, link_contact=link_contact,
                                         actor=actor(who))
        _audit(session, who, "ticket.link_customer", ticket.number,
               {"customer_id": customer.id if customer else None, "contact": link_contact})
        return {"ticket_number": ticket.number, "customer_id": ticket.customer_id,
                "customer_number": customer.number if customer else None}


def tag(ts: store.TicketStore, who: Principal, number: int, name: str, *, add: bool = True) -> dict[str, Any]:
    """Put a tag on the ticket (or take it off), audited; the name must pass ``tickets.tags.normalize``."""
    with _acting(ts, number) as (session, ticket):
        changed = (tags.add if add else tags.remove)(session, ticket, name, actor=actor(who))
        if changed:
            _audit(session, who, "ticket.tag" if add else "ticket.untag", ticket.number, {"tag": tags.normalize(name)})
        return {"ticket_number": ticket.number, "tags": tags.names_of(session, [ticket.id]).get(ticket.id, []),
                "changed": changed}


def _macro_steps(session: Session, ticket: Ticket, who: Principal, steps: macros.Actions) -> list[str]:
    """The macro's changes, each through the same ticket action (event and audit entry) as by hand."""
    done: list[str] = []
    by = actor(who)
    if steps.status is not None and replies.set_status(session, ticket, steps.status, actor=by):
        _audit(session, who, "ticket.status", ticket.number, {"status": steps.status.value})
        done.append("status")
    if steps.priority is not None and replies.set_priority(session, ticket, steps.priority, actor=by):
        _audit(session, who, "ticket.priority", ticket.number, {"priority": steps.priority.value})
        done.append("priority")
    assign, target = steps.assignee_for(who.agent_id)
    if assign and replies.assign(session, ticket, target, actor=by):
        _audit(session, who, "ticket.assign", ticket.number, {"agent_id": target})
        notify.assigned(session, ticket, target, who.agent_id)
        done.append("assignee")
    if steps.group is not None and _move_to_group(session, ticket, who,
                                                  None if steps.group == "none" else int(steps.group)):
        done.append("group")
    for name in steps.add_tags:
        if tags.add(session, ticket, name, actor=by):
            _audit(session, who, "ticket.tag", ticket.number, {"tag": name})
            done.append(f"+{name}")
    for name in steps.remove_tags:
        if tags.remove(session, ticket, name, actor=by):
            _audit(session, who, "ticket.untag", ticket.number, {"tag": name})
            done.append(f"-{name}")
    return done


def apply_macro(ts: store.TicketStore, ws: Workspace, who: Principal, number: int, macro_id: int,
                version: int | None) -> dict[str, Any]:
    """Apply a macro in one transaction behind one guard and version check: its reply first (sent, or
    returned as ``text`` for the reply box and kept as the agent's draft), then its changes, so a macro
    that sends and solves leaves the ticket solved rather than the reply's automatic "pending"."""
    with _acting(ts, number, version) as (session, ticket):
        macro = macros.get(session, macro_id)
        steps = macros.of(macro)
        text = replies.render_macro(macro.body, replies.macro_variables(session, ticket, who.display_name)).strip()
        result: dict[str, Any] = {"ticket_number": ticket.number, "macro_id": macro.id, "text": None,
                                  "message_id": None}
        if text and macro.reply_mode == "send":
            message = replies.reply(session, ticket, agent_id=who.agent_id, text=text, scrubber=_scrubber(ws),
                                    identity=ws.identity, available_channels=ws.reply_channels(), actor=actor(who),
                                    own=ws.operator)
            _audit(session, who, "ticket.reply", ticket.number, {"message_id": message.id, "channel": message.channel})
            result["message_id"] = message.id
        elif text:
            result["text"] = text
            if who.agent_id is not None:
                drafts.save(session, who.agent_id, ticket.id, "reply", text)
        done = _macro_steps(session, ticket, who, steps)
        _audit(session, who, "ticket.macro", ticket.number, {"macro_id": macro.id, "changed": done})
        result |= {"changed": done, "status": str(ticket.status), "priority": str(ticket.priority),
                   "assignee_id": ticket.assignee_id, "group_id": ticket.group_id,
                   "tags": tags.names_of(session, [ticket.id]).get(ticket.id, [])}
    if result["message_id"] is not None and ws.wake_outbox is not None:
        ws.wake_outbox()
    return result
