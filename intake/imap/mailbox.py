"""The folder operations of one logged-in IMAP session: make sure the processed and quarantine folders
exist, SELECT the watched folder, SEARCH and FETCH by UID, and take messages out of the watched folder
once they are handled (acknowledge or quarantine).

Acknowledging is what makes the mailbox a queue: MOVE where the server has it (RFC 6851), otherwise
COPY + ``\\Deleted`` and, with UIDPLUS, ``UID EXPUNGE`` of exactly our UIDs (RFC 4315); in ``seen``
mode only the ``\\Seen`` flag. What the server can do is read once per session from CAPABILITY.
"""

from __future__ import annotations

import imaplib
import logging
from collections.abc import Sequence
from typing import Any

from imapclient import DELETED, SEEN, IMAPClient

from intake.imap.config import ImapMailboxConfig

log = logging.getLogger(__name__)


class Mailbox:
    """One session's view of the configured folders; logs with the mailbox key and UIDs only."""

    def __init__(self, client: IMAPClient, config: ImapMailboxConfig) -> None:
        self.client = client
        self.config = config
        self._key = config.key
        caps: tuple[bytes, ...] = tuple(client.capabilities())
        self.has_move = b"MOVE" in caps
        self.has_uidplus = b"UIDPLUS" in caps
        self.has_idle = b"IDLE" in caps

    def ensure_folders(self) -> None:
        cfg = self.config
        wanted = [cfg.quarantine_folder]
        if cfg.after_commit == "move":
            wanted.append(cfg.processed_folder)
        for folder in wanted:
            if self.client.folder_exists(folder):
                continue
            if not cfg.create_folders:
                raise imaplib.IMAP4.error(f"folder {folder!r} does not exist")
            try:
                self.client.create_folder(folder)
                log.info("imap %s: created folder %r", self._key, folder)
            except imaplib.IMAP4.error:
                if not self.client.folder_exists(folder):  # someone else may have created it meanwhile
                    raise

    # ------------------------------------------------------------------ reading

    def select(self) -> tuple[int, int]:
        """SELECT the watched folder; return its UIDVALIDITY and UIDNEXT."""
        info: dict[bytes, Any] = self.client.select_folder(self.config.folder)
        uidvalidity = int(info[b"UIDVALIDITY"])
        uidnext = int(info.get(b"UIDNEXT") or 0)
        if uidnext <= 0:
            # Every RFC 3501 server sends UIDNEXT on SELECT; for one that does not, ask for it.
            status: dict[bytes, Any] = self.client.folder_status(self.config.folder, [b"UIDNEXT"])
            uidnext = int(status[b"UIDNEXT"])
        return uidvalidity, uidnext

    def search(self, lo: int, hi: int, criteria: Sequence[str]) -> list[int]:
        """The UIDs in ``lo:hi`` that match ``criteria``, ascending."""
        found: list[int] = self.client.search(["UID", f"{lo}:{hi}", *criteria])
        # A UID range "n:m" may answer with the highest UID even when it lies outside the range.
        return sorted(u for u in found if lo <= u <= hi)

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        """RFC822.SIZE per UID; a UID expunged by someone else meanwhile is missing."""
        fetched: dict[int, dict[bytes, Any]] = self.client.fetch(list(uids), [b"RFC822.SIZE"])
        return {uid: int(meta.get(b"RFC822.SIZE", 0)) for uid, meta in fetched.items()}

    def bodies(self, uids: list[int]) -> dict[int, dict[bytes, Any]]:
        # BODY.PEEK so that fetching never sets \Seen by itself (RFC 3501 6.4.5).
        fetched: dict[int, dict[bytes, Any]] = self.client.fetch(uids, [b"BODY.PEEK[]"])
        return fetched

    # ------------------------------------------------------------------ taking messages out

    def acknowledge(self, uids: list[int]) -> None:
        if self.config.after_commit == "seen":
            self.client.add_flags(uids, [SEEN])
        else:
            self._move(uids, self.config.processed_folder)

    def quarantine(self, uid: int, reason: str) -> None:
        self._move([uid], self.config.quarantine_folder)
        log.warning("imap %s: uid %d quarantined to %r: %s", self._key, uid, self.config.quarantine_folder, reason)

    def _move(self, uids: list[int], folder: str) -> None:
        if self.has_move:
            self.client.move(uids, folder)  # RFC 6851: atomic
            return
        self.client.copy(uids, folder)
        self.client.add_flags(uids, [DELETED, SEEN])
        if self.has_uidplus:
            # RFC 4315: expunge only our UIDs, never other \Deleted messages in a shared mailbox.
            self.client.uid_expunge(uids)
        # Without UIDPLUS a plain EXPUNGE would also remove messages a person marked \Deleted; ours
        # stay \Deleted (the searches skip them) until the mailbox owner's client expunges.
