"""``IdentityCheck``: verifying who made a privacy request (art. 12(6) GDPR, proportionate; never an
ID-document copy).

- the customer is found from the contact (an e-mail address on file, or a Telegram chat linked with a
  code); else the requester is asked for a customer number or e-mail address (``identifier``);
- a one-time code (privacy.verification: hashed, single-use, expiring, attempt-limited, constant-time)
  goes to the address ON FILE only, never to an address the requester just supplied, by mail and as
  a link to the public verification page; the requester hears only that a code was sent "if an
  account exists", and no message before verification reveals anything about the account;
- a code comes back as a reply in the request's thread, as a short new mail (``handle_code_elsewhere``)
  or through the link; an officer may confirm the identity another way and say how;
- a DMARC pass from the address on file (privacy.evidence) counts as evidence and is enough on its
  own only for the types the operator lists; a DMARC fail always needs the code.
After verification every message about the request goes to the address on file, and the types the
operator lets run by themselves are carried out (``OfficerActions.carry_out``).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import event, func, or_, select
from sqlalchemy.orm import Session, object_session

from models import Contact, Customer, PrivacyAudit, PrivacyRequest, RequestState, utcnow
from privacy.actions import OfficerActions
from privacy.evidence import MailEvidence
from privacy.office import Office
from privacy.verification import CheckStatus, TooManyCodes, Verifier
from privacy.workflow import audit, customer_of, digest, token_digest, transition
from tickets import store
from tickets.transaction_cache import remembered

PURPOSE = "privacy_request"
NEEDS_VERIFICATION = frozenset({"access", "portability", "erasure", "rectification", "restriction"})
# A code typed back: six digits, perhaps split by a space or dash ("481 223"), outside quoted lines.
_CODE = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IDENT = re.compile(r"\b[A-Za-z]{0,3}\d[\w-]{2,30}\b")
_RESEND = re.compile(r"\b(code|nieuwe code|new code|resend|opnieuw)\b", re.I)
_REPLY_HEADER = re.compile(r"^(On .+ wrote:|Op .+ schreef .+:|-----\s*Original Message|-----\s*Oorspronkelijk)")


@dataclass(frozen=True, slots=True)
class Outcome:
    request_id: int | None
    action: str


def _subject(req: PrivacyRequest) -> str:
    return f"request:{req.id}"


def _own_lines(text: str) -> str:
    """The reply without quoted lines (``>``) and without what follows a reply header."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if _REPLY_HEADER.match(stripped):
            break
        lines.append(line)
    return "\n".join(lines)


def find_code(text: str) -> str | None:
    match = _CODE.search(_own_lines(text))
    return match.group(1) + match.group(2) if match else None


def contact_of(session: Session, channel: str, address: str) -> Contact | None:
    return store.find_contact(session, channel, address)  # the store's statement, built once (issue 19)


# Whether any request awaits a code: asked once per transaction (``tickets.transaction_cache``) instead of
# once per short message with six digits in it (a third of the bench's mails, issue 19), since most of the
# time none does. Built once.
_ANY_AWAITING = select(PrivacyRequest.id).where(PrivacyRequest.state == RequestState.VERIFICATION_SENT).limit(1)
_AWAITING = "privacy_requests_awaiting_code"


def _any_awaiting_code(session: Session) -> bool:
    cache = remembered(session)
    known: bool | None = cache.get(_AWAITING)
    if known is None:
        known = cache[_AWAITING] = session.scalars(_ANY_AWAITING).first() is not None
    return known


@event.listens_for(PrivacyRequest.state, "set", propagate=True)
def _state_changed(target: PrivacyRequest, *_: object) -> None:
    """A request whose state changes in a transaction (one that starts waiting for its code, ``send_code``)
    makes the transaction ask again."""
    session = object_session(target)
    if session is not None:
        remembered(session).pop(_AWAITING, None)


@event.listens_for(Session, "transient_to_pending")
def _request_added(session: Session, instance: object) -> None:
    """So does a request added to it (one made in a state before it had a session)."""
    if isinstance(instance, PrivacyRequest):
        remembered(session).pop(_AWAITING, None)


