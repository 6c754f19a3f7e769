"""The ``scrubdesk`` commands, run as a real subprocess, and ``serve``'s web side and shutdown."""

from __future__ import annotations

import json
import os
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from models import Contact, Customer, Message
from models.db import make_engine
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tickets.store import TicketStore

ROOT = REPO
MAIL = (b"From: Jan de Vries <jan@example.nl>\r\nTo: support@localhost\r\nSubject: Inloggen\r\n"
        b"Message-ID: <cli-1@example.nl>\r\n\r\nMijn BSN is 111222333, bel 06-12345678.\r\n")


def scrubdesk(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def offline_env(tmp_path: Path) -> dict[str, str]:
    """For the commands that read no database (mail parse, scrub): run once, not once per database."""
    (tmp_path / "scrubdesk.toml").write_text('[smtp]\naccept = ["support@localhost"]\n')
    return dict(os.environ, SCRUBDESK_DATA_DIR=str(tmp_path), SCRUBDESK_CONFIG=str(tmp_path / "scrubdesk.toml"))


@pytest.fixture
def env(db_url: str, offline_env: dict[str, str]) -> dict[str, str]:
    return dict(offline_env, SCRUBDESK_DATABASE_URL=db_url)


def test_db_upgrade_inject_and_customers_import(env: dict[str, str], db_url: str, tmp_path: Path) -> None:
    assert scrubdesk(env, "db", "upgrade").returncode == 0
    csv = tmp_path / "klanten.csv"
    csv.write_text("klantnummer;naam;e-mail;telefoon;adres\n104233;Jan de Vries;JAN@example.nl;0612345678;"
                   "Kerkstraat 1\n;zonder nummer;x@y.nl;;\n")
    imported = scrubdesk(env, "customers", "import", str(csv))
    assert imported.returncode == 0, imported.stderr
    assert "1 added" in imported.stdout and "line 3" in imported.stderr
    eml = tmp_path / "m.eml"
    eml.write_bytes(MAIL)
    out = scrubdesk(env, "inject", str(eml))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["status"] == "stored" and result["new_ticket"]
    assert json.loads(scrubdesk(env, "inject", str(eml)).stdout)["status"] == "duplicate"
    store = TicketStore(make_engine(db_url))
    with store.reading() as s:
        msg = s.scalars(select(Message)).one()
        assert "111222333" not in msg.text and "06-12345678" not in msg.text
        contact = s.scalars(select(Contact)).one()
        customer = s.scalars(select(Customer)).one()
        assert contact.customer_id == customer.id and customer.email == "jan@example.nl"
    store.engine.dispose()


def test_mail_parse_json(offline_env: dict[str, str], tmp_path: Path) -> None:
    env = offline_env
    eml = tmp_path / "m.eml"
    eml.write_bytes(MAIL)
    summary = scrubdesk(env, "mail", "parse", str(eml))  # without --json: a summary for people (issue 20)
    assert summary.returncode == 0 and "Inloggen" in summary.stdout, summary.stderr
    out = scrubdesk(env, "mail", "parse", str(eml), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"message_id", "in_reply_to", "references", "from", "to", "cc", "subject", "text",
                         "auto_submitted", "bounce", "attachments", "notes"}
    assert data["message_id"] == "cli-1@example.nl" and data["auto_submitted"] is False


def test_scrub_plain_and_jsonl(offline_env: dict[str, str]) -> None:
    env = offline_env
    plain = scrubdesk(env, "scrub", stdin="Mijn IBAN is NL91 ABNA 0417 1643 00.")
    assert plain.returncode == 0 and "NL91" not in plain.stdout and "<IBAN_1>" in plain.stdout
    line = json.dumps({"id": "x", "text": "BSN 111222333"})
    out = json.loads(scrubdesk(env, "scrub", "--jsonl", stdin=line + "\n").stdout)
    assert out["id"] == "x" and out["entities"][0]["type"] == "NATIONAL_ID"
    assert out["entities"][0]["start"] == 4


def test_serve_health_api_and_clean_sigterm(env: dict[str, str], tmp_path: Path) -> None:
    smtp_port, web_port = free_port(), free_port()
    env = dict(env, SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port))
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_port(smtp_port, proc)
        wait_port(web_port, proc)
        with smtplib.SMTP("127.0.0.1", smtp_port) as c:
            c.sendmail("jan@example.nl", ["support@localhost"], MAIL)
        base = f"http://127.0.0.1:{web_port}"
        assert httpx.get(f"{base}/health").json() == {"status": "ok"}
        assert httpx.get(f"{base}/api/tickets").status_code == 401
        assert httpx.get(f"{base}/api/tickets", headers={"Authorization": "Bearer wrong"}).status_code == 401
        token = (tmp_path / "api-token").read_text().strip()
        page = httpx.get(f"{base}/api/tickets", headers={"Authorization": f"Bearer {token}"}).json()
        [ticket] = page["tickets"]
        detail = httpx.get(f"{base}/api/tickets/{ticket['number']}",
                           headers={"Authorization": f"Bearer {token}"}).json()
        assert "111222333" not in json.dumps(detail)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        output = proc.stdout.read().decode() if proc.stdout else ""
        # Logs carry ids and counts, never content.
        assert "111222333" not in output and "Vries" not in output
        assert "serve: stopped" in output
    finally:
        if proc.poll() is None:
            proc.kill()
        time.sleep(0)
