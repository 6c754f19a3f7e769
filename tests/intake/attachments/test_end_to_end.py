"""Attachments through real SMTP into a real ``serve`` (issue 17): afterwards no planted value is in any
file under the data directory, OCR of every stored image finds none, kept values are still readable,
and the copy of an identity document is gone with the ticket saying so."""

from __future__ import annotations

import io
import os
import signal
import smtplib
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from PIL import Image

from intake.attachments import ocr
from tests.intake.smtp.test_crash import wait_port
from tests.support import attachment_files as files
from tests.support.netutil import free_port
from tests.support.paths import REPO

PLANTED = (files.BSN, files.IBAN, files.PASSWORD, files.PHONE, files.EMAIL, files.NAME)


def _mail() -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "klant@example.org"
    mail["To"] = "support@localhost"
    mail["Subject"] = "Mijn documenten"
    mail["Message-ID"] = "<attachments-e2e@example.org>"
    mail.set_content("Hallo, in de bijlagen mijn gegevens en een schermafdruk.\n")
    parts: list[tuple[str, bytes]] = [
        (f"factuur {files.NAME}.pdf", files.pdf([files.LINES, ["pagina twee"], ["pagina drie"]])),
        ("brief.docx", files.docx()),
        ("lijst.xlsx", files.xlsx()),
        ("brief.odt", files.odt()),
        ("export.dat", b"\x00\x03" + files.BSN.encode() + files.IBAN.encode() + b"\x00"),
        ("map.zip", files.zip_archive({f"bsn {files.BSN}.txt": files.IBAN.encode()})),
        ("scherm.png", files.screenshot()),
        ("paspoort.png", files.passport()),
        ("scan.pdf", files.scanned_pdf()),
    ]
    for name, data in parts:  # all as octet-stream: the declared type is not believed anyway
        mail.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    mail.add_attachment(files.eml("Doorgestuurd", [("brief.docx", "application/octet-stream", files.docx())]),
                        maintype="application", subtype="octet-stream", filename="doorgestuurd.eml")
    return mail


def _findings(root: Path) -> list[str]:
    return [f"{path.name}: {value}" for path in root.rglob("*") if path.is_file()
            for value in PLANTED if value.encode() in path.read_bytes()]


@pytest.mark.slow
@pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")
def test_planted_values_in_attachments_rest_nowhere(tmp_path: Path) -> None:
    data_dir, log = tmp_path / "var", tmp_path / "serve.log"
    smtp_port, web_port = free_port(), free_port()
    config = tmp_path / "scrubdesk.toml"
    config.write_text('[smtp]\naccept = ["support@localhost"]\n')
    env = dict(os.environ, SCRUBDESK_DATABASE_URL=f"sqlite:///{tmp_path / 'store.sqlite3'}",
               SCRUBDESK_DATA_DIR=str(data_dir), SCRUBDESK_CONFIG=str(config),
               SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port))
    env.pop("SCRUBDESK_DEPLOYMENT_KEY", None)
    with log.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        wait_port(smtp_port, proc, timeout=120)
        wait_port(web_port, proc, timeout=120)
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=300) as client:
            client.send_message(_mail())
        auth = {"Authorization": f"Bearer {(data_dir / 'api-token').read_text().strip()}"}
        base = f"http://127.0.0.1:{web_port}"
        (ticket,) = httpx.get(f"{base}/api/tickets", headers=auth).json()["tickets"]
        listed = httpx.get(f"{base}/api/tickets/{ticket['number']}/attachments", headers=auth).json()
        renditions = {a["kind"] + ":" + str(a["id"]): httpx.get(base + a["download"], headers=auth).content
                      for a in listed if a["download"]}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    assert proc.returncode == 0, log.read_text()[-2000:]
    kinds = [a["kind"] for a in listed]
    assert kinds == ["document", "document", "document", "document", "other", "archive", "image", "identity",
                     "document", "mail"], kinds
    identity = listed[7]
    assert identity["note"] == "identity document removed on arrival" and identity["download"] is None
    assert _findings(tmp_path) == []  # database files, data directory, serve's log
    for key, content in renditions.items():
        if key.startswith("image:"):
            seen = ocr.read_words(Image.open(io.BytesIO(content)), languages="nld+eng", seconds=60).text
            assert [v for v in PLANTED if v in seen] == [] and files.CUSTOMER in seen, key
        else:
            assert [v for v in PLANTED if v.encode() in content] == [], key
    pdf_text = renditions[f"document:{listed[0]['id']}"].decode()
    assert files.CUSTOMER in pdf_text and files.DOMAIN in pdf_text and "pagina drie" in pdf_text
    scan_text = renditions[f"document:{listed[8]['id']}"].decode()
    assert files.CUSTOMER in scan_text and "<IBAN_" in scan_text  # read by OCR, then scrubbed
