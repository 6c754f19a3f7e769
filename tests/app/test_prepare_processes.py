"""``[intake] prepare_processes``: "auto" decided from the store and the cores, and serve's workers forked
after the scrubber loaded, gone when serve is killed (intake.prepare_pool)."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import core
from app.config import IntakeConfig, Settings
from tests.intake.smtp.test_crash import wait_port
from tests.support.netutil import free_port
from tests.support.paths import REPO


def _settings(url: str, processes: int | str) -> Settings:
    return Settings.model_construct(database_url=url, intake=IntakeConfig(prepare_processes=processes),
                                    data_dir=Path("/nonexistent"))


@pytest.mark.parametrize(("url", "cores", "wanted", "expected"), [
    ("sqlite:///x.sqlite3", 2, "auto", 1),  # one writer: the GIL is the limit, a second core takes the scrubbing
    ("sqlite:///x.sqlite3", 1, "auto", 0),  # no core to spare: a process would only add the hand-off
    ("postgresql://u@h/db", 8, "auto", 0),  # every worker writes: more serve processes scale instead
    ("postgresql://u@h/db", 8, 3, 3),
    ("sqlite:///x.sqlite3", 2, 0, 0),
])
def test_auto_is_one_process_on_sqlite_with_a_core_to_spare(monkeypatch: pytest.MonkeyPatch, url: str, cores: int,
                                                           wanted: int | str, expected: int) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert core.prepare_processes(_settings(url, wanted)) == expected


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and /proc: Linux")
def test_serve_forks_its_prepare_process_and_a_killed_serve_leaves_none(tmp_path: Path) -> None:
    smtp_port, web_port = free_port(), free_port()
    (tmp_path / "c.toml").write_text('[smtp]\naccept = ["support@localhost"]\n')
    env = dict(os.environ, SCRUBDESK_DATA_DIR=str(tmp_path), SCRUBDESK_CONFIG=str(tmp_path / "c.toml"),
               SCRUBDESK_DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SCRUBDESK_SMTP__PORT=str(smtp_port),
               SCRUBDESK_WEB__PORT=str(web_port), SCRUBDESK_INTAKE__PREPARE_PROCESSES="1")
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(smtp_port, proc)
        with smtplib.SMTP("127.0.0.1", smtp_port) as c:
            c.sendmail("jan@example.nl", ["support@localhost"],
                       b"Subject: Vraag\r\nMessage-ID: <p-1@x>\r\n\r\nBel me op 06-12345678.\r\n")
        [worker] = _children(proc.pid)
        # Forked: it runs serve's own command line, not multiprocessing's spawn_main.
        assert Path(f"/proc/{worker}/cmdline").read_bytes() == Path(f"/proc/{proc.pid}/cmdline").read_bytes()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10  # its pipe closed with serve: the worker exits by itself
        while not _gone(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(worker)
    finally:
        if proc.poll() is None:
            proc.kill()
