"""The rules' admin page in real headless Chromium (issue 22): an admin follows the link from the admin
page, creates a rule with conditions and actions, sees it listed, disables it from the list; axe-core
audits the page (under the app's strict CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models.rules import Rule
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, admin_page
from tickets.store import TicketStore

pytestmark = requires_chromium


def test_admin_creates_and_disables_a_rule_in_chromium(browser: Any, served: tuple[str, TicketStore, int],
                                                       artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, _number = served
    page, errors = admin_page(browser, base, store)
    page.goto(f"{base}/admin/agents")
    page.click("a[href='/admin/rules']")
    page.wait_for_url(f"{base}/admin/rules")
    accessible(page, base, "/admin/rules")
    form = page.locator("#rule-form")
    form.locator("input[name=name]").fill("Paspoort")
    form.locator("select[name=trigger]").select_option("ticket_created")
    form.locator("input[name=channel][value=email]").check()
    form.locator("input[name=pii]").fill("ID_DOCUMENT")
    form.locator("input[name=add_tags]").fill("id-document")
    form.locator("select[name=notify]").select_option("admins")
    form.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    accessible(page, base, "/admin/rules/<id>")
    page.screenshot(path=str(artifacts / "admin-rules.png"), full_page=True)
    page.goto(f"{base}/admin/rules")
    expect(page.locator("#rule-table")).to_contain_text("Paspoort")
    page.locator("#rule-table button", has_text="Disable").click()
    expect(page.locator("#rule-table")).to_contain_text("disabled")
    assert errors == []
    with store.reading() as session:
        [rule] = session.scalars(select(Rule))
        assert not rule.enabled and rule.conditions == {"channel": ["email"], "pii": ["ID_DOCUMENT"]}
        assert rule.actions == [{"type": "tag", "tags": ["id-document"]}, {"type": "notify", "to": "admins"}]
