"""Tags and macros (issue 22) through the JSON API and the pages, on SQLite and PostgreSQL: each step of a
macro is a ticket action with its event and audit entry, behind the art. 18 guard and the version check."""

from __future__ import annotations

import threading
import time
from datetime import date

from sqlalchemy import delete, select

from models import AuditEntry, Macro, RetentionHold, Tag, Ticket, TicketEvent, TicketTag, utcnow
from tests.web.conftest import API_TOKEN, Env, login
from tickets import drafts, macros, tags
from tickets.store import ticket_by_number

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def _events(env: Env, number: int) -> list[tuple[str, dict[str, object], str | None]]:
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        return [(e.kind, dict(e.detail), e.actor) for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id))]


def _audit(env: Env, action: str) -> list[AuditEntry]:
    with env.store.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _macro(env: Env, title: str, body: str, mode: str = "insert", **actions: object) -> int:
    with env.store.writing() as session:
        return macros.create(session, title, body, macros.parse(actions), mode).id


def test_tags_through_the_api(env: Env) -> None:
    one = env.mail("a@example.nl", "Factuur klopt niet", "Te veel betaald.")
    two = env.mail("b@example.nl", "Storing", "Website ligt eruit.")
    r = env.client.post(f"/api/tickets/{one}/tags", json={"name": " Billing "}, headers=AUTH)
    assert r.status_code == 200 and r.json() == {"ticket_number": one, "tags": ["billing"], "changed": True}, r.text
    again = env.client.post(f"/api/tickets/{one}/tags", json={"name": "billing"}, headers=AUTH)
    assert again.json()["changed"] is False
    env.client.post(f"/api/tickets/{one}/tags", json={"name": "vip"}, headers=AUTH)
    env.client.post(f"/api/tickets/{two}/tags", json={"name": "vip"}, headers=AUTH)
    # Shown with the ticket, in the list, filtered, searched.
    assert env.client.get(f"/api/tickets/{one}", headers=AUTH).json()["tags"] == ["billing", "vip"]
    listed = env.client.get("/api/tickets?tag=billing", headers=AUTH).json()["tickets"]
    assert [t["number"] for t in listed] == [one] and listed[0]["tags"] == ["billing", "vip"]
    assert {t["number"] for t in env.client.get("/api/tickets?tag=vip", headers=AUTH).json()["tickets"]} == {one, two}
    assert env.client.get("/api/tickets?tag=nothing", headers=AUTH).json()["tickets"] == []
    found = env.client.get("/api/tickets", params={"q": "tag:vip"}, headers=AUTH).json()["tickets"]
    assert {t["number"] for t in found} == {one, two}
    both = env.client.get("/api/tickets", params={"q": "tag:vip storing"}, headers=AUTH).json()["tickets"]
    assert [t["number"] for t in both] == [two]
    counts = {t["name"]: t["tickets"] for t in env.client.get("/api/tags", headers=AUTH).json()}
    assert counts == {"billing": 1, "vip": 2}
    # Removed; a name outside the grammar is refused before anything is stored.
    gone = env.client.delete(f"/api/tickets/{one}/tags/vip", headers=AUTH)
    assert gone.status_code == 200 and gone.json()["tags"] == ["billing"]
    bad = env.client.post(f"/api/tickets/{one}/tags", json={"name": "123456782"}, headers=AUTH)
    assert bad.status_code == 400 and "digits" in bad.json()["detail"]
    assert env.client.post(f"/api/tickets/{one}/tags", json={"name": "jan@example.nl"}, headers=AUTH).status_code == 400
    assert env.client.post("/api/tickets/999999999/tags", json={"name": "x"}, headers=AUTH).status_code == 404
    # Each change is on the timeline with its actor, and in the audit trail.
    assert [(k, d) for k, d, _ in _events(env, one) if k in ("tagged", "untagged")] == [
        ("tagged", {"tag": "billing"}), ("tagged", {"tag": "vip"}), ("untagged", {"tag": "vip"})]
    assert {a for k, _, a in _events(env, one) if k in ("tagged", "untagged")} == {"api"}
    assert [e.detail for e in _audit(env, "ticket.tag")][:1] == [{"tag": "billing"}]
    assert len(_audit(env, "ticket.untag")) == 1


