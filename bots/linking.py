"""/link: connect this chat to a customer account with a one-time code sent to the address on file.

``/link 104233`` or ``/link name@example.nl`` (or ``/link`` and then the identifier) issues a code
through ``privacy.verification``; the e-mail goes out through the outbox (channel "email", kind
"verification"). A six-digit message while a code is pending is taken as the code, not stored as a
ticket message; whether a code is pending is read from the database, so it survives a restart.
"""

from __future__ import annotations

import asyncio
import re

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bots import replies
from bots.config import TelegramConfig
from bots.operations import BotOperations
from bots.texts import lang_of, text
from privacy.verification import CheckStatus

CODE = re.compile(r"^\s*\d{3}\s?\d{3}\s*$")


class LinkFlow(StatesGroup):
    identifier = State()


async def _issue(message: Message, identifier: str, ops: BotOperations, config: TelegramConfig) -> None:
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    result = await asyncio.to_thread(ops.start_link, message.chat.id, identifier, lang)
    if result == "throttled":
        await replies.answer(message, text(lang, "link_throttled"))
    else:
        await replies.answer(message, text(lang, "link_sent", minutes=config.link_code_minutes))


async def link(
    message: Message, command: CommandObject, state: FSMContext, ops: BotOperations, config: TelegramConfig
) -> None:
    if command.args and command.args.strip():
        await state.clear()
        await _issue(message, command.args, ops, config)
        return
    await state.set_state(LinkFlow.identifier)
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    await replies.answer(message, text(lang, "link_ask"))


async def identifier(message: Message, state: FSMContext, ops: BotOperations, config: TelegramConfig) -> None:
    await state.clear()
    await _issue(message, message.text or "", ops, config)


async def code(message: Message, ops: BotOperations) -> None:
    if not await asyncio.to_thread(ops.has_pending_code, message.chat.id):
        raise SkipHandler  # just a number in the conversation: the conversation router stores it
    lang = lang_of(message.from_user.language_code if message.from_user else None)
    result = await asyncio.to_thread(ops.finish_link, message.chat.id, message.text or "")
    if result.status is CheckStatus.OK:
        await replies.answer(message, text(lang, "link_ok"))
    elif result.status is CheckStatus.WRONG:
        await replies.answer(message, text(lang, "link_wrong", left=result.attempts_left))
    elif result.status is CheckStatus.EXPIRED:
        await replies.answer(message, text(lang, "link_expired"))
    else:
        await replies.answer(message, text(lang, "link_locked"))


def make_router() -> Router:
    router = Router(name="linking")
    router.message.filter(F.chat.type == "private")
    router.message.register(link, Command("link"))
    router.message.register(identifier, LinkFlow.identifier, F.text)
    router.message.register(code, F.text.regexp(CODE))
    return router
