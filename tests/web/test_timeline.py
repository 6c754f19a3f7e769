"""The timeline lists every action with its actor; agent actions are in the audit trail too."""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEntry
from tests.web.conftest import API_TOKEN, Env, login

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def test_every_action_listed_with_its_actor(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hoe verhuis ik mijn domein?")
    csrf = login(env.client, "anna")
    version = int(env.client.get(f"/tickets/{number}").text.split('name="version" value="')[1].split('"')[0])
    env.client.post(f"/tickets/{number}/reply", data={"csrf_token": csrf, "text": "Zo: ...", "version": version})
    env.client.post(f"/tickets/{number}/note", data={"csrf_token": csrf, "text": "klant belde"})
    env.client.post(f"/tickets/{number}/priority", data={"csrf_token": csrf, "value": "high"})
    env.client.post(f"/api/tickets/{number}/status", headers=AUTH, json={"status": "solved"})
    items = env.client.get(f"/api/tickets/{number}/timeline", headers=AUTH).json()
    seen = [(i["kind"], i["what"], i["actor"]) for i in items]
    assert ("message", "in", "customer") in seen
    assert ("message", "out", "system") in seen  # the automatic acknowledgement
    assert ("message", "out", "agent:anna") in seen and ("message", "note", "agent:anna") in seen
    # The reply's automatic consequences are listed, with the agent whose reply caused them.
    assert ("event", "status", "agent:anna") in seen and ("event", "assigned", "agent:anna") in seen
    assert ("event", "priority", "agent:anna") in seen and ("event", "status", "api") in seen
    assert all(i["actor"] for i in items)
    assert next(i for i in items if i["actor"] == "agent:anna")["actor_name"] == "Anna Agent"
    page = env.client.get(f"/tickets/{number}").text
    assert "Anna Agent" in page
    with env.store.reading() as session:
        actions = {(a.actor, a.action) for a in session.scalars(select(AuditEntry))}
    assert any(actor == "agent:anna" and "priority" in action for actor, action in actions), actions


def test_timeline_needs_authentication(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    assert env.client.get(f"/api/tickets/{number}/timeline").status_code == 401
