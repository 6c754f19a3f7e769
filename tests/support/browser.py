"""Shared by the tests that drive the web app in a real headless Chromium: the browser's path and flags,
one browser for the whole test session (the ``browser`` fixture), and the app served by uvicorn in a
thread on a loopback port."""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn

CHROMIUM = "/usr/bin/chromium"  # Debian's chromium (make system-test-deps); no browser download
# Without the background-networking flags Chromium keeps calling Google's hosts, which this machine refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
requires_chromium = pytest.mark.skipif(shutil.which(CHROMIUM) is None,
                                       reason="chromium not installed (make system-test-deps)")


@pytest.fixture(scope="session")
def chromium_session() -> Iterator[tuple[Any, asyncio.AbstractEventLoop]]:
    """Playwright's driver and one headless Chromium, started once: starting them costs seconds a test,
    while a new browser context (what ``browser.new_page()`` makes) costs little and shares no cookies,
    storage or cache with another. Use the ``browser`` fixture, not this one."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Between its calls the sync API leaves its event loop marked as this thread's running loop
        # (playwright/_impl/_greenlets.py, wait_for_future). An asyncio test that runs before the next
        # browser test could then not start its own loop, so the mark is only set while a browser test runs.
        loop = asyncio.get_running_loop()
        asyncio._set_running_loop(None)
        yield chromium, loop
        asyncio._set_running_loop(loop)
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def browser(chromium_session: tuple[Any, asyncio.AbstractEventLoop]) -> Iterator[Any]:
    """The session's headless Chromium for one test; every context the test opened is closed after it."""
    chromium, loop = chromium_session
    asyncio._set_running_loop(loop)
    try:
        yield chromium
        assert chromium.is_connected(), "the shared Chromium has gone away"
    finally:
        for context in chromium.contexts:
            context.close()
        asyncio._set_running_loop(None)


def loopback_socket() -> socket.socket:
    """A socket bound to a free loopback port, for an app that must know its URL before it is built."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def serve_app(app: Any, sock: socket.socket | None = None) -> Iterator[str]:
    """Serve an ASGI app on loopback (on ``sock`` when given) in a thread; yields its base URL."""
    sock = sock or loopback_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
