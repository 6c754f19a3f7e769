"""Intake's hooks for a stored message: the due time, the automatic acknowledgement, privacy requests.

Each runs as an ``Intake(after_commit=[...])`` hook, right after the message's own step and inside
the same transaction (``intake.writer``: on SQLite the whole batch is one transaction), each hook in
a savepoint of its own: it writes only inside ``store.writing()``, which there is that savepoint.
Decision: the message must be acknowledged to its upstream (SMTP 250, IMAP flag) as soon as it is
stored, and a failing hook must never make the upstream re-deliver it: a hook that raises is rolled
back to its savepoint and logged, and the message and the other hooks are committed all the same.
The message and its hooks' work commit together, so a crash loses both (and the upstream, never
answered, delivers again) or neither. Nothing runs twice: a hook runs only for a message stored for
the first time, and a re-delivery is a duplicate that runs none.
"""

from __future__ import annotations

import logging
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.attachments.images import IDENTITY_NOTE
from intake.message import InboundMessage
from intake.pipeline import SubmitOutcome
from models import Attachment, Channel, Ticket
from outbound import acknowledge
from privacy import triage
from privacy.desk import PrivacyDesk
from privacy.evidence import MailEvidence, assess
from privacy.recognition.message import guess_language
from tickets import mailboxes, queue, store
from tickets.replies import MailIdentity

log = logging.getLogger(__name__)


class DueTimeHook:
    """Marks the ticket as awaiting our answer when a customer's message was stored."""

    def __init__(self, ticket_store: store.TicketStore) -> None:
        self.store = ticket_store

    def __call__(self, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        if outcome.status != "stored" or outcome.ticket_id is None:
            return
        with self.store.writing() as session:
            ticket = session.get(Ticket, outcome.ticket_id)
            if ticket is not None:
                # The customer waits from receipt; a ticket this transaction opened has no clock to read.
                queue.set_due(session, ticket, msg.received_at, fresh=outcome.new_ticket)


class AutoAcknowledger:
    """Enqueues an acknowledgement mail for a new e-mail ticket (RFC 3834: never for automatic mail).

    It tells the customer which kinds of data were removed on arrival (``outbound.removed``): the
    counts of the body and subject travel with the outcome; those of the attachments, and which images
    were identity documents not kept, are on the message's stored attachment rows.
    """

    def __init__(self, ticket_store: store.TicketStore, config: acknowledge.AckConfig, identity: MailIdentity) -> None:
        self.store = ticket_store
        self.config = config
        self.identity = identity

    def __call__(self, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        if not self.config.enabled or outcome.status != "stored" or not outcome.new_ticket:
            return
        if msg.channel != Channel.EMAIL or msg.auto_submitted or outcome.ticket_id is None:
            return
        with self.store.writing() as session:
            ticket = session.get(Ticket, outcome.ticket_id)
            if ticket is not None:  # in the words of the mailbox it came in on (intake.pipeline set it)
                sender = mailboxes.identity_for_ticket(session, ticket)
                ack = acknowledge.for_mail(self.config, ticket.lang, _removed(session, outcome), sender)
                acknowledge.enqueue(session, ticket.id, ack, self.identity)


def _removed(session: Session, outcome: SubmitOutcome) -> acknowledge.Removed:
    """What was removed from the stored message: its own counts plus those of its attachments."""
    counts = Counter(outcome.redactions)
    identity = 0
    if outcome.message_id is not None:
        rows = session.execute(
            select(Attachment.kind, Attachment.redactions, Attachment.note)
            .where(Attachment.message_id == outcome.message_id)
        ).all()
        for kind, redactions, note in rows:
            counts.update(redactions or {})
            # An identity document image, or one inside an attached mail (its note says so).
            identity += kind == "identity" or IDENTITY_NOTE in (note or "")
    return acknowledge.Removed(dict(counts), identity)


class PrivacyHook:
    """Starts a privacy request for a recognised one, and takes verification codes typed back by mail.

    Glue between intake and ``privacy``: it reads what only the ``InboundMessage`` has, the
    ``Authentication-Results`` of our own MTA (RFC 8601), turns it into evidence, and hands the rest
    to ``PrivacyDesk``.
    """

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
            # the ticket's row is the lock (SQLite's write transaction already serialises them). A ticket
            # this very transaction opened is seen by no one else yet: no lock, and no request to look for.
            new = outcome.new_ticket
            ticket = session.get(Ticket, outcome.ticket_id, with_for_update=self._lock(session) and not new)
            if ticket is None:
                return
            existing = None if new else self.desk.open_request_of_ticket(session, ticket.id)
            if not outcome.new_ticket and existing is not None:
                if not existing.types and outcome.privacy_labels:
                    # A request opened without types (/privacy, the form's "other") learns them here.
                    self.desk.set_types(session, existing.id, list(outcome.privacy_labels), "requester")
                    return
                # A reply in the request's thread: a code, an identifier, or just more words (which stay
                # on the ticket). Labels recognised again in quoted text do not open a second request.
                result = self.desk.handle_reply(session, ticket.id, msg.text)
                log.info("privacy hook: reply ticket=%s request=%s %s", ticket.number, result.request_id,
                         result.action)
                return
            if outcome.privacy_labels or self._command(msg):
                req = self.desk.open(session, ticket, list(outcome.privacy_labels),
                                     source="command" if self._command(msg) else "recognised", actor="system",
                                     evidence=self.evidence(msg), received_at=msg.received_at,
                                     lang=guess_language(msg.text), unspecified=self._command(msg))
                log.info("privacy hook: request=%d opened ticket=%s types=%s", req.id, ticket.number, req.types)
                return
            # A code sent as a new message rather than as a reply in the request's thread.
            result = self.desk.handle_code_elsewhere(session, str(msg.channel), msg.sender, msg.text)
            if result.request_id is not None:
                log.info("privacy hook: code outside the thread ticket=%s request=%s %s", ticket.number,
                         result.request_id, result.action)
                return
            if existing is None:  # read above, under the ticket's lock: nothing has opened one since
                self._maybe_possible(session, ticket, msg, outcome)

    @staticmethod
    def _command(msg: InboundMessage) -> bool:
        """Telegram's ``/privacy``: a request by itself, whatever words follow (or none)."""
        return msg.channel == Channel.TELEGRAM and msg.text.lstrip().lower().startswith("/privacy")

    def _maybe_possible(self, session: Session, ticket: Ticket, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        """A message the recogniser was unsure about (its recognition, made by the intake worker before
        scrubbing, travels with the outcome): a possible request, for an officer to confirm or dismiss."""
        recognition = outcome.recognition
        if recognition is None or not recognition.possible:
            return
        row = triage.note(session, ticket, recognition, msg.received_at, fresh=outcome.new_ticket)
        log.info("privacy hook: possible request ticket=%s triage=%d", ticket.number, row.id)
