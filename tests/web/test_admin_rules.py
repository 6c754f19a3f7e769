"""The admin page of rules (issue 22), over real HTTP to the app: an admin creates a rule, it fires on the
next stored message; a refused form keeps what was typed and names the bad field; export and import;
agents cannot reach the page."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from models import AuditEntry
from models.rules import Rule
from tests.web.conftest import Env, csrf_of, login
from tickets import rules, tags
from tickets.store import TicketStore

PAGE = "/admin/rules"


def _rules(store: TicketStore) -> list[tuple[str, bool, dict[str, list[str]], list[dict[str, object]]]]:
    with store.reading() as session:
        return [(r.name, r.enabled, r.conditions, r.actions)
                for r in session.scalars(select(Rule).order_by(Rule.position, Rule.id))]


def test_admin_creates_a_rule_that_then_fires(env: Env) -> None:
    csrf = login(env.client, "root")
    assert f'href="{PAGE}"' in env.client.get("/admin/agents").text
    r = env.client.post(PAGE, data={
        "csrf_token": csrf, "name": "Facturen", "trigger": "ticket_created", "enabled": "true",
        "channel": ["email"], "words": "factuur, invoice", "add_tags": "billing", "set_priority": "high"},
        follow_redirects=False)
    assert r.status_code == 303, r.text
    assert re.fullmatch(rf"{PAGE}/\d+\?done=added", r.headers["location"])
    assert _rules(env.store) == [("Facturen", True, {"channel": ["email"], "words": ["factuur", "invoice"]},
                                  [{"type": "set_priority", "priority": "high"}, {"type": "tag", "tags": ["billing"]}])]
    page = env.client.get(r.headers["location"]).text
    assert 'value="Facturen"' in page and 'value="factuur, invoice"' in page
    number = env.mail("klant@example.nl", "Vraag over mijn factuur", "Hallo, de factuur klopt niet.")
    other = env.mail("ander@example.nl", "Inloggen", "Ik kan niet inloggen.")
    assert rules.run_pass(env.store)[1] == 1
    with env.store.reading() as session:
        assert tags.names_of(session, [number - 100000, other - 100000]) == {number - 100000: ["billing"]}
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.target_kind == "rule")).all() == ["rule.add"]
    # The ticket's timeline names the rule as the actor of its changes.
    timeline = env.client.get(f"/tickets/{number}").text
    rule_id = re.search(rf"{PAGE}/(\d+)", r.headers["location"])
    assert rule_id and f'href="{PAGE}/{rule_id.group(1)}">rule {rule_id.group(1)}</a>' in timeline
    assert "rule applied" in timeline and "added the tag" in timeline


def test_a_refused_form_keeps_what_was_typed_and_names_the_field(env: Env) -> None:
    csrf = login(env.client, "root")
    r = env.client.post(PAGE, data={"csrf_token": csrf, "name": "Wacht", "trigger": "time_passed", "enabled": "true",
                                    "after_minutes": "soon", "since": "unanswered", "add_tags": "06-1234-5678",
                                    "words": "spoed"})
    assert r.status_code == 400
    assert "rule.time.after_minutes" in r.text and "rule.actions[0].tags" in r.text
    assert 'value="Wacht"' in r.text and 'value="spoed"' in r.text and 'value="soon"' in r.text
    assert _rules(env.store) == []


def test_export_and_import_over_http(env: Env) -> None:
    csrf = login(env.client, "root")
    for name in ("Een", "Twee"):
        r = env.client.post(PAGE, data={"csrf_token": csrf, "name": name, "trigger": "customer_replied",
                                        "enabled": "true", "add_tags": name.lower()}, follow_redirects=False)
        assert r.status_code == 303, r.text
    [first_id] = [int(m) for m in re.findall(r'href="/admin/rules/(\d+)">Een<', env.client.get(PAGE).text)]
    r = env.client.post(f"{PAGE}/{first_id}/move", data={"csrf_token": csrf, "step": "down"}, follow_redirects=False)
    assert r.status_code == 303
    exported = env.client.get(f"{PAGE}/export")
    assert exported.headers["content-type"].startswith("application/json")
    data = exported.json()
    assert [rule["name"] for rule in data["rules"]] == ["Twee", "Een"]
    before = _rules(env.store)
    bad = json.loads(exported.text)
    bad["rules"][1]["trigger"] = "sometimes"
    r = env.client.post(f"{PAGE}/import", data={"csrf_token": csrf, "rules_json": json.dumps(bad)})
    assert r.status_code == 400 and "rules[1].trigger" in r.text and "sometimes" in r.text  # the text stays
    r = env.client.post(f"{PAGE}/import", data={"csrf_token": csrf, "rules_json": "{not json"})
    assert r.status_code == 400 and "not JSON" in r.text
    assert _rules(env.store) == before
    data["rules"] = data["rules"][:1]
    r = env.client.post(f"{PAGE}/import", data={"csrf_token": csrf, "rules_json": json.dumps(data)},
                        follow_redirects=False)
    assert r.status_code == 303
    assert [name for name, *_rest in _rules(env.store)] == ["Twee"]


def test_agents_cannot_reach_the_rules(env: Env) -> None:
    page = env.client.get("/login").text
    csrf = login(env.client, "anna")
    assert env.client.get(PAGE, follow_redirects=False).status_code in (303, 403)
    r = env.client.post(PAGE, data={"csrf_token": csrf or csrf_of(page), "name": "x", "trigger": "ticket_created",
                                    "add_tags": "x"}, follow_redirects=False)
    assert r.status_code in (303, 403)
    assert _rules(env.store) == []
