"""What the workspace's routes need besides the store: the scrubber, the channels that can send, mail identity.

Built by ``app.serve`` (and by tests) and handed to ``create_app``; kept in a small dataclass so the
routes receive it through ``request.app.state`` instead of module globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from scrubber import TextScrubber
from tickets.replies import MailIdentity
from tickets.store import TicketStore


@dataclass
class Workspace:
    # Scrubs what agents write before it is stored; without it replies and notes are refused.
    scrubber: TextScrubber | None = None
    identity: MailIdentity = field(default_factory=lambda: MailIdentity("localhost"))
    # Channels with a configured outbox sender; replies on other channels show "not available".
    available_channels: frozenset[str] = frozenset()
    # Called after a reply is committed, so the outbox worker sends it without waiting for its poll.
    wake_outbox: Callable[[], None] | None = None


def workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def ticket_store(request: Request) -> TicketStore:
    ts: TicketStore = request.app.state.store
    return ts
