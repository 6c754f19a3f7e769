"""The ticket page's SLA box over HTTP: the policy's name, each target with its due time in
Europe/Amsterdam and the time left or overdue, "paused (pending on the customer)" while the clock stands
still, and Dutch for a Dutch agent. Expected values are read from the clock ``tickets.sla`` keeps."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models import utcnow
from models.sla import BusinessHours, SlaPolicy, TicketSla
from tests.web.conftest import API_TOKEN, Env, login
from tickets import sla
from tickets.store import ticket_by_number, ticket_tag

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
AMS = ZoneInfo("Europe/Amsterdam")


def _box(page: str) -> str:
    found = re.search(r'<section class="card" id="sla-card".*?</section>', page, re.S)
    assert found, "no SLA box on the ticket page"
    return found.group(0)


def _target(box: str, key: str) -> str:
    found = re.search(rf'<dd id="sla-{key}" data-state="(\w+)">(.*?)</dd>', box, re.S)
    assert found, f"no {key} target in the SLA box"
    text = html.unescape(re.sub(r"<[^>]+>", "", found.group(2)))
    return found.group(1) + ":" + " ".join(text.split())


def _clock(env: Env, number: int) -> TicketSla:
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        clock = session.get(TicketSla, ticket.id)
        assert clock is not None
        session.expunge(clock)
        return clock


def _with_resolution_target(env: Env) -> str:
    """The normal-priority policy in office hours with a 16-hour resolution target; its name."""
    with env.store.writing() as session:
        policy = session.scalars(select(SlaPolicy).where(SlaPolicy.priority == "normal")).one()
        office = session.scalars(select(BusinessHours.id).where(BusinessHours.name == "Office hours")).one()
        policy.name, policy.business_hours_id, policy.resolution_minutes = "Normal, office hours", office, 16 * 60
    sla.invalidate()
    return "Normal, office hours"


def test_sla_box_shows_due_times_pause_and_overdue(env: Env) -> None:
    name = _with_resolution_target(env)
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    login(env.client, "anna")
    box = _box(env.client.get(f"/tickets/{number}").text)
    clock = _clock(env, number)
    assert clock.response_due_at is not None and clock.resolution_due_at is not None
    assert f'<strong id="sla-policy">{name}</strong>' in box and "paused" not in box
    for key, due in (("first-response", clock.response_due_at), ("resolution", clock.resolution_due_at)):
        local = due.astimezone(AMS)
        state = _target(box, key)
        # The due time as Amsterdam reads it (the element's datetime carries the +01:00/+02:00 offset).
        assert state.startswith(f"running:due {local.strftime('%d %b %Y %H:%M')} (Amsterdam time)"), state
        assert f'datetime="{local.isoformat()}"' in box
        assert state.endswith(" left"), state
    assert "sla-next-response" not in box  # no next response before the first one

    # Answered: the first response is done, the ticket is pending and the clock stands still.
    r = env.client.post(f"/api/tickets/{number}/reply", json={"text": "We kijken ernaar."}, headers=AUTH)
    assert r.status_code == 201, r.text
    box = _box(env.client.get(f"/tickets/{number}").text)
    clock = _clock(env, number)
    assert clock.first_response_at is not None and clock.running_since is None
    assert 'id="sla-paused"' in box and "paused (pending on the customer)" in box
    answered = clock.first_response_at.astimezone(AMS).strftime("%d %b %Y %H:%M")
    assert _target(box, "first-response") == f"done:answered {answered}"
    assert _target(box, "next-response") == "idle:no customer message awaits our answer"
    left = 16 * 3600 - clock.resolution_used
    hours, minutes = left // 3600, left % 3600 // 60
    expected = f"{hours} h {minutes} min" if minutes else f"{hours} h"
    assert _target(box, "resolution") == f"paused:paused: {expected} of business time left"

    # The customer answers: the next-response clock runs; once past its due time the box says overdue.
    assert env.mail("klant@example.nl", f"Re: Storing {ticket_tag(number)}", "Nog steeds stuk") == number
    with env.store.writing() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.status == "open"
        row = session.get(TicketSla, ticket.id)
        assert row is not None and row.response_since is not None
        row.response_due_at = utcnow() - timedelta(minutes=90, seconds=20)
    box = _box(env.client.get(f"/tickets/{number}").text)
    assert "paused" not in box
    assert '<strong class="overdue">1 h 30 min overdue</strong>' in box
    assert _target(box, "next-response").startswith("running:due ")


def test_sla_box_in_dutch_and_solved(env: Env) -> None:
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    env.client.post(f"/api/tickets/{number}/status", json={"status": "pending"}, headers=AUTH)
    login(env.client, "anna")
    env.client.cookies.set("sd_lang", "nl")
    box = _box(env.client.get(f"/tickets/{number}").text)
    assert "gepauzeerd (wacht op de klant)" in box and "Eerste reactie" in box and "paused (pending" not in box
    assert "kantoortijd" in _target(box, "first-response")
    env.client.post(f"/api/tickets/{number}/status", json={"status": "solved"}, headers=AUTH)
    box = _box(env.client.get(f"/tickets/{number}").text)
    assert "gepauzeerd" not in box  # solved is not "pending on the customer"
    assert _target(box, "first-response") == "idle:geen bericht van de klant wacht op antwoord"


def test_no_clock_yet_names_the_policy(env: Env) -> None:
    number = env.mail("klant@example.nl", "Storing", "Alles ligt eruit")
    with env.store.writing() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        clock = session.get(TicketSla, ticket.id)
        assert clock is not None
        session.delete(clock)  # a ticket from before the SLA clocks (migration 0014)
    login(env.client, "anna")
    box = _box(env.client.get(f"/tickets/{number}").text)
    assert '<strong id="sla-policy">Normal priority</strong>' in box and 'id="sla-not-started"' in box
