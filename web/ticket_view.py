"""What the ticket page shows: the timeline (messages, events, attachments, privacy steps, each with
its actor), senders, placeholders known from the directory, the customer panel, the SLA box, drafts and
the reply box."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agent, Contact, Customer, Direction, OutboxEntry, Priority, Ticket, TicketStatus
from models.sla import TicketSla
from tickets import drafts, groups, guards, readable, replies, sla, store, tags, timeline
from tickets.accounts import Principal
from tickets.calendar_days import OPERATOR_TZ
from tickets.service_window import WINDOWED_CHANNELS, service_window
from web.workspace import Workspace


def _deliveries(session: Session, ticket: Ticket) -> dict[int, OutboxEntry]:
    return {e.message_id: e for e in session.scalars(select(OutboxEntry).where(OutboxEntry.ticket_id == ticket.id))
            if e.message_id is not None}


def senders(session: Session, ticket: Ticket, visible: dict[int, Customer]) -> dict[int, readable.Sender]:
    """The sender of each incoming message, by message id."""
    ids = {m.contact_id for m in ticket.messages if m.contact_id is not None and m.direction == Direction.IN}
    contacts = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))} if ids else {}
    others = {c.customer_id for c in contacts.values() if c.customer_id is not None} - set(visible)
    if others:
        # Colleagues' contacts may belong to other customers; restricted ones stay unnamed.
        for customer in session.scalars(select(Customer).where(Customer.id.in_(others))):
            if guards.active_restriction(session, customer.id) is None:
                visible[customer.id] = customer
    result = {}
    for m in ticket.messages:
        if m.direction != Direction.IN:
            continue
        contact = contacts.get(m.contact_id) if m.contact_id is not None else None
        other = contact is not None and not store.may_continue(ticket, contact)
        result[m.id] = readable.sender_of(m, contact, visible, other=other)
    return result


def _related(session: Session, ticket: Ticket, customer: Customer | None) -> tuple[list[Contact], list[Ticket]]:
    if customer is not None:
        contacts = list(session.scalars(select(Contact).where(Contact.customer_id == customer.id)
                                        .order_by(Contact.channel)))
        others = list(session.scalars(select(Ticket).where(Ticket.customer_id == customer.id, Ticket.id != ticket.id)
                                      .order_by(Ticket.last_activity_at.desc()).limit(10)))
        return contacts, others
    if ticket.contact is None:
        return [], []
    others = list(session.scalars(select(Ticket).where(Ticket.contact_id == ticket.contact_id, Ticket.id != ticket.id)
                                  .order_by(Ticket.last_activity_at.desc()).limit(10)))
    return [ticket.contact], others


@dataclass(frozen=True, slots=True)
class SlaTarget:
    """One target of the ticket's policy as the SLA box shows it. ``state`` is "running" (due at
    ``due_at``), "paused" (``left`` business seconds kept for when the customer answers), "done" (we
    answered or solved at ``done_at``) or "idle" (no customer message awaits our answer now)."""

    key: str  # "first_response", "next_response" or "resolution"
    minutes: int
    state: str
    due_at: datetime | None = None  # Europe/Amsterdam, as the operator reads it
    left: int | None = None
    done_at: datetime | None = None

    @property
    def hours(self) -> str:
        """The target in hours as the SLA admin page writes it ("8", "0.5")."""
        return f"{self.minutes / 60:g}"


@dataclass(frozen=True, slots=True)
class SlaBox:
    policy: str
    clock: bool  # False: no customer message started the clock yet
    paused: bool  # pending on the customer: the clock stands still (tickets.sla)
    targets: tuple[SlaTarget, ...]


def _local(at: datetime | None) -> datetime | None:
    return at.astimezone(OPERATOR_TZ) if at is not None else None


def _response(key: str, minutes: int, clock: TicketSla) -> SlaTarget:
    """The current response cycle, counted against ``minutes`` (first or next response)."""
    if clock.response_since is None:
        return SlaTarget(key, minutes, "idle")
    if clock.running_since is None:
        return SlaTarget(key, minutes, "paused", left=minutes * 60 - clock.response_used)
    return SlaTarget(key, minutes, "running", due_at=_local(clock.response_due_at))


def sla_box(session: Session, ticket: Ticket) -> SlaBox | None:
    """The ticket's SLA policy and each of its targets (read from the clock ``tickets.sla`` keeps), or
    None when no policy applies to the ticket."""
    clock = session.get(TicketSla, ticket.id)
    policy = sla.policy_by_id(session, clock.policy_id if clock else None, ticket)
    if policy is None:
        return None
    if clock is None:
        return SlaBox(policy.name, False, False, ())
    stopped = ticket.status in (TicketStatus.SOLVED, TicketStatus.CLOSED)
    targets: list[SlaTarget] = []
    if policy.first_response is not None:
        targets.append(SlaTarget("first_response", policy.first_response, "done",
                                 done_at=_local(clock.first_response_at)) if clock.first_response_at is not None
                       else _response("first_response", policy.first_response, clock))
    if policy.next_response is not None and clock.first_response_at is not None:
        targets.append(_response("next_response", policy.next_response, clock))
    if policy.resolution is not None:
        minutes = policy.resolution
        if stopped:
            targets.append(SlaTarget("resolution", minutes, "done", done_at=_local(ticket.solved_at)))
        elif clock.running_since is None:
            targets.append(SlaTarget("resolution", minutes, "paused", left=minutes * 60 - clock.resolution_used))
        else:
            targets.append(SlaTarget("resolution", minutes, "running", due_at=_local(clock.resolution_due_at)))
    paused = clock.running_since is None and ticket.status == TicketStatus.PENDING
    return SlaBox(policy.name, True, paused, tuple(targets))


def ticket_page_data(session: Session, ticket: Ticket, who: Principal, ws: Workspace) -> dict[str, Any]:
    """Everything the ticket page renders, read in the caller's (read) transaction."""
    agents = {a.id: a for a in session.scalars(select(Agent).order_by(Agent.display_name))}
    customer = readable.customer_visible(session, ticket)
    visible = {customer.id: customer} if customer is not None else {}
    linked = session.get(Customer, ticket.customer_id) if ticket.customer_id and customer is None else None
    contacts, others = _related(session, ticket, customer)
    variables = replies.macro_variables(session, ticket, who.display_name)
    every_macro = replies.list_macros(session)
    # The reply box's canned-reply list: macros that only insert a text; every macro can be applied.
    macros = [{"id": m.id, "title": m.title, "body": replies.render_macro(m.body, variables)}
              for m in every_macro if m.body.strip() and m.reply_mode == "insert" and not m.actions]
    channel = replies.reply_channel(ticket.channel)
    window = service_window(session, ticket.id, channel) if channel in WINDOWED_CHANNELS else None
    team_list = groups.all_groups(session)
    return {
        "service_window": window, "sla": sla_box(session, ticket),
        "ticket": ticket, "timeline": timeline.build(session, ticket),
        "deliveries": _deliveries(session, ticket), "senders": senders(session, ticket, visible),
        "known": readable.known_placeholders(session, ticket, customer, ws.scrubber),
        "customer": customer, "restricted_customer": linked, "contacts": contacts, "others": others,
        "agents": [a for a in agents.values() if a.active],
        "agent_names": {a.id: a.display_name for a in agents.values()},
        "names_by_username": {a.username: a.display_name for a in agents.values()},
        "macros": macros, "macro_list": [{"id": m.id, "title": m.title} for m in every_macro],
        "tags": tags.names_of(session, [ticket.id]).get(ticket.id, []),
        "all_tags": [t.name for t, _ in tags.list_with_counts(session)],
        "can_reply": channel in ws.reply_channels() and ws.scrubber is not None,
        "queued_only": ws.mail_queued_only(channel), "reply_channel": channel,
        "statuses": [s.value for s in TicketStatus], "priorities": [p.value for p in Priority],
        "groups": team_list, "group_names": {g.id: g.name for g in team_list},
        "drafts": drafts.load(session, who.agent_id, ticket.id) if who.agent_id is not None else {},
    }
