"""Fixtures: the fake Bot API on loopback and the real bot wired to a real store and pipeline."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Iterator

import pytest
from pydantic import SecretStr

from bots.config import TelegramConfig
from bots.operations import BotOperations
from bots.telegram import TelegramBot
from intake.pipeline import Intake
from tests.fakes import FakeScrubber
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi
from tickets.store import TicketStore
from tickets.verification import Verifier

KEY = b"k" * 32


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi().start()
    yield server
    server.stop()


@pytest.fixture
def config(api: FakeBotApi) -> TelegramConfig:
    return TelegramConfig(token=SecretStr(TOKEN), api_base=api.base, poll_timeout=1,
                          privacy_url="https://hoster.example/privacy")


def make_bot(config: TelegramConfig, ticket_store: TicketStore, scrubber: object | None = None) -> TelegramBot:
    intake = Intake(ticket_store, scrubber or FakeScrubber())  # type: ignore[arg-type]
    return TelegramBot(config, BotOperations(intake, ticket_store, Verifier(KEY)))


async def run_until(bot: TelegramBot, done: Callable[[], bool], limit: float = 20.0) -> None:
    """Run the bot's polling loop until ``done()`` holds, then stop it cleanly."""
    stop = asyncio.Event()
    task = asyncio.create_task(bot.run(stop))
    deadline = time.monotonic() + limit
    try:
        while not done():
            if task.done():
                task.result()
                raise AssertionError("the bot stopped by itself")
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the bot")
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
