"""The Telegram bot: aiogram 3, one ``Router`` per feature, run inside ``scrubdesk serve``.

``TelegramBot.run(stop)`` long-polls by default (no public HTTPS needed) or, in webhook mode,
registers the webhook and leaves the updates to ``webhook_router()`` on the web app. Replies from the
workspace go out through the outbox with ``TelegramSender`` (``sender()``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand, Update
from fastapi import APIRouter

from bots import commands, conversation, linking
from bots.config import TelegramConfig
from bots.operations import BotOperations
from bots.polling import ALLOWED_UPDATES, Backoff, Poller, sleep_unless_stopped
from bots.texts import COMMANDS
from bots.webhook import webhook_router
from intake.pipeline import Intake
from outbound.telegram import TelegramSender
from privacy.verification import Verifier
from tickets.store import TicketStore

log = logging.getLogger(__name__)


def build_dispatcher(config: TelegramConfig, ops: BotOperations) -> Dispatcher:
    """The routers in order: commands, then /link and its code, then everything else as messages."""
    dispatcher = Dispatcher(config=config, ops=ops)
    dispatcher.include_routers(commands.make_router(), linking.make_router(), conversation.make_router())
    return dispatcher


class TelegramBot:
    def __init__(self, config: TelegramConfig, ops: BotOperations) -> None:
        if config.token is None:
            raise ValueError("a Telegram bot token is required")
        self.config = config
        self.ops = ops
        session = AiohttpSession(api=TelegramAPIServer.from_base(config.api_base))
        self.bot = Bot(config.token.get_secret_value(), session=session)
        self.dispatcher = build_dispatcher(config, ops)
        self.poller = Poller(self.bot, self.dispatcher, timeout=config.poll_timeout)

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop`` is set; never raises for Telegram or store trouble (it retries)."""
        try:
            if not await self._prepare(stop):
                return
            log.info("telegram: bot running mode=%s", self.config.mode)
            if self.config.mode == "polling":
                await self.poller.run(stop)
            else:
                await stop.wait()
        finally:
            await self.bot.session.close()
            log.info("telegram: bot stopped")

    async def _prepare(self, stop: asyncio.Event) -> bool:
        """Switch Telegram to our mode: getUpdates refuses to work while a webhook is set."""
        backoff = Backoff()
        while not stop.is_set():
            try:
                if self.config.mode == "polling":
                    await self.bot.delete_webhook(drop_pending_updates=False)
                else:
                    await self.bot.set_webhook(
                        self.config.webhook_address(),
                        secret_token=self.config.secret_token(),
                        allowed_updates=list(ALLOWED_UPDATES),
                    )
                await self._set_commands()
                return True
            except Exception as exc:
                delay = backoff.next_delay()
                log.warning("telegram: setup failed (%s), retrying in %.1fs", type(exc).__name__, delay)
                await sleep_unless_stopped(stop, delay)
        return False

    async def _set_commands(self) -> None:
        """The command menu in Dutch (default) and English; a failure here only costs the menu."""
        try:
            for lang, commands_ in COMMANDS.items():
                await self.bot.set_my_commands(
                    [BotCommand(command=c, description=d) for c, d in commands_],
                    language_code=None if lang == "nl" else lang,
                )
        except Exception as exc:
            log.warning("telegram: setMyCommands failed (%s)", type(exc).__name__)

    def polling_term(self, loop: asyncio.AbstractEventLoop) -> Callable[[threading.Event], None]:
        """Work for ``app.single_consumer.RoleRunner``: poll on ``loop`` until the term ends.

        Telegram allows one ``getUpdates`` consumer per bot (HTTP 409 otherwise), so with several
        ``serve`` processes only the holder of the "telegram" role polls; the others stand by.
        """

        def term(term_stop: threading.Event) -> None:
            stop = asyncio.Event()
            future = asyncio.run_coroutine_threadsafe(self.run(stop), loop)
            while not term_stop.wait(0.5) and not future.done():
                pass
            loop.call_soon_threadsafe(stop.set)
            future.result(timeout=60)

        return term

    async def feed(self, payload: dict[str, Any]) -> None:
        """Handle one update from the webhook; returns after the handler committed."""
        update = Update.model_validate(payload, context={"bot": self.bot})
        await self.dispatcher.feed_update(self.bot, update)

    def webhook_router(self) -> APIRouter:
        return webhook_router(self.config.webhook_path, self.config.secret_token(), self.feed)

    def sender(self) -> TelegramSender:
        assert self.config.token is not None
        return TelegramSender(self.config.token.get_secret_value(), self.ops.store, api_base=self.config.api_base)


def build_bot(
    config: TelegramConfig, intake: Intake, ticket_store: TicketStore, verification_key: bytes
) -> TelegramBot:
    """The bot wired to the core; ``verification_key`` is the key of /link codes (shared by all processes)."""
    verifier = Verifier(
        verification_key,
        ttl=timedelta(minutes=config.link_code_minutes),
        max_attempts=config.link_max_attempts,
    )
    return TelegramBot(config, BotOperations(intake, ticket_store, verifier))
