"""Authorization: every non-public route refuses an anonymous caller, roles and CSRF are enforced."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from tests.web.conftest import API_TOKEN, PASSWORD, Env, csrf_of, login
from tickets import accounts

# The satisfaction page is public by design: its link carries a keyed signature of the ticket
# (tickets.satisfaction), checked in test_public_routes.
PUBLIC = {"/health", "/login", "/rate/{number}/{token}"}


def _flat(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # FastAPI keeps included routers as such
            yield from _flat(route.original_router.routes)


def _routes(env: Env) -> list[tuple[str, str]]:
    out = []
    for route in _flat(env.client.app.routes):  # type: ignore[attr-defined]
        if route.path not in PUBLIC:
            for method in route.methods:
                out.append((method, re.sub(r"\{[^}]+\}", "100001", route.path)))
    return out


def test_every_route_refuses_without_session(env: Env) -> None:
    env.mail("klant@example.nl", "Help", "Mijn site is stuk")
    routes = _routes(env)
    assert len(routes) >= 20
    for method, path in routes:
        r = env.client.request(method, path, follow_redirects=False, data={"text": "x"} if method == "POST" else None)
        if path.startswith("/api/"):
            assert r.status_code == 401, (method, path, r.status_code)
        else:
            assert r.status_code == 303 and r.headers["location"].startswith("/login"), (method, path, r.status_code)
    # A wrong token and a forged cookie are refused just the same.
    assert env.client.get("/api/tickets", headers={"Authorization": "Bearer nope"}).status_code == 401
    env.client.cookies.set("sd_session", "forged")
    assert env.client.get("/queue", follow_redirects=False).status_code == 303


def test_public_routes(env: Env) -> None:
    assert env.client.get("/health").json() == {"status": "ok"}
    assert env.client.get("/login").status_code == 200
    assert env.client.get("/static/app.css").status_code == 200
    # Without a valid signature the rating page says the link is not valid, for any ticket number.
    assert env.client.get("/rate/100001/100001").status_code == 404
    assert env.client.post("/rate/100001/100001", data={"rating": "good"}).status_code == 404


def test_agent_cannot_use_admin_routes(env: Env) -> None:
    csrf = login(env.client, "anna")
    assert env.client.get("/admin/agents").status_code == 403
    r = env.client.post("/admin/agents", data={"csrf_token": csrf, "username": "eve", "password": "x" * 12})
    assert r.status_code == 403
    with env.store.reading() as session:
        assert accounts.agent_by_username(session, "eve") is None
    for path in ("/admin/groups", "/admin/groups/1"):  # the groups (teams) admin, issue 22
        assert env.client.get(path).status_code == 403
        assert env.client.post(path, data={"csrf_token": csrf, "name": "x"}).status_code == 403
    with env.store.writing() as session:
        token = accounts.create_token(session, "anna")
    assert env.client.get("/api/agents", headers={"Authorization": f"Bearer {token}"}).status_code == 403
    assert env.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()["username"] == "anna"


def test_admin_can_add_and_disable_agents(env: Env) -> None:
    csrf = login(env.client, "root")
    r = env.client.post("/admin/agents", data={"csrf_token": csrf, "username": "bram", "password": "x" * 12,
                                               "role": "privacy_officer"}, follow_redirects=False)
    assert r.status_code == 303
    assert "bram" in env.client.get("/admin/agents").text
    env.client.post("/admin/agents/bram/active", data={"csrf_token": csrf, "active": "false"})
    with env.store.reading() as session:
        bram = accounts.agent_by_username(session, "bram")
        assert bram is not None and bram.role == "privacy_officer" and not bram.active
    names = [a["username"] for a in env.client.get("/api/agents",
                                                   headers={"Authorization": f"Bearer {API_TOKEN}"}).json()]
    assert "bram" in names


def test_forms_without_csrf_token_are_refused(env: Env) -> None:
    number = env.mail("klant@example.nl", "Help", "Mijn site is stuk")
    csrf = login(env.client, "anna")
    for path, data in [(f"/tickets/{number}/note", {"text": "x"}), (f"/tickets/{number}/status", {"value": "solved"}),
                       (f"/tickets/{number}/reply", {"text": "hi"}), ("/logout", {})]:
        assert env.client.post(path, data=data).status_code == 403, path
        assert env.client.post(path, data={**data, "csrf_token": "wrong"}).status_code == 403, path
    # The JSON API with the session cookie needs the header as well.
    assert env.client.post(f"/api/tickets/{number}/notes", json={"text": "x"}).status_code == 403
    ok = env.client.post(f"/api/tickets/{number}/notes", json={"text": "x"}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201
    with env.store.reading() as session:
        from tickets.store import ticket_by_number

        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.status == "new"
        assert [m.direction for m in ticket.messages].count("note") == 1


def test_login_form_needs_its_csrf_cookie(env: Env) -> None:
    page = env.client.get("/login")
    env.client.cookies.delete("sd_login")
    r = env.client.post("/login", data={"username": "anna", "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    assert r.status_code == 403


def test_session_cookie_flags_and_logout(env: Env) -> None:
    form = env.client.get("/login")
    r = env.client.post("/login", data={"username": "anna", "password": PASSWORD, "csrf_token": csrf_of(form.text)},
                        follow_redirects=False)
    cookie = r.headers["set-cookie"]
    assert "sd_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http in this test; https requests get Secure (next test)
    csrf = csrf_of(env.client.get("/queue").text)
    assert env.client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    assert env.client.get("/queue", follow_redirects=False).status_code == 303


def test_secure_cookie_over_https(env: Env) -> None:
    from fastapi.testclient import TestClient

    with TestClient(env.client.app, base_url="https://testserver") as client:  # type: ignore[arg-type]
        form = client.get("/login")
        r = client.post("/login", data={"username": "anna", "password": PASSWORD, "csrf_token": csrf_of(form.text)},
                        follow_redirects=False)
        assert "Secure" in r.headers["set-cookie"]


def test_login_rate_limit(env: Env) -> None:
    form = env.client.get("/login")
    token = csrf_of(form.text)
    codes = [env.client.post("/login", data={"username": "anna", "password": "wrong password!", "csrf_token": token}
                             ).status_code for _ in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    # Even the right password is refused while the limit holds.
    r = env.client.post("/login", data={"username": "anna", "password": PASSWORD, "csrf_token": token},
                        follow_redirects=False)
    assert r.status_code == 429


@pytest.mark.parametrize("password", ["short"])
def test_weak_password_refused(env: Env, password: str) -> None:
    with env.store.writing() as session, pytest.raises(accounts.AccountError):
        accounts.add_agent(session, "weak", password)


def test_disabled_agent_loses_session_and_token(env: Env) -> None:
    login(env.client, "anna")
    with env.store.writing() as session:
        token = accounts.create_token(session, "anna")
        accounts.set_active(session, "anna", False)
    assert env.client.get("/queue", follow_redirects=False).status_code == 303
    assert env.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_openapi_document_needs_auth(env: Env) -> None:
    assert env.client.get("/api/openapi.json").status_code == 401
    doc = env.client.get("/api/openapi.json", headers={"Authorization": f"Bearer {API_TOKEN}"}).json()
    assert "/api/tickets/{number}/reply" in doc["paths"]
    assert env.client.get("/docs").status_code == 404


def test_failed_login_is_audited_without_what_was_typed(env: Env) -> None:
    from sqlalchemy import select

    from tickets.audit import AuditEntry

    for username in ("anna", "Zomer2024!"):
        form = env.client.get("/login")
        r = env.client.post("/login", data={"username": username, "password": "wrong", "next": "/queue",
                                            "csrf_token": csrf_of(form.text)}, follow_redirects=False)
        assert r.status_code == 401
    with env.store.reading() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")
                         .order_by(AuditEntry.id)).all()
        assert [(r.target_kind, r.target_id) for r in rows] == [("agent", str(env.agent_id)), ("agent", None)]
        assert all("Zomer2024" not in str(r.detail) for r in rows)
