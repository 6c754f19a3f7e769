"""The SMTP server (aiosmtpd): a customer's mail server delivers here, we answer 250 after commit.

The status string a hook returns is the reply the client sees (aiosmtpd's handler contract):
- RCPT to an address that is not a configured support address: 550 (RFC 5321 section 4.2.2)
- DATA over the size limit: 552 (aiosmtpd enforces ``data_size_limit`` itself)
- the store locked or down, or anything unexpected: 451, so the sending MTA keeps the message and
  retries (RFC 5321 section 4.5.4.1): the upstream is our queue, nothing is lost
- committed, or already stored (a retry), or deliberately ignored (auto-reply): 250
Peers in ``trusted_relays`` (our own border MTA, e.g. Postfix in front) are special twice over: they
are exempt from the per-client-IP message limit, since all relayed mail comes from their one address
and they apply their own limits; and only their ``Authentication-Results`` reach intake. A client
that talks to us directly can write any header, our authserv-id included, so from anyone else those
headers are dropped (RFC 8601 section 5: only results added by our own border are trusted; section
7.1 on forged header fields) and such mail carries no DMARC evidence at all.
The core (parsing, scrubbing, the store) is synchronous and runs in a bounded thread pool so the
event loop keeps serving other connections.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import ssl
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Self

from aiosmtpd.smtp import SMTP, Envelope, Session
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from intake.errors import RejectedMessage, TransientError
from intake.mail.parse import parse_email, to_inbound
from intake.message import InboundMessage
from intake.pipeline import SubmitOutcome

log = logging.getLogger(__name__)

Submit = Callable[[InboundMessage], SubmitOutcome]
# ``Intake.submit_later``: the outcome, or an awaitable of it resolved on the loop after the commit.
SubmitLater = Callable[[InboundMessage, asyncio.AbstractEventLoop], SubmitOutcome | Awaitable[SubmitOutcome]]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class SmtpSettings(BaseModel):
    """The ``[smtp]`` section of the configuration, and what the server runs with."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    host: str = "127.0.0.1"
    port: int = 2525
    hostname: str = "scrubdesk.localhost"
    # Exact addresses ("support@example.nl") or whole domains ("@example.nl"), case-insensitive.
    accept: tuple[str, ...] = ("support@localhost",)
    max_message_bytes: int = 25 * 1024 * 1024
    max_connections: int = 100
    # Messages per client IP per minute; past it, 421 asks the client to come back later.
    max_messages_per_minute: int = 120
    # Our own relays (Postfix in front): addresses or CIDR networks. Exempt from the per-IP limit, and
    # the only peers whose Authentication-Results are kept (RFC 8601 section 5). Default: none.
    trusted_relays: tuple[Network, ...] = ()
    # A certificate and key enable STARTTLS (RFC 3207); ``tls_context`` is built from them unless given.
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_context: ssl.SSLContext | None = Field(default=None, exclude=True)
    require_starttls: bool = False
    timeout: float = 300.0

    @field_validator("trusted_relays", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return value
        networks: list[Network] = []
        for item in value:
            try:
                # strict: "10.0.0.1/8" (host bits set) is refused rather than read as all of 10/8
                networks.append(item if isinstance(item, Network) else ipaddress.ip_network(str(item).strip()))
            except ValueError as exc:
                raise ValueError(f"trusted_relays: {item!r} is not an IP address or CIDR network ({exc})") from exc
        return tuple(networks)

    @model_validator(mode="after")
    def _load_certificate(self) -> Self:
        if self.tls_context is None and self.tls_cert and self.tls_key:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(self.tls_cert), str(self.tls_key))
            object.__setattr__(self, "tls_context", context)
        return self

    @property
    def starttls_required(self) -> bool:
        return self.require_starttls and self.tls_context is not None


def accepts(patterns: tuple[str, ...], address: str) -> bool:
    addr = address.strip().strip("<>").lower()
    domain = addr.rpartition("@")[2]
    for pattern in patterns:
        p = pattern.strip().lower()
        if p.startswith("@") and domain == p[1:]:
            return True
        if addr == p:
            return True
    return False


