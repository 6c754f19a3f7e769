"""A real ``SmtpServer`` on a loopback port, run in a thread with its own event loop."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from intake.pipeline import Intake
from intake.smtp import SmtpServer, SmtpSettings


class ThreadedSmtp:
    def __init__(self, intake: Intake, settings: SmtpSettings | None = None) -> None:
        self.settings = (settings or SmtpSettings()).model_copy(update={"host": "127.0.0.1", "port": 0})
        self.intake = intake
        self.loop = asyncio.new_event_loop()
        self.executor = ThreadPoolExecutor(max_workers=4)
        # As serve wires it; a test's fake intake may have submit alone.
        self.server = SmtpServer(intake.submit, self.settings, self.executor, getattr(intake, "submit_later", None))
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> ThreadedSmtp:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), self.loop).result(10)
        self.port = self.server.port
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(grace=10), self.loop).result(20)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.executor.shutdown()
