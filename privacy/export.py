"""The access and portability export (art. 15 and 20 GDPR): everything scrubdesk holds on a customer.

One ZIP with ``data.json`` (structured, commonly used and machine-readable, art. 20(1)) and
``summary.html`` (a readable copy of the same, art. 15(3)), built at download time from the store,
so no second copy of the data sits at rest waiting for the download. Ticket texts are exported as
stored: other people's personal data in them was removed on arrival and stays removed (art. 15(4)).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from models import (
    Attachment,
    AuditEntry,
    Contact,
    Customer,
    Message,
    PrivacyAudit,
    PrivacyRequest,
    Restriction,
    RetentionHold,
    Ticket,
    TicketEvent,
)
from privacy.config import PrivacyStatement

_html = Environment(loader=FileSystemLoader(str(Path(__file__).with_name("templates"))),
                    autoescape=select_autoescape(default=True))


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def customer_tickets(session: Session, customer: Customer | None, contact_ids: Iterable[int],
                     extra_ticket_ids: Iterable[int] = ()) -> list[Ticket]:
    """The customer's tickets: by customer, by any of their contacts, plus tickets named explicitly."""
    conditions: list[ColumnElement[bool]] = [Ticket.id.in_(list(extra_ticket_ids))]
    ids = list(contact_ids)
    if ids:
        conditions.append(Ticket.contact_id.in_(ids))
    if customer is not None:
        conditions.append(Ticket.customer_id == customer.id)
    return list(session.scalars(select(Ticket).where(or_(*conditions)).order_by(Ticket.id)))


def customer_contacts(session: Session, customer: Customer | None, extra_contact_ids: Iterable[int] = ()) -> list[
        Contact]:
    conditions: list[ColumnElement[bool]] = [Contact.id.in_(list(extra_contact_ids))]
    if customer is not None:
        conditions.append(Contact.customer_id == customer.id)
        if customer.email:
            conditions.append(Contact.address == customer.email.lower())
    return list(session.scalars(select(Contact).where(or_(*conditions)).order_by(Contact.id)))


def collect(session: Session, req: PrivacyRequest, statement: PrivacyStatement) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    customer = session.get(Customer, req.customer_id) if req.customer_id is not None else None
    contacts = customer_contacts(session, customer, [req.contact_id] if req.contact_id else [])
    tickets = customer_tickets(session, customer, [c.id for c in contacts], [req.ticket_id] if req.ticket_id else [])
    ticket_ids = [t.id for t in tickets]
    messages = list(session.scalars(select(Message).where(Message.ticket_id.in_(ticket_ids)).order_by(Message.id)))
    attachments = list(session.scalars(
        select(Attachment).where(Attachment.message_id.in_([m.id for m in messages])).order_by(Attachment.id)))
    events = list(session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id.in_(ticket_ids)).order_by(TicketEvent.id)))
    holds = list(session.scalars(select(RetentionHold).where(RetentionHold.ticket_id.in_(ticket_ids))))
    request_conditions: list[ColumnElement[bool]] = [
        PrivacyRequest.id == req.id, PrivacyRequest.ticket_id.in_(ticket_ids)]
    if customer is not None:
        request_conditions.append(PrivacyRequest.customer_id == customer.id)
    requests = list(session.scalars(select(PrivacyRequest).where(or_(*request_conditions)).order_by(PrivacyRequest.id)))
    audits = list(session.scalars(select(PrivacyAudit).where(
        PrivacyAudit.request_id.in_([r.id for r in requests])).order_by(PrivacyAudit.id)))
    trail = _trail(session, [r.id for r in requests], [t.number for t in tickets])
    restrictions = list(session.scalars(select(Restriction).where(Restriction.customer_id == customer.id))) \
        if customer is not None else []
    by_message: dict[int, list[Attachment]] = {}
    for att in attachments:
        by_message.setdefault(att.message_id, []).append(att)
    by_ticket: dict[int, list[Message]] = {}
    for msg in messages:
        by_ticket.setdefault(msg.ticket_id, []).append(msg)
    return {
        "format": "scrubdesk-export/1",
        "generated_for_request": req.id,
        "customer": None if customer is None else {
            "number": customer.number, "name": customer.name, "email": customer.email, "phone": customer.phone,
            "address": customer.address, "created_at": _iso(customer.created_at),
        },
        "contacts": [{"channel": c.channel, "address": c.address, "created_at": _iso(c.created_at)} for c in contacts],
        "tickets": [{
            "number": t.number, "subject": t.subject, "status": str(t.status), "channel": t.channel,
            "created_at": _iso(t.created_at), "last_activity_at": _iso(t.last_activity_at),
            "messages": [{
                "direction": str(m.direction), "channel": m.channel, "subject": m.subject, "text": m.text,
                "at": _iso(m.received_at), "removed_personal_data": m.redactions,
                "attachments": [_attachment(t.number, a) for a in by_message.get(m.id, [])],
            } for m in by_ticket.get(t.id, [])],
            "events": [{"kind": e.kind, "at": _iso(e.created_at)} for e in events if e.ticket_id == t.id],
            "retention": [{"basis": h.basis, "until": _iso(h.retain_until)} for h in holds if h.ticket_id == t.id],
        } for t in tickets],
        "privacy_requests": [{
            "id": r.id, "types": list(r.types), "state": str(r.state), "received_at": _iso(r.received_at),
            "due_on": _iso(r.due_on), "closed_at": _iso(r.closed_at),
            "log": [{"at": _iso(a.at), "action": a.action, "from": a.from_state, "to": a.to_state,
                     "by": "you" if a.actor == "requester" else ("us" if a.actor != "system" else "system")}
                    for a in audits if a.request_id == r.id],
        } for r in requests],
        "audit_trail": [{
            "at": _iso(e.at), "action": e.action, "about": f"{e.target_kind} {e.target_id or ''}".strip(),
            "by": "you" if e.actor == "requester" else ("system" if e.actor.startswith("system") else "us"),
        } for e in trail],
        "restrictions": [{"since": _iso(r.created_at), "lifted": _iso(r.lifted_at)} for r in restrictions],
        "information": statement.model_dump(),
    }


