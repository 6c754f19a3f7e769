"""Hand one chunk of UIDs to the sink in groups bounded by bytes, and acknowledge what committed.

This is where memory stays bounded: sizes are fetched first, a message over ``max_message_bytes`` is
quarantined without being downloaded, and bodies are fetched one group of at most
``max_batch_bytes`` at a time and freed as soon as each is handed over. Only what the sink reports
committed (or a duplicate) leaves the watched folder, so a crash means a harmless re-delivery.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from intake.errors import RejectedMessage, TransientError
from intake.imap.config import ImapMailboxConfig
from intake.imap.mailbox import Mailbox
from intake.imap.state import MessageSink

log = logging.getLogger(__name__)


class Delivery:
    """Delivers chunks for one poller; counts what it delivered and quarantined (tests, metrics)."""

    def __init__(self, config: ImapMailboxConfig, sink: MessageSink, stop_event: threading.Event) -> None:
        self.config = config
        self._sink = sink
        self._stop = stop_event
        self._key = config.key
        self.delivered = 0
        self.quarantined = 0

    def process(self, mailbox: Mailbox, uids: Sequence[int]) -> int:
        """Deliver one chunk; return the highest UID of it that is finished with.

        Raises ``TransientError`` (after acknowledging what was committed) to make the caller back
        off with the rest of the chunk still in the folder.
        """
        cfg = self.config
        sizes = mailbox.sizes(uids)
        done = 0
        group: list[int] = []
        group_bytes = 0
        for uid in uids:
            if self._stop.is_set():
                break
            size = sizes.get(uid)
            if size is None:  # expunged by someone else since the SEARCH
                continue
            if size > cfg.max_message_bytes:
                done = max(done, self._deliver_group(mailbox, group))
                group, group_bytes = [], 0
                self._quarantine(mailbox, uid, f"larger than max_message_bytes ({size} bytes)")
                done = uid
                continue
            if group and group_bytes + size > cfg.max_batch_bytes:
                done = max(done, self._deliver_group(mailbox, group))
                group, group_bytes = [], 0
            group.append(uid)
            group_bytes += size
        return max(done, self._deliver_group(mailbox, group))

    def _deliver_group(self, mailbox: Mailbox, uids: list[int]) -> int:
        if not uids:
            return 0
        bodies = mailbox.bodies(uids)
        committed: list[int] = []
        done = 0
        try:
            for uid in uids:
                if self._stop.is_set():
                    break
                data = bodies.pop(uid, None)  # pop: each body is freed as soon as it is handled
                raw = data.get(b"BODY[]") if data else None
                if raw is not None and self._deliver_one(mailbox, uid, raw):
                    committed.append(uid)
                done = uid
        finally:
            # Acknowledge what is committed even when leaving early: fewer harmless re-deliveries.
            if committed:
                mailbox.acknowledge(committed)
                log.info("imap %s: %d message(s) delivered and acknowledged", self._key, len(committed))
        return done

    def _deliver_one(self, mailbox: Mailbox, uid: int, raw: bytes) -> bool:
        """Hand one message to the sink: True when committed, False when quarantined instead."""
        try:
            self._sink.deliver(bytes(raw), mailbox=self._key, uid=uid)
        except RejectedMessage as exc:
            self._quarantine(mailbox, uid, exc.reason)
        except TransientError:
            raise
        except Exception as exc:
            self._quarantine(mailbox, uid, f"sink raised {type(exc).__name__}")
        else:
            self.delivered += 1
            return True
        return False

    def _quarantine(self, mailbox: Mailbox, uid: int, reason: str) -> None:
        mailbox.quarantine(uid, reason)
        self.quarantined += 1
