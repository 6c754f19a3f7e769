"""The informational commands: /start (privacy notice), /status (this chat's open tickets), /privacy."""

from __future__ import annotations

import asyncio
from datetime import date

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message

from bots import replies
from bots.config import TelegramConfig
from bots.convert import MediaResult, to_inbound
from bots.operations import BotOperations
from bots.texts import Lang, lang_of, text
from privacy.office import Office


async def start(message: Message, config: TelegramConfig) -> None:
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    await replies.answer(message, text(lang, "start", privacy_url=config.privacy_url))


async def status(message: Message, ops: BotOperations) -> None:
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    tickets = await asyncio.to_thread(ops.open_tickets, message.chat.id)
    if not tickets:
        await replies.answer(message, text(lang, "status_none"))
        return
    lines = [text(lang, "status_head")]
    for t in tickets:
        subject = t.subject if len(t.subject) <= 60 else t.subject[:59] + "…"
        lines.append(text(lang, "status_line", number=t.number, state=text(lang, f"state_{t.status}"),
                          subject=subject or "-"))
    await replies.answer(message, "\n".join(lines))


async def privacy(message: Message, ops: BotOperations) -> None:
    """``/privacy [words]``: a real request, on the clock from now (intake.hooks.PrivacyHook opens it);
    the answer names the ticket and the day we answer by, and asks which right when the words do not say."""
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    outcome = await asyncio.to_thread(ops.record_privacy_request, to_inbound(message, MediaResult()))
    opened = await asyncio.to_thread(_request_of, ops, outcome.ticket_id, lang)
    if opened is None:
        await replies.answer(message, text(lang, "privacy_ack", number=outcome.ticket_number))
        return
    due, has_types = opened
    key = "privacy_opened" if has_types else "privacy_opened_which"
    await replies.answer(message, text(lang, key, number=outcome.ticket_number, due=due.strftime("%d-%m-%Y")))


def _request_of(ops: BotOperations, ticket_id: int | None, lang: Lang) -> tuple[date, bool] | None:
    """The request the command opened on its ticket (its due date, whether it has types), in the user's
    Telegram language from now on: a two-word command says nothing about the language it was typed in."""
    if ticket_id is None:
        return None
    with ops.store.writing() as session:
        req = Office.open_request_of_ticket(session, ticket_id)
        if req is None:
            return None
        if req.source == "command":
            req.lang = lang
        return req.due_on, bool(req.types)


def make_router() -> Router:
    router = Router(name="commands")
    router.message.filter(F.chat.type == "private")
    router.message.register(start, CommandStart())
    router.message.register(status, Command("status"))
    router.message.register(privacy, Command("privacy"))
    return router
