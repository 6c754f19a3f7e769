"""``scrubdesk serve`` with the bot, killed with SIGKILL mid-conversation: nothing lost, nothing doubled.

The real process (real scrubber, real store, the serve wiring) polls the loopback Bot API. It is
killed while it works through a batch whose updates are committed but not yet confirmed; after a
restart Telegram (here: the fake) delivers them again and the idempotency key makes that harmless.
The restarted process's outbox worker then delivers an agent reply.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Message, Ticket
from models.db import make_engine
from tests.bots.conftest import bot_serve
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tickets import outbox
from tickets.store import TicketStore

CHATS = (9001, 9002, 9003, 9004)
PER_CHAT = 15


def wait_for(check: Callable[[], bool], proc: subprocess.Popen[bytes], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not check():
        assert proc.poll() is None, "serve exited"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.slow
def test_sigkill_mid_conversation_loses_and_duplicates_nothing(
    api: FakeBotApi, db_url: str, tmp_path: Path
) -> None:
    start = bot_serve(api, db_url, tmp_path)

    for i in range(PER_CHAT):
        for chat in CHATS:
            api.message(chat, f"Bericht {i} van {chat}: mijn IBAN is NL91 ABNA 0417 1643 00, bel 06-1234567{i % 10}")
    expected = {f"{u['message']['chat']['id']}:{u['message']['message_id']}" for u in api.updates}
    engine = make_engine(db_url)
    ticket_store = TicketStore(engine)

    def count() -> int:
        try:
            with ticket_store.reading() as s:
                return int(s.scalar(select(func.count(Message.id)).where(Message.channel == "telegram")) or 0)
        except Exception:  # the schema is created by serve on start-up
            return 0

    proc = start()
    try:
        wait_for(lambda: count() >= 12, proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    at_kill = count()
    confirmed = max(api.offsets, default=1) - 1
    assert at_kill < len(expected), "the kill came too late to test anything"
    # Some committed updates were not confirmed yet: they will be delivered again.
    assert at_kill > confirmed

    proc = start()
    try:
        wait_for(lambda: count() == len(expected) and not api.updates, proc)
        with ticket_store.reading() as s:
            messages = list(s.scalars(select(Message).where(Message.channel == "telegram")))
            tickets = list(s.scalars(select(Ticket)))
            ticket_of = {t.contact.address: t.id for t in tickets if t.contact is not None}
        assert sorted(m.external_id for m in messages) == sorted(expected)
        assert len(tickets) == len(CHATS)  # one conversation, one ticket, per chat
        assert not any("NL91" in m.text or "0417" in m.text for m in messages)
        # The restarted serve's outbox worker delivers an agent reply.
        with ticket_store.writing() as s:
            outbox.enqueue(s, channel="telegram", kind="reply", ticket_id=ticket_of[str(CHATS[0])],
                           payload={"to": str(CHATS[0]), "text": "We kijken ernaar."})
        wait_for(lambda: api.texts_to(CHATS[0]) == ["We kijken ernaar."], proc, limit=30)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
        output = proc.stdout.read().decode() if proc.stdout else ""
        leaks = [line for line in output.splitlines() if "NL91" in line or "Bericht" in line or TOKEN in line]
        assert leaks == [], leaks[:5]
        assert "telegram: bot stopped" in output
    finally:
        if proc.poll() is None:
            proc.kill()
        engine.dispose()
