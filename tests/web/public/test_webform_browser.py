"""The contact form in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

A real uvicorn server on a loopback port, the real scrubber and a SQLite store: what a visitor does,
end to end, with screenshots in the artifacts directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from intake.pipeline import Intake
from models import Direction, Message, OutboxEntry, Ticket, migrate
from models.db import make_engine
from tests.support.browser import loopback_socket, requires_chromium, serve_app
from tests.web.public.conftest import count, form_settings
from tickets.store import TicketStore
from web.app import create_app
from web.webform import webform_router

pytestmark = requires_chromium


@pytest.fixture
def server(tmp_path: Path, real_scrubber: Any) -> Iterator[tuple[str, TicketStore]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'form.sqlite3'}")
    migrate.upgrade(engine)
    ticket_store = TicketStore(engine)
    sock = loopback_socket()
    port = sock.getsockname()[1]
    # The web app as serve builds it (its security headers included), with the form router.
    app = create_app(ticket_store, lambda: "api-token")
    app.include_router(webform_router(Intake(ticket_store, real_scrubber),
                                      form_settings(public_url=f"http://127.0.0.1:{port}")))

    @app.get("/host", response_class=HTMLResponse)
    def host_page() -> HTMLResponse:
        # A customer's own page embedding the snippet; opened as http://localhost:PORT it is another
        # site than the iframe's http://127.0.0.1:PORT, so the form runs in a third-party context.
        html = (f"<!doctype html><title>Bakkerij</title><h1>Bakkerij Jansen</h1>"
                f'<iframe id="desk" src="http://127.0.0.1:{port}/contact?embed=1" width="640" height="900">'
                "</iframe>")
        return HTMLResponse(html, headers={"Content-Security-Policy": "frame-src *"})

    with serve_app(app, sock) as url:
        yield url, ticket_store
    engine.dispose()


def fill(target: Any) -> None:
    target.fill("#name", "Jan de Vries")
    target.fill("#email", "jan.devries@example.nl")
    target.fill("#customer_number", "104233")
    target.fill("#subject", "Website offline")
    target.fill("#message", "Sinds vanochtend is bakkerij-jansen.nl offline. Mijn telefoonnummer is 06-12345678 "
                            "en mijn IBAN NL91 ABNA 0417 1643 00.\n\nGroet, Jan de Vries")


def test_visitor_submits_the_form_and_sees_the_ticket_number(
    browser: Any, server: tuple[str, TicketStore], artifacts: Path
) -> None:
    base, ticket_store = server
    page = browser.new_page()
    try:
        page.goto(f"{base}/contact")
        box = page.locator("#website").bounding_box()
        assert box is None or box["x"] + box["width"] <= 0  # the honeypot is off-screen for people
        fill(page)
        page.screenshot(path=str(artifacts / "webform_filled.png"), full_page=True)
        page.click("button[type=submit]")
        page.wait_for_selector("#ticket-number")
        shown = page.inner_text("#ticket-number")
        # The page's own style block ran under its CSP nonce (white card on grey).
        assert page.eval_on_selector("main", "e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
        page.screenshot(path=str(artifacts / "webform_confirmation.png"), full_page=True)
    finally:
        page.close()
    with ticket_store.reading() as s:
        ticket = s.scalars(select(Ticket)).one()
        assert shown == f"#{ticket.number}"
        msg = s.scalars(select(Message).where(Message.direction == Direction.IN)).one()
        for value in ("06-12345678", "NL91 ABNA 0417 1643 00", "Jan de Vries"):
            assert value not in msg.text
        assert "bakkerij-jansen.nl" in msg.text and "104233" in msg.text
        ack = s.scalars(select(OutboxEntry)).one()
        assert ack.kind == "ack" and ack.payload["to"] == "jan.devries@example.nl"


def test_browser_post_without_csrf_token_is_refused(
    browser: Any, server: tuple[str, TicketStore], artifacts: Path
) -> None:
    base, ticket_store = server
    page = browser.new_page()
    try:
        page.goto(f"{base}/contact")
        fill(page)
        page.evaluate("document.querySelector('input[name=csrf_token]').remove()")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.click("button[type=submit]")
        assert posted.value.status == 403
        page.wait_for_selector("#error-reason")
        page.screenshot(path=str(artifacts / "webform_csrf_refused.png"), full_page=True)
    finally:
        page.close()
    assert count(ticket_store, Message) == 0


def test_embedded_form_works_on_another_site(browser: Any, server: tuple[str, TicketStore], artifacts: Path) -> None:
    base, ticket_store = server
    port = base.rsplit(":", 1)[1]
    page = browser.new_page()
    try:
        page.goto(f"http://localhost:{port}/host")
        frame = page.frame_locator("#desk")
        frame.locator("#name").wait_for()
        fill(_FrameFiller(frame))
        frame.locator("button[type=submit]").click()
        number = frame.locator("#ticket-number").inner_text()
        page.screenshot(path=str(artifacts / "webform_embedded.png"), full_page=True)
    finally:
        page.close()
    with ticket_store.reading() as s:
        assert number == f"#{s.scalars(select(Ticket)).one().number}"


class _FrameFiller:
    """``fill(selector, value)`` on a frame locator, so ``fill`` serves pages and frames alike."""

    def __init__(self, frame: Any) -> None:
        self.frame = frame

    def fill(self, selector: str, value: str) -> None:
        self.frame.locator(selector).fill(value)
