"""The daily reminder to privacy officers about requests due within a week (or overdue).

Runs as a single-consumer role (app.single_consumer) so that with several ``serve`` processes only one
sends it. "Once a day" is kept in the store, not in memory: each request listed gets ``reminded_on``
set in the same transaction as the outbox entries, so a restart or a role hand-over on the same day
does not send the reminder again, and a crash before the commit sends it on the next try.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import OPEN_STATES, Agent, PrivacyRequest, Role, ticket_number, utcnow
from privacy import deadline
from privacy.config import PrivacyConfig
from privacy.texts import Texts
from tickets import outbox
from tickets.store import TicketStore

log = logging.getLogger(__name__)
ROLE_NAME = "privacy-reminders"


def open_by_due(session: Session) -> list[PrivacyRequest]:
    """The dashboard's list: open requests, earliest deadline first."""
    return list(session.scalars(select(PrivacyRequest).where(PrivacyRequest.state.in_(OPEN_STATES))
                                .order_by(PrivacyRequest.due_on, PrivacyRequest.id)))


def due_within(session: Session, days: int, on: date) -> list[PrivacyRequest]:
    return list(session.scalars(select(PrivacyRequest).where(
        PrivacyRequest.state.in_(OPEN_STATES), PrivacyRequest.due_on <= on + timedelta(days=days),
    ).order_by(PrivacyRequest.due_on, PrivacyRequest.id)))


def officer_addresses(session: Session, config: PrivacyConfig) -> list[str]:
    agents = session.scalars(select(Agent.email).where(
        Agent.active.is_(True), Agent.role == Role.PRIVACY_OFFICER, Agent.email.is_not(None)))
    return sorted({a.lower() for a in agents if a} | {a.lower() for a in config.officer_addresses})


def send_reminders(ticket_store: TicketStore, config: PrivacyConfig, texts: Texts, *, on: date | None = None) -> int:
    """Queue today's reminder if it is due and not yet sent; returns the number of mails queued."""
    day = on or deadline.today()
    with ticket_store.writing() as session:
        requests = due_within(session, config.reminder_days, day)
        if not requests or all(r.reminded_on == day for r in requests):
            return 0
        recipients = officer_addresses(session, config)
        if not recipients:
            log.warning("privacy reminders: %d request(s) due but no privacy officer has an address", len(requests))
            return 0
        rows = [{"id": r.id, "types": ", ".join(r.types), "ticket": ticket_number(r.ticket_id) if r.ticket_id else None,
                 "state": str(r.state), "due_on": r.due_on.isoformat(), "overdue": r.due_on < day} for r in requests]
        message = texts.render("reminder", "en", requests=rows, days=config.reminder_days,
                               dashboard=f"{config.public_url.rstrip('/')}/privacy")
        for address in recipients:
            outbox.enqueue(session, channel="email", kind="privacy_reminder",
                           payload={"to": address, "subject": message.subject, "text": message.text, "lang": "en"})
        for r in requests:
            r.reminded_on = day
        log.info("privacy reminders: %d request(s), %d officer(s)", len(requests), len(recipients))
        return len(recipients)


class ReminderJob:
    """The role's work: check every ``interval`` seconds whether today's reminder is due."""

    def __init__(self, ticket_store: TicketStore, config: PrivacyConfig, texts: Texts, *,
                 interval: float = 300.0) -> None:
        self.store, self.config, self.texts, self.interval = ticket_store, config, texts, interval

    def run(self, term: threading.Event) -> None:
        while not term.is_set():
            now = datetime.now(deadline.OPERATOR_TZ)
            if now.hour >= self.config.reminder_hour:
                try:
                    send_reminders(self.store, self.config, self.texts)
                except Exception:
                    log.exception("privacy reminders: pass failed at %s", utcnow().isoformat())
            term.wait(self.interval)
