"""``Office``: what every part of the privacy desk shares (the configuration, the texts and the mail
identity), to write to a requester, name the request's types and find a request."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import PrivacyRequest, RequestState, ticket_number
from privacy import handlers
from privacy.config import PrivacyConfig
from privacy.texts import Texts
from privacy.workflow import tell
from tickets.i18n import language
from tickets.replies import MailIdentity

_TYPE_NAMES = {
    "en": {"access": "access", "rectification": "rectification", "erasure": "erasure", "restriction": "restriction",
           "portability": "data portability", "objection": "objection", "complaint": "complaint"},
    "nl": {"access": "inzage", "rectification": "rectificatie", "erasure": "verwijdering", "restriction": "beperking",
           "portability": "overdraagbaarheid", "objection": "bezwaar", "complaint": "klacht"},
}


class Office:
    def __init__(self, config: PrivacyConfig, texts: Texts, identity: MailIdentity) -> None:
        self.config = config
        self.texts = texts
        self.identity = identity

    def send(self, session: Session, req: PrivacyRequest, name: str, *, to: str | None = None,
             stored_text: str | None = None, **values: Any) -> bool:
        """The text ``name`` to the requester (or to ``to``, an address on file), queued in this transaction."""
        return tell(session, req, self.texts, self.identity, name, to=to, stored_text=stored_text, **values)

    def types_text(self, req: PrivacyRequest) -> str:
        names = _TYPE_NAMES[language(req.lang)]
        return ", ".join(names.get(t, t) for t in req.types)

    def context(self, session: Session, req: PrivacyRequest, actor: str) -> handlers.Context:
        """What a handler works with."""
        return handlers.Context(session, req, self.config, self.texts, self.identity, actor)

    @staticmethod
    def number(req: PrivacyRequest) -> int | None:
        """The number of the request's ticket, as the requester knows it."""
        return ticket_number(req.ticket_id) if req.ticket_id is not None else None

    @staticmethod
    def get(session: Session, request_id: int) -> PrivacyRequest:
        req = session.get(PrivacyRequest, request_id)
        if req is None:
            raise LookupError(f"no privacy request {request_id}")
        return req

    @staticmethod
    def open_request_of_ticket(session: Session, ticket_id: int) -> PrivacyRequest | None:
        return session.scalars(select(PrivacyRequest).where(
            PrivacyRequest.ticket_id == ticket_id,
            PrivacyRequest.state.not_in([RequestState.FULFILLED, RequestState.REFUSED, RequestState.WITHDRAWN]),
        ).order_by(PrivacyRequest.id.desc()).limit(1)).first()
