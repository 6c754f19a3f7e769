"""Issue 20: real-world mail read right. Each fixture is our own mail that reproduces one case seen in
public corpora (Zammad's test/data/mail): leftovers before the headers, charsets, broken From headers,
attachment naming. The parse problems become short notes the agent sees, never raw bytes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from intake.limits import ContentLimits, attachment_content
from intake.mail.attachments import attachment_text
from intake.mail.parse import parse_email, parsed_to_json, to_inbound
from intake.message import BounceReport
from tests.intake.mail.conftest import MAIL_DIR, mail
from tests.intake.mail.test_parse import Expect

REAL_WORLD: dict[str, Expect] = {
    "mbox_from_line.eml": Expect(
        "mbox-1@example.test",
        "pieter.proef@example.test",
        "Back-up terugzetten",
        ("Kunnen jullie de back-up van gisteren terugzetten?",),
        defects=("pre-header-lines-skipped",),
    ),
    "pasted_original_line.eml": Expect(
        "pasted-1@example.test",
        "rosa@example.test",
        "Contactformulier van de website",
        ("Het contactformulier op onze site geeft een foutmelding",),
        absent=("<p>", "Return-Path"),
        defects=("pre-header-lines-skipped",),
    ),
    "broken_folding.eml": Expect(
        "fold-1@example.test",
        "karel@example.test",
        "AW: Verhuizing naar nieuw pakket",
        ("Wanneer wordt de verhuizing",),
        absent=("Brightmail", "Ig5drOC"),
        defects=("header-folding-repaired",),
    ),
    "iso2022jp_body.eml": Expect(
        "jis-1@example.test", "taro@example.test", "サーバー停止", ("①１都３県のサーバーが停止しました。確認をお願い",)
    ),
    "iso2022jp_unlabelled.eml": Expect(
        "jis-2@example.test", "taro@example.test", "no label", ("①１都３県のサーバーが停止しました。",), absent=("$B",)
    ),
    "gb2312_gbk_subject.eml": Expect(
        "gbk-1@example.test",
        "wang.fictief@example.test",
        "內應力產生与注塑工艺",
        ("您好，內應力產生的問題，請幫忙檢查一下。",),
        defects=("from:taken-from-reply-to",),
    ),
    "shift_jis_subject.eml": Expect(
        "sjis-1@example.test", "hanako@example.test", "ツール～①", ("ツールの設定を教えてください。",)
    ),
    "utf7_subject.eml": Expect(
        "utf7-1@corp.example.test",
        "postmaster@corp.example.test",
        "Benachrichtung zum Übermittlungsstatus (Fehlgeschlagen)",
        ("nicht zugestellt",),
    ),
    "ks_c_5601.eml": Expect("ksc-1@example.test", "kim@example.test", "똠방 서버 문의", ("똠방 서버가 느립니다.",)),
    "unknown_charset_cp1252.eml": Expect(
        "u8-1@example.test", "wim@example.test", "Hallo", ("Hallö wéreld",), defects=("charset-detected:cp1252",)
    ),
    "from_trailing_dot.eml": Expect(
        "from-1@example.test", "claudia.shu@yahoo.example.test", "Afzender", ("Mijn site is stuk.",),
        defects=("from:address-repaired",),
    ),
    "from_stray_bracket.eml": Expect(
        "from-2@example.test", '"lottery spain transfer"@example.test', "Afzender", ("Mijn site is stuk.",),
        defects=("from:address-repaired",),
    ),
    "from_no_brackets.eml": Expect(
        "from-3@example.test", "test@example.test", "Afzender", ("Mijn site is stuk.",),
        defects=("from:address-repaired",),
    ),
    "from_spaces_local.eml": Expect(
        "from-4@example.test", '"power quadrant system"@example.test', "Afzender", ("Mijn site is stuk.",),
        defects=("from:address-repaired",),
    ),
    "from_quoted_address.eml": Expect(
        "from-5@example.test", "finances8@loans.example.test", "Afzender", ("Mijn site is stuk.",),
        defects=("from:address-repaired",),
    ),
    "mailer_daemon_bounce.eml": Expect(
        "bounce-2@relay.example.test",
        "mailer-daemon",
        "Undelivered Mail Returned to Sender",
        ("could not be delivered", "550 5.1.1 user unknown"),
        absent=("Tekst van ons eigen antwoord", "Reporting-MTA"),
        auto_reason="dsn",
        bounce=BounceReport("reply-3@scrubdesk.test", "5.1.1", "failed"),
        filenames=("Delivery report.txt", "Re: [#1042] Uw aanvraag.eml"),
        defects=("from:no-domain",),
    ),
    # A newsletter tool's plain branch that only links to the web version (Zammad's corpus mail043):
    # the HTML branch carries the message.
    "alternative_plain_stub.eml": Expect(
        "stub-1@shop.example.test",
        "nieuws@shop.example.test",
        "Uw bestelling en onze nieuwsbrief",
        ("Uw bestelling 1234 is vandaag verzonden",),
        to=("support@scrubdesk.test",),
        defects=("alternative-plain-stub",),
    ),
    "attachment_names.eml": Expect(
        "names-1@example.test",
        "karel@example.test",
        "Bijlagen met namen",
        ("Zie de bijlagen.", "---------- Forwarded message ----------", "Uw factuur van februari."),
        filenames=(
            "offerte.pdf",
            "Bestellbestätigung_1805.jpg",
            "Clément factuur.pdf",
            "ITN21A07-000089.jpg",
            None,
            "Hofjägeralle.jpg",
            "Factuur février.eml",
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(REAL_WORLD))
def test_real_world_fixture(name: str) -> None:
    expect = REAL_WORLD[name]
    parsed = parse_email(mail(name))
    assert parsed.message_id == expect.message_id
    assert parsed.from_addr == expect.from_addr
    assert parsed.subject == expect.subject
    for fragment in expect.contains:
        assert fragment in parsed.text, (fragment, parsed.text)
    for fragment in expect.absent:
        assert fragment not in parsed.text, fragment
    assert parsed.auto_reason == expect.auto_reason
    assert parsed.bounce == expect.bounce
    assert tuple(a.filename for a in parsed.attachments) == expect.filenames
    for code in expect.defects:
        assert code in parsed.defects, (code, parsed.defects)
    for value in (parsed.text, parsed.subject, *(a.filename or "" for a in parsed.attachments), *parsed.notes):
        assert "\x00" not in value and "\ufffd" not in value
        value.encode("utf-8")


def test_display_names_in_mislabelled_charsets() -> None:
    assert parse_email(mail("gb2312_gbk_subject.eml")).from_name == "我"
    assert parse_email(mail("shift_jis_subject.eml")).from_name == "ツール EXAMPLE"
    assert parse_email(mail("ks_c_5601.eml")).from_name == "김똠방"


def test_from_header_without_address_keeps_the_sender_missing() -> None:
    # Nothing that looks like an address: no sender is invented, and the note says so.
    parsed = parse_email(mail("malformed_headers.eml"))
    assert parsed.from_addr is None
    assert "sender address unreadable" in parsed.notes


def test_a_human_sender_without_domain_is_not_taken() -> None:
    raw = b"From: jan\nTo: support@scrubdesk.test\nSubject: x\nMessage-ID: <nd@x>\n\nHoi\n"
    parsed = parse_email(raw)
    assert parsed.from_addr is None
    assert "from:no-domain" in parsed.defects


def test_attached_mail_is_listed_and_its_text_scrubbable_never_raw() -> None:
    parsed = parse_email(mail("attachment_names.eml"))
    eml = next(a for a in parsed.attachments if a.filename == "Factuur février.eml")
    assert eml.content_type == "message/rfc822"
    text = attachment_text(eml)
    assert text is not None
    assert "Subject: Factuur février" in text and "Uw factuur van februari." in text
    assert "Content-Type" not in text and "Message-ID" not in text
    stored = attachment_content(eml, ContentLimits(store_max=10**7, text_max=10**6, max_pixels=10**6, clean_seconds=5))
    assert stored.content is None  # never the raw source: only the text, which the pipeline scrubs
    assert stored.text is not None and "Uw factuur van februari." in stored.text
    others = next(a for a in parsed.attachments if a.filename == "ITN21A07-000089.jpg")
    assert others.content_type == "application/others"


def test_delivery_report_is_an_attachment_read_as_text() -> None:
    parsed = parse_email(mail("mailer_daemon_bounce.eml"))
    report = parsed.attachments[0]
    assert report.content_type == "message/delivery-status"
    text = attachment_text(report)
    assert text is not None and "Status: 5.1.1" in text
    limits = ContentLimits(store_max=10**7, text_max=10**6, max_pixels=10**6, clean_seconds=5)
    assert attachment_content(report, limits).content is None


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("win1252_as_latin1.eml", "charset iso-8859-1 read as cp1252"),
        ("unknown_charset_cp1252.eml", "charset guessed as cp1252"),
        ("from_no_brackets.eml", "sender address repaired"),
        ("gb2312_gbk_subject.eml", "sender taken from Reply-To"),
        ("pasted_original_line.eml", "lines before the headers skipped"),
        ("broken_folding.eml", "broken header lines joined"),
    ],
)
def test_parse_problems_become_short_notes_on_the_message(name: str, note: str) -> None:
    raw = mail(name)
    parsed = parse_email(raw)
    assert note in parsed.notes, parsed.notes
    msg = to_inbound(parsed, raw)
    assert msg.parse_notes == parsed.notes
    # Visible to the agent: the stored text ends with them (scrubbed with the text).
    assert msg.text.startswith(parsed.text)
    assert note in msg.text.split("\n")[-1]
    assert all(len(n) < 80 for n in parsed.notes)


def test_clean_mail_has_no_notes_and_text_unchanged() -> None:
    raw = mail("plain.eml")
    parsed = parse_email(raw)
    assert parsed.notes == ()
    assert to_inbound(parsed, raw).text == parsed.text


def test_notes_never_carry_raw_bytes_or_content() -> None:
    raw = mail("shift_jis_subject.eml") + b""
    raw = raw.replace(b"charset=iso-2022-jp", b'charset="x-\xff\xfe<script>-very-long-label-name-of-junk-junk-junk"')
    notes = parse_email(raw).notes
    assert notes
    for note in notes:
        assert note.isascii() and "<script>" not in note and len(note) < 80


def test_every_new_fixture_is_covered() -> None:
    from tests.intake.mail.test_parse import CASES

    assert {p.name for p in MAIL_DIR.glob("*.eml")} == set(CASES) | set(REAL_WORLD)


# -- scrubdesk mail parse FILE [--json] -------------------------------------------------------------


def test_cli_mail_parse_json_prints_what_intake_reads() -> None:
    from app.cli import cli

    result = CliRunner().invoke(cli, ["mail", "parse", str(MAIL_DIR / "gb2312_gbk_subject.eml"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == json.loads(json.dumps(parsed_to_json(parse_email(mail("gb2312_gbk_subject.eml")))))
    assert data["from"] == "wang.fictief@example.test"
    assert "sender taken from Reply-To" in data["notes"]


def test_cli_mail_parse_without_json_prints_a_summary() -> None:
    from app.cli import cli

    result = CliRunner().invoke(cli, ["mail", "parse", str(MAIL_DIR / "attachment_names.eml")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)
    assert "From: karel@example.test" in out
    assert "Subject: Bijlagen met namen" in out
    assert "Factuur février.eml (message/rfc822" in out
    assert "Zie de bijlagen." in out


def test_multipart_without_boundary_lines_is_read_as_text() -> None:
    # A gateway relabelled a plain Apple Mail message multipart/mixed: no boundary ever occurs.
    raw = (
        b'From: a@example.test\nSubject: x\nContent-Type: multipart/mixed; boundary="never"\n'
        b"Content-Transfer-Encoding: quoted-printable\n\n=E4=F6=FC=DF ad asd, groet\n"
    )
    parsed = parse_email(raw)
    assert parsed.text == "äöüß ad asd, groet"
    assert parsed.attachments == ()
    assert "multipart-without-parts" in parsed.defects


def test_a_bounce_lists_the_returned_mail_and_reads_only_the_notice() -> None:
    parsed = parse_email(mail("mailer_daemon_bounce.eml"))
    eml = parsed.attachments[1]
    text = attachment_text(eml)
    assert text is not None and "Tekst van ons eigen antwoord." in text
    assert "Tekst van ons eigen antwoord" not in parsed.text
