"""/start, /status, /privacy and /link through the real bot, store and verification service."""

from __future__ import annotations

import re

from sqlalchemy import select

from bots.config import TelegramConfig
from models import Contact, Customer, Message, OutboxEntry, Ticket, TicketEvent
from outbound import worker as delivery
from outbound.mail import SmarthostConfig, build_mail
from privacy.verification import Verification
from tests.bots.conftest import make_bot, run_until
from tests.support.fake_bot_api import FakeBotApi
from tickets import store
from tickets.store import TicketStore


def contact_of(ticket_store: TicketStore, chat_id: int) -> Contact | None:
    with ticket_store.reading() as s:
        return s.scalars(select(Contact).where(Contact.channel == "telegram",
                                               Contact.address == str(chat_id))).first()


def verification_mails(ticket_store: TicketStore) -> list[OutboxEntry]:
    with ticket_store.reading() as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "verification")
                              .order_by(OutboxEntry.id)))


def mail_code(mail: OutboxEntry) -> str:
    [code] = re.findall(r"^ {4}(\d{6})$", mail.payload["text"], re.M)
    return str(code)


def add_customer(ticket_store: TicketStore) -> int:
    with ticket_store.writing() as s:
        store.upsert_customers(s, [store.CustomerRecord(number="104233", name="Bakkerij Jansen",
                                                        email="Info@Bakkerij.example")])
        return s.scalars(select(Customer.id)).one()


async def test_start_speaks_the_users_language_else_dutch(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.message(701, "/start", lang="en-GB")
    api.message(702, "/start", lang="de")
    api.message(703, "/start", lang="nl")
    await run_until(make_bot(config, ticket_store), lambda: all(api.texts_to(c) for c in (701, 702, 703)))
    [en], [de], [nl] = api.texts_to(701), api.texts_to(702), api.texts_to(703)
    assert en.startswith("Welcome") and "removed automatically" in en
    assert de == nl and nl.startswith("Welkom") and "automatisch verwijderd" in nl
    assert all(config.privacy_url in t for t in (en, nl))
    assert api.commands == {"": ["start", "status", "link", "privacy"], "en": ["start", "status", "link", "privacy"]}
    with ticket_store.reading() as s:  # commands are not ticket messages
        assert s.scalars(select(Message)).all() == []


async def test_status_shows_only_this_chats_open_tickets(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.message(711, "Mijn domein is verlopen")
    api.message(712, "Mijn mailbox is vol")
    await run_until(make_bot(config, ticket_store), lambda: len(api.updates) == 0)
    with ticket_store.reading() as s:
        numbers = {int(t.contact.address): t.number for t in s.scalars(select(Ticket))}  # type: ignore[union-attr]
    api.message(711, "/status", lang="en")
    api.message(713, "/status")
    await run_until(make_bot(config, ticket_store), lambda: bool(api.texts_to(711) and api.texts_to(713)))
    [mine] = api.texts_to(711)
    assert f"#{numbers[711]}" in mine and "new" in mine and "domein" in mine
    assert str(numbers[712]) not in mine and "mailbox" not in mine
    assert api.texts_to(713) == ["Er staan geen open tickets voor deze chat."]


async def test_privacy_command_marks_the_ticket_and_answers(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.message(721, "/privacy ik wil weten welke gegevens jullie hebben")
    await run_until(make_bot(config, ticket_store), lambda: bool(api.texts_to(721)))
    with ticket_store.reading() as s:
        ticket = s.scalars(select(Ticket)).one()
        kinds = [e.kind for e in s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id))]
    assert "privacy_request_started" in kinds
    assert f"#{ticket.number}" in api.texts_to(721)[0]


async def test_link_sends_a_code_through_the_outbox_and_links_when_typed_back(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    customer_id = add_customer(ticket_store)
    api.message(731, "Ik heb een vraag over mijn factuur")
    api.message(731, "/link info@bakkerij.example")
    await run_until(make_bot(config, ticket_store), lambda: len(api.texts_to(731)) == 1)
    [mail] = verification_mails(ticket_store)
    assert mail.channel == "email" and mail.payload["to"] == "info@bakkerij.example"
    code = mail_code(mail)
    # The entry is a complete mail for the e-mail channel's Sender.
    rendered = build_mail(SmarthostConfig(from_address="support@hoster.example"), delivery.OutboundItem(
        id=mail.id, ticket_id=None, message_id=None, channel="email", kind=mail.kind, payload=mail.payload,
        attempts=1))
    assert rendered["To"] == "info@bakkerij.example" and rendered["Auto-Submitted"] == "auto-generated"
    assert rendered["Subject"] == "Je code om Telegram te koppelen" and code in rendered.get_content()
    with ticket_store.reading() as s:
        row = s.scalars(select(Verification)).one()
        assert code not in row.code_hash and row.purpose == "telegram_link"
    api.message(731, f"{code[:3]} {code[3:]}")
    await run_until(make_bot(config, ticket_store), lambda: len(api.texts_to(731)) == 2)
    assert "gekoppeld" in api.texts_to(731)[1]
    contact = contact_of(ticket_store, 731)
    assert contact is not None and contact.customer_id == customer_id
    with ticket_store.reading() as s:
        assert s.scalars(select(Ticket)).one().customer_id == customer_id
        # The code was an answer to the bot, not a ticket message.
        assert len(s.scalars(select(Message)).all()) == 1
    # Single use: the same code again is just a number in the conversation.
    api.message(731, code)
    await run_until(make_bot(config, ticket_store), lambda: not api.updates)
    with ticket_store.reading() as s:
        assert len(s.scalars(select(Message)).all()) == 2


async def test_link_with_a_wrong_code_three_times_locks(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    add_customer(ticket_store)
    api.message(741, "/link")
    api.message(741, "104233")  # the identifier, asked for by /link
    await run_until(make_bot(config, ticket_store), lambda: len(api.texts_to(741)) == 2)
    code = mail_code(verification_mails(ticket_store)[0])
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    for _ in range(3):
        api.message(741, wrong, lang="en")
    api.message(741, code, lang="en")  # too late: locked
    await run_until(make_bot(config, ticket_store), lambda: len(api.texts_to(741)) == 6)
    answers = api.texts_to(741)[2:]
    assert "2 more tries" in answers[0] and "1 more tries" in answers[1]
    assert all("Too many wrong tries" in a for a in answers[2:])
    contact = contact_of(ticket_store, 741)
    assert contact is not None and contact.customer_id is None


async def test_link_for_an_unknown_customer_answers_the_same_and_sends_nothing(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    add_customer(ticket_store)
    api.message(751, "/link 104233")
    api.message(752, "/link 999999")
    api.message(753, "/link niemand@example.org")
    await run_until(make_bot(config, ticket_store), lambda: all(api.texts_to(c) for c in (751, 752, 753)))
    assert api.texts_to(751) == api.texts_to(752) == api.texts_to(753)
    assert len(verification_mails(ticket_store)) == 1
