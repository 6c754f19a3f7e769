"""Tables of the agents' workspace: agents, their sessions, API tokens, login attempts and the public
pages' rate-limited hits, macros (canned replies that may also act), tags, due times.

Secrets are never stored: passwords as argon2id hashes, session cookies and API tokens as SHA-256
digests of high-entropy random values (a leaked table does not let anyone log in).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SealedText, enum_column, utcnow
from models.tickets import Ticket


class Role(enum.StrEnum):
    AGENT = "agent"
    # Handles privacy-right requests and may reveal vaulted values (privacy, the vault).
    PRIVACY_OFFICER = "privacy_officer"
    ADMIN = "admin"


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.AGENT)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column()
    # The agent's own settings (migration 0011). Signature: appended to nothing automatically, but its
    # lines are the agent's own identity, kept in the stored copy of what the agent writes.
    signature: Mapped[str | None] = mapped_column(Text)
    # "nl" or "en"; None: the browser's Accept-Language.
    lang: Mapped[str | None] = mapped_column(String(8))
    # The queue view the agent lands on; None: "new".
    landing_view: Mapped[str | None] = mapped_column(String(16))
    # Single-key shortcuts (j/k/r/n, "/"): WCAG 2.1.4 asks that they can be switched off.
    shortcuts: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Notification settings (tickets.notify.Settings as a dict).
    notify: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class AgentSession(Base):
    """A logged-in browser: the cookie holds a random token, the table its SHA-256 digest."""

    __tablename__ = "agent_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    # The synchronizer token of the OWASP CSRF cheat sheet: every form of this session carries it.
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()


class ApiToken(Base):
    """A per-agent bearer token for the JSON API; acts with its agent's role."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()


class LoginAttempt(Base):
    """A login attempt that has not (yet) succeeded: the failed-login limit counts these rows.

    The row is written before the password is checked (``tickets.accounts.login``) and deleted when the
    login succeeds, so every attempt in flight counts, in every process on the database. Neither the
    typed name nor the client address rests here: both are keyed digests (HMAC-SHA256), enough to count
    by; rows older than the limit's window are deleted as new attempts come in.
    """

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_account_at", "account", "at"),
        Index("ix_login_attempts_client_at", "client", "at"),
        Index("ix_login_attempts_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)



class RateHit(Base):
    """One request a public page's per-client rate limit counted (``tickets.rate_limits``).

    Counted in the database, like ``LoginAttempt``, so that every ``serve`` process on one database sees
    the same count and a restart forgets nothing. The client address does not rest here: ``key`` is a
    keyed digest (HMAC-SHA256 under the deployment key) of the bucket and the address, enough to count by;
    rows older than the bucket's window are deleted as new hits come in.
    """

    __tablename__ = "rate_hits"
    __table_args__ = (Index("ix_rate_hits_bucket_key_at", "bucket", "key", "at"),
                      Index("ix_rate_hits_bucket_at", "bucket", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)

class Macro(Base):
    """A canned reply that may also act (issue 22): ``{{customer_name}}``-style variables are filled in
    when it is used; ``actions`` (``tickets.macros.Actions`` as a dict: status, priority, assignee, tags
    to add and remove) are applied step by step through the ticket actions; ``reply_mode`` says what
    happens with the text: "insert" puts it into the reply box, "send" sends it as the reply."""

    __tablename__ = "macros"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    # "" for a macro that only acts.
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column()
    actions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    reply_mode: Mapped[str] = mapped_column(String(8), default="insert", server_default="insert")


class Tag(Base):
    """A word of the team's vocabulary put on tickets ("billing", "outage-2026"). Names are limited to a
    safe charset (``tickets.tags.normalize``), so no personal data can be typed into one."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketTag(Base):
    """A tag on a ticket; the (tag, ticket) index serves the queue's tag filter."""

    __tablename__ = "ticket_tags"
    __table_args__ = (Index("ix_ticket_tags_tag_ticket", "tag_id", "ticket_id"),)

    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketDue(Base):
    """When a ticket awaiting our answer should be answered; no row once it is answered or solved."""

    __tablename__ = "ticket_due"
    __table_args__ = (Index("ix_ticket_due_due", "due_at", "ticket_id"),)

    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    due_at: Mapped[datetime] = mapped_column()


class AutoAck(Base):
    """One automatic acknowledgement sent to a contact: the rate limit of RFC 3834 section 2 counts these."""

    __tablename__ = "auto_acks"
    __table_args__ = (Index("ix_auto_acks_contact_created", "contact_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    ticket_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(Base):
    """Something an agent asked to be told about (tickets.notify): shown in the workspace's counter, and
    mailed through the outbox when the agent wants mail. Holds ids and kinds, never message text."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_agent_unread", "agent_id", "read_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    ticket_id: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # One notification per (agent, event): a second process or a second run adds nothing.
    dedupe_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column()


class Draft(Base):
    """What an agent is writing on a ticket, kept so that a refused save (409) or a closed tab loses
    nothing. Unscrubbed text like an outbox payload: sealed at rest, deleted once sent or after a week."""

    __tablename__ = "drafts"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "reply" or "note"
    text: Mapped[str] = mapped_column(SealedText("draft"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Presence(Base):
    """An agent who has a ticket open (and whether typing), refreshed by the page every few seconds."""

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_ticket_seen", "ticket_id", "seen_at"),)

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    typing: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


# Queue indexes on the tickets table (created by migration 0002): "mine"/"unassigned" and "by channel"
# views sort by last activity within their filter, keyset-paginated on (last_activity_at, id).
Index("ix_tickets_assignee_status_activity", Ticket.assignee_id, Ticket.status, Ticket.last_activity_at, Ticket.id)
Index("ix_tickets_channel_status_activity", Ticket.channel, Ticket.status, Ticket.last_activity_at, Ticket.id)
Index("ix_tickets_activity", Ticket.last_activity_at, Ticket.id)
