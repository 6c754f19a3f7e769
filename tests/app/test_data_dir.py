"""Issue #15, finding 1: the data directory and the SQLite files are the service user's own."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _own_umask() -> Iterator[None]:
    """``prepare`` sets the process umask (it runs at the start of every command); the tests' must stay."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def test_a_new_data_directory_is_private_and_so_is_what_is_created_in_it(tmp_path: Path) -> None:
    os.umask(0o022)
    home = tmp_path / "var"
    data_dir.prepare(home, f"sqlite:///{home / 'scrubdesk.sqlite3'}")
    (home / "made-later").write_text("x")
    assert mode(home) == 0o700 and mode(home / "made-later") == 0o600


def test_an_existing_loose_directory_is_tightened_with_a_warning(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    home = tmp_path / "var"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    for name in ("scrubdesk.sqlite3", "scrubdesk.sqlite3-wal", "api-token"):
        (home / name).write_text("x")
        (home / name).chmod(0o644)
    outside = tmp_path / "db" / "store.sqlite3"
    outside.parent.mkdir()
    outside.write_text("x")
    outside.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="app.data_dir"):
        data_dir.prepare(home, f"sqlite:///{outside}")
    assert mode(home) == 0o700
    assert {p.name: mode(p) for p in home.iterdir()} == dict.fromkeys(
        ("scrubdesk.sqlite3", "scrubdesk.sqlite3-wal", "api-token"), 0o600)
    assert mode(outside) == 0o600
    assert "readable by other users" in caplog.text
