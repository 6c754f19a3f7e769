"""Macros and tags in real headless Chromium (issue 22): an admin creates a macro that inserts a canned
reply, raises the priority, assigns the ticket to whoever applies it and tags it; an agent applies it on
a ticket, sends the reply, and finds the ticket under its tag. axe-core audits every page on the way
(the admin page with its macro and tag lists, the ticket with its tags, the queue filtered by tag)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import AuditEntry, Direction, Macro
from tests.support.browser import requires_chromium
from tests.web.browser_pages import accessible, admin_page, log_in
from tickets import accounts
from tickets.store import TicketStore, ticket_by_number

pytestmark = requires_chromium


def test_admin_creates_a_macro_and_an_agent_applies_it(browser: Any, served: tuple[str, TicketStore, int],
                                                       artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, number = served
    page, _errors = admin_page(browser, base, store)
    page.goto(f"{base}/admin/agents")
    form = page.locator("#add-macro")
    form.locator("input[name=title]").fill("Naar facturatie")
    form.locator("textarea[name=body]").fill("Beste {{customer_first_name}},\n\nDe afdeling facturatie "
                                             "bekijkt uw vraag.\n\n{{agent_name}}")
    form.locator("select[name=reply_mode]").select_option("insert")
    form.locator("select[name=priority]").select_option("high")
    form.locator("select[name=assignee]").select_option("me")
    form.locator("input[name=add_tags]").fill("Facturatie, terugbellen")
    form.locator("button[type=submit]").click()
    expect(page.locator(".notice")).to_be_visible()
    expect(page.locator(".macro-form input[name=title][value='Naar facturatie']")).to_have_count(1)
    accessible(page, base, "/admin/agents")
    page.click("#logout")

    log_in(page, base, "anna")
    page.goto(f"{base}/tickets/{number}")
    page.select_option("#macro-select", label="Naar facturatie")
    page.click("#apply-macro")
    expect(page.locator("#reply-text")).to_have_value(
        "Beste Marieke,\n\nDe afdeling facturatie bekijkt uw vraag.\n\nAnna de Wit")
    expect(page.locator("#ticket-tags .ticket-tag")).to_have_text(["facturatie", "terugbellen"])
    expect(page.locator("#priority-select")).to_have_value("high")
    expect(page.locator(".event", has_text="facturatie")).to_have_count(1)
    accessible(page, base, f"/tickets/{number} after the macro")
    page.screenshot(path=str(artifacts / "macro_applied.png"), full_page=True)
    page.click("#send-reply")
    expect(page.locator(".msg-out .delivery")).to_have_text("queued")
    # The ticket is found under its tag, from the ticket's own tag link.
    page.locator("#ticket-tags a.ticket-tag", has_text="terugbellen").click()
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    expect(page.locator("#clear-tag")).to_be_visible()
    expect(page.locator("#tag-views a")).to_have_text(["facturatie1", "terugbellen1"])
    accessible(page, base, "/queue?tag=terugbellen")
    page.click("#logout")
    log_in(page, base, "root")
    page.goto(f"{base}/admin/agents")
    accessible(page, base, "/admin/agents")  # now with the tag list
    expect(page.locator("#tag-table tbody tr")).to_have_count(2)
    with store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.priority == "high"
        anna = accounts.agent_by_username(session, "anna")
        assert anna is not None and ticket.assignee_id == anna.id
        assert ticket.messages[-1].direction == Direction.OUT
        assert ticket.messages[-1].text.startswith("Beste Marieke")
        assert session.scalars(select(Macro.actions).where(Macro.title == "Naar facturatie")).one() == {
            "priority": "high", "assignee": "me", "add_tags": ["facturatie", "terugbellen"]}
        assert session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "ticket.macro")).all() == [
            "agent:anna"]
