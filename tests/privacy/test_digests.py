"""Issue #15, finding 3: what is kept of an address is a keyed digest, never one a dictionary reverses."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from models import Suppression
from privacy.handlers import is_suppressed
from privacy.workflow import digest
from tickets.store import TicketStore


def test_an_address_digest_is_not_the_plain_sha256_of_the_address() -> None:
    assert digest(" Klaas@Example.nl ") == digest("klaas@example.nl")
    assert digest("klaas@example.nl") != hashlib.sha256(b"klaas@example.nl").hexdigest()


def test_a_suppression_made_before_keyed_digests_still_counts_and_is_upgraded(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as s:
        s.add(Suppression(address_digest=hashlib.sha256(b"klaas@example.nl").hexdigest(), channel="email"))
    with ticket_store.writing() as s:
        assert is_suppressed(s, "klaas@example.nl")
    with ticket_store.reading() as s:
        assert s.scalars(select(Suppression.address_digest)).one() == digest("klaas@example.nl")
        assert not is_suppressed(s, "someone@example.nl")
