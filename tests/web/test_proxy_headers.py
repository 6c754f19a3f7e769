"""Issue 15, finding 8: ``X-Forwarded-For`` is believed only from ``[web] trusted_proxies``.

uvicorn believes proxy headers from 127.0.0.1 by default, so any local client could give every
request a new address: each limit (login, web form, ``/privacy/verify``) started again and the audit
recorded the made-up address. These tests serve the app with uvicorn on loopback, configured by
``app.serve.web_server_config`` exactly as ``serve`` does (the TestClient never runs uvicorn's
proxy-headers middleware, so it could not show this).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import select

from app.config import WebConfig
from app.serve import web_server_config
from intake.pipeline import Intake
from models import AuditEntry
from tests.privacy.conftest import open_desk
from tests.support.browser import loopback_socket
from tests.support.fakes import FakeScrubber
from tests.web.conftest import API_TOKEN, Env, csrf_of
from tests.web.public.conftest import form_settings
from tickets import accounts
from web import privacy as privacy_web
from web.app import WebForm, create_app
from web.auth import AuthSettings

FORGED = [{"X-Forwarded-For": f"1.2.3.{i}"} for i in range(30)]


@contextmanager
def _served(app: FastAPI, web: WebConfig) -> Iterator[httpx.Client]:
    """The app behind uvicorn on a loopback port, as ``serve`` configures it; yields a client of it."""
    sock = loopback_socket()
    server = uvicorn.Server(web_server_config(app, web))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{sock.getsockname()[1]}") as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _app(env: Env, *, with_form: bool = False) -> FastAPI:
    limiter = accounts.LoginLimiter(per_account=100, per_client=3)
    webform = WebForm(Intake(env.store, FakeScrubber()), form_settings(rate_limit="2/minute")) if with_form else None
    app = create_app(env.store, lambda: API_TOKEN, auth=AuthSettings(api_token=lambda: API_TOKEN, limiter=limiter),
                     webform=webform)
    return app


def _login(client: httpx.Client, headers: dict[str, str]) -> int:
    form = client.get("/login")
    return client.post("/login", data={"username": "anna", "password": "wrong password!",
                                       "csrf_token": csrf_of(form.text)}, headers=headers).status_code


def _audited_clients(env: Env) -> list[str | None]:
    with env.store.reading() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(AuditEntry.id))
        return [r.detail.get("client") for r in rows]


def test_the_default_is_no_trusted_proxy() -> None:
    assert WebConfig().trusted_proxies == []
    config = web_server_config(FastAPI(), WebConfig())
    assert config.proxy_headers is False and config.forwarded_allow_ips == []


def test_forwarded_for_is_not_believed_without_a_configured_proxy(env: Env) -> None:
    with _served(_app(env), WebConfig()) as client:
        codes = [_login(client, FORGED[i]) for i in range(4)]
    assert codes == [401, 401, 401, 429]
    assert _audited_clients(env) == ["127.0.0.1"] * 3


def test_forwarded_for_is_believed_from_a_configured_proxy(env: Env) -> None:
    with _served(_app(env), WebConfig(trusted_proxies=["127.0.0.1"])) as client:
        assert [_login(client, FORGED[i]) for i in range(4)] == [401] * 4
        assert _audited_clients(env) == [f"1.2.3.{i}" for i in range(4)]
        # The proxy's word counts per address: a fourth failure from 1.2.3.0 is refused.
        assert [_login(client, FORGED[0]) for _ in range(3)] == [401, 401, 429]


def test_the_web_form_limit_counts_the_real_peer(env: Env) -> None:
    # The limit comes before anything else is looked at, so the posts need no valid form.
    with _served(_app(env, with_form=True), WebConfig()) as client:
        codes = [client.post("/contact", data={"message": "Hallo"}, headers=FORGED[i]).status_code for i in range(3)]
    assert 429 not in codes[:2] and codes[2] == 429, codes


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_verification_page_limit_counts_the_real_peer(env: Env, method: str) -> None:
    desk = open_desk(env.store)
    app = _app(env)
    privacy_web.install(app, desk.desk)
    limit = desk.desk.config.verify_rate_per_minute
    with _served(app, WebConfig()) as client:
        codes = [client.request(method, "/privacy/verify/not-a-token", data={"code": "000000"} if method == "POST"
                                else None, headers=FORGED[i]).status_code for i in range(limit + 1)]
    assert 429 not in codes[:limit] and codes[limit] == 429, codes
