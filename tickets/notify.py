"""Notifications: what agents ask to be told about, in the workspace (a counter and a list) and by mail.

Events (each agent chooses, per event, "app" and/or "mail"; ``DEFAULTS`` otherwise):

- ``new_ticket``: a customer opened a new ticket (it lands in the New and Unassigned views);
- ``assigned``: someone else gave me a ticket;
- ``customer_reply``: the customer wrote again on a ticket assigned to me;
- ``mention``: a colleague wrote ``@myusername`` in a note;
- ``due_soon``: a ticket assigned to me is due within ``due_hours`` (``sweep_due``, run periodically):
  the warning before its SLA target (``tickets.sla``) is breached;
- ``sla_breached``: a ticket assigned to me (unassigned: every admin) missed an SLA target
  (``tickets.sla_breach``, run by the same periodic job);
- ``rule``: an automation rule (``tickets.rules``) asked to tell me about a ticket;
- ``group``: an unassigned ticket was moved to a group I am a member of (``tickets.groups``).

Each is a ``notifications`` row written in the transaction of its cause (a message stored by intake,
an assignment, a note), so it exists exactly when its cause does; a mail goes through the outbox like
every other mail (sealed payload, retried, sent by the mail worker). A ``dedupe_key`` makes a second
process or a second sweep add nothing. Rows and mails name the ticket, its number and its scrubbed
subject, never message text. Mail text is in the agent's language (``tickets.i18n``).
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Agent, Notification, Role, Ticket, TicketDue, utcnow
from tickets import i18n, outbox
from tickets.i18n import N_
from tickets.transaction_cache import remembered

log = logging.getLogger(__name__)

EVENTS = ("new_ticket", "assigned", "customer_reply", "mention", "due_soon", "sla_breached", "rule", "group")
# New tickets are off unless asked for (every agent, every ticket); the live queue shows them anyway.
DEFAULTS: dict[str, Any] = {"new_ticket": [], "assigned": ["app", "mail"], "customer_reply": ["app", "mail"],
                            "mention": ["app", "mail"], "due_soon": ["app"], "sla_breached": ["app", "mail"],
                            "rule": ["app", "mail"], "group": ["app"], "due_hours": 2}
LABELS = {
    "new_ticket": N_("New ticket"), "assigned": N_("Assigned to you"), "customer_reply": N_("Customer replied"),
    "mention": N_("You were mentioned in a note"), "due_soon": N_("Due soon"),
    "sla_breached": N_("SLA target missed"),
    "rule": N_("A rule asked to tell you"), "group": N_("Moved to your group"),
}
_MENTION = re.compile(r"(?<![\w@])@([\w.\-]{1,64})")
# Where links in notification mails point (``configure``); without it they name the path only.
_base_url: list[str] = [""]
_NEW = "scrubdesk_new_tickets"


def configure(base_url: str | None) -> None:
    """The workspace's public URL for links in notification mails (e.g. ``[privacy] public_url``)."""
    _base_url[0] = (base_url or "").rstrip("/")


def settings_of(agent: Agent) -> dict[str, Any]:
    """The agent's settings with the defaults filled in."""
    merged = dict(DEFAULTS)
    for key, value in (agent.notify or {}).items():
        if key in EVENTS and isinstance(value, list):
            merged[key] = [v for v in value if v in ("app", "mail")]
        elif key == "due_hours" and isinstance(value, int | float) and 0 < value <= 168:
            merged[key] = value
    return merged


def _ways(agent: Agent, event: str) -> list[str]:
    ways: list[str] = settings_of(agent)[event]
    return ways


def mark_new(session: Session, ticket: Ticket) -> None:
    """Called when a ticket is opened (also before its INSERT, when it has no id yet): its first message
    then notifies ``new_ticket``."""
    new: weakref.WeakSet[Ticket] = session.info.setdefault(_NEW, weakref.WeakSet())
    new.add(ticket)


def _deliver(session: Session, agent: Agent, event: str, ticket: Ticket | None, detail: dict[str, Any],
             dedupe_key: str | None = None) -> bool:
    """Notify ``agent`` the ways it asked for; False when it asked for none or ``dedupe_key`` was used."""
    ways = _ways(agent, event)
    if not ways:
        return False
    if dedupe_key is not None and session.scalar(
            select(Notification.id).where(Notification.dedupe_key == dedupe_key)) is not None:
        return False
    if "app" in ways or dedupe_key is not None:
        # A mail-only notification still leaves a row (read) when it needs a dedupe key.
        session.add(Notification(agent_id=agent.id, kind=event, ticket_id=ticket.id if ticket else None,
                                 detail=detail, dedupe_key=dedupe_key, created_at=utcnow(),
                                 read_at=None if "app" in ways else utcnow()))
    if "mail" in ways and agent.email:
        _mail(session, agent, event, ticket, detail)
    session.flush()
    return True


