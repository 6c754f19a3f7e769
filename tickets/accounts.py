"""Agent accounts: passwords, browser sessions, API tokens and the login rate limit.

Passwords are hashed with argon2id (RFC 9106) through argon2-cffi's defaults, re-hashed on login when
those defaults grow. Session cookies and API tokens are 256-bit random values (``secrets``); only
their SHA-256 digest is stored, which is enough for values with that much entropy (no slow hash
needed, unlike passwords).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Agent, AgentSession, ApiToken, Role, utcnow

_hasher = PasswordHasher()
# Verified when a username does not exist, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password")
MIN_PASSWORD_LENGTH = 10
SESSION_LIFETIME = timedelta(hours=12)


class AccountError(ValueError):
    """A refused account operation (unknown agent, weak password, duplicate name)."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting: an agent (by session or token), or the deployment's global API token."""

    agent_id: int | None
    username: str
    display_name: str
    role: Role
    via: str  # "session" | "token"
    csrf_token: str | None = None

    def has_role(self, *roles: Role) -> bool:
        return self.role is Role.ADMIN or self.role in roles


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def add_agent(
    session: Session, username: str, password: str, *, display_name: str | None = None,
    role: Role = Role.AGENT, email: str | None = None,
) -> Agent:
    username = username.strip().lower()
    if not username or len(username) > 64:
        raise AccountError("a username needs 1 to 64 characters")
    _check_password(password)
    if session.scalars(select(Agent.id).where(Agent.username == username)).first() is not None:
        raise AccountError(f"agent {username!r} exists")
    agent = Agent(username=username, display_name=display_name or username, role=role, email=email,
                  password_hash=_hasher.hash(password), active=True)
    session.add(agent)
    session.flush()
    return agent


def agent_by_username(session: Session, username: str) -> Agent | None:
    return session.scalars(select(Agent).where(Agent.username == username.strip().lower())).first()


def set_active(session: Session, username: str, active: bool) -> Agent:
    agent = agent_by_username(session, username)
    if agent is None:
        raise AccountError(f"no agent {username!r}")
    agent.active = active
    if not active:
        # Disabling ends every session at once; tokens are refused because the agent is inactive.
        session.execute(delete(AgentSession).where(AgentSession.agent_id == agent.id))
    return agent


def reset_password(session: Session, username: str, password: str) -> Agent:
    agent = agent_by_username(session, username)
    if agent is None:
        raise AccountError(f"no agent {username!r}")
    _check_password(password)
    agent.password_hash = _hasher.hash(password)
    agent.password_changed_at = utcnow()
    session.execute(delete(AgentSession).where(AgentSession.agent_id == agent.id))
    return agent


def authenticate(session: Session, username: str, password: str) -> Agent | None:
    """The active agent with this password, or None. Only reads: the costly hash check never runs
    inside a write transaction (on SQLite that would hold the single write lock)."""
    agent = agent_by_username(session, username)
    try:
        _hasher.verify(agent.password_hash if agent else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if agent is None or not agent.active:
        return None
    return agent


def needs_rehash(agent: Agent) -> bool:
    """True when argon2-cffi's parameters grew since the hash was made (re-hash at the next login)."""
    return _hasher.check_needs_rehash(agent.password_hash)


def rehash(session: Session, agent_id: int, password: str) -> None:
    agent = session.get(Agent, agent_id)
    if agent is not None:
        agent.password_hash = _hasher.hash(password)


# --- sessions -----------------------------------------------------------------------------------


def open_session(session: Session, agent: Agent, *, lifetime: timedelta = SESSION_LIFETIME) -> str:
    """A new browser session; returns the cookie value (only its digest is stored)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    agent.last_login_at = now
    # Expired sessions of this agent are swept here, so the table does not grow without bound.
    session.execute(delete(AgentSession).where(AgentSession.agent_id == agent.id, AgentSession.expires_at < now))
    session.add(AgentSession(id=_digest(token), agent_id=agent.id, csrf_token=secrets.token_urlsafe(32),
                             created_at=now, expires_at=now + lifetime))
    session.flush()
    return token


def close_session(session: Session, token: str) -> None:
    session.execute(delete(AgentSession).where(AgentSession.id == _digest(token)))


def principal_for_session(session: Session, token: str) -> Principal | None:
    row = session.execute(
        select(AgentSession, Agent).join(Agent, Agent.id == AgentSession.agent_id).where(
            AgentSession.id == _digest(token)
        )
    ).first()
    if row is None:
        return None
    agent_session, agent = row
    if not agent.active or agent_session.expires_at <= utcnow():
        return None
    return Principal(agent.id, agent.username, agent.display_name, agent.role, "session", agent_session.csrf_token)


# --- API tokens ---------------------------------------------------------------------------------


def create_token(session: Session, username: str, name: str = "api") -> str:
    """A new API token for the agent; the value is shown once and only its digest is kept."""
    agent = agent_by_username(session, username)
    if agent is None:
        raise AccountError(f"no agent {username!r}")
    token = "sd_" + secrets.token_urlsafe(32)
    session.add(ApiToken(agent_id=agent.id, name=name[:64], token_hash=_digest(token)))
    session.flush()
    return token


def principal_for_token(session: Session, token: str) -> Principal | None:
    row = session.execute(
        select(ApiToken, Agent).join(Agent, Agent.id == ApiToken.agent_id).where(
            ApiToken.token_hash == _digest(token), ApiToken.revoked_at.is_(None)
        )
    ).first()
    if row is None or not row[1].active:
        return None
    agent = row[1]
    return Principal(agent.id, agent.username, agent.display_name, agent.role, "token")


def touch_token(session: Session, token: str, *, every: timedelta = timedelta(minutes=5)) -> None:
    """Record that a token was used, at most every few minutes (so reads do not all become writes)."""
    now = utcnow()
    row = session.scalars(select(ApiToken).where(ApiToken.token_hash == _digest(token))).first()
    if row is not None and (row.last_used_at is None or row.last_used_at < now - every):
        row.last_used_at = now


def token_stale(session: Session, token: str, *, every: timedelta = timedelta(minutes=5)) -> bool:
    last = session.scalars(select(ApiToken.last_used_at).where(ApiToken.token_hash == _digest(token))).first()
    return last is None or last < utcnow() - every


# --- login rate limit ---------------------------------------------------------------------------


class LoginLimiter:
    """Failed logins per username and per client address in a sliding window (OWASP ASVS 2.2.1).

    Kept in the process's memory: with several ``serve`` processes each counts on its own, so the
    effective limit is per process; a restart forgets the counts.
    """

    def __init__(self, *, per_user: int = 5, per_client: int = 20, window: float = 900.0) -> None:
        self.per_user, self.per_client, self.window = per_user, per_client, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, username: str, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return (len(self._recent("u:" + username.lower(), now)) >= self.per_user
                    or len(self._recent("c:" + client, now)) >= self.per_client)

    def failed(self, username: str, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent("u:" + username.lower(), now).append(now)
            self._recent("c:" + client, now).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop("u:" + username.lower(), None)


def list_agents(session: Session) -> list[Agent]:
    return list(session.scalars(select(Agent).order_by(Agent.username)))


def agent_names(session: Session) -> dict[int, str]:
    return {a.id: a.display_name for a in session.scalars(select(Agent).where(Agent.active.is_(True)))}
