"""One handler per request type; each does its work in the caller's transaction and reports it.

A ``Report`` says what was done, what was kept and why (with the end of its retention), and whether
the type is complete or waits for a person (a rectification waits for an agent's approval). The
handler also queues its message to the requester (privacy.workflow.send), so the message is
sent exactly when the work is committed.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import (
    AutoAck,
    Contact,
    Customer,
    DownloadLink,
    ExternalTask,
    OutboxEntry,
    OutboxStatus,
    PrivacyRequest,
    Restriction,
    RetentionHold,
    Suppression,
    Ticket,
    TicketDue,
    VaultEntry,
    ticket_number,
    utcnow,
)
from models.db import checkpoint_after_commit
from privacy import deadline, export
from privacy.config import PrivacyConfig
from privacy.texts import Texts, phrase
from privacy.workflow import audit, customer_of, digest, legacy_digest, tell, token_digest
from tickets.i18n import language
from tickets.replies import MailIdentity

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Kept:
    what: str
    why: str
    until: str


@dataclass
class Report:
    type: str
    done: list[str] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    complete: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Context:
    session: Session
    req: PrivacyRequest
    config: PrivacyConfig
    texts: Texts
    identity: MailIdentity
    actor: str

    def send(self, name: str, *, stored_text: str | None = None, **values: Any) -> bool:
        return tell(self.session, self.req, self.texts, self.identity, name, stored_text=stored_text, **values)

    def customer(self) -> Customer | None:
        return customer_of(self.session, self.req)


# --- access and portability (art. 15, 20) ------------------------------------------------------


def access(ctx: Context) -> Report:
    token = secrets.token_urlsafe(32)
    hours = ctx.config.download_ttl_hours
    link = DownloadLink(request_id=ctx.req.id, token_digest=token_digest(token),
                        expires_at=utcnow() + timedelta(hours=hours))
    ctx.session.add(link)
    ctx.session.flush()
    url = f"{ctx.config.public_url.rstrip('/')}/privacy/download/{token}"
    ctx.send("access_ready", link=url, hours=hours, s=ctx.config.statement,
             stored_text=f"[the download link was sent; it works once and expires in {hours} hours]")
    audit(ctx.session, ctx.req, ctx.actor, "export_link_sent", hours=hours)
    return Report(type="access", done=[f"export link sent (single use, {hours} h)"])


# --- erasure (art. 17) --------------------------------------------------------------------------


def erasure(ctx: Context) -> Report:
    """Art. 17: the requester's tickets, contacts and customer record go, except what a legal retention
    duty holds (kept, restricted) and the open tickets the approving officer chose to keep for now; the
    report says what went and what stays, and until when. The confirmation goes to the requester when
    the last task outside scrubdesk (and each kept ticket) is marked done (``finish_erasure``)."""
    session, req = ctx.session, ctx.req
    customer = ctx.customer()
    contacts = export.customer_contacts(session, customer, [req.contact_id] if req.contact_id else [])
    tickets = export.customer_tickets(session, customer, [c.id for c in contacts],
                                      [req.ticket_id] if req.ticket_id else [])
    today = deadline.today()
    report = Report(type="erasure")
    holds = _keep_held(session, [t.id for t in tickets], today, report, req.lang)
    chosen = set((req.details.get("approval") or {}).get("keep_open", []))
    kept_open = [t for t in tickets if t.id in chosen and t.id not in holds]
    erase_ids = [t.id for t in tickets if t.id not in holds and t.id not in chosen]
    in_use = {t.contact_id for t in kept_open}
    contact_ids = [c.id for c in contacts if c.id not in in_use]
    addresses = {c.address for c in contacts} | {a for a in (req.requester_address,
                                                               customer.email if customer else None) if a}
    vaulted = session.scalar(select(func.count(VaultEntry.id)).where(VaultEntry.ticket_id.in_(erase_ids))) or 0
    _delete_records(session, erase_ids, contact_ids, addresses, report, req.lang)
    if customer is not None:
        _erase_customer(session, customer, req, holds, report)
    _report_what_stays(session, addresses, today, vaulted, report, req.lang)
    tasks = _external_tasks(ctx, kept_open)
    if req.ticket_id in erase_ids:
        req.ticket_id = None  # the request outlives its ticket (ON DELETE SET NULL)
    if req.contact_id in contact_ids:
        req.contact_id = None
    req.details = {**req.details, "confirmation": {
        "erased": report.done or [phrase("nothing", req.lang)], "kept": [asdict(k) for k in report.kept],
        "tasks": [_task_name(ctx.config, name, req.lang) for name in tasks], "kept_records": bool(holds)},
        "erased_digests": sorted({digest(a) for a in addresses})}
    audit(session, req, ctx.actor, "erased", tickets=len(erase_ids), contacts=len(contact_ids),
          kept=len(holds), kept_open=len(kept_open), tasks=tasks)
    log.info("privacy: erasure request=%d tickets=%d contacts=%d kept=%d open kept=%d", req.id, len(erase_ids),
             len(contact_ids), len(holds), len(kept_open))
    if not tasks:
        finish_erasure(ctx)
    else:
        req.details = {**req.details, "awaiting": "tasks"}
    # secure_delete zeroes the deleted rows in the database file; their old pages still lie in the WAL
    # until a checkpoint copies the new ones over them.
    checkpoint_after_commit(session)
    return report


def _keep_held(session: Session, ticket_ids: list[int], today: date, report: Report,
               lang: str) -> dict[int, RetentionHold]:
    """The tickets under a retention hold, by ticket id: kept, restricted, and reported as kept."""
    holds = {h.ticket_id: h for h in session.scalars(select(RetentionHold).where(
        RetentionHold.ticket_id.in_(ticket_ids), RetentionHold.retain_until >= today))}
    for ticket_id, hold in holds.items():
        # Art. 17(3)(b): a legal obligation to keep (art. 52 AWR for financial records); kept but restricted.
        hold.restricted_at = hold.restricted_at or utcnow()
        report.kept.append(Kept(what=phrase("ticket", lang, number=ticket_number(ticket_id)),
                                why=_basis(hold.basis, lang), until=hold.retain_until.isoformat()))
    return holds


def _delete_records(session: Session, erase_ids: list[int], contact_ids: list[int], addresses: set[str],
                    report: Report, lang: str) -> None:
    """The tickets without a hold, the contacts, and the delivered mail we sent to these addresses."""
    if erase_ids:
        # Messages, attachments, events, placeholder keys, vault entries and outbox rows go with their
        # ticket through ON DELETE CASCADE (the full-text index follows by trigger on SQLite).
        session.execute(delete(AutoAck).where(AutoAck.ticket_id.in_(erase_ids)))
        session.execute(delete(TicketDue).where(TicketDue.ticket_id.in_(erase_ids)))
        session.execute(delete(Ticket).where(Ticket.id.in_(erase_ids)))
        report.done.append(phrase("tickets", lang, n=len(erase_ids)))
    if contact_ids:
        session.execute(delete(Contact).where(Contact.id.in_(contact_ids)))
        report.done.append(phrase("contacts", lang, n=len(contact_ids)))
    # Mail we sent them that is no longer tied to a ticket (e.g. verification codes), once delivered.
    stale = [e.id for e in session.scalars(select(OutboxEntry).where(
        OutboxEntry.ticket_id.is_(None), OutboxEntry.kind.in_(("privacy", "verification")),
        OutboxEntry.status.in_((OutboxStatus.SENT, OutboxStatus.FAILED))))
        if str(e.payload.get("to", "")).lower() in {a.lower() for a in addresses}]
    if stale:
        session.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(stale)))


def _erase_customer(session: Session, customer: Customer, req: PrivacyRequest, holds: dict[int, RetentionHold],
                    report: Report) -> None:
    """The customer record goes; with held records only its number stays, restricted."""
    if holds:
        # The retained records must stay attributable for a tax audit: only the customer number stays.
        customer.name = customer.email = customer.phone = customer.address = None
        session.add(Restriction(customer_id=customer.id, request_id=req.id, reason="erasure_retention"))
        report.kept.append(Kept(what=phrase("customer_number", req.lang), why=phrase("why_number", req.lang),
                                until=max(h.retain_until for h in holds.values()).isoformat()))
        report.done.append(phrase("customer_fields", req.lang))
    else:
        session.execute(delete(Customer).where(Customer.id == customer.id))
        report.done.append(phrase("customer", req.lang))


def _report_what_stays(session: Session, addresses: set[str], today: date, vaulted: int, report: Report,
                       lang: str) -> None:
    """What is kept whatever happens (the request's own record, a suppression hash) and the vault count."""
    report.kept.append(Kept(what=phrase("request_record", lang), why=phrase("why_record", lang),
                            until=(today + timedelta(days=365 * 3)).isoformat()))
    if session.scalar(select(Suppression.id).where(Suppression.address_digest.in_([digest(a) for a in addresses]))):
        report.kept.append(Kept(what=phrase("suppression", lang), why=phrase("why_suppression", lang), until="-"))
    if vaulted:
        report.done.append(phrase("vaulted", lang, n=vaulted))


def _external_tasks(ctx: Context, kept_open: list[Ticket]) -> list[str]:
    """A task per external system the operator listed, and one per open ticket the officer kept for now."""
    tasks = []
    for system in ctx.config.external_systems:
        ctx.session.add(ExternalTask(request_id=ctx.req.id, system=system.name, instruction=system.instruction))
        tasks.append(system.name)
    for ticket in kept_open:
        ctx.session.add(ExternalTask(request_id=ctx.req.id, system=f"ticket {ticket.number}", instruction=(
            "An open ticket kept at the approval of this erasure: erase it (button on this page) once its "
            "work is done; the confirmation to the requester waits for it.")))
    ctx.session.flush()
    return tasks


def _task_name(config: PrivacyConfig, name: str, lang: str) -> str:
    for system in config.external_systems:
        if system.name == name and language(lang) == "nl" and system.name_nl:
            return system.name_nl
    return name


def finish_erasure(ctx: Context) -> bool:
    """Send the erasure's confirmation, then forget the addresses on this and earlier requests; True if one
    was queued (the request had an address to write to). Called when the last task is done."""
    session, req = ctx.session, ctx.req
    confirmation = req.details.get("confirmation") or {}
    kept_records = bool(confirmation.get("kept_records"))
    if not kept_records:
        req.customer_id = None
    ctx.send("erasure_done", erased=confirmation.get("erased") or ["-"],
             kept=[Kept(**k) for k in confirmation.get("kept", [])], tasks=confirmation.get("tasks", []))
    # The confirmation is queued with the address in its payload; after that the request forgets it.
    sent = req.requester_address is not None
    req.requester_address = None
    digests = list(req.details.get("erased_digests") or [])
    for other in session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.requester_digest.in_(digests), PrivacyRequest.id != req.id)):
        other.requester_address = None
        other.customer_id = None if not kept_records else other.customer_id
    req.details = {k: v for k, v in req.details.items() if k not in ("awaiting", "erased_digests")}
    audit(session, req, ctx.actor, "erasure_confirmed", confirmation_sent=sent)
    return sent


