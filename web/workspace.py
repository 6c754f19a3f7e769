"""What the workspace's routes need besides the store: the scrubber, the channels that can send, mail identity.

Built by ``app.serve`` (and by tests) and handed to ``create_app``; kept in a small dataclass so the
routes receive it through ``request.app.state`` instead of module globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from scrubber import TextScrubber
from tickets.operator import OperatorIdentity
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
    # The company's own names, addresses, phones and domains (``[operator]``): kept in what agents write.
    operator: OperatorIdentity = field(default_factory=OperatorIdentity)
    # E-mail replies without a configured smarthost (``make run`` as installed): queued in the outbox,
    # with a notice on the ticket page, and sent once ``[outbound_mail]`` is set and serve restarted.
    queue_mail_without_sender: bool = True
    # Seconds between the pages' polls (live queue, counter, presence); 0 switches polling off.
    poll_seconds: int = 15

    def reply_channels(self) -> frozenset[str]:
        """Channels a reply is accepted on: those with a sender, and e-mail (queued) when none is set."""
        if self.queue_mail_without_sender and "email" not in self.available_channels:
            return self.available_channels | {"email", "webform"}
        return self.available_channels

    def mail_queued_only(self, channel: str) -> bool:
        """Replies on ``channel`` are stored and queued, but nothing sends them yet."""
        return channel == "email" and "email" not in self.available_channels and self.queue_mail_without_sender


def workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def ticket_store(request: Request) -> TicketStore:
    ts: TicketStore = request.app.state.store
    return ts
