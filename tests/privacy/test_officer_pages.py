"""The officer's pages (web/privacy.py) for issue 18: the approval form lists the open tickets with their
assignees and keeps the ones ticked, the tasks' buttons, and the one-click decision on a possible request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.message import InboundMessage
from models import Agent, Channel, ExternalTask, RequestState, Role, Ticket
from models.privacy import PrivacyTriage, TriageState
from privacy.config import ExternalSystem
from tests.privacy.conftest import CUSTOMER_MAIL, Desk, open_desk, verify
from tests.web.conftest import PASSWORD, login
from tickets import accounts
from tickets.store import TicketStore
from web import privacy as privacy_web
from web.app import create_app

ERASE = "Beste,\n\nVerwijder al mijn persoonsgegevens (art. 17 AVG).\n\nGroet, Marieke"


@pytest.fixture
def desk(ticket_store: TicketStore) -> Desk:
    return open_desk(ticket_store)


@pytest.fixture
def client(desk: Desk) -> Iterator[TestClient]:
    with desk.store.writing() as s:
        accounts.add_agent(s, "olga", PASSWORD, role=Role.PRIVACY_OFFICER)
    app = create_app(desk.store, lambda: "api-token")
    privacy_web.install(app, desk.desk)
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def test_the_officer_approves_an_erasure_keeping_an_assigned_ticket(desk: Desk, client: TestClient) -> None:
    desk.desk.config.external_systems = [ExternalSystem(name="billing", name_nl="facturatie", instruction="x")]
    other = desk.mail("Mijn website is traag.", subject="Traag")
    with desk.store.writing() as s:
        anna = Agent(username="anna", display_name="Anna de Vries", role=Role.AGENT, password_hash="x")
        s.add(anna)
        s.flush()
        s.get(Ticket, other.ticket_id).assignee_id = anna.id  # type: ignore[union-attr]
    desk.mail(ERASE, subject="Verwijderen")
    verify(desk)
    req = desk.request()
    csrf = login(client, "olga")
    page = client.get(f"/privacy/requests/{req.id}")
    assert page.status_code == 200 and 'id="open-tickets"' in page.text and "Anna de Vries" in page.text
    r = client.post(f"/privacy/requests/{req.id}/approve",
                    data={"csrf_token": csrf, "keep_open": [str(other.ticket_id)]}, follow_redirects=False)
    assert r.status_code == 303 and "error" not in r.headers["location"]
    assert desk.request().state == RequestState.IN_PROGRESS
    with desk.store.reading() as s:
        assert s.get(Ticket, other.ticket_id) is not None
        tasks = {t.system: t.id for t in s.scalars(select(ExternalTask))}
    assert set(tasks) == {"billing", f"ticket {other.ticket_number}"}
    client.post(f"/privacy/requests/{req.id}/task-done", data={"csrf_token": csrf, "task": str(tasks["billing"])})
    assert desk.request().state == RequestState.IN_PROGRESS  # the kept ticket is still a task
    client.post(f"/privacy/requests/{req.id}/erase-ticket",
                data={"csrf_token": csrf, "task": str(tasks[f"ticket {other.ticket_number}"])})
    assert desk.request().state == RequestState.FULFILLED
    assert "Verwijderd:" in desk.outbox()[-1]["text"]


def test_a_possible_request_is_confirmed_from_the_dashboard(desk: Desk, client: TestClient) -> None:
    # unsure, so possible ("what do you do with my data" is labelled access since recognition v2)
    text = "Hoe zit het eigenlijk met mijn privacy bij jullie als ik opzeg?"
    desk.intake.submit(InboundMessage(channel=Channel.EMAIL, external_id="p@t", sender=CUSTOMER_MAIL,
                                      subject="vraagje", text=text))
    csrf = login(client, "olga")
    assert 'id="possible-requests"' in client.get("/privacy").text
    with desk.store.reading() as s:
        [row] = s.scalars(select(PrivacyTriage)).all()
    r = client.post(f"/privacy/triage/{row.id}/confirm", data={"csrf_token": csrf, "types": ["access"]},
                    follow_redirects=False)
    assert r.status_code == 303 and "error" not in r.headers["location"]
    assert desk.request().types == ["access"] and desk.request().source == "triage"
    with desk.store.reading() as s:
        assert s.get(PrivacyTriage, row.id).state == TriageState.CONFIRMED  # type: ignore[union-attr]
    assert 'id="possible-requests"' not in client.get("/privacy").text
