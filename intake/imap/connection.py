"""The IMAP session's life: open the socket (implicit TLS, STARTTLS or loopback clear text), turn on
TCP keepalive, log in (password or XOAUTH2), and log out or drop the socket at the end.

Kept apart from the poller so the one place that decides whether credentials may cross the wire is
short enough to check at a glance (RFC 8314: prefer implicit TLS; never log in over clear text).
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import socket
import ssl
from collections.abc import Callable

from imapclient import IMAPClient, SocketTimeout

from intake.imap.config import ImapMailboxConfig, is_loopback

log = logging.getLogger(__name__)

# Errors that mean "the connection or the server is gone or unhappy": reconnect with back-off.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.error, EOFError)


def connect(config: ImapMailboxConfig, token_provider: Callable[[], str] | None = None) -> IMAPClient:
    """A logged-in client; on any failure the socket is closed before the error goes up.

    ``token_provider``, when given, is asked for a fresh XOAUTH2 access token at this login.
    """
    client = _open(config)
    try:
        if config.tls == "starttls":
            # Without STARTTLS we refuse to go on rather than log in over clear text (RFC 8314).
            client.starttls(_ssl_context(config))
        _keepalive(client)
        _login(client, config, token_provider)
    except BaseException:
        close(client)  # a failed STARTTLS or login must not leak the socket
        raise
    return client


def close(client: IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.logout()
    except Exception:
        # The connection is already gone; closing the socket is all that is left to do.
        with contextlib.suppress(Exception):
            client.shutdown()


def _open(config: ImapMailboxConfig) -> IMAPClient:
    timeout = SocketTimeout(connect=config.connect_timeout, read=config.read_timeout)
    if config.tls == "ssl":
        return IMAPClient(
            config.host, config.effective_port, ssl=True, ssl_context=_ssl_context(config), timeout=timeout
        )
    if config.tls == "plain" and not (config.allow_plaintext and is_loopback(config.host)):
        raise ValueError("refusing clear-text IMAP")  # the model validates this; belt and braces
    return IMAPClient(config.host, config.effective_port, ssl=False, timeout=timeout)


def _ssl_context(config: ImapMailboxConfig) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=str(config.ca_file) if config.ca_file else None)
    if not config.verify_tls:
        log.warning("imap %s: TLS certificate verification is disabled", config.key)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def _keepalive(client: IMAPClient) -> None:
    """TCP keepalive, so a silently dead peer ends an IDLE in minutes instead of at re-IDLE time."""
    sock: socket.socket = client.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for name, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 20), ("TCP_KEEPCNT", 3)):
        if hasattr(socket, name):
            sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)


def _login(client: IMAPClient, config: ImapMailboxConfig, token_provider: Callable[[], str] | None) -> None:
    if config.oauth2_token is not None:
        token = token_provider() if token_provider else config.oauth2_token.get_secret_value()
        client.oauth2_login(config.username, token)
    else:
        assert config.password is not None
        client.login(config.username, config.password.get_secret_value())
