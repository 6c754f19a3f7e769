"""The webhook endpoints over HTTP (FastAPI's test client) on a real store: SQLite, and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from intake import generic_webhook, social
from intake.pipeline import Intake
from models import Contact, Message, Ticket, migrate
from models.db import make_engine
from tests.support.fakes import FakeScrubber
from tests.web.public.conftest import (
    APP_SECRET,
    GENERIC_SECRETS,
    VERIFY_TOKEN,
    count,
    fixture_bytes,
    webhook_settings,
)
from tickets.store import TicketStore
from web.webhooks import webhook_router


def post_meta(client: TestClient, body: bytes, *, secret: str | None = APP_SECRET) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[social.SIGNATURE_HEADER] = social.sign(body, secret)
    return client.post("/webhooks/meta", content=body, headers=headers)


def post_generic(client: TestClient, source: str, payload: object, *, secret: str | None = None,
                 ts: int | None = None, raw: bytes | None = None) -> httpx.Response:
    body = raw if raw is not None else json.dumps(payload).encode()
    stamp = int(time.time()) if ts is None else ts
    sig = generic_webhook.sign(body, secret or GENERIC_SECRETS[source], stamp)
    return client.post(f"/webhooks/generic/{source}", content=body, headers={
        generic_webhook.SIGNATURE_HEADER: sig, generic_webhook.TIMESTAMP_HEADER: str(stamp),
        "Content-Type": "application/json"})


def test_signed_whatsapp_message_becomes_a_scrubbed_ticket(client: TestClient, ticket_store: TicketStore) -> None:
    response = post_meta(client, fixture_bytes("whatsapp_text.json"))
    assert response.status_code == 200, response.text
    assert response.json() == {"received": 1, "ignored": 0, "stored": 1}
    with ticket_store.reading() as s:
        (msg,) = s.query(Message).all()
        assert msg.channel == "whatsapp" and msg.external_id.startswith("wamid.")
        assert "123456782" not in msg.text and "sanne@example.nl" not in msg.text
        assert "<NATIONAL_ID_1>" in msg.text and "<EMAIL_ADDRESS_1>" in msg.text
        assert msg.ticket.channel == "whatsapp"
        (contact,) = s.query(Contact).all()
        assert (contact.channel, contact.address) == ("whatsapp", "31612345678")


def test_follow_up_messages_of_one_chat_share_the_ticket(client: TestClient, ticket_store: TicketStore) -> None:
    for name in ("whatsapp_text.json", "whatsapp_image_caption.json", "whatsapp_interactive.json",
                 "whatsapp_reaction.json"):
        assert post_meta(client, fixture_bytes(name)).status_code == 200
    assert count(ticket_store, Message) == 6 and count(ticket_store, Ticket) == 1


@pytest.mark.parametrize(("fixture", "channel", "stored"), [
    ("messenger_events.json", "messenger", 5), ("instagram_events.json", "instagram", 3)])
def test_messenger_and_instagram_events(client: TestClient, ticket_store: TicketStore, fixture: str,
                                        channel: str, stored: int) -> None:
    response = post_meta(client, fixture_bytes(fixture))
    assert response.status_code == 200
    assert response.json()["stored"] == stored
    with ticket_store.reading() as s:
        assert {m.channel for m in s.query(Message)} == {channel}
    assert count(ticket_store, Ticket) == 1


def test_retried_delivery_stores_one_message(client: TestClient, ticket_store: TicketStore) -> None:
    body = fixture_bytes("messenger_events.json")
    first, again = post_meta(client, body), post_meta(client, body)
    assert first.status_code == again.status_code == 200
    assert again.json()["duplicate"] == 5 and "stored" not in again.json()
    assert count(ticket_store, Message) == 5


def test_statuses_are_acknowledged_and_not_stored(client: TestClient, ticket_store: TicketStore) -> None:
    response = post_meta(client, fixture_bytes("whatsapp_statuses.json"))
    assert response.status_code == 200 and response.json()["ignored"] == 2
    assert count(ticket_store, Message) == 0 and count(ticket_store, Ticket) == 0


@pytest.mark.parametrize(("secret", "code"), [(None, 401), ("not-the-app-secret", 403)])
def test_missing_or_wrong_signature_is_refused_and_stores_nothing(
    client: TestClient, ticket_store: TicketStore, secret: str | None, code: int
) -> None:
    response = post_meta(client, fixture_bytes("whatsapp_text.json"), secret=secret)
    assert response.status_code == code
    assert count(ticket_store, Message) == 0 and count(ticket_store, Contact) == 0


def test_body_changed_after_signing_is_refused(client: TestClient, ticket_store: TicketStore) -> None:
    body = fixture_bytes("whatsapp_text.json")
    tampered = body.replace(b"31612345678", b"31600000000")
    response = client.post("/webhooks/meta", content=tampered,
                           headers={social.SIGNATURE_HEADER: social.sign(body, APP_SECRET)})
    assert response.status_code == 403 and count(ticket_store, Message) == 0


def test_oversized_body_is_refused_before_parsing(client: TestClient, ticket_store: TicketStore) -> None:
    payload = json.loads(fixture_bytes("whatsapp_text.json"))
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "x" * (70 * 1024)
    body = json.dumps(payload).encode()
    assert post_meta(client, body).status_code == 413

    # Without a Content-Length (chunked), the cap applies while streaming.
    def chunks() -> Iterator[bytes]:
        for i in range(0, len(body), 8192):
            yield body[i:i + 8192]

    streamed = client.post("/webhooks/meta", content=chunks(),
                           headers={social.SIGNATURE_HEADER: social.sign(body, APP_SECRET)})
    assert streamed.status_code == 413
    assert count(ticket_store, Message) == 0


@pytest.mark.parametrize(("body", "detail"), [
    (b'{"object": "page", "entry": [', "malformed JSON at position"),
    (b"\xff\xfe", "malformed JSON"),
    (b'{"object": "whatsapp_business_account"}', "missing 'entry' list"),
])
def test_malformed_signed_json_gets_400_with_a_clear_message(
    client: TestClient, ticket_store: TicketStore, body: bytes, detail: str
) -> None:
    response = post_meta(client, body)
    assert response.status_code == 400
    assert detail in response.json()["detail"]
    assert count(ticket_store, Message) == 0


def test_subscription_handshake(client: TestClient) -> None:
    params = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "31337"}
    ok = client.get("/webhooks/meta", params=params)
    assert ok.status_code == 200 and ok.text == "31337"
    assert client.get("/webhooks/meta", params={**params, "hub.verify_token": "guess"}).status_code == 403
    assert client.get("/webhooks/meta").status_code == 403


def test_locked_store_answers_503_so_meta_retries(tmp_path: Path) -> None:
    """A real lock (SQLite's write lock held by another connection), not a fake error."""
    db = tmp_path / "locked.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine)
    ticket_store = TicketStore(engine)
    app = FastAPI()
    app.include_router(webhook_router(Intake(ticket_store, FakeScrubber()).submit, webhook_settings()))
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with TestClient(app) as client:
            body = fixture_bytes("whatsapp_text.json")
            response = post_meta(client, body)
            assert response.status_code == 503 and response.headers["Retry-After"]
            blocker.execute("ROLLBACK")
            assert post_meta(client, body).status_code == 200
        assert count(ticket_store, Message) == 1
    finally:
        blocker.close()
        engine.dispose()


# --- the generic webhook ----------------------------------------------------------------------------

GENERIC = {"channel": "signal", "external_id": "sig-1001", "sender": "+31611111111",
           "text": "Mijn mail werkt niet, BSN 123456782", "sender_name": "Kees"}


def test_signed_generic_webhook_becomes_a_ticket(client: TestClient, ticket_store: TicketStore) -> None:
    response = post_generic(client, "signal", GENERIC)
    assert response.status_code == 200
    out = response.json()
    assert out["status"] == "stored" and out["ticket_number"] > 100000
    with ticket_store.reading() as s:
        (msg,) = s.query(Message).all()
        assert (msg.channel, msg.external_id) == ("webhook", "signal:sig-1001")
        assert "123456782" not in msg.text


def test_replayed_generic_webhook_is_refused_and_stores_nothing(client: TestClient, ticket_store: TicketStore) -> None:
    stale = int(time.time()) - 301
    response = post_generic(client, "signal", GENERIC, ts=stale)
    assert response.status_code == 401 and "replay" in response.json()["detail"]
    assert count(ticket_store, Message) == 0
    # A replay inside the window is the same message again: acknowledged, nothing new stored.
    assert post_generic(client, "signal", GENERIC).json()["status"] == "stored"
    assert post_generic(client, "signal", GENERIC).json()["status"] == "duplicate"
    assert count(ticket_store, Message) == 1


@pytest.mark.parametrize(("source", "secret"), [("signal", "wrong"), ("unknown", "generic-secret-signal"),
                                                ("Bad Source!", "x")])
def test_generic_webhook_with_wrong_secret_or_source_is_refused(
    client: TestClient, ticket_store: TicketStore, source: str, secret: str
) -> None:
    response = post_generic(client, source, {**GENERIC, "channel": source}, secret=secret)
    assert response.status_code in (401, 404)
    assert count(ticket_store, Message) == 0


def test_generic_webhook_without_headers_is_refused(client: TestClient, ticket_store: TicketStore) -> None:
    response = client.post("/webhooks/generic/signal", json=GENERIC)
    assert response.status_code == 401 and count(ticket_store, Message) == 0


def test_generic_webhook_malformed_json_and_wrong_channel(client: TestClient, ticket_store: TicketStore) -> None:
    bad = post_generic(client, "signal", None, raw=b"{not json")
    assert bad.status_code == 400 and "malformed JSON" in bad.json()["detail"]
    wrong = post_generic(client, "signal", {**GENERIC, "channel": "telegram"})
    assert wrong.status_code == 400
    big = post_generic(client, "signal", {**GENERIC, "text": "x" * (65 * 1024)})
    assert big.status_code == 413
    assert count(ticket_store, Message) == 0


def test_relay_of_whatsapp_dedupes_with_direct_delivery(client: TestClient, ticket_store: TicketStore) -> None:
    direct = json.loads(fixture_bytes("whatsapp_text.json"))
    wa = direct["entry"][0]["changes"][0]["value"]["messages"][0]
    assert post_meta(client, fixture_bytes("whatsapp_text.json")).status_code == 200
    relayed = post_generic(client, "whatsapp", {"external_id": wa["id"], "sender": wa["from"],
                                                "text": wa["text"]["body"]})
    assert relayed.json()["status"] == "duplicate"
    assert count(ticket_store, Message) == 1
