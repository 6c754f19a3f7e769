"""Fixtures of the workspace tests: a store with agents, intake with the workspace's hooks, the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Role
from outbound.acknowledge import AckConfig
from tests.support.fakes import FakeScrubber
from tickets import accounts
from tickets.replies import MailIdentity
from tickets.store import TicketStore
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
