"""Webhook mode: setWebhook with a secret token, and the endpoint that checks it before handling."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from bots.config import TelegramConfig
from bots.webhook import SECRET_HEADER, secret_matches
from intake.errors import TransientError
from models import Message
from tests.bots.conftest import make_bot
from tests.support.fake_bot_api import FakeBotApi
from tickets.store import TicketStore


def update(update_id: int, chat_id: int, text: str) -> dict[str, object]:
    return {"update_id": update_id, "message": {
        "message_id": update_id + 10, "date": 1700000000, "text": text,
        "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "K", "language_code": "nl"}}}


async def test_webhook_checks_the_secret_and_stores_after_commit(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    config = config.model_copy(update={"mode": "webhook", "webhook_url": "https://desk.example/"})
    bot = make_bot(config, ticket_store)
    stop = asyncio.Event()
    task = asyncio.create_task(bot.run(stop))
    for _ in range(100):
        if api.webhook:
            break
        await asyncio.sleep(0.05)
    assert api.webhook is not None
    assert api.webhook["url"] == "https://desk.example/telegram/webhook"
    secret = api.webhook["secret_token"]
    assert secret == config.secret_token() and len(secret) >= 32

    app = FastAPI()
    app.include_router(bot.webhook_router())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        path = config.webhook_path
        assert (await client.post(path, json=update(1, 901, "zonder geheim"))).status_code == 401
        bad = {SECRET_HEADER: secret[:-1] + ("0" if secret[-1] != "0" else "1")}
        assert (await client.post(path, json=update(2, 901, "fout geheim"), headers=bad)).status_code == 401
        good = {SECRET_HEADER: secret}
        assert (await client.post(path, json=update(3, 901, "goed geheim"), headers=good)).status_code == 200
        # Telegram re-delivers when unsure: the second delivery is a harmless duplicate.
        assert (await client.post(path, json=update(3, 901, "goed geheim"), headers=good)).status_code == 200
        assert (await client.post(path, content=b"[1]", headers=good)).status_code == 400
    with ticket_store.reading() as s:
        assert [m.text for m in s.scalars(select(Message))] == ["goed geheim"]
    stop.set()
    await asyncio.wait_for(task, 10)


def test_secret_comparison() -> None:
    assert secret_matches("abc", "abc")
    assert not secret_matches(None, "abc") and not secret_matches("abd", "abc") and not secret_matches("", "abc")


async def test_webhook_answers_503_while_the_store_is_down(
    api: FakeBotApi, config: TelegramConfig, ticket_store: TicketStore
) -> None:
    bot = make_bot(config, ticket_store)

    def down(msg: object) -> object:
        raise TransientError("store down")

    bot.ops.submit = down  # type: ignore[assignment,method-assign]
    app = FastAPI()
    app.include_router(bot.webhook_router())
    headers = {SECRET_HEADER: config.secret_token()}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.post(config.webhook_path, json=update(1, 902, "hallo"), headers=headers)
    assert response.status_code == 503  # Telegram re-delivers later
    await bot.bot.session.close()
