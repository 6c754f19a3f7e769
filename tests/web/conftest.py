"""Fixtures of the workspace tests: a store with agents, intake with the workspace's hooks, the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Role
from models.db import make_engine
from outbound.acknowledge import AckConfig
from tests.support import migrated
from tests.support.browser import serve_app
from tests.support.fakes import FakeScrubber
from tickets import accounts, replies
from tickets.replies import MailIdentity
from tickets.store import CustomerRecord, TicketStore, ticket_by_number, upsert_customers
from web.app import create_app
from web.workspace import Workspace

API_TOKEN = "global-test-token"
PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]*)"')


@dataclass
class Env:
    store: TicketStore
    intake: Intake
    client: TestClient
    agent_id: int
    admin_id: int
    workspace: Workspace

    def mail(self, sender: str, subject: str, text: str, *, msg_id: str | None = None,
             at: datetime | None = None, in_reply_to: tuple[str, ...] = (), lang: str | None = None) -> int:
        """Submit an e-mail through the real pipeline; returns the ticket number."""
        outcome = self.intake.submit(InboundMessage(
            channel=Channel.EMAIL, external_id=msg_id or f"{abs(hash((sender, subject, text, at)))}@test",
            sender=sender, text=text, subject=subject, received_at=at or datetime.now(UTC),
            in_reply_to=in_reply_to, lang_hint=lang,
        ))
        assert outcome.status == "stored", outcome
        assert outcome.ticket_number is not None
        return outcome.ticket_number


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the login form; returns the session's CSRF token (from the queue page)."""
    form = client.get("/login")
    assert form.status_code == 200
    r = client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_of(form.text),
                                    "next": "/queue"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/queue")
    assert page.status_code == 200
    return csrf_of(page.text)


@pytest.fixture
def env(ticket_store: TicketStore) -> Iterator[Env]:
    with ticket_store.writing() as session:
        agent = accounts.add_agent(session, "anna", PASSWORD, display_name="Anna Agent")
        admin = accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
        agent_id, admin_id = agent.id, admin.id
    identity = MailIdentity("support.test")
    workspace = Workspace(scrubber=FakeScrubber(), identity=identity, available_channels=frozenset({"email"}))
    intake = Intake(ticket_store, FakeScrubber(), after_commit=[
        DueTimeHook(ticket_store), AutoAcknowledger(ticket_store, AckConfig(), identity)])
    app = create_app(ticket_store, lambda: API_TOKEN, workspace=workspace)
    with TestClient(app, base_url="http://testserver") as client:
        yield Env(ticket_store, intake, client, agent_id, admin_id, workspace)


def minutes_ago(n: int) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=n)


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest,
           migrated_sqlite: Path) -> Iterator[tuple[str, TicketStore, int]]:
    """The web app served by uvicorn on a loopback port for the browser tests, over a store of three
    tickets from the real intake pipeline, two agents, a customer record and a macro; yields the base
    URL, the store and the first ticket's number."""
    poll_seconds = getattr(request, "param", 15)  # the pages' poll interval; a test of presence asks for 1
    url = f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    migrated.copy_sqlite(url, migrated_sqlite)  # the session's migrated database (tests/support/migrated.py)
    engine = make_engine(url)
    store = TicketStore(engine)
    with store.writing() as session:
        accounts.add_agent(session, "anna", PASSWORD, display_name="Anna de Wit")
        accounts.add_agent(session, "bram", PASSWORD, display_name="Bram Visser")
        upsert_customers(session, [CustomerRecord(number="104233", name="Marieke Jansen", email="klant@example.nl")])
        replies.add_macro(session, "Opgelost", "Beste {{customer_first_name}},\n\nHet probleem is opgelost.\n\n"
                                               "Met vriendelijke groet,\n{{agent_name}}")
    intake = Intake(store, FakeScrubber(), after_commit=[DueTimeHook(store)])
    texts = [
        ("Website geeft foutmelding 500", "Hallo,\n\nSinds vanochtend geeft bakkerij-jansen.nl een foutmelding. "
         "U kunt mij bereiken op marieke@privemail.nl.\nMijn BSN is 123456782, als dat nodig is.\n\n"
         "Met vriendelijke groet,\nMarieke"),
        ("Factuur F2024-00123 klopt niet", "Er staat een bedrag te veel op de factuur."),
        ("Mail komt niet aan", "Sinds de verhuizing komt er geen mail meer binnen op info@."),
    ]
    numbers = []
    for i, (subject, text) in enumerate(texts):
        outcome = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"b{i}@example.nl",
                                               sender="klant@example.nl", subject=subject, text=text))
        numbers.append(outcome.ticket_number)
    with store.writing() as session:
        first = ticket_by_number(session, numbers[0])
        assert first is not None
        replies.note(session, first, agent_id=None, text="Klant heeft ook gebeld, urgent.", scrubber=FakeScrubber())
    app = create_app(store, lambda: "browser-token", workspace=Workspace(
        scrubber=FakeScrubber(), identity=MailIdentity("support.test"), available_channels=frozenset({"email"}),
        poll_seconds=poll_seconds))
    with serve_app(app) as url:
        yield url, store, numbers[0]
    engine.dispose()
