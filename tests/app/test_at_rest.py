"""Nothing in clear at rest (issue #15): planted values reach a real ``serve`` through real SMTP, an
agent's reply goes out through a real smarthost, and afterwards no planted value is found in any
byte of any file ``serve`` wrote (database, WAL, shared memory, keys, logs) nor in a PostgreSQL dump
of the store; every file it wrote is readable by its owner only."""

from __future__ import annotations

import os
import shutil
import signal
import smtplib
import stat
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO
from tests.support.smtp_sink import SmtpSink

BSN, IBAN, PASSWORD, PHONE = "111222333", "NL91ABNA0417164300", "Zomer2024!x", "0612345678"
PLANTED = (BSN, IBAN, PASSWORD, PHONE, "NL91 ABNA 0417 1643 00")


def _planted_mail() -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f'"Klaas {BSN}" <klaas@example.nl>'
    mail["To"] = "support@localhost"
    mail["Subject"] = f"BSN {BSN} en IBAN {IBAN}"
    mail["Message-ID"] = f"<bsn{BSN}.{IBAN}.klaas@example.nl>"
    mail.set_content(f"Hallo,\n\nMijn BSN is {BSN}, mijn IBAN NL91 ABNA 0417 1643 00 en mijn wachtwoord: "
                     f"{PASSWORD}\nBel me op {PHONE}.\n\nGroet, Klaas\n")
    mail.add_attachment(f"BSN {BSN}\nIBAN {IBAN}\nwachtwoord: {PASSWORD}\ntel {PHONE}\n".encode(),
                        maintype="text", subtype="plain", filename=f"notes-{BSN}.txt")
    mail.add_attachment(b"%PDF-1.4 nothing to see", maintype="application", subtype="octet-stream",
                        filename=f"paspoort {IBAN}.dat")
    return mail


def _deep_mail(depth: int = 3000) -> bytes:
    """A multipart nested ``depth`` levels deep whose innermost part is base64 of the planted values."""
    import base64

    inner = base64.b64encode(f"BSN {BSN} IBAN {IBAN} wachtwoord {PASSWORD}".encode()).decode()
    head = (b"From: deep@example.nl\r\nTo: support@localhost\r\nSubject: diep\r\n"
            b"Message-ID: <deep-1@example.nl>\r\nMIME-Version: 1.0\r\n")
    parts = [f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(depth)]
    tail = [f"\r\n--b{i}--\r\n" for i in reversed(range(depth))]
    body = "".join(parts) + f"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{inner}\r\n"
    return head + (body + "".join(tail)).encode()


def _serve(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT)


def _file_findings(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {value}" for value in PLANTED if value.encode() in data]
    return found


def _loose_modes(root: Path) -> list[str]:
    loose = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            loose.append(f"{path.name}: {mode:03o}")
    return loose


@pytest.mark.slow
def test_planted_values_rest_nowhere_in_clear(db_url: str, tmp_path: Path) -> None:
    data_dir, log = tmp_path / "var", tmp_path / "serve.log"
    smtp_port, web_port = free_port(), free_port()
    with SmtpSink() as smarthost:
        config = tmp_path / "scrubdesk.toml"
        config.write_text(f'[smtp]\naccept = ["support@localhost"]\n\n[outbound_mail]\nhost = "127.0.0.1"\n'
                          f'port = {smarthost.port}\nsecurity = "none"\nfrom_address = "support@host.test"\n')
        env = dict(os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(data_dir),
                   SCRUBDESK_CONFIG=str(config), SCRUBDESK_SMTP__PORT=str(smtp_port),
                   SCRUBDESK_WEB__PORT=str(web_port))
        env.pop("SCRUBDESK_DEPLOYMENT_KEY", None)  # one process: it keeps its own key in the data directory
        old_umask = os.umask(0o022)  # what a shell usually gives: serve must not rely on it
        try:
            proc = _serve(env, log)
        finally:
            os.umask(old_umask)
        try:
            wait_port(smtp_port, proc)
            wait_port(web_port, proc)
            with smtplib.SMTP("127.0.0.1", smtp_port) as client:
                client.send_message(_planted_mail())
                try:
                    client.sendmail("deep@example.nl", ["support@localhost"], _deep_mail())
                except smtplib.SMTPResponseException as exc:  # a 451 asks the relay to retry: nothing stored
                    assert 400 <= exc.smtp_code < 500
            token = (data_dir / "api-token").read_text().strip()
            auth = {"Authorization": f"Bearer {token}"}
            base = f"http://127.0.0.1:{web_port}"
            numbers = [t["number"] for t in httpx.get(f"{base}/api/tickets", headers=auth).json()["tickets"]]
            assert numbers
            reply = httpx.post(f"{base}/api/tickets/{numbers[-1]}/reply", headers=auth,
                               json={"text": f"Beste Klaas, uw IBAN {IBAN} en BSN {BSN} zijn genoteerd."})
            assert reply.status_code == 201
            smarthost.wait_for(2)  # the acknowledgement and the reply went out (and their payloads went)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    assert proc.returncode == 0, log.read_text()[-2000:]
    assert _file_findings(tmp_path) == []  # the data directory, the SQLite files, serve's log
    assert _loose_modes(data_dir) == []
    assert [f.name for f in tmp_path.glob("store.sqlite3*") if stat.S_IMODE(f.stat().st_mode) & 0o077] == []
    if make_url(db_url).get_backend_name() == "postgresql":
        assert _dump_findings(db_url) == []


def _dump_findings(db_url: str) -> list[str]:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump is not installed")
    url = make_url(db_url)
    schema = url.query["options"].rpartition("=")[2] if "options" in url.query else "public"
    dump = subprocess.run([pg_dump, "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432), "-U",
                           url.username or "postgres", "-n", schema, url.database or "test"],
                          capture_output=True, check=True).stdout
    return [value for value in PLANTED if value.encode() in dump]
