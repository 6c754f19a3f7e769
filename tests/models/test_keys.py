"""The deployment key: keyed digests, sealed columns, and processes that must hold the same key."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from models import OutboxEntry, keys
from models.db import make_sessionmaker
from models.deployment import WrongDeploymentKey, check_key
from tests.conftest import TEST_DEPLOYMENT_KEY
from tickets import outbox
from tickets.store import TicketStore


def test_digests_are_keyed_and_bound_to_their_purpose() -> None:
    value = "klaas@example.nl"
    assert keys.digest("address", value) != hashlib.sha256(value.encode()).hexdigest()
    assert keys.digest("address", value) != keys.digest("message-id", value)
    assert keys.digest("address", value) == keys.digest("address", value)


def test_a_sealed_value_opens_only_for_its_purpose() -> None:
    sealed = keys.seal(b"code 481223", purpose="outbox")
    assert b"481223" not in sealed.encode() and keys.unseal(sealed, purpose="outbox") == b"code 481223"
    with pytest.raises(Exception):  # noqa: B017 (cryptography's InvalidTag)
        keys.unseal(sealed, purpose="message-id")


def test_outbox_payloads_are_sealed_in_the_database(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as s:
        entry = outbox.enqueue(s, channel="email", kind="privacy",
                               payload={"to": "klaas@example.nl", "text": "Uw code is 481223"})
        entry_id = entry.id
    with ticket_store.reading() as s:
        raw = s.execute(text("SELECT payload FROM outbox WHERE id = :i"), {"i": entry_id}).scalar_one()
        assert "481223" not in raw and "klaas" not in raw
        assert s.get(OutboxEntry, entry_id).payload["text"] == "Uw code is 481223"  # type: ignore[union-attr]


def test_a_process_with_another_key_refuses_to_start(ticket_store: TicketStore) -> None:
    sessions = make_sessionmaker(ticket_store.engine, write=True)
    check_key(sessions)  # the first process records its key's check value
    check_key(sessions)  # the same key again: fine
    try:
        keys.install(b"another-deployment-key-000000000")
        with pytest.raises(WrongDeploymentKey):
            check_key(sessions)
    finally:
        keys.install(TEST_DEPLOYMENT_KEY)
