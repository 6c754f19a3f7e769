"""Mailboxes (brands) and groups (teams), issue 22.

A **mailbox** is one face of the company: the inbound addresses that belong to it (an SMTP recipient
such as ``sales@example.nl``, or an IMAP mailbox's address), the identity its replies and
acknowledgements go out with (sender address, display name, signature), its acknowledgement texts in
Dutch and English, and the group new tickets land in. A ticket remembers the mailbox it came in on, so
every later reply uses the same identity (``tickets.mailbox_id``; NULL: the deployment's default
identity from the configuration, as before mailboxes existed).

A **group** is a team of agents with its own queue view; a ticket may belong to one group
(``tickets.group_id``), set by its mailbox's default, a rule ("assign to group"), a macro or an agent.

These are tables rather than configuration because an admin creates and edits them in the web app.
Addresses are stored lower-case (RFC 5321 section 2.4 lets the local part be case-sensitive, but no
mail system in practice delivers ``Sales@`` and ``sales@`` to different people, and a customer's
client may change the case).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class GroupMember(Base):
    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)


class Mailbox(Base):
    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # The identity replies and acknowledgements go out with (RFC 5322 From: "sender_name" <sender_address>).
    sender_address: Mapped[str] = mapped_column(String(320))
    sender_name: Mapped[str] = mapped_column(String(255))
    signature: Mapped[str | None] = mapped_column(Text)
    # Acknowledgement texts; None: the deployment's default text in that language.
    ack_template_nl: Mapped[str | None] = mapped_column(Text)
    ack_template_en: Mapped[str | None] = mapped_column(Text)
    default_group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MailboxAddress(Base):
    """One inbound address of a mailbox, lower-case; an address belongs to at most one mailbox."""

    __tablename__ = "mailbox_addresses"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"), index=True)
