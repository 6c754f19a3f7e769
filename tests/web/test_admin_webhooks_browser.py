"""Outgoing webhooks' admin page in real headless Chromium (issue 22): an admin follows the link from the
admin page, adds a Slack-format endpoint for two events, sees it listed by host only, opens it, disables it
from the list; axe-core audits the list and the endpoint's page (under the app's strict CSP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.webhooks_out import WebhookEndpoint
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, admin_page
from tickets.store import TicketStore

pytestmark = requires_chromium

URL = "https://hooks.example.com/services/T000/B000/s3cretpath"


def test_admin_adds_and_disables_a_webhook_in_chromium(browser: Any, served: tuple[str, TicketStore, int],
                                                       artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, _number = served
    page, errors = admin_page(browser, base, store)
    page.goto(f"{base}/admin/agents")
    page.click("a[href='/admin/webhooks']")
    page.wait_for_url(f"{base}/admin/webhooks")
    form = page.locator("#add-webhook")
    form.locator("input[name=name]").fill("Team channel")
    form.locator("input[name=url]").fill(URL)
    form.locator("select[name=format]").select_option("slack")
    form.locator("input[value='ticket.created']").check()
    form.locator("input[value='privacy_request.opened']").check()
    form.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    expect(page.locator("#webhook-secret")).to_have_count(1)
    accessible(page, base, "/admin/webhooks/<id>")
    page.click("text=All webhooks")
    row = page.locator("#webhook-table tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("code")).to_have_text("https://hooks.example.com/…")  # never the path
    expect(row).to_contain_text("ticket.created, privacy_request.opened")
    accessible(page, base, "/admin/webhooks")
    page.screenshot(path=str(artifacts / "admin_webhooks.png"), full_page=True)
    row.locator("button", has_text="Disable").click()
    expect(page.locator("#webhook-table tbody tr")).to_contain_text("disabled")
    assert errors == []
    with store.reading() as session:
        [endpoint] = session.query(WebhookEndpoint).all()
        assert (endpoint.name, endpoint.url, endpoint.format, endpoint.enabled) == ("Team channel", URL, "slack", False)
        assert endpoint.events == ["ticket.created", "privacy_request.opened"]
