"""Issue 15, finding 8: the login limit, on the real store (SQLite, and PostgreSQL when configured).

- One normalisation of the user name (NFKC, surrounding whitespace, case folding) for login, agent
  creation and the limit: ``" bob"``, ``"bob "`` and ``"BOB"`` are one account and one counter.
- The attempt is reserved in the database before the password is checked, so parallel wrong passwords
  are not all checked, and the limit holds for every process on the database.
- Per client address too; a successful login clears the account's failures.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import select, text

from models import migrate
from models.db import make_engine
from models.workspace import LoginAttempt
from tickets import accounts
from tickets.store import TicketStore

PASSWORD = "correct horse battery"
HOME = "198.51.100.7"


@pytest.fixture
def bob(ticket_store: TicketStore) -> int:
    with ticket_store.writing() as session:
        return accounts.add_agent(session, "bob", PASSWORD).id


def _login(store: TicketStore, username: str, password: str, *, client: str = HOME,
           limiter: accounts.LoginLimiter | None = None) -> accounts.LoginResult:
    return accounts.login(store, username, password, client=client, limiter=limiter or accounts.LoginLimiter())


@pytest.mark.parametrize("spelling", [" bob", "bob ", "BOB", "Bob", "\tbob\n", "ｂｏｂ", "ＢＯＢ"])
def test_one_normalisation_of_the_user_name(spelling: str) -> None:
    assert accounts.normalise_username(spelling) == "bob"


def test_agent_creation_refuses_a_name_that_normalises_to_an_existing_one(ticket_store: TicketStore, bob: int) -> None:
    for spelling in (" bob", "BOB ", "ｂｏｂ"):
        with ticket_store.writing() as session, pytest.raises(accounts.AccountError):
            accounts.add_agent(session, spelling, PASSWORD)
    with ticket_store.writing() as session:
        carol = accounts.add_agent(session, "  Carol ", PASSWORD)
        assert carol.username == "carol"
        with pytest.raises(accounts.AccountError):  # a control character is never part of a name
            accounts.add_agent(session, "da\x00ve", PASSWORD)


def test_login_finds_the_account_under_any_spelling(ticket_store: TicketStore, bob: int) -> None:
    for spelling in (" bob", "BOB ", "ｂｏｂ"):
        result = _login(ticket_store, spelling, PASSWORD)
        assert (result.outcome, result.agent_id) == ("ok", bob)
        assert result.session_token


def test_spellings_share_one_counter(ticket_store: TicketStore, bob: int) -> None:
    outcomes = [_login(ticket_store, name, "wrong password!").outcome for name in (" bob", "bob ", "BOB", "Bob", "bob")]
    assert outcomes == ["wrong"] * 5
    # The sixth attempt is refused before its password is looked at, even the right one.
    assert _login(ticket_store, "bob", PASSWORD).outcome == "blocked"
    assert _login(ticket_store, "BOB", PASSWORD).outcome == "blocked"


class _CountingHasher:
    """Counts the costly password checks, so the test sees how many attempts got that far."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls, self._lock = inner, 0, threading.Lock()

    def verify(self, hash_: str, password: str) -> bool:
        with self._lock:
            self.calls += 1
        return bool(self.inner.verify(hash_, password))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _parallel(n: int, attempt: Callable[[], accounts.LoginResult]) -> list[str]:
    start = threading.Barrier(n)

    def one(_: int) -> str:
        start.wait()
        return attempt().outcome

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def test_parallel_wrong_passwords_are_not_all_checked(ticket_store: TicketStore, bob: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    hasher = _CountingHasher(accounts._hasher)
    monkeypatch.setattr(accounts, "_hasher", hasher)
    outcomes = _parallel(20, lambda: _login(ticket_store, "bob", "wrong password!"))
    assert outcomes.count("wrong") == 5 and outcomes.count("blocked") == 15, outcomes
    assert hasher.calls == 5


def test_the_limit_holds_across_processes(db_url: str, ticket_store: TicketStore, bob: int) -> None:
    # A second engine and store on the same database: what a second ``serve`` process has.
    other_engine = make_engine(db_url)
    migrate.upgrade(other_engine)
    other = TicketStore(other_engine)
    try:
        assert [_login(ticket_store, "bob", "wrong!!!!!!").outcome for _ in range(3)] == ["wrong"] * 3
        assert [_login(other, "bob", "wrong!!!!!!").outcome for _ in range(2)] == ["wrong"] * 2
        assert _login(ticket_store, "bob", PASSWORD).outcome == "blocked"
        assert _login(other, "bob", PASSWORD).outcome == "blocked"
    finally:
        other_engine.dispose()


def test_per_address_limit(ticket_store: TicketStore, bob: int) -> None:
    limiter = accounts.LoginLimiter(per_account=100, per_client=3)
    names = ["alice", "bob", "mallory"]
    assert [_login(ticket_store, n, "wrong!!!!!!", limiter=limiter).outcome for n in names] == ["wrong"] * 3
    assert _login(ticket_store, "bob", PASSWORD, limiter=limiter).outcome == "blocked"
    # Another address is not affected by this one's failures.
    assert _login(ticket_store, "bob", PASSWORD, limiter=limiter, client="203.0.113.9").outcome == "ok"


def test_success_clears_the_accounts_failures(ticket_store: TicketStore, bob: int) -> None:
    assert [_login(ticket_store, "bob", "wrong!!!!!!").outcome for _ in range(4)] == ["wrong"] * 4
    assert _login(ticket_store, "bob", PASSWORD).outcome == "ok"
    assert [_login(ticket_store, "bob", "wrong!!!!!!").outcome for _ in range(5)] == ["wrong"] * 5
    assert _login(ticket_store, "bob", "wrong!!!!!!").outcome == "blocked"


def test_unknown_names_are_limited_like_known_ones(ticket_store: TicketStore) -> None:
    # Otherwise the 429 would tell a prober which accounts exist (OWASP Authentication Cheat Sheet).
    outcomes = [_login(ticket_store, "nobody", "wrong!!!!!!").outcome for _ in range(6)]
    assert outcomes == ["wrong"] * 5 + ["blocked"]


def test_what_was_typed_and_the_address_do_not_rest_in_the_table(ticket_store: TicketStore, bob: int) -> None:
    _login(ticket_store, "Zomer2024!", "wrong!!!!!!")
    _login(ticket_store, "bob", "wrong!!!!!!")
    with ticket_store.reading() as session:
        rows = session.scalars(select(LoginAttempt)).all()
    assert len(rows) == 2
    stored = " ".join(f"{r.account} {r.client}" for r in rows).lower()
    assert "zomer" not in stored and "bob" not in stored and HOME not in stored


def test_the_migration_brings_existing_user_names_into_the_normal_form(db_url: str) -> None:
    # Names stored before 0008 were only trimmed and lower-cased; a name whose normal form is taken
    # stays as it was (never two accounts merged into one).
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        for i, name in enumerate(["ａｎｎａ", "straße", "bob", "ｂｏｂ"], start=1):
            conn.execute(text("INSERT INTO agents (id, username, display_name, role, password_hash, active, "
                              "created_at, password_changed_at) VALUES (:i, :n, :n, 'agent', 'x', :t, :d, :d)"),
                         {"i": i, "n": name, "t": True, "d": "2026-01-01 00:00:00"})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT username FROM agents ORDER BY id"))]
    engine.dispose()
    assert names == ["anna", "strasse", "bob", "ｂｏｂ"]
