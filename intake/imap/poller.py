"""``ImapPoller``: the loop that watches one mailbox until told to stop.

Connect, make sure the folders exist, drain everything below UIDNEXT from the saved UID position,
then wait for more (IDLE where the server has it, else polling) and drain again; on any network or
store error drop the connection and reconnect with jittered exponential back-off. The session's
life is in ``connection``, the folder operations in ``mailbox``, handing messages to the sink in
``delivery``, the UID position rules in ``state``.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from imapclient import IMAPClient

from intake.errors import TransientError
from intake.imap.config import ImapMailboxConfig
from intake.imap.connection import NETWORK_ERRORS, close, connect
from intake.imap.delivery import Delivery
from intake.imap.mailbox import Mailbox
from intake.imap.state import MailboxStateStore, MessageSink, UidPosition

log = logging.getLogger(__name__)

# How often the IDLE loop looks at the stop event: the upper bound on how long ``stop`` takes there.
_STOP_TICK = 0.5


class _StopRequested(Exception):
    """Internal: unwinds a drain when the stop event is set."""


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class ImapPoller:
    """Watches one mailbox until ``stop_event`` is set; ``run`` blocks (serve runs it in a thread).

    State changes (connected, idling, polling, backing off, quarantined) are logged with the mailbox
    key, UIDs and counts only, never headers or bodies.
    """

    def __init__(
        self,
        config: ImapMailboxConfig,
        sink: MessageSink,
        state: MailboxStateStore,
        *,
        stop_event: threading.Event,
        oauth2_token_provider: Callable[[], str] | None = None,
    ) -> None:
        """``oauth2_token_provider``, when given, is called at every XOAUTH2 login for a fresh access
        token (access tokens live about an hour; refreshing them is the caller's business). Without it
        the configured ``oauth2_token`` is used.
        """
        self.config = config
        self._token_provider = oauth2_token_provider
        self._delivery = Delivery(config, sink, stop_event)
        self._state = state
        self._stop = stop_event
        self._key = config.key
        self._mode = ""
        self._healthy = False
        # Counter for tests and metrics (``delivered`` and ``quarantined`` are the delivery's).
        self.reconnects = 0

    @property
    def delivered(self) -> int:
        return self._delivery.delivered

    @property
    def quarantined(self) -> int:
        return self._delivery.quarantined

    # ------------------------------------------------------------------ lifecycle

    def run(self) -> None:
        cfg = self.config
        delay = cfg.backoff_initial
        while not self._stop.is_set():
            reason = self._connected_session()
            if self._stop.is_set():
                break
            if self._healthy:
                delay = cfg.backoff_initial
                self._healthy = False
            self.reconnects += 1
            # Jitter so that many pollers do not hammer a restarted server in lock-step.
            wait = min(delay, cfg.backoff_max) * random.uniform(0.8, 1.2)
            self._mode = "backing off"
            log.warning("imap %s: backing off %.1fs after %s", self._key, wait, reason)
            self._stop.wait(wait)
            delay = min(delay * 2, cfg.backoff_max)
        self._set_mode("stopped")

    def _connected_session(self) -> str:
        """Connect and run one session until it ends; return why it ended ("" for a stop)."""
        client: IMAPClient | None = None
        reason = ""
        try:
            client = connect(self.config, self._token_provider)
            self._session(client)
        except _StopRequested:
            pass
        except TransientError:
            reason = "store unavailable"
        except NETWORK_ERRORS as exc:
            reason = f"{type(exc).__name__}: {exc}"
        except Exception as exc:
            # A bug must not kill the mailbox thread; the type is enough to find it, the message
            # might quote content.
            reason = f"unexpected {type(exc).__name__}"
        finally:
            close(client)
        return reason

    def _set_mode(self, mode: str) -> None:
        """Log a state change once, not every IDLE round or polling tick."""
        if mode != self._mode:
            log.info("imap %s: %s", self._key, mode)
        self._mode = mode

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise _StopRequested

    # ------------------------------------------------------------------ session

    def _session(self, client: IMAPClient) -> None:
        cfg = self.config
        mailbox = Mailbox(client, cfg)
        use_idle = cfg.use_idle and mailbox.has_idle
        log.info(
            "imap %s: connected (tls=%s, idle=%s, move=%s, uidplus=%s)",
            self._key, cfg.tls, use_idle, mailbox.has_move, mailbox.has_uidplus,
        )  # fmt: skip
        self._mode = "connected"
        mailbox.ensure_folders()
        while True:
            self._drain(mailbox)
            self._healthy = True
            self._check_stop()
            if use_idle:
                self._idle(client)
            else:
                self._set_mode(f"polling every {cfg.poll_interval:g}s")
                if self._stop.wait(cfg.poll_interval):
                    raise _StopRequested

    def _idle(self, client: IMAPClient) -> None:
        """IDLE until new mail, the re-IDLE deadline (RFC 2177), a dead connection or stop."""
        cfg = self.config
        client.idle()
        self._set_mode("idling")
        deadline = time.monotonic() + cfg.idle_timeout
        # An exception in here means the connection is broken: no DONE, the caller reconnects.
        while not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                log.debug("imap %s: re-IDLE", self._key)
                break
            tick = min(_STOP_TICK, remaining)
            started = time.monotonic()
            responses: list[tuple[Any, ...]] = client.idle_check(timeout=tick)
            if any(len(r) > 0 and r[0] == b"BYE" for r in responses):
                raise ConnectionError("server said BYE")
            if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                break
            # imapclient swallows EOF in idle_check and returns nothing at once: leave IDLE and
            # let DONE find out whether the connection is still alive.
            if not responses and time.monotonic() - started < tick / 2:
                break
        client.idle_done()

    # ------------------------------------------------------------------ draining

    def _drain(self, mailbox: Mailbox) -> None:
        """Handle everything below UIDNEXT; re-SELECT until no new UID appeared meanwhile."""
        previous_next = -1
        while True:
            self._check_stop()
            uidvalidity, uidnext = mailbox.select()
            if uidnext == previous_next:
                return
            previous_next = uidnext
            self._drain_until(mailbox, UidPosition(self._state, self._key, uidvalidity), uidnext)

    def _drain_until(self, mailbox: Mailbox, position: UidPosition, uidnext: int) -> None:
        """Deliver the folder's UIDs from ``position`` up to ``uidnext`` one SEARCH window at a time."""
        cfg = self.config
        # Without a UID position, in \Seen mode the unseen messages are the unhandled ones.
        criteria: list[str] = ["UNDELETED"]
        if not position.known and cfg.after_commit == "seen":
            criteria.append("UNSEEN")
        lo = position.uid + 1
        while lo < uidnext:
            self._check_stop()
            hi = min(lo + cfg.search_window - 1, uidnext - 1)
            for chunk in _chunks(mailbox.search(lo, hi, criteria), cfg.batch_size):
                done = self._delivery.process(mailbox, chunk)
                if done > position.uid:
                    position.save(done)
                self._check_stop()
            # Every UID up to ``hi`` is now handled or gone for good (new mail only gets higher UIDs),
            # so a restart of a huge mailbox resumes after the last window.
            position.save(max(hi, position.uid))
            lo = hi + 1
        position.save(position.uid)  # records a first start or a new UIDVALIDITY even on an empty folder
