"""The ticket API shows each attachment as its attachments list does: one schema for both (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from intake.message import InboundAttachment, InboundMessage
from models import Channel
from tests.support import attachment_files as files
from tests.web.conftest import API_TOKEN, Env
from tests.web.conftest import env as web_env  # noqa: F401  (the workspace's fixture, used by name below)

AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def env(web_env: Env) -> Iterator[Env]:  # noqa: F811
    yield web_env


def test_the_ticket_shows_detected_type_kind_and_counts_like_the_attachments_list(env: Env) -> None:
    out = env.intake.submit(InboundMessage(
        channel=Channel.EMAIL, external_id="api-att@x", sender="klant@example.nl", subject="Bijlagen",
        text="Zie bijlagen", attachments=(
            InboundAttachment("brief.docx", "application/octet-stream", files.docx()),
            InboundAttachment("dump.dat", "application/octet-stream", b"\x00\x01" * 8),
        )))
    assert out.status == "stored" and out.ticket_number is not None
    number = out.ticket_number
    detail = env.client.get(f"/api/tickets/{number}", headers=AUTH)
    listed = env.client.get(f"/api/tickets/{number}/attachments", headers=AUTH).json()
    assert detail.status_code == 200
    (message,) = [m for m in detail.json()["messages"] if m["direction"] == "in"]  # not the acknowledgement
    assert message["attachments"] == listed
    docx, dat = message["attachments"]
    assert docx["kind"] == "document" and docx["detected_type"].endswith("wordprocessingml.document")
    assert docx["removed_on_arrival"] == {"NATIONAL_ID": 1, "EMAIL_ADDRESS": 1}  # what the fake scrubber finds
    assert docx["rendition_type"] == "text/plain; charset=utf-8" and docx["download"].endswith(f"/{docx['id']}")
    assert dat["kind"] == "other" and dat["download"] is None and "metadata only" in dat["note"]
    assert env.client.get(docx["download"], headers=AUTH).status_code == 200


def test_both_routes_declare_one_attachment_schema(env: Env) -> None:
    spec = env.client.get("/api/openapi.json", headers=AUTH).json()
    detail = spec["components"]["schemas"]["MessageOut"]["properties"]["attachments"]["items"]
    listed = spec["paths"]["/api/tickets/{number}/attachments"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]["items"]
    assert detail == listed == {"$ref": "#/components/schemas/AttachmentOut"}
    fields = spec["components"]["schemas"]["AttachmentOut"]["properties"]
    assert {"detected_type", "kind", "removed_on_arrival", "note", "download"} <= set(fields)
