"""Outgoing webhooks (issue 22): events derived after commit, signed POSTs to a real loopback receiver,
retries from the outbox with one delivery id, no re-sending after a restart, scrubbed data only.

The receiver is a real HTTP server on 127.0.0.1 that checks nothing itself: each test verifies what
arrived with the recipe the documentation gives (HMAC-SHA256 over "<t>." + the raw body).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message, OutboxEntry, OutboxStatus, Ticket, TicketEvent, utcnow
from models.db import make_engine
from models.webhooks_out import WebhookCursor, WebhookEndpoint, WebhookFormat, WebhookSeen
from outbound import webhooks_out
from outbound.webhook_send import WebhookSender
from outbound.webhook_urls import UrlPolicy
from outbound.worker import OutboxWorker
from tests.support.fakes import FakeScrubber
from tickets import store as ticket_ops
from tickets.store import TicketStore

SECRET = "whsec-test-0123456789"
LOOPBACK = UrlPolicy(allow_loopback=True)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.body)
        return value


@dataclass
class Receiver:
    """A real HTTP server on loopback; answers the scripted statuses in turn, then 200."""

    server: ThreadingHTTPServer
    script: list[int] = field(default_factory=list)
    got: list[Received] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/in?token=abc"


def _handler(receiver_ref: list[Receiver]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver = receiver_ref[0]
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            receiver.got.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
            receiver.paths.append(self.path)
            code = receiver.script.pop(0) if receiver.script else 200
            self.send_response(code)
            if 300 <= code < 400:
                self.send_header("Location", "/elsewhere")
            if code == 429:
                self.send_header("Retry-After", "120")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    ref: list[Receiver] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    ref.append(Receiver(server))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ref[0]
    server.shutdown()
    server.server_close()


def verify_documented(secret: str, received: Received, *, tolerance: int = 300) -> bool:
    """The receiver's recipe from outbound/webhook_send.py's docstring, written out independently."""
    header = received.headers["x-scrubdesk-signature"]
    fields = dict(part.split("=", 1) for part in header.split(","))
    stamp = int(fields["t"])
    if abs(time.time() - stamp) > tolerance:
        return False
    mac = hmac.new(secret.encode(), f"{stamp}.".encode() + received.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, fields["v1"])


def add_endpoint(store: TicketStore, url: str, **kw: Any) -> int:
    with store.writing() as session:
        endpoint = WebhookEndpoint(name=kw.pop("name", "ops"), url=url, secret=kw.pop("secret", SECRET), **kw)
        session.add(endpoint)
        session.flush()
        return endpoint.id


def mail(intake: Intake, text: str, *, ext: str, subject: str = "Inloggen lukt niet",
         in_reply_to: tuple[str, ...] = (), sender_name: str | None = None) -> int:
    out = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=ext, sender="klant@example.org",
                                       sender_name=sender_name, subject=subject, text=text,
                                       in_reply_to=in_reply_to))
    assert out.status == "stored" and out.ticket_id is not None, out
    return out.ticket_id


def worker(store: TicketStore, policy: UrlPolicy = LOOPBACK) -> OutboxWorker:
    return OutboxWorker(store, {webhooks_out.OUTBOX_CHANNEL: WebhookSender(store, policy)}, stop=threading.Event())


def make_due(store: TicketStore) -> None:
    with store.writing() as session:
        session.execute(update(OutboxEntry).where(OutboxEntry.status == OutboxStatus.PENDING)
                        .values(next_attempt_at=utcnow()))


def entries(store: TicketStore) -> list[OutboxEntry]:
    with store.reading() as session:
        return list(session.scalars(select(OutboxEntry).where(OutboxEntry.channel == webhooks_out.OUTBOX_CHANNEL)
                                    .order_by(OutboxEntry.id)))


def last_result(store: TicketStore) -> str | None:
    with store.reading() as session:
        return session.scalars(select(WebhookEndpoint.last_result)).one()


@pytest.fixture
def intake(ticket_store: TicketStore) -> Iterator[Intake]:
    pipeline = Intake(ticket_store, FakeScrubber())
    yield pipeline
    pipeline.close()


def test_a_new_ticket_is_posted_signed_with_the_documented_recipe(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    ticket_id = mail(intake, "Mijn account is geblokkeerd.", ext="a1@x")
    assert webhooks_out.dispatch_once(ticket_store) == 1
    assert worker(ticket_store).run_once() == 1
    [got] = receiver.got
    assert verify_documented(SECRET, got)
    assert not verify_documented("another secret", got)
    assert got.headers["content-type"] == "application/json"
    assert receiver.paths == ["/hooks/in?token=abc"]  # path and query as configured
    body = got.json()
    assert body["event"] == "ticket.created" == got.headers["x-scrubdesk-event"]
    assert body["id"] == got.headers["x-scrubdesk-delivery"]
    assert body["ticket"]["number"] == ticket_id + 100000
    assert body["ticket"] == {
        "number": ticket_id + 100000, "subject": "Inloggen lukt niet", "channel": "email", "status": "new",
        "priority": "normal", "tags": [], "lang": body["ticket"]["lang"]}
    assert "text" not in body["message"]  # text only when the endpoint asks for it
    assert "klant@example.org" not in got.body.decode()
    # A tampered body or a stale timestamp fails the recipe.
    assert not verify_documented(SECRET, Received(got.headers, got.body + b" "))
    assert [e.status for e in entries(ticket_store)] == [OutboxStatus.SENT]


def test_every_event_kind_is_derived_from_committed_rows(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, include_text=True)
    ticket_id = mail(intake, "Eerste bericht.", ext="k1@x")
    mail(intake, f"Nog een vraag. [#{ticket_id + 100000}]", ext="k2@x",
         subject=f"Re: Inloggen lukt niet [#{ticket_id + 100000}]")
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        ticket_ops.add_event(session, ticket, "status", {"status": "pending", "from": "new"}, actor="agent:anna")
        ticket_ops.add_event(session, ticket, "assigned", {"agent_id": None}, actor="agent:anna")
        ticket_ops.add_event(session, ticket, "privacy_request_opened", {"request": 1, "types": ["access"]})
        ticket_ops.add_event(session, ticket, "group", {"group_id": 7, "group": "Billing", "from": None},
                             actor="agent:anna")
        ticket_ops.add_event(session, ticket, "tagged", {"tag": "vip"})  # not an event we announce
    webhooks_out.dispatch_once(ticket_store)
    while worker(ticket_store).run_once():
        pass
    kinds = [r.json()["event"] for r in receiver.got]
    assert kinds == ["ticket.created", "ticket.customer_replied", "ticket.status_changed", "ticket.assigned",
                     "privacy_request.opened", "ticket.group_changed"]
    by_kind = {r.json()["event"]: r.json() for r in receiver.got}
    assert by_kind["ticket.customer_replied"]["message"]["text"].startswith("Nog een vraag.")
    assert by_kind["ticket.status_changed"]["change"] == {"status": "pending", "from": "new"}
    assert by_kind["privacy_request.opened"]["change"] == {"request_types": ["access"]}
    assert by_kind["ticket.group_changed"]["change"] == {"group": "Billing"}
    assert len({r.headers["x-scrubdesk-delivery"] for r in receiver.got}) == 6


def test_500_then_200_is_sent_once_more_with_the_same_delivery_id(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    receiver.script = [500]
    mail(intake, "Hallo.", ext="r1@x")
    webhooks_out.dispatch_once(ticket_store)
    w = worker(ticket_store)
    assert w.run_once() == 0
    [entry] = entries(ticket_store)
    assert entry.status == OutboxStatus.PENDING and entry.attempts == 1 and entry.last_error == "answered 500"
    assert entry.next_attempt_at > utcnow() + timedelta(seconds=20)  # the outbox's back-off
    assert last_result(ticket_store) == "answered 500"
    assert w.run_once() == 0  # not due yet
    make_due(ticket_store)
    assert w.run_once() == 1
    first, second = receiver.got
    assert first.headers["x-scrubdesk-delivery"] == second.headers["x-scrubdesk-delivery"]
    assert first.body == second.body and verify_documented(SECRET, second)
    assert [e.status for e in entries(ticket_store)] == [OutboxStatus.SENT]
    assert last_result(ticket_store) == "answered 200"
    make_due(ticket_store)
    assert w.run_once() == 0 and len(receiver.got) == 2


def test_a_restart_resumes_without_sending_again(
        ticket_store: TicketStore, db_url: str, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    mail(intake, "Een.", ext="s1@x")
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    assert len(receiver.got) == 1
    # A new process: its own engine and store on the same database.
    engine = make_engine(db_url)
    try:
        again = TicketStore(engine)
        assert webhooks_out.dispatch_once(again) == 0
        assert worker(again).run_once() == 0
        mail(intake, "Twee.", ext="s2@x", subject="Iets anders")
        assert webhooks_out.dispatch_once(again) == 1
        assert worker(again).run_once() == 1
    finally:
        engine.dispose()
    assert [r.json()["ticket"]["subject"] for r in receiver.got] == ["Inloggen lukt niet", "Iets anders"]
    with ticket_store.reading() as session:  # the mark moved up and the seen set was pruned
        assert session.scalars(select(WebhookSeen)).all() == []


def test_a_disabled_endpoint_gets_nothing(ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, name="off", enabled=False)
    on = add_endpoint(ticket_store, receiver.url, name="on", events=["ticket.created"])
    mail(intake, "Hallo.", ext="d1@x")
    assert webhooks_out.dispatch_once(ticket_store) == 1
    # Disabled after its entry was queued: not sent either, and the entry says why.
    with ticket_store.writing() as session:
        endpoint = session.get(WebhookEndpoint, on)
        assert endpoint is not None
        endpoint.enabled = False
    assert worker(ticket_store).run_once() == 0
    assert receiver.got == []
    [entry] = entries(ticket_store)
    assert entry.status == OutboxStatus.FAILED and entry.last_error == "the endpoint was removed or disabled"
    assert entry.payload == {}  # given up: the payload is wiped like every outbox entry's


def test_slack_format_is_a_text_message(ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, format=WebhookFormat.SLACK, include_text=True)
    mail(intake, "Mijn BSN is 123456782 <en> dat is & geheim. @channel", ext="sl@x", subject="Vraag <dringend> @all")
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    [got] = receiver.got
    body = got.json()
    assert list(body) == ["text"]
    text = body["text"]
    assert text.startswith("New ticket #") and "Vraag &lt;dringend&gt;" in text
    # The scrubbed text, quoted, its placeholder escaped so Slack does not read it as a link.
    assert "> Mijn BSN is &lt;NATIONAL_ID_1&gt; &lt;en&gt; dat is &amp; geheim." in text
    assert "123456782" not in got.body.decode() and verify_documented(SECRET, got)
    # No channel-wide mention from what a customer typed (Mattermost reads a plain @channel / @all).
    assert "@channel" not in text and "@all" not in text and "@\u2060all" in text


def test_a_redirect_is_not_followed_and_gives_up(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    receiver.script = [302]
    mail(intake, "Hallo.", ext="rd@x")
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    assert receiver.paths == ["/hooks/in?token=abc"]  # /elsewhere was never asked
    [entry] = entries(ticket_store)
    assert entry.status == OutboxStatus.FAILED and "redirect" in (entry.last_error or "")


def test_http_to_loopback_needs_the_deployments_permission(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    mail(intake, "Hallo.", ext="lb@x")
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store, UrlPolicy()).run_once()
    assert receiver.got == []
    [entry] = entries(ticket_store)
    assert entry.status == OutboxStatus.FAILED and "https" in (entry.last_error or "")
    assert "token=abc" not in (entry.last_error or "")


def _event(store: TicketStore, ticket_id: int, status: str, *, row_id: int | None = None) -> None:
    with store.writing() as session:
        session.add(TicketEvent(id=row_id, ticket_id=ticket_id, kind="status", detail={"status": status},
                                actor="system"))


def test_an_id_that_commits_late_is_not_skipped(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    """Ids 1 and 3 visible, 2 not yet (its transaction is still open): 2 is sent when it commits, as
    long as that is within the settle window, and the mark waits below it until then."""
    add_endpoint(ticket_store, receiver.url, events=["ticket.status_changed"])
    ticket_id = mail(intake, "Hallo.", ext="late@x")
    with ticket_store.reading() as session:
        base = session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) or 0
    webhooks_out.dispatch_once(ticket_store)
    _event(ticket_store, ticket_id, "open", row_id=base + 1)
    _event(ticket_store, ticket_id, "solved", row_id=base + 3)
    assert webhooks_out.dispatch_once(ticket_store) == 2
    with ticket_store.reading() as session:
        assert session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) == base + 1
    _event(ticket_store, ticket_id, "pending", row_id=base + 2)  # the late one
    assert webhooks_out.dispatch_once(ticket_store) == 1
    assert webhooks_out.dispatch_once(ticket_store) == 0
    with ticket_store.reading() as session:
        assert session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) == base + 3
    while worker(ticket_store).run_once():
        pass
    assert sorted(r.json()["change"]["status"] for r in receiver.got) == ["open", "pending", "solved"]


def test_a_gap_is_passed_once_it_has_settled(ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    # With an endpoint: without one a pass reads no row and skips to the newest (event_feed.skip).
    add_endpoint(ticket_store, receiver.url, events=["ticket.status_changed"])
    ticket_id = mail(intake, "Hallo.", ext="gap@x")
    webhooks_out.dispatch_once(ticket_store)
    with ticket_store.reading() as session:
        base = session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) or 0
    _event(ticket_store, ticket_id, "open", row_id=base + 2)  # base + 1 was rolled back: it never comes
    webhooks_out.dispatch_once(ticket_store)
    with ticket_store.reading() as session:
        assert session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) == base
    webhooks_out.dispatch_once(ticket_store, settle=timedelta(0))
    with ticket_store.reading() as session:
        assert session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "ticket_events")) == base + 2


def test_rows_handled_while_no_endpoint_existed_are_never_sent(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    """Without an endpoint a pass moves the mark to the newest row (no row is read, none recorded in the
    seen set): one pass however long the backlog, and an endpoint added afterwards gets only what comes later."""
    for n in range(3):
        mail(intake, "Hallo.", ext=f"none{n}@x", subject=f"Eerder {n}")
    assert webhooks_out.dispatch_pass(ticket_store, limit=2) == (False, 0)
    with ticket_store.reading() as session:
        newest = session.scalar(select(Message.id).order_by(Message.id.desc()).limit(1))
        mark = session.scalar(select(WebhookCursor.position).where(WebhookCursor.source == "messages"))
        assert mark == newest and session.scalar(select(WebhookSeen.row_id).limit(1)) is None
    add_endpoint(ticket_store, receiver.url, events=["ticket.created"])
    mail(intake, "Hallo.", ext="later@x", subject="Later")
    assert webhooks_out.dispatch_once(ticket_store) == 1
    while worker(ticket_store).run_once():
        pass
    assert [r.json()["ticket"]["subject"] for r in receiver.got] == ["Later"]


def test_429_waits_as_long_as_the_receiver_asks(ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    receiver.script = [429]
    mail(intake, "Hallo.", ext="429@x")
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    [entry] = entries(ticket_store)
    # Retry-After: 120 (RFC 9110 section 10.2.3), not the outbox's own first back-off of 30 s.
    assert entry.status == OutboxStatus.PENDING and entry.last_error == "answered 429"
    assert timedelta(seconds=110) < entry.next_attempt_at - utcnow() <= timedelta(seconds=120)


def test_a_backlog_is_worked_through_in_batches(ticket_store: TicketStore, intake: Intake,
                                               receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, events=["ticket.created"])
    for n in range(5):
        mail(intake, "Hallo.", ext=f"bl{n}@x", subject=f"Vraag {n}")
    # limit counts outbox entries: with two endpoints a pass takes half as many rows.
    add_endpoint(ticket_store, receiver.url, name="second", events=["ticket.assigned"])
    assert webhooks_out.dispatch_pass(ticket_store, limit=4) == (True, 2)
    assert webhooks_out.dispatch_pass(ticket_store, limit=4) == (True, 2)
    assert webhooks_out.dispatch_pass(ticket_store, limit=4) == (False, 1)
    while worker(ticket_store).run_once():
        pass
    assert sorted(r.json()["ticket"]["subject"] for r in receiver.got) == [f"Vraag {n}" for n in range(5)]


def test_slack_messages_speak_the_endpoints_language(ticket_store: TicketStore, intake: Intake,
                                                    receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, format=WebhookFormat.SLACK, lang="nl", events=["ticket.status_changed"])
    ticket_id = mail(intake, "Hallo.", ext="nl@x", subject="Factuur")
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        ticket_ops.add_event(session, ticket, "status", {"status": "pending", "from": "new"})
    webhooks_out.dispatch_once(ticket_store)
    worker(ticket_store).run_once()
    [got] = receiver.got
    assert got.json() == {"text": f"Ticket #{ticket_id + 100000} is nu wacht op klant: Factuur"}


def test_entries_are_the_tickets_not_a_messages_and_an_erased_message_is_not_sent(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url, include_text=True)
    ticket_id = mail(intake, "Wis mij.", ext="erase@x")
    webhooks_out.dispatch_once(ticket_store)
    [entry] = entries(ticket_store)
    # The ticket page reads an entry with a message id as that message's delivery: ours carry none.
    assert entry.ticket_id == ticket_id and entry.message_id is None
    with ticket_store.writing() as session:
        session.execute(delete(Message).where(Message.ticket_id == ticket_id))
    worker(ticket_store).run_once()
    assert receiver.got == []
    [entry] = entries(ticket_store)
    assert entry.status == OutboxStatus.FAILED and entry.last_error == "the message was erased"


def test_an_agents_reply_is_announced_and_our_acknowledgement_is_not(
        ticket_store: TicketStore, receiver: Receiver) -> None:
    from intake.hooks import AutoAcknowledger
    from outbound.acknowledge import AckConfig
    from tickets import replies

    identity = replies.MailIdentity("support.test")
    ack = AutoAcknowledger(ticket_store, AckConfig(), identity)
    pipeline = Intake(ticket_store, FakeScrubber(), after_commit=[ack])
    try:
        add_endpoint(ticket_store, receiver.url, include_text=True,
                     events=["ticket.created", "ticket.agent_replied", "ticket.status_changed"])
        ticket_id = mail(pipeline, "Mijn BSN is 123456782, help.", ext="ack@x")
    finally:
        pipeline.close()
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        replies.reply(session, ticket, agent_id=None, text="Wij kijken ernaar; uw BSN 123456782 is niet nodig.",
                      scrubber=FakeScrubber(), identity=identity, available_channels={"email"})
    webhooks_out.dispatch_once(ticket_store)
    while worker(ticket_store).run_once():
        pass
    with ticket_store.reading() as session:  # the acknowledgement was stored as an outgoing message
        assert session.scalars(select(Message).where(Message.ticket_id == ticket_id,
                                                     Message.auto_submitted.is_(True))).one()
    kinds = [r.json()["event"] for r in receiver.got]
    assert kinds == ["ticket.created", "ticket.agent_replied", "ticket.status_changed"]  # no acknowledgement
    said = receiver.got[1].json()["message"]
    assert said["direction"] == "out" and said["text"].startswith("Wij kijken ernaar; uw BSN <NATIONAL_ID_1>")
    assert all("123456782" not in r.body.decode() and "klant@example.org" not in r.body.decode()
               for r in receiver.got)


def test_the_dispatcher_and_the_worker_loops_deliver_and_stop(
        ticket_store: TicketStore, intake: Intake, receiver: Receiver) -> None:
    add_endpoint(ticket_store, receiver.url)
    stop = threading.Event()
    sender = OutboxWorker(ticket_store, {webhooks_out.OUTBOX_CHANNEL: WebhookSender(ticket_store, LOOPBACK)},
                          stop=stop, poll_interval=0.05)
    loops = [threading.Thread(target=webhooks_out.WebhookDispatcher(ticket_store, interval=0.05).run, args=(stop,)),
             threading.Thread(target=sender.run)]
    for loop in loops:
        loop.start()
    try:
        for n in range(3):
            mail(intake, "Hallo.", ext=f"loop{n}@x", subject=f"Vraag {n}")
        deadline = time.monotonic() + 20
        while len(receiver.got) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        sender.wake.set()
        for loop in loops:
            loop.join(10)
    assert not any(loop.is_alive() for loop in loops)
    assert sorted(r.json()["ticket"]["subject"] for r in receiver.got) == ["Vraag 0", "Vraag 1", "Vraag 2"]
