"""SLA policies in real headless Chromium (issue 22): an admin follows the link from the admin page,
puts the normal-priority policy on office hours with a four-hour first response, sees a refused value
come back as typed, and the queue shows the time left; the ticket page's SLA box shows the due time, and
the customer's rating page opens from its signed link. axe-core audits each of these pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import Role, ticket_id_of
from models.sla import BusinessHours, SlaPolicy
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, log_in
from tests.web.conftest import PASSWORD
from tickets import accounts, satisfaction
from tickets.store import TicketStore

pytestmark = requires_chromium


def test_admin_puts_a_policy_on_office_hours(browser: Any, served: tuple[str, TicketStore, int],
                                             artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, number = served
    with store.writing() as session:
        accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
        normal = session.scalars(select(SlaPolicy.id).where(SlaPolicy.priority == "normal")).one()
        office = session.scalars(select(BusinessHours.id).where(BusinessHours.name == "Office hours")).one()
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    log_in(page, base, "root")
    page.goto(f"{base}/admin/agents")
    page.click("a[href='/admin/sla']")
    page.wait_for_url(f"{base}/admin/sla")
    form = page.locator(f"#policy-{normal}")
    form.locator("select[name=business_hours_id]").select_option(str(office))
    form.locator("input[name=first_response]").fill("4")
    form.locator("button[type=submit]:not([name=delete])").click()
    expect(page.locator(".notice[role=status]")).to_be_visible()
    accessible(page, base, "SLA page")
    form = page.locator(f"#policy-{normal}")
    form.locator("input[name=resolution]").fill("soon")
    form.locator("button[type=submit]:not([name=delete])").click()
    expect(page.locator("#form-error")).to_contain_text("resolution: a number of hours")
    expect(page.locator(f"#policy-{normal} input[name=resolution]")).to_have_value("soon")
    page.screenshot(path=str(artifacts / "sla-admin.png"), full_page=True)
    page.goto(f"{base}/queue?view=all")
    expect(page.locator("td[data-label=Due] time").first).to_contain_text("left")
    accessible(page, base, "queue with time left")
    page.goto(f"{base}/tickets/{number}")
    expect(page.locator("#sla-policy")).to_have_text("Normal priority")
    expect(page.locator("#sla-first-response")).to_contain_text("left")
    accessible(page, base, "ticket page with the SLA box")
    ticket_id = ticket_id_of(number)
    assert ticket_id is not None
    page.goto(f"{base}{satisfaction.link_path(ticket_id)}")  # public, in the ticket's language (Dutch)
    expect(page.locator("h1")).to_have_text("Hoe hebben we het gedaan?")
    accessible(page, base, "rating page")
    with store.reading() as session:
        policy = session.get(SlaPolicy, normal)
        assert policy is not None and policy.business_hours_id == office and policy.first_response_minutes == 240
        assert policy.resolution_minutes is None