def _attachment(ticket_number: int, att: Attachment) -> dict[str, Any]:
    """One attachment as the customer may see it: what we kept of it, never the original file.

    What is stored is the scrubbed rendition (a text, a redacted image) and facts about the file that
    arrived: its detected type, how intake handled it (``kind``), per type how many values were removed
    on arrival, and the note when something was not kept (art. 15(1): the data and how it is processed).
    A text rendition is in ``data.json`` itself (art. 20(1): machine-readable); every rendition is also a
    file in the ZIP. An original kept under ``keep_original = "if_clean"`` is not exported: it holds
    nothing the rendition lacks, and the export must not become a way to move unscrubbed files around.
    """
    text = None
    if att.stored and att.content is not None and att.content_type.startswith("text/plain"):
        text = att.content.decode("utf-8", errors="replace")
    return {
        "filename": att.filename, "content_type": att.content_type, "size": att.size, "sha256": att.sha256,
        "detected_type": att.detected_type, "kind": att.kind, "removed_on_arrival": dict(att.redactions or {}),
        "note": att.note, "kept": att.stored, "text": text,
        "file": _file_name(ticket_number, att) if att.stored else None,
    }


def _file_name(ticket_number: int, att: Attachment) -> str:
    # Our own name inside the ZIP (the stored file name is scrubbed text and may hold anything).
    extension = _EXTENSION.get(att.content_type.split(";")[0].strip().lower(), "bin")
    return f"attachments/{ticket_number}/{att.id}.{extension}"


_EXTENSION = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
              "application/pdf": "pdf", "text/plain": "txt", "application/zip": "zip"}


def attachment_files(session: Session, data: dict[str, Any]) -> list[tuple[str, bytes]]:
    """The stored attachment contents named in ``data`` (art. 20: everything the customer provided)."""
    names: dict[int, str] = {}
    for ticket in data["tickets"]:
        for message in ticket["messages"]:
            for att in message["attachments"]:
                if att["file"]:
                    names[int(att["file"].rsplit("/", 1)[1].split(".")[0])] = att["file"]
    if not names:
        return []
    rows = session.execute(select(Attachment.id, Attachment.content).where(Attachment.id.in_(list(names))))
    return [(names[att_id], content) for att_id, content in rows if content is not None]


def _trail(session: Session, request_ids: list[int], numbers: list[int]) -> list[AuditEntry]:
    """The shared audit trail's entries about these requests and about values vaulted from these
    tickets (targets "<ticket number>:<placeholder>"): one range scan per number length, filtered
    here, so a customer with thousands of tickets does not make a statement with thousands of LIKEs."""
    found = list(session.scalars(select(AuditEntry).where(
        AuditEntry.target_kind == "privacy_request", AuditEntry.target_id.in_([str(i) for i in request_ids]))))
    wanted = {str(n) for n in numbers}
    for length in {len(n) for n in wanted}:
        group = sorted(n for n in wanted if len(n) == length)
        # ";" sorts right after ":", so the range holds exactly the targets of these numbers and others between.
        rows = session.scalars(select(AuditEntry).where(
            AuditEntry.target_kind == "vault_entry", AuditEntry.target_id >= f"{group[0]}:",
            AuditEntry.target_id < f"{group[-1]};"))
        found += [e for e in rows if (e.target_id or "").split(":", 1)[0] in wanted]
    return sorted(found, key=lambda e: e.id)


def bundle(data: dict[str, Any], lang: str, files: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The ZIP the download link serves."""
    html = _html.get_template("export.html").render(data=data, lang=lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("summary.html", html)
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()
