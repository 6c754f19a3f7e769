"""Start and stop real ``scrubdesk serve`` processes for the scale-out tests.

Each process gets its own data directory, ports, TOML file and log file, all on one store; the
tests read the logs (role take-overs, errors) and kill processes with SIGKILL to play a crashed
machine.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.support.netutil import free_port
from tests.support.paths import REPO

ROOT = REPO


@dataclass
class Serve:
    name: str
    proc: subprocess.Popen[bytes]
    smtp_port: int
    web_port: int
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self, timeout: float = 120) -> None:
        """Until the web port answers: ``serve`` starts it last, after the outbox workers and roles."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log_text()[-3000:]
                raise AssertionError(f"serve {self.name} exited with {self.proc.returncode}:\n{tail}")
            try:
                with socket.create_connection(("127.0.0.1", self.web_port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"serve {self.name} did not start listening")

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as when a machine loses power."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


def start_serve(db_url: str, tmp: Path, name: str, *, toml: str = "", log_level: str = "INFO",
                env: dict[str, str] | None = None) -> Serve:
    """A ``serve`` process on ``db_url`` with ``toml`` as its configuration file."""
    home = tmp / name
    home.mkdir()
    config = home / "scrubdesk.toml"
    config.write_text(toml)
    smtp_port, web_port = free_port(), free_port()
    environment = dict(
        os.environ, SCRUBDESK_DATABASE_URL=db_url, SCRUBDESK_DATA_DIR=str(home), SCRUBDESK_CONFIG=str(config),
        SCRUBDESK_SMTP__PORT=str(smtp_port), SCRUBDESK_WEB__PORT=str(web_port), SCRUBDESK_LOG_LEVEL=log_level,
        **(env or {}),
    )
    log = home / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=environment, cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT)
    return Serve(name, proc, smtp_port, web_port, log)


def stop_all(procs: list[Serve]) -> None:
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            if p.proc.poll() is None:
                p.proc.send_signal(signal.SIGTERM)
    for p in procs:
        p.stop()


def wait_for(check: Callable[[], bool], timeout: float, interval: float = 0.05) -> float:
    """Poll ``check`` until true; the seconds it took; AssertionError after ``timeout``."""
    t0 = time.monotonic()
    while not check():
        if time.monotonic() - t0 > timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)
    return time.monotonic() - t0
