"""Telegram ``/privacy`` through the real bot and the fake Bot API: a real request on the clock, in the
user's language, with its types from the command's words or from the next message."""

from __future__ import annotations

from sqlalchemy import select

from bots.config import TelegramConfig
from bots.operations import BotOperations
from bots.telegram import TelegramBot
from intake.hooks import PrivacyHook
from intake.pipeline import Intake
from models import PrivacyRequest, RequestState
from privacy import deadline
from privacy.config import PrivacyConfig
from privacy.desk import PrivacyDesk
from privacy.recognition import recognize
from privacy.verification import Verifier
from tests.bots.conftest import KEY, run_until
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fakes import FakeScrubber
from tickets.replies import MailIdentity
from tickets.store import TicketStore


def privacy_bot(config: TelegramConfig, ticket_store: TicketStore) -> TelegramBot:
    desk = PrivacyDesk(ticket_store, Verifier(KEY), PrivacyConfig(public_url="http://desk.test"),
                       MailIdentity("support.test"))
    intake = Intake(ticket_store, FakeScrubber(), privacy=recognize,
                    after_commit=[PrivacyHook(desk)])
    return TelegramBot(config, BotOperations(intake, ticket_store, Verifier(KEY)))


def requests(ticket_store: TicketStore) -> list[PrivacyRequest]:
    with ticket_store.reading() as s:
        return list(s.scalars(select(PrivacyRequest).order_by(PrivacyRequest.id)))


async def test_privacy_command_starts_a_clock_and_asks_which_right(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.message(801, "/privacy", lang="nl")
    bot = privacy_bot(config, ticket_store)
    await run_until(bot, lambda: bool(api.texts_to(801)))
    [req] = requests(ticket_store)
    assert req.types == [] and req.state == RequestState.RECEIVED and req.source == "command"
    assert req.due_on == deadline.first_deadline(deadline.received_on(req.received_at))  # the clock runs
    assert req.lang == "nl"  # the user's Telegram language, not a guess from one word
    [answer] = api.texts_to(801)
    assert "geopend" in answer and req.due_on.strftime("%d-%m-%Y") in answer and "Wat wil je" in answer
    # The next message in the chat names the right: the request learns its type, nothing new opens.
    api.message(801, "ik wil dat jullie al mijn gegevens verwijderen", lang="nl")
    await run_until(bot, lambda: bool(requests(ticket_store)[0].types))
    [req] = requests(ticket_store)
    assert req.types == ["erasure"] and req.details.get("awaiting") == "identifier"


async def test_privacy_command_with_words_opens_the_typed_request_in_english(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    api.message(802, "/privacy please delete all my personal data", lang="en-GB")
    await run_until(privacy_bot(config, ticket_store), lambda: bool(api.texts_to(802)))
    [req] = requests(ticket_store)
    assert req.types == ["erasure"] and req.lang == "en"
    [answer] = api.texts_to(802)
    assert answer.startswith("Thank you, your privacy request has been opened") and "by " in answer
