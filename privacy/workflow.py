"""The request's state machine, its append-only audit log, and messages to the requester.

Every state change goes through ``transition`` so that each one leaves an audit entry with actor and
time (art. 5(2) GDPR, accountability), and every message goes through ``send``, which writes the
outbox entry in the caller's transaction: a message is sent exactly when the state change it belongs
to is committed (docs/architecture, "Side effects after commit").
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from email.utils import format_datetime
from typing import Any

from sqlalchemy.orm import Session

from models import FINAL_STATES, Customer, Direction, PrivacyAudit, PrivacyRequest, RequestState, Ticket, keys, utcnow
from privacy.texts import Rendered, Texts
from tickets import audit as trail
from tickets import mailboxes, outbox, store
from tickets.replies import MailIdentity, mail_thread_ids, new_message_id, operator_text

log = logging.getLogger(__name__)

S = RequestState
ALLOWED: dict[RequestState, frozenset[RequestState]] = {
    S.RECEIVED: frozenset({S.VERIFICATION_SENT, S.VERIFIED, S.IN_PROGRESS, S.REFUSED, S.WITHDRAWN}),
    S.VERIFICATION_SENT: frozenset({S.VERIFIED, S.REFUSED, S.WITHDRAWN}),
    S.VERIFIED: frozenset({S.IN_PROGRESS, S.FULFILLED, S.REFUSED, S.WITHDRAWN}),
    S.IN_PROGRESS: frozenset({S.FULFILLED, S.REFUSED, S.WITHDRAWN}),
}


class TransitionError(ValueError):
    """The requested change is not possible in the request's current state."""


def digest(address: str) -> str:
    """What is kept of an address to recognise it again (a requester, a marketing opt-out).

    A keyed digest (``models.keys``): an unkeyed SHA-256 of an e-mail address is reversed by trying
    a list of addresses, so a copy of the database would give the addresses back.
    """
    return keys.digest("address", address.strip().lower())


def legacy_digest(address: str) -> str:
    """The unkeyed SHA-256 that suppressions made before migration 0009 still carry (upgraded on use)."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def token_digest(token: str) -> str:
    """What is stored of a secret link's token (verification and download links)."""
    return hashlib.sha256(token.encode()).hexdigest()


def customer_of(session: Session, req: PrivacyRequest) -> Customer | None:
    return session.get(Customer, req.customer_id) if req.customer_id is not None else None


# Actions that have a name of their own in the workspace's audit trail (tickets.audit).
_TRAIL_ACTIONS = {"erased": trail.ERASURE, "verified": trail.VERIFICATION, "export_downloaded": trail.EXPORT}


def _mirror(session: Session, req: PrivacyRequest, actor: str, action: str, detail: dict[str, Any]) -> None:
    """The same event in the shared audit trail, so officers see it beside vault reveals and logins."""
    trail.record(session, actor, _TRAIL_ACTIONS.get(action, f"privacy.{action}"), "privacy_request", req.id, detail)


def audit(session: Session, req: PrivacyRequest, actor: str, action: str, **detail: Any) -> PrivacyAudit:
    entry = PrivacyAudit(request_id=req.id, at=utcnow(), actor=actor, action=action, from_state=None,
                         to_state=None, detail=detail)
    session.add(entry)
    _mirror(session, req, actor, action, detail)
    session.flush()
    return entry


def transition(session: Session, req: PrivacyRequest, to: RequestState, actor: str, action: str,
               **detail: Any) -> None:
    current = RequestState(req.state)
    if to not in ALLOWED.get(current, frozenset()):
        raise TransitionError(f"a request in state {current} cannot become {to}")
    session.add(PrivacyAudit(request_id=req.id, at=utcnow(), actor=actor, action=action, from_state=current.value,
                             to_state=to.value, detail=detail))
    _mirror(session, req, actor, action, {**detail, "from": current.value, "to": to.value})
    req.state = to
    if to in FINAL_STATES:
        req.closed_at = utcnow()
    session.flush()
    log.info("privacy: request=%d %s -> %s by %s (%s)", req.id, current, to, actor, action)


def tell(session: Session, req: PrivacyRequest, texts: Texts, identity: MailIdentity, name: str, *,
         to: str | None = None, stored_text: str | None = None, **values: Any) -> bool:
    """Render the text ``name`` in the request's language and ``send`` it."""
    message = texts.render(name, req.lang, **values)
    return send(session, req, message, identity, to=to, stored_text=stored_text)


def send(session: Session, req: PrivacyRequest, message: Rendered, identity: MailIdentity, *,
         to: str | None = None, stored_text: str | None = None) -> bool:
    """Queue ``message`` for the requester (or for ``to``, an address on file, always by e-mail).

    The message is also stored on the request's ticket as an outgoing message so agents see it;
    ``stored_text`` replaces the text there when it holds a secret (a code, a download link).
    Returns False when there is nowhere to send it (the address was erased).
    """
    address = to or req.requester_address
    if not address:
        log.warning("privacy: request=%d has no address to write to", req.id)
        return False
    channel = "email" if to is not None or req.channel in ("email", "webform") else req.channel
    ticket = session.get(Ticket, req.ticket_id) if req.ticket_id is not None else None
    now = utcnow()
    payload: dict[str, Any] = {"to": address, "ticket_number": ticket.number if ticket else None, "lang": req.lang,
                               "privacy_request": req.id}
    if channel == "email":
        external_id = new_message_id(identity)
        in_reply_to, references = mail_thread_ids(session, ticket) if ticket is not None else (None, [])
        payload |= {"subject": message.subject, "text": message.text, "message_id": external_id,
                    "in_reply_to": in_reply_to, "references": references, "date": format_datetime(now),
                    # RFC 3834 section 5: an automatic answer, so other responders leave it alone.
                    "auto_submitted": "auto-replied"}
        if ticket is not None:
            # From the mailbox the request came in on, like every mail on the ticket (its letters close
            # with the controller's own words, so no mailbox signature).
            payload |= mailboxes.identity_for_ticket(session, ticket).payload()
    else:
        external_id = f"out:{uuid.uuid4().hex}"
        in_reply_to = None
        payload |= {"text": f"{message.subject}\n\n{message.text}"}
    message_id = None
    if ticket is not None:
        row = store.add_message(
            session, ticket, direction=Direction.OUT, channel=channel, external_id=external_id,
            text=operator_text(stored_text if stored_text is not None else message.text),
            subject=operator_text(message.subject), contact=ticket.contact if to is None else None, lang=req.lang,
            redactions={}, received_at=now, in_reply_to=in_reply_to,
        )
        row.auto_submitted = True
        message_id = row.id
    outbox.enqueue(session, channel=channel, kind="privacy", payload=payload,
                   ticket_id=ticket.id if ticket else None, message_id=message_id)
    return True
