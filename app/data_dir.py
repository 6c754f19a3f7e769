"""The data directory and the SQLite files: readable by the service's own user only.

The data directory holds the embedded database (its WAL and shared-memory files), the deployment,
verification and placeholder keys and the API token. Readable by every local user, any of them could
copy a live verification code out of the WAL or a token out of a file. So every process starts with
umask 077 (what it creates is 0600, directories 0700), and at start the directory and the files in
it that are looser are tightened, with a warning naming what was changed (an existing installation
made before this check, or a directory an administrator created by hand).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077


def prepare(data_dir: Path, database_url: str) -> None:
    """Set the process umask, create the data directory (0700), and tighten what is looser."""
    os.umask(PRIVATE_UMASK)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    _tighten(data_dir, directory=True)
    for path in data_dir.rglob("*"):
        _tighten(path, directory=path.is_dir())
    database = _sqlite_file(database_url)
    if database is not None and data_dir.resolve() not in database.resolve().parents:
        database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))):
            if path.exists():
                _tighten(path, directory=False)


def _tighten(path: Path, *, directory: bool) -> None:
    if path.is_symlink():
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        wanted = 0o700 if directory else 0o600
        path.chmod(wanted)
        log.warning("%s was readable by other users (mode %03o); restricted to %03o", path, mode, wanted)


def _sqlite_file(database_url: str) -> Path | None:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
