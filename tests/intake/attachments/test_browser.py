"""In real headless Chromium (Debian's ``chromium``, driven by Playwright): an agent opens a ticket, sees
the redacted screenshot as a thumbnail that loads, and expands the PDF's scrubbed text (screenshots in
test-artifacts/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake.attachments import ocr
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake
from models import Channel, migrate
from models.db import make_engine
from tests.support import attachment_files as files
from tests.support.browser import requires_chromium, serve_app
from tests.web.conftest import PASSWORD
from tickets import accounts
from tickets.replies import MailIdentity
from tickets.store import TicketStore
from web.app import create_app
from web.workspace import Workspace

pytestmark = [requires_chromium,
              pytest.mark.skipif(not ocr.available("nld+eng"), reason="tesseract-ocr with nld and eng not installed")]


def test_agent_sees_the_redacted_screenshot_and_the_pdf_text(browser: Any, tmp_path: Path, artifacts: Path,
                                                             real_scrubber: Any) -> None:
    from playwright.sync_api import expect

    engine = make_engine(f"sqlite:///{tmp_path / 'browser.sqlite3'}")
    migrate.upgrade(engine)
    store = TicketStore(engine)
    with store.writing() as session:
        accounts.add_agent(session, "anna", PASSWORD, display_name="Anna de Wit")
    out = Intake(store, real_scrubber).submit(InboundMessage(
        channel=Channel.EMAIL, external_id="browser-att@x", sender="klant@example.org", subject="Schermafdruk",
        text="Zie de bijlagen.", attachments=(
            InboundAttachment("scherm.png", "image/png", files.screenshot()),
            InboundAttachment("factuur.pdf", "application/pdf", files.pdf([files.LINES])),
        )))
    app = create_app(store, lambda: "browser-token", workspace=Workspace(
        scrubber=real_scrubber, identity=MailIdentity("support.test"), available_channels=frozenset({"email"})))
    with serve_app(app) as base:
        page = browser.new_page(viewport={"width": 1360, "height": 1000})
        page.goto(f"{base}/login?next=/tickets/{out.ticket_number}")
        page.fill("input[name=username]", "anna")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto(f"{base}/tickets/{out.ticket_number}")
        thumb = page.locator("img.att-thumb")
        expect(thumb).to_be_visible()
        assert thumb.evaluate("img => img.complete && img.naturalWidth") == 1000  # the image loaded
        page.locator("details.att-text summary").click()
        text = page.locator("details.att-text pre")
        expect(text).to_be_visible()
        expect(text).to_contain_text(files.CUSTOMER)
        content = text.inner_text()
        assert files.BSN not in content and files.IBAN not in content
        page.screenshot(path=str(artifacts / "ticket_attachments.png"), full_page=True)
    engine.dispose()
    assert (artifacts / "ticket_attachments.png").stat().st_size > 10_000
