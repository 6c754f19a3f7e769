"""``InboundMessage``: the one shape every channel's adapter produces (see docs/architecture).

It carries raw, unscrubbed text and lives only in memory between the adapter and the commit. The
fields that end up in a header (subject, sender name, attachment file names) are cleaned of control
characters when a message is made, whatever the channel (``intake.sanitize``, issue 15 finding 11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from intake.sanitize import clean_filename, clean_header_text
from models import Channel


@dataclass(frozen=True, slots=True)
class InboundAttachment:
    filename: str | None
    content_type: str
    data: bytes

    def __post_init__(self) -> None:
        if self.filename is not None:
            object.__setattr__(self, "filename", clean_filename(self.filename) or None)


@dataclass(frozen=True, slots=True)
class BounceReport:
    """A delivery status notification (RFC 3464) about a message we sent."""

    original_message_id: str | None
    status: str | None  # the DSN status code, e.g. "5.1.1"
    action: str | None  # failed, delayed, ...


@dataclass(frozen=True, slots=True)
class InboundMessage:
    channel: Channel
    # The idempotency key within the channel: Message-ID for mail (or a content hash when it has
    # none), the platform's message id for chat and social channels.
    external_id: str
    # The channel address of the sender: a lower-cased e-mail address, a Telegram chat id, a phone id.
    sender: str
    text: str
    sender_name: str | None = None
    subject: str | None = None
    recipients: tuple[str, ...] = ()
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # Mail threading (RFC 5322 section 3.6.4); empty for other channels.
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    # Set by the adapter when the message is machine-generated (RFC 3834 and friends).
    auto_submitted: bool = False
    auto_reason: str | None = None
    bounce: BounceReport | None = None
    attachments: tuple[InboundAttachment, ...] = ()
    # The Authentication-Results header(s) our own MTA added (RFC 8601), for identity evidence.
    authentication_results: tuple[str, ...] = ()
    lang_hint: str | None = None
    # Text whose content is the sender's but that the adapter could not decode cleanly.
    parse_defects: tuple[str, ...] = ()
    # The same problems as short notes for the agent ("charset guessed as cp1252", "sender address
    # repaired"): fixed wording with charset labels at most, never the sender's text or bytes. The
    # mail adapter also appends them to ``text`` so the stored message shows them.
    parse_notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # frozen: the cleaned values replace the given ones once, here, before anyone reads them.
        if self.subject is not None:
            object.__setattr__(self, "subject", clean_header_text(self.subject))
        if self.sender_name is not None:
            object.__setattr__(self, "sender_name", clean_header_text(self.sender_name) or None)
