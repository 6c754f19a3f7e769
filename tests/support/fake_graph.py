"""A fake Graph API (WhatsApp Cloud API, Messenger, Instagram send endpoints) on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class FakeGraph:
    """Records every request; answers from ``responses`` (status, body, headers), else 200."""

    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    responses: list[tuple[int, dict[str, Any], dict[str, str]]] = field(default_factory=list)


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    fake = FakeGraph()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            fake.requests.append({"path": self.path, "auth": self.headers.get("Authorization"),
                                  "json": json.loads(self.rfile.read(length))})
            code, body, headers = fake.responses.pop(0) if fake.responses else (
                200, {"messages": [{"id": f"wamid.out{len(fake.requests)}"}]}, {})
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()
