"""``PrivacyDesk``: opening a privacy request, verifying who asked, and running its handlers.

Identity verification (art. 12(6) GDPR, proportionate; never an ID-document copy):
- the customer is found from the contact (an e-mail address on file, or a Telegram chat linked with a
  code); else the requester is asked for a customer number or e-mail address;
- a one-time code (privacy.verification: hashed, single-use, expiring, attempt-limited, constant-time)
  goes to the address ON FILE only, never to an address the requester just supplied; the requester
  hears only that a code was sent "if an account exists", and no message before verification
  reveals anything about the account;
- a DMARC pass from the address on file (privacy.evidence) counts as evidence and is enough
  on its own only for the types the operator lists; a DMARC fail always needs the code;
- an objection to direct marketing and a complaint need no verification and take effect at once.
After verification every message about the request goes to the address on file.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import (
    Contact,
    Customer,
    DownloadLink,
    PrivacyAudit,
    PrivacyRequest,
    RequestState,
    Ticket,
    ticket_number,
    utcnow,
)
from privacy import deadline, handlers
from privacy.config import PrivacyConfig
from privacy.evidence import MailEvidence
from privacy.texts import Texts, language
from privacy.verification import CheckStatus, TooManyCodes, Verifier
from privacy.workflow import TransitionError, audit, digest, send, transition
from tickets import store
from tickets.guards import active_restriction
from tickets.replies import MailIdentity

log = logging.getLogger(__name__)

PURPOSE = "privacy_request"
NEEDS_VERIFICATION = frozenset({"access", "portability", "erasure", "rectification", "restriction"})
_TYPE_NAMES = {
    "en": {"access": "access", "rectification": "rectification", "erasure": "erasure", "restriction": "restriction",
           "portability": "data portability", "objection": "objection", "complaint": "complaint"},
    "nl": {"access": "inzage", "rectification": "rectificatie", "erasure": "verwijdering", "restriction": "beperking",
           "portability": "overdraagbaarheid", "objection": "bezwaar", "complaint": "klacht"},
}
# A code typed back: six digits, perhaps split by a space or dash ("481 223"), outside quoted lines.
_CODE = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IDENT = re.compile(r"\b[A-Za-z]{0,3}\d[\w-]{2,30}\b")
_RESEND = re.compile(r"\b(code|nieuwe code|new code|resend|opnieuw)\b", re.I)


def _subject(req: PrivacyRequest) -> str:
    return f"request:{req.id}"


def _own_lines(text: str) -> str:
    """The reply without quoted lines (``>``) and without what follows a reply header."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if re.match(r"^(On .+ wrote:|Op .+ schreef .+:|-----\s*Original Message|-----\s*Oorspronkelijk)", stripped):
            break
        lines.append(line)
    return "\n".join(lines)


def find_code(text: str) -> str | None:
    match = _CODE.search(_own_lines(text))
    return match.group(1) + match.group(2) if match else None


@dataclass(frozen=True, slots=True)
class Outcome:
    request_id: int | None
    action: str


