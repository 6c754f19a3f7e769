"""Agent accounts: user names, passwords, browser sessions, API tokens and the login limit.

User names have one normal form (``normalise_username``) wherever a name comes in: agent creation,
lookup, login and its limit, so ``" bob"``, ``"bob "`` and ``"BOB"`` are one account and one counter.
Passwords are hashed with argon2id (RFC 9106) through argon2-cffi's defaults, re-hashed on login when
those defaults grow. Session cookies and API tokens are 256-bit random values (``secrets``); only
their SHA-256 digest is stored, which is enough for values with that much entropy (no slow hash
needed, unlike passwords).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import Agent, AgentSession, ApiToken, Role, keys, utcnow
from models.workspace import LoginAttempt
from tickets.rate_limits import serialise

if TYPE_CHECKING:
    from tickets.store import TicketStore

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
# Verified when a username does not exist, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password")
MIN_PASSWORD_LENGTH = 10
MAX_USERNAME_LENGTH = 64
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
    # The agent's own settings (None: the browser's language, the "new" view).
    lang: str | None = None
    landing_view: str | None = None
    shortcuts: bool = True

    def has_role(self, *roles: Role) -> bool:
        return self.role is Role.ADMIN or self.role in roles


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def normalise_username(name: str) -> str:
    """The one form of a user name that is stored, looked up and counted.

    NFKC folds width and compatibility variants (``ｂｏｂ`` is ``bob``), surrounding whitespace goes,
    case is folded, and NFKC again because case folding can undo it: the Unicode Standard's
    compatibility caseless matching (section 3.13), and the width and case mapping RFC 8265's
    UsernameCaseMapped profile (PRECIS) applies before user names are compared.
    """
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).strip().casefold())


def _check_username(name: str) -> None:
    if not name or len(name) > MAX_USERNAME_LENGTH:
        raise AccountError(f"a username needs 1 to {MAX_USERNAME_LENGTH} characters")
    # RFC 8265 builds user names on RFC 8264's IdentifierClass: no spaces, controls, format or
    # unassigned characters, so two names never differ only by something a person cannot see.
    if any(unicodedata.category(c)[0] in "CZ" for c in name):
        raise AccountError("a username cannot contain spaces or control characters")


def add_agent(
    session: Session, username: str, password: str, *, display_name: str | None = None,
    role: Role = Role.AGENT, email: str | None = None,
) -> Agent:
    username = normalise_username(username)
    _check_username(username)
    _check_password(password)
    if session.scalars(select(Agent.id).where(Agent.username == username)).first() is not None:
        raise AccountError(f"agent {username!r} exists")
    agent = Agent(username=username, display_name=display_name or username, role=role, email=email,
                  password_hash=_hasher.hash(password), active=True)
    session.add(agent)
    session.flush()
    return agent


def agent_by_username(session: Session, username: str) -> Agent | None:
    return session.scalars(select(Agent).where(Agent.username == normalise_username(username))).first()


def set_active(session: Session, username: str, active: bool) -> Agent:
    agent = agent_by_username(session, username)
    if agent is None:
        raise AccountError(f"no agent {username!r}")
    agent.active = active
    if not active:
        # Disabling ends every session at once; tokens are refused because the agent is inactive.
        session.execute(delete(AgentSession).where(AgentSession.agent_id == agent.id))
    return agent


_UNSET = object()


def edit_agent(session: Session, username: str, *, display_name: str | None = None, role: Role | None = None,
               email: object = _UNSET) -> Agent:
    """Change an agent's name, role or e-mail address (role changes land in the audit trail, models.audit)."""
    agent = agent_by_username(session, username)
    if agent is None:
        raise AccountError(f"no agent {username!r}")
    if display_name is not None:
        if not display_name.strip() or len(display_name) > 255:
            raise AccountError("a name needs 1 to 255 characters")
        agent.display_name = display_name.strip()
    if role is not None and role != agent.role:
        if agent.role is Role.ADMIN and _last_admin(session, agent):
            raise AccountError("the last active administrator keeps that role")
        agent.role = role
    if email is not _UNSET:
        value = str(email or "").strip()
        if value and ("@" not in value or len(value) > 320 or any(c.isspace() for c in value)):
            raise AccountError("not an e-mail address")
        agent.email = value or None
    return agent


def _last_admin(session: Session, agent: Agent) -> bool:
    admins = session.scalar(select(func.count()).select_from(Agent).where(Agent.role == Role.ADMIN,
                                                                          Agent.active.is_(True), Agent.id != agent.id))
    return not admins


def set_preferences(session: Session, agent_id: int, *, lang: str | None, landing_view: str | None,
                    shortcuts: bool, signature: str | None, notify: dict[str, object]) -> Agent:
    """An agent's own settings (the settings page): language, landing view, shortcuts, signature, notifications."""
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise AccountError("no such agent")
    agent.lang, agent.landing_view, agent.shortcuts = lang or None, landing_view or None, shortcuts
    agent.signature = (signature or "").strip()[:2000] or None
    agent.notify = dict(notify)
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


