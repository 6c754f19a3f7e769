"""``PrivacyDesk``: the one object the web routes, the intake hook and the bot use for privacy requests.

The desk opens a request (recognised on arrival, or marked by hand on a ticket) and starts it: an
objection to direct marketing and a complaint need no verification and take effect at once; the other
types wait until ``IdentityCheck`` (privacy.identity) has established who asked. ``OfficerActions``
(privacy.actions) carries a verified request out and holds what the privacy officer does with one;
the desk passes those calls on, so its callers need to know no other class.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Direction, Message, PrivacyRequest, RequestState, Ticket, utcnow
from models.privacy import TriageState
from privacy import deadline, handlers, triage
from privacy.actions import OfficerActions
from privacy.config import PrivacyConfig
from privacy.evidence import MailEvidence
from privacy.identity import NEEDS_VERIFICATION, IdentityCheck, Outcome
from privacy.office import Office
from privacy.recognition.message import guess_language
from privacy.texts import Texts
from privacy.verification import Verifier
from privacy.workflow import audit, digest
from tickets import store
from tickets.replies import MailIdentity


class PrivacyDesk:
    def __init__(self, ticket_store: store.TicketStore, verifier: Verifier, config: PrivacyConfig,
                 identity: MailIdentity, texts: Texts | None = None) -> None:
        self.store = ticket_store
        self.verifier = verifier
        self.config = config
        self.identity = identity
        self.texts = texts or Texts(config.templates_dir)
        self.office = Office(config, self.texts, identity)
        self.actions = OfficerActions(self.office)
        self.identity_check = IdentityCheck(self.office, verifier, self.actions)

    def types_text(self, req: PrivacyRequest) -> str:
        return self.office.types_text(req)

    @staticmethod
    def open_request_of_ticket(session: Session, ticket_id: int) -> PrivacyRequest | None:
        return Office.open_request_of_ticket(session, ticket_id)

    # -- opening and marking ------------------------------------------------------------------

    def open(self, session: Session, ticket: Ticket, types: list[str], *, source: str, actor: str,
             evidence: MailEvidence = MailEvidence.NONE, received_at: datetime | None = None,
             lang: str | None = None, unspecified: bool = False) -> PrivacyRequest:
        """Open a request on ``ticket`` (or add types to its open one) and start verification.

        ``unspecified``: a request without types yet (Telegram ``/privacy``, the web form's "other"): it is
        on the clock from ``received_at`` and waits for its types (from the requester's next message or
        the officer) before anything else happens."""
        known = [t for t in dict.fromkeys(types) if t in handlers.HANDLERS]
        if not known and not unspecified:
            raise ValueError("no known request type")
        existing = self.open_request_of_ticket(session, ticket.id)
        if existing is not None:
            self._add_types(session, existing, known, actor, evidence)
            return existing
        req = self._new_request(session, ticket, known, source, evidence, received_at or utcnow(),
                                request_language(session, ticket, lang))
        if not known:
            req.details = {**req.details, "awaiting": "types"}
            audit(session, req, actor, "opened", types=[], source=source, evidence=evidence.value,
                  customer_found=req.customer_id is not None)
            store.add_event(session, ticket, "privacy_request_opened", {"request": req.id, "types": []})
            return req
        audit(session, req, actor, "opened", types=known, source=source, evidence=evidence.value,
              customer_found=req.customer_id is not None)
        store.add_event(session, ticket, "privacy_request_opened", {"request": req.id, "types": known})
        self._start(session, req, evidence)
        return req

    def _add_types(self, session: Session, req: PrivacyRequest, known: list[str], actor: str,
                   evidence: MailEvidence = MailEvidence.NONE) -> None:
        added = [t for t in known if t not in req.types]
        if not added:
            return
        waiting_for_types = not req.types
        req.types = [*req.types, *added]
        audit(session, req, actor, "types_added", types=added)
        if waiting_for_types and req.state == RequestState.RECEIVED:
            req.details = {k: v for k, v in req.details.items() if k != "awaiting"}
            self._start(session, req, evidence)

    def set_types(self, session: Session, request_id: int, types: list[str], actor: str) -> None:
        """The officer names the types of a request that came without (or adds to them)."""
        known = [t for t in dict.fromkeys(types) if t in handlers.HANDLERS]
        if not known:
            raise ValueError("choose at least one request type")
        self._add_types(session, self.office.get(session, request_id), known, actor)

    # -- possible requests (privacy.triage) -----------------------------------------------------

    def confirm_possible(self, session: Session, triage_id: int, types: list[str], actor: str) -> PrivacyRequest:
        """One click: a possible request is one, with these types, on the clock from its receipt."""
        row = triage.get(session, triage_id)
        ticket = session.get(Ticket, row.ticket_id) if row.ticket_id is not None else None
        if ticket is None:
            raise LookupError("the ticket is gone")
        req = self.open(session, ticket, types, source="triage", actor=actor, received_at=row.received_at)
        triage.decide(session, row, TriageState.CONFIRMED, actor, req.id)
        return req

    def dismiss_possible(self, session: Session, triage_id: int, actor: str) -> None:
        triage.decide(session, triage.get(session, triage_id), TriageState.DISMISSED, actor)

    @staticmethod
    def _new_request(session: Session, ticket: Ticket, types: list[str], source: str, evidence: MailEvidence,
                     at: datetime, lang: str) -> PrivacyRequest:
        """The request row, answering the ticket's contact, on the clock from the day it was received."""
        contact = ticket.contact
        if contact is None:
            raise ValueError("the ticket has no contact to answer")
        due = deadline.first_deadline(deadline.received_on(at))
        req = PrivacyRequest(
            ticket_id=ticket.id, types=types, state=RequestState.RECEIVED, source=source, channel=contact.channel,
            requester_address=contact.address, requester_digest=digest(contact.address), contact_id=contact.id,
            customer_id=contact.customer_id or ticket.customer_id, lang=lang, received_at=at,
            due_on=due, first_due_on=due, evidence={"mail": evidence.value}, details={},
        )
        session.add(req)
        session.flush()
        return req

    def _start(self, session: Session, req: PrivacyRequest, evidence: MailEvidence) -> None:
        if "objection" in req.types:
            # Art. 21(3): a marketing opt-out takes effect at once, without verification.
            report = handlers.objection(self.office.context(session, req, "system"))
            req.details = {**req.details, "done": ["objection"], "reports": [report.as_dict()]}
        needs = set(req.types) & NEEDS_VERIFICATION
        if not needs:
            self.actions.carry_out(session, req, "system")
            return
        self.identity_check.begin(session, req, evidence, needs)

    def mark(self, session: Session, ticket_number: int, types: list[str], actor: str) -> PrivacyRequest:
        ticket = store.ticket_by_number(session, ticket_number)
        if ticket is None:
            raise LookupError(f"no ticket {ticket_number}")
        return self.open(session, ticket, types, source="manual", actor=actor)

    # -- verification (privacy.identity) ------------------------------------------------------

    def handle_reply(self, session: Session, ticket_id: int, text: str) -> Outcome:
        return self.identity_check.handle_reply(session, ticket_id, text)

    def handle_code_elsewhere(self, session: Session, channel: str, address: str, text: str) -> Outcome:
        return self.identity_check.handle_code_elsewhere(session, channel, address, text)

    def verify_link(self, session: Session, token: str, code: str) -> str:
        return self.identity_check.verify_link(session, token, code)

    def verify_by_officer(self, session: Session, request_id: int, actor: str, note: str) -> None:
        self.identity_check.verify_by_officer(session, request_id, actor, note)

    def _check(self, session: Session, req: PrivacyRequest, code: str, *, via: str) -> str:
        return self.identity_check.check(session, req, code, via=via)

    # -- the officer's actions and the download (privacy.actions) -----------------------------

    def run(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        return self.actions.run(session, request_id, actor)

    def propose_rectification(self, session: Session, request_id: int, actor: str, changes: dict[str, str]) -> None:
        self.actions.propose_rectification(session, request_id, actor, changes)

    def approve_rectification(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        return self.actions.approve_rectification(session, request_id, actor)

    def approve(self, session: Session, request_id: int, actor: str, keep_open: list[int] | None = None
                ) -> list[handlers.Report]:
        return self.actions.approve(session, request_id, actor, keep_open)

    def task_done(self, session: Session, request_id: int, task_id: int, actor: str, *, done: bool = True) -> None:
        self.actions.task_done(session, request_id, task_id, actor, done=done)

    def task_owner(self, session: Session, request_id: int, task_id: int, actor: str, owner: str) -> None:
        self.actions.task_owner(session, request_id, task_id, actor, owner)

    def erase_kept_ticket(self, session: Session, request_id: int, task_id: int, actor: str) -> None:
        self.actions.erase_kept_ticket(session, request_id, task_id, actor)

    def extend(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        self.actions.extend(session, request_id, actor, reason)

    def refuse(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        self.actions.refuse(session, request_id, actor, reason)

    def withdraw(self, session: Session, request_id: int, actor: str, *, unmark: bool = False) -> None:
        self.actions.withdraw(session, request_id, actor, unmark=unmark)

    def announce_lift(self, session: Session, request_id: int, actor: str, on: str, reason: str) -> None:
        self.actions.announce_lift(session, request_id, actor, on, reason)

    def lift(self, session: Session, request_id: int, actor: str) -> None:
        self.actions.lift(session, request_id, actor)

    def download(self, session: Session, token: str) -> tuple[bytes, int] | None:
        return self.actions.download(session, token)


def request_language(session: Session, ticket: Ticket, hint: str | None = None) -> str:
    """The requester's language: the recogniser's reading of the request, else what the ticket's own
    messages are written in, else the ticket's language, else Dutch (the operator's own). A two-word
    "/privacy" command is no evidence of English."""
    if hint in ("nl", "en", "de", "fr"):
        return hint
    texts = session.scalars(select(Message.text).where(Message.ticket_id == ticket.id,
                                                       Message.direction == Direction.IN)
                            .order_by(Message.id.desc()).limit(5)).all()
    guessed = guess_language(" ".join(texts)) if texts else "und"
    if guessed != "und" and len(" ".join(texts).split()) >= 4:
        return guessed
    return "nl"
