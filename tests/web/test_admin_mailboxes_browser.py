"""The mailboxes' admin page in real headless Chromium (issue 22): an admin follows the link from the admin
page, creates a mailbox, sees it listed; axe-core audits the list and the edit form (under the app's strict
CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models.mailboxes import Mailbox
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, admin_page
from tickets import mailboxes
from tickets.store import TicketStore

pytestmark = requires_chromium


def test_admin_creates_a_mailbox_in_chromium(browser: Any, served: tuple[str, TicketStore, int],
                                             artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, _number = served
    page, errors = admin_page(browser, base, store)
    page.goto(f"{base}/admin/agents")
    page.click("a[href='/admin/mailboxes']")
    page.wait_for_url(f"{base}/admin/mailboxes")
    accessible(page, base, "/admin/mailboxes")
    form = page.locator("#mailbox-form")
    form.locator("input[name=name]").fill("Sales")
    form.locator("input[name=sender_name]").fill("Shop Sales")
    form.locator("input[name=sender_address]").fill("sales@shop.test")
    form.locator("textarea[name=addresses]").fill("Sales@Shop.test\nquotes@shop.test")
    form.locator("textarea[name=signature]").fill("Team Sales\nShop B.V.")
    form.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    accessible(page, base, "/admin/mailboxes/<id>")
    page.screenshot(path=str(artifacts / "admin-mailboxes.png"), full_page=True)
    page.goto(f"{base}/admin/mailboxes")
    expect(page.locator("#mailbox-table")).to_contain_text("Shop Sales <sales@shop.test>")
    expect(page.locator("#mailbox-table")).to_contain_text("quotes@shop.test, sales@shop.test")
    assert errors == []
    with store.reading() as session:
        [mailbox] = session.scalars(select(Mailbox))
        assert (mailbox.name, mailbox.sender_name) == ("Sales", "Shop Sales")
        assert mailbox.signature == "Team Sales\nShop B.V."
        assert mailboxes.addresses_of(session, mailbox.id) == ["quotes@shop.test", "sales@shop.test"]