def _basis(basis: str, lang: str) -> str:
    return phrase("financial", lang) if basis == "financial" else phrase("legal", lang, basis=basis)


# --- rectification (art. 16) --------------------------------------------------------------------

RECTIFIABLE = ("name", "email", "phone", "address")


def rectification(ctx: Context) -> Report:
    """The change is proposed by an agent (the customer's new values were scrubbed on arrival) and
    applied on approval (``apply_rectification``); until then the type is not complete."""
    proposal = ctx.req.details.get("rectification")
    if not proposal or not proposal.get("approved_by"):
        audit(ctx.session, ctx.req, ctx.actor, "rectification_awaiting_agent")
        return Report(type="rectification", done=["waiting for an agent to enter and approve the change"],
                      complete=False)
    return apply_rectification(ctx)


def apply_rectification(ctx: Context) -> Report:
    customer = ctx.customer()
    proposal = dict(ctx.req.details.get("rectification") or {})
    changes = {k: v for k, v in (proposal.get("changes") or {}).items() if k in RECTIFIABLE}
    if customer is None or not changes:
        return Report(type="rectification", done=["nothing to change"], complete=False)
    for name, value in changes.items():
        setattr(customer, name, (value.strip().lower() if name == "email" else value.strip()) or None)
    audit(ctx.session, ctx.req, ctx.actor, "rectified", fields=sorted(changes))
    ctx.send("rectification_done", fields=sorted(changes))
    return Report(type="rectification", done=[f"customer record: {', '.join(sorted(changes))}"])


