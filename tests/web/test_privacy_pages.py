"""The privacy pages in the workspace app: officer dashboard (role-checked), request actions, marking a
ticket, the public verification page (rate-limited) and the download link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from models import PrivacyRequest, RequestState, RetentionHold, Role
from privacy import deadline
from tests.privacy.conftest import Desk, open_desk
from tests.web.conftest import PASSWORD, login
from tickets import accounts
from tickets.store import TicketStore
from web import privacy as privacy_web
from web.app import create_app

ACCESS = "Hello, I would like a copy of all personal data you hold about me (GDPR article 15)."
_VERIFY = re.compile(r"http://desk\.test(/privacy/verify/\S+)")


@pytest.fixture
def desk(ticket_store: TicketStore) -> Desk:
    """The privacy tests' desk (tests/privacy/conftest.py), here for the pages."""
    return open_desk(ticket_store)


@pytest.fixture
def client(desk: Desk) -> Iterator[TestClient]:
    with desk.store.writing() as s:
        accounts.add_agent(s, "olga", PASSWORD, role=Role.PRIVACY_OFFICER)
        accounts.add_agent(s, "anna", PASSWORD)
    app = create_app(desk.store, lambda: "api-token")
    privacy_web.install(app, desk.desk)
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def test_dashboard_lists_open_requests_by_due_date_with_overdue_marked(desk: Desk, client: TestClient) -> None:
    desk.mail(ACCESS)
    desk.mail("Please delete all my personal data under article 17 GDPR.", subject="Delete")
    with desk.store.writing() as s:
        s.execute(update(PrivacyRequest).where(PrivacyRequest.id == 2).values(
            due_on=deadline.today() - timedelta(days=2)))
    login(client, "anna")
    assert client.get("/privacy").status_code == 403  # agents do not see the officer's dashboard
    client.post("/logout", data={"csrf_token": login(client, "anna")})
    login(client, "olga")
    page = client.get("/privacy")
    assert page.status_code == 200
    body = page.text
    assert body.index('href="/privacy/requests/2"') < body.index('href="/privacy/requests/1"')
    assert body.count("badge-overdue") == 1
    detail = client.get("/privacy/requests/1")
    assert detail.status_code == 200 and "opened" in detail.text and "code_sent" in detail.text


def test_officer_refuses_through_the_request_page_with_csrf(desk: Desk, client: TestClient) -> None:
    desk.mail(ACCESS)
    csrf = login(client, "olga")
    r = client.post("/privacy/requests/1/refuse", data={"reason": "Manifestly unfounded."},
                    follow_redirects=False)
    assert r.status_code == 403  # no CSRF token
    r = client.post("/privacy/requests/1/refuse", data={"reason": "Manifestly unfounded.", "csrf_token": csrf},
                    follow_redirects=False)
    assert r.status_code == 303
    assert desk.request().state == RequestState.REFUSED


def test_officer_holds_a_ticket_for_its_retention_duty(desk: Desk, client: TestClient) -> None:
    outcome = desk.mail("Kunnen jullie zorgen dat ik nergens meer in sta?")
    csrf = login(client, "olga")
    r = client.post("/privacy/holds", data={"ticket": "999999", "csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 404
    r = client.post("/privacy/holds", data={"ticket": str(outcome.ticket_number), "csrf_token": csrf},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/privacy"
    with desk.store.reading() as s:
        hold = s.scalars(select(RetentionHold)).one()
    assert (hold.ticket_id, hold.basis, hold.created_by) == (outcome.ticket_id, "financial", "agent:olga")
    assert hold.retain_until == deadline.add_months(deadline.today(), 12 * desk.desk.config.financial_retention_years)

def test_any_agent_marks_a_ticket_as_a_privacy_request(desk: Desk, client: TestClient) -> None:
    outcome = desk.mail("Kunnen jullie zorgen dat ik nergens meer in sta?")
    csrf = login(client, "anna")
    r = client.post(f"/tickets/{outcome.ticket_number}/privacy", data={"types": ["erasure"], "csrf_token": csrf},
                    follow_redirects=False)
    assert r.status_code == 303
    req = desk.request()
    assert req.source == "manual" and req.types == ["erasure"]
    panel = client.get(f"/tickets/{outcome.ticket_number}/privacy")
    assert panel.status_code == 200 and "verification_sent" in panel.text and "unmark" in panel.text
    client.post(f"/tickets/{outcome.ticket_number}/privacy", data={"unmark": "1", "csrf_token": csrf})
    assert desk.request().state == RequestState.WITHDRAWN


def test_public_verification_page_and_its_rate_limit(desk: Desk, client: TestClient) -> None:
    desk.desk.config.auto_fulfil = []
    desk.mail(ACCESS)
    mail = desk.code_mail()
    path = _VERIFY.search(mail["text"])
    assert path
    code = re.search(r"^\s{4}(\d{6})", mail["text"], re.M)
    assert code
    # An unknown token and a wrong code look the same.
    unknown = client.post("/privacy/verify/not-a-token", data={"code": code.group(1)})
    wrong = client.post(path.group(1), data={"code": f"{(int(code.group(1)) + 7) % 1000000:06d}"})
    assert unknown.status_code == wrong.status_code == 400
    ok = client.post(path.group(1), data={"code": code.group(1)})
    assert ok.status_code == 200 and "confirmed" in ok.text
    assert desk.request().state == RequestState.VERIFIED
    assert desk.request().evidence["verified_by"] == "code_link"
    # The link is dead once used, and hammering the page is throttled per client.
    statuses = [client.post(path.group(1), data={"code": "000000"}).status_code for _ in range(12)]
    assert 429 in statuses and set(statuses) <= {400, 429}


def test_restricted_customer_tickets_are_read_only_in_pages_and_api(desk: Desk, client: TestClient) -> None:
    from intake.message import InboundMessage
    from models import Channel, Restriction

    outcome = desk.mail("Mijn website is traag.", subject="Traag")
    with desk.store.writing() as s:
        s.add(Restriction(customer_id=desk.customer_id, request_id=_any_request(desk), reason="art18_request"))
    csrf = login(client, "anna")
    page = client.post(f"/tickets/{outcome.ticket_number}/note", data={"text": "hello", "csrf_token": csrf},
                       follow_redirects=False)
    assert page.status_code == 303 and "Read-only" in page.headers["location"].replace("+", " ")
    api = client.post(f"/api/tickets/{outcome.ticket_number}/notes", json={"text": "hello"},
                      headers={"Authorization": "Bearer api-token"})
    assert api.status_code == 423
    banner = client.get(f"/tickets/{outcome.ticket_number}/privacy")
    assert 'id="privacy-banner"' in banner.text and "art. 18" in banner.text
    # An unrestricted customer's ticket is not affected by the guard.
    other = desk.intake.submit(InboundMessage(channel=Channel.EMAIL, external_id="o@t", sender="x@example.com",
                                              text="Vraag", subject="Vraag"))
    free = client.post(f"/api/tickets/{other.ticket_number}/notes", json={"text": "hello"},
                       headers={"Authorization": "Bearer api-token"})
    assert free.status_code != 423


def _any_request(desk: Desk) -> int:
    desk.mail("Please unsubscribe me from your marketing emails.", subject="unsubscribe")
    return desk.request().id
