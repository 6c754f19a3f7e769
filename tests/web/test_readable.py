"""Readable tickets: the operator's own identities stay in what agents write, a placeholder that is the
linked customer's directory field reads as that field, a ticket can be linked by customer number."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.config import load_settings
from models import AuditEntry, Direction
from scrubber import Analysis, Entity
from tests.web.conftest import API_TOKEN, Env, login
from tickets import operator
from tickets.operator import OperatorIdentity
from tickets.store import CustomerRecord, ticket_by_number, upsert_customers

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def test_keep_own_drops_only_the_operators_identities() -> None:
    text = "Groet, Anna Agent (020-123 45 67, support@support.test); klant Jan Jansen 06-12345678 jan@klant.nl"
    ids = operator.Identities(("Anna Agent",), frozenset({"0201234567"}), ("support.test",))

    def at(kind: str, value: str) -> Entity:
        start = text.index(value)
        return Entity(kind, start, start + len(value), "redact", 1.0)

    analysis = Analysis("nl", (at("PERSON", "Anna Agent"), at("PHONE_NUMBER", "020-123 45 67"),
                               at("EMAIL_ADDRESS", "support@support.test"), at("PERSON", "Jan Jansen"),
                               at("PHONE_NUMBER", "06-12345678"), at("EMAIL_ADDRESS", "jan@klant.nl")))
    kept = operator.keep_own(text, analysis, ids)
    assert [text[e.start:e.end] for e in kept.entities] == ["Jan Jansen", "06-12345678", "jan@klant.nl"]


def test_reply_keeps_company_address_and_scrubs_the_customers(env: Env) -> None:
    env.workspace.operator = OperatorIdentity(domains=["support.test"])
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    r = env.client.post(f"/api/tickets/{number}/reply", headers=AUTH, json={
        "text": "Mail gerust naar help@support.test, niet naar privé@example.org of andere@example.org."})
    assert r.status_code == 201
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        out = [m for m in ticket.messages if m.direction == Direction.OUT and m.author_id is None][-1]
        assert "help@support.test" in out.text and "andere@example.org" not in out.text


def test_linked_customers_own_address_reads_as_itself(env: Env) -> None:
    number = env.mail("jan@klant.nl", "Adres", "Mijn tweede adres is jan.privé@example.org, mijn werk jan@klant.nl")
    with env.store.writing() as session:
        upsert_customers(session, [CustomerRecord(number="C-100", name="Jan de Vries", email="jan@klant.nl")])
    r = env.client.post(f"/api/tickets/{number}/customer", headers=AUTH, json={"customer_number": "C-100"})
    assert r.status_code == 200, r.text
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert "from the customer directory" in page and ">jan@klant.nl</span>" in page
    assert "jan.privé@example.org" not in page  # not in the directory: stays a placeholder
    with env.store.reading() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action.contains("customer"))).first() is not None


def test_link_by_unknown_customer_number_is_refused(env: Env) -> None:
    number = env.mail("jan@klant.nl", "Adres", "Hallo")
    r = env.client.post(f"/api/tickets/{number}/customer", headers=AUTH, json={"customer_number": "nope"})
    assert r.status_code in (400, 404, 409)


def test_operator_section_of_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "scrubdesk.toml"
    config.write_text('[operator]\nnames = ["Voorbeeld Hosting B.V."]\nphones = ["020-123 45 67"]\n'
                      'domains = ["voorbeeld.nl"]\n', encoding="utf-8")
    settings = load_settings(config, data_dir=tmp_path)
    assert settings.operator.domains == ["voorbeeld.nl"] and settings.operator.phones == ["020-123 45 67"]
