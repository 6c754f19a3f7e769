"""The machine-generated mail rules, one header at a time on an otherwise human message."""

from __future__ import annotations

import pytest

from intake.mail.parse import parse_email

HUMAN = (
    "From: Pieter Proef <pieter@example.test>\n"
    "To: support@scrubdesk.test\n"
    "Subject: Vraag over mijn pakket\n"
    "Message-ID: <h-1@example.test>\n"
    "{extra}"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Kunnen jullie mijn pakket upgraden?\n"
)


def _parse(
    extra: str = "", *, envelope_from: str | None = None, trusted_list_ids: frozenset[str] = frozenset()
) -> tuple[bool, str | None]:
    raw = HUMAN.format(extra=extra).encode()
    parsed = parse_email(raw, envelope_from=envelope_from, trusted_list_ids=trusted_list_ids)
    return parsed.auto_submitted, parsed.auto_reason


def test_plain_human_message_is_not_automatic() -> None:
    assert _parse() == (False, None)


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Auto-Submitted: auto-generated\n", "auto-submitted"),
        ("Auto-Submitted: auto-replied; owner-email=x@example.test\n", "auto-submitted"),
        ("Auto-Submitted: Auto-Notified\n", "auto-submitted"),
        ("Precedence: junk\n", "precedence"),
        ("Precedence: list\n", "precedence"),
        ("X-Autoreply: yes\n", "x-autoreply"),
        ("X-Autorespond: Out of office\n", "x-autoreply"),
        ("X-Auto-Response-Suppress: OOF, DR\n", "x-auto-response-suppress"),
        ("List-Unsubscribe: <https://news.example.test/u>\n", "list-unsubscribe"),
        ("List-Id: <users.lists.example.test>\n", "list-id"),
        ("Return-Path: <>\n", "null-sender"),
        ("X-Scrubdesk-Loop: scrubdesk.test\n", "loop"),
        ("X-Failed-Recipients: a@example.test\n", "bounce"),
    ],
)
def test_rule_fires_on_its_header(header: str, reason: str) -> None:
    assert _parse(header) == (True, reason)


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: no\n",
        "Auto-Submitted: No (human)\n",
        "Precedence: first-class\n",
        "X-Autoreply: no\n",
        "X-Auto-Response-Suppress: DR, RN\n",
        "Return-Path: <pieter@example.test>\n",
    ],
)
def test_human_values_do_not_fire(header: str) -> None:
    assert _parse(header) == (False, None)


def test_trusted_list_id_stays_human() -> None:
    header = "List-Id: Support <support.scrubdesk.test>\nList-Unsubscribe: <mailto:leave@x.test>\n"
    assert _parse(header, trusted_list_ids=frozenset({"support.scrubdesk.test"})) == (False, None)
    assert _parse(header, trusted_list_ids=frozenset({"other.test"})) == (True, "list-id")


def test_envelope_null_sender_is_automatic() -> None:
    assert _parse(envelope_from="") == (True, "null-sender")
    assert _parse(envelope_from="pieter@example.test") == (False, None)


def test_from_mailer_daemon_and_postmaster() -> None:
    human = HUMAN.format(extra="")
    daemon = human.replace("pieter@example.test", "MAILER-DAEMON@example.test")
    assert parse_email(daemon.encode()).auto_reason == "mailer-daemon"
    # A customer may write from their own postmaster mailbox: only a bounce from it is automatic.
    postmaster = human.replace("pieter@example.test", "postmaster@example.test")
    assert parse_email(postmaster.encode()).auto_reason is None
    bounce = postmaster.replace("Vraag over mijn pakket", "Undeliverable: Re: [#12] Uw vraag")
    assert parse_email(bounce.encode()).auto_reason == "bounce"


