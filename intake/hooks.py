"""The after-commit hook that starts privacy requests and takes verification codes typed back by mail.

Glue between intake and ``privacy`` (tickets may not import intake): it reads what only the
``InboundMessage`` has, the ``Authentication-Results`` of our own MTA (RFC 8601), turns it into
evidence, and hands the rest to ``PrivacyDesk`` in one transaction after the message's own commit,
like the other after-commit hooks (outbound.acknowledge): the message is stored and acknowledged to
its upstream whatever happens here, and a re-delivery is a duplicate that runs no hooks.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from intake.message import InboundMessage
from intake.pipeline import SubmitOutcome
from models import Channel, Ticket
from privacy.desk import PrivacyDesk
from privacy.evidence import MailEvidence, assess

log = logging.getLogger(__name__)


class PrivacyHook:
    def __init__(self, desk: PrivacyDesk) -> None:
        self.desk = desk

    def evidence(self, msg: InboundMessage) -> MailEvidence:
        if msg.channel != Channel.EMAIL:
            return MailEvidence.NONE
        return assess(msg.authentication_results, self.desk.config.authserv_id, msg.sender)

    @staticmethod
    def _lock(session: Session) -> bool:
        return session.get_bind().dialect.name == "postgresql"

    def __call__(self, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        if outcome.status != "stored" or outcome.ticket_id is None or msg.auto_submitted:
            return
        with self.desk.store.writing() as session:
            # Two messages of one ticket handled at once by two processes must not open two requests:
            # the ticket's row is the lock (SQLite's write transaction already serialises them).
            ticket = session.get(Ticket, outcome.ticket_id, with_for_update=self._lock(session))
            if ticket is None:
                return
            if not outcome.new_ticket and self.desk.open_request_of_ticket(session, ticket.id) is not None:
                # A reply in the request's thread: a code, an identifier, or just more words (which stay
                # on the ticket). Labels recognised again in quoted text do not open a second request.
                result = self.desk.handle_reply(session, ticket.id, msg.text)
                log.info("privacy hook: reply ticket=%s request=%s %s", ticket.number, result.request_id,
                         result.action)
                return
            if outcome.privacy_labels:
                req = self.desk.open(session, ticket, list(outcome.privacy_labels), source="recognised",
                                     actor="system", evidence=self.evidence(msg), received_at=msg.received_at)
                log.info("privacy hook: request=%d opened ticket=%s types=%s", req.id, ticket.number, req.types)
                return
            # A code sent as a new message rather than as a reply in the request's thread.
            result = self.desk.handle_code_elsewhere(session, str(msg.channel), msg.sender, msg.text)
            if result.request_id is not None:
                log.info("privacy hook: code outside the thread ticket=%s request=%s %s", ticket.number,
                         result.request_id, result.action)