# --- restriction (art. 18) ----------------------------------------------------------------------


def restriction(ctx: Context) -> Report:
    customer = ctx.customer()
    if customer is None:
        return Report(type="restriction", done=["no customer record to restrict"], complete=False)
    ctx.session.add(Restriction(customer_id=customer.id, request_id=ctx.req.id, reason="art18_request"))
    audit(ctx.session, ctx.req, ctx.actor, "restricted")
    ctx.send("restriction_done")
    return Report(type="restriction", done=["customer restricted; their tickets are read-only"])


# --- objection (art. 21) and complaint (art. 77) ------------------------------------------------


def objection(ctx: Context) -> Report:
    """A marketing opt-out needs no verification and takes effect at once (art. 21(3) GDPR)."""
    addresses = {a for a in (ctx.req.requester_address,) if a}
    added = 0
    for address in addresses:
        if not is_suppressed(ctx.session, address):
            ctx.session.add(Suppression(address_digest=digest(address), channel=ctx.req.channel, request_id=ctx.req.id))
            added += 1
    ctx.session.flush()
    audit(ctx.session, ctx.req, ctx.actor, "suppressed", added=added)
    ctx.send("objection_done")
    return Report(type="objection", done=["address on the marketing suppression list"])


def is_suppressed(session: Session, address: str) -> bool:
    """For a newsletter or marketing sender: True when this address objected to direct marketing.

    A suppression made before digests were keyed is found by its old digest and upgraded on the spot.
    """
    row = session.scalars(select(Suppression).where(
        Suppression.address_digest.in_([digest(address), legacy_digest(address)]))).first()
    if row is not None and row.address_digest != digest(address):
        row.address_digest = digest(address)
    return row is not None


def complaint(ctx: Context) -> Report:
    audit(ctx.session, ctx.req, ctx.actor, "complaint_recorded")
    ctx.send("complaint_ack")
    return Report(type="complaint", done=["complaint recorded; told about the Autoriteit Persoonsgegevens"])


HANDLERS: dict[str, Callable[[Context], Report]] = {
    "access": access,
    "portability": access,
    "rectification": rectification,
    "restriction": restriction,
    "objection": objection,
    "complaint": complaint,
    "erasure": erasure,
}
# Erasure last: an access export or a restriction in the same request must see the data first.
ORDER = ("objection", "complaint", "access", "portability", "rectification", "restriction", "erasure")
