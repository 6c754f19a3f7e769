"""The vault end to end: intake with the real scrubber puts values in, reveal takes one out (audited),
rotation keeps old entries readable, retention removes expired ones, high-risk values never enter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message
from privacy import retention, vault
from privacy.cipher import HIGH_RISK_TYPES, Keyring, generate_key
from tests.support.fakes import FakeScrubber
from tickets import audit
from tickets.store import TicketStore

K1, K2 = generate_key(), generate_key()

BODY = """Beste support,

Bel me terug op 06-12345678 of mail naar piet.jansen@gmail.com. Mijn BSN is 111222333 en mijn wachtwoord is Zomer2024!.
Mijn creditcard is 4111 1111 1111 1111. Rekening NL91 ABNA 0417 1643 00.

Groet,
Piet Jansen"""
HIGH_RISK_VALUES = ("111222333", "Zomer2024!", "4111 1111 1111 1111")
OFFICER = {"actor": "agent:olga", "role": "privacy_officer"}
REASON = "customer asked to be called back about the outage"


def _submit(intake: Intake, body: str = BODY, ext: str = "m1@test") -> int:
    outcome = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=ext, sender="piet@example.nl",
                                           subject="Storing", text=body))
    assert outcome.status == "stored" and outcome.ticket_id is not None
    return outcome.ticket_id


@pytest.fixture
def vaulted(ticket_store: TicketStore, real_scrubber):  # type: ignore[no-untyped-def]
    sql_vault = vault.SqlVault(Keyring({"k1": K1}))
    return Intake(ticket_store, real_scrubber, vault=sql_vault), sql_vault


def _reveal(ticket_store: TicketStore, keyring: Keyring, ticket_id: int, etype: str, number: int, *,
            reason: str = REASON, role: str = "privacy_officer") -> str:
    return vault.reveal_in_own_transaction(ticket_store, keyring, vault.RevealPolicy(), actor="agent:olga",
                                           role=role, ticket_id=ticket_id, entity_type=etype, number=number,
                                           reason=reason)


def test_stripped_values_are_vaulted_under_their_placeholder_and_high_risk_ones_never(
    ticket_store: TicketStore, vaulted  # type: ignore[no-untyped-def]
) -> None:
    intake, sql_vault = vaulted
    ticket_id = _submit(intake)
    with ticket_store.reading() as session:
        stored = session.scalars(select(Message.text).where(Message.ticket_id == ticket_id)).one()
        entries = session.scalars(select(vault.VaultEntry).where(vault.VaultEntry.ticket_id == ticket_id)).all()
        # every high-risk value was detected and replaced in the ticket ...
        for etype in ("NATIONAL_ID", "CREDENTIAL", "CREDIT_CARD"):
            assert f"<{etype}_1>" in stored
        types = {e.entity_type for e in entries}
        # ... but none reached the vault, and no vaulted byte holds a value in clear
        assert not types & HIGH_RISK_TYPES
        assert {"PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN", "PERSON"} <= types
        for e in entries:
            assert e.key_id == "k1"
            for value in (*HIGH_RISK_VALUES, "12345678", "piet.jansen", "ABNA"):
                assert value.encode() not in e.sealed
        raw = " ".join(str(row) for row in session.execute(text("SELECT * FROM vault_entries")).all())
        for value in HIGH_RISK_VALUES:
            assert value not in raw
    # the placeholder in the stored text leads to the value it replaced
    assert "<PHONE_NUMBER_1>" in stored
    assert _reveal(ticket_store, sql_vault.keyring, ticket_id, "PHONE_NUMBER", 1) == "06-12345678"
    assert _reveal(ticket_store, sql_vault.keyring, ticket_id, "IBAN", 1) == "NL91 ABNA 0417 1643 00"


def test_put_refuses_high_risk_types(ticket_store: TicketStore, vaulted) -> None:  # type: ignore[no-untyped-def]
    intake, sql_vault = vaulted
    ticket_id = _submit(intake, "Bel 06-12345678 graag.")
    with ticket_store.writing() as session:
        for etype in sorted(HIGH_RISK_TYPES):
            with pytest.raises(vault.HighRiskValue):
                sql_vault.put(session, ticket_id, etype, 9, "123456782")


def test_a_vault_needs_a_scrubber_that_numbers_placeholders(ticket_store: TicketStore) -> None:
    with pytest.raises(TypeError):
        Intake(ticket_store, FakeScrubber(), vault=vault.SqlVault(Keyring({"k1": K1})))


def test_reveal_needs_the_role_and_a_reason_and_every_attempt_is_audited(
    ticket_store: TicketStore, vaulted  # type: ignore[no-untyped-def]
) -> None:
    intake, sql_vault = vaulted
    ticket_id = _submit(intake)
    ring = sql_vault.keyring
    with pytest.raises(vault.RevealRefused):
        _reveal(ticket_store, ring, ticket_id, "PHONE_NUMBER", 1, role="agent")
    with pytest.raises(vault.RevealRefused):
        _reveal(ticket_store, ring, ticket_id, "PHONE_NUMBER", 1, role="admin")  # not implied: least privilege
    with pytest.raises(vault.RevealRefused):
        _reveal(ticket_store, ring, ticket_id, "PHONE_NUMBER", 1, reason="   ")
    with pytest.raises(vault.RevealRefused):
        _reveal(ticket_store, ring, ticket_id, "NATIONAL_ID", 1)  # never vaulted
    assert _reveal(ticket_store, ring, ticket_id, "PHONE_NUMBER", 1) == "06-12345678"
    with ticket_store.reading() as session:
        log = audit.entries(session)
    assert [e.action for e in reversed(log)] == [audit.REVEAL_REFUSED] * 4 + [audit.REVEAL]
    assert [e.detail.get("refused") for e in reversed(log)][:4] == ["role", "role", "reason", "missing"]
    done = log[0]
    assert done.actor == "agent:olga" and done.target_kind == "vault_entry"
    assert done.detail["reason"] == REASON and done.detail["entity_type"] == "PHONE_NUMBER"
    assert all("12345678" not in str(e.detail) for e in log)


def test_a_rotated_key_still_decrypts_old_entries_and_rotation_reseals_them(
    ticket_store: TicketStore, vaulted  # type: ignore[no-untyped-def]
) -> None:
    intake, _ = vaulted
    ticket_id = _submit(intake)
    rotated = Keyring({"k1": K1, "k2": K2})
    # before the rotation run: old entries open with the old key still configured
    assert _reveal(ticket_store, rotated, ticket_id, "EMAIL_ADDRESS", 1) == "piet.jansen@gmail.com"
    resealed = vault.rotate(ticket_store, rotated, batch=2)
    with ticket_store.reading() as session:
        usage = vault.key_usage(session)
    assert usage == {"k2": resealed} and resealed >= 4
    only_new = Keyring({"k2": K2})
    assert _reveal(ticket_store, only_new, ticket_id, "EMAIL_ADDRESS", 1) == "piet.jansen@gmail.com"
    assert _reveal(ticket_store, only_new, ticket_id, "PHONE_NUMBER", 1) == "06-12345678"


def test_a_vault_entry_past_its_retention_is_gone(ticket_store: TicketStore, real_scrubber) -> None:  # type: ignore[no-untyped-def]
    sql_vault = vault.SqlVault(Keyring({"k1": K1}), retention=timedelta(days=30))
    intake = Intake(ticket_store, real_scrubber, vault=sql_vault)
    ticket_id = _submit(intake)
    policy = retention.RetentionPolicy(pause_seconds=0)
    day29 = datetime.now(UTC) + timedelta(days=29)
    assert retention.run(ticket_store, policy, apply=True, now=day29).counts["vault_entries"] == 0
    with ticket_store.reading() as session:
        n = len(session.scalars(select(vault.VaultEntry.id)).all())
    assert n >= 4
    report = retention.run(ticket_store, policy, apply=True, now=datetime.now(UTC) + timedelta(days=30, seconds=5))
    assert report.counts["vault_entries"] == n
    with ticket_store.reading() as session:
        assert session.scalars(select(vault.VaultEntry.id)).all() == []
        # the ticket and its scrubbed text stay: only the vaulted values reached their end date
        assert "<PHONE_NUMBER_1>" in session.scalars(select(Message.text)).one()
    with pytest.raises(vault.RevealRefused):
        _reveal(ticket_store, sql_vault.keyring, ticket_id, "PHONE_NUMBER", 1)
