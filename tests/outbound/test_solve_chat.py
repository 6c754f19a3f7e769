"""The solve message on the customer's chat channel: a Telegram ticket solved gets one message with the
rating link through the real outbox worker and ``TelegramSender`` to the local Bot API test server, in
the ticket's language; a WhatsApp ticket gets it through ``GraphSender`` only inside Meta's 24-hour
window; never for a restricted ticket, with the chat switch off, or where the channel has no sender.
On SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Message, OutboxEntry, RetentionHold, Ticket, TicketStatus, utcnow
from outbound import solve_mail
from outbound import worker as delivery
from outbound.graph import GraphSettings, graph_senders
from outbound.telegram import TelegramSender
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.fake_graph import FakeGraph
from tests.support.fakes import FakeScrubber
from tickets import replies, satisfaction
from tickets.replies import MailIdentity
from tickets.store import TicketStore

PUBLIC = "https://help.example.test"
NO_SETTLE = timedelta(0)
CHANNELS = frozenset({"email", "webform", "telegram", "whatsapp"})


def _mailer(channels: frozenset[str] = CHANNELS, **config: bool) -> solve_mail.SolveMail:
    return solve_mail.SolveMail(solve_mail.SolveMailConfig(**config), PUBLIC, MailIdentity("support.test"), channels)


def _queue(ticket_store: TicketStore, mailer: solve_mail.SolveMail | None = None) -> int:
    return solve_mail.run_pass(ticket_store, mailer or _mailer(), settle=NO_SETTLE)[1]


def _ticket(ticket_store: TicketStore, channel: Channel, sender: str, lang: str,
            at: datetime | None = None) -> int:
    outcome = Intake(ticket_store, FakeScrubber()).submit(InboundMessage(
        channel=channel, external_id=f"{channel}:{sender}:1", sender=sender, text="Mijn website doet het niet",
        lang_hint=lang, received_at=at or datetime.now(UTC)))
    assert outcome.ticket_id is not None
    return outcome.ticket_id


def _solve(ticket_store: TicketStore, ticket_id: int) -> None:
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        replies.set_status(session, ticket, TicketStatus.SOLVED, actor="api")


def _telegram(ticket_store: TicketStore, api: FakeBotApi) -> delivery.OutboxWorker:
    sender = TelegramSender(TOKEN, ticket_store, api_base=api.base, timeout=2)
    return delivery.OutboxWorker(ticket_store, {"telegram": sender}, stop=threading.Event())


def test_a_solved_telegram_ticket_gets_one_dutch_message_with_its_link(api: FakeBotApi,
                                                                       ticket_store: TicketStore) -> None:
    assert _queue(ticket_store) == 0  # the consumer's position starts here, as serve starts it
    ticket_id = _ticket(ticket_store, Channel.TELEGRAM, "811", "nl")
    _solve(ticket_store, ticket_id)
    assert _queue(ticket_store) == 1
    assert _queue(ticket_store) == 0  # once per solve
    assert _telegram(ticket_store, api).run_once() == 1
    [text] = api.texts_to(811)
    assert "opgelost" in text and "solved" not in text and "heropend" not in text  # a new chat opens a new ticket
    with ticket_store.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        assert f"{PUBLIC}{satisfaction.link_path(ticket_id)}" in text and str(ticket.number) in text
        [out] = session.scalars(select(Message).where(Message.ticket_id == ticket_id, Message.direction == "out"))
        assert out.channel == "telegram" and out.auto_submitted  # stored, and not counted as a first response
        assert session.scalars(select(OutboxEntry.status)).one() == "sent"
    # Reopened and solved again: a new solve, a new message.
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        replies.set_status(session, ticket, TicketStatus.OPEN, actor="api")
    _solve(ticket_store, ticket_id)
    assert _queue(ticket_store) == 1 and _telegram(ticket_store, api).run_once() == 1
    assert len(api.texts_to(811)) == 2


def test_an_english_telegram_ticket_hears_it_in_english(api: FakeBotApi, ticket_store: TicketStore) -> None:
    assert _queue(ticket_store) == 0
    _solve(ticket_store, _ticket(ticket_store, Channel.TELEGRAM, "812", "en"))
    assert _queue(ticket_store) == 1 and _telegram(ticket_store, api).run_once() == 1
    [text] = api.texts_to(812)
    assert "solved" in text and "How did we do?" in text and "opgelost" not in text
    assert re.search(re.escape(PUBLIC) + r"/rate/\d+/[0-9a-f]{32}", text)


def test_no_chat_message_when_switched_off_restricted_or_without_a_sender(api: FakeBotApi,
                                                                         ticket_store: TicketStore) -> None:
    assert _queue(ticket_store) == 0
    off = _ticket(ticket_store, Channel.TELEGRAM, "813", "nl")
    _solve(ticket_store, off)
    assert _queue(ticket_store, _mailer(chat=False)) == 0
    no_sender = _ticket(ticket_store, Channel.TELEGRAM, "814", "nl")
    _solve(ticket_store, no_sender)
    assert _queue(ticket_store, _mailer(frozenset({"email"}))) == 0
    restricted = _ticket(ticket_store, Channel.TELEGRAM, "815", "nl")
    with ticket_store.writing() as session:  # kept after an erasure only for a retention duty (art. 18)
        session.add(RetentionHold(ticket_id=restricted, basis="tax", retain_until=date(2033, 1, 1),
                                  restricted_at=utcnow(), created_by="officer"))
    _solve(ticket_store, restricted)
    assert _queue(ticket_store) == 0  # every one of them handled: nothing later either
    assert _queue(ticket_store) == 0 and _telegram(ticket_store, api).run_once() == 0
    assert api.texts_to(813) == api.texts_to(814) == api.texts_to(815) == []


def test_whatsapp_inside_the_service_window_only(graph: FakeGraph, ticket_store: TicketStore) -> None:
    settings = GraphSettings(base_url=graph.url, whatsapp_access_token="wa-token",
                             whatsapp_phone_number_id="106540352242922", timeout_seconds=5)
    worker = delivery.OutboxWorker(ticket_store, graph_senders(settings, ticket_store), stop=threading.Event())
    assert _queue(ticket_store) == 0
    recent = _ticket(ticket_store, Channel.WHATSAPP, "31612345678", "en", at=datetime.now(UTC) - timedelta(hours=2))
    late = _ticket(ticket_store, Channel.WHATSAPP, "31687654321", "nl", at=datetime.now(UTC) - timedelta(hours=25))
    _solve(ticket_store, recent)
    _solve(ticket_store, late)
    assert _queue(ticket_store) == 1  # the late one is outside Meta's 24 hours: only a template could go
    assert worker.run_once() == 1
    [request] = graph.requests
    body = request["json"]
    assert body["to"] == "31612345678" and body["type"] == "text"
    assert "solved" in body["text"]["body"] and satisfaction.link_path(recent) in body["text"]["body"]
    with ticket_store.reading() as session:
        assert session.scalars(select(OutboxEntry.ticket_id)).all() == [recent]
