"""Intake rules: small named checks that stop a message from opening a ticket (after Mailman 3).

Each rule has one ``check`` and a name that ends up in the log. The adapters classify what they
receive (e-mail headers in ``intake.mail.parse``); these rules decide on that classification, so
that every channel's machine-generated traffic is treated the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from intake.message import InboundMessage


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    rule: str
    detail: str | None = None


def _bounce(msg: InboundMessage) -> RuleVerdict | None:
    # RFC 3464 delivery status notifications: recorded on the ticket of the bounced reply.
    return RuleVerdict("bounce") if msg.bounce is not None else None


def _auto_submitted(msg: InboundMessage) -> RuleVerdict | None:
    # RFC 3834 section 2: never answer (or open tickets for) auto-submitted mail, which also breaks
    # loops between our auto-acknowledgement and someone's out-of-office reply.
    return RuleVerdict("auto_submitted", msg.auto_reason) if msg.auto_submitted else None


def _no_sender(msg: InboundMessage) -> RuleVerdict | None:
    # A null reverse-path (RFC 5321 section 4.5.5) is only used by notifications.
    return RuleVerdict("no_sender") if not msg.sender.strip() else None


RULES: tuple[Callable[[InboundMessage], RuleVerdict | None], ...] = (_bounce, _auto_submitted, _no_sender)


def check_rules(msg: InboundMessage) -> RuleVerdict | None:
    """The first rule that holds, or None when the message should become (part of) a ticket."""
    for rule in RULES:
        verdict = rule(msg)
        if verdict is not None:
            return verdict
    return None
