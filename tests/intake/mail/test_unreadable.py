"""Issue 15, finding 4: a message the parser cannot read never stores its source.

A 3,000-deep multipart made the standard library's parser raise RecursionError, and the fallback
stored the raw text, base64 parts and all. A failure that is the same every time is now stored as a
"could not be read" message with only the sender, the subject and the Message-ID; a failure that may
pass on retry (MemoryError, a bug of ours) is a TransientError, so SMTP answers 451 and the MTA retries.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

import intake.mail.parse as parse_module
from intake.errors import TransientError
from intake.mail.parse import main, parse_email, parsed_to_json, to_inbound
from intake.pipeline import Intake
from models import Message
from tests.support.fakes import FakeScrubber
from tests.support.paths import REPO
from tickets.store import TicketStore

SECRET = b"BSN 111222333, IBAN NL91ABNA0417164300, wachtwoord Zomer2024!"
ENCODED = base64.b64encode(SECRET)


def nested_mail(depth: int, *, subject: bytes = b"Mijn BSN is 111222333") -> bytes:
    head = (
        b"From: Jan Klant <jan@example.nl>\r\nTo: support@example.nl\r\nSubject: " + subject + b"\r\n"
        b"Message-ID: <deep-1@example.nl>\r\nMIME-Version: 1.0\r\n"
    )
    levels = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth))
    leaf = (
        b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + ENCODED + b"\r\n"
    )
    return head + levels + leaf


def _assert_no_source(text: str) -> None:
    assert ENCODED.decode() not in text
    for value in ("111222333", "NL91ABNA0417164300", "Zomer2024", "Content-Type", "--b1", "base64"):
        assert value not in text, value


def test_three_thousand_levels_become_an_unreadable_message_without_source() -> None:
    raw = nested_mail(3000)
    parsed = parse_email(raw)
    msg = to_inbound(parsed, raw)
    assert "kon niet worden gelezen" in msg.text and "could not be read" in msg.text
    _assert_no_source(msg.text)
    assert len(msg.text) < 400
    assert msg.attachments == ()
    # Only what the headers give safely: the contact, the subject (scrubbed later) and the idempotency key.
    assert msg.sender == "jan@example.nl"
    assert msg.subject == "Mijn BSN is 111222333"
    assert msg.external_id == "deep-1@example.nl"
    assert not msg.auto_submitted
    assert "unreadable:nesting-too-deep" in parsed.defects


def test_unreadable_message_is_stored_as_the_note_with_a_scrubbed_subject(ticket_store: TicketStore) -> None:
    raw = nested_mail(3000)
    intake = Intake(ticket_store, FakeScrubber())
    out = intake.submit(to_inbound(parse_email(raw), raw))
    assert out.status == "stored"
    with ticket_store.reading() as s:
        stored = s.get(Message, out.message_id)
        assert stored is not None
        _assert_no_source(stored.text)
        assert "could not be read" in stored.text
        assert stored.subject == "Mijn BSN is <NATIONAL_ID_1>"
        assert stored.attachments == []
    # A retry of the same bytes is the same message.
    assert intake.submit(to_inbound(parse_email(raw), raw)).status == "duplicate"


def test_deep_but_parseable_nesting_is_cut_with_a_note() -> None:
    depth = 200
    head = b"From: a@example.test\nSubject: nest\n"
    levels = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth))
    raw = head + levels + b"Content-Type: text/plain\n\nGeheime tekst diep in de boom\n"
    parsed = parse_email(raw)
    assert "nesting-too-deep" in parsed.defects
    assert "Geheime" not in parsed.text
    assert "niet gelezen" in parsed.text.lower() and "not read" in parsed.text


def test_too_many_parts_are_cut_with_a_note() -> None:
    parts = b"".join(b"--b\nContent-Type: text/plain\n\ndeel %d\n" % i for i in range(2000))
    raw = b'From: a@example.test\nSubject: veel\nContent-Type: multipart/mixed; boundary="b"\n\n' + parts + b"--b--\n"
    parsed = parse_email(raw)
    assert "too-many-parts" in parsed.defects
    assert "deel 1\n" in parsed.text + "\n" and "deel 1999" not in parsed.text
    assert "not read" in parsed.text


@pytest.mark.parametrize("error", [MemoryError(), ValueError("a bug of ours")])
def test_a_failure_that_may_pass_on_retry_is_transient(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(parse_module, "extract_body", broken)
    raw = nested_mail(3)
    with pytest.raises(TransientError) as info:
        parse_email(raw)
    assert "111222333" not in str(info.value) and "jan@example.nl" not in str(info.value)


def test_the_debugging_cli_shows_the_note_for_a_deep_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.eml"
    path.write_bytes(nested_mail(3000))
    out = subprocess.run(
        [sys.executable, "-m", "intake.mail.parse", str(path), "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=True,
    )
    data = json.loads(out.stdout)
    assert "could not be read" in data["text"] and data["from"] == "jan@example.nl"


def test_the_debugging_cli_reports_a_transient_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(parse_module, "extract_body", broken)
    path = tmp_path / "m.eml"
    path.write_bytes(nested_mail(2))
    assert main([str(path)]) == 1
    assert "try again" in capsys.readouterr().err


def test_parsed_json_of_an_unreadable_message_has_no_source() -> None:
    data = json.dumps(parsed_to_json(parse_email(nested_mail(3000))))
    assert ENCODED.decode() not in data and "NL91ABNA" not in data


def test_a_from_header_nested_past_the_recursion_limit_loses_only_the_sender() -> None:
    comments = b"(" * 5000 + b"x" + b")" * 5000
    raw = (b"From: Jan " + comments + b" <jan@example.nl>\r\nSubject: Hoi\r\nMessage-ID: <c@x>\r\n\r\n"
           b"Mijn site is stuk\r\n")
    parsed = parse_email(raw)
    # Issue 20: a header this long is not given to the structured parser (quadratic on quoted strings)
    # nor searched for an address: the sender is lost, with a note, and nothing else.
    assert parsed.from_addr is None and "from:too-long" in parsed.defects
    assert "sender address unreadable" in parsed.notes
    assert parsed.text == "Mijn site is stuk" and parsed.subject == "Hoi" and parsed.message_id == "c@x"
