"""Shared by the tests that drive the web app in a real headless Chromium: the browser's path and flags,
and the app served by uvicorn in a thread on a loopback port."""

from __future__ import annotations

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
