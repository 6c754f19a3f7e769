"""The rules' admin page in real headless Chromium (issue 22): an admin follows the link from the admin
page, creates a rule with conditions and actions, sees it listed, disables it from the list; axe-core
audits the page (under the app's strict CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import Role
from models.rules import Rule
from tests.support.browser import requires_chromium
from tests.web.conftest import PASSWORD
from tests.web.test_browser import AXE, axe_violations, served  # noqa: F401 (the fixture)
from tickets import accounts
from tickets.store import TicketStore

pytestmark = requires_chromium


def _accessible(page: Any, base: str, where: str) -> None:
    if AXE.exists():  # axe-core from var/npm (make system-test-deps); without it the rest still runs
        assert axe_violations(page, base) == [], where


def test_admin_creates_and_disables_a_rule_in_chromium(browser: Any, served: tuple[str, TicketStore, int],  # noqa: F811
                                                       artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, _number = served
    with store.writing() as session:
        accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
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
    page.click("a[href='/admin/rules']")
    page.wait_for_url(f"{base}/admin/rules")
    _accessible(page, base, "/admin/rules")
    form = page.locator("#rule-form")
    form.locator("input[name=name]").fill("Paspoort")
    form.locator("select[name=trigger]").select_option("ticket_created")
    form.locator("input[name=channel][value=email]").check()
    form.locator("input[name=pii]").fill("ID_DOCUMENT")
    form.locator("input[name=add_tags]").fill("id-document")
    form.locator("select[name=notify]").select_option("admins")
    form.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    _accessible(page, base, "/admin/rules/<id>")
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
