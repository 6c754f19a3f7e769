"""The automatic acknowledgement tells the customer which kinds of data were removed on arrival (issue 21).

Through the real pipeline with the real scrubber: a Dutch mail gets the Dutch words, an English mail
the English ones, an identity document image is said to be deleted, and no planted value reaches the
outbox payload (decrypted or as stored) or the stored copy of the acknowledgement.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from intake.attachments import ocr
from intake.hooks import AutoAcknowledger
from intake.mail.parse import parse_email, to_inbound
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake
from models import Channel, Direction, Message, OutboxEntry
from outbound import acknowledge, removed
from scrubber.types import STRIP_TYPES
from tests.support import attachment_files as files
from tickets.replies import MailIdentity
from tickets.store import TicketStore

BSN = files.BSN
PASSWORD = files.PASSWORD
IBAN = files.IBAN
PHONE = files.PHONE
NAME = files.NAME


def test_the_words_table_covers_every_strip_type_in_both_languages() -> None:
    assert set(removed.WORDS) == set(STRIP_TYPES)
    for words in removed.WORDS.values():
        assert set(words) == {"nl", "en"} and all(word.strip() for word in words.values())
        assert words["nl"].startswith("een ") and words["en"].startswith(("a ", "an "))
    assert set(STRIP_TYPES) >= removed.NAMED
    # The high-signal types are named; names, addresses and the deny-by-default NUMBER are not.
    assert {"NATIONAL_ID", "ID_DOCUMENT", "IBAN", "CREDIT_CARD", "CREDENTIAL", "DATE_OF_BIRTH"} <= removed.NAMED
    assert not {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "ADDRESS", "NUMBER"} & removed.NAMED


def test_the_paragraph_names_kinds_in_the_customers_language() -> None:
    counts = {"NATIONAL_ID": 1, "CREDENTIAL": 1, "PERSON": 3, "PHONE_NUMBER": 1}
    nl = removed.paragraph("nl", counts, identity_images=0)
    assert "een burgerservicenummer en een wachtwoord" in nl and "nooit nodig" in nl
    assert "naam" not in nl and "telefoon" not in nl and "identiteitsbewijs" not in nl
    en = removed.paragraph("en", counts, identity_images=0)
    assert "a citizen service number and a password" in en and "never needs" in en
    assert "name" not in en and "phone" not in en
    # Kinds, not counts: the same IBAN quoted twice is still "a bank account number".
    three = removed.paragraph("en", {"IBAN": 2, "CREDIT_CARD": 1, "CREDENTIAL": 1}, identity_images=0)
    assert "a bank account number, a payment card number and a password" in three


def test_identity_images_and_nothing_to_say() -> None:
    assert removed.paragraph("nl", {"PERSON": 2, "NUMBER": 1}, identity_images=0) == ""
    nl = removed.paragraph("nl", {}, identity_images=1)
    assert "kopie van een identiteitsbewijs" in nl and "verwijderd" in nl
    en = removed.paragraph("en", {"CREDENTIAL": 1}, identity_images=2)
    assert "a password" in en and "copies of identity documents" in en and "were deleted" in en


def test_for_mail_places_the_paragraph_and_leaves_the_plain_text_alone() -> None:
    config = acknowledge.AckConfig()
    plain = acknowledge.for_mail(config, "nl").text
    assert "{removed}" not in plain and "\n\n\n" not in plain and plain.startswith("Hartelijk dank")
    said = acknowledge.for_mail(config, "nl", acknowledge.Removed({"NATIONAL_ID": 1}, 0)).text
    assert "burgerservicenummer" in said and said.endswith("Met vriendelijke groet,\nSupport")
    assert said.index("burgerservicenummer") < said.index("Antwoordt u op deze e-mail")
    # An operator's own text without the placeholder still gets it, before the closing paragraph.
    own = acknowledge.AckConfig(text_en="Thanks, ticket {ticket_number}.\n\nRegards")
    text_en = acknowledge.for_mail(own, "en", acknowledge.Removed({"IBAN": 1}, 0)).text
    assert text_en.startswith("Thanks, ticket {ticket_number}.\n\n") and "a bank account number" in text_en
    assert text_en.endswith("\n\nRegards")


def _intake(ticket_store: TicketStore, scrubber) -> Intake:  # type: ignore[no-untyped-def]
    hook = AutoAcknowledger(ticket_store, acknowledge.AckConfig(), MailIdentity("support.test"))
    return Intake(ticket_store, scrubber, after_commit=[hook])


def _submit(intake: Intake, body: str, *atts: InboundAttachment, external_id: str) -> int:
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=external_id, sender="klant@example.org",
                                       subject="Inloggen", text=body, attachments=atts))
    assert out.status == "stored" and out.new_ticket and out.ticket_id is not None
    return out.ticket_id


def _ack(ticket_store: TicketStore, ticket_id: int) -> tuple[dict[str, object], str, str]:
    """The queued acknowledgement's payload, its column as stored, and the stored outgoing message."""
    with ticket_store.reading() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.ticket_id == ticket_id,
                                                    OutboxEntry.kind == "auto_ack")).one()
        raw = s.execute(text("SELECT payload FROM outbox WHERE id = :id"), {"id": entry.id}).scalar_one()
        out = s.scalars(select(Message).where(Message.ticket_id == ticket_id, Message.direction == Direction.OUT)).one()
        return dict(entry.payload), str(raw), out.text