def _mail(session: Session, agent: Agent, event: str, ticket: Ticket | None, detail: dict[str, Any]) -> None:
    lang = agent.lang or i18n.DEFAULT
    label = i18n.gettext(LABELS[event], lang)
    lines = [label]
    if ticket is not None:
        link = f"{_base_url[0]}/tickets/{ticket.number}"
        lines += ["", f"#{ticket.number}: {ticket.subject or ''}".rstrip(), link]
    if detail.get("by"):
        lines.append(i18n.gettext("By: {name}", lang).format(name=detail["by"]))
    lines += ["", i18n.gettext("Change which notifications you get under Settings in the workspace.", lang)]
    subject = f"{label}: #{ticket.number} {ticket.subject or ''}".strip() if ticket else label
    outbox.enqueue(session, channel="email", kind="notification", ticket_id=ticket.id if ticket else None,
                   payload={"to": agent.email, "subject": subject[:200], "text": "\n".join(lines), "lang": lang,
                            "auto_submitted": "auto-generated"})


def _agents(session: Session, ids: Iterable[int] | None = None) -> list[Agent]:
    query = select(Agent).where(Agent.active.is_(True))
    if ids is not None:
        query = query.where(Agent.id.in_(list(ids)))
    return list(session.scalars(query))


# Who may want ``new_ticket`` (off by default): the active agents' ids and settings, two columns and no
# ORM objects, so a new ticket loads only the agents that asked for it (before, every active agent was
# built as an object for each new ticket: a tenth of intake's writer time, issue 19). Built once.
_NOTIFY_SETTINGS = select(Agent.id, Agent.notify).where(Agent.active.is_(True))


def _new_ticket_subscribers(session: Session) -> list[int]:
    # Read once per transaction (``tickets.transaction_cache``): intake's group commit opens many tickets in one.
    cache = remembered(session)
    known: list[int] | None = cache.get("new_ticket_subscribers")
    if known is None:
        # On the connection (Core, half the CPU of the ORM's column select): ``add_message`` has just flushed.
        known = cache["new_ticket_subscribers"] = [agent_id for agent_id, notify in session.connection().execute(
            _NOTIFY_SETTINGS) if notify and notify.get("new_ticket")]
    return known


def message_stored(session: Session, ticket: Ticket, *, auto: bool = False) -> None:
    """A customer's message was stored: ``new_ticket`` for a new ticket, else ``customer_reply`` to the assignee."""
    if auto:
        return
    new: weakref.WeakSet[Ticket] | None = session.info.get(_NEW)
    if new is not None and ticket in new:
        new.discard(ticket)
        subscribers = _new_ticket_subscribers(session)
        for agent in _agents(session, subscribers) if subscribers else ():
            _deliver(session, agent, "new_ticket", ticket, {})
    elif ticket.assignee_id is not None:
        for agent in _agents(session, [ticket.assignee_id]):
            _deliver(session, agent, "customer_reply", ticket, {})


def assigned(session: Session, ticket: Ticket, agent_id: int | None, by_agent_id: int | None) -> None:
    if agent_id is None or agent_id == by_agent_id:
        return
    by = session.get(Agent, by_agent_id) if by_agent_id is not None else None
    for agent in _agents(session, [agent_id]):
        _deliver(session, agent, "assigned", ticket, {"by": by.display_name if by else None})


def group_assigned(session: Session, ticket: Ticket, agent_ids: Sequence[int], by_agent_id: int | None,
                   group_name: str) -> int:
    """Tell the members ``agent_ids`` of a group that ``ticket`` was moved to it; how many were told."""
    by = session.get(Agent, by_agent_id) if by_agent_id is not None else None
    return sum(_deliver(session, agent, "group", ticket, {"by": by.display_name if by else None, "group": group_name})
               for agent in _agents(session, agent_ids))


def mentions(session: Session, ticket: Ticket, text: str, by_agent_id: int | None, actor: str) -> list[int]:
    """Notify the agents named ``@username`` in a note (not the writer); returns their ids."""
    names = {m.group(1).casefold().rstrip(".") for m in _MENTION.finditer(text)}
    if not names:
        return []
    by = session.get(Agent, by_agent_id) if by_agent_id is not None else None
    told = []
    for agent in session.scalars(select(Agent).where(Agent.username.in_(names), Agent.active.is_(True))):
        if agent.id != by_agent_id:
            _deliver(session, agent, "mention", ticket, {"by": by.display_name if by else actor})
            told.append(agent.id)
    return told


