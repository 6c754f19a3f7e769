"""Each hand-written fixture parses to the fields a support agent (and the pipeline) needs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from intake.attachments.mail import mail_text
from intake.mail.parse import ParsedMail, parse_email, parsed_to_json, to_inbound
from intake.message import BounceReport, InboundAttachment
from models import Channel
from tests.intake.mail.conftest import KEYS, MAIL_DIR, mail


@dataclass(frozen=True)
class Expect:
    message_id: str | None
    from_addr: str | None
    subject: str
    contains: tuple[str, ...]
    auto_reason: str | None = None
    absent: tuple[str, ...] = ()
    to: tuple[str, ...] = ("support@scrubdesk.test",)
    cc: tuple[str, ...] = ()
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    bounce: BounceReport | None = None
    filenames: tuple[str | None, ...] = ()
    defects: tuple[str, ...] = field(default=())


CASES: dict[str, Expect] = {
    "plain.eml": Expect(
        "plain-1@example.test",
        "femke.fictief@example.test",
        "Website bakkerij-fictief.test is offline",
        ("niet meer bereikbaar", "Klantnummer 104233", "Femke Fictief"),
        cc=("bram.bedacht@example.test",),
    ),
    "alternative.eml": Expect(
        "alt-1@example.test",
        "bram@example.test",
        "Mailbox vol",
        ("kan de quota omhoog",),
        absent=("HTML-VERSIE",),
    ),
    "alternative_empty_plain.eml": Expect(
        "alt-2@example.test",
        "bram@example.test",
        "Lege platte tekst",
        ("SSL-certificaat van onze shop is verlopen",),
        absent=("<p>",),
        defects=("alternative-html-used",),
    ),
    "html_only.eml": Expect(
        "html-1@example.test",
        "cor@example.test",
        "Foutmelding",
        ("Error 500 op onze café-site", "* Sinds gisteren", "web03"),
        absent=("<b>", "secret", "color:red", "&nbsp;"),
    ),
    "win1252_as_latin1.eml": Expect(
        "cp1252-1@example.test",
        "dirk@example.test",
        "Factuur",
        ("€ 12,50", "niet – er", "“pakket M”", "café-pakket"),
        defects=("charset-mislabelled:iso8859_1->cp1252",),
    ),
    "koi8r.eml": Expect(
        "koi8-1@example.test",
        "ivan@example.test",
        "Сайт не работает",
        ("Здравствуйте! У меня не открывается сайт",),
    ),
    "gb2312.eml": Expect("gb-1@example.test", "li@example.test", "网站无法访问", ("我们的网站从昨天开始无法访问",)),
    "unknown_charset.eml": Expect(
        "unknown-1@example.test",
        "els@example.test",
        "Installatie",
        ("één-klik installatie", "Zoë"),
        defects=("unknown-charset:x-unknown",),
    ),
    "no_charset_8bit.eml": Expect(
        "nocharset-1@example.test",
        "els@example.test",
        "Zonder charset",
        ("Het reçu voor de één-jarige hosting",),
        defects=("charset-guessed:utf_8",),
    ),
    "broken_base64.eml": Expect(
        "b64-1@example.test",
        "fien@example.test",
        "FTP",
        ("Mijn FTP-wachtwoord werkt niet meer",),
        defects=("InvalidBase64CharactersDefect",),
    ),
    "broken_qp.eml": Expect(
        "qp-1@example.test",
        "fien@example.test",
        "QP",
        ("van één domein", "zachte regelbreak"),
        defects=("qp-invalid-escape",),
    ),
    "no_headers.eml": Expect(
        None,
        None,
        "",
        ("mijn website doet het niet meer", "groeten Gijs"),
        auto_reason="no-from",
        to=(),
        defects=("missing-from", "missing-message-id", "missing-date", "missing-subject"),
    ),
    "ooo_auto_submitted.eml": Expect(
        "ooo-1@example.test",
        "hanna@example.test",
        "Afwezig: Re: [#1042] Uw aanvraag",
        ("afwezig tot en met",),
        auto_reason="auto-submitted",
        in_reply_to=("reply-1@scrubdesk.test",),
    ),
    "precedence_bulk.eml": Expect(
        "bulk-1@shop.example.test",
        "news@shop.example.test",
        "Onze aanbiedingen",
        ("halve prijs",),
        auto_reason="precedence",
    ),
    "exchange_oof.eml": Expect(
        "oof-1@corp.example.test",
        "ids@corp.example.test",
        "Automatic reply: [#1042] Uw aanvraag",
        ("out of the office",),
        auto_reason="x-auto-response-suppress",
    ),
    "dsn_bounce.eml": Expect(
        "dsn-1@mx.example.test",
        "mailer-daemon@mx.example.test",
        "Undelivered Mail Returned to Sender",
        ("could not be delivered",),
        auto_reason="dsn",
        bounce=BounceReport("reply-1@scrubdesk.test", "5.1.1", "failed"),
        absent=("Reporting-MTA",),
        # Issue 20: the delivery report is an attachment of the bounce (named by its Content-Description).
        filenames=("Delivery report.txt", None),
    ),
    "nonstandard_bounce.eml": Expect(
        "exim-1@mx2.example.test",
        "mailer-daemon@mx2.example.test",
        "Mail delivery failed: returning message to sender",
        ("could not be delivered",),
        auto_reason="bounce",
        bounce=BounceReport("reply-2@scrubdesk.test", "5.1.1", "failed"),
    ),
    "reply_threaded.eml": Expect(
        "reply-from-customer-1@example.test",
        "femke.fictief@example.test",
        "Re: [#1042] Website offline",
        ("het werkt weer", "> We hebben de server herstart."),
        in_reply_to=("reply-1@scrubdesk.test",),
        references=("plain-1@example.test", "reply-1@scrubdesk.test"),
    ),
    "forwarded_rfc822.eml": Expect(
        "fwd-1@example.test",
        "joost@example.test",
        "Fwd: Factuur F2026-00123",
        (
            "dit bedrag klopt niet",
            "---------- Forwarded message ----------",
            "From: Boekhouding <boekhouding@hoster.example.test>",
            "Subject: Factuur F2026-00123",
            "factuur F2026-00123 van € 99",
        ),
        # Issue 20: the attached mail is listed (under the file name it was sent with); its own PDF is
        # read inside it by the attachment path, not listed again beside it (issue 17: read once).
        filenames=("factuur.eml",),
    ),
    "rfc2231_filename.eml": Expect(
        "att-1@example.test",
        "karel@example.test",
        "Bijlagen",
        ("Zie bijlagen.",),
        filenames=("factuur février €.pdf", "лог.txt", "été.png", "passwd"),
        defects=("filename-with-path",),
    ),
    "no_message_id.eml": Expect(
        None,
        "lotte@example.test",
        "Geen Message-ID",
        ("geen Message-ID",),
        defects=("missing-message-id",),
    ),
    "encoded_words.eml": Expect(
        "ew-1@example.test",
        "marije@example.test",
        "één verzoek met kapot=ZZcafé rest",
        ("kapotte encoded-words",),
        defects=("subject:encoded-word-invalid",),
    ),
    "list_post.eml": Expect(
        "list-1@example.test",
        "niels@example.test",
        "[hosting-users] Wie kent een goede DNS-tool?",
        ("Vraagje aan de lijst.",),
        auto_reason="list-id",
        to=("hosting-users@lists.example.test",),
    ),
    "nested_multipart.eml": Expect(
        "nested-1@example.test",
        "olga@example.test",
        "Screenshot van de fout",
        ("de inlogpagina geeft een witte pagina",),
        absent=("cid:",),
        filenames=(None, "log.pdf"),
    ),
    "loop.eml": Expect(
        "loop-1@scrubdesk.test",
        "support@scrubdesk.test",
        "Re: [#1042] Uw aanvraag",
        ("Uw aanvraag is ontvangen.",),
        auto_reason="loop",
    ),
    "flowed.eml": Expect(
        "flowed-1@example.test",
        "rosa@example.test",
        "Flowed tekst",
        (
            "mijn IBAN is NL91 ABNA 0417 1643 00 en de site is stuk.",
            "> Eerder schreven jullie dat het opgelost was.",
            "-- \nRosa",
        ),
    ),
    "malformed_headers.eml": Expect(
        None,
        None,
        # Issue 20: the line without a colon inside the header block is read as a broken fold, so the
        # headers after it (Subject, Message-ID) are headers again.
        "Raw 8-bit één onderwerp",
        ("Body van een bericht met slechte headers.",),
        auto_reason="null-sender",
        to=(),
        cc=("good@example.test",),
        defects=("header-folding-repaired", "from:invalid-address", "date-invalid", "message-id-invalid"),
    ),
}


def test_every_fixture_has_a_case() -> None:
    from tests.intake.mail.test_real_world import REAL_WORLD

    assert {p.name for p in MAIL_DIR.glob("*.eml")} == set(CASES) | set(REAL_WORLD)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_parses_to_expected_fields(name: str) -> None:
    expect = CASES[name]
    parsed = parse_email(mail(name))
    assert parsed.message_id == expect.message_id
    assert parsed.from_addr == expect.from_addr
    assert parsed.subject == expect.subject
    assert parsed.to == expect.to
    assert parsed.cc == expect.cc
    assert parsed.in_reply_to == expect.in_reply_to
    assert parsed.references == expect.references
    for fragment in expect.contains:
        assert fragment in parsed.text, fragment
    for fragment in expect.absent:
        assert fragment not in parsed.text, fragment
    assert parsed.auto_reason == expect.auto_reason
    assert parsed.auto_submitted is (expect.auto_reason is not None)
    assert parsed.bounce == expect.bounce
    assert tuple(a.filename for a in parsed.attachments) == expect.filenames
    for code in expect.defects:
        assert code in parsed.defects, (code, parsed.defects)
    # Nothing that PostgreSQL text or JSON would reject survives: no NUL, no lone surrogates.
    for value in (parsed.text, parsed.subject, *(a.filename or "" for a in parsed.attachments)):
        assert "\x00" not in value
        value.encode("utf-8")


def test_clean_fixtures_report_no_defects() -> None:
    for name in ("plain.eml", "alternative.eml", "reply_threaded.eml", "koi8r.eml", "gb2312.eml"):
        assert parse_email(mail(name)).defects == (), name


def test_header_fields_of_a_plain_mail() -> None:
    parsed = parse_email(mail("plain.eml"))
    assert parsed.from_name == "Femke Fictief"
    assert parsed.date == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert parsed.authentication_results == (
        "mx.scrubdesk.test; spf=pass smtp.mailfrom=example.test; dkim=pass header.d=example.test",
    )


def test_decoded_display_names() -> None:
    assert parse_email(mail("koi8r.eml")).from_name == "Иван Выдумкин"
    assert parse_email(mail("encoded_words.eml")).from_name == "Marijé Mögelijk"


def test_forwarded_pdf_and_nested_image_bytes_are_decoded() -> None:
    # The forwarded mail's PDF is read inside the listed .eml by the attachment path (issue 17).
    eml = next(a for a in parse_email(mail("forwarded_rfc822.eml")).attachments if a.filename == "factuur.eml")
    parts: list[InboundAttachment] = []
    mail_text(eml.data, 0, 3, lambda part, _depth: parts.append(part) or "")
    pdf = next(a for a in parts if a.filename == "F2026-00123.pdf")
    assert pdf.content_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF-1.4")
    png = parse_email(mail("nested_multipart.eml")).attachments[0]
    assert png.content_type == "image/png"
    assert png.data.startswith(b"\x89PNG")


def _inbound(name: str) -> tuple[ParsedMail, bytes]:
    raw = mail(name)
    return parse_email(raw), raw


def test_to_inbound_uses_message_id_as_external_id() -> None:
    parsed, raw = _inbound("reply_threaded.eml")
    msg = to_inbound(parsed, raw)
    assert msg.channel is Channel.EMAIL
    assert msg.external_id == "reply-from-customer-1@example.test"
    assert msg.sender == "femke.fictief@example.test"
    assert msg.sender_name == "Femke Fictief"
    assert msg.references == ("plain-1@example.test", "reply-1@scrubdesk.test")
    assert msg.text == parsed.text
    assert not msg.auto_submitted


def test_to_inbound_without_message_id_hashes_the_raw_bytes() -> None:
    parsed, raw = _inbound("no_message_id.eml")
    first = to_inbound(parsed, raw)
    retry = to_inbound(parse_email(raw), raw)
    assert first.external_id == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert retry.external_id == first.external_id
    changed = raw.replace(b"geen Message-ID", b"geen Message-ID!")
    assert to_inbound(parse_email(changed), changed).external_id != first.external_id


def test_to_inbound_null_sender_is_empty_and_automatic() -> None:
    parsed, raw = _inbound("no_headers.eml")
    msg = to_inbound(parsed, raw)
    assert msg.sender == ""
    assert msg.auto_submitted
    assert msg.parse_defects == parsed.defects


def test_to_inbound_carries_bounce_and_recipients() -> None:
    parsed, raw = _inbound("dsn_bounce.eml")
    msg = to_inbound(parsed, raw)
    assert msg.bounce is not None
    assert msg.bounce.original_message_id == "reply-1@scrubdesk.test"
    parsed, raw = _inbound("plain.eml")
    assert to_inbound(parsed, raw).recipients == ("support@scrubdesk.test", "bram.bedacht@example.test")


def test_parsed_to_json_has_exactly_the_documented_keys() -> None:
    data = parsed_to_json(parse_email(mail("dsn_bounce.eml")))
    assert list(data) == KEYS
    assert data["bounce"] == {
        "original_message_id": "reply-1@scrubdesk.test",
        "status": "5.1.1",
        "action": "failed",
    }
    report, att = data["attachments"]
    assert report["filename"] == "Delivery report.txt"
    assert set(att) == {"filename", "content_type", "size", "sha256"}
    raw_att = parse_email(mail("dsn_bounce.eml")).attachments[1]
    assert att["size"] == len(raw_att.data)
    assert att["sha256"] == hashlib.sha256(raw_att.data).hexdigest()


@pytest.mark.parametrize("cte", ["base64", "quoted-printable"])
def test_encoded_forwarded_message_is_decoded(cte: str) -> None:
    import base64
    import quopri

    inner = (
        "From: Sam Schijn <sam@example.test>\nSubject: binnen é\nContent-Type: text/plain; charset=utf-8\n\n"
        "Tekst van het binnenste bericht é.\n"
    ).encode()
    encoded = base64.encodebytes(inner) if cte == "base64" else quopri.encodestring(inner)
    raw = (
        b'From: a@example.test\nSubject: fwd\nContent-Type: multipart/mixed; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nzie bijlage\n"
        b"--B\nContent-Type: message/rfc822\nContent-Transfer-Encoding: "
        + cte.encode()
        + b"\n\n"
        + encoded
        + b"--B--\n"
    )
    parsed = parse_email(raw)
    assert "From: Sam Schijn <sam@example.test>" in parsed.text
    assert "Tekst van het binnenste bericht é." in parsed.text
    assert "encoded-message-rfc822" in parsed.defects


def test_each_header_is_parsed_once_per_message_and_never_shared_between_messages() -> None:
    """The body search asks for Content-Type many times; ``message_policy`` parses it once (issue 19). What the
    sender wrote is never shared between messages (only fixed part types are: ``test_header_shortcuts``)."""
    import email

    from intake.mail.headers import message_policy

    raw = b"From: a@example.nl\r\nSubject: Vraag\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo\r\n"
    first, second = (email.message_from_bytes(raw, policy=message_policy()) for _ in range(2))
    assert first["Content-Type"] is first["Content-Type"]
    assert first.get_content_type() == "text/plain" and first.get_param("charset") == "utf-8"
    assert first["Subject"] is first["Subject"]
    assert first["Subject"] is not second["Subject"]
    assert first["Subject"] == second["Subject"]
