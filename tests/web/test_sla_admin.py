"""SLA policies through the web app: an admin edits business hours and a policy (real HTTP, CSRF,
audit), refused input comes back with the typed values; the queue shows the time left; a status set
by hand pauses and resumes the clock."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import AuditEntry, TicketDue, utcnow
from models.sla import BusinessHours, SlaPolicy, TicketSla
from tests.web.conftest import API_TOKEN, Env, login
from tickets import business_hours, sla
from tickets.calendar_days import is_working_day
from tickets.store import ticket_by_number

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
AMS = ZoneInfo("Europe/Amsterdam")


def _ids(env: Env) -> tuple[int, int]:
    with env.store.reading() as session:
        office = session.scalars(select(BusinessHours.id).where(BusinessHours.name == "Office hours")).one()
        normal = session.scalars(select(SlaPolicy.id).where(SlaPolicy.priority == "normal")).one()
    return office, normal


def _policy_form(csrf: str, office: int, **changes: str) -> dict[str, str]:
    form = {"csrf_token": csrf, "name": "Normal, office hours", "priority": "normal", "channel": "", "position": "1",
            "business_hours_id": str(office), "first_response": "4", "next_response": "2.5", "resolution": "16",
            "escalate_tag": "sla-breached", "escalate_priority": "on", "active": "on"}
    return form | changes


def test_admin_edits_business_hours_and_a_policy(env: Env) -> None:
    office, normal = _ids(env)
    csrf = login(env.client, "root")
    assert 'href="/admin/sla"' in env.client.get("/admin/agents").text
    page = env.client.get("/admin/sla")
    assert page.status_code == 200 and "Normal priority" in page.text and "Office hours" in page.text
    week = {day: "08:00-12:00, 13:00-16:30" for day in ("mon", "tue", "wed", "thu", "fri")} | {"sat": "", "sun": ""}
    r = env.client.post(f"/admin/sla/hours/{office}", data={"csrf_token": csrf, "name": "Office hours",
                                                            "timezone": "Europe/Amsterdam", "holidays": "NL", **week},
                        follow_redirects=False)
    assert r.status_code == 303, r.text
    r = env.client.post(f"/admin/sla/policies/{normal}", data=_policy_form(csrf, office), follow_redirects=False)
    assert r.status_code == 303, r.text
    with env.store.reading() as session:
        policy = session.get(SlaPolicy, normal)
        assert policy is not None and policy.business_hours_id == office
        assert (policy.first_response_minutes, policy.next_response_minutes, policy.resolution_minutes) == (
            240, 150, 960)
        assert policy.escalate_priority and policy.escalate_tag == "sla-breached"
        actions = set(session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("sla.%"))))
        assert actions == {"sla.hours.edit", "sla.policy.edit"}
    # The next ticket follows it: four hours of work, counted within the new office hours.
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        clock = session.get(TicketSla, ticket.id)
        assert clock is not None and clock.policy_id == normal and clock.response_due_at is not None
        hours = business_hours.hours_of(list(week.values()), "Europe/Amsterdam", "NL")
        assert clock.response_since is not None
        assert abs(business_hours.elapsed(hours, clock.response_since, clock.response_due_at) - 4 * 3600) < 1
        due = clock.response_due_at.astimezone(AMS)
        assert is_working_day(due.date()) and (8, 0) < (due.hour, due.minute) <= (16, 30)
        assert not (12, 0) < (due.hour, due.minute) < (13, 0)


def test_refused_input_comes_back_with_what_was_typed(env: Env) -> None:
    office, normal = _ids(env)
    csrf = login(env.client, "root")
    r = env.client.post(f"/admin/sla/policies/{normal}", data=_policy_form(csrf, office, first_response="soon"))
    assert r.status_code == 400
    assert "first response: a number of hours" in r.text and 'value="soon"' in r.text
    r = env.client.post(f"/admin/sla/hours/{office}", data={"csrf_token": csrf, "name": "Office hours",
                                                            "mon": "9-5", "timezone": "Europe/Amsterdam"})
    assert r.status_code == 400 and "like 09:00-17:00" in r.text and 'value="9-5"' in r.text
    r = env.client.post(f"/admin/sla/hours/{office}", data={"csrf_token": csrf, "delete": "true"},
                        follow_redirects=False)
    assert r.status_code == 303  # not used by any policy: may go
    r = env.client.post("/admin/sla/policies", data=_policy_form(csrf, office))
    assert r.status_code == 400 and "no such business hours" in r.text
    with env.store.reading() as session:
        policy = session.get(SlaPolicy, normal)
        assert policy is not None and policy.first_response_minutes == 24 * 60  # unchanged
    # An agent may not edit policies; without the CSRF token nobody may.
    login(env.client, "anna")
    assert env.client.post("/admin/sla/policies", data=_policy_form(csrf, office)).status_code == 403
    assert env.client.get("/admin/sla").status_code == 403


def test_added_policy_applies_at_once_and_can_be_deleted(env: Env) -> None:
    office, _ = _ids(env)
    csrf = login(env.client, "root")
    r = env.client.post("/admin/sla/policies", data=_policy_form(csrf, office, name="Mail", channel="email",
                                                                 business_hours_id="", first_response="0.5"),
                        follow_redirects=False)
    assert r.status_code == 303, r.text
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    due = datetime.fromisoformat(env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"])
    assert timedelta(minutes=29) < due - utcnow() <= timedelta(minutes=30)
    with env.store.reading() as session:
        added = session.scalars(select(SlaPolicy.id).where(SlaPolicy.name == "Mail")).one()
    r = env.client.post(f"/admin/sla/policies/{added}", data={"csrf_token": csrf, "delete": "true"},
                        follow_redirects=False)
    assert r.status_code == 303
    with env.store.reading() as session:
        assert session.get(SlaPolicy, added) is None
        assert [p.name for p in sla.load(session) if p.matches({"priority": "normal", "channel": "email"})] == [
            "Normal priority"]


def test_queue_shows_time_left_and_overdue(env: Env) -> None:
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    login(env.client, "anna")
    assert re.search(r"23 h 5\d min left", env.client.get("/queue").text)
    with env.store.writing() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        due = session.get(TicketDue, ticket.id)
        assert due is not None
        due.due_at = utcnow() - timedelta(minutes=90, seconds=20)
    assert '<strong class="overdue">1 h 30 min overdue</strong>' in env.client.get("/queue").text


def test_pending_by_hand_pauses_and_open_resumes(env: Env) -> None:
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    first = env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"]
    assert first is not None
    r = env.client.post(f"/api/tickets/{number}/status", json={"status": "pending"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"] is None
    env.client.post(f"/api/tickets/{number}/status", json={"status": "open"}, headers=AUTH)
    again = env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"]
    # Resumed with the time that was left (used time is kept in whole seconds).
    assert again is not None and datetime.fromisoformat(again) >= datetime.fromisoformat(first) - timedelta(seconds=1)


def test_apply_now_retargets_open_tickets(env: Env) -> None:
    office, normal = _ids(env)
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    solved = env.mail("ander@example.nl", "Vraag", "Hallo")
    env.client.post(f"/api/tickets/{solved}/status", json={"status": "solved"}, headers=AUTH)
    before = datetime.fromisoformat(env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"])
    csrf = login(env.client, "root")
    r = env.client.post(f"/admin/sla/policies/{normal}", data=_policy_form(csrf, office, business_hours_id="",
                                                                           first_response="1"), follow_redirects=False)
    assert r.status_code == 303
    # Saved: the waiting ticket keeps its due time until its next event, or until "apply now".
    assert datetime.fromisoformat(env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"]) == before
    r = env.client.post("/admin/sla/apply", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    after = datetime.fromisoformat(env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["due_at"])
    assert abs(before - after - timedelta(hours=23)) < timedelta(seconds=2)
    assert env.client.get(f"/api/tickets/{solved}", headers=AUTH).json()["due_at"] is None
    with env.store.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "sla.apply")).one()
        assert entry.detail == {"tickets": 1}
