"""The informational commands: /start (privacy notice), /status (this chat's open tickets), /privacy."""

from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message

from bots import replies
from bots.config import TelegramConfig
from bots.convert import MediaResult, to_inbound
from bots.operations import BotOperations
from bots.texts import lang_of, text


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
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    outcome = await asyncio.to_thread(ops.record_privacy_request, to_inbound(message, MediaResult()))
    await replies.answer(message, text(lang, "privacy_ack", number=outcome.ticket_number))


def make_router() -> Router:
    router = Router(name="commands")
    router.message.filter(F.chat.type == "private")
    router.message.register(start, CommandStart())
    router.message.register(status, Command("status"))
    router.message.register(privacy, Command("privacy"))
    return router