def sla_breached(session: Session, ticket: Ticket, detail: dict[str, Any], key: str) -> int:
    """Tell the assignee (an unassigned ticket: every active admin) that ``ticket`` missed an SLA
    target; ``key`` names the breach, so each agent hears of it once. Returns how many were told."""
    if ticket.assignee_id is not None:
        agents = _agents(session, [ticket.assignee_id])
    else:
        agents = [a for a in _agents(session) if a.role == Role.ADMIN]
    return sum(_deliver(session, agent, "sla_breached", ticket, detail, dedupe_key=f"{key}:{agent.id}")
               for agent in agents)


def by_rule(session: Session, ticket: Ticket, agents: Sequence[Agent], rule_name: str, key: str) -> int:
    """Tell ``agents`` about ``ticket`` for the rule named ``rule_name``; ``key`` names the rule's firing,
    so each agent hears of it once. Returns how many were told."""
    return sum(_deliver(session, agent, "rule", ticket, {"by": rule_name}, dedupe_key=f"{key}:{agent.id}")
               for agent in agents if agent.active)


KEEP_READ = timedelta(days=30)


def sweep_due(session: Session, now: datetime | None = None) -> int:
    """``due_soon`` for every assigned ticket due within its assignee's ``due_hours``, once per due time;
    read notifications older than ``KEEP_READ`` go."""
    now = now or utcnow()
    session.execute(delete(Notification).where(Notification.read_at < now - KEEP_READ))
    agents = {a.id: a for a in _agents(session) if _ways(a, "due_soon")}
    if not agents:
        return 0
    horizon = now + timedelta(hours=max(float(settings_of(a)["due_hours"]) for a in agents.values()))
    rows = session.execute(select(Ticket, TicketDue.due_at).join(TicketDue, TicketDue.ticket_id == Ticket.id).where(
        Ticket.assignee_id.in_(list(agents)), TicketDue.due_at <= horizon, TicketDue.due_at > now - timedelta(days=1)))
    count = 0
    for ticket, due_at in rows:
        agent = agents[ticket.assignee_id]  # type: ignore[index]
        if due_at > now + timedelta(hours=float(settings_of(agent)["due_hours"])):
            continue
        key = f"due:{agent.id}:{ticket.id}:{due_at.isoformat()}"
        try:
            with session.begin_nested():
                told = _deliver(session, agent, "due_soon", ticket, {"due_at": due_at.isoformat()}, dedupe_key=key)
        except IntegrityError:  # another process notified it first
            continue
        count += told
    return count


class DueSoonJob:
    """``sweep_due`` every ``interval`` seconds until ``stop`` (a single-consumer role of ``serve``), and
    after it the ``also`` sweeps (the SLA escalation, ``tickets.sla_breach.sweep``), each in its own
    transaction so one failing never holds back the others."""

    def __init__(self, ticket_store: Any, interval: float = 60.0,
                 also: Sequence[Callable[[Session], int]] = ()) -> None:
        self.store = ticket_store
        self.interval = interval
        self.also = tuple(also)

    def run(self, stop: Any) -> None:
        while not stop.is_set():
            try:
                with self.store.writing() as session:
                    sent = sweep_due(session)
                if sent:
                    log.info("notify: %d due-soon notifications", sent)
            except Exception:
                log.exception("notify: due-soon sweep failed")
            for sweep in self.also:
                try:
                    with self.store.writing() as session:
                        done = sweep(session)
                    if done:
                        log.info("notify: %s handled %d tickets", getattr(sweep, "__qualname__", "sweep"), done)
                except Exception:
                    log.exception("notify: sweep failed")
            stop.wait(self.interval)


# --- reading: the counter and the list -------------------------------------------------------------


def unread(session: Session, agent_id: int) -> int:
    return int(session.scalar(select(func.count()).select_from(Notification).where(
        Notification.agent_id == agent_id, Notification.read_at.is_(None))) or 0)


def unread_of_ticket(session: Session, agent_id: int, ticket_id: int) -> bool:
    return session.scalar(select(Notification.id).where(
        Notification.agent_id == agent_id, Notification.read_at.is_(None), Notification.ticket_id == ticket_id,
    ).limit(1)) is not None


def recent(session: Session, agent_id: int, limit: int = 30) -> list[Notification]:
    return list(session.scalars(select(Notification).where(Notification.agent_id == agent_id)
                                .order_by(Notification.id.desc()).limit(limit)))


def mark_read(session: Session, agent_id: int, ticket_id: int | None = None) -> None:
    """Mark the agent's notifications read (all, or those of one ticket: opening it reads them)."""
    query = update(Notification).where(Notification.agent_id == agent_id, Notification.read_at.is_(None))
    if ticket_id is not None:
        query = query.where(Notification.ticket_id == ticket_id)
    session.execute(query.values(read_at=utcnow()))
