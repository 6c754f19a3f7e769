"""The vault cipher: AES-256-GCM envelopes with key ids, so vaulted values survive a key rotation.

The scrubber strips values; where the operator turns the vault on, the stripped value is sealed here
before the ticket store sees it (the store keeps only ``key_id`` and the sealed bytes). AES-GCM is
an AEAD (NIST SP 800-38D, RFC 5116): a changed byte, a wrong key or a sealed value moved to another
ticket or placeholder fails to open, because the caller binds the envelope to its place with the
associated data. Nonces are 96 random bits per seal (SP 800-38D section 8.2.2); with one key the
collision bound stays negligible far beyond the vault's size (its entries live 30 days).

Rotation: a ``Keyring`` holds every key still needed to open old envelopes and seals with the active
one; ``rewrap`` opens with the old key and seals with the active one (``scrubdesk vault rotate-key``).
This module imports nothing of scrubdesk outside ``scrubber`` (docs/architecture).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# Never vaulted, even with the vault on (issue #9: "national ID, ID document, card, credential"):
# support never needs them back, and a leak of any one of them enables identity fraud or account
# takeover. IBAN is deliberately not in this list (a refund may need it), following the issue.
HIGH_RISK_TYPES: frozenset[str] = frozenset({"NATIONAL_ID", "ID_DOCUMENT", "CREDIT_CARD", "CREDENTIAL"})

NONCE_BYTES = 12
KEY_BYTES = 32
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


class VaultKeyError(ValueError):
    """A key or key id that cannot be used (wrong length, unknown id, bad encoding)."""


class VaultOpenError(ValueError):
    """An envelope that does not open: tampered, wrong place (associated data) or wrong key."""


def is_high_risk(entity_type: str) -> bool:
    return entity_type in HIGH_RISK_TYPES


def generate_key() -> str:
    """A new random 256-bit key, URL-safe base64 (what the configuration holds)."""
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode()


def _decode_key(key_id: str, encoded: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(encoded.strip().encode())
    except (binascii.Error, ValueError) as exc:
        raise VaultKeyError(f"vault key {key_id!r} is not base64") from exc
    if len(raw) != KEY_BYTES:
        raise VaultKeyError(f"vault key {key_id!r} must be {KEY_BYTES} bytes (AES-256), got {len(raw)}")
    return raw


@dataclass(frozen=True, slots=True)
class Sealed:
    """One envelope: the id of the key that sealed it and nonce || ciphertext || tag."""

    key_id: str
    blob: bytes


class Keyring:
    """The vault's keys by id; seals with ``active``, opens with whichever key an envelope names."""

    def __init__(self, keys: Mapping[str, str], active: str | None = None) -> None:
        if not keys:
            raise VaultKeyError("the vault needs at least one key")
        for key_id in keys:
            if not _KEY_ID.match(key_id):
                raise VaultKeyError(f"bad vault key id {key_id!r} (1-32 of A-Z a-z 0-9 _ . -)")
        self._keys = {key_id: AESGCM(_decode_key(key_id, value)) for key_id, value in keys.items()}
        # Without an explicit choice the last key named is the active one (configs append new keys).
        self.active = active if active is not None else list(keys)[-1]
        if self.active not in self._keys:
            raise VaultKeyError(f"the active vault key {self.active!r} is not configured")

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def seal(self, value: str, aad: bytes) -> Sealed:
        nonce = os.urandom(NONCE_BYTES)
        return Sealed(self.active, nonce + self._keys[self.active].encrypt(nonce, value.encode("utf-8"), aad))

    def open(self, sealed: Sealed, aad: bytes) -> str:
        aead = self._keys.get(sealed.key_id)
        if aead is None:
            raise VaultKeyError(f"vault key {sealed.key_id!r} is no longer configured")
        nonce, body = sealed.blob[:NONCE_BYTES], sealed.blob[NONCE_BYTES:]
        try:
            return aead.decrypt(nonce, body, aad).decode("utf-8")
        except InvalidTag as exc:
            raise VaultOpenError("the vault entry does not open (tampered, moved or wrong key)") from exc

    def rewrap(self, sealed: Sealed, aad: bytes) -> Sealed:
        """The same value sealed with the active key (a no-op for envelopes already under it)."""
        if sealed.key_id == self.active:
            return sealed
        return self.seal(self.open(sealed, aad), aad)


def binding(ticket_id: int, entity_type: str, number: int) -> bytes:
    """Associated data tying an envelope to its ticket and placeholder (``<PHONE_NUMBER_2>`` of #100042)."""
    return f"scrubdesk-vault-v1\x1f{ticket_id}\x1f{entity_type}\x1f{number}".encode()
