"""Groups (issue 22) over HTTP to the app: the admin page (create, rename, members, delete; agents get
403, a form without the CSRF token is refused), an agent moving a ticket to a group on the ticket page
(an event with the agent as actor, in the timeline), the queue's group and mailbox filters and "my
groups" views, and group_id/mailbox_id in the JSON API with its filters."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from models import AuditEntry, Ticket, TicketEvent
from models.mailboxes import Group, Mailbox
from tests.web.conftest import API_TOKEN, Env, csrf_of, login
from tickets import groups

PAGE = "/admin/groups"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def _groups(env: Env) -> list[tuple[str, str | None, list[int]]]:
    with env.store.reading() as session:
        return [(g.name, g.description, groups.member_ids(session, g.id))
                for g in session.scalars(select(Group).order_by(Group.name))]


def test_admin_creates_renames_staffs_and_deletes_a_group(env: Env) -> None:
    csrf = login(env.client, "root")
    assert f'href="{PAGE}"' in env.client.get("/admin/agents").text
    r = env.client.post(PAGE, data={"csrf_token": csrf, "name": "Billing", "description": "invoices",
                                    "members": [str(env.agent_id)]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"{PAGE}?done=added", r.text
    assert _groups(env) == [("Billing", "invoices", [env.agent_id])]
    listing = env.client.get(PAGE).text
    group_id = int(re.findall(rf'href="{PAGE}/(\d+)"', listing)[0])
    assert "Anna Agent" in listing
    # A taken name is refused with its message, and nothing changes.
    r = env.client.post(PAGE, data={"csrf_token": csrf, "name": "billing"})
    assert r.status_code == 200 and "a group with this name exists" in r.text
    r = env.client.post(f"{PAGE}/{group_id}", data={"csrf_token": csrf, "name": "Facturatie",
                                                    "members": [str(env.agent_id), str(env.admin_id)]},
                        follow_redirects=False)
    assert r.headers["location"] == f"{PAGE}/{group_id}?done=saved"
    assert _groups(env) == [("Facturatie", None, sorted([env.agent_id, env.admin_id]))]
    page = env.client.get(f"{PAGE}/{group_id}").text
    assert 'value="Facturatie"' in page and page.count("checked") == 2
    # A form without the session's CSRF token changes nothing.
    assert env.client.post(f"{PAGE}/{group_id}/delete", data={}).status_code == 403
    r = env.client.post(f"{PAGE}/{group_id}/delete", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.headers["location"] == f"{PAGE}?done=deleted"
    assert _groups(env) == []
    assert env.client.get(f"{PAGE}/{group_id}", follow_redirects=False).headers["location"].startswith(PAGE)
    with env.store.reading() as session:
        assert list(session.scalars(select(AuditEntry.action).where(AuditEntry.target_kind == "group")
                                    .order_by(AuditEntry.id))) == ["group.add", "group.edit", "group.delete"]


def test_agents_cannot_use_the_group_admin(env: Env) -> None:
    csrf = login(env.client, "anna")
    assert env.client.get(PAGE).status_code == 403
    assert env.client.post(PAGE, data={"csrf_token": csrf, "name": "Mine"}).status_code == 403
    assert _groups(env) == []


def test_an_agent_moves_a_ticket_to_a_group_and_the_queue_filters(env: Env) -> None:
    with env.store.writing() as session:
        team = groups.create(session, "Team Noord")
        session.flush()
        groups.set_members(session, team.id, [env.agent_id])
        box = Mailbox(name="sales", sender_address="sales@example.nl", sender_name="Sales")
        session.add(box)
        session.flush()
        team_id, box_id = team.id, box.id
    moved = env.mail("klant@example.nl", "Offerte", "Graag een offerte.")
    other = env.mail("ander@example.nl", "Storing", "Het werkt niet.")
    with env.store.writing() as session:
        ticket = session.get(Ticket, other - 100000)
        assert ticket is not None
        ticket.mailbox_id = box_id
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{moved}").text
    version = re.search(r'data-version="(\d+)"', page)
    assert version and 'id="group-select"' in page
    r = env.client.post(f"/tickets/{moved}/update", data={
        "csrf_token": csrf_of(page), "version": version.group(1), "status": "open", "priority": "normal",
        "agent": "", "group": str(team_id)}, follow_redirects=False)
    assert r.status_code == 303 and "error" not in r.headers["location"], r.headers["location"]
    with env.store.reading() as session:
        assert session.get(Ticket, moved - 100000).group_id == team_id  # type: ignore[union-attr]
        event = session.scalars(select(TicketEvent).where(TicketEvent.kind == "group")).one()
        assert event.actor == "agent:anna" and event.detail["group_id"] == team_id
    assert "moved the ticket to the group" in env.client.get(f"/tickets/{moved}").text
    # "My groups" in the queue, the group filter and the mailbox filter list exactly their tickets.
    queue = env.client.get("/queue?view=new").text
    assert "Team Noord: open" in queue and 'href="/queue?view=groups&amp;group=' in queue

    def numbers(url: str) -> set[int]:
        return {int(n) for n in re.findall(r'<td class="num" data-label="#"><a href="/tickets/(\d+)"',
                                           env.client.get(url).text)}

    assert numbers(f"/queue?view=groups&group={team_id}") == {moved}
    assert numbers("/queue?view=groups") == {moved}
    assert numbers(f"/queue?view=all&group={team_id}") == {moved}
    assert numbers("/queue?view=all&group=none") == {other}
    assert numbers(f"/queue?view=all&mailbox={box_id}") == {other}
    assert numbers("/queue?view=all&mailbox=none") == {moved}
    # The API shows both ids and filters on them.
    api = env.client.get(f"/api/tickets/{other}", headers=AUTH).json()
    assert api["mailbox_id"] == box_id and api["group_id"] is None
    listed = env.client.get(f"/api/tickets?group={team_id}", headers=AUTH).json()["tickets"]
    assert [(t["number"], t["group_id"]) for t in listed] == [(moved, team_id)]
    assert [t["number"] for t in env.client.get("/api/tickets?mailbox=0", headers=AUTH).json()["tickets"]] == [moved]
    # Out of the group through the API's update.
    r = env.client.post(f"/api/tickets/{moved}/update", json={"no_group": True}, headers=AUTH)
    assert r.status_code == 200 and r.json()["group_id"] is None
    assert env.client.post(f"/api/tickets/{moved}/update", json={"group_id": 999999}, headers=AUTH).status_code == 400


def test_the_rule_editor_has_the_mailbox_condition_and_the_group_action(env: Env) -> None:
    with env.store.writing() as session:
        team = groups.create(session, "Sales team")
        box = Mailbox(name="sales", sender_address="sales@example.nl", sender_name="Sales")
        session.add(box)
        session.flush()
        team_id, box_id = team.id, box.id
    csrf = login(env.client, "root")
    form = env.client.get("/admin/rules").text
    assert f'name="mailbox" value="{box_id}"' in form and f'<option value="{team_id}" >Sales team</option>' in form
    r = env.client.post("/admin/rules", data={
        "csrf_token": csrf, "name": "Sales", "trigger": "ticket_created", "enabled": "true",
        "mailbox": [str(box_id)], "assign_group": str(team_id)}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = env.client.get(r.headers["location"]).text
    assert f'value="{box_id}" checked' in page and f'<option value="{team_id}" selected>' in page
    exported = env.client.get("/admin/rules/export").json()
    assert exported["rules"][0]["conditions"] == {"mailbox": [str(box_id)]}
    assert exported["rules"][0]["actions"] == [{"type": "assign_group", "group": team_id}]
    # An export from another workspace names them; the import stores ids. A name not here is refused.
    exported["rules"][0]["conditions"] = {"mailbox": ["SALES"]}
    exported["rules"][0]["actions"] = [{"type": "assign_group", "group": "sales team"}]
    r = env.client.post("/admin/rules/import", data={"csrf_token": csrf, "rules_json": json.dumps(exported)},
                        follow_redirects=False)
    assert r.status_code == 303, r.text
    assert env.client.get("/admin/rules/export").json()["rules"][0]["actions"] == [
        {"type": "assign_group", "group": team_id}]
    exported["rules"][0]["actions"] = [{"type": "assign_group", "group": "Marketing"}]
    r = env.client.post("/admin/rules/import", data={"csrf_token": csrf, "rules_json": json.dumps(exported)})
    assert r.status_code == 400 and "rules[0].actions[0].group" in r.text
