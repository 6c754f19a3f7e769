"""The vault cipher (privacy/cipher.py): AES-GCM envelopes, their binding, and key rotation."""

from __future__ import annotations

import base64

import pytest

from privacy.cipher import (
    HIGH_RISK_TYPES,
    Keyring,
    Sealed,
    VaultKeyError,
    VaultOpenError,
    binding,
    generate_key,
    is_high_risk,
)

K1, K2 = generate_key(), generate_key()
HERE = binding(7, "PHONE_NUMBER", 1)


def test_round_trip_and_no_clear_text() -> None:
    ring = Keyring({"k1": K1})
    sealed = ring.seal("06-12345678", HERE)
    assert sealed.key_id == "k1"
    assert b"12345678" not in sealed.blob
    assert ring.open(sealed, HERE) == "06-12345678"
    # a fresh nonce per seal: the same value never gives the same bytes
    assert ring.seal("06-12345678", HERE).blob != sealed.blob


@pytest.mark.parametrize("elsewhere", [binding(8, "PHONE_NUMBER", 1), binding(7, "PHONE_NUMBER", 2),
                                       binding(7, "EMAIL_ADDRESS", 1)])
def test_an_envelope_moved_to_another_place_does_not_open(elsewhere: bytes) -> None:
    ring = Keyring({"k1": K1})
    with pytest.raises(VaultOpenError):
        ring.open(ring.seal("piet@example.nl", HERE), elsewhere)


def test_a_changed_byte_does_not_open() -> None:
    ring = Keyring({"k1": K1})
    sealed = ring.seal("piet@example.nl", HERE)
    flipped = bytearray(sealed.blob)
    flipped[-1] ^= 1
    with pytest.raises(VaultOpenError):
        ring.open(Sealed("k1", bytes(flipped)), HERE)


def test_rotated_key_still_opens_old_entries_and_rewrap_moves_them() -> None:
    old = Keyring({"k1": K1}).seal("Kerkstraat 12", HERE)
    ring = Keyring({"k1": K1, "k2": K2})  # the newest key listed last is the active one
    assert ring.active == "k2"
    assert ring.open(old, HERE) == "Kerkstraat 12"
    moved = ring.rewrap(old, HERE)
    assert moved.key_id == "k2"
    assert Keyring({"k2": K2}).open(moved, HERE) == "Kerkstraat 12"
    with pytest.raises(VaultKeyError):
        Keyring({"k2": K2}).open(old, HERE)  # the old key was removed: its entries must be rotated first


def test_wrong_key_under_the_same_id_does_not_open() -> None:
    sealed = Keyring({"k1": K1}).seal("x", HERE)
    with pytest.raises(VaultOpenError):
        Keyring({"k1": K2}).open(sealed, HERE)


@pytest.mark.parametrize("keys,active", [
    ({}, None),
    ({"k1": base64.urlsafe_b64encode(b"short").decode()}, None),
    ({"k1": "not base64 !!"}, None),
    ({"bad id!": K1}, None),
    ({"k1": K1}, "k9"),
])
def test_unusable_configuration_is_refused(keys: dict[str, str], active: str | None) -> None:
    with pytest.raises(VaultKeyError):
        Keyring(keys, active)


def test_high_risk_types_follow_the_issue() -> None:
    assert {"NATIONAL_ID", "ID_DOCUMENT", "CREDIT_CARD", "CREDENTIAL"} == HIGH_RISK_TYPES
    assert not is_high_risk("IBAN") and not is_high_risk("PHONE_NUMBER")