def test_mdn_read_receipt_is_automatic() -> None:
    raw = (
        b"From: p@example.test\nTo: support@scrubdesk.test\nSubject: Read: x\n"
        b'Content-Type: multipart/report; report-type=disposition-notification; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nYour message was read.\n"
        b"--B\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; p@example.test\n"
        b"Disposition: manual-action/MDN-sent-manually; displayed\n\n--B--\n"
    )
    parsed = parse_email(raw)
    assert (parsed.auto_reason, parsed.bounce) == ("mdn", None)


def test_dsn_with_original_message_id_field_and_delayed_action() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example.test\nTo: support@scrubdesk.test\nSubject: Delayed Mail\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nStill trying.\n"
        b"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.test\n"
        b"Original-Message-ID: <reply-9@scrubdesk.test>\n\n"
        b"Final-Recipient: rfc822; a@example.test\nAction: delayed\nStatus: 4.4.1\n\n"
        b"--B--\n"
    )
    bounce = parse_email(raw).bounce
    assert bounce is not None
    assert (bounce.original_message_id, bounce.status, bounce.action) == ("reply-9@scrubdesk.test", "4.4.1", "delayed")


def test_dsn_returning_the_full_message() -> None:
    raw = (
        b"From: postmaster@mx.example.test\nTo: support@scrubdesk.test\nSubject: failure\n"
        b'Content-Type: multipart/report; report-type="delivery-status"; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nFailed.\n"
        b"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\n"
        b"Final-Recipient: rfc822; a@example.test\nAction: delayed\nStatus: 4.2.2\n\n"
        b"Final-Recipient: rfc822; b@example.test\nAction: failed\nStatus: 5.2.2 (mailbox full)\n\n"
        b"--B\nContent-Type: message/rfc822\n\nMessage-ID: <reply-3@scrubdesk.test>\nSubject: hi\n\nbody\n"
        b"--B--\n"
    )
    bounce = parse_email(raw).bounce
    assert bounce is not None
    assert (bounce.original_message_id, bounce.status, bounce.action) == ("reply-3@scrubdesk.test", "5.2.2", "failed")


def test_missing_from_with_a_real_envelope_sender_stays_human() -> None:
    from dataclasses import replace

    from intake.mail.parse import to_inbound
    from tests.intake.mail.conftest import mail

    raw = mail("no_headers.eml")
    assert parse_email(raw).auto_reason == "no-from"
    assert parse_email(raw, envelope_from="").auto_reason == "no-from"
    parsed = parse_email(raw, envelope_from="gijs@example.test")
    assert (parsed.auto_submitted, parsed.from_addr) == (False, None)
    # What the SMTP adapter does with it: the envelope sender becomes the sender.
    msg = to_inbound(replace(parsed, from_addr="gijs@example.test"), raw)
    assert (msg.sender, msg.auto_submitted) == ("gijs@example.test", False)
    assert to_inbound(parsed, raw).auto_submitted  # without a sender it stays automatic


@pytest.mark.parametrize(
    ("sender", "subject"),
    [
        ("MAILER-DAEMON@mx.example.test", "failure notice"),  # qmail
        ("postmaster@corp.example.test", "Undeliverable: Re: [#12] Uw vraag"),  # Exchange
        ("mailer-daemon@googlemail.example.test", "Delivery Status Notification (Failure)"),  # Gmail
        ("MAILER-DAEMON@mx.example.test", "Returned mail: see transcript for details"),  # Sendmail
    ],
)
def test_nonstandard_bounces_yield_a_report(sender: str, subject: str) -> None:
    raw = (
        f"From: {sender}\nTo: support@scrubdesk.test\nSubject: {subject}\n\n"
        "Delivery to the following recipient failed permanently:\n\n    weg@example.test\n\n"
        "Remote server said: 550 5.7.1 rejected\n\n--- Original message ---\n"
        "Message-ID: <reply-5@scrubdesk.test>\nSubject: Re: [#12] Uw vraag\n"
    ).encode()
    parsed = parse_email(raw)
    assert parsed.auto_reason == "bounce"
    assert parsed.bounce is not None
    assert (parsed.bounce.original_message_id, parsed.bounce.status) == ("reply-5@scrubdesk.test", "5.7.1")
