"""A local SMTP sink on loopback that stands in for the smarthost (aiosmtpd), optionally with
STARTTLS and AUTH, and a self-signed certificate for it."""

from __future__ import annotations

import ssl
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.netutil import free_port as free_port
from tests.support.netutil import make_self_signed


def self_signed(tmp: Path) -> tuple[Path, Path]:
    cert_path, key_path = tmp / "sink.crt", tmp / "sink.key"
    make_self_signed(cert_path, key_path)
    return cert_path, key_path


class _Handler:
    def __init__(self) -> None:
        self.mails: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.received = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.received:
            self.mails.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.received.notify_all()
        return "250 OK queued"


class SmtpSink:
    """``with SmtpSink() as sink:`` then ``sink.port``, ``sink.mails``."""

    def __init__(self, *, tls: tuple[Path, Path] | None = None, login: tuple[str, str] | None = None) -> None:
        self.handler = _Handler()
        self.port = free_port()
        kwargs: dict[str, Any] = {}
        if tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            kwargs |= {"tls_context": context, "require_starttls": True}
        if login is not None:
            def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
                ok = isinstance(data, LoginPassword) and (data.login.decode(), data.password.decode()) == login
                return AuthResult(success=ok)
            kwargs |= {"authenticator": authenticator, "auth_required": True}
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, server_hostname="localhost",
                                     ready_timeout=10, **kwargs)

    @property
    def mails(self) -> list[EmailMessage]:
        return self.handler.mails

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        with self.handler.received:
            self.handler.received.wait_for(lambda: len(self.handler.mails) >= count, timeout)
        return list(self.handler.mails)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
