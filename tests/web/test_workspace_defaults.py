"""The small things: landing on New, due time follows priority, the queue's requester, preview and privacy
columns, one schema for list and detail, editing agents and canned replies, HTML error pages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from models import AuditEntry, Macro, PrivacyRequest, Role
from tests.web.conftest import API_TOKEN, Env, csrf_of, login
from tickets import accounts
from tickets.store import ticket_by_number

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def test_landing_view_requester_preview(env: Env) -> None:
    number = env.mail("klant@example.nl", "Inlog", "Ik kan niet inloggen sinds de update van gisteren")
    login(env.client, "anna")
    page = env.client.get("/queue").text
    assert 'aria-current="page"><span>New</span>' in page  # lands on New, where the ticket waits
    assert f"/tickets/{number}" in page and "klant@example.nl" in page and "niet inloggen" in page
    listed = env.client.get("/api/tickets", params={"view": "new"}, headers=AUTH).json()["tickets"][0]
    detail = env.client.get(f"/api/tickets/{number}", headers=AUTH).json()
    shared = {k: v for k, v in detail.items() if k != "messages"}
    assert set(shared) == set(listed)
    for key in ("created_at", "due_at", "version", "requester", "status", "priority"):
        assert shared[key] == listed[key], key
    with env.store.writing() as session:
        agent = accounts.agent_by_username(session, "anna")
        assert agent is not None
        agent.landing_view = "all"
    assert 'aria-current="page"><span>All</span>' in env.client.get("/queue").text


def test_due_time_follows_priority(env: Env) -> None:
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    due = env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"]
    r = env.client.post(f"/api/tickets/{number}/priority", headers=AUTH, json={"priority": "urgent"})
    assert r.status_code == 200, r.text
    assert env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"] < due
    env.client.post(f"/api/tickets/{number}/priority", headers=AUTH, json={"priority": "low"})
    assert env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"] > due


def test_admin_edits_agents_and_canned_replies(env: Env) -> None:
    csrf = login(env.client, "root")
    r = env.client.post("/admin/agents/anna/edit", data={"csrf_token": csrf, "display_name": "Anna de Wit",
                                                          "role": "admin", "email": "anna@support.test"},
                        follow_redirects=False)
    assert r.status_code == 303 and "error" not in r.headers["location"]
    env.client.post("/admin/macros", data={"csrf_token": csrf, "title": "Groet", "body": "Met vriendelijke groet"})
    with env.store.reading() as session:
        agent = accounts.agent_by_username(session, "anna")
        assert agent is not None and agent.display_name == "Anna de Wit" and agent.role == Role.ADMIN
        assert agent.email == "anna@support.test"
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "agent.edit")).first() is not None
        macro_id = session.scalars(select(Macro.id)).one()
    env.client.post(f"/admin/macros/{macro_id}", data={"csrf_token": csrf, "title": "Groet", "body": "Groeten"})
    with env.store.reading() as session:
        assert session.get(Macro, macro_id).body == "Groeten"  # type: ignore[union-attr]
    env.client.post(f"/admin/macros/{macro_id}", data={"csrf_token": csrf, "delete": "true"})
    with env.store.reading() as session:
        assert session.get(Macro, macro_id) is None


def test_error_pages_are_html_for_browsers_and_json_for_the_api(env: Env) -> None:
    login(env.client, "anna")
    page = env.client.get("/tickets/999999", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and 'href="/queue"' in page.text
    api = env.client.get("/api/tickets/999999", headers=AUTH)
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")
    assert csrf_of(page.text)


def test_queue_flags_an_open_privacy_request(env: Env) -> None:
    plain = env.mail("a@example.nl", "Vraag", "Hallo")
    asked = env.mail("b@example.nl", "Inzage", "Welke gegevens hebben jullie van mij?")
    with env.store.writing() as session:
        ticket = ticket_by_number(session, asked)
        assert ticket is not None
        session.add(PrivacyRequest(ticket_id=ticket.id, types=["access"], channel="email", requester_digest="0" * 64,
                                   due_on=date.today(), first_due_on=date.today()))
    page = env.client.get("/api/tickets", params={"view": "new"}, headers=AUTH).json()
    rows = {t["number"]: t for t in page["tickets"]}
    assert rows[asked]["privacy"] is True and rows[plain]["privacy"] is False
