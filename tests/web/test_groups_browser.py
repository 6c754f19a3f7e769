"""Groups in real headless Chromium (issue 22): an admin creates a group with an agent as member and a
macro that moves a ticket to it; the agent applies the macro on a ticket, sees the group on the ticket
and in its timeline, and finds the ticket in the queue's view of its group. axe-core audits the group
admin page, the ticket and the queue on the way. One browser session (they are slow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import TicketEvent
from models.mailboxes import Group
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, admin_page, log_in
from tickets.store import TicketStore, ticket_by_number

pytestmark = requires_chromium


def test_admin_creates_a_group_and_an_agent_moves_a_ticket_to_it_by_macro(
        browser: Any, served: tuple[str, TicketStore, int], artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, number = served
    page, _errors = admin_page(browser, base, store)
    page.goto(f"{base}/admin/agents")
    page.click("a[href='/admin/groups']")
    form = page.locator("#add-group")
    form.locator("input[name=name]").fill("Facturatie")
    form.locator("input[name=description]").fill("Vragen over facturen")
    form.get_by_label("Anna de Wit").check()
    form.locator("button[type=submit]").click()
    expect(page.locator("#group-table tbody tr")).to_have_count(1)
    expect(page.locator("#group-table tbody td").nth(1)).to_have_text("Anna de Wit")
    accessible(page, base, "/admin/groups")
    page.goto(f"{base}/admin/agents")
    macro = page.locator("#add-macro")
    macro.locator("input[name=title]").fill("Naar facturatie")
    macro.locator("select[name=group]").select_option(label="Facturatie")
    macro.locator("select[name=status]").select_option("open")
    macro.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    page.click("#logout")

    log_in(page, base, "anna")
    page.goto(f"{base}/tickets/{number}")
    page.select_option("#macro-select", label="Naar facturatie")
    page.click("#apply-macro")
    expect(page.locator("#group-select option:checked")).to_have_text("Facturatie")
    expect(page.locator(".event", has_text="moved the ticket to the group")).to_have_count(1)
    accessible(page, base, f"/tickets/{number} after the macro")
    page.screenshot(path=str(artifacts / "group_macro_applied.png"), full_page=True)
    page.goto(f"{base}/queue")
    page.locator("#group-views a", has_text="Facturatie: open").click()
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    expect(page.locator(f"table.queue a[href='/tickets/{number}']").first).to_be_visible()
    accessible(page, base, "/queue?view=groups")
    with store.reading() as session:
        ticket = ticket_by_number(session, number)
        group = session.scalars(select(Group)).one()
        assert ticket is not None and ticket.group_id == group.id and group.name == "Facturatie"
        assert session.scalars(select(TicketEvent.actor).where(TicketEvent.kind == "group")).all() == ["agent:anna"]
