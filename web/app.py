"""The web app that ``scrubdesk serve`` runs: one factory that mounts every router.

Always: health, the agents' workspace (pages), the JSON API, the audit trail and the vault pages
(which answer 404 while the vault is off). When their part is given: the privacy desk, the web
contact form, the Meta and generic webhooks, and extra routers such as the Telegram webhook (which
lives with the bot). Public routes are only ``/health``, ``/login``, the static files, the form, the
webhooks, the privacy verification and download links and the signed satisfaction links (``/rate``).
Everything else requires a session or an API token (``web.auth``). The OpenAPI document is served at
``/api/openapi.json`` to authenticated callers only; the interactive docs are off because they load
scripts from a CDN.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, HTTPException, Request, status
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from privacy.desk import PrivacyDesk
from tickets import store
from web import admin, admin_sla, admin_webhooks, api, attachments, audit, live, pages, privacy, reports, vault
from web.admin_groups import router as groups_router
from web.admin_mailboxes import router as mailboxes_router
from web.admin_rules import router as rules_router
from web.auth import ApiPrincipal, AuthSettings, LoginRequired, identify
from web.vault import VaultAccess
from web.webform import WebFormSettings, webform_router
from web.webhooks import WebhookSettings, webhook_router
from web.workspace import Workspace

_SECURITY_HEADERS = {
    # Everything is served by us: no inline script, no third-party origin, no framing (clickjacking).
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _integral(node: Any) -> Any:
    """The document with the bounds of integer schemas as integers (FastAPI's OpenAPI model turns
    ``le=5`` into ``5.0``; every bound we set is exactly representable, see ``web.api.MAX_ID``)."""
    if isinstance(node, list):
        return [_integral(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _integral(value) for key, value in node.items()}
    if out.get("type") == "integer":
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            if isinstance(out.get(key), float) and out[key].is_integer():
                out[key] = int(out[key])
    return out


def wants_html(request: Request) -> bool:
    """Pages get HTML error pages; the API, webhooks and clients that did not ask for HTML get JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/webhooks/", "/static/")) or path == "/health":
        return False
    return "text/html" in request.headers.get("accept", "")


def error_page(request: Request, code: int, detail: str, headers: Mapping[str, str] | None = None) -> Response:
    """An error as a page in the app's style (the agent's language), with a way back."""
    try:
        who = identify(request)
    except Exception:  # the store itself may be what failed
        who = None
    response = pages.render(request, "error.html", {"who": who, "code": code, "detail": detail}, code=code)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route of ``app`` answers on this request's path."""
    return [method for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
            if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in app.router.routes)]


@dataclass(frozen=True, slots=True)
class WebForm:
    intake: Intake
    settings: WebFormSettings


@dataclass(frozen=True, slots=True)
class Webhooks:
    submit: Callable[[InboundMessage], SubmitOutcome]
    settings: WebhookSettings


def create_app(
    ticket_store: store.TicketStore, api_token: Callable[[], str], *, workspace: Workspace | None = None,
    auth: AuthSettings | None = None, privacy_desk: PrivacyDesk | None = None, vault_access: VaultAccess | None = None,
    webform: WebForm | None = None, webhooks: Webhooks | None = None, routers: Sequence[APIRouter] = (),
) -> FastAPI:
    app = FastAPI(title="scrubdesk", version="0.1.0", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = ticket_store
    app.state.workspace = workspace or Workspace()
    app.state.auth = auth or AuthSettings(api_token=api_token)

    @app.exception_handler(LoginRequired)
    def _to_login(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status.HTTP_303_SEE_OTHER)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
            # RFC 9110 section 15.5.6: a 405 lists the methods the resource supports. The router names
            # only those of the first route that matched the path: /login's GET route, not its POST.
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(allowed_methods(app, request))}
        if wants_html(request):
            return await run_in_threadpool(error_page, request, exc.status_code, str(exc.detail), exc.headers)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            fields = ", ".join(str(e.get("loc", ("",))[-1]) for e in exc.errors())
            return await run_in_threadpool(error_page, request, 422, f"invalid input: {fields}")
        return await request_validation_exception_handler(request, exc)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path not in ("/health",) and not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/health", include_in_schema=False)
    def health(request: Request) -> dict[str, str]:
        try:
            with ticket_store.reading() as session:
                session.execute(text("SELECT 1"))
        except Exception as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "database unavailable") from exc
        return {"status": "ok"}

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi(who: ApiPrincipal) -> dict[str, Any]:
        document: dict[str, Any] = _integral(app.openapi())
        return document

    for router in (api.router, live.router, pages.router, admin.router, vault.router, vault.api_router, audit.router,
                   attachments.router, attachments.api_router, reports.router, admin_sla.router, admin_webhooks.router,
                   mailboxes_router, groups_router, rules_router):
        app.include_router(router)
    vault.install(app, vault_access)
    if privacy_desk is not None:
        privacy.install(app, privacy_desk)
    if webform is not None:
        app.include_router(webform_router(webform.intake, webform.settings))
    if webhooks is not None:
        app.include_router(webhook_router(webhooks.submit, webhooks.settings))
    for router in routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).with_name("static"))), name="static")
    return app
