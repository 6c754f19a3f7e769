"""Errors an adapter maps to its channel's answer (SMTP 451/550/552, HTTP 5xx/4xx, IMAP quarantine)."""

from __future__ import annotations


class IntakeError(Exception):
    """Base of the errors ``submit`` raises; messages never contain message content."""


class TransientError(IntakeError):
    """The store could not commit now (locked, down); the sender must retry: SMTP 451, HTTP 503."""


class RejectedMessage(IntakeError):
    """The message can never be accepted as it is (too large, unparseable): SMTP 550/552, quarantine."""

    def __init__(self, reason: str, *, smtp_code: int = 550) -> None:
        super().__init__(reason)
        self.reason = reason
        self.smtp_code = smtp_code
