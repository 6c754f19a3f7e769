"""IMAP intake: read an existing support mailbox at a mail provider and feed every message to intake.

Many operators cannot point an MX record at scrubdesk but already have a support mailbox (issue #5).
The mailbox itself is the queue (docs/architecture.md, "the upstream is the queue"): a message leaves
the watched folder (MOVE to the processed folder, or the ``\\Seen`` flag) only after the sink reports
it committed, so a crash at any point means a re-delivery, and the store's Message-ID idempotency
makes a re-delivery harmless. Nothing is ever written to disk here; raw bytes live in memory for one
bounded fetch group at a time.

Standards behind the rules below:

* RFC 3501 (IMAP4rev1): UIDs are strictly ascending within one UIDVALIDITY; UIDNEXT is sent on SELECT.
* RFC 2177 (IDLE): the server may drop an idle client after 30 minutes, so re-IDLE before 29.
* RFC 6851 (MOVE), RFC 4315 (UIDPLUS, ``UID EXPUNGE``) for acknowledging by moving.
* RFC 8314: prefer implicit TLS (``ssl``) over STARTTLS; never send credentials in clear text.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import logging
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, Self

from imapclient import DELETED, SEEN, IMAPClient, SocketTimeout
from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from intake.errors import RejectedMessage, TransientError

log = logging.getLogger(__name__)

TlsMode = Literal["ssl", "starttls", "plain"]
AfterCommit = Literal["move", "seen"]

# RFC 2177 section 3: servers MAY log an idle client off after 30 minutes; clients re-IDLE before 29.
RFC2177_IDLE_LIMIT = 29 * 60.0
# How often the IDLE loop looks at the stop event: the upper bound on how long ``stop`` takes there.
_STOP_TICK = 0.5
# Errors that mean "the connection or the server is gone or unhappy": reconnect with back-off.
_NETWORK_ERRORS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.error, EOFError)


class MessageSink(Protocol):
    """Where the poller hands each raw message (the lead's sink: ``parse_email`` + ``submit``).

    ``deliver`` returns only after the message is committed or found to be a duplicate. It raises
    ``RejectedMessage`` for a message that can never be accepted (the poller quarantines it) and
    ``TransientError`` when the store cannot commit now (the poller leaves it and backs off).
    Any other exception is treated like ``RejectedMessage`` so one bad message never stops a mailbox.
    """

    def deliver(self, raw: bytes, *, mailbox: str, uid: int) -> None: ...


class MailboxStateStore(Protocol):
    """Persists, per mailbox, the UIDVALIDITY and the highest UID the poller has finished with."""

    def load(self, mailbox_key: str) -> tuple[int, int] | None: ...

    def save(self, mailbox_key: str, uidvalidity: int, last_uid: int) -> None: ...


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ImapMailboxConfig(BaseModel):
    """One watched mailbox. Secrets are ``SecretStr`` so they never show up in reprs or logs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Stable key for the state store and the sink's ``mailbox`` argument; derived when not given.
    name: str | None = None
    host: str
    port: int | None = Field(default=None, ge=1, le=65535)
    tls: TlsMode = "ssl"
    # Clear-text IMAP is only for a loopback test server, and only when explicitly allowed.
    allow_plaintext: bool = False
    username: str
    password: SecretStr | None = None
    # An OAuth 2.0 access token for SASL XOAUTH2 (Gmail, Microsoft 365); refreshing it is the caller's.
    oauth2_token: SecretStr | None = None
    folder: str = "INBOX"
    processed_folder: str = "scrubdesk-processed"
    quarantine_folder: str = "scrubdesk-quarantine"
    create_folders: bool = True
    after_commit: AfterCommit = "move"
    use_idle: bool = True
    poll_interval: float = Field(default=60.0, gt=0)
    idle_timeout: float = Field(default=25 * 60.0, gt=0, lt=RFC2177_IDLE_LIMIT)
    # Messages per FETCH, and the most message bytes held in memory at once.
    batch_size: int = Field(default=50, ge=1, le=5000)
    max_batch_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    # Larger messages are quarantined without being downloaded at all.
    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    # UIDs asked for per SEARCH, so even the UID list of a huge mailbox stays bounded.
    search_window: int = Field(default=5000, ge=1)
    ca_file: Path | None = None
    verify_tls: bool = True
    connect_timeout: float = Field(default=30.0, gt=0)
    read_timeout: float = Field(default=120.0, gt=0)
    backoff_initial: float = Field(default=1.0, gt=0)
    backoff_max: float = Field(default=300.0, gt=0)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if (self.password is None) == (self.oauth2_token is None):
            raise ValueError("configure exactly one of password and oauth2_token")
        if self.tls == "plain" and not (self.allow_plaintext and _is_loopback(self.host)):
            raise ValueError("tls=plain is only allowed with allow_plaintext=true on a loopback host")
        folders = {self.folder, self.quarantine_folder}
        if self.after_commit == "move":
            folders.add(self.processed_folder)
        if len(folders) != (3 if self.after_commit == "move" else 2):
            raise ValueError("folder, processed_folder and quarantine_folder must differ")
        if self.backoff_max < self.backoff_initial:
            raise ValueError("backoff_max must be >= backoff_initial")
        return self

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.tls == "ssl" else 143

    @property
    def key(self) -> str:
        return self.name or f"{self.username}@{self.host}:{self.effective_port}/{self.folder}"


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
        self._sink = sink
        self._state = state
        self._stop = stop_event
        self._key = config.key
        self._mode = ""
        self._has_move = False
        self._has_uidplus = False
        self._healthy = False
        # Counters for tests and metrics.
        self.delivered = 0
        self.quarantined = 0
        self.reconnects = 0

    # ------------------------------------------------------------------ lifecycle

    def run(self) -> None:
        cfg = self.config
        delay = cfg.backoff_initial
        while not self._stop.is_set():
            client: IMAPClient | None = None
            reason = ""
            try:
                client = self._connect()
                self._session(client)
            except _StopRequested:
                pass
            except TransientError:
                reason = "store unavailable"
            except _NETWORK_ERRORS as exc:
                reason = f"{type(exc).__name__}: {exc}"
            except Exception as exc:
                # A bug must not kill the mailbox thread; the type is enough to find it, the message
                # might quote content.
                reason = f"unexpected {type(exc).__name__}"
            finally:
                self._close(client)
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

    def _set_mode(self, mode: str) -> None:
        """Log a state change once, not every IDLE round or polling tick."""
        if mode != self._mode:
            log.info("imap %s: %s", self._key, mode)
        self._mode = mode

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise _StopRequested

    # ------------------------------------------------------------------ connection

    def _ssl_context(self) -> ssl.SSLContext:
        cfg = self.config
        ctx = ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)
        if not cfg.verify_tls:
            log.warning("imap %s: TLS certificate verification is disabled", self._key)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def _connect(self) -> IMAPClient:
        cfg = self.config
        timeout = SocketTimeout(connect=cfg.connect_timeout, read=cfg.read_timeout)
        if cfg.tls == "ssl":
            client = IMAPClient(
                cfg.host, cfg.effective_port, ssl=True, ssl_context=self._ssl_context(), timeout=timeout
            )
        else:
            if cfg.tls == "plain" and not (cfg.allow_plaintext and _is_loopback(cfg.host)):
                raise ValueError("refusing clear-text IMAP")  # the model validates this; belt and braces
            client = IMAPClient(cfg.host, cfg.effective_port, ssl=False, timeout=timeout)
        try:
            if cfg.tls == "starttls":
                # Without STARTTLS we refuse to go on rather than log in over clear text (RFC 8314).
                client.starttls(self._ssl_context())
            self._keepalive(client)
            if cfg.oauth2_token is not None:
                token = self._token_provider() if self._token_provider else cfg.oauth2_token.get_secret_value()
                client.oauth2_login(cfg.username, token)
            else:
                assert cfg.password is not None
                client.login(cfg.username, cfg.password.get_secret_value())
        except BaseException:
            self._close(client)  # a failed STARTTLS or login must not leak the socket
            raise
        return client

    @staticmethod
    def _keepalive(client: IMAPClient) -> None:
        """TCP keepalive, so a silently dead peer ends an IDLE in minutes instead of at re-IDLE time."""
        sock: socket.socket = client.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 20), ("TCP_KEEPCNT", 3)):
            if hasattr(socket, name):
                sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)

    def _close(self, client: IMAPClient | None) -> None:
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            # The connection is already gone; closing the socket is all that is left to do.
            with contextlib.suppress(Exception):
                client.shutdown()

    # ------------------------------------------------------------------ session

    def _session(self, client: IMAPClient) -> None:
        cfg = self.config
        caps: tuple[bytes, ...] = tuple(client.capabilities())
        self._has_move = b"MOVE" in caps
        self._has_uidplus = b"UIDPLUS" in caps
        use_idle = cfg.use_idle and b"IDLE" in caps
        log.info(
            "imap %s: connected (tls=%s, idle=%s, move=%s, uidplus=%s)",
            self._key, cfg.tls, use_idle, self._has_move, self._has_uidplus,
        )  # fmt: skip
        self._mode = "connected"
        self._ensure_folders(client)
        while True:
            self._drain(client)
            self._healthy = True
            self._check_stop()
            if use_idle:
                self._idle(client)
            else:
                self._set_mode(f"polling every {cfg.poll_interval:g}s")
                if self._stop.wait(cfg.poll_interval):
                    raise _StopRequested

    def _ensure_folders(self, client: IMAPClient) -> None:
        cfg = self.config
        wanted = [cfg.quarantine_folder]
        if cfg.after_commit == "move":
            wanted.append(cfg.processed_folder)
        for folder in wanted:
            if client.folder_exists(folder):
                continue
            if not cfg.create_folders:
                raise imaplib.IMAP4.error(f"folder {folder!r} does not exist")
            try:
                client.create_folder(folder)
                log.info("imap %s: created folder %r", self._key, folder)
            except imaplib.IMAP4.error:
                if not client.folder_exists(folder):  # someone else may have created it meanwhile
                    raise

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

    def _select(self, client: IMAPClient) -> tuple[int, int]:
        info: dict[bytes, Any] = client.select_folder(self.config.folder)
        uidvalidity = int(info[b"UIDVALIDITY"])
        uidnext = int(info.get(b"UIDNEXT") or 0)
        if uidnext <= 0:
            # Every RFC 3501 server sends UIDNEXT on SELECT; for one that does not, ask for it.
            status: dict[bytes, Any] = client.folder_status(self.config.folder, [b"UIDNEXT"])
            uidnext = int(status[b"UIDNEXT"])
        return uidvalidity, uidnext

    def _drain(self, client: IMAPClient) -> None:
        """Handle everything below UIDNEXT; re-SELECT until no new UID appeared meanwhile."""
        previous_next = -1
        while True:
            self._check_stop()
            uidvalidity, uidnext = self._select(client)
            if uidnext == previous_next:
                return
            previous_next = uidnext
            self._drain_until(client, uidvalidity, uidnext)

    def _drain_until(self, client: IMAPClient, uidvalidity: int, uidnext: int) -> None:
        cfg = self.config
        saved = self._state.load(self._key)
        cursor: int | None
        if saved is None:
            cursor = None
            log.info("imap %s: no saved position, scanning the folder", self._key)
        elif saved[0] != uidvalidity:
            # RFC 3501 2.3.1.1: the old UIDs mean nothing now. Handled messages have left the folder
            # (move) or carry \Seen (seen), so the folder's own marks are the position; anything else
            # that comes round again is a duplicate the store's Message-ID key absorbs.
            cursor = None
            log.warning(
                "imap %s: UIDVALIDITY changed %d -> %d, rescanning by folder marks",
                self._key, saved[0], uidvalidity,
            )  # fmt: skip
        else:
            cursor = saved[1]
        # Without a UID position, in \Seen mode the unseen messages are the unhandled ones.
        extra: list[str] = ["UNDELETED"]
        if cursor is None and cfg.after_commit == "seen":
            extra.append("UNSEEN")
        position = cursor or 0
        last_saved = saved

        def save(uid: int) -> None:
            nonlocal last_saved, position
            position = uid
            if last_saved != (uidvalidity, uid):
                self._state.save(self._key, uidvalidity, uid)
                last_saved = (uidvalidity, uid)

        lo = position + 1
        while lo < uidnext:
            self._check_stop()
            hi = min(lo + cfg.search_window - 1, uidnext - 1)
            found: list[int] = client.search(["UID", f"{lo}:{hi}", *extra])
            # A UID range "n:m" may answer with the highest UID even when it lies outside the range.
            uids = sorted(u for u in found if lo <= u <= hi)
            for chunk in _chunks(uids, cfg.batch_size):
                done = self._process(client, chunk)
                if done > position:
                    save(done)
                self._check_stop()
            # Every UID up to ``hi`` is now handled or gone for good (new mail only gets higher UIDs),
            # so a restart of a huge mailbox resumes after the last window.
            save(max(hi, position))
            lo = hi + 1
        save(position)  # records a first start or a new UIDVALIDITY even on an empty folder

    def _process(self, client: IMAPClient, uids: Sequence[int]) -> int:
        """Deliver one chunk; return the highest UID of it that is finished with.

        Raises ``TransientError`` (after acknowledging what was committed) to make the caller back
        off with the rest of the chunk still in the folder.
        """
        cfg = self.config
        sizes: dict[int, dict[bytes, Any]] = client.fetch(list(uids), [b"RFC822.SIZE"])
        done = 0
        group: list[int] = []
        group_bytes = 0
        for uid in uids:
            if self._stop.is_set():
                break
            meta = sizes.get(uid)
            if meta is None:  # expunged by someone else since the SEARCH
                continue
            size = int(meta.get(b"RFC822.SIZE", 0))
            if size > cfg.max_message_bytes:
                done = max(done, self._deliver_group(client, group))
                group, group_bytes = [], 0
                self._quarantine(client, uid, f"larger than max_message_bytes ({size} bytes)")
                done = uid
                continue
            if group and group_bytes + size > cfg.max_batch_bytes:
                done = max(done, self._deliver_group(client, group))
                group, group_bytes = [], 0
            group.append(uid)
            group_bytes += size
        return max(done, self._deliver_group(client, group))

    def _deliver_group(self, client: IMAPClient, uids: list[int]) -> int:
        if not uids:
            return 0
        # BODY.PEEK so that fetching never sets \Seen by itself (RFC 3501 6.4.5).
        bodies: dict[int, dict[bytes, Any]] = client.fetch(uids, [b"BODY.PEEK[]"])
        committed: list[int] = []
        done = 0
        try:
            for uid in uids:
                if self._stop.is_set():
                    break
                data = bodies.pop(uid, None)  # pop: each body is freed as soon as it is handled
                raw = data.get(b"BODY[]") if data else None
                if raw is None:
                    done = uid
                    continue
                try:
                    self._sink.deliver(bytes(raw), mailbox=self._key, uid=uid)
                except RejectedMessage as exc:
                    self._quarantine(client, uid, exc.reason)
                except TransientError:
                    raise
                except Exception as exc:
                    self._quarantine(client, uid, f"sink raised {type(exc).__name__}")
                else:
                    committed.append(uid)
                    self.delivered += 1
                done = uid
        finally:
            # Acknowledge what is committed even when leaving early: fewer harmless re-deliveries.
            if committed:
                self._acknowledge(client, committed)
                log.info("imap %s: %d message(s) delivered and acknowledged", self._key, len(committed))
        return done

    # ------------------------------------------------------------------ acknowledging

    def _acknowledge(self, client: IMAPClient, uids: list[int]) -> None:
        if self.config.after_commit == "seen":
            client.add_flags(uids, [SEEN])
        else:
            self._move(client, uids, self.config.processed_folder)

    def _move(self, client: IMAPClient, uids: list[int], folder: str) -> None:
        if self._has_move:
            client.move(uids, folder)  # RFC 6851: atomic
            return
        client.copy(uids, folder)
        client.add_flags(uids, [DELETED, SEEN])
        if self._has_uidplus:
            # RFC 4315: expunge only our UIDs, never other \Deleted messages in a shared mailbox.
            client.uid_expunge(uids)
        # Without UIDPLUS a plain EXPUNGE would also remove messages a person marked \Deleted; ours
        # stay \Deleted (the searches skip them) until the mailbox owner's client expunges.

    def _quarantine(self, client: IMAPClient, uid: int, reason: str) -> None:
        self._move(client, [uid], self.config.quarantine_folder)
        self.quarantined += 1
        log.warning("imap %s: uid %d quarantined to %r: %s", self._key, uid, self.config.quarantine_folder, reason)
