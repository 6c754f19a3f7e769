"""Agent replies through the outbox to sendMessage; blocked users, flood control, network errors."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from bots.config import TelegramConfig
from intake.message import InboundMessage
from intake.pipeline import Intake
from models import Channel, Contact, OutboxEntry, OutboxStatus, TicketEvent, utcnow
from outbound import worker as delivery
from outbound.telegram import TelegramSender, split_text
from tests.bots.conftest import free_port, make_bot, run_until
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.fakes import FakeScrubber
from tickets import outbox
from tickets.store import TicketStore


def ticket_for_chat(ticket_store: TicketStore, chat_id: int) -> int:
    outcome = Intake(ticket_store, FakeScrubber()).submit(
        InboundMessage(channel=Channel.TELEGRAM, external_id=f"{chat_id}:1", sender=str(chat_id), text="Help")
    )
    assert outcome.ticket_id is not None
    return outcome.ticket_id


def reply(ticket_store: TicketStore, ticket_id: int, chat_id: int, text: str) -> None:
    # The payload shape tickets.replies.reply enqueues for chat channels.
    with ticket_store.writing() as s:
        outbox.enqueue(s, channel="telegram", kind="reply", ticket_id=ticket_id,
                       payload={"to": str(chat_id), "text": text, "ticket_number": ticket_id + 100000})


def worker(ticket_store: TicketStore, base: str) -> delivery.OutboxWorker:
    sender = TelegramSender(TOKEN, ticket_store, api_base=base, timeout=2)
    return delivery.OutboxWorker(ticket_store, {"telegram": sender}, stop=threading.Event())


def entry(ticket_store: TicketStore) -> OutboxEntry:
    with ticket_store.reading() as s:
        return s.scalars(select(OutboxEntry)).one()


def test_an_agent_reply_reaches_send_message(api: FakeBotApi, ticket_store: TicketStore) -> None:
    ticket_id = ticket_for_chat(ticket_store, 801)
    reply(ticket_store, ticket_id, 801, "Goedemorgen, we hebben het opgelost.")
    assert worker(ticket_store, api.base).run_once() == 1
    assert api.texts_to(801) == ["Goedemorgen, we hebben het opgelost."]
    assert entry(ticket_store).status == OutboxStatus.SENT


def test_long_replies_are_split_at_telegrams_limit(api: FakeBotApi, ticket_store: TicketStore) -> None:
    ticket_id = ticket_for_chat(ticket_store, 802)
    text = ("Een lange uitleg over DNS-records. " * 200).strip()
    reply(ticket_store, ticket_id, 802, text)
    worker(ticket_store, api.base).run_once()
    parts = api.texts_to(802)
    assert len(parts) == 2 and all(len(p) <= 4096 for p in parts)
    assert " ".join(parts) == text
    assert split_text("") == [""] and split_text("x" * 5000) == ["x" * 4096, "x" * 904]


def test_a_user_who_blocked_the_bot_becomes_unreachable(api: FakeBotApi, ticket_store: TicketStore) -> None:
    ticket_id = ticket_for_chat(ticket_store, 803)
    api.blocked.add(803)
    reply(ticket_store, ticket_id, 803, "Antwoord")
    worker(ticket_store, api.base).run_once()
    assert entry(ticket_store).status == OutboxStatus.FAILED
    with ticket_store.reading() as s:
        assert s.scalars(select(Contact.unreachable).where(Contact.address == "803")).one() is True
        [event] = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id,
                                                      TicketEvent.kind == "contact_unreachable")).all()
        assert event.detail["channel"] == "telegram"


def test_flood_control_retry_after_is_honoured(api: FakeBotApi, ticket_store: TicketStore) -> None:
    ticket_id = ticket_for_chat(ticket_store, 804)
    api.rate_limited, api.retry_after = 1, 42
    reply(ticket_store, ticket_id, 804, "Antwoord")
    w = worker(ticket_store, api.base)
    assert w.run_once() == 0
    e = entry(ticket_store)
    assert e.status == OutboxStatus.PENDING and "429" in (e.last_error or "")
    assert timedelta(seconds=40) < e.next_attempt_at - utcnow() <= timedelta(seconds=42)
    with ticket_store.writing() as s:
        s.scalars(select(OutboxEntry)).one().next_attempt_at = utcnow()
    assert w.run_once() == 1 and api.texts_to(804) == ["Antwoord"]


def test_network_errors_back_off_and_retry(ticket_store: TicketStore) -> None:
    ticket_id = ticket_for_chat(ticket_store, 805)
    reply(ticket_store, ticket_id, 805, "Antwoord")
    assert worker(ticket_store, f"http://127.0.0.1:{free_port()}").run_once() == 0  # nothing listens
    e = entry(ticket_store)
    assert e.status == OutboxStatus.PENDING and e.attempts == 1 and "network" in (e.last_error or "")
    assert e.next_attempt_at - utcnow() > timedelta(seconds=20)


async def test_blocking_and_unblocking_updates_mark_the_contact(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    ticket_for_chat(ticket_store, 806)

    def member(status: str) -> None:
        api.push(my_chat_member={
            "chat": {"id": 806, "type": "private"}, "from": {"id": 806, "is_bot": False, "first_name": "K"},
            "date": 1700000000,
            "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": True, "first_name": "B"}},
            "new_chat_member": {"status": status, "user": {"id": 1, "is_bot": True, "first_name": "B"},
                                **({"until_date": 0} if status == "kicked" else {})},
        })

    def unreachable() -> bool:
        with ticket_store.reading() as s:
            return bool(s.scalars(select(Contact.unreachable).where(Contact.address == "806")).one())

    member("kicked")
    await run_until(make_bot(config, ticket_store), unreachable)
    api.message(806, "Ik ben er weer")  # writing again makes the chat reachable
    await run_until(make_bot(config, ticket_store), lambda: not unreachable())
    with ticket_store.reading() as s:
        kinds = [e.kind for e in s.scalars(select(TicketEvent).order_by(TicketEvent.id))]
    assert kinds == ["contact_unreachable", "contact_reachable"]
