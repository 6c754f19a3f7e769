"""The deployment key: one secret per installation, kept outside the database, behind every keyed
digest and every sealed value at rest.

A copy of the database alone (a dump, a backup, the SQLite file or its WAL read by someone else)
must not give back what scrubdesk promises not to keep in clear. So:

- ``digest(purpose, value)``: an HMAC-SHA256 under a subkey per purpose, for values we only ever
  look up or compare (the Message-IDs mail threads by, a requester's address, a suppressed address).
  Without the key a digest cannot be reversed by trying every address or every BSN-shaped string.
- ``seal(data)`` / ``unseal(text)``: AES-256-GCM (RFC 5116) for values that must be read back, such as
  an outbox entry's payload until it is sent, or the Message-ID a reply must refer to.

The key lives in ``data_dir/deployment.key`` (``app.secret_files``), and ``app`` installs it in
every process before the store is used; several ``serve`` processes on one database share the file,
and ``check_value`` lets them find out at start when they do not. Subkeys are derived with HKDF
(RFC 5869), one per purpose, so a digest made for one use can never be replayed for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_NONCE_BYTES = 12
_SEALED_PREFIX = "s1:"


class KeyNotInstalled(RuntimeError):
    """The process uses the store before ``install`` gave it the deployment key."""


_state: dict[str, bytes] = {}


def install(key: bytes) -> None:
    """Give this process its deployment key (before the store is used)."""
    if len(key) < KEY_BYTES:
        raise ValueError(f"the deployment key must be at least {KEY_BYTES} bytes")
    _state["key"] = key
    _subkey.cache_clear()


def installed() -> bool:
    return "key" in _state


@lru_cache(maxsize=32)
def _subkey(purpose: str) -> bytes:
    key = _state.get("key")
    if key is None:
        raise KeyNotInstalled("the deployment key is not installed (app.core installs it at start)")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=f"scrubdesk:{purpose}".encode()).derive(key)


def digest(purpose: str, value: str) -> str:
    """A keyed digest of ``value`` for ``purpose`` (64 hex characters)."""
    return hmac.new(_subkey(f"digest:{purpose}"), value.encode(), hashlib.sha256).hexdigest()


def check_value() -> str:
    """A digest of nothing: equal in two processes exactly when they hold the same key."""
    return digest("key-check", "")


def seal(data: bytes, *, purpose: str) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    box = AESGCM(_subkey(f"seal:{purpose}")).encrypt(nonce, data, purpose.encode())
    return _SEALED_PREFIX + base64.b64encode(nonce + box).decode("ascii")


def unseal(text: str, *, purpose: str) -> bytes:
    if not text.startswith(_SEALED_PREFIX):
        raise ValueError("not a sealed value")
    raw = base64.b64decode(text[len(_SEALED_PREFIX):])
    return AESGCM(_subkey(f"seal:{purpose}")).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], purpose.encode())


def is_sealed(text: object) -> bool:
    return isinstance(text, str) and text.startswith(_SEALED_PREFIX)


def seal_json(value: Any, *, purpose: str) -> str:
    return seal(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode(), purpose=purpose)


def unseal_json(text: str, *, purpose: str) -> Any:
    return json.loads(unseal(text, purpose=purpose))
