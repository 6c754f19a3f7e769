"""Who is calling: session cookies for browsers, bearer tokens for the API, CSRF and role checks.

- Browser sessions: a random token in an ``HttpOnly``, ``SameSite=Lax`` cookie (``Secure`` when the
  request came over TLS, or always when configured), its digest in ``agent_sessions``.
- CSRF: the synchronizer-token pattern (OWASP CSRF cheat sheet): every form of a session carries
  the session's token and every state-changing request made with the cookie must present it (form
  field ``csrf_token`` or header ``X-CSRF-Token``). The login form, which has no session yet, uses a
  double-submit cookie. Bearer-token requests need no CSRF token: a browser never adds that header
  on its own.
- Bearer tokens: per-agent API tokens (``scrubdesk agents token``), or the deployment's global API
  token, which acts as an administrator without a person behind it.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response, status
from starlette.concurrency import run_in_threadpool

from models import Role
from tickets import accounts
from tickets.accounts import Principal
from tickets.store import TicketStore

SESSION_COOKIE = "sd_session"
LOGIN_COOKIE = "sd_login"
SYSTEM_PRINCIPAL = Principal(None, "api", "API token", Role.ADMIN, "token")


@dataclass
class AuthSettings:
    api_token: Callable[[], str]
    # None: Secure exactly when the request came over https (as uvicorn saw it: behind a TLS proxy that
    # means listing it in ``[web] trusted_proxies``, or setting ``cookie_secure``).
    cookie_secure: bool | None = None
    session_lifetime: timedelta = accounts.SESSION_LIFETIME
    limiter: accounts.LoginLimiter = field(default_factory=accounts.LoginLimiter)


def client_address(request: Request) -> str:
    """The address the limits count and the audit trail records: the TCP peer, or the address a
    configured proxy forwarded (uvicorn rewrites the peer only for ``[web] trusted_proxies``)."""
    return request.client.host if request.client else "unknown"


class LoginRequired(Exception):
    """A page was requested without a session: answered with a redirect to the login page."""


def _store(request: Request) -> TicketStore:
    ticket_store: TicketStore = request.app.state.store
    return ticket_store


def _auth(request: Request) -> AuthSettings:
    settings: AuthSettings = request.app.state.auth
    return settings


def cookie_secure(request: Request) -> bool:
    configured = _auth(request).cookie_secure
    return request.url.scheme == "https" if configured is None else configured


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=cookie_secure(request),
                        max_age=int(_auth(request).session_lifetime.total_seconds()), path="/")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def identify(request: Request) -> Principal | None:
    """The caller, from a bearer token or a session cookie (cached on the request)."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    principal: Principal | None = None
    token = _bearer(request)
    if token is not None:
        if hmac.compare_digest(token.encode(), _auth(request).api_token().encode()):
            principal = SYSTEM_PRINCIPAL
        else:
            with _store(request).reading() as session:
                principal = accounts.principal_for_token(session, token)
                stale = principal is not None and accounts.token_stale(session, token)
            if stale:
                with _store(request).writing() as session:
                    accounts.touch_token(session, token)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            with _store(request).reading() as session:
                principal = accounts.principal_for_session(session, cookie)
    request.state.principal = principal
    return principal


def _csrf_ok(principal: Principal, given: str | None) -> bool:
    return bool(principal.csrf_token and given and hmac.compare_digest(given.encode(), principal.csrf_token.encode()))


async def page_principal(request: Request) -> Principal:
    """Pages: a session (or token); unsafe methods with a session need the form's CSRF token."""
    principal = await run_in_threadpool(identify, request)
    if principal is None:
        raise LoginRequired()
    if request.method not in ("GET", "HEAD") and principal.via == "session":
        form = await request.form()
        given = form.get("csrf_token")
        if not _csrf_ok(principal, given if isinstance(given, str) else request.headers.get("x-csrf-token")):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token")
    return principal


def api_principal(request: Request) -> Principal:
    """The JSON API: a bearer token, or a session plus the ``X-CSRF-Token`` header on writes."""
    principal = identify(request)
    if principal is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong API token or session",
                            headers={"WWW-Authenticate": "Bearer"})
    if request.method not in ("GET", "HEAD") and principal.via == "session" and not _csrf_ok(
        principal, request.headers.get("x-csrf-token")
    ):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token")
    return principal


PagePrincipal = Annotated[Principal, Depends(page_principal)]
ApiPrincipal = Annotated[Principal, Depends(api_principal)]


def require_role(*roles: Role, api: bool = False) -> Callable[..., Principal]:
    """A dependency that admits administrators and the given roles (for other features' routers:
    e.g. ``Depends(require_role(Role.PRIVACY_OFFICER))`` on the vault's reveal route)."""
    base = api_principal if api else page_principal

    # A plain default, not Annotated[...]: with postponed annotations FastAPI could not resolve ``base``.
    def check(principal: Principal = Depends(base)) -> Principal:
        if not principal.has_role(*roles):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "your role does not allow this")
        return principal

    return check


AdminPage = Annotated[Principal, Depends(require_role(Role.ADMIN))]
AdminApi = Annotated[Principal, Depends(require_role(Role.ADMIN, api=True))]
