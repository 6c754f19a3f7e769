"""The production cost of password hashing, which the suite lowers for its own process (tests/conftest.py).

Agents' passwords are hashed with argon2id at no less than RFC 9106's second recommended option
(section 4: t=3 passes, 64 MiB of memory, 4 lanes); a login with a hash of a lower cost re-hashes it."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.profiles import RFC_9106_LOW_MEMORY

from tests.conftest import PRODUCTION_HASHER


def test_production_hashes_are_argon2id_at_rfc_9106_cost() -> None:
    assert PRODUCTION_HASHER.type is Type.ID
    assert PRODUCTION_HASHER.time_cost >= RFC_9106_LOW_MEMORY.time_cost
    assert PRODUCTION_HASHER.memory_cost >= RFC_9106_LOW_MEMORY.memory_cost
    assert PRODUCTION_HASHER.parallelism >= RFC_9106_LOW_MEMORY.parallelism


def test_a_cheaper_hash_would_be_rehashed_at_login() -> None:
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID).hash("correct horse battery")
    assert PRODUCTION_HASHER.check_needs_rehash(cheap)
