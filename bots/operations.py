"""The bot's synchronous work on the core: submit, status, linking, privacy marks, reachability.

Handlers call these through ``asyncio.to_thread`` (docs/architecture: synchronous core,
asynchronous edges). Everything here is keyed by the chat: a chat only ever sees its own tickets.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bots.texts import Lang, text
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from models import Channel, Contact, Customer, Direction, Message, Ticket, utcnow
from privacy.verification import CheckResult, CheckStatus, TooManyCodes, Verifier
from tickets import outbox, store

log = logging.getLogger(__name__)

LINK_PURPOSE = "telegram_link"
CHANNEL = Channel.TELEGRAM.value


@dataclass(frozen=True, slots=True)
class TicketSummary:
    number: int
    status: str
    subject: str


def _contact(session: Session, chat_id: int | str) -> Contact | None:
    return store.find_contact(session, CHANNEL, str(chat_id))


def _subject(contact: Contact) -> str:
    return f"contact:{contact.id}"


def set_reachable(ticket_store: store.TicketStore, chat_id: int | str, reachable: bool, reason: str) -> bool:
    """Record that the chat blocked (or unblocked) the bot; True when the state changed."""
    return store.set_reachable(ticket_store, CHANNEL, str(chat_id), reachable, reason)


class BotOperations:
    def __init__(self, intake: Intake, ticket_store: store.TicketStore, verifier: Verifier) -> None:
        self.intake = intake
        self.store = ticket_store
        self.verifier = verifier

    def submit(self, msg: InboundMessage) -> SubmitOutcome:
        """The pipeline; a chat that writes to us is reachable again (it unblocked the bot)."""
        outcome = self.intake.submit(msg)
        if outcome.status == "stored":
            with self.store.reading() as session:
                contact = _contact(session, msg.sender)
                was_unreachable = contact is not None and contact.unreachable
            if was_unreachable:
                set_reachable(self.store, msg.sender, True, "customer wrote")
        return outcome

    def open_tickets(self, chat_id: int | str) -> list[TicketSummary]:
        with self.store.reading() as session:
            contact = _contact(session, chat_id)
            if contact is None:
                return []
            return [
                TicketSummary(number=t.number, status=str(t.status), subject=t.subject or _opening(session, t))
                for t in store.open_tickets_of_contact(session, contact)
            ]

    def record_privacy_request(self, msg: InboundMessage) -> SubmitOutcome:
        """Store the /privacy message like any other and mark its ticket (idempotent on re-delivery).

        The privacy-request workflow (privacy) picks the mark up; until then an agent sees it.
        """
        outcome = self.submit(msg)
        if outcome.ticket_id is None:
            return outcome
        with self.store.writing() as session:
            ticket = session.get(Ticket, outcome.ticket_id)
            if ticket is not None:
                store.add_event(
                    session,
                    ticket,
                    "privacy_request_started",
                    {"channel": CHANNEL, "via": "command"},
                    dedupe_key=f"{CHANNEL}:{msg.external_id}:privacy",
                )
        return outcome

    def start_link(
        self, chat_id: int | str, identifier: str, lang: str
    ) -> Literal["sent", "throttled"]:
        """Issue a code for linking this chat; it is mailed only when the account exists.

        The answer is the same either way ("if an account exists, a code was sent"), and an unknown
        identifier still gets a (never sent) code row, so that the rate limit and the later code
        prompt behave identically and nobody can probe which customers exist.
        """
        ident = identifier.strip()
        try:
            with self.store.writing() as session:
                contact = store.get_or_create_contact(session, CHANNEL, str(chat_id))
                customer = _find_customer(session, ident)
                issued = self.verifier.issue(
                    session,
                    purpose=LINK_PURPOSE,
                    subject=_subject(contact),
                    payload={"customer_id": customer.id if customer else None},
                )
                if customer is not None and customer.email:
                    # A complete mail for the e-mail Sender; the code is in the text only until sent.
                    mail_lang: Lang = "en" if lang == "en" else "nl"
                    minutes = int(self.verifier.ttl.total_seconds() // 60)
                    outbox.enqueue(
                        session,
                        channel="email",
                        kind="verification",
                        payload={
                            "to": customer.email,
                            "subject": text(mail_lang, "link_mail_subject"),
                            "text": text(mail_lang, "link_mail_text", code=issued.code, minutes=minutes),
                            "lang": mail_lang,
                            "purpose": LINK_PURPOSE,
                            "date": format_datetime(utcnow()),
                            # RFC 3834 section 5: machine-generated, so no autoresponder answers it.
                            "auto_submitted": "auto-generated",
                        },
                    )
                log.info("telegram: link code issued contact=%d verification=%d", contact.id,
                         issued.verification_id)
        except TooManyCodes:
            return "throttled"
        return "sent"

    def has_pending_code(self, chat_id: int | str) -> bool:
        with self.store.reading() as session:
            contact = _contact(session, chat_id)
            return contact is not None and (
                self.verifier.pending(session, purpose=LINK_PURPOSE, subject=_subject(contact)) is not None
            )

    def finish_link(self, chat_id: int | str, code: str) -> CheckResult:
        with self.store.writing() as session:
            contact = _contact(session, chat_id)
            if contact is None:
                return CheckResult(CheckStatus.NONE)
            result = self.verifier.check(session, purpose=LINK_PURPOSE, subject=_subject(contact), code=code)
            if result.status is not CheckStatus.OK:
                return result
            customer_id = result.payload.get("customer_id")
            if not isinstance(customer_id, int):
                # A code for an unknown identifier was never sent; guessing it links nothing.
                return CheckResult(CheckStatus.LOCKED)
            contact.customer_id = customer_id
            for ticket in store.open_tickets_of_contact(session, contact):
                if ticket.customer_id is None:
                    ticket.customer_id = customer_id
                store.add_event(session, ticket, "contact_linked", {"channel": CHANNEL})
            log.info("telegram: contact=%d linked to customer=%d", contact.id, customer_id)
            return result


def _opening(session: Session, ticket: Ticket) -> str:
    """Chat tickets have no subject: the start of the first (scrubbed) message stands in for it."""
    first = session.scalars(
        select(Message.text)
        .where(Message.ticket_id == ticket.id, Message.direction == Direction.IN)
        .order_by(Message.id)
        .limit(1)
    ).first()
    return " ".join((first or "").split())[:80]


def _find_customer(session: Session, identifier: str) -> Customer | None:
    if "@" in identifier:
        return session.scalars(
            select(Customer).where(func.lower(Customer.email) == identifier.lower()).order_by(Customer.id).limit(1)
        ).first()
    return session.scalars(select(Customer).where(Customer.number == identifier)).first()
