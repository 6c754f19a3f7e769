"""Fixtures: the fake Bot API on loopback and the real bot wired to a real store and pipeline."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bots.config import TelegramConfig
from bots.operations import BotOperations
from bots.telegram import TelegramBot
from intake.pipeline import Intake
from privacy.verification import Verifier
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.fakes import FakeScrubber
from tests.support.netutil import free_port as free_port
from tests.support.paths import REPO
from tickets.store import TicketStore

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


ROOT = REPO


def bot_serve(api: FakeBotApi, db_url: str, tmp_path: Path, *, output: int | None = subprocess.PIPE,
              ) -> Callable[[], subprocess.Popen[bytes]]:
    """A starter of ``scrubdesk serve`` processes with the bot pointed at the fake Bot API (fresh ports each)."""
    (tmp_path / "scrubdesk.toml").write_text('[smtp]\naccept = ["support@localhost"]\n')
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path),
               SCRUBDESK_CONFIG=str(tmp_path / "scrubdesk.toml"), SCRUBDESK_TELEGRAM__TOKEN=TOKEN,
               SCRUBDESK_TELEGRAM__API_BASE=api.base, SCRUBDESK_TELEGRAM__POLL_TIMEOUT="1")

    def start() -> subprocess.Popen[bytes]:
        ports = dict(SCRUBDESK_SMTP__PORT=str(free_port()), SCRUBDESK_WEB__PORT=str(free_port()))
        return subprocess.Popen([sys.executable, "-m", "app", "serve"], env=dict(env, **ports), cwd=ROOT,
                                stdout=output, stderr=subprocess.STDOUT if output is not None else None)

    return start
