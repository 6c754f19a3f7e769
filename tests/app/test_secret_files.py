"""The secret files of the data directory: private, created once, the same for every reader."""

from __future__ import annotations

import threading
from pathlib import Path

from app.secret_files import key_file, read_or_create


def test_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "verification.key"
    key = key_file(path)
    assert len(key) == 32 and path.stat().st_mode & 0o777 == 0o600
    assert key_file(path) == key


def test_processes_starting_together_read_one_complete_secret(tmp_path: Path) -> None:
    path = tmp_path / "api-token"
    seen: list[str] = []
    start = threading.Barrier(8)

    def read() -> None:
        start.wait()
        seen.append(read_or_create(path))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1 and len(seen[0]) >= 40
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["api-token"]  # no temporary file left behind
