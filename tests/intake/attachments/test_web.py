"""Agents open attachments: the ticket page, downloads with safe headers, the JSON API, the export."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from intake.attachments import ocr
from intake.message import InboundAttachment, InboundMessage
from models import Attachment, Channel
from privacy.export import attachment_files
from tests.support import attachment_files as files
from tests.web.conftest import API_TOKEN, Env, login
from tests.web.conftest import env as web_env  # noqa: F401  (the workspace's fixture, used by name below)


@pytest.fixture
def env(web_env: Env) -> Iterator[Env]:  # noqa: F811
    yield web_env


def submit(env: Env, external_id: str, *atts: InboundAttachment) -> int:
    out = env.intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=external_id, sender="klant@example.nl",
                                           subject="Bijlagen", text="Zie bijlagen", attachments=atts))
    assert out.status == "stored" and out.ticket_number is not None
    return out.ticket_number


def ids(env: Env, number: int) -> list[int]:
    r = env.client.get(f"/api/tickets/{number}/attachments", headers={"Authorization": f"Bearer {API_TOKEN}"})
    assert r.status_code == 200
    return [a["id"] for a in r.json()]


def test_agent_opens_the_scrubbed_text_of_a_pdf(env: Env) -> None:
    number = submit(env, "pdf@x", InboundAttachment(f"bsn {files.BSN}.pdf", "application/octet-stream",
                                                    files.pdf([files.LINES])),
                    InboundAttachment("dump.dat", "application/octet-stream", b"\x00\x01" * 8))
    pdf_id, dat_id = ids(env, number)
    assert env.client.get(f"/tickets/{number}/attachments/{pdf_id}", follow_redirects=False).status_code == 303
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert f'href="/tickets/{number}/attachments/{pdf_id}"' in page and "Scrubbed text" in page
    assert files.BSN not in page and files.CUSTOMER in page  # the fake scrubber strips nine-digit numbers
    r = env.client.get(f"/tickets/{number}/attachments/{pdf_id}")
    assert r.status_code == 200 and r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.headers["x-content-type-options"] == "nosniff" and "sandbox" in r.headers["content-security-policy"]
    assert r.headers["content-disposition"].startswith('attachment; filename="bsn <NATIONAL_ID_1>.pdf.txt"')
    assert "filename*=UTF-8''bsn%20%3CNATIONAL_ID_1%3E.pdf.txt" in r.headers["content-disposition"]
    assert files.BSN not in r.text and "<NATIONAL_ID_" in r.text
    missing = env.client.get(f"/tickets/{number}/attachments/{dat_id}")
    assert missing.status_code == 404 and "metadata only" in missing.text


def test_an_attachment_is_reachable_only_through_its_own_ticket(env: Env) -> None:
    first = submit(env, "a@x", InboundAttachment("a.txt", "text/plain", b"hallo"))
    second = submit(env, "b@x", InboundAttachment("b.txt", "text/plain", b"hoi"))
    (first_att,) = ids(env, first)
    login(env.client, "anna")
    assert env.client.get(f"/tickets/{second}/attachments/{first_att}").status_code == 404
    assert env.client.get(f"/tickets/{first}/attachments/{first_att}").status_code == 200


def test_the_api_lists_and_downloads_renditions(env: Env) -> None:
    number = submit(env, "api@x", InboundAttachment("brief.docx", "application/octet-stream", files.docx()))
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    assert env.client.get(f"/api/tickets/{number}/attachments").status_code == 401
    (listed,) = env.client.get(f"/api/tickets/{number}/attachments", headers=auth).json()
    assert listed["kind"] == "document" and listed["detected_type"].endswith("wordprocessingml.document")
    assert listed["removed_on_arrival"] == {"NATIONAL_ID": 1, "EMAIL_ADDRESS": 1}  # what the fake scrubber finds
    r = env.client.get(listed["download"], headers=auth)
    assert r.status_code == 200 and files.BSN not in r.text and files.IBAN in r.text  # the fake knows no IBAN
    assert r.headers["x-content-type-options"] == "nosniff"


def test_the_privacy_export_carries_the_renditions(env: Env) -> None:
    number = submit(env, "exp@x", InboundAttachment("x.pdf", "application/pdf", files.pdf([files.LINES])))
    (att_id,) = ids(env, number)
    name = f"attachments/{number}/{att_id}.txt"
    data = {"tickets": [{"messages": [{"attachments": [{"file": name}]}]}]}
    with env.store.reading() as session:
        ((got_name, content),) = attachment_files(session, data)
        stored = session.scalar(select(Attachment).where(Attachment.id == att_id))
        assert stored is not None and stored.content == content
    assert got_name == name and files.BSN.encode() not in content and b"<NATIONAL_ID_1>" in content


@pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")
def test_a_redacted_image_opens_inline_as_a_thumbnail(env: Env) -> None:
    number = submit(env, "img@x", InboundAttachment("scherm.png", "image/png", files.screenshot()))
    (att_id,) = ids(env, number)
    login(env.client, "anna")
    page = env.client.get(f"/tickets/{number}").text
    assert f'src="/tickets/{number}/attachments/{att_id}?inline=true"' in page
    r = env.client.get(f"/tickets/{number}/attachments/{att_id}?inline=true")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.headers["content-disposition"].startswith("inline;")
