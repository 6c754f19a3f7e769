"""Issue 15, finding 8, through the web app: the login form's limits and the address they count.

- ``" anna"``, ``"anna "`` and ``"ANNA"`` are one account and one counter; the audit names the account.
- 20 parallel wrong passwords against a limit of 5: only 5 reach the password check.
- The limit lives in the database: two app instances (two ``serve`` processes) share it.
- The address the limit counts is the real peer: ``tests/web/test_proxy_headers.py``.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from models import AuditEntry
from tests.web.conftest import API_TOKEN, PASSWORD, Env, csrf_of
from tickets import accounts
from web.app import create_app


def _attempt(client: TestClient, username: str, password: str) -> int:
    form = client.get("/login")
    r = client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
                    follow_redirects=False)
    return r.status_code


def _failed_logins(env: Env) -> list[AuditEntry]:
    with env.store.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")
                                    .order_by(AuditEntry.id)))


def test_user_name_spellings_are_one_account_and_one_counter(env: Env) -> None:
    codes = [_attempt(env.client, name, "wrong password!") for name in (" anna", "anna ", "ANNA", "Anna", "ａｎｎａ")]
    assert codes == [401] * 5
    assert _attempt(env.client, "anna", PASSWORD) == 429
    # Every failure was audited against the account, never with what was typed.
    rows = _failed_logins(env)
    assert [r.target_id for r in rows] == [str(env.agent_id)] * 5
    assert all("ANNA" not in str(r.detail) and "ａｎｎａ" not in str(r.detail) for r in rows)


def test_login_under_another_spelling_works(env: Env) -> None:
    assert _attempt(env.client, "  Anna ", PASSWORD) == 303


class _CountingHasher:
    def __init__(self, inner: Any) -> None:
        self.inner, self.calls, self._lock = inner, 0, threading.Lock()

    def verify(self, hash_: str, password: str) -> bool:
        with self._lock:
            self.calls += 1
        return bool(self.inner.verify(hash_, password))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_parallel_wrong_passwords_are_not_all_checked(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = _CountingHasher(accounts._hasher)
    monkeypatch.setattr(accounts, "_hasher", hasher)
    form = env.client.get("/login")
    token = csrf_of(form.text)
    start = threading.Barrier(20)

    def one(_: int) -> int:
        start.wait()
        return env.client.post("/login", data={"username": "anna", "password": "wrong password!",
                                               "csrf_token": token}, follow_redirects=False).status_code

    with ThreadPoolExecutor(20) as pool:
        codes = list(pool.map(one, range(20)))
    assert sorted(codes) == [401] * 5 + [429] * 15, codes
    assert hasher.calls == 5


def test_the_limit_is_shared_by_every_app_on_the_database(env: Env) -> None:
    second = create_app(env.store, lambda: API_TOKEN)
    with TestClient(second, base_url="http://testserver") as other:
        assert [_attempt(env.client, "anna", "wrong password!") for _ in range(3)] == [401] * 3
        assert [_attempt(other, "anna", "wrong password!") for _ in range(2)] == [401] * 2
        assert _attempt(other, "anna", PASSWORD) == 429
        assert _attempt(env.client, "anna", PASSWORD) == 429
