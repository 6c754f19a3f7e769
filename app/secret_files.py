"""Random secrets kept in the data directory (API token, deployment, placeholder, form and code keys).

Created on first use, readable by the owner only (0600), and published atomically: the value is
written to a private temporary file and linked into place, so a second ``serve`` process starting
at the same moment either wins the race or reads the winner's complete value, never an empty or
half-written file (``touch`` then ``write`` would let it read one).
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def read_or_create(path: Path) -> str:
    """The secret in ``path``; a new random one (``token_urlsafe(32)``) when the file does not exist."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _publish(path, secrets.token_urlsafe(32))
    return path.read_text().strip()


def key_file(path: Path) -> bytes:
    """A 32-byte random key stored as hex: the deployment key (``models.keys``) and the key of one-time
    codes (``privacy.verification.Verifier``).

    Several ``serve`` processes on one database must share these files (or the same content), or what
    one sealed or issued the others cannot open or check.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _publish(path, secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def _publish(path: Path, value: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(value)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # fails if another process published first: theirs is kept
        except FileExistsError:
            return
        log.info("created secret file %s", path.name)
    finally:
        os.unlink(tmp)
