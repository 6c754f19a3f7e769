"""The admin page of mailboxes (issue 22), over HTTP to the app: an admin adds a mailbox and the very next
message to its address opens a ticket in it (the address map forgotten after the commit); an SLA policy is
set for it; a refused form keeps what was typed and says why; edit and delete; agents and forged posts are
refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select

from intake.message import InboundMessage
from models import AuditEntry, Channel, Ticket
from models.mailboxes import Group, Mailbox
from models.sla import SlaPolicy
from tests.web.conftest import Env, login
from tickets import mailboxes

PAGE = "/admin/mailboxes"


def _form(csrf: str, **extra: str) -> dict[str, str]:
    return {"csrf_token": csrf, "name": "Sales", "sender_name": "Shop Sales", "sender_address": "sales@shop.test",
            "signature": "Team Sales", "ack_template_nl": "Dank, ticket {ticket_number}.", "ack_template_en": "",
            "addresses": "Sales@Shop.test\nquotes@shop.test", "active": "on", **extra}


def _mail_to(env: Env, to: str, sender: str) -> Ticket:
    outcome = env.intake.submit(InboundMessage(
        channel=Channel.EMAIL, external_id=f"{sender}-{to}@test", sender=sender, subject="Offerte",
        text="Graag een offerte.", recipients=(to,), received_at=datetime.now(UTC)))
    with env.store.reading() as session:
        ticket = session.get(Ticket, outcome.ticket_id)
        assert ticket is not None
        session.expunge(ticket)
        return ticket


def test_admin_adds_a_mailbox_that_routes_the_next_message(env: Env) -> None:
    mailboxes.invalidate()
    assert _mail_to(env, "sales@shop.test", "eerst@example.nl").mailbox_id is None  # the map is now cached (empty)
    with env.store.writing() as session:
        session.add(Group(name="Verkoop"))
    with env.store.reading() as session:
        group_id = session.scalars(select(Group.id)).one()
    csrf = login(env.client, "root")
    assert f'href="{PAGE}"' in env.client.get("/admin/agents").text
    r = env.client.post(PAGE, data=_form(csrf, default_group_id=str(group_id)), follow_redirects=False)
    assert r.status_code == 303, r.text
    found = re.fullmatch(rf"{PAGE}/(\d+)\?done=added", r.headers["location"])
    assert found
    mailbox_id = int(found.group(1))
    page = env.client.get(r.headers["location"]).text
    assert 'value="Shop Sales"' in page and "quotes@shop.test\nsales@shop.test" in page
    assert "Shop Sales &lt;sales@shop.test&gt;" in env.client.get(PAGE).text
    ticket = _mail_to(env, "quotes@shop.test", "klant@example.nl")
    assert (ticket.mailbox_id, ticket.group_id) == (mailbox_id, group_id)
    # An SLA policy for this mailbox only.
    assert f'<option value="{mailbox_id}"' in env.client.get("/admin/sla").text
    r = env.client.post("/admin/sla/policies", follow_redirects=False, data={
        "csrf_token": csrf, "name": "Sales", "mailbox_id": str(mailbox_id), "position": "0", "first_response": "1",
        "active": "on"})
    assert r.status_code == 303, r.text
    with env.store.reading() as session:
        assert session.scalars(select(SlaPolicy.mailbox_id).where(SlaPolicy.name == "Sales")).one() == mailbox_id
    # Edit: inactive, one address fewer; then delete.
    r = env.client.post(f"{PAGE}/{mailbox_id}", data=_form(csrf, active="", addresses="sales@shop.test"),
                        follow_redirects=False)
    assert r.status_code == 303
    with env.store.reading() as session:
        mailbox = session.get(Mailbox, mailbox_id)
        assert mailbox is not None and not mailbox.active
        assert mailboxes.addresses_of(session, mailbox_id) == ["sales@shop.test"]
    assert _mail_to(env, "sales@shop.test", "later@example.nl").mailbox_id is None  # inactive: routes nothing
    r = env.client.post(f"{PAGE}/{mailbox_id}", data={"csrf_token": csrf, "delete": "true"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"{PAGE}?done=deleted"
    with env.store.reading() as session:
        assert session.get(Mailbox, mailbox_id) is None
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.target_kind == "mailbox")
                               .order_by(AuditEntry.id)).all() == ["mailbox.add", "mailbox.edit", "mailbox.delete"]


def test_a_refused_form_keeps_what_was_typed(env: Env) -> None:
    csrf = login(env.client, "root")
    assert env.client.post(PAGE, data=_form(csrf), follow_redirects=False).status_code == 303
    r = env.client.post(PAGE, data=_form(csrf, name="Offertes", sender_name="Offerte Team",
                                         addresses="offerte@shop.test\nQUOTES@shop.test"))
    assert r.status_code == 400
    assert "quotes@shop.test belongs to the mailbox &#39;Sales&#39; already" in r.text
    assert 'value="Offerte Team"' in r.text and "offerte@shop.test\nQUOTES@shop.test" in r.text
    r = env.client.post(PAGE, data=_form(csrf, name="Fout", sender_address="geen adres", addresses=""))
    assert r.status_code == 400 and "is not an e-mail address" in r.text and 'value="Fout"' in r.text


def test_agents_and_forged_posts_are_refused(env: Env) -> None:
    csrf = login(env.client, "anna")
    assert env.client.get(PAGE, follow_redirects=False).status_code in (303, 403)
    assert env.client.post(PAGE, data=_form(csrf), follow_redirects=False).status_code in (303, 403)
    env.client.cookies.clear()
    login(env.client, "root")
    assert env.client.post(PAGE, data=_form("forged"), follow_redirects=False).status_code == 403
    with env.store.reading() as session:
        assert session.scalars(select(Mailbox)).first() is None
