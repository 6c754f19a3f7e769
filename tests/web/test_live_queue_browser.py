"""The live queue in real headless Chromium: when the queue changes, every list of the sidebar is refreshed,
not only the first (the views' counts, and the tags' counts further down), and the table gets the new row.

Written first against the old script, which replaced only the first ``ul.views`` of the page: the tag
counts stayed as they were until the agent reloaded.
"""

from __future__ import annotations

from typing import Any

import pytest

from models import Channel
from tests.support.browser import requires_chromium
from tests.support.fakes import FakeScrubber
from tests.web.browser_pages import log_in
from tickets import tags
from tickets.store import TicketStore, ticket_by_number

pytestmark = requires_chromium


@pytest.mark.parametrize("served", [1], indirect=True)
def test_every_sidebar_list_follows_the_queue(browser: Any, served: tuple[str, TicketStore, int]) -> None:
    from playwright.sync_api import expect

    from intake.message import InboundMessage
    from intake.pipeline import Intake

    base, store, number = served
    with store.writing() as session:
        first = ticket_by_number(session, number)
        assert first is not None
        tags.add(session, first, "hosting")
    page = browser.new_context().new_page()
    log_in(page, base, "anna")
    page.goto(f"{base}/queue?view=all")
    hosting = page.locator("#tag-views a", has_text="hosting").locator(".count")
    expect(hosting).to_have_text("1")
    new_count = page.locator("#views a[href='/queue?view=new'] .count")
    expect(new_count).to_have_text("3")
    expect(page.locator("table.queue tbody tr")).to_have_count(3)
    with page.expect_response(lambda r: r.url.endswith("/api/live")):
        pass  # the page's first poll has its marker: what follows is a change
    outcome = Intake(store, FakeScrubber()).submit(InboundMessage(
        channel=Channel.EMAIL, external_id="live-1@example.nl", sender="klant@example.nl",
        subject="Nieuwe vraag", text="Kunnen jullie de DNS aanpassen?"))
    with store.writing() as session:
        fresh = ticket_by_number(session, outcome.ticket_number)
        assert fresh is not None
        tags.add(session, fresh, "hosting")
    expect(page.locator("#live-status")).to_have_text("Queue updated.", timeout=10000)
    expect(page.locator("table.queue tbody tr")).to_have_count(4)
    expect(hosting).to_have_text("2", timeout=10000)
    expect(new_count).to_have_text("4")
    with store.writing() as session:  # a tag nobody used yet: the sidebar gains a link and is replaced whole
        fresh = ticket_by_number(session, outcome.ticket_number)
        assert fresh is not None
        tags.add(session, fresh, "dns")
    expect(page.locator("#tag-views a", has_text="dns").locator(".count")).to_have_text("1", timeout=10000)
    page.click("#show-help")  # the help button kept its listener
    expect(page.locator("dialog#help")).to_be_visible()
