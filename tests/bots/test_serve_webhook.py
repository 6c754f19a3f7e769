"""``scrubdesk serve`` in webhook mode: it registers the webhook and takes updates on the web port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bots.webhook import SECRET_HEADER
from models import Message
from models.db import make_engine
from tests.bots.conftest import free_port
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.paths import REPO
from tickets.store import TicketStore

ROOT = REPO


@pytest.mark.slow
def test_serve_registers_the_webhook_and_stores_posted_updates(api: FakeBotApi, db_url: str, tmp_path: Path) -> None:
    (tmp_path / "scrubdesk.toml").write_text('[smtp]\naccept = ["support@localhost"]\n')
    web_port = free_port()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path),
               SCRUBDESK_CONFIG=str(tmp_path / "scrubdesk.toml"), SCRUBDESK_TELEGRAM__TOKEN=TOKEN,
               SCRUBDESK_TELEGRAM__API_BASE=api.base, SCRUBDESK_TELEGRAM__MODE="webhook",
               SCRUBDESK_TELEGRAM__WEBHOOK_URL="https://desk.example", SCRUBDESK_SMTP__PORT=str(free_port()),
               SCRUBDESK_WEB__PORT=str(web_port))
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    engine = make_engine(db_url)
    try:
        deadline = time.monotonic() + 120
        while api.webhook is None:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        assert api.webhook["url"] == "https://desk.example/telegram/webhook"
        secret = str(api.webhook["secret_token"])
        update = {"update_id": 5, "message": {
            "message_id": 77, "date": 1700000000, "text": "Mijn BSN is 111222333, de site is stuk",
            "chat": {"id": 4242, "type": "private"}, "from": {"id": 4242, "is_bot": False, "first_name": "K"}}}
        url = f"http://127.0.0.1:{web_port}/telegram/webhook"
        while True:
            try:
                response = httpx.post(url, json=update, headers={SECRET_HEADER: "wrong"})
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert response.status_code == 401
        assert httpx.post(url, json=update, headers={SECRET_HEADER: secret}, timeout=30).status_code == 200
        with TicketStore(engine).reading() as s:
            [message] = s.scalars(select(Message)).all()
        assert message.external_id == "4242:77" and "111222333" not in message.text
        assert not [c for c in api.calls if c[0] == "getUpdates"]  # no polling in webhook mode
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        engine.dispose()
