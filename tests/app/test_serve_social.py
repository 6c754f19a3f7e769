"""``scrubdesk serve`` as a real subprocess with the social channels configured.

A signed Messenger webhook becomes a ticket through the running web app, the contact form is served,
and an agent's reply queued in the outbox reaches a fake Graph API on loopback through serve's own
outbox worker. The logs carry no message content.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select

from intake import generic_webhook, social
from models import Message, OutboxEntry, OutboxStatus, Ticket
from models.db import make_engine
from tests.intake.smtp.test_crash import wait_port
from tests.support.fake_graph import FakeGraph
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tests.web.public.conftest import APP_SECRET, VERIFY_TOKEN, fixture_json
from tickets import outbox
from tickets.store import TicketStore

ROOT = REPO


def test_serve_runs_the_social_channels(db_url: str, tmp_path: Path, graph: FakeGraph) -> None:
    (tmp_path / "scrubdesk.toml").write_text(f"""
[smtp]
accept = ["support@localhost"]

[social]
meta_app_secret = "{APP_SECRET}"
meta_verify_token = "{VERIFY_TOKEN}"
page_access_token = "page-token"
graph_base_url = "{graph.url}"

[social.webhook_secrets]
signal = "generic-secret"
""")
    smtp_port, web_port = free_port(), free_port()
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(tmp_path),
               SCRUBDESK_CONFIG=str(tmp_path / "scrubdesk.toml"), SCRUBDESK_SMTP__PORT=str(smtp_port),
               SCRUBDESK_WEB__PORT=str(web_port))
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    engine = make_engine(db_url)
    ticket_store = TicketStore(engine)
    try:
        wait_port(web_port, proc)
        base = f"http://127.0.0.1:{web_port}"
        payload = fixture_json("messenger_events.json")
        now_ms = int(time.time() * 1000)
        for event in payload["entry"][0]["messaging"]:  # type: ignore[index]
            event["timestamp"] = now_ms
        body = json.dumps(payload).encode()
        response = httpx.post(f"{base}/webhooks/meta", content=body,
                              headers={social.SIGNATURE_HEADER: social.sign(body, APP_SECRET)}, timeout=60)
        assert response.status_code == 200 and response.json()["stored"] == 5
        challenge = httpx.get(f"{base}/webhooks/meta", params={
            "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "42"})
        assert challenge.text == "42"
        generic = json.dumps({"external_id": "g1", "sender": "s1", "text": "Hallo"}).encode()
        stamp = int(time.time())
        assert httpx.post(f"{base}/webhooks/generic/signal", content=generic, timeout=60, headers={
            generic_webhook.SIGNATURE_HEADER: generic_webhook.sign(generic, "generic-secret", stamp),
            generic_webhook.TIMESTAMP_HEADER: str(stamp)}).json()["status"] == "stored"
        form = httpx.get(f"{base}/contact")
        assert form.status_code == 200 and 'name="csrf_token"' in form.text
        assert "style-src 'nonce-" in form.headers["content-security-policy"]

        with ticket_store.writing() as s:
            ticket = s.scalars(select(Ticket).where(Ticket.channel == "messenger")).one()
            assert "Zomer2024!" not in " ".join(m.text for m in s.scalars(select(Message)))
            entry_id = outbox.enqueue(s, channel="messenger", kind="reply", ticket_id=ticket.id,
                                      payload={"text": "We hebben uw wachtwoord gereset."}).id
        deadline = time.monotonic() + 20
        while not graph.requests and time.monotonic() < deadline:
            time.sleep(0.1)
        (request,) = graph.requests
        assert request["json"]["recipient"] == {"id": "6543210987654321"}
        assert request["json"]["message"]["text"] == "We hebben uw wachtwoord gereset."
        for _ in range(200):
            with ticket_store.reading() as s:
                entry = s.get(OutboxEntry, entry_id)
                if entry is not None and entry.status == OutboxStatus.SENT:
                    break
            time.sleep(0.1)
        else:
            raise AssertionError("the outbox entry was not marked sent")

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        output = proc.stdout.read().decode() if proc.stdout else ""
        assert "serve: stopped" in output
        for content in ("Zomer2024", "inloggen", "wachtwoord", "6543210987654321"):
            assert content not in output
    except AssertionError as exc:
        if proc.poll() is None:
            proc.kill()
        output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        raise AssertionError(f"{exc}\n--- serve output ---\n{output[-4000:]}") from exc
    finally:
        if proc.poll() is None:
            proc.kill()
        engine.dispose()