def _assert_no_planted(payload: dict[str, object], raw: str, stored: str,
                       values: tuple[str, ...] = (BSN, PASSWORD, IBAN, PHONE, NAME, files.EMAIL)) -> None:
    blob = json.dumps(payload, ensure_ascii=False) + raw + stored
    for value in values:
        assert value not in blob, value


DUTCH = (f"Goedemiddag,\n\nIk kan niet inloggen op mijn account. Mijn BSN is {BSN} en mijn wachtwoord is "
         f"{PASSWORD}. Kunt u mij helpen? Bel gerust op {PHONE}.\n\nMet vriendelijke groet,\n{NAME}")
ENGLISH = (f"Hello,\n\nI cannot log in to my account. My citizen service number is {BSN} and my password is "
           f"{PASSWORD}. Could you help me? Feel free to call {PHONE}.\n\nKind regards,\n{NAME}")


def test_a_dutch_mail_is_told_in_dutch(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    ticket_id = _submit(_intake(ticket_store, real_scrubber), DUTCH, external_id="nl@x")
    payload, raw, stored = _ack(ticket_store, ticket_id)
    said = str(payload["text"])
    assert "een burgerservicenummer en een wachtwoord" in said and "nooit nodig" in said
    assert "identiteitsbewijs" not in said and "citizen" not in said
    assert "telefoonnummer" not in said and "naam" not in said  # low-signal kinds are not named
    _assert_no_planted(payload, raw, stored)


def test_an_english_mail_is_told_in_english(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    ticket_id = _submit(_intake(ticket_store, real_scrubber), ENGLISH, external_id="en@x")
    payload, raw, stored = _ack(ticket_store, ticket_id)
    said = str(payload["text"])
    assert "a citizen service number and a password" in said and "never needs" in said
    assert "burgerservicenummer" not in said
    _assert_no_planted(payload, raw, stored)


def test_nothing_removed_says_nothing(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    body = "Goedemiddag,\n\nDe website voorbeeldwinkel.nl laadt sinds vanochtend erg traag. Kunt u kijken?"
    ticket_id = _submit(_intake(ticket_store, real_scrubber), body, external_id="plain@x")
    payload, _raw, _stored = _ack(ticket_store, ticket_id)
    assert payload["text"] == acknowledge.for_mail(acknowledge.AckConfig(), "nl").text.replace(
        "{ticket_number}", str(payload["ticket_number"]))


def test_attachment_counts_count_too(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    body = "Goedemiddag,\n\nIn de bijlage staat de brief over mijn factuur. Kunt u ernaar kijken?"
    docx = InboundAttachment("brief.docx", "application/octet-stream", files.docx())
    ticket_id = _submit(_intake(ticket_store, real_scrubber), body, docx, external_id="doc@x")
    payload, raw, stored = _ack(ticket_store, ticket_id)
    said = str(payload["text"])
    assert "een burgerservicenummer" in said and "een bankrekeningnummer" in said and "een wachtwoord" in said
    _assert_no_planted(payload, raw, stored)


@pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")
def test_an_identity_document_image_is_said_to_be_deleted(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    body = "Goedemiddag,\n\nHierbij een kopie van mijn paspoort, zodat u weet wie ik ben. Wilt u mijn domein verhuizen?"
    passport = InboundAttachment("paspoort.png", "image/png", files.passport())
    ticket_id = _submit(_intake(ticket_store, real_scrubber), body, passport, external_id="id@x")
    payload, raw, stored = _ack(ticket_store, ticket_id)
    said = str(payload["text"])
    assert "kopie van een identiteitsbewijs" in said and "verwijderd" in said
    _assert_no_planted(payload, raw, stored)
    for value in files.MRZ:
        assert value not in raw and value not in json.dumps(payload)


@pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")
def test_an_identity_document_inside_a_forwarded_mail_counts_too(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    inner = files.eml("Mijn paspoort, zoals gevraagd.", [("id.png", "image/png", files.passport())])
    body = ("Goedemiddag,\n\nHierbij stuur ik u het doorgestuurde bericht met een kopie van mijn paspoort, zodat "
            "u mijn domeinnaam kunt verhuizen naar het nieuwe pakket.\n\nMet vriendelijke groet")
    raw = files.eml(body, [("Paspoort.eml", "message/rfc822", inner)], subject="Fwd: paspoort")
    out = _intake(ticket_store, real_scrubber).submit(to_inbound(parse_email(raw), raw))
    assert out.status == "stored" and out.ticket_id is not None
    payload, raw_payload, stored = _ack(ticket_store, out.ticket_id)
    # In the ticket's language as the scrubber detected it (the inlined forwarded headers can tip a
    # short Dutch mail to English; that detection is the scrubber's, the words follow it).
    assert removed.paragraph(str(payload["lang"]), {}, identity_images=1) in str(payload["text"])
    # The sender's own address is where the mail goes ("to"); the MRZ and the name are nowhere.
    _assert_no_planted(payload, raw_payload, stored, (*files.MRZ, "ERIKSSON", NAME))