def is_trusted_peer(settings: SmtpSettings, peer: object) -> bool:
    """Whether ``peer`` (aiosmtpd's ``session.peer``, a socket address) is one of ``trusted_relays``."""
    if not settings.trusted_relays or not isinstance(peer, tuple | list) or not peer:
        return False
    try:
        address = ipaddress.ip_address(str(peer[0]))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # an IPv4 relay on a dual-stack listener
    return any(address in network for network in settings.trusted_relays)


def client_network(address: str) -> str:
    """The network a client address is in (IPv4 /24, IPv6 /48), for logs.

    An IP address is personal data (CJEU C-582/14, Breyer), and logs must hold none: the network is
    enough to see where a flood comes from and to block it, without naming one subscriber.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "?"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


@dataclass
class _RateWindow:
    """A sliding one-minute window of accepted messages per client address."""

    limit: int
    seen: dict[str, deque[float]] = field(default_factory=dict)

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        window = self.seen.setdefault(client, deque())
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.limit:
            return False
        window.append(now)
        if len(self.seen) > 10000:  # forget idle clients so the table stays small
            for key in [k for k, v in self.seen.items() if not v]:
                del self.seen[key]
        return True


class IntakeHandler:
    """aiosmtpd handler hooks."""

    def __init__(self, submit: Submit, settings: SmtpSettings, executor: Executor,
                 submit_later: SubmitLater | None = None) -> None:
        self.submit = submit
        # When given, a worker hands the message to the writer and is free again; the 250 waits on the loop.
        self.submit_later = submit_later
        self.settings = settings
        self.executor = executor
        self.rate = _RateWindow(settings.max_messages_per_minute)
        self.in_flight = 0
        self.idle = asyncio.Event()
        self.idle.set()

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        client = str(session.peer[0]) if session.peer else "?"
        # A trusted relay forwards everyone's mail from one address and has limits of its own.
        if not is_trusted_peer(self.settings, session.peer) and not self.rate.allow(client):
            log.warning("smtp: rate limit for a client in %s", client_network(client))
            return "421 4.7.0 Too many messages from your address, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if not accepts(self.settings.accept, address):
            return "550 5.1.1 Recipient address not accepted here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        raw = envelope.original_content
        if raw is None:
            return "451 4.3.0 No message data received, try again"
        self.in_flight += 1
        self.idle.clear()
        try:
            loop = asyncio.get_running_loop()
            pending = await loop.run_in_executor(
                self.executor,
                self._process,
                raw,
                envelope.mail_from or "",
                tuple(envelope.rcpt_tos),
                is_trusted_peer(self.settings, session.peer),
                loop,
            )
            # Answered by the writer on this loop once its batch committed: still 250 only after commit.
            outcome = pending if isinstance(pending, SubmitOutcome) else await pending
        except TransientError:
            return "451 4.3.0 Temporary failure storing the message, try again later"
        except RejectedMessage as exc:
            log.info("smtp: rejected: %s", exc.reason)
            return f"{exc.smtp_code} 5.6.0 Message refused: {exc.reason}"
        except Exception:
            # Unknown failure: keep the message upstream rather than risk losing it.
            log.exception("smtp: unexpected failure processing a message")
            return "451 4.3.0 Internal error, try again later"
        finally:
            self.in_flight -= 1
            if self.in_flight == 0:
                self.idle.set()
        if outcome.status == "stored":
            return f"250 2.0.0 Ok: ticket {outcome.ticket_number}"
        return f"250 2.0.0 Ok: {outcome.status}"

    def _process(self, raw: bytes, mail_from: str, rcpt_tos: tuple[str, ...], trusted: bool,
                 loop: asyncio.AbstractEventLoop) -> SubmitOutcome | Awaitable[SubmitOutcome]:
        envelope_from = "" if mail_from in ("", "<>") else mail_from.strip("<>").lower()
        parsed = parse_email(raw, envelope_from=envelope_from)
        if not parsed.from_addr and envelope_from:
            # No usable From header: the envelope sender is who we can answer, so the customer's
            # message still becomes a ticket instead of being dropped as machine mail.
            parsed = replace(parsed, from_addr=envelope_from)
        # RCPT TO is where the mail was delivered (RFC 5321 section 3.3), To/Cc whom the sender named
        # (a Bcc to sales@ names someone else): the envelope first, so the mailbox (brand) is routed by
        # the address that received it, then the headers' for a relay that rewrote the envelope.
        msg = to_inbound(parsed, raw, delivered_to=tuple(a.lower() for a in rcpt_tos))
        changes: dict[str, Any] = {}
        if not trusted and msg.authentication_results:
            # Not our border MTA: whatever Authentication-Results it sent, the sender may have written
            # them, so none reach intake (RFC 8601 sections 5 and 7.1). From a trusted relay they all
            # go on, and privacy.evidence counts only the topmost one with our authserv-id.
            log.debug("smtp: %d Authentication-Results dropped: peer is not a trusted relay",
                      len(msg.authentication_results))
            changes["authentication_results"] = ()
        if not envelope_from and not msg.auto_submitted:
            # A null reverse-path means "do not answer": only notifications use it (RFC 5321 4.5.5).
            changes.update(auto_submitted=True, auto_reason="null reverse-path")
        # (one more message made only when something changed: each is a copy of every field, cleaned again)
        final = replace(msg, **changes) if changes else msg
        return self.submit_later(final, loop) if self.submit_later is not None else self.submit(final)


class _IntakeSMTP(SMTP):
    """aiosmtpd's SMTP protocol with a cap on concurrent connections."""

    # RFC 5321 limits lines to 1000 octets, but real mail (HTML without line breaks) is often longer;
    # refusing it would bounce genuine customer mail, so we accept long lines.
    line_length_limit = 64 * 1024

    def __init__(self, handler: IntakeHandler, counter: list[int], max_connections: int, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self._counter = counter
        self._max_connections = max_connections
        self._counted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if self._original_transport is None and not self._counted:
            if self._counter[0] >= self._max_connections:
                assert isinstance(transport, asyncio.WriteTransport)
                transport.write(b"421 4.7.0 Too many connections, try again later\r\n")
                transport.close()
                return
            self._counter[0] += 1
            self._counted = True
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        if not self._counted:
            return
        if self._original_transport is None or self.transport is None:
            self._counted = False
            self._counter[0] -= 1
        super().connection_lost(error)


class SmtpServer:
    """Runs the SMTP listener on the current event loop; ``stop`` finishes in-flight messages."""

    def __init__(self, submit: Submit, settings: SmtpSettings, executor: Executor,
                 submit_later: SubmitLater | None = None) -> None:
        self.settings = settings
        self.handler = IntakeHandler(submit, settings, executor, submit_later)
        self._server: asyncio.Server | None = None
        self._connections = [0]

    def _factory(self) -> SMTP:
        s = self.settings
        return _IntakeSMTP(
            self.handler,
            self._connections,
            s.max_connections,
            data_size_limit=s.max_message_bytes,
            enable_SMTPUTF8=True,
            hostname=s.hostname,
            ident="scrubdesk",
            tls_context=s.tls_context,
            require_starttls=s.starttls_required,
            timeout=s.timeout,
        )

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._factory, host=self.settings.host, port=self.settings.port)
        log.info("smtp: listening on %s:%d", self.settings.host, self.port)

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self, grace: float = 30.0) -> None:
        """Stop accepting, then wait (up to ``grace`` seconds) for messages being stored."""
        if self._server is None:
            return
        self._server.close()
        try:
            await asyncio.wait_for(self.handler.idle.wait(), timeout=grace)
        except TimeoutError:
            log.warning("smtp: %d messages still in flight at shutdown", self.handler.in_flight)
        self._server = None
