"""The web app that ``scrubdesk serve`` runs: health, the agents' workspace (pages) and the JSON API.

Public routes are only ``/health``, ``/login`` and the static files (plus the web form and webhooks
that other features add with their own routers). Everything else requires a session or an API
token (``web.auth``). The OpenAPI document is served at ``/api/openapi.json`` to
authenticated callers only; the interactive docs are off because they load scripts from a CDN.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from tickets import store
from web import api, pages
from web.auth import ApiPrincipal, AuthSettings, LoginRequired
from web.workspace import Workspace

# Kept importable from here for existing callers.
TicketOut = api.TicketOut
MessageOut = api.MessageOut
TicketDetail = api.TicketDetail
TicketPage = api.TicketPage

_SECURITY_HEADERS = {
    # Everything is served by us: no inline script, no third-party origin, no framing (clickjacking).
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(
    ticket_store: store.TicketStore, api_token: Callable[[], str], *, workspace: Workspace | None = None,
    auth: AuthSettings | None = None,
) -> FastAPI:
    app = FastAPI(title="scrubdesk", version="0.1.0", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = ticket_store
    app.state.workspace = workspace or Workspace()
    app.state.auth = auth or AuthSettings(api_token=api_token)

    @app.exception_handler(LoginRequired)
    def _to_login(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status.HTTP_303_SEE_OTHER)

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
        return app.openapi()

    app.include_router(api.router)
    app.include_router(pages.router)
    from web import audit as audit_routes
    from web import vault as vault_routes
    for extra in (vault_routes.router, vault_routes.api_router, audit_routes.router):
        app.include_router(extra)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).with_name("static"))), name="static")
    return app
