"""One place that loads a ticket for writing, and every per-ticket guard it enforces.

Each action on a ticket (reply, note, assign, status, priority, merge; from the pages, the JSON API
or any later caller) gets its ticket from ``load_for_write``, so a new action cannot forget a guard:

- the number names a ticket (a number that cannot, however large or oddly written, is "no such
  ticket", never a database error);
- restriction: a ticket of a customer who asked to restrict processing (art. 18(1) GDPR), or one
  kept after an erasure only because of a retention duty, may only be stored, not worked on
  (art. 18(2)); this is checked on the loaded row, not on a URL;
- version: an edit made on a stale view of the ticket is refused (optimistic concurrency; the
  ``version_id_col`` of ``Ticket`` catches the race between two saves that both passed this check).

Who may act at all is settled before (``web.auth``: every agent role may work tickets).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Restriction, RetentionHold, Ticket
from tickets.store import ticket_by_number


class ActionError(ValueError):
    """The action cannot be done (stale version, channel not available, different customers)."""


class NoSuchTicket(LookupError):
    """The number names no ticket."""


class StaleTicket(ActionError):
    """Someone else changed the ticket since the agent loaded it (optimistic locking)."""


class ReadOnlyTicket(ActionError):
    """The ticket may only be stored, not worked on (art. 18 GDPR); the message says why."""


def active_restriction(session: Session, customer_id: int | None) -> Restriction | None:
    """The restriction that makes this customer's tickets read-only, if any."""
    if customer_id is None:
        return None
    return session.scalars(select(Restriction).where(
        Restriction.customer_id == customer_id, Restriction.lifted_at.is_(None)).limit(1)).first()


def restriction_of(session: Session, ticket: Ticket) -> str | None:
    """Why the ticket is read-only (art. 18 restriction of its customer, or a record kept after an
    erasure under a retention duty), or None when it may be worked on."""
    if active_restriction(session, ticket.customer_id) is not None:
        return "the customer asked to restrict processing of their data (art. 18 GDPR)"
    held = session.scalars(select(RetentionHold).where(
        RetentionHold.ticket_id == ticket.id, RetentionHold.restricted_at.is_not(None)).limit(1)).first()
    if held is not None:
        return f"kept after an erasure only because of a retention duty, until {held.retain_until.isoformat()}"
    return None


def check_version(ticket: Ticket, version: int | None) -> None:
    if version is not None and version != ticket.version:
        raise StaleTicket("the ticket was changed by someone else; reload it")


def load_for_write(session: Session, number: int, *, version: int | None = None) -> Ticket:
    """The ticket behind ``number``, once every guard allows changing it."""
    ticket = ticket_by_number(session, number)
    if ticket is None:
        raise NoSuchTicket("no such ticket")
    reason = restriction_of(session, ticket)
    if reason is not None:
        raise ReadOnlyTicket(f"Read-only: {reason}")
    check_version(ticket, version)
    return ticket
