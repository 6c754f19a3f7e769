"""The web contact form over HTTP on a real store: CSRF, honeypot, rate limit, size, ack mail, threading."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Direction, Message, OutboxEntry, Ticket
from models.db import make_engine
from tests.support.fakes import FakeScrubber
from tests.web.public.conftest import FORM_SECRET, build_app, count
from tickets.store import TicketStore, mail_key
from web.webform import COOKIE, check_token, issue_token

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
FORM = {"name": "Fatima el Amrani", "email": "Fatima@Example.NL", "customer_number": "104233",
        "subject": "Mailbox vol", "message": "Mijn mailbox is vol. Mijn IBAN is NL91ABNA0417164300, BSN 123456782.",
        "website": ""}


def form_token(client: TestClient, path: str = "/contact") -> str:
    page = client.get(path)
    assert page.status_code == 200
    match = TOKEN.search(page.text)
    assert match is not None
    return match.group(1)


def test_form_submission_opens_a_ticket_and_queues_the_acknowledgement(
    client: TestClient, ticket_store: TicketStore, intake: Intake
) -> None:
    token = form_token(client)
    response = client.post("/contact", data={**FORM, "csrf_token": token})
    assert response.status_code == 200, response.text
    number = int(re.search(r'id="ticket-number">#(\d+)<', response.text).group(1))  # type: ignore[union-attr]
    with ticket_store.reading() as s:
        ticket = s.scalars(select(Ticket)).one()
        assert ticket.number == number and ticket.channel == "webform"
        incoming = [m for m in ticket.messages if m.direction == Direction.IN]
        (msg,) = incoming
        assert msg.subject == "Mailbox vol"
        assert "123456782" not in msg.text and "<NATIONAL_ID_1>" in msg.text
        assert msg.text.endswith("Klantnummer: 104233")
        assert ticket.contact is not None and ticket.contact.address == "fatima@example.nl"
        entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.channel, entry.kind, entry.ticket_id) == ("email", "ack", ticket.id)
        assert entry.payload["to"] == "fatima@example.nl"
        assert f"[#{number}]" in entry.payload["subject"] and str(number) in entry.payload["text"]
        # The bilingual acknowledgement says in both languages what was removed, never the value (issue 21).
        said = str(entry.payload["text"])
        assert "een burgerservicenummer" in said and "a citizen service number" in said
        assert "123456782" not in said
        ack_id = entry.payload["message_id"]
        assert ack_id.endswith("@desk.example.nl") and not ack_id.startswith("<")
        ack = s.scalars(select(Message).where(Message.external_id == mail_key(ack_id))).one()
        assert ack.direction == Direction.OUT and ack.auto_submitted and ack.ticket_id == ticket.id
    # The customer's e-mail reply to the acknowledgement threads into the ticket (In-Reply-To).
    reply = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id="<r1@example.nl>",
                                         sender="fatima@example.nl", text="Nog een vraag",
                                         subject=f"Re: Uw bericht is ontvangen [#{number}]", in_reply_to=(ack_id,)))
    assert reply.ticket_number == number and not reply.new_ticket


def test_acknowledgement_is_a_mail_the_workspace_sender_builds(client: TestClient, ticket_store: TicketStore) -> None:
    from outbound.mail import SmarthostConfig, build_mail
    from outbound.worker import claim

    client.post("/contact", data={**FORM, "csrf_token": form_token(client)})
    (item,) = claim(ticket_store, channels=["email"])
    mail = build_mail(SmarthostConfig(host="127.0.0.1", from_address="support@desk.example.nl"), item)
    assert mail["To"] == "fatima@example.nl" and mail["Auto-Submitted"] == "auto-replied"
    assert mail["Message-ID"] == f"<{item.payload['message_id']}>"
    assert re.search(r"\[#\d{6}\]", mail["Subject"])


def test_acknowledgements_per_address_are_capped(client: TestClient, ticket_store: TicketStore) -> None:
    for _ in range(5):
        assert client.post("/contact", data={**FORM, "csrf_token": form_token(client)}).status_code == 200
    assert count(ticket_store, Ticket) == 5 and count(ticket_store, OutboxEntry) == 3


def test_resubmitting_the_same_form_shows_the_same_ticket(client: TestClient, ticket_store: TicketStore) -> None:
    token = form_token(client)
    first = client.post("/contact", data={**FORM, "csrf_token": token})
    again = client.post("/contact", data={**FORM, "csrf_token": token})
    assert first.status_code == again.status_code == 200
    numbers = {re.search(r"#(\d{6})", r.text).group(1) for r in (first, again)}  # type: ignore[union-attr]
    assert len(numbers) == 1
    assert count(ticket_store, Ticket) == 1 and count(ticket_store, OutboxEntry) == 1


@pytest.mark.parametrize("case", ["missing", "forged", "no-cookie", "other-cookie", "expired"])
def test_form_without_a_valid_csrf_token_is_refused(client: TestClient, ticket_store: TicketStore, case: str) -> None:
    token = form_token(client)
    data = {**FORM, "csrf_token": token}
    if case == "missing":
        del data["csrf_token"]
    elif case == "forged":
        mode, nonce, issued, mac = token.split(".")
        data["csrf_token"] = f"{mode}.{nonce}.{issued}.{'0' * len(mac)}"
    elif case == "no-cookie":
        client.cookies.clear()
    elif case == "other-cookie":
        client.cookies.set(COOKIE, "someone-elses-nonce", path="/contact")
    elif case == "expired":
        old, nonce = issue_token(FORM_SECRET, now=time.time() - 3 * 3600)
        client.cookies.set(COOKIE, nonce, path="/contact")
        data["csrf_token"] = old
    response = client.post("/contact", data=data)
    assert response.status_code == 403 and 'id="error-reason"' in response.text
    assert count(ticket_store, Message) == 0 and count(ticket_store, OutboxEntry) == 0


def test_embed_token_works_without_a_cookie_but_a_page_token_does_not(
    client: TestClient, ticket_store: TicketStore
) -> None:
    embed_page = client.get("/contact?embed=1")
    assert "x-frame-options" not in embed_page.headers and COOKIE not in embed_page.cookies
    assert client.get("/contact").headers["x-frame-options"] == "DENY"
    token = TOKEN.search(embed_page.text).group(1)  # type: ignore[union-attr]
    client.cookies.clear()
    assert client.post("/contact", data={**FORM, "csrf_token": token}).status_code == 200
    page_token, _ = issue_token(FORM_SECRET)
    assert client.post("/contact", data={**FORM, "csrf_token": page_token}).status_code == 403
    # Turning a page token into an embed token breaks its signature.
    assert client.post("/contact", data={**FORM, "csrf_token": "e" + page_token[1:]}).status_code == 403
    assert count(ticket_store, Ticket) == 1


def test_honeypot_submission_is_thanked_and_not_stored(client: TestClient, ticket_store: TicketStore) -> None:
    token = form_token(client)
    response = client.post("/contact", data={**FORM, "website": "http://spam.example", "csrf_token": token})
    assert response.status_code == 200 and "ticket-number" not in response.text
    assert count(ticket_store, Message) == 0


def test_invalid_fields_are_shown_again_and_nothing_is_stored(client: TestClient, ticket_store: TicketStore) -> None:
    token = form_token(client)
    response = client.post("/contact", data={**FORM, "email": "not-an-address", "subject": "",
                                             "csrf_token": token})
    assert response.status_code == 400
    assert 'id="email-error"' in response.text and 'id="subject-error"' in response.text
    assert 'value="Fatima el Amrani"' in response.text  # what was typed is kept
    assert count(ticket_store, Message) == 0


def test_per_ip_rate_limit(intake: Intake, ticket_store: TicketStore) -> None:
    with TestClient(build_app(intake, rate_limit="3/minute")) as client:
        codes = []
        for _ in range(4):
            codes.append(client.post("/contact", data={**FORM, "csrf_token": form_token(client)}).status_code)
        assert codes == [200, 200, 200, 429]
    assert count(ticket_store, Ticket) == 3



def test_the_rate_limit_is_shared_by_every_process_on_the_database(db_url: str, intake: Intake,
                                                                    ticket_store: TicketStore) -> None:
    """Two ``serve`` processes (two engines, two apps on one database) share one count: in memory, each
    allowed the whole rate, and a restarted process started counting again."""
    other_engine = make_engine(db_url)
    other = Intake(TicketStore(other_engine), FakeScrubber())
    try:
        with TestClient(build_app(intake, rate_limit="3/minute")) as one, \
                TestClient(build_app(other, rate_limit="3/minute")) as two:
            codes = [c.post("/contact", data={**FORM, "csrf_token": form_token(c)}).status_code
                     for c in (one, two, one, two, one)]
        assert codes == [200, 200, 200, 429, 429]
        with TestClient(build_app(intake, rate_limit="3/minute")) as restarted:
            assert restarted.post("/contact", data={**FORM, "csrf_token": form_token(restarted)}).status_code == 429
    finally:
        other_engine.dispose()
    assert count(ticket_store, Ticket) == 3

def test_oversized_form_body_is_refused(client: TestClient, ticket_store: TicketStore) -> None:
    token = form_token(client)
    response = client.post("/contact", data={**FORM, "message": "x" * (70 * 1024), "csrf_token": token})
    assert response.status_code == 413 and count(ticket_store, Message) == 0


def test_snippet_embeds_the_form(client: TestClient) -> None:
    snippet = client.get("/contact/snippet").text
    assert snippet.startswith("<iframe ") and 'src="http://127.0.0.1:8080/contact?embed=1"' in snippet


def test_token_functions() -> None:
    token, nonce = issue_token("k", now=1000)
    assert check_token(token, nonce, "k", 60, now=1030) == nonce
    assert check_token(token, nonce, "k", 60, now=1061) is None
    assert check_token(token, nonce, "other-key", 60, now=1030) is None
    assert check_token(token, None, "k", 60, now=1030) is None
    assert check_token("a.b.c", nonce, "k", 60, now=1030) is None
    embed, _ = issue_token("k", embed=True, now=1000)
    assert check_token(embed, None, "k", 60, now=1030) is not None