def _customer_named_in(session: Session, text: str) -> Customer | None:
    """The customer whose e-mail address, or else whose customer number, the requester typed."""
    emails = [e.lower() for e in _EMAIL.findall(text)]
    if emails:
        customer = session.scalars(select(Customer).where(func.lower(Customer.email).in_(emails))
                                   .order_by(Customer.id).limit(1)).first()
        if customer is not None:
            return customer
    idents = [m for m in _IDENT.findall(_EMAIL.sub(" ", text)) if any(c.isdigit() for c in m)]
    if not idents:
        return None
    return session.scalars(select(Customer).where(Customer.number.in_(idents)).order_by(Customer.id).limit(1)).first()


class IdentityCheck:
    def __init__(self, office: Office, verifier: Verifier, actions: OfficerActions) -> None:
        self.office = office
        self.verifier = verifier
        self.actions = actions

    # -- asking -------------------------------------------------------------------------------

    def begin(self, session: Session, req: PrivacyRequest, evidence: MailEvidence, needs: set[str]) -> None:
        """A new request whose types ``needs`` verification: ask who it is, accept DMARC, or send a code."""
        customer = customer_of(session, req)
        if customer is None:
            req.details = {**req.details, "awaiting": "identifier"}
            audit(session, req, "system", "identifier_requested")
            self.office.send(session, req, "ask_identifier", ticket_number=self.office.number(req))
            return
        on_file = (customer.email or "").lower()
        if (evidence is MailEvidence.DMARC_PASS and req.channel == "email" and on_file
                and req.requester_address == on_file and needs <= set(self.office.config.dmarc_sufficient_for)):
            self.verified(session, req, via="dmarc_pass")
            return
        self.send_code(session, req, customer)

    @staticmethod
    def _codes_today(session: Session, customer_id: int) -> int:
        return session.scalar(select(func.count(PrivacyAudit.id)).join(
            PrivacyRequest, PrivacyRequest.id == PrivacyAudit.request_id).where(
            PrivacyRequest.customer_id == customer_id, PrivacyAudit.action == "code_sent",
            PrivacyAudit.at > utcnow() - timedelta(days=1))) or 0

    def send_code(self, session: Session, req: PrivacyRequest, customer: Customer) -> bool:
        """A code and a verification link to the customer's address on file; False when none could be sent."""
        if not customer.email:
            req.details = {**req.details, "awaiting": "officer"}
            audit(session, req, "system", "no_address_on_file")
            return False
        if self._codes_today(session, customer.id) >= self.office.config.codes_per_customer_per_day:
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
        req.link_digest = token_digest(token)
        link = f"{self.office.config.public_url.rstrip('/')}/privacy/verify/{token}"
        minutes = int((issued.expires_at - utcnow()).total_seconds() // 60) + 1
        self.office.send(session, req, "verification_code", to=customer.email, code=issued.code, link=link,
                         minutes=minutes, ticket_number=self.office.number(req), types=self.office.types_text(req),
                         stored_text="[a one-time verification code and link were sent to the address on file]")
        if req.state == RequestState.RECEIVED:
            transition(session, req, RequestState.VERIFICATION_SENT, "system", "code_sent", sent_to="address_on_file")
        else:
            audit(session, req, "system", "code_sent", sent_to="address_on_file")
        req.details = {**req.details, "awaiting": "code"}
        return True

    # -- answers ------------------------------------------------------------------------------

    def handle_reply(self, session: Session, ticket_id: int, text: str) -> Outcome:
        """A message that threaded into a ticket with an open request awaiting the requester."""
        req = self.office.open_request_of_ticket(session, ticket_id)
        if req is None:
            return Outcome(None, "none")
        if req.state == RequestState.VERIFICATION_SENT:
            code = find_code(text)
            if code is not None:
                return Outcome(req.id, self.check(session, req, code, via="mail"))
            if _RESEND.search(_own_lines(text)):
                customer = customer_of(session, req)
                if customer is not None and self.send_code(session, req, customer):
                    return Outcome(req.id, "code_resent")
                if customer is not None:
                    self.office.send(session, req, "code_invalid", status="throttled",
                                     attempts=self.verifier.max_attempts, attempts_left=0)
                    return Outcome(req.id, "code_throttled")
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
        waiting = self._awaiting_code_from(session, channel, address)
        if len(waiting) != 1:
            return Outcome(None, "none")
        return Outcome(waiting[0].id, self.check(session, waiting[0], code, via="mail"))

    @staticmethod
    def _awaiting_code_from(session: Session, channel: str, address: str) -> list[PrivacyRequest]:
        """The requests awaiting a code that this sender made: by address, contact or customer."""
        if not _any_awaiting_code(session):
            return []
        contact = contact_of(session, channel, address)
        conditions = [PrivacyRequest.requester_digest == digest(address)]
        if contact is not None:
            conditions.append(PrivacyRequest.contact_id == contact.id)
        if contact is not None and contact.customer_id is not None:
            conditions.append(PrivacyRequest.customer_id == contact.customer_id)
        return list(session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.state == RequestState.VERIFICATION_SENT, or_(*conditions))))

    def _identifier(self, session: Session, req: PrivacyRequest, text: str) -> str:
        customer = _customer_named_in(session, _own_lines(text))
        if customer is not None:
            req.customer_id = customer.id
            audit(session, req, "requester", "identifier_matched")
            self.send_code(session, req, customer)
        else:
            audit(session, req, "requester", "identifier_unmatched")
        # The same answer either way: the requester learns nothing about whether an account exists.
        self.office.send(session, req, "code_sent")
        return "identifier_matched" if customer is not None else "identifier_unmatched"

    def check(self, session: Session, req: PrivacyRequest, code: str, *, via: str) -> str:
        """A code typed back for ``req`` (by ``mail`` or on the ``link``'s page): "verified" or "code_<status>"."""
        result = self.verifier.check(session, purpose=PURPOSE, subject=_subject(req), code=code)
        if result.status is CheckStatus.OK and result.payload.get("request_id") == req.id:
            self.verified(session, req, via=f"code_{via}")
            return "verified"
        audit(session, req, "requester", "code_rejected", status=result.status.value, via=via)
        if via == "mail":
            # Every refusal says why: after too many wrong tries even the right code is refused (locked).
            self.office.send(session, req, "code_invalid", status=result.status.value,
                             attempts=self.verifier.max_attempts, attempts_left=result.attempts_left)
        return f"code_{result.status.value}"

    def verify_link(self, session: Session, token: str, code: str) -> str:
        """The public verification page: the link's token names the request, the code proves it."""
        req = session.scalars(select(PrivacyRequest).where(PrivacyRequest.link_digest == token_digest(token))).first()
        if req is None or req.state != RequestState.VERIFICATION_SENT:
            return "unknown"
        return self.check(session, req, code, via="link")

    def verify_by_officer(self, session: Session, request_id: int, actor: str, note: str) -> None:
        """Identity established another way (e.g. in person); the officer states how."""
        req = self.office.get(session, request_id)
        audit(session, req, actor, "identity_confirmed_by_officer", note=note[:500])
        self.verified(session, req, via="officer")

    # -- verified -----------------------------------------------------------------------------

    def verified(self, session: Session, req: PrivacyRequest, *, via: str) -> None:
        """Record the verification, answer to the address on file from now on, run the automatic types."""
        transition(session, req, RequestState.VERIFIED, "requester" if via.startswith("code") else "system",
                   "verified", via=via)
        req.evidence = {**req.evidence, "verified_by": via}
        req.link_digest = None
        req.details = {k: v for k, v in req.details.items() if k != "awaiting"}
        customer = customer_of(session, req)
        on_file = (customer.email or "").lower() if customer is not None else ""
        if on_file and (req.channel not in ("email", "webform") or req.requester_address != on_file):
            # Whatever follows may hold the customer's data: it goes to the address on file only.
            req.channel, req.requester_address = "email", on_file
            audit(session, req, "system", "answers_to_address_on_file")
        config = self.office.config
        auto = [t for t in req.types if t in config.auto_fulfil and t not in config.approval_required]
        if any(t in config.approval_required for t in req.types):
            # Destructive work waits for a privacy officer's approval (privacy.actions.approve).
            req.details = {**req.details, "awaiting": "approval"}
        if len(auto) < len(req.types):
            self.office.send(session, req, "verified", types=self.office.types_text(req),
                             due_on=req.due_on.isoformat())
        if auto:
            self.actions.carry_out(session, req, "system", only=auto)
