"""End to end in real headless Chromium (Debian's ``chromium``, driven by Playwright): log in, open
the queue, open a ticket, reply, change status, log out; a screenshot of the ticket page is saved.
Then the same workspace in Dutch on a 390 px phone: the queue as cards, the thread readable, the reply
box reachable, nothing scrolling sideways (screenshots in test-artifacts/). axe-core audits every page
for WCAG 2.1 A and AA, loaded as a same-origin script under the app's own CSP (not bypassed)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from models import Direction, Role
from tests.support.browser import requires_chromium
from tests.web.browser_pages import AXE, accessible, audit, log_in
from tests.web.conftest import PASSWORD
from tickets import accounts
from tickets.store import TicketStore, ticket_by_number

pytestmark = requires_chromium


def test_agent_session_in_chromium(browser: Any, served: tuple[str, TicketStore, int], artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, store, number = served
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.goto(f"{base}/queue")
    expect(page).to_have_url(f"{base}/login?next=%2Fqueue")  # no session: the login page
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("New")  # agents land where new tickets wait
    page.click("a[href='/queue?view=new']")
    expect(page.locator("table.queue tbody tr")).to_have_count(3)
    page.screenshot(path=str(artifacts / "queue_page.png"))
    page.keyboard.press("j")  # keyboard: select the first row and open it
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/tickets/{number + 2}")
    page.goto(f"{base}/tickets/{number}")
    expect(page.locator(".chip-email_address").first).to_be_visible()
    page.select_option("#macro", label="Opgelost")
    expect(page.locator("#reply-text")).to_have_value(
        "Beste Marieke,\n\nHet probleem is opgelost.\n\nMet vriendelijke groet,\nAnna de Wit")
    page.click("#send-reply")
    expect(page.locator(".msg-out .delivery")).to_have_text("queued")
    page.select_option("#status-select", "solved")
    page.click("#status-save")
    expect(page.locator("#ticket-status")).to_have_text("solved")
    page.screenshot(path=str(artifacts / "ticket_page.png"), full_page=True)
    page.click("#logout")
    expect(page).to_have_url(f"{base}/login")
    page.goto(f"{base}/tickets/{number}")
    expect(page).to_have_url(f"{base}/login?next=%2Ftickets%2F{number}")
    with store.reading() as session:
        ticket = ticket_by_number(session, number)
        assert ticket is not None and ticket.status == "solved"
        assert [m.direction for m in ticket.messages] == [Direction.IN, Direction.NOTE, Direction.OUT]
        assert ticket.messages[-1].text.startswith("Beste Marieke")
    assert (artifacts / "ticket_page.png").stat().st_size > 10_000


def test_dutch_workspace_on_a_phone(browser: Any, served: tuple[str, TicketStore, int], artifacts: Path) -> None:
    from playwright.sync_api import expect

    base, _store, number = served
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL",
                                  extra_http_headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Nieuw")
    page.keyboard.press("Tab")  # the first tab stop skips to the content
    assert page.evaluate("document.activeElement.className") == "skip"
    wide = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    assert page.evaluate(wide) <= 0  # nothing scrolls sideways
    row = page.locator("table.queue tbody tr").first
    assert row.bounding_box()["width"] <= 390  # type: ignore[index]  # a card, not a wide table row
    page.screenshot(path=str(artifacts / "queue_390.png"), full_page=True)
    page.goto(f"{base}/tickets/{number}")
    assert page.evaluate(wide) <= 0
    body = page.locator(".msg-body").first.bounding_box()
    assert body is not None and body["width"] > 250  # the message reads as lines, not a letter per line
    page.locator("#reply-text").scroll_into_view_if_needed()
    expect(page.locator("#reply-text")).to_be_in_viewport()
    expect(page.locator("#send-reply")).to_have_text("Antwoord versturen")
    page.screenshot(path=str(artifacts / "ticket_390.png"), full_page=True)
    accessible(page, base, "queue at 390 px in Dutch")  # contrast and labels at 390 px and in Dutch too
    context.close()
    assert (artifacts / "queue_390.png").stat().st_size > 5_000


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (make system-test-deps)")
def test_every_page_passes_axe_at_wcag_aa(browser: Any, served: tuple[str, TicketStore, int]) -> None:
    base, store, number = served
    with store.writing() as session:
        accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    audit(page, base, "/login")
    log_in(page, base, "root")
    for path in ("/queue", "/queue?view=all&sort=due", "/queue?q=factuur", f"/tickets/{number}",
                 f"/tickets/{number}?error=changed", "/settings", "/admin/agents", "/audit", "/privacy",
                 "/tickets/999999"):
        audit(page, base, path)


@pytest.mark.parametrize("served", [1], indirect=True)
def test_two_agents_presence_and_a_draft_that_survives_a_stale_save(browser: Any,
                                                                    served: tuple[str, TicketStore, int]) -> None:
    from playwright.sync_api import expect

    base, _store, number = served
    anna, bram = browser.new_context().new_page(), browser.new_context().new_page()
    for page, name in ((anna, "anna"), (bram, "bram")):
        log_in(page, base, name)
        page.goto(f"{base}/tickets/{number}")
    anna.click("#reply-text")
    anna.keyboard.type("Beste Marieke, de site draait weer.")
    expect(bram.locator("#presence")).to_have_text("Anna de Wit is typing", timeout=8000)
    expect(anna.locator("#presence")).to_contain_text("Bram Visser is viewing", timeout=8000)
    bram.select_option("#priority-select", "high")  # Bram changes the ticket meanwhile
    bram.click("#status-save")
    expect(anna.locator("#changed")).to_be_visible(timeout=8000)
    anna.click("#send-reply")  # a stale save: refused, and nothing typed is lost
    anna.wait_for_url(re.compile(r".*[?&]error=.*"))
    expect(anna.locator("#reply-text")).to_have_value("Beste Marieke, de site draait weer.")
    anna.goto(f"{base}/tickets/{number}")  # "reload and keep my draft"
    expect(anna.locator("#reply-text")).to_have_value("Beste Marieke, de site draait weer.")
    anna.click("#send-reply")
    expect(anna.locator(".msg-out .delivery").last).to_have_text("queued")
    expect(anna.locator("#reply-text")).to_have_value("")  # sent: the draft is gone
