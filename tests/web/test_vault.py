"""The vault page, the reveal form and API, and the audit-trail page and CSV export, through the app."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Role
from privacy import vault
from privacy.cipher import Keyring, generate_key
from tests.web.conftest import PASSWORD, csrf_of, login
from tickets import accounts, audit
from tickets.store import TicketStore
from web import vault as vault_routes
from web.app import create_app

REASON = "callback requested in the message"


@dataclass
class Env:
    store: TicketStore
    number: int
    token: str


@pytest.fixture
def env(ticket_store: TicketStore, real_scrubber) -> Iterator[tuple[Env, TestClient]]:  # type: ignore[no-untyped-def]
    keyring = Keyring({"k1": generate_key()})
    with ticket_store.writing() as session:
        accounts.add_agent(session, "olga", PASSWORD, role=Role.PRIVACY_OFFICER)
        accounts.add_agent(session, "anna", PASSWORD)
        accounts.add_agent(session, "root", PASSWORD, role=Role.ADMIN)
        token = accounts.create_token(session, "olga")
    intake = Intake(ticket_store, real_scrubber, vault=vault.SqlVault(keyring))
    outcome = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id="w1@test", sender="p@example.nl",
                                           subject="Terugbellen", text="Bel me op 06-12345678 aub. BSN 111222333."))
    assert outcome.ticket_number is not None
    app = create_app(ticket_store, lambda: "global-token")
    vault_routes.install(app, vault_routes.VaultAccess(keyring, vault.RevealPolicy()))
    with TestClient(app, base_url="http://testserver") as client:
        yield Env(ticket_store, outcome.ticket_number, token), client


def _reveal(client: TestClient, number: int, csrf: str, reason: str = REASON):  # type: ignore[no-untyped-def]
    return client.post(f"/tickets/{number}/vault/reveal", data={
        "csrf_token": csrf, "entity_type": "PHONE_NUMBER", "placeholder_number": "1", "reason": reason})


def test_officer_reveals_once_with_a_reason(env: tuple[Env, TestClient]) -> None:
    e, client = env
    csrf = login(client, "olga")
    page = client.get(f"/tickets/{e.number}/vault")
    assert page.status_code == 200
    assert "phone number 1" in page.text and "national id" not in page.text  # never vaulted
    assert "06-12345678" not in page.text
    refused = _reveal(client, e.number, csrf, reason="")
    assert refused.status_code == 403 and "06-12345678" not in refused.text
    shown = _reveal(client, e.number, csrf)
    assert shown.status_code == 200 and "06-12345678" in shown.text
    assert shown.headers["cache-control"] == "no-store"
    # without the session's CSRF token nothing is revealed
    assert _reveal(client, e.number, "wrong").status_code == 403
    with e.store.reading() as session:
        actions = [x.action for x in reversed(audit.entries(session, audit.AuditFilter(target_kind="vault_entry")))]
        logins = audit.entries(session, audit.AuditFilter(action=audit.LOGIN))
    assert actions == [audit.REVEAL_REFUSED, audit.REVEAL]
    assert [x.actor for x in logins] == ["agent:olga"]


@pytest.mark.parametrize("username", ["anna", "root"])
def test_other_roles_are_refused(env: tuple[Env, TestClient], username: str) -> None:
    e, client = env
    csrf = login(client, username)
    page = client.get(f"/tickets/{e.number}/vault")
    assert page.status_code == 200 and "only a privacy officer may reveal" in page.text
    r = _reveal(client, e.number, csrf)
    assert r.status_code == 403 and "06-12345678" not in r.text
    with e.store.reading() as session:
        [entry] = audit.entries(session, audit.AuditFilter(target_kind="vault_entry"))
    assert entry.action == audit.REVEAL_REFUSED and entry.actor == f"agent:{username}"


def test_reveal_through_the_api(env: tuple[Env, TestClient]) -> None:
    e, client = env
    url = f"/api/tickets/{e.number}/vault/reveal"
    auth = {"Authorization": f"Bearer {e.token}"}
    assert client.post(url, json={"entity_type": "PHONE_NUMBER", "number": 1}, headers=auth).status_code == 403
    r = client.post(url, json={"entity_type": "PHONE_NUMBER", "number": 1, "reason": REASON}, headers=auth)
    assert r.status_code == 200 and r.json() == {"placeholder": "<PHONE_NUMBER_1>", "value": "06-12345678"}
    assert client.post(url, json={"entity_type": "PHONE_NUMBER", "number": 1, "reason": REASON}).status_code == 401


def test_audit_page_and_csv_for_officers_only(env: tuple[Env, TestClient]) -> None:
    e, client = env
    csrf = login(client, "olga")
    _reveal(client, e.number, csrf, reason="no")
    _reveal(client, e.number, csrf)
    page = client.get("/admin/audit", params={"action": audit.REVEAL})
    assert page.status_code == 200
    assert page.text.count("<tr>") == 2  # header + the one reveal
    assert REASON in page.text and "06-12345678" not in page.text
    export = client.get("/admin/audit.csv")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [r["action"] for r in rows] == [audit.ROLE_CHANGE] * 3 + [audit.LOGIN, audit.REVEAL_REFUSED, audit.REVEAL,
                                                                      audit.EXPORT]
    assert all("06-12345678" not in r["detail"] for r in rows)
    client.post("/logout", data={"csrf_token": csrf_of(page.text)})
    login(client, "anna")
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403


def test_without_the_vault_the_routes_are_absent(ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        accounts.add_agent(session, "olga", PASSWORD, role=Role.PRIVACY_OFFICER)
    with TestClient(create_app(ticket_store, lambda: "t"), base_url="http://testserver") as client:
        login(client, "olga")
        assert client.get("/tickets/100001/vault").status_code == 404
