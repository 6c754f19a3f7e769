"""Tables of privacy-right requests (GDPR chapter III): the request, its audit log, and what handlers leave.

A request always stays linked to a normal ticket, so nothing the customer wrote depends on recognition being
right. The audit log is append-only: rows are only ever inserted (art. 5(2) GDPR, accountability),
and it names actors and states, never message content.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import AppendOnly, Base, enum_column, utcnow

_TICKET_ID = BigInteger().with_variant(Integer, "sqlite")


class RequestState(enum.StrEnum):
    RECEIVED = "received"
    VERIFICATION_SENT = "verification_sent"
    VERIFIED = "verified"
    IN_PROGRESS = "in_progress"
    FULFILLED = "fulfilled"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


FINAL_STATES = frozenset({RequestState.FULFILLED, RequestState.REFUSED, RequestState.WITHDRAWN})
OPEN_STATES = tuple(s for s in RequestState if s not in FINAL_STATES)


class PrivacyRequest(Base):
    __tablename__ = "privacy_requests"
    __table_args__ = (Index("ix_privacy_requests_state_due", "state", "due_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(
        _TICKET_ID, ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    # Labels of privacy.recognition.RequestType, in the order first seen.
    types: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[RequestState] = mapped_column(
        enum_column(RequestState, length=24),  # wide enough for "verification_sent"
        default=RequestState.RECEIVED,
    )
    # "recognised" (intake) or "manual" (an agent marked the ticket).
    source: Mapped[str] = mapped_column(String(16), default="recognised")
    # The requester's channel address: where every message about the request goes. Cleared (only
    # the digest kept) once an erasure has been carried out.
    channel: Mapped[str] = mapped_column(String(16))
    requester_address: Mapped[str | None] = mapped_column(String(320))
    requester_digest: Mapped[str] = mapped_column(String(64))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"), index=True)
    lang: Mapped[str] = mapped_column(String(8), default="en")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Art. 12(3): one month, extendable by two months with a reasoned notice before the first deadline.
    due_on: Mapped[date] = mapped_column(Date)
    first_due_on: Mapped[date] = mapped_column(Date)
    extended_at: Mapped[datetime | None] = mapped_column()
    extension_reason: Mapped[str | None] = mapped_column(Text)
    # What supported the identity (dmarc pass, code, agent) - never the code or the raw header.
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # SHA-256 of the random token in the public verification link (/privacy/verify/<token>).
    link_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Working data of the handlers (rectification proposal, last report); no message content.
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reminded_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()

    @property
    def open(self) -> bool:
        return self.state not in FINAL_STATES


class PrivacyAudit(Base, AppendOnly):
    """One entry per transition or handler action; inserted, never updated or deleted."""

    __tablename__ = "privacy_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key action: requests are never deleted, so their log outlives their tickets.
    request_id: Mapped[int] = mapped_column(ForeignKey("privacy_requests.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # "system", "requester", "agent:<id>" or "agent:<username>".
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(48))
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str | None] = mapped_column(String(24))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ExternalTask(Base):
    """Something outside scrubdesk (billing, newsletter, registrar) the officer must do and tick off."""

    __tablename__ = "privacy_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("privacy_requests.id"), index=True)
    system: Mapped[str] = mapped_column(String(64))
    instruction: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column()
    done_by: Mapped[str | None] = mapped_column(String(128))
    # Who carries it out ("agent:<username>"); set on the request page, shown on the dashboard.
    owner: Mapped[str | None] = mapped_column(String(128))


class TriageState(enum.StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class PrivacyTriage(Base):
    """A message the recogniser was unsure about: a *possible* privacy request, for an officer to confirm
    (with types: a request opens, on the clock from ``received_at``) or dismiss, in one click.

    Holds the ticket, when the message was received and what the recogniser suggested (types, scores
    and rule names), never the words of the message.
    """

    __tablename__ = "privacy_triage"
    __table_args__ = (Index("ix_privacy_triage_state", "state", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(_TICKET_ID, ForeignKey("tickets.id", ondelete="CASCADE"),
                                                  index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    # {"types": [...], "scores": {type: p}, "reasons": {type: [rule names]}}
    suggestion: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[TriageState] = mapped_column(enum_column(TriageState, length=16), default=TriageState.OPEN)
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column()
    request_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_requests.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Suppression(Base):
    """Marketing opt-out (art. 21(3) GDPR): the address's SHA-256 only, enough to check a mailing list."""

    __tablename__ = "marketing_suppressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    address_digest: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_requests.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Restriction(Base):
    """Art. 18: a customer whose data may only be stored, not otherwise processed, until lifted."""

    __tablename__ = "privacy_restrictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("privacy_requests.id"))
    reason: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    lifted_at: Mapped[datetime | None] = mapped_column()


class RetentionHold(Base):
    """A ticket the operator marked as a record with a legal retention duty (e.g. financial, art. 52 AWR)."""

    __tablename__ = "retention_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(_TICKET_ID, ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    basis: Mapped[str] = mapped_column(String(32))
    retain_until: Mapped[date] = mapped_column(Date)
    # Set when an erasure kept the record: from then on it is restricted (art. 18(1)(c)-like storage only).
    restricted_at: Mapped[datetime | None] = mapped_column()
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DownloadLink(Base):
    """A single-use, expiring link to an access/portability export; the bundle is built at download."""

    __tablename__ = "privacy_downloads"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("privacy_requests.id"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
