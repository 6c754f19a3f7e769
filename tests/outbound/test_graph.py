"""Agent replies through the outbox to a fake Graph API server on loopback (plain http.server)."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake import social
from models import Channel, OutboxEntry, OutboxStatus, Ticket, TicketEvent, utcnow
from outbound import worker as delivery
from outbound.graph import GraphSender, GraphSettings, graph_senders, split_text
from tests.support.fake_graph import FakeGraph
from tests.web.public.conftest import APP_SECRET, fixture_json
from tickets import outbox
from tickets.service_window import service_window
from tickets.store import TicketStore

PHONE_ID = "106540352242922"


def settings(graph: FakeGraph) -> GraphSettings:
    return GraphSettings(base_url=graph.url, api_version="v21.0", page_access_token="page-token",
                         whatsapp_access_token="wa-token", whatsapp_phone_number_id=PHONE_ID, timeout_seconds=5)


def deliver_fresh(client: TestClient, fixture: str, *, age: timedelta = timedelta(minutes=5)) -> None:
    """Post a fixture as Meta would now (its timestamps moved to ``age`` ago), signed."""
    payload = fixture_json(fixture)
    stamp = int(time.time() - age.total_seconds())
    for entry in payload["entry"]:  # type: ignore[attr-defined]
        for change in entry.get("changes", []):
            for msg in change["value"].get("messages", []):
                msg["timestamp"] = str(stamp)
        for event in entry.get("messaging", []):
            event["timestamp"] = stamp * 1000
    body = json.dumps(payload).encode()
    headers = {social.SIGNATURE_HEADER: social.sign(body, APP_SECRET)}
    response = client.post("/webhooks/meta", content=body, headers=headers)
    assert response.status_code == 200, response.text


def reply(ticket_store: TicketStore, channel: str, text: str, kind: str = "reply", **payload: Any) -> int:
    with ticket_store.writing() as s:
        ticket = s.scalars(select(Ticket).where(Ticket.channel == channel)).one()
        entry = outbox.enqueue(s, channel=channel, kind=kind, payload={"text": text, **payload}, ticket_id=ticket.id)
        return entry.id


def run_outbox(ticket_store: TicketStore, graph: FakeGraph) -> OutboxEntry:
    worker = delivery.OutboxWorker(ticket_store, graph_senders(settings(graph), ticket_store), stop=threading.Event())
    worker.run_once()
    with ticket_store.reading() as s:
        entry = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id.desc())).first()
        assert entry is not None
        s.expunge(entry)
        return entry


def test_whatsapp_reply_reaches_the_graph_api(client: TestClient, ticket_store: TicketStore, graph: FakeGraph) -> None:
    deliver_fresh(client, "whatsapp_text.json")
    reply(ticket_store, "whatsapp", "Hallo, we hebben de fout verholpen.")
    entry = run_outbox(ticket_store, graph)
    assert entry.status == OutboxStatus.SENT, entry.last_error
    (request,) = graph.requests
    assert request["path"] == f"/v21.0/{PHONE_ID}/messages"
    assert request["auth"] == "Bearer wa-token"
    assert request["json"]["to"] == "31612345678" and request["json"]["type"] == "text"
    assert request["json"]["text"]["body"] == "Hallo, we hebben de fout verholpen."


@pytest.mark.parametrize(("fixture", "channel", "psid"), [
    ("messenger_events.json", "messenger", "6543210987654321"),
    ("instagram_events.json", "instagram", "1234567890123456")])
def test_messenger_and_instagram_replies(client: TestClient, ticket_store: TicketStore, graph: FakeGraph,
                                         fixture: str, channel: str, psid: str) -> None:
    deliver_fresh(client, fixture)
    reply(ticket_store, channel, "Dank u, we kijken ernaar.")
    assert run_outbox(ticket_store, graph).status == OutboxStatus.SENT
    (request,) = graph.requests
    assert request["path"] == "/v21.0/me/messages" and request["auth"] == "Bearer page-token"
    assert request["json"] == {"recipient": {"id": psid}, "messaging_type": "RESPONSE",
                               "message": {"text": "Dank u, we kijken ernaar."}}


def test_outside_the_service_window_only_a_template_goes_out(
    client: TestClient, ticket_store: TicketStore, graph: FakeGraph
) -> None:
    deliver_fresh(client, "whatsapp_text.json", age=timedelta(hours=25))
    reply(ticket_store, "whatsapp", "Nog een vraag?")
    entry = run_outbox(ticket_store, graph)
    assert entry.status == OutboxStatus.FAILED and "template" in (entry.last_error or "")
    assert graph.requests == []
    with ticket_store.reading() as s:
        (event,) = s.scalars(select(TicketEvent).where(TicketEvent.kind == "service_window_closed")).all()
        assert event.detail["channel"] == "whatsapp"
        window = service_window(s, event.ticket_id, "whatsapp")
        assert not window.open and window.closes_at is not None and window.closes_at < utcnow()
    reply(ticket_store, "whatsapp", "", kind="template", template="ticket_follow_up", language="nl")
    assert run_outbox(ticket_store, graph).status == OutboxStatus.SENT
    (request,) = graph.requests
    assert request["json"]["type"] == "template"
    assert request["json"]["template"] == {"name": "ticket_follow_up", "language": {"code": "nl"}}


@pytest.mark.parametrize(("code", "error", "headers", "status", "retry_in"), [
    (429, {"error": {"code": 130429, "message": "Rate limit hit"}}, {"Retry-After": "120"}, OutboxStatus.PENDING, 120),
    (500, {"error": {"code": 2, "message": "Service temporarily unavailable"}}, {}, OutboxStatus.PENDING, 30),
    (400, {"error": {"code": 131047, "message": "Re-engagement message"}}, {}, OutboxStatus.FAILED, None),
    (400, {"error": {"code": 100, "message": "Invalid parameter +31612345678"}}, {}, OutboxStatus.FAILED, None),
])
def test_graph_errors_map_to_retry_or_give_up(
    client: TestClient, ticket_store: TicketStore, graph: FakeGraph,
    code: int, error: dict[str, Any], headers: dict[str, str], status: OutboxStatus, retry_in: int | None,
) -> None:
    deliver_fresh(client, "whatsapp_text.json")
    reply(ticket_store, "whatsapp", "Hallo")
    graph.responses.append((code, error, headers))
    before = utcnow()
    entry = run_outbox(ticket_store, graph)
    assert entry.status == status
    assert "31612345678" not in (entry.last_error or "")  # Graph's message text is never kept
    if retry_in is not None:
        delay = (entry.next_attempt_at - before).total_seconds()
        assert retry_in - 5 <= delay <= retry_in + 5


def test_unreachable_graph_api_is_transient(ticket_store: TicketStore, client: TestClient) -> None:
    deliver_fresh(client, "messenger_events.json")
    reply(ticket_store, "messenger", "Hallo")
    dead = GraphSettings(base_url="http://127.0.0.1:9", page_access_token="t", timeout_seconds=2)
    sender = GraphSender(Channel.MESSENGER, dead, ticket_store)
    item = delivery.claim(ticket_store, channels=["messenger"])[0]
    with pytest.raises(delivery.TransientSendError):
        sender.send(item)


def test_long_reply_is_split_at_word_ends(client: TestClient, ticket_store: TicketStore, graph: FakeGraph) -> None:
    deliver_fresh(client, "instagram_events.json")
    text = " ".join(f"woord{i}" for i in range(400))  # about 3,200 characters; Instagram takes 1,000
    reply(ticket_store, "instagram", text)
    assert run_outbox(ticket_store, graph).status == OutboxStatus.SENT
    parts = [r["json"]["message"]["text"] for r in graph.requests]
    assert len(parts) == 4 and all(len(p) <= 1000 for p in parts)
    assert " ".join(parts) == text


@pytest.mark.parametrize("limit", [10, 50, 1000])
def test_split_text_keeps_every_word(limit: int) -> None:
    text = "Lorem ipsum dolor sit amet\n\nconsectetur adipiscing elit " * 20 + "x" * 120
    parts = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in parts)
    assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