def test_a_macro_that_sends_and_acts(env: Env) -> None:
    number = env.mail("klant@example.nl", "Wachtwoord vergeten", "Ik kan niet inloggen.")
    env.client.post(f"/api/tickets/{number}/tags", json={"name": "new-customer"}, headers=AUTH)
    macro_id = _macro(env, "Opgelost en gesloten", "Beste klant,\n\nOpgelost in ticket {{ticket_number}}.", "send",
                      status="solved", priority="high", assignee=str(env.agent_id),
                      add_tags=["password", "self-service"], remove_tags=["new-customer"])
    version = env.client.get(f"/api/tickets/{number}", headers=AUTH).json()["version"]
    r = env.client.post(f"/api/tickets/{number}/macros/{macro_id}", json={"version": version}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["message_id"] is not None and body["text"] is None
    # The macro's status wins over the reply's automatic "pending": the reply goes first.
    assert (body["status"], body["priority"], body["assignee_id"]) == ("solved", "high", env.agent_id)
    assert body["tags"] == ["password", "self-service"]
    assert body["changed"] == ["status", "priority", "assignee", "+password", "+self-service", "-new-customer"]
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        assert ticket.messages[-1].text == f"Beste klant,\n\nOpgelost in ticket {number}."
    kinds = [k for k, _, _ in _events(env, number)]
    assert kinds[-6:] == ["status", "priority", "assigned", "tagged", "tagged", "untagged"]
    assert {a for _, _, a in _events(env, number)[-6:]} == {"api"}
    assert [e.detail for e in _audit(env, "ticket.macro")] == [{"macro_id": macro_id, "changed": body["changed"]}]
    assert len(_audit(env, "ticket.reply")) == 1
    # The version check covers the whole macro: a stale view changes nothing.
    stale = env.client.post(f"/api/tickets/{number}/macros/{macro_id}", json={"version": version}, headers=AUTH)
    assert stale.status_code == 409
    assert env.client.post(f"/api/tickets/{number}/macros/999", json={}, headers=AUTH).status_code == 400


def test_a_macro_that_inserts_its_text_into_the_reply_box(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hoe werkt dit?")
    macro_id = _macro(env, "Uitleg", "Hallo, ik ben {{agent_name}}.", assignee="me", add_tags=["how-to"])
    csrf = login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}")
    assert 'id="macro-select"' in page.text and "Uitleg" in page.text
    r = env.client.post(f"/tickets/{number}/macro", data={"macro": str(macro_id), "csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/tickets/{number}?sent=macro#reply-box"
    shown = env.client.get(r.headers["location"]).text
    assert "Hallo, ik ben Anna Agent.</textarea>" in shown  # in the reply box, as the agent's draft
    assert 'class="ticket-tag"' in shown and "how-to" in shown
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.assignee_id == env.agent_id
        assert [m for m in ticket.messages if m.author_id is not None] == []  # nothing was sent
        assert drafts.load(session, env.agent_id, ticket.id) == {"reply": "Hallo, ik ben Anna Agent."}
    assert [a for k, _, a in _events(env, number) if k == "assigned"] == ["agent:anna"]


def test_art18_guard_applies_to_tags_and_macros(env: Env) -> None:
    number = env.mail("klant@example.nl", "Bewaard", "Oud ticket.")
    macro_id = _macro(env, "Sluiten", "", status="closed", add_tags=["archief"])
    with env.store.writing() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        session.add(RetentionHold(ticket_id=ticket.id, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="test"))
    assert env.client.post(f"/api/tickets/{number}/tags", json={"name": "x"}, headers=AUTH).status_code == 423
    assert env.client.delete(f"/api/tickets/{number}/tags/x", headers=AUTH).status_code == 423
    assert env.client.post(f"/api/tickets/{number}/macros/{macro_id}", json={}, headers=AUTH).status_code == 423
    with env.store.reading() as session:
        assert session.scalars(select(TicketTag)).first() is None
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.status != "closed"


def test_admin_manages_macros_and_tags(env: Env) -> None:
    one = env.mail("a@example.nl", "Een", "Tekst een.")
    two = env.mail("b@example.nl", "Twee", "Tekst twee.")
    for number, name in ((one, "factuur"), (two, "facturen"), (two, "spoed")):
        env.client.post(f"/api/tickets/{number}/tags", json={"name": name}, headers=AUTH)
    csrf = login(env.client, "root")
    r = env.client.post("/admin/macros", data={
        "csrf_token": csrf, "title": "Doorsturen", "body": "", "reply_mode": "insert", "status": "open",
        "priority": "", "assignee": "nobody", "add_tags": "Escalated, team-b", "remove_tags": ""},
        follow_redirects=False)
    assert r.status_code == 303 and "error" not in r.headers["location"], r.headers["location"]
    refused = env.client.post("/admin/macros", data={"csrf_token": csrf, "title": "Leeg", "body": ""},
                              follow_redirects=False)
    assert "error=" in refused.headers["location"]  # neither a text nor an action
    with env.store.reading() as session:
        made = session.scalars(select(Macro).where(Macro.title == "Doorsturen")).one()
        assert made.actions == {"status": "open", "assignee": "nobody", "add_tags": ["escalated", "team-b"]}
    listed = env.client.get("/api/macros", headers=AUTH).json()
    assert [m["title"] for m in listed] == ["Doorsturen"] and listed[0]["reply_mode"] == "insert"
    page = env.client.get("/admin/agents").text
    assert 'id="tag-table"' in page and "facturen" in page
    # Renaming "facturen" onto "factuur" merges them; deleting "spoed" takes it off its ticket.
    ids = {t["name"]: t["id"] for t in env.client.get("/api/tags", headers=AUTH).json()}
    env.client.post(f"/admin/tags/{ids['facturen']}", data={"csrf_token": csrf, "name": "Factuur"})
    env.client.post(f"/admin/tags/{ids['spoed']}", data={"csrf_token": csrf, "name": "spoed", "delete": "true"})
    assert {t["name"]: t["tickets"] for t in env.client.get("/api/tags", headers=AUTH).json()} == {"factuur": 2}
    assert env.client.get(f"/api/tickets/{two}", headers=AUTH).json()["tags"] == ["factuur"]
    bad = env.client.post(f"/admin/tags/{ids['factuur']}", data={"csrf_token": csrf, "name": "a@b"},
                          follow_redirects=False)
    assert "error=" in bad.headers["location"]
    assert {e.action for e in _audit(env, "tag.rename") + _audit(env, "tag.delete") + _audit(env, "macro.add")} == {
        "tag.rename", "tag.delete", "macro.add"}
    # An agent may not administer.
    agent_csrf = login(env.client, "anna")
    assert env.client.post(f"/admin/tags/{ids['factuur']}", data={"csrf_token": agent_csrf, "name": "x"},
                           follow_redirects=False).status_code == 403
    assert env.client.get("/api/tags", headers=AUTH).json()[0]["name"] == "factuur"


def test_queue_page_filters_by_tag_and_ticket_page_adds_and_removes(env: Env) -> None:
    one = env.mail("a@example.nl", "Een", "Tekst een.")
    env.mail("b@example.nl", "Twee", "Tekst twee.")
    csrf = login(env.client, "anna")
    r = env.client.post(f"/tickets/{one}/tags", data={"csrf_token": csrf, "name": "Terugbellen"},
                        follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/tickets/{one}?sent=tags#status-message"
    queue = env.client.get("/queue?view=all&tag=terugbellen").text
    assert f'href="/tickets/{one}"' in queue and "Twee" not in queue and 'id="clear-tag"' in queue
    assert 'href="/queue?view=all&amp;tag=terugbellen" class="active" aria-current="page"' in queue  # the side list
    assert "terugbellen" in env.client.get("/queue?view=all").text
    bad = env.client.post(f"/tickets/{one}/tags", data={"csrf_token": csrf, "name": "06 1234 5678"},
                          follow_redirects=False)
    assert "error=" in bad.headers["location"]
    env.client.post(f"/tickets/{one}/tags", data={"csrf_token": csrf, "name": "terugbellen", "remove": "true"})
    assert "Terugbellen" not in env.client.get(f"/tickets/{one}").text
    assert [(k, a) for k, _, a in _events(env, one) if k in ("tagged", "untagged")] == [
        ("tagged", "agent:anna"), ("untagged", "agent:anna")]


def test_merge_carries_tags_and_erasure_takes_them_away(env: Env) -> None:
    first = env.mail("klant@example.nl", "Eerste", "Een.")
    second = env.mail("klant@example.nl", "Tweede", "Twee.")
    env.client.post(f"/api/tickets/{first}/tags", json={"name": "dubbel"}, headers=AUTH)
    env.client.post(f"/api/tickets/{second}/tags", json={"name": "spoed"}, headers=AUTH)
    r = env.client.post(f"/api/tickets/{first}/merge", json={"into": second}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert env.client.get(f"/api/tickets/{second}", headers=AUTH).json()["tags"] == ["dubbel", "spoed"]
    assert ("tagged", {"tag": "dubbel"}, "api") in _events(env, second)
    # A ticket deleted (an erasure) takes its tag links with it (ON DELETE CASCADE); the tags stay.
    with env.store.writing() as session:
        ticket = ticket_by_number(session, second)
        assert ticket is not None
        session.execute(delete(Ticket).where(Ticket.id == ticket.id))
    with env.store.reading() as session:
        left = {ticket_id for ticket_id in session.scalars(select(TicketTag.ticket_id))}
    with env.store.reading() as session:
        source = ticket_by_number(session, first)
        assert source is not None and left == {source.id}
    assert {t["name"] for t in env.client.get("/api/tags", headers=AUTH).json()} == {"dubbel", "spoed"}


def test_two_agents_create_the_same_new_tag_at_once(env: Env) -> None:
    """The second one's insert meets the first one's unique name (PostgreSQL: after waiting for its
    commit; SQLite: after waiting for the write lock) and uses that row: both tickets carry one tag."""
    one = env.mail("a@example.nl", "Een", "Tekst een.")
    two = env.mail("b@example.nl", "Twee", "Tekst twee.")
    outcome: dict[str, object] = {}

    def second() -> None:
        try:
            with env.store.writing() as session:
                ticket = ticket_by_number(session, two)
                assert ticket is not None
                outcome["changed"] = tags.add(session, ticket, "Nieuw", actor="agent:bram")
        except Exception as exc:  # reported below, in the test's thread
            outcome["error"] = exc

    worker = threading.Thread(target=second)
    with env.store.writing() as session:
        ticket = ticket_by_number(session, one)
        assert ticket is not None
        assert tags.add(session, ticket, "nieuw", actor="agent:anna")  # flushed, not yet committed
        worker.start()
        time.sleep(0.5)  # the second transaction is now waiting on this one
    worker.join(timeout=30)
    assert "error" not in outcome, outcome
    assert outcome["changed"] is True
    with env.store.reading() as session:
        assert [t.name for t in session.scalars(select(Tag))] == ["nieuw"]
        assert len(session.scalars(select(TicketTag)).all()) == 2
