"""Collisions and notifications: presence of a colleague, drafts that survive a refused save, the
in-app counter with its ETag, notifications by mail through the outbox."""

from __future__ import annotations

import threading
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from models import Notification, OutboxEntry, TicketDue, utcnow
from outbound import worker as delivery
from outbound.mail import SmarthostConfig, SmtpSender
from tests.support.smtp_sink import SmtpSink
from tests.web.conftest import Env, csrf_of, login
from tickets import accounts, notify


def _version(client: TestClient, number: int) -> int:
    return int(client.get(f"/tickets/{number}").text.split('name="version" value="')[1].split('"')[0])


def test_presence_shows_a_colleague_typing(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    anna = login(env.client, "anna")
    with TestClient(env.client.app, base_url="http://testserver") as other:
        root = login(other, "root")
        r = other.post(f"/api/tickets/{number}/presence", json={"typing": True}, headers={"X-CSRF-Token": root})
        assert r.status_code == 200 and r.json()["others"] == []
        seen = env.client.post(f"/api/tickets/{number}/presence", json={}, headers={"X-CSRF-Token": anna}).json()
        assert seen["others"] == [{"name": "Ada Admin", "typing": True}]
        other.post(f"/api/tickets/{number}/presence", json={"leaving": True}, headers={"X-CSRF-Token": root})
        seen = env.client.post(f"/api/tickets/{number}/presence", json={}, headers={"X-CSRF-Token": anna}).json()
        assert seen["others"] == []


def test_refused_reply_is_kept_as_draft(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    csrf = login(env.client, "anna")
    stale = _version(env.client, number)
    env.client.post(f"/tickets/{number}/note", data={"csrf_token": csrf, "text": "tussendoor"})
    env.client.post(f"/tickets/{number}/priority", data={"csrf_token": csrf, "value": "high"})
    r = env.client.post(f"/tickets/{number}/reply", data={"csrf_token": csrf, "text": "Mijn lange antwoord",
                                                          "version": stale}, follow_redirects=False)
    assert r.status_code == 303 and "error=" in r.headers["location"]
    page = env.client.get(r.headers["location"]).text
    assert "Mijn lange antwoord" in page  # back in the reply box
    # The API keeps a typed draft too, and sending discards it.
    env.client.put(f"/api/tickets/{number}/draft", json={"kind": "reply", "text": "nog een versie"},
                   headers={"X-CSRF-Token": csrf})
    assert "nog een versie" in env.client.get(f"/tickets/{number}").text
    env.client.post(f"/tickets/{number}/reply", data={"csrf_token": csrf, "text": "nog een versie",
                                                      "version": _version(env.client, number)})
    assert "nog een versie</textarea>" not in env.client.get(f"/tickets/{number}").text


def test_assignment_and_mention_notify(env: Env) -> None:
    with env.store.writing() as session:
        agent = accounts.agent_by_username(session, "anna")
        assert agent is not None
        agent.email = "anna@support.test"
        agent.lang = "nl"  # her mails in Dutch
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    anna = login(env.client, "anna")
    before = env.client.get("/api/live", headers={"X-CSRF-Token": anna})
    assert before.json()["unread"] == 0
    assert env.client.get("/api/live", headers={"If-None-Match": before.headers["etag"]}).status_code == 304
    with TestClient(env.client.app, base_url="http://testserver") as other:
        root = login(other, "root")
        other.post(f"/tickets/{number}/assign", data={"csrf_token": root, "agent": str(env.agent_id)})
        other.post(f"/tickets/{number}/note", data={"csrf_token": root, "text": "@anna kun jij bellen?"})
    after = env.client.get("/api/live", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["unread"] == 2
    kinds = [n["kind"] for n in env.client.get("/api/notifications").json()]
    assert sorted(kinds) == ["assigned", "mention"]
    with env.store.reading() as session:
        mails = [e for e in session.scalars(select(OutboxEntry)) if e.kind == "notification"]
        assert {m.payload["to"] for m in mails} == {"anna@support.test"} and len(mails) == 2
        assert all("kun jij bellen" not in m.payload["text"] for m in mails)  # never message text
        assert sorted(m.payload["subject"].split(":")[0] for m in mails) == [
            "Aan u toegewezen", "U bent genoemd in een notitie"]
    env.client.get(f"/tickets/{number}")  # opening the ticket reads its notifications
    assert env.client.get("/api/live").json()["unread"] == 0
    with env.store.reading() as session:
        assert session.scalar(select(Notification.read_at).limit(1)) is not None


def test_new_ticket_and_customer_reply_notify(env: Env) -> None:
    with env.store.writing() as session:
        agent = accounts.agent_by_username(session, "anna")
        assert agent is not None
        agent.notify = {"new_ticket": ["app"]}
    number = env.mail("klant@example.nl", "Vraag", "Hallo", msg_id="first@klant.nl")
    with env.store.writing() as session:
        assert [n.kind for n in session.scalars(select(Notification))] == ["new_ticket"]
        session.execute(Notification.__table__.delete())
    login(env.client, "anna")
    env.client.post(f"/api/tickets/{number}/assign", json={"me": True}, headers={
        "X-CSRF-Token": csrf_of(env.client.get("/queue").text)})
    env.mail("klant@example.nl", "Re: Vraag", "Nog iets", in_reply_to=("first@klant.nl",))
    with env.store.reading() as session:
        assert [n.kind for n in session.scalars(select(Notification))] == ["customer_reply"]


def test_due_soon_once_per_due_time(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    env.client.post(f"/api/tickets/{number}/assign", json={"agent_id": env.agent_id},
                    headers={"Authorization": "Bearer global-test-token"})
    with env.store.writing() as session:
        due = session.scalars(select(TicketDue)).one()
        due.due_at = utcnow() + timedelta(hours=1)
    with env.store.writing() as session:
        assert notify.sweep_due(session) == 1
    with env.store.writing() as session:
        assert notify.sweep_due(session) == 0  # the same due time notifies once
        assert [n.kind for n in session.scalars(select(Notification))] == ["assigned", "due_soon"]


def test_notification_mail_arrives_at_a_real_smtp_server(env: Env) -> None:
    with env.store.writing() as session:
        agent = accounts.agent_by_username(session, "anna")
        assert agent is not None
        agent.email = "anna@support.test"
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    env.client.post(f"/api/tickets/{number}/assign", json={"agent_id": env.agent_id},
                    headers={"Authorization": "Bearer global-test-token"})
    with SmtpSink() as sink:
        sender = SmtpSender(SmarthostConfig(host="127.0.0.1", port=sink.port, security="none"))
        worker = delivery.OutboxWorker(env.store, {"email": sender}, stop=threading.Event())
        worker.run_once()
        mails = sink.wait_for(2)  # the acknowledgement to the customer, the notification to Anna
    [mail] = [m for m in mails if m["To"] == "anna@support.test"]
    assert mail["Subject"].startswith(f"Assigned to you: #{number} Storing")
    assert mail["Auto-Submitted"] == "auto-generated"  # RFC 3834: no autoresponder answers it
    assert f"/tickets/{number}" in mail.get_content() and "Alles ligt eruit" not in mail.get_content()
