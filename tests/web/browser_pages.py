"""The steps every headless-Chromium test of the web app takes, written once: a page that records CSP
violations and script errors, logging in through the real form, and axe-core's WCAG 2.1 A/AA audit
(loaded as a same-origin script under the app's own CSP, not bypassed). The app itself is served by the
``served`` fixture of ``tests/web/conftest.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models import Role
from tests.web.conftest import PASSWORD
from tickets import accounts
from tickets.store import TicketStore

# Installed by `make system-test-deps` (npm axe-core into var/npm).
AXE = Path(__file__).resolve().parents[2] / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
_AXE_RUN = ("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))")


def axe_violations(page: Any, base: str) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core finds on the current page. The script is served from the app's own
    origin (the route answers it from var/npm), so the page's CSP (script-src 'self') applies unchanged."""
    if not AXE.exists():  # fulfilling a route from a missing file leaves the page waiting for the script
        raise FileNotFoundError(f"axe-core is not installed at {AXE} (make system-test-deps)")
    page.route(f"{base}/__axe.js", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    page.add_script_tag(url=f"{base}/__axe.js")
    found: list[str] = page.evaluate(_AXE_RUN)
    return found


def audit(page: Any, base: str, path: str) -> None:
    """Open ``path`` and require no axe-core violation on it (axe-core must be installed)."""
    page.goto(f"{base}{path}")
    assert axe_violations(page, base) == [], path


def accessible(page: Any, base: str, where: str) -> None:
    """axe-core's audit of the current page where axe-core is installed; without it (no npm on the machine)
    the audit is skipped and the rest of the test still runs."""
    if AXE.exists():
        assert axe_violations(page, base) == [], where


def watched_page(browser: Any, *, width: int = 1360, height: int = 900) -> tuple[Any, list[str]]:
    """A new page (its own context: no cookies shared) and the list its CSP violations and script errors
    land in. A CSP violation is reported on the console, a script error as a page error; the browser's
    own /favicon.ico request answers 404, which the console reports too: not ours to count."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page, errors


def log_in(page: Any, base: str, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form and land on the queue."""
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/queue")


def admin_page(browser: Any, base: str, store: TicketStore) -> tuple[Any, list[str]]:
    """A new administrator ("root", Ada Admin) and a watched page logged in as them, on the queue."""
    with store.writing() as session:
        accounts.add_agent(session, "root", PASSWORD, display_name="Ada Admin", role=Role.ADMIN)
    page, errors = watched_page(browser)
    log_in(page, base, "root")
    return page, errors
