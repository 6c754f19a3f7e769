"""Fixtures of the privacy tests: a store with a customer, intake with the privacy hook, the desk.

``open_desk`` builds the same for tests elsewhere (the privacy pages in tests/web)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from intake.hooks import PrivacyHook
from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from models import Channel, OutboxEntry, PrivacyRequest
from privacy.config import PrivacyConfig
from privacy.desk import PrivacyDesk
from privacy.recognition import recognize
from privacy.verification import Verifier
from tests.support.fakes import FakeScrubber
from tickets import store
from tickets.replies import MailIdentity
from tickets.store import TicketStore

MTA = "mx.dommelhost.test"
CUSTOMER_MAIL = "marieke@example.nl"
CODE = re.compile(r"^\s{4}(\d{6})\s*$", re.M)
RESTRICT_AND_ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."


@dataclass
class Desk:
    store: TicketStore
    desk: PrivacyDesk
    intake: Intake
    customer_id: int

    def mail(self, text: str, *, sender: str = CUSTOMER_MAIL, subject: str = "Privacy", auth: tuple[str, ...] = (),
             in_reply_to: tuple[str, ...] = (), msg_id: str | None = None,
             recipients: tuple[str, ...] = ()) -> SubmitOutcome:
        outcome = self.intake.submit(InboundMessage(
            channel=Channel.EMAIL, external_id=msg_id or f"{abs(hash((sender, text, subject, in_reply_to)))}@t",
            sender=sender, text=text, subject=subject, authentication_results=auth, in_reply_to=in_reply_to,
            recipients=recipients, received_at=datetime.now(UTC)))
        assert outcome.status == "stored", outcome
        return outcome

    def outbox(self) -> list[dict[str, Any]]:
        with self.store.reading() as s:
            return [dict(e.payload, _kind=e.kind, _channel=e.channel)
                    for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]

    def request(self) -> PrivacyRequest:
        with self.store.reading() as s:
            found = s.scalars(select(PrivacyRequest).order_by(PrivacyRequest.id.desc())).first()
            assert found is not None
            return found

    def code_mail(self) -> dict[str, Any]:
        mails = [p for p in self.outbox() if CODE.search(str(p.get("text", "")))]
        assert mails, "no verification code was sent"
        return mails[-1]


def code_of(payload: dict[str, Any]) -> str:
    match = CODE.search(str(payload["text"]))
    assert match
    return match.group(1)


def approve(d: Desk, keep_open: list[int] | None = None) -> None:
    """A privacy officer approves the destructive types of the latest request (privacy.actions.approve)."""
    with d.store.writing() as s:
        d.desk.approve(s, d.request().id, "agent:officer", keep_open)


def verify(d: Desk) -> None:
    """Type the last code sent back, as a reply to its mail."""
    mail = d.code_mail()
    d.mail(code_of(mail), subject="Re: code", in_reply_to=(mail["message_id"],))


@pytest.fixture
def desk(ticket_store: TicketStore) -> Iterator[Desk]:
    yield open_desk(ticket_store)


def open_desk(ticket_store: TicketStore) -> Desk:
    """Two customers, the desk, and intake that recognises requests and hands them to the desk."""
    with ticket_store.writing() as session:
        store.upsert_customers(session, [
            store.CustomerRecord(number="104233", name="Marieke Hoogendoorn", email=CUSTOMER_MAIL,
                                 phone="0612345678", address="Kerkstraat 12, Tilburg"),
            store.CustomerRecord(number="104999", name="Other Person", email="other@example.org"),
        ])
    with ticket_store.reading() as session:
        from models import Customer

        customer = session.scalars(select(Customer).where(Customer.number == "104233")).one()
    # No systems outside scrubdesk here (an erasure then confirms at once); tests/privacy/test_officer.py
    # has them, with their tasks.
    config = PrivacyConfig(authserv_id=MTA, public_url="http://desk.test", external_systems=[])
    privacy = PrivacyDesk(ticket_store, Verifier(b"k" * 32), config, MailIdentity("support.test"))
    intake = Intake(ticket_store, FakeScrubber(), privacy=recognize,
                    after_commit=[PrivacyHook(privacy)])
    return Desk(ticket_store, privacy, intake, customer.id)
