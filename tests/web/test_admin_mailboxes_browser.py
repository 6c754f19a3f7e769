"""The mailboxes' admin page in real headless Chromium (issue 22): an admin follows the link from the admin
page, creates a mailbox, sees it listed; axe-core audits the list and the edit form (under the app's strict
CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import Role
from models.mailboxes import Mailbox
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, requires_chromium
from tests.web.conftest import PASSWORD
from tests.web.test_browser import AXE, axe_violations, served  # noqa: F401 (the fixture)
from tickets import accounts, mailboxes
from tickets.store import TicketStore

pytestmark = requires_chromium


def _accessible(page: Any, base: str, where: str) -> None:
    if AXE.exists():  # axe-core from var/npm (make system-test-deps); without it the rest still runs
        assert axe_violations(page, base) == [], where


def test_admin_creates_a_mailbox_in_chromium(served: tuple[str, TicketStore, int],  # noqa: F811
                                             artifacts: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, store, _number = served
    with store.writing() as session:
        accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{base}/login")
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/queue")
        page.goto(f"{base}/admin/agents")
        page.click("a[href='/admin/mailboxes']")
        page.wait_for_url(f"{base}/admin/mailboxes")
        _accessible(page, base, "/admin/mailboxes")
        form = page.locator("#mailbox-form")
        form.locator("input[name=name]").fill("Sales")
        form.locator("input[name=sender_name]").fill("Shop Sales")
        form.locator("input[name=sender_address]").fill("sales@shop.test")
        form.locator("textarea[name=addresses]").fill("Sales@Shop.test\nquotes@shop.test")
        form.locator("textarea[name=signature]").fill("Team Sales\nShop B.V.")
        form.locator("button[type=submit]").click()
        expect(page.locator(".notice")).to_be_visible()
        _accessible(page, base, "/admin/mailboxes/<id>")
        page.screenshot(path=str(artifacts / "admin-mailboxes.png"), full_page=True)
        page.goto(f"{base}/admin/mailboxes")
        expect(page.locator("#mailbox-table")).to_contain_text("Shop Sales <sales@shop.test>")
        expect(page.locator("#mailbox-table")).to_contain_text("quotes@shop.test, sales@shop.test")
        browser.close()
    assert errors == []
    with store.reading() as session:
        [mailbox] = session.scalars(select(Mailbox))
        assert (mailbox.name, mailbox.sender_name) == ("Sales", "Shop Sales")
        assert mailbox.signature == "Team Sales\nShop B.V."
        assert mailboxes.addresses_of(session, mailbox.id) == ["quotes@shop.test", "sales@shop.test"]
