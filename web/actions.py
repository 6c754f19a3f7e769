"""The ticket actions shared by the HTML pages and the JSON API, each one transaction.

Both front ends call these, so the UI and the API cannot drift apart; errors of ``tickets.replies``
become HTTP errors here (409 for a stale ticket or an unavailable channel, 400 for a refused action).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import Agent, Contact, Customer, Direction, OutboxEntry, Priority, Ticket, TicketEvent, TicketStatus
from tickets import guards, replies, store
from tickets.accounts import Principal
from tickets.service_window import WINDOWED_CHANNELS, service_window
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


def reply(ts: store.TicketStore, ws: Workspace, who: Principal, number: int, text: str,
          version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        message = replies.reply(session, ticket, agent_id=who.agent_id, text=text, scrubber=_scrubber(ws),
                                identity=ws.identity, available_channels=ws.available_channels)
        result = {"message_id": message.id, "external_id": message.mail_ref, "channel": message.channel,
                  "ticket_number": ticket.number, "status": str(ticket.status)}
    log.info("web: reply ticket=%s message=%s agent=%s", number, result["message_id"], who.agent_id)
    if ws.wake_outbox is not None:
        ws.wake_outbox()
    return result


def note(ts: store.TicketStore, ws: Workspace, who: Principal, number: int, text: str) -> dict[str, Any]:
    with _acting(ts, number) as (session, ticket):
        message = replies.note(session, ticket, agent_id=who.agent_id, text=text, scrubber=_scrubber(ws))
        return {"message_id": message.id, "ticket_number": ticket.number}


def assign(ts: store.TicketStore, who: Principal, number: int, agent_id: int | None,
           version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        replies.assign(session, ticket, agent_id)
        return {"ticket_number": ticket.number, "assignee_id": ticket.assignee_id}


def set_status(ts: store.TicketStore, number: int, value: TicketStatus, version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        replies.set_status(session, ticket, value)
        return {"ticket_number": ticket.number, "status": str(ticket.status)}


def set_priority(ts: store.TicketStore, number: int, value: Priority, version: int | None) -> dict[str, Any]:
    with _acting(ts, number, version) as (session, ticket):
        replies.set_priority(session, ticket, value)
        return {"ticket_number": ticket.number, "priority": str(ticket.priority)}


def merge(ts: store.TicketStore, number: int, into: int) -> dict[str, Any]:
    with _acting(ts, number) as (session, source):
        try:
            target = guards.load_for_write(session, into)
        except (guards.ActionError, guards.NoSuchTicket) as exc:
            raise _http(exc) from exc
        replies.merge(session, source, target)
        return {"ticket_number": target.number, "merged": source.number}


# --- what the ticket page shows ---------------------------------------------------------------------


def ticket_page_data(session: Session, ticket: Ticket, who: Principal, ws: Workspace) -> dict[str, Any]:
    """Thread, events, outbox states, customer panel, agents and macros of one ticket."""
    agents = {a.id: a for a in session.scalars(select(Agent).order_by(Agent.display_name))}
    deliveries: dict[int, OutboxEntry] = {
        e.message_id: e for e in session.scalars(select(OutboxEntry).where(OutboxEntry.ticket_id == ticket.id))
        if e.message_id is not None
    }
    senders = {c.id: c for c in session.scalars(select(Contact).where(
        Contact.id.in_({m.contact_id for m in ticket.messages if m.contact_id is not None})))}
    thread = []
    for m in ticket.messages:
        entry = deliveries.get(m.id)
        author = agents[m.author_id].display_name if m.author_id in agents else None
        sender = senders.get(m.contact_id) if m.direction == Direction.IN and m.contact_id is not None else None
        thread.append({"m": m, "author": author, "delivery": entry, "auto": m.auto_submitted,
                       "kind": "note" if m.direction == Direction.NOTE else str(m.direction),
                       # Who wrote it: the contact's address (kept data), and whether that is someone
                       # other than the ticket's own contact or customer.
                       "sender": sender.address if sender else None,
                       "other_sender": sender is not None and not store.may_continue(ticket, sender)})
    events = list(session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id)
                                  .order_by(TicketEvent.id)))
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    contacts: list[Contact] = []
    others: list[Ticket] = []
    if customer is not None:
        contacts = list(session.scalars(select(Contact).where(Contact.customer_id == customer.id)
                                        .order_by(Contact.channel)))
        others = list(session.scalars(select(Ticket).where(Ticket.customer_id == customer.id, Ticket.id != ticket.id)
                                      .order_by(Ticket.last_activity_at.desc()).limit(10)))
    elif ticket.contact is not None:
        contacts = [ticket.contact]
        others = list(session.scalars(select(Ticket).where(Ticket.contact_id == ticket.contact_id,
                                                           Ticket.id != ticket.id)
                                      .order_by(Ticket.last_activity_at.desc()).limit(10)))
    variables = replies.macro_variables(session, ticket, who.display_name)
    macros = [{"id": m.id, "title": m.title, "body": replies.render_macro(m.body, variables)}
              for m in replies.list_macros(session)]
    channel = replies.reply_channel(ticket.channel)
    window = service_window(session, ticket.id, channel) if channel in WINDOWED_CHANNELS else None
    return {
        "service_window": window,
        "ticket": ticket, "thread": thread, "events": events, "customer": customer, "contacts": contacts,
        "others": others, "agents": [a for a in agents.values() if a.active],
        "agent_names": {a.id: a.display_name for a in agents.values()}, "macros": macros,
        "can_reply": channel in ws.available_channels and ws.scrubber is not None,
        "reply_channel": channel, "statuses": [s.value for s in TicketStatus],
        "priorities": [p.value for p in Priority],
    }
