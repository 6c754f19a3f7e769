"""The privacy officer's pages and the public verification page in real headless Chromium (Debian's
``chromium`` through Playwright); screenshots of the dashboard and a request page are saved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from models import PrivacyRequest, RequestState, Role
from privacy import deadline
from tests.privacy.conftest import Desk, open_desk
from tests.support.browser import requires_chromium, serve_app
from tests.web.conftest import PASSWORD
from tickets import accounts
from tickets.store import TicketStore
from web import privacy as privacy_web
from web.app import create_app

pytestmark = requires_chromium


@pytest.fixture
def desk(ticket_store: TicketStore) -> Desk:
    """The privacy tests' desk (tests/privacy/conftest.py), here for the pages."""
    return open_desk(ticket_store)


@pytest.fixture
def served(desk: Desk, db_url: str) -> Iterator[str]:
    if not db_url.startswith("sqlite"):
        pytest.skip("one browser run is enough")
    with desk.store.writing() as s:
        accounts.add_agent(s, "olga", PASSWORD, display_name="Olga Officer", role=Role.PRIVACY_OFFICER)
    app = create_app(desk.store, lambda: "browser-token")
    privacy_web.install(app, desk.desk)
    with serve_app(app) as url:
        yield url


def test_officer_dashboard_and_verification_in_chromium(browser: Any, desk: Desk, served: str, artifacts: Path) -> None:
    from playwright.sync_api import expect

    desk.desk.config.auto_fulfil = []
    desk.mail("Hello, I would like a copy of all personal data you hold about me (GDPR article 15).")
    desk.mail("Please delete all my personal data under article 17 GDPR.", subject="Delete", sender="x@example.com")
    with desk.store.writing() as s:
        s.execute(update(PrivacyRequest).where(PrivacyRequest.id == 2).values(
            due_on=deadline.today() - timedelta(days=1)))
    code_mail = desk.code_mail()
    link = re.search(r"http://desk\.test(/privacy/verify/\S+)", code_mail["text"])
    code = re.search(r"^\s{4}(\d{6})", code_mail["text"], re.M)
    assert link and code
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    # The requester, without any account, confirms through the link.
    page.goto(served + link.group(1))
    page.fill("input[name=code]", code.group(1))
    page.click("button[type=submit]")
    expect(page.locator("#verify-result")).to_contain_text("confirmed")
    # The officer logs in and works from the dashboard.
    page.goto(f"{served}/privacy")
    page.fill("input[name=username]", "olga")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("#privacy-requests tbody tr")).to_have_count(2)
    expect(page.locator("#privacy-requests tbody tr").first).to_contain_text("overdue")
    page.screenshot(path=str(artifacts / "privacy_dashboard.png"), full_page=True)
    page.click("a[href='/privacy/requests/1']")
    expect(page.locator("#request-state")).to_have_text("verified")
    page.fill("form[action$='/extend'] input[name=reason]", "Your data is spread over several archives.")
    page.click("form[action$='/extend'] button")
    expect(page.locator("#audit-log")).to_contain_text("extended")
    page.click("form[action$='/run'] button")
    expect(page.locator("#request-state")).to_have_text("fulfilled")
    page.screenshot(path=str(artifacts / "privacy_request.png"), full_page=True)
    req = desk.request()
    with desk.store.reading() as s:
        first = s.get(PrivacyRequest, 1)
        assert first is not None and first.state == RequestState.FULFILLED and first.extended_at is not None
    assert req.id == 2 and req.state == RequestState.RECEIVED
    assert (artifacts / "privacy_dashboard.png").stat().st_size > 10_000