class PrivacyDesk:
    def __init__(self, ticket_store: store.TicketStore, verifier: Verifier, config: PrivacyConfig,
                 identity: MailIdentity, texts: Texts | None = None) -> None:
        self.store = ticket_store
        self.verifier = verifier
        self.config = config
        self.identity = identity
        self.texts = texts or Texts(config.templates_dir)

    # -- helpers ------------------------------------------------------------------------------

    def types_text(self, req: PrivacyRequest) -> str:
        names = _TYPE_NAMES[language(req.lang)]
        return ", ".join(names.get(t, t) for t in req.types)

    def _send(self, session: Session, req: PrivacyRequest, name: str, *, to: str | None = None,
              stored_text: str | None = None, **values: Any) -> bool:
        message = self.texts.render(name, req.lang, **values)
        return send(session, req, message, self.identity, to=to, stored_text=stored_text)

    def _context(self, session: Session, req: PrivacyRequest, actor: str) -> handlers.Context:
        return handlers.Context(session, req, self.config, self.texts, self.identity, actor)

    @staticmethod
    def open_request_of_ticket(session: Session, ticket_id: int) -> PrivacyRequest | None:
        return session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.ticket_id == ticket_id,
            PrivacyRequest.state.not_in([RequestState.FULFILLED, RequestState.REFUSED, RequestState.WITHDRAWN]),
        ).order_by(PrivacyRequest.id.desc()).limit(1)).first()

    # -- opening ------------------------------------------------------------------------------

    def open(self, session: Session, ticket: Ticket, types: list[str], *, source: str, actor: str,
             evidence: MailEvidence = MailEvidence.NONE, received_at: datetime | None = None) -> PrivacyRequest:
        """Open a request on ``ticket`` (or add types to its open one) and start verification."""
        known = [t for t in dict.fromkeys(types) if t in handlers.HANDLERS]
        if not known:
            raise ValueError("no known request type")
        existing = self.open_request_of_ticket(session, ticket.id)
        if existing is not None:
            added = [t for t in known if t not in existing.types]
            if added:
                existing.types = [*existing.types, *added]
                audit(session, existing, actor, "types_added", types=added)
            return existing
        contact = ticket.contact
        if contact is None:
            raise ValueError("the ticket has no contact to answer")
        at = received_at or utcnow()
        received = deadline.received_on(at)
        due = deadline.first_deadline(received)
        req = PrivacyRequest(
            ticket_id=ticket.id, types=known, state=RequestState.RECEIVED, source=source, channel=contact.channel,
            requester_address=contact.address, requester_digest=digest(contact.address), contact_id=contact.id,
            customer_id=contact.customer_id or ticket.customer_id, lang=language(ticket.lang), received_at=at,
            due_on=due, first_due_on=due, evidence={"mail": evidence.value}, details={},
        )
        session.add(req)
        session.flush()
        audit(session, req, actor, "opened", types=known, source=source, evidence=evidence.value,
              customer_found=req.customer_id is not None)
        store.add_event(session, ticket, "privacy_request_opened", {"request": req.id, "types": known})
        self._start(session, req, evidence)
        return req

    def _start(self, session: Session, req: PrivacyRequest, evidence: MailEvidence) -> None:
        if "objection" in req.types:
            # Art. 21(3): a marketing opt-out takes effect at once, without verification.
            report = handlers.objection(self._context(session, req, "system"))
            req.details = {**req.details, "done": ["objection"], "reports": [report.as_dict()]}
        needs = set(req.types) & NEEDS_VERIFICATION
        if not needs:
            self._run(session, req, "system")
            return
        customer = session.get(Customer, req.customer_id) if req.customer_id is not None else None
        if customer is None:
            req.details = {**req.details, "awaiting": "identifier"}
            audit(session, req, "system", "identifier_requested")
            self._send(session, req, "ask_identifier", ticket_number=self._number(req))
            return
        on_file = (customer.email or "").lower()
        if (evidence is MailEvidence.DMARC_PASS and req.channel == "email" and on_file
                and req.requester_address == on_file and needs <= set(self.config.dmarc_sufficient_for)):
            self._verified(session, req, via="dmarc_pass")
            return
        self._send_code(session, req, customer)

    def _number(self, req: PrivacyRequest) -> int | None:
        return ticket_number(req.ticket_id) if req.ticket_id is not None else None

    @staticmethod
    def _codes_today(session: Session, customer_id: int) -> int:
        return session.scalar(select(func.count(PrivacyAudit.id)).join(
            PrivacyRequest, PrivacyRequest.id == PrivacyAudit.request_id).where(
            PrivacyRequest.customer_id == customer_id, PrivacyAudit.action == "code_sent",
            PrivacyAudit.at > utcnow() - timedelta(days=1))) or 0

    def _send_code(self, session: Session, req: PrivacyRequest, customer: Customer) -> bool:
        if not customer.email:
            req.details = {**req.details, "awaiting": "officer"}
            audit(session, req, "system", "no_address_on_file")
            return False
        if self._codes_today(session, customer.id) >= self.config.codes_per_customer_per_day:
            # Anyone can open requests naming a customer; the customer's mailbox must not be flooded.
            audit(session, req, "system", "code_rate_limited", scope="customer")
            return False
        try:
            issued = self.verifier.issue(session, purpose=PURPOSE, subject=_subject(req),
                                         payload={"request_id": req.id, "customer_id": customer.id})
        except TooManyCodes:
            audit(session, req, "system", "code_rate_limited")
            return False
        token = secrets.token_urlsafe(32)
        req.link_digest = hashlib.sha256(token.encode()).hexdigest()
        link = f"{self.config.public_url.rstrip('/')}/privacy/verify/{token}"
        minutes = int((issued.expires_at - utcnow()).total_seconds() // 60) + 1
        self._send(session, req, "verification_code", to=customer.email, code=issued.code, link=link, minutes=minutes,
                   ticket_number=self._number(req), types=self.types_text(req),
                   stored_text="[a one-time verification code and link were sent to the address on file]")
        if req.state == RequestState.RECEIVED:
            transition(session, req, RequestState.VERIFICATION_SENT, "system", "code_sent", sent_to="address_on_file")
        else:
            audit(session, req, "system", "code_sent", sent_to="address_on_file")
        req.details = {**req.details, "awaiting": "code"}
        return True

    # -- replies and codes --------------------------------------------------------------------

    def handle_reply(self, session: Session, ticket_id: int, text: str) -> Outcome:
        """A message that threaded into a ticket with an open request awaiting the requester."""
        req = self.open_request_of_ticket(session, ticket_id)
        if req is None:
            return Outcome(None, "none")
        if req.state == RequestState.VERIFICATION_SENT:
            code = find_code(text)
            if code is not None:
                return Outcome(req.id, self._check(session, req, code, via="mail"))
            if _RESEND.search(_own_lines(text)):
                customer = session.get(Customer, req.customer_id) if req.customer_id is not None else None
                if customer is not None and self._send_code(session, req, customer):
                    return Outcome(req.id, "code_resent")
            return Outcome(req.id, "no_code")
        if req.state == RequestState.RECEIVED and req.details.get("awaiting") == "identifier":
            return Outcome(req.id, self._identifier(session, req, text))
        return Outcome(req.id, "ignored")

    def handle_code_elsewhere(self, session: Session, channel: str, address: str, text: str) -> Outcome:
        """A code that arrived outside the request's thread (a new mail instead of a reply): it is
        checked against the sender's own request awaiting a code, if there is exactly one."""
        code = find_code(text)
        # Only a short message is read as a code: "order 123456" in a new question is not an attempt.
        if code is None or len(_own_lines(text).strip()) > 200:
            return Outcome(None, "none")
        contact = contact_of(session, channel, address)
        conditions = [PrivacyRequest.requester_digest == digest(address)]
        if contact is not None:
            conditions.append(PrivacyRequest.contact_id == contact.id)
        if contact is not None and contact.customer_id is not None:
            conditions.append(PrivacyRequest.customer_id == contact.customer_id)
        waiting = list(session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.state == RequestState.VERIFICATION_SENT, or_(*conditions))))
        if len(waiting) != 1:
            return Outcome(None, "none")
        return Outcome(waiting[0].id, self._check(session, waiting[0], code, via="mail"))

    def _identifier(self, session: Session, req: PrivacyRequest, text: str) -> str:
        own = _own_lines(text)
        emails = [e.lower() for e in _EMAIL.findall(own)]
        customer = None
        if emails:
            customer = session.scalars(select(Customer).where(func.lower(Customer.email).in_(emails))
                                       .order_by(Customer.id).limit(1)).first()
        if customer is None:
            idents = [m for m in _IDENT.findall(_EMAIL.sub(" ", own)) if any(c.isdigit() for c in m)]
            if idents:
                customer = session.scalars(select(Customer).where(Customer.number.in_(idents))
                                           .order_by(Customer.id).limit(1)).first()
        if customer is not None:
            req.customer_id = customer.id
            audit(session, req, "requester", "identifier_matched")
            self._send_code(session, req, customer)
        else:
            audit(session, req, "requester", "identifier_unmatched")
        # The same answer either way: the requester learns nothing about whether an account exists.
        self._send(session, req, "code_sent")
        return "identifier_matched" if customer is not None else "identifier_unmatched"

    def _check(self, session: Session, req: PrivacyRequest, code: str, *, via: str) -> str:
        result = self.verifier.check(session, purpose=PURPOSE, subject=_subject(req), code=code)
        if result.status is CheckStatus.OK and result.payload.get("request_id") == req.id:
            self._verified(session, req, via=f"code_{via}")
            return "verified"
        audit(session, req, "requester", "code_rejected", status=result.status.value, via=via)
        if result.status in (CheckStatus.WRONG, CheckStatus.LOCKED) and via == "mail":
            self._send(session, req, "code_invalid", locked=result.status is CheckStatus.LOCKED,
                       attempts_left=result.attempts_left)
        return f"code_{result.status.value}"

    def verify_link(self, session: Session, token: str, code: str) -> str:
        """The public verification page: the link's token names the request, the code proves it."""
        req = session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.link_digest == hashlib.sha256(token.encode()).hexdigest())).first()
        if req is None or req.state != RequestState.VERIFICATION_SENT:
            return "unknown"
        return self._check(session, req, code, via="link")

    def _verified(self, session: Session, req: PrivacyRequest, *, via: str) -> None:
        transition(session, req, RequestState.VERIFIED, "requester" if via.startswith("code") else "system",
                   "verified", via=via)
        req.evidence = {**req.evidence, "verified_by": via}
        req.link_digest = None
        req.details = {k: v for k, v in req.details.items() if k != "awaiting"}
        customer = session.get(Customer, req.customer_id) if req.customer_id is not None else None
        on_file = (customer.email or "").lower() if customer is not None else ""
        if on_file and (req.channel not in ("email", "webform") or req.requester_address != on_file):
            # Whatever follows may hold the customer's data: it goes to the address on file only.
            req.channel, req.requester_address = "email", on_file
            audit(session, req, "system", "answers_to_address_on_file")
        auto = [t for t in req.types if t in self.config.auto_fulfil]
        if len(auto) < len(req.types):
            self._send(session, req, "verified", types=self.types_text(req), due_on=req.due_on.isoformat())
        if auto:
            self._run(session, req, "system", only=auto)

    # -- handlers and officer actions ---------------------------------------------------------

    def _run(self, session: Session, req: PrivacyRequest, actor: str, only: list[str] | None = None
             ) -> list[handlers.Report]:
        if req.state in (RequestState.RECEIVED, RequestState.VERIFIED):
            transition(session, req, RequestState.IN_PROGRESS, actor, "handling")
        done = set(req.details.get("done", []))
        reports = []
        wanted = [t for t in handlers.ORDER if t in req.types and t not in done and (only is None or t in only)]
        exported = False
        for kind in wanted:
            if kind in ("access", "portability") and exported:
                report = handlers.Report(type=kind, done=["included in the same export"])
            elif kind == "erasure" and self._export_pending(session, req):
                # Erasing now would empty the export the requester was just sent; it runs after the download.
                report = handlers.Report(type=kind, done=["waits until the export has been downloaded"],
                                         complete=False)
            else:
                report = handlers.HANDLERS[kind](self._context(session, req, actor))
                exported = exported or kind in ("access", "portability")
            reports.append(report)
            if report.complete:
                done.add(kind)
        req.details = {**req.details, "done": sorted(done),
                       "reports": [*req.details.get("reports", []), *(r.as_dict() for r in reports)]}
        if done >= set(req.types):
            transition(session, req, RequestState.FULFILLED, actor, "fulfilled", types=sorted(done))
        return reports

    @staticmethod
    def _export_pending(session: Session, req: PrivacyRequest) -> bool:
        return session.scalar(select(DownloadLink.id).where(
            DownloadLink.request_id == req.id, DownloadLink.used_at.is_(None),
            DownloadLink.expires_at > utcnow()).limit(1)) is not None

    def run(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        """An officer runs the remaining handlers of a verified request."""
        req = self._get(session, request_id)
        if req.state not in (RequestState.VERIFIED, RequestState.IN_PROGRESS):
            raise TransitionError("only a verified request can be carried out")
        return self._run(session, req, actor)

    def verify_by_officer(self, session: Session, request_id: int, actor: str, note: str) -> None:
        """Identity established another way (e.g. in person); the officer states how."""
        req = self._get(session, request_id)
        audit(session, req, actor, "identity_confirmed_by_officer", note=note[:500])
        self._verified(session, req, via="officer")

    def propose_rectification(self, session: Session, request_id: int, actor: str, changes: dict[str, str]) -> None:
        req = self._get(session, request_id)
        clean = {k: v for k, v in changes.items() if k in handlers.RECTIFIABLE and v.strip()}
        req.details = {**req.details, "rectification": {"changes": clean, "proposed_by": actor}}
        audit(session, req, actor, "rectification_proposed", fields=sorted(clean))

    def approve_rectification(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        req = self._get(session, request_id)
        proposal = req.details.get("rectification")
        if not proposal or req.state not in (RequestState.VERIFIED, RequestState.IN_PROGRESS):
            raise TransitionError("nothing to approve")
        req.details = {**req.details, "rectification": {**proposal, "approved_by": actor}}
        return self._run(session, req, actor, only=["rectification"])

    def extend(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        """Art. 12(3): two more months, with the reasons told to the requester before the first deadline."""
        req = self._get(session, request_id)
        if not req.open or req.extended_at is not None:
            raise TransitionError("the request is closed or already extended")
        if deadline.today() > req.first_due_on:
            raise TransitionError("an extension must be notified before the first deadline")
        if len(reason.strip()) < 10:
            raise TransitionError("state the reason for the extension")
        req.due_on = deadline.extended_deadline(deadline.received_on(req.received_at))
        req.extended_at = utcnow()
        req.extension_reason = reason.strip()
        audit(session, req, actor, "extended", due_on=req.due_on.isoformat())
        self._send(session, req, "extension", reason=req.extension_reason, due_on=req.due_on.isoformat(),
                   first_due_on=req.first_due_on.isoformat(), types=self.types_text(req))

    def refuse(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        req = self._get(session, request_id)
        transition(session, req, RequestState.REFUSED, actor, "refused", reason=reason[:500])
        self._send(session, req, "refused", reason=reason.strip(), types=self.types_text(req))

    def withdraw(self, session: Session, request_id: int, actor: str, *, unmark: bool = False) -> None:
        """The requester withdrew it, or (``unmark``) an agent found it is no privacy request at all."""
        req = self._get(session, request_id)
        transition(session, req, RequestState.WITHDRAWN, actor, "unmarked" if unmark else "withdrawn")

    def announce_lift(self, session: Session, request_id: int, actor: str, on: str, reason: str) -> None:
        """Art. 18(3): the requester is told before a restriction is lifted."""
        req = self._get(session, request_id)
        req.details = {**req.details, "lift_announced": on}
        audit(session, req, actor, "restriction_lift_announced", on=on)
        self._send(session, req, "restriction_lifting", on=on, reason=reason.strip())

    def lift(self, session: Session, request_id: int, actor: str) -> None:
        req = self._get(session, request_id)
        announced = req.details.get("lift_announced")
        if not announced or announced > deadline.today().isoformat():
            raise TransitionError("tell the requester first, and lift on or after the announced day")
        restriction = active_restriction(session, req.customer_id)
        if restriction is not None:
            restriction.lifted_at = utcnow()
        audit(session, req, actor, "restriction_lifted")

    def _get(self, session: Session, request_id: int) -> PrivacyRequest:
        req = session.get(PrivacyRequest, request_id)
        if req is None:
            raise LookupError(f"no privacy request {request_id}")
        return req

    # -- downloads ----------------------------------------------------------------------------

    def download(self, session: Session, token: str) -> tuple[bytes, int] | None:
        """The export ZIP for a valid, unused, unexpired link (then used up), or None."""
        link = session.scalars(select(DownloadLink).where(
            DownloadLink.token_digest == handlers.token_digest(token)).with_for_update()).first()
        if link is None or link.used_at is not None or link.expires_at <= utcnow():
            return None
        req = self._get(session, link.request_id)
        link.used_at = utcnow()
        from privacy import export

        data = export.collect(session, req, self.config.statement)
        audit(session, req, "requester", "export_downloaded", tickets=len(data["tickets"]))
        bundle = export.bundle(data, req.lang, export.attachment_files(session, data))
        if "erasure" in req.types and "erasure" not in req.details.get("done", []) and req.open:
            self._run(session, req, "system", only=["erasure"])
        return bundle, link.request_id

    # -- marking by hand ----------------------------------------------------------------------

    def mark(self, session: Session, ticket_number: int, types: list[str], actor: str) -> PrivacyRequest:
        ticket = store.ticket_by_number(session, ticket_number)
        if ticket is None:
            raise LookupError(f"no ticket {ticket_number}")
        return self.open(session, ticket, types, source="manual", actor=actor)


def contact_of(session: Session, channel: str, address: str) -> Contact | None:
    return session.scalars(select(Contact).where(
        Contact.channel == channel, Contact.address == store.normalise_address(channel, address))).first()