def _password_matches(password_hash: str | None, password: str) -> bool:
    # A missing account costs one hash check too, so a wrong name takes as long as a wrong password.
    try:
        return bool(_hasher.verify(password_hash or _DUMMY_HASH, password)) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def authenticate(session: Session, username: str, password: str) -> Agent | None:
    """The active agent with this password, or None; no limit (``login`` is the limited way in)."""
    agent = agent_by_username(session, username)
    if not _password_matches(agent.password_hash if agent else None, password):
        return None
    return agent if agent is not None and agent.active else None


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
    return Principal(agent.id, agent.username, agent.display_name, agent.role, "session", agent_session.csrf_token,
                     agent.lang, agent.landing_view, agent.shortcuts)


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
    return Principal(agent.id, agent.username, agent.display_name, agent.role, "token", None, agent.lang,
                     agent.landing_view, agent.shortcuts)


def touch_token(session: Session, token: str, *, every: timedelta = timedelta(minutes=5)) -> None:
    """Record that a token was used, at most every few minutes (so reads do not all become writes)."""
    now = utcnow()
    row = session.scalars(select(ApiToken).where(ApiToken.token_hash == _digest(token))).first()
    if row is not None and (row.last_used_at is None or row.last_used_at < now - every):
        row.last_used_at = now


def token_stale(session: Session, token: str, *, every: timedelta = timedelta(minutes=5)) -> bool:
    last = session.scalars(select(ApiToken.last_used_at).where(ApiToken.token_hash == _digest(token))).first()
    return last is None or last < utcnow() - every


# --- login and its limit -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginLimiter:
    """Failed logins per account name and per client address in a sliding window.

    OWASP ASVS 4.0 V2.2.1 and the OWASP Authentication Cheat Sheet ("Protect against automated
    attacks"): a few guesses per account, more per address (an office behind one NAT), counted in the
    database so every ``serve`` process sees the same count. An attempt is reserved (``reserve``)
    before its password is checked: a burst of parallel guesses cannot all pass a check made before
    any of them was counted. Unknown names are counted like known ones, so a refusal does not tell
    which accounts exist.
    """

    per_account: int = 5
    per_client: int = 20
    window: timedelta = timedelta(minutes=15)

    def reserve(self, session: Session, account: str, client: str) -> bool:
        """Count this attempt, in the caller's write transaction, unless a limit is reached (False)."""
        now = utcnow()
        since = now - self.window
        serialise(session, account, client)
        # Old rows go in small batches; SKIP LOCKED (PostgreSQL) so sweeps never wait on one another.
        stale = select(LoginAttempt.id).where(LoginAttempt.at < since).limit(100).with_for_update(skip_locked=True)
        session.execute(delete(LoginAttempt).where(LoginAttempt.id.in_(stale.scalar_subquery())))
        recent = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.at >= since)
        if (session.scalar(recent.where(LoginAttempt.account == account)) or 0) >= self.per_account:
            return False
        if (session.scalar(recent.where(LoginAttempt.client == client)) or 0) >= self.per_client:
            return False
        session.add(LoginAttempt(account=account, client=client, at=now))
        session.flush()
        return True


def _keyed(kind: str, value: str) -> str:
    # Neither the typed name (perhaps a mistyped password) nor the address rests in the table: a digest
    # under the deployment key (models.keys), which every process on one database shares.
    return keys.digest(f"login-{kind}", value)


@dataclass(frozen=True, slots=True)
class LoginResult:
    outcome: Literal["ok", "wrong", "blocked"]
    # The account the typed name names, whatever the outcome (for the audit trail), else None.
    agent_id: int | None = None
    session_token: str | None = None


def login(
    ts: TicketStore, username: str, password: str, *, client: str, limiter: LoginLimiter,
    lifetime: timedelta = SESSION_LIFETIME,
) -> LoginResult:
    """Log in with a name and a password from ``client`` (the peer address), within ``limiter``.

    Three short steps: reserve the attempt (one write transaction), check the password outside any
    transaction (argon2 is slow on purpose, and on SQLite a write transaction holds the one write
    lock), then on success clear the account's failures and open the session.
    """
    name = normalise_username(username)
    account = _keyed("account", name)
    with ts.writing() as session:
        agent = session.scalars(select(Agent).where(Agent.username == name)).first()
        agent_id, password_hash = (agent.id, agent.password_hash) if agent is not None else (None, None)
        active = agent is not None and agent.active
        reserved = limiter.reserve(session, account, _keyed("client", client))
    if not reserved:
        log.info("accounts: login refused by the limit agent=%s", agent_id)
        return LoginResult("blocked", agent_id)
    if not _password_matches(password_hash, password) or not active:
        log.info("accounts: login failed agent=%s", agent_id)
        return LoginResult("wrong", agent_id)
    with ts.writing() as session:
        fresh = session.get(Agent, agent_id)
        if fresh is None or not fresh.active or fresh.password_hash != password_hash:
            return LoginResult("wrong", agent_id)  # disabled or given a new password meanwhile
        # A successful login ends the account's count; other names' failures from this address stay.
        session.execute(delete(LoginAttempt).where(LoginAttempt.account == account))
        if _hasher.check_needs_rehash(fresh.password_hash):
            fresh.password_hash = _hasher.hash(password)
        token = open_session(session, fresh, lifetime=lifetime)
    log.info("accounts: login agent=%s", agent_id)
    return LoginResult("ok", agent_id, token)


def list_agents(session: Session) -> list[Agent]:
    return list(session.scalars(select(Agent).order_by(Agent.username)))


def agent_names(session: Session) -> dict[int, str]:
    return {a.id: a.display_name for a in session.scalars(select(Agent).where(Agent.active.is_(True)))}
