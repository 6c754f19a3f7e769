"""A local Bot API server on loopback: the parts of https://core.telegram.org/bots/api the bot uses.

getUpdates (long polling with offset confirmation: updates below the offset are forgotten, the rest
are delivered again), sendMessage, getMe, getFile and file download, setWebhook, deleteWebhook.
Failures are switchable: a chat that blocked the bot (403), flood control (429 with retry_after),
server errors for getUpdates. It runs aiohttp in its own thread, so tests and subprocesses can use it.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token_for-the-fake-server"


@dataclass
class FakeBotApi:
    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    rate_limited: int = 0  # how many sendMessage calls get a 429
    retry_after: int = 7
    fail_get_updates: int = 0  # how many getUpdates calls get a 502
    webhook: dict[str, Any] | None = None
    commands: dict[str, list[str]] = field(default_factory=dict)
    in_flight: int = 0  # getUpdates calls being answered right now
    max_in_flight: int = 0

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self._next_update = 1
        self._next_message = 1000
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- lifecycle ----------------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeBotApi:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application()
            app.router.add_route("*", "/bot{token}/{method}", self._method)
            app.router.add_get("/file/bot{token}/{path:.+}", self._file)
            self._runner = web.AppRunner(app)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, daemon=True, name="fake-bot-api")
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    # -- test helpers -------------------------------------------------------------------------------

    def push(self, **update: Any) -> dict[str, Any]:
        with self.lock:
            update = {"update_id": self._next_update, **update}
            self._next_update += 1
            self.updates.append(update)
        return update

    def message(self, chat_id: int, text: str | None = None, *, lang: str = "nl", edit_of: int | None = None,
                **extra: Any) -> dict[str, Any]:
        """Push a private-chat message (or an edit of message ``edit_of``); returns the message."""
        with self.lock:
            self._next_message += 1
            message_id = edit_of or self._next_message
        msg: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Klant"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Klant", "language_code": lang},
            **extra,
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if edit_of is not None:
            msg["edit_date"] = int(time.time()) + len(self.updates)
            self.push(edited_message=msg)
        else:
            self.push(message=msg)
        return msg

    def add_file(self, file_id: str, path: str, data: bytes) -> None:
        self.files[file_id] = (path, data)

    def texts_to(self, chat_id: int) -> list[str]:
        with self.lock:
            return [str(m["text"]) for m in self.sent if int(m["chat_id"]) == chat_id]

    def pending(self) -> int:
        with self.lock:
            return len(self.updates)

    # -- the Bot API --------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            body = await request.json()
            return dict(body) if isinstance(body, dict) else {}
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            for key, value in (await request.post()).items():
                if isinstance(value, str):
                    try:
                        params[key] = json.loads(value)
                    except ValueError:
                        params[key] = value
        return params

    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(code: int, description: str, **parameters: Any) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=code)

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        with self.lock:
            self.calls.append((method, params))
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return self._error(404, f"Not Found: method {method}")
        response: web.Response = await handler(params)
        return response

    async def _api_getMe(self, params: dict[str, Any]) -> web.Response:
        return self._ok({"id": 123456, "is_bot": True, "first_name": "Support", "username": "support_test_bot"})

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> web.Response:
        self.webhook = None
        return self._ok(True)

    async def _api_setWebhook(self, params: dict[str, Any]) -> web.Response:
        self.webhook = params
        return self._ok(True)

    async def _api_setMyCommands(self, params: dict[str, Any]) -> web.Response:
        self.commands[params.get("language_code") or ""] = [c["command"] for c in params["commands"]]
        return self._ok(True)

    async def _api_getUpdates(self, params: dict[str, Any]) -> web.Response:
        with self.lock:
            if self.fail_get_updates > 0:
                self.fail_get_updates -= 1
                return self._error(502, "Bad Gateway")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        with self.lock:
            if offset:
                self.offsets.append(offset)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._long_poll(offset, limit, deadline)
        finally:
            with self.lock:
                self.in_flight -= 1

    async def _long_poll(self, offset: int, limit: int, deadline: float) -> web.Response:
        while True:
            with self.lock:
                if offset:
                    # Confirmed: Telegram forgets every update below the offset.
                    self.updates = [u for u in self.updates if u["update_id"] >= offset]
                batch = self.updates[:limit]
            if batch or time.monotonic() >= deadline:
                return self._ok(batch)
            await asyncio.sleep(0.02)

    async def _api_sendMessage(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        with self.lock:
            if chat_id in self.blocked:
                return self._error(403, "Forbidden: bot was blocked by the user")
            if self.rate_limited > 0:
                self.rate_limited -= 1
                return self._error(429, f"Too Many Requests: retry after {self.retry_after}",
                                   retry_after=self.retry_after)
            self._next_message += 1
            self.sent.append({"chat_id": chat_id, "text": params["text"]})
            message_id = self._next_message
        return self._ok({"message_id": message_id, "date": int(time.time()),
                         "chat": {"id": chat_id, "type": "private"}, "text": params["text"]})

    async def _api_getFile(self, params: dict[str, Any]) -> web.Response:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            return self._error(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return self._ok({"file_id": file_id, "file_unique_id": file_id + "u", "file_size": len(data),
                         "file_path": path})

    async def _file(self, request: web.Request) -> web.Response:
        for path, data in self.files.values():
            if path == request.match_info["path"] and request.match_info["token"] == self.token:
                return web.Response(body=data)
        return web.Response(status=404)
