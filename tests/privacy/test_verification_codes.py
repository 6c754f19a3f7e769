"""The shared verification service: hashed, single-use, expiring, attempt-limited, rate-limited codes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models import utcnow
from privacy.verification import CheckStatus, TooManyCodes, Verification, Verifier
from tickets.store import TicketStore

KEY = b"0123456789abcdef0123456789abcdef"


def issue(ticket_store: TicketStore, verifier: Verifier, subject: str = "contact:1") -> str:
    with ticket_store.writing() as s:
        return verifier.issue(s, purpose="test", subject=subject, payload={"customer_id": 5}).code


def check(ticket_store: TicketStore, verifier: Verifier, code: str, subject: str = "contact:1") -> tuple[str, int]:
    with ticket_store.writing() as s:
        result = verifier.check(s, purpose="test", subject=subject, code=code)
        return result.status, result.attempts_left


def test_right_code_once_with_its_payload(ticket_store: TicketStore) -> None:
    verifier = Verifier(KEY)
    code = issue(ticket_store, verifier)
    with ticket_store.writing() as s:
        result = verifier.check(s, purpose="test", subject="contact:1", code=code)
    assert result.status == CheckStatus.OK and result.payload == {"customer_id": 5}
    assert check(ticket_store, verifier, code) == (CheckStatus.NONE, 0)  # single use
    with ticket_store.reading() as s:
        row = s.scalars(select(Verification)).one()
        assert row.used_at is not None and code not in row.code_hash and code not in str(row.payload)


def test_wrong_codes_lock_after_the_limit(ticket_store: TicketStore) -> None:
    verifier = Verifier(KEY, max_attempts=3)
    code = issue(ticket_store, verifier)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    assert check(ticket_store, verifier, wrong) == (CheckStatus.WRONG, 2)
    assert check(ticket_store, verifier, wrong) == (CheckStatus.WRONG, 1)
    assert check(ticket_store, verifier, wrong)[0] == CheckStatus.LOCKED
    assert check(ticket_store, verifier, code)[0] == CheckStatus.LOCKED


def test_codes_expire_and_a_new_code_replaces_the_old(ticket_store: TicketStore) -> None:
    verifier = Verifier(KEY)
    old = issue(ticket_store, verifier)
    new = issue(ticket_store, verifier)
    if old != new:  # one chance in a million that they are equal
        assert check(ticket_store, verifier, old) == (CheckStatus.WRONG, 2)
    with ticket_store.writing() as s:
        for row in s.scalars(select(Verification)):
            row.expires_at = utcnow() - timedelta(seconds=1)
    assert check(ticket_store, verifier, new)[0] == CheckStatus.EXPIRED


def test_subjects_and_keys_do_not_mix(ticket_store: TicketStore) -> None:
    verifier = Verifier(KEY)
    code = issue(ticket_store, verifier, subject="contact:1")
    assert check(ticket_store, verifier, code, subject="contact:2")[0] == CheckStatus.NONE
    other_server = Verifier(b"another key of sixteen+ bytes")
    assert check(ticket_store, other_server, code)[0] == CheckStatus.WRONG


def test_issuing_is_rate_limited_per_subject(ticket_store: TicketStore) -> None:
    verifier = Verifier(KEY, max_codes_per_hour=2)
    issue(ticket_store, verifier)
    issue(ticket_store, verifier)
    with pytest.raises(TooManyCodes):
        issue(ticket_store, verifier)
    issue(ticket_store, verifier, subject="contact:9")
