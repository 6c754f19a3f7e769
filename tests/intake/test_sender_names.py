"""Issue 21: every message names its sender; the display name is kept only as the scrubber leaves it.

A display name is chosen by the sender and is usually their name ("hannah pryce", lower case in a
chat app), sometimes a company or a role. It is read in a header context ("From: ...") so the name
finder sees it as a sender, and it is stored only when the scrubber explains every word of it (a
person, redacted; an organisation, kept); anything else ("Support Team", a nickname) is not stored,
deny-by-default, and the ticket names the sender by channel and address instead.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from intake.message import InboundMessage
from intake.pipeline import Intake
from intake.sender_names import prepare_sender_name
from models import Channel, Message
from scrubber.types import MemoryBook
from tickets.store import TicketStore


def _stored(scrubber, name: str) -> str | None:  # type: ignore[no-untyped-def]
    prepared = prepare_sender_name(name, scrubber.analyze, "nl")
    if prepared is None:
        return None
    text, analysis = prepared
    return str(scrubber.redact(text, analysis, MemoryBook()))


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Jan de Vries", "<PERSON_1>"),
        ("hannah pryce", "<PERSON_1>"),
        ("KLAAS BAKKER", "<PERSON_1>"),
        ("Bakkerij Jansen", "Bakkerij Jansen"),
        ("Jan de Vries (Bakkerij Jansen)", "<PERSON_1> (Bakkerij Jansen)"),
        ("Support Team", None),  # nothing explains it: not stored
        ("xX_gamer_Xx", None),
        ("", None),
    ],
)
def test_display_names(real_scrubber, name: str, stored: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _stored(real_scrubber, name) == stored


def test_the_stored_message_names_its_sender_like_the_body(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    msg = InboundMessage(channel=Channel.EMAIL, external_id="sn@x", sender="hannah.pryce@example.co.uk",
                         sender_name="Hannah Pryce", subject="Login",
                         text="Hi,\n\nI cannot log in.\n\nThanks,\nHannah Pryce\n")
    out = Intake(ticket_store, real_scrubber).submit(msg)
    with ticket_store.reading() as s:
        message = s.scalars(select(Message).where(Message.id == out.message_id)).one()
        # One person, one placeholder: the display name and the signature are the same person 1.
        assert message.sender_name == "<PERSON_1>"
        assert "<PERSON_1>" in message.text and "Pryce" not in message.text
