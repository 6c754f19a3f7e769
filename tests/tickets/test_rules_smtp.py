"""Rules on what the real intake path stored (issue 22): a mail over SMTP on loopback, scrubbed by the
real scrubber; the rules see the removed types and the scrubbed words, never the removed values."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select

from intake.pipeline import Intake
from intake.smtp import SmtpSettings
from models import Message
from tests.intake.smtp.harness import ThreadedSmtp
from tickets import rules, rules_spec, tags
from tickets.store import TicketStore

SUPPORT = "support@dommelhost.test"


@pytest.fixture
def server(ticket_store: TicketStore, real_scrubber) -> Iterator[ThreadedSmtp]:  # type: ignore[no-untyped-def]
    intake = Intake(ticket_store, real_scrubber)
    with ThreadedSmtp(intake, SmtpSettings(accept=(SUPPORT,))) as srv:
        yield srv
    intake.close()


def _send(port: int, sender: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, SUPPORT, subject
    msg["Message-ID"] = make_msgid(domain="example.nl")
    msg.set_content(body)
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        assert client.send_message(msg) == {}


def test_a_passport_number_removed_on_arrival_leads_to_the_tag(server: ThreadedSmtp, ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        for data in (
            {"name": "passport", "trigger": "ticket_created", "conditions": {"pii": ["ID_DOCUMENT"]},
             "actions": [{"type": "tag", "tags": ["id-document"]}]},
            {"name": "invoice nl", "trigger": "ticket_created",
             "conditions": {"words": ["factuur"], "language": ["nl"]},
             "actions": [{"type": "tag", "tags": ["factuur-nl"]}]},
            # The removed value itself is not in the stored text, so no rule can match it.
            {"name": "the value", "trigger": "ticket_created", "conditions": {"words": ["NW1K2L3P4"]},
             "actions": [{"type": "tag", "tags": ["lek"]}]},
        ):
            rules_spec.create(session, rules_spec.parse(session, data))
    _send(server.port, "Marieke <klant@example.nl>", "Mijn Factuur",
          "Goedemiddag,\n\nVoor de controle: mijn paspoortnummer is NW1K2L3P4.\n"
          "Kunt u de factuur van vorige maand aanpassen?\n\nMet vriendelijke groet,\nMarieke\n")
    _send(server.port, "John <john@example.com>", "Invoice",
          "Hello,\n\nThe invoice you sent me last month shows the wrong amount. Could you have a look?\n\nJohn\n")
    assert rules.run_pass(ticket_store)[1] == 2
    with ticket_store.reading() as session:
        stored = {m.ticket_id: m for m in session.scalars(select(Message).order_by(Message.id))}
        by_ticket = tags.names_of(session, list(stored))
    dutch, english = stored
    assert "NW1K2L3P4" not in stored[dutch].text and stored[dutch].redactions.get("ID_DOCUMENT")
    assert by_ticket == {dutch: ["factuur-nl", "id-document"]}
    assert english not in by_ticket
