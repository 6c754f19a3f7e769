"""Rules as JSON (issue 22): export -> import round-trips; a bad import names every bad field and
changes nothing (all or nothing)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from models import Macro
from tickets import accounts, rules_spec
from tickets.store import TicketStore

RULES: list[dict[str, Any]] = [
    {"name": "Paspoort verwijderd", "trigger": "ticket_created", "enabled": True,
     "conditions": {"pii": ["ID_DOCUMENT"], "channel": ["email", "webform"]},
     "actions": [{"type": "tag", "tags": ["id-document"]}, {"type": "notify", "to": "admins"}]},
    {"name": "Facturen", "trigger": "customer_replied", "enabled": False,
     "conditions": {"words": ["factuur", "invoice"], "language": ["nl", "en"], "privacy": ["request_open"]},
     "actions": [{"type": "assign", "agent": "anna"}, {"type": "set_priority", "priority": "high"}]},
    {"name": "Wacht op antwoord", "trigger": "time_passed", "enabled": True, "conditions": {"status": ["open"]},
     "actions": [{"type": "macro", "macro": 0}],
     "time": {"after_minutes": 240, "since": "unanswered", "business_time": True}},
]


def _setup(store: TicketStore) -> dict[str, Any]:
    with store.writing() as session:
        accounts.add_agent(session, "anna", "correct horse battery", display_name="Anna")
        macro = Macro(title="Herinnering", body="We komen erop terug.", actions={}, reply_mode="send")
        session.add(macro)
        session.flush()
        rules = json.loads(json.dumps(RULES))
        rules[2]["actions"][0]["macro"] = macro.id
        return {"version": 1, "rules": rules}


def _export(store: TicketStore) -> dict[str, Any]:
    with store.reading() as session:
        return rules_spec.export(session)


def test_export_import_round_trips(ticket_store: TicketStore) -> None:
    data = _setup(ticket_store)
    with ticket_store.writing() as session:
        assert rules_spec.import_all(session, data) == 3
    exported = _export(ticket_store)
    assert exported == data
    with ticket_store.writing() as session:  # the export, as a file, imports to the same rules
        assert rules_spec.import_all(session, json.loads(json.dumps(exported))) == 3
    assert _export(ticket_store) == exported


def test_a_bad_import_names_every_bad_field_and_changes_nothing(ticket_store: TicketStore) -> None:
    data = _setup(ticket_store)
    with ticket_store.writing() as session:
        rules_spec.import_all(session, data)
    before = _export(ticket_store)
    bad = json.loads(json.dumps(data))
    bad["rules"].append({"name": "", "trigger": "ticket_created", "colour": "red",
                         "conditions": {"channel": ["fax"], "pii": ["passport number"]},
                         "actions": [{"type": "explode"}, {"type": "assign", "agent": "nobody-by-that-name"}]})
    bad["rules"][0]["actions"][0]["tags"] = ["06-1234-5678"]
    with pytest.raises(rules_spec.RuleError) as caught, ticket_store.writing() as session:
        rules_spec.import_all(session, bad)
    fields = [error.split(":")[0] for error in caught.value.errors]
    assert fields == ["rules[0].actions[0].tags", "rules[3].colour", "rules[3].name", "rules[3].conditions.channel",
                      "rules[3].conditions.pii", "rules[3].actions[0].type", "rules[3].actions[1].agent"]
    assert _export(ticket_store) == before
    with pytest.raises(rules_spec.RuleError) as caught, ticket_store.writing() as session:
        rules_spec.import_all(session, {"rules": [{"name": "t", "trigger": "time_passed", "actions": [
            {"type": "tag", "tags": ["x"]}]}]})
    assert caught.value.errors == ["rules[0].time: a time_passed rule needs a time (after_minutes, since)"]
    with pytest.raises(rules_spec.RuleError), ticket_store.writing() as session:
        rules_spec.import_all(session, [1, 2])
    assert _export(ticket_store) == before


def test_a_macro_is_named_by_title_in_an_import_from_elsewhere(ticket_store: TicketStore) -> None:
    data = _setup(ticket_store)
    data["rules"][2]["actions"][0]["macro"] = "Herinnering"
    with ticket_store.writing() as session:
        rules_spec.import_all(session, data)
        macro_id = session.scalars(select(Macro.id).where(Macro.title == "Herinnering")).one()
    assert _export(ticket_store)["rules"][2]["actions"] == [{"type": "macro", "macro": macro_id}]
    data["rules"][2]["actions"][0]["macro"] = "Bestaat niet"
    with pytest.raises(rules_spec.RuleError) as caught, ticket_store.writing() as session:
        rules_spec.import_all(session, data)
    assert [e.split(":")[0] for e in caught.value.errors] == ["rules[2].actions[0].macro"]
