"""A ticket through the pages and the API: thread, chips, notes, assign, status, merge, macros."""

from __future__ import annotations

from sqlalchemy import select

from models import Customer, Direction, OutboxEntry, PlaceholderKey
from tests.web.conftest import API_TOKEN, Env, csrf_of, login
from tickets import replies, store
from tickets.store import CustomerRecord, ticket_by_number, upsert_customers

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


def test_ticket_page_shows_thread_with_placeholder_chips(env: Env) -> None:
    number = env.mail("klant@example.nl", "Inlog", "Mijn e-mail is jan@example.org en BSN 123456782.")
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}")
    assert page.status_code == 200
    assert '<span class="chip chip-email_address" title="removed: email address">email address 1</span>' in page.text
    assert "national id 1" in page.text
    assert "jan@example.org" not in page.text and "123456782" not in page.text
    # The auto-acknowledgement is in the thread as an outgoing message, queued in the outbox.
    assert "Automatic acknowledgement" in page.text and "queued" in page.text


def test_reply_note_assign_status_through_pages(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hoe verhuis ik mijn domein?")
    csrf = login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    version = int(page.split('name="version" value="')[1].split('"')[0])
    r = env.client.post(f"/tickets/{number}/reply", data={"csrf_token": csrf, "text": "Zo doet u dat: ...",
                                                          "version": version}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/tickets/{number}?sent=reply#status-message"
    assert 'id="status-message"' in env.client.get(r.headers["location"]).text  # said, and focused by keys.js
    env.client.post(f"/tickets/{number}/note", data={"csrf_token": csrf, "text": "klant belde ook"})
    env.client.post(f"/tickets/{number}/status", data={"csrf_token": csrf, "value": "solved"})
    stale = env.client.post(f"/tickets/{number}/priority", data={"csrf_token": csrf, "value": "high",
                                                                 "version": version}, follow_redirects=False)
    assert "error=" in stale.headers["location"]  # the ticket changed since that version
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        assert ticket.status == "solved" and ticket.assignee_id == env.agent_id and ticket.priority == "normal"
        kinds = [m.direction for m in ticket.messages]
        assert kinds == [Direction.IN, Direction.OUT, Direction.OUT, Direction.NOTE]
        reply = ticket.messages[2]
        assert reply.author_id == env.agent_id and reply.channel == "email"
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.message_id == reply.id)).one()
        assert entry.payload["message_id"] == reply.mail_ref
        assert entry.payload["in_reply_to"] == ticket.messages[0].mail_ref
        assert f"[#{number}]" in entry.payload["subject"]


def test_reply_is_scrubbed_in_store_but_sent_as_typed(env: Env) -> None:
    number = env.mail("klant@example.nl", "BSN", "Mijn BSN is 123456782")
    r = env.client.post(f"/api/tickets/{number}/reply", json={"text": "Uw BSN 123456782 hebben we niet nodig."},
                        headers=AUTH)
    assert r.status_code == 201
    with env.store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None
        out = ticket.messages[-1]
        assert out.text == "Uw BSN <NATIONAL_ID_1> hebben we niet nodig."  # same number as in the customer's
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.message_id == out.id)).one()
        assert "123456782" in entry.payload["text"]


def test_channel_not_available(env: Env) -> None:
    from intake.message import InboundMessage
    from models import Channel

    outcome = env.intake.submit(InboundMessage(channel=Channel.TELEGRAM, external_id="tg-1", sender="4242",
                                               text="hallo, mijn site is stuk"))
    number = outcome.ticket_number
    r = env.client.post(f"/api/tickets/{number}/reply", json={"text": "hoi"}, headers=AUTH)
    assert r.status_code == 409 and "not available" in r.json()["detail"]
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert "not available" in page and 'id="reply-form"' not in page


def test_merge_renumbers_placeholders(env: Env) -> None:
    with env.store.writing() as session:
        upsert_customers(session, [CustomerRecord(number="104233", name="Jan de Vries", email="jan@klant.nl")])
    first = env.mail("jan@klant.nl", "Eerste", "Mijn BSN is 123456782")
    second = env.mail("jan@klant.nl", "Tweede", "Mijn vrouw haar BSN is 111222333, en de mijne 123456782")
    r = env.client.post(f"/api/tickets/{second}/merge", json={"into": first}, headers=AUTH)
    assert r.status_code == 200, r.text
    with env.store.reading() as session:
        target = ticket_by_number(session, first)
        source = ticket_by_number(session, second)
        assert target is not None and source is not None
        assert source.status == "closed" and source.messages == []
        texts = [m.text for m in target.messages if m.direction == Direction.IN]
        # 123456782 is NATIONAL_ID_1 in both; 111222333 gets the next free number in the target.
        assert texts == ["Mijn BSN is <NATIONAL_ID_1>",
                         "Mijn vrouw haar BSN is <NATIONAL_ID_2>, en de mijne <NATIONAL_ID_1>"]
        keys = session.scalars(select(PlaceholderKey).where(PlaceholderKey.ticket_id == target.id)).all()
        assert sorted(k.number for k in keys) == [1, 2]
    stranger = env.mail("iemand@anders.nl", "Los", "iets")
    assert env.client.post(f"/api/tickets/{stranger}/merge", json={"into": first}, headers=AUTH).status_code == 400


def test_macro_fills_customer_name(env: Env) -> None:
    with env.store.writing() as session:
        upsert_customers(session, [CustomerRecord(number="104233", name="Jan de Vries", email="jan@klant.nl")])
        replies.add_macro(session, "Begroeting", "Beste {{customer_first_name}},\n\nGroet, {{agent_name}} ({{x}})")
        assert session.scalars(select(Customer)).one().name == "Jan de Vries"
    number = env.mail("jan@klant.nl", "Vraag", "hallo")
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert 'data-body="Beste Jan,\n\nGroet, Anna Agent ({{x}})"' in page
    assert "104233" in page and "jan@klant.nl" in page  # the customer panel


def test_api_ticket_detail_and_assign_me(env: Env) -> None:
    from tickets import accounts

    number = env.mail("klant@example.nl", "Vraag", "hallo")
    with env.store.writing() as session:
        token = accounts.create_token(session, "anna")
    headers = {"Authorization": f"Bearer {token}"}
    assert env.client.post(f"/api/tickets/{number}/assign", json={"me": True}, headers=headers).json()[
        "assignee_id"] == env.agent_id
    detail = env.client.get(f"/api/tickets/{number}", headers=headers).json()
    assert detail["assignee_id"] == env.agent_id and detail["messages"][0]["direction"] == "in"
    assert env.client.get("/api/tickets/999999", headers=headers).status_code == 404


def test_take_button(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "hallo")
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert 'id="take"' in page
    env.client.post(f"/tickets/{number}/assign", data={"csrf_token": csrf_of(page), "agent": "me"})
    assert 'id="take"' not in env.client.get(f"/tickets/{number}").text


def test_webform_ticket_is_answered_by_email(env: Env) -> None:
    from intake.message import InboundMessage
    from models import Channel

    outcome = env.intake.submit(InboundMessage(channel=Channel.WEBFORM, external_id="form-1",
                                               sender="klant@example.nl", subject="Formulier", text="bel me terug"))
    r = env.client.post(f"/api/tickets/{outcome.ticket_number}/reply", json={"text": "Wij mailen u."}, headers=AUTH)
    assert r.status_code == 201 and r.json()["channel"] == "email"
    with env.store.reading() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == "reply")).one()
        assert entry.channel == "email" and entry.payload["to"] == "klant@example.nl"
        assert entry.payload["in_reply_to"] is None  # the form's id is no Message-ID


def test_closed_service_window_is_shown_before_replying(env: Env) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from intake.message import InboundMessage
    from models import Channel

    def whatsapp(n: int, age: timedelta) -> int:
        out = env.intake.submit(InboundMessage(channel=Channel.WHATSAPP, external_id=f"wamid.{n}", sender=f"3161234{n}",
                                               text="Hallo?", received_at=datetime.now(UTC) - age))
        assert out.ticket_number is not None
        return out.ticket_number

    env.client.app.state.workspace = replace(  # type: ignore[attr-defined]
        env.workspace, available_channels=frozenset({"email", "whatsapp"}))
    login(env.client, "anna")
    stale, fresh = whatsapp(1, timedelta(hours=25)), whatsapp(2, timedelta(minutes=5))
    assert 'id="service-window-closed"' in env.client.get(f"/tickets/{stale}").text
    assert 'id="service-window-closed"' not in env.client.get(f"/tickets/{fresh}").text


def test_ticket_page_names_the_sender_of_every_message(env: Env) -> None:
    """Issue #15, finding 13: every message shows who wrote it, not just "Customer"."""
    with env.store.writing() as session:
        upsert_customers(session, [CustomerRecord(number="104233", name="Jan de Vries", email="jan@klant.nl")])
    number = env.mail("jan@klant.nl", "Vraag", "Hoe verhuis ik mijn domein?", msg_id="first@klant.nl")
    with env.store.writing() as session:  # a colleague at the same customer answers in the thread
        colleague = store.get_or_create_contact(session, "email", "piet@klant.nl")
        colleague.customer_id = ticket_by_number(session, number).customer_id  # type: ignore[union-attr]
    assert env.mail("piet@klant.nl", "Re: Vraag", "Nog een vraag.", in_reply_to=("first@klant.nl",)) == number
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    # Jan's address is the customer's own: the directory name; Piet is a colleague at the same customer:
    # his address, and no name the message did not carry.
    assert '<span class="who">Jan de Vries</span><span class="addr">jan@klant.nl</span>' in page
    assert '<span class="who">E-mail sender</span><span class="addr">piet@klant.nl</span>' in page
    assert "not this ticket&#39;s contact" not in page and "not this ticket's contact" not in page
