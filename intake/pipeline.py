"""``Intake.submit``: the one path every message takes, for every channel (docs/architecture).

rules -> duplicate check -> privacy recognition on the raw text (memory only) -> scrub -> thread ->
commit. The adapter acknowledges only after ``submit`` returns; a re-delivery of a stored message
returns ``duplicate`` and is acknowledged again without a second copy.

CPU work (analysis) happens before the write transaction opens, so SQLite's single write lock is
held only for the inserts; redaction itself (cheap) happens inside, because placeholder numbers
belong to the ticket the message threads into.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from intake.attachments import AttachmentPolicy, process_attachment
from intake.errors import TransientError
from intake.filenames import prepare_filename
from intake.limits import ContentLimits
from intake.message import InboundMessage
from intake.rules import RuleVerdict, check_rules
from intake.sender_names import prepare_sender_name
from intake.textcap import cap_line, cap_text, with_note
from intake.writer import Writer, writer_for
from models import Channel, Contact, Ticket, ticket_number
from privacy.cipher import is_high_risk
from privacy.recognition.types import Recognition
from scrubber import Analysis, Entity, PlaceholderBook, ScrubbedText, TextScrubber
from tickets import inbound_rows, mailboxes, store

log = logging.getLogger(__name__)

# Channels where a conversation is one running thread: a new message belongs to the contact's open
# ticket. E-mail and the web form thread by headers and subject tags instead.
CHAT_CHANNELS = frozenset({Channel.TELEGRAM, Channel.WHATSAPP, Channel.MESSENGER, Channel.INSTAGRAM})

Status = Literal["stored", "duplicate", "ignored"]


@dataclass(frozen=True, slots=True)
class SubmitOutcome:
    status: Status
    ticket_id: int | None = None
    ticket_number: int | None = None
    message_id: int | None = None
    new_ticket: bool = False
    reason: str | None = None
    privacy_labels: tuple[str, ...] = ()
    redactions: dict[str, int] = field(default_factory=dict)
    # The whole recognition (labels, reasons, "possible"), made once in the worker so that the privacy
    # hook, which runs in the writer's after-commit step, never reads the text a second time.
    recognition: Recognition | None = None


class PreparePool(Protocol):
    """Runs ``prepare`` and privacy recognition elsewhere (``intake.prepare_pool.ProcessPreparePool``)."""

    def prepare(self, msg: InboundMessage) -> tuple[Prepared, Recognition | None]: ...

    def close(self) -> None: ...


class PrivacyDetector(Protocol):
    """Recognises privacy-right requests (privacy.recognition) on the raw text."""

    def __call__(self, text: str) -> Recognition: ...


class ValueVault(Protocol):
    """Keeps a stripped value encrypted (``privacy.vault.SqlVault``), inside the commit transaction.

    Called once per redacted value and placeholder of the message, never for a high-risk type
    (``privacy.cipher.HIGH_RISK_TYPES``); the raw value exists only in memory until it is sealed.
    """

    def put(self, session: Session, ticket_id: int, entity_type: str, number: int, value: str) -> None: ...


@runtime_checkable
class PlaceholderMapper(Protocol):
    """A scrubber that can say which placeholder number each redacted entity got (``Scrubber.placeholders``)."""

    def placeholders(self, text: str, analysis: Analysis, book: PlaceholderBook) -> list[tuple[Entity, int]]: ...


@dataclass(frozen=True, slots=True)
class IntakeLimits:
    # Attachments larger than this keep their metadata (name, type, size, hash) but not the content.
    attachment_store_max: int = 10 * 1024 * 1024
    # Characters of a text attachment's text that are scrubbed and kept; the rest is left out with a
    # note (issue 15, finding 14: the scrubber's time is linear in the text, about 2.5 s per MB).
    text_attachment_scrub_max: int = 1024 * 1024
    # Characters of the body that are scrubbed and kept (about 1 MB of text); the rest, with a note.
    text_scrub_max: int = 1_000_000
    # Characters scrubbed per message in all (body and text attachments): a worker's time per message.
    text_scrub_total_max: int = 4_000_000
    # A subject longer than this is cut at a word (with an ellipsis): it is one line of a header.
    subject_max_chars: int = 1000
    # Images with more pixels (all frames together) are not decoded, only their metadata kept.
    image_max_pixels: int = 40_000_000
    # Seconds of image cleaning per attachment before it is given up (content not kept).
    attachment_clean_seconds: float = 5.0
    # What of an attachment is read and kept (the [attachments] section, intake.attachments).
    attachments: AttachmentPolicy = field(default_factory=AttachmentPolicy)


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything analysed before the transaction: raw values stay in memory only."""

    subject: str
    subject_analysis: Analysis
    text: str
    text_analysis: Analysis
    attachments: tuple[PreparedAttachment, ...]
    # The display name, when the scrubber explains every word of it (intake.sender_names).
    sender_name: tuple[str, Analysis] | None = None


@dataclass(frozen=True, slots=True)
class PreparedAttachment:
    filename: str | None
    filename_analysis: Analysis | None
    content_type: str
    size: int
    sha256: str
    # Binary content that needs no scrubbing (cleaned images, archives), or the raw text to redact.
    content: bytes | None
    text: str | None
    text_analysis: Analysis | None
    note: str | None
    detected_type: str | None = None  # what the bytes are, whatever was declared
    kind: str | None = None  # how intake handled it (intake.attachments.detect.Kind)
    original: bytes | None = None  # kept only under keep_original = "if_clean" with nothing found
    painted: dict[str, int] | None = None  # of an image: per type how many values were painted over


@dataclass(frozen=True, slots=True)
class _Threading:
    ticket: Ticket | None  # the ticket the message continues; None for a new one
    refused: Ticket | None = None  # a ticket the message claims to answer but its sender may not write in


@dataclass(frozen=True, slots=True)
class _Stored:
    """What a message's step hands its hooks in the writer: the outcome, and the ticket, held so that it
    stays in the session's identity map (which holds objects weakly) until the hooks ran: without this
    reference each hook would read the ticket again."""

    outcome: SubmitOutcome
    ticket: Ticket | None = None


AfterCommit = Callable[[InboundMessage, SubmitOutcome], None]


class Intake:
    def __init__(
        self,
        ticket_store: store.TicketStore,
        scrubber: TextScrubber,
        *,
        privacy: PrivacyDetector | None = None,
        limits: IntakeLimits | None = None,
        after_commit: Sequence[AfterCommit] = (),
        vault: ValueVault | None = None,
        writer: Writer | None = None,
        prepare_pool: PreparePool | None = None,
    ) -> None:
        if vault is not None and not isinstance(scrubber, PlaceholderMapper):
            raise TypeError("a vault needs a scrubber with placeholders() (scrubber.engine.Scrubber)")
        self.vault = vault
        self.store = ticket_store
        self.scrubber = scrubber
        self.privacy = privacy
        self.limits = limits or IntakeLimits()
        self.after_commit = list(after_commit)
        # Who commits: one thread with group commit on SQLite, every worker itself on PostgreSQL.
        self.writer = writer or writer_for(ticket_store)
        # Where the GIL is the limit: the CPU-bound preparation in worker processes (intake.prepare_pool).
        self.prepare_pool = prepare_pool

    def close(self) -> None:
        """Finish what the writer has in hand (``serve`` calls this when it stops)."""
        self.writer.close()
        if self.prepare_pool is not None:
            self.prepare_pool.close()

    # -- the entry point -------------------------------------------------------------------------

    def submit(self, msg: InboundMessage) -> SubmitOutcome:
        try:
            outcome = self._submit(msg, None)
        except (OperationalError, PoolTimeout) as exc:
            raise _unavailable(msg, exc) from exc
        assert isinstance(outcome, SubmitOutcome)
        return outcome

    def submit_later(self, msg: InboundMessage, loop: asyncio.AbstractEventLoop
                     ) -> SubmitOutcome | Awaitable[SubmitOutcome]:
        """``submit`` for an adapter on an event loop (the SMTP server), called in a worker thread: the
        outcome where it is known at once (a duplicate, an ignored message, a writer that wrote in this
        thread), else an awaitable of it that the writer resolves on ``loop`` once the commit is done.
        The worker neither waits for the commit nor is woken for it, and the loop wakes once per batch
        (``intake.writer._answer``, issue 19). Acknowledge when it resolves: that is after the commit."""
        try:
            pending = self._submit(msg, loop)
            if isinstance(pending, SubmitOutcome):
                return pending
            if pending.done():  # written in this thread (PostgreSQL's DirectWriter)
                return pending.result().outcome
        except (OperationalError, PoolTimeout) as exc:
            raise _unavailable(msg, exc) from exc
        return _answered(msg, pending)

    def _run_hooks(self, msg: InboundMessage, outcome: SubmitOutcome) -> None:
        log.info(
            "intake: %s channel=%s ticket=%s message=%s redactions=%s%s",
            outcome.status,
            msg.channel,
            outcome.ticket_number,
            outcome.message_id,
            outcome.redactions,
            f" reason={outcome.reason}" if outcome.reason else "",
        )
        if outcome.status != "stored":
            return
        for hook in self.after_commit:
            try:
                hook(msg, outcome)
            except Exception:
                # The hook's savepoint is rolled back; its message is committed with the rest of the
                # transaction, since a failing side effect must not make the channel re-deliver a
                # stored message (intake.hooks), so it is logged and swallowed.
                log.exception("intake: after-commit hook failed ticket=%s", outcome.ticket_number)

    def _submit(self, msg: InboundMessage, loop: asyncio.AbstractEventLoop | None
                ) -> SubmitOutcome | asyncio.Future[_Stored]:
        """The outcome; with ``loop``, the writer's future of the stored message where one is written."""
        verdict = check_rules(msg)
        if verdict is not None:
            return self.writer.run(lambda: self._machine_message(msg, verdict), lambda o: self._run_hooks(msg, o))
        # A read on a reused autocommit connection: it waits for no writer and takes no write-pool slot.
        existing = self.store.peek(lambda conn: store.stored_message(conn, msg.channel, msg.external_id))
        if existing is not None:
            outcome = _duplicate(message_id=existing[0], ticket_id=existing[1])
            self._run_hooks(msg, outcome)
            return outcome
        if self.prepare_pool is not None:
            prepared, recognition = self.prepare_pool.prepare(msg)
        else:
            prepared = prepare(msg, self.scrubber, self.limits)
            # On the text as capped for scrubbing: what is not kept is not read either.
            recognition = self.privacy(prepared.text) if self.privacy else None
        def step() -> _Stored:
            return self._store(msg, prepared, recognition)

        def hooks(done: _Stored) -> None:
            self._run_hooks(msg, done.outcome)

        if loop is not None:
            return self.writer.run_later(step, hooks, sender=(msg.channel, msg.sender), loop=loop)
        return self.writer.run(step, hooks, sender=(msg.channel, msg.sender)).outcome

    def _store(self, msg: InboundMessage, prepared: Prepared, recognition: Recognition | None) -> _Stored:
        # Two processes (or two copies in one batch) may race on the same message or on creating the same
        # contact; the unique constraints decide and the loser starts over (and then finds the duplicate).
        # The duplicate check has just run on the read connection, so the first attempt leaves a copy
        # stored since then to the unique (channel, external_id) instead of asking again; a retry asks.
        for attempt in range(3):
            try:
                return self._commit(msg, prepared, recognition, look_first=attempt > 0)
            except IntegrityError:
                log.info("intake: constraint race channel=%s attempt=%d", msg.channel, attempt + 1)
        raise TransientError("could not store the message after repeated conflicts")

    # -- steps -----------------------------------------------------------------------------------

    def _commit(self, msg: InboundMessage, prep: Prepared, recognition: Recognition | None, *,
                look_first: bool = True) -> _Stored:
        labels = tuple(str(label) for label in recognition.labels) if recognition is not None else ()
        with self.store.writing() as session:
            existing = store.stored_message(session, msg.channel, msg.external_id) if look_first else None
            if existing is not None:
                return _Stored(_duplicate(message_id=existing[0], ticket_id=existing[1]))
            contact = store.get_or_create_contact(session, msg.channel, msg.sender)
            threading = self._thread(session, msg, contact)
            new_ticket = threading.ticket is None
            # A new ticket's book is empty: nothing to read, and its subject goes into the ticket's INSERT.
            book = store.TicketBook(session, threading.ticket.id if threading.ticket is not None else None)
            redact = self.scrubber.redact
            # The display name first: the sender is person 1 of the ticket's book, as agents expect.
            sender_name = redact(*prep.sender_name, book) if prep.sender_name is not None else None
            subject = redact(prep.subject, prep.subject_analysis, book)
            text = redact(prep.text, prep.text_analysis, book)
            ticket = threading.ticket
            if ticket is None:
                # Its mailbox (brand) and group from the recipients: a cached map, no query per message.
                route = mailboxes.route(session, msg.recipients) if msg.channel == Channel.EMAIL else None
                # Core INSERTs, not an ORM flush (tickets.inbound_rows: the flush cost more than its statements).
                ticket = inbound_rows.open_ticket(session, channel=msg.channel, contact=contact,
                                                  lang=prep.text_analysis.lang, at=msg.received_at, subject=subject,
                                                  mailbox_id=route.mailbox_id if route else None,
                                                  group_id=route.group_id if route else None)
                book.bind(ticket.id)  # its keys so far, now that the ticket has its id
            if threading.refused is not None and threading.refused.id != ticket.id:
                # Both tickets say so: the agent of either sees that someone else answered that thread.
                answered = threading.refused
                inbound_rows.add_event(session, ticket.id, "answers_ticket", {"ticket_number": answered.number})
                inbound_rows.add_event(session, answered.id, "answered_elsewhere", {"ticket_number": ticket.number})
            counts = _merge_counts(prep.text_analysis, prep.subject_analysis)
            message_id = inbound_rows.add_message(
                session,
                ticket,
                fresh=new_ticket,
                channel=msg.channel,
                external_id=msg.external_id,
                text=text,
                subject=subject if msg.subject is not None else None,
                contact=contact,
                lang=prep.text_analysis.lang,
                redactions=counts,
                received_at=msg.received_at,
                in_reply_to=msg.in_reply_to[0] if msg.in_reply_to else None,
                sender_name=sender_name,
                attachments=[_stored_attachment(a, book, redact) for a in prep.attachments],
            )
            if self.vault is not None:
                self._vault_values(session, ticket.id, book, prep)
            if labels:
                # Recognition result only (the request types), never the words that triggered it.
                inbound_rows.add_event(session, ticket.id, "privacy_request_detected", {"labels": list(labels)})
            # An existing ticket's ORM changes (last activity, a reopen) fail here, in their own message's step.
            session.flush()
            return _Stored(SubmitOutcome(
                status="stored",
                ticket_id=ticket.id,
                ticket_number=ticket.number,
                message_id=message_id,
                new_ticket=new_ticket,
                privacy_labels=labels,
                recognition=recognition,
                redactions=counts,
            ), ticket)

    def _vault_values(self, session: Session, ticket_id: int, book: PlaceholderBook, prep: Prepared) -> None:
        """Hand each stripped value with its placeholder to the vault; high-risk types never go there."""
        assert self.vault is not None and isinstance(self.scrubber, PlaceholderMapper)
        texts: list[tuple[str, Analysis]] = [(prep.subject, prep.subject_analysis), (prep.text, prep.text_analysis)]
        if prep.sender_name is not None:
            texts.append(prep.sender_name)
        for att in prep.attachments:
            if att.filename is not None and att.filename_analysis is not None:
                texts.append((att.filename, att.filename_analysis))
            if att.text is not None and att.text_analysis is not None:
                texts.append((att.text, att.text_analysis))
        seen: set[tuple[str, int]] = set()
        for text, analysis in texts:
            for entity, number in self.scrubber.placeholders(text, analysis, book):
                if is_high_risk(entity.type) or (entity.type, number) in seen:
                    continue
                seen.add((entity.type, number))
                self.vault.put(session, ticket_id, entity.type, number, text[entity.start : entity.end])
        log.debug("intake: vaulted ticket=%s values=%d", ticket_id, len(seen))

    def _thread(self, session: Session, msg: InboundMessage, contact: Contact) -> _Threading:
        """The ticket this message continues, or none for a new one (see docs/architecture).

        Headers and subject tags are chosen by the sender: anyone can quote a Message-ID or a ticket
        number. They thread only for the ticket's own contact or a contact of the same customer;
        anyone else gets a new ticket that names the one it answered (``refused``), so a stranger can
        neither write into someone's ticket nor read from it through the agent's reply.
        """
        refused: Ticket | None = None
        candidates: list[Ticket] = []
        if msg.channel == Channel.EMAIL:
            found = store.ticket_by_mail_refs(session, list(msg.in_reply_to) + list(reversed(msg.references)))
            candidates += [found] if found is not None else []
        for match in store.TICKET_TAG.finditer(msg.subject or ""):
            tagged = store.ticket_by_number(session, int(match.group(1)))
            candidates += [tagged] if tagged is not None else []
        for ticket in candidates:
            if not _continuable(ticket):
                continue
            if store.may_continue(ticket, contact):
                return _Threading(ticket)
            refused = refused or ticket
            log.info("intake: thread not honoured ticket=%s contact=%s", ticket.number, contact.id)
        if msg.channel in CHAT_CHANNELS:
            return _Threading(store.open_ticket_of_contact(session, contact), refused)
        return _Threading(None, refused)

    def _machine_message(self, msg: InboundMessage, verdict: RuleVerdict) -> SubmitOutcome:
        """Auto-replies, bounces and loops never open tickets; a bounce of our reply is recorded."""
        if msg.bounce is None or not msg.bounce.original_message_id:
            return SubmitOutcome(status="ignored", reason=verdict.rule)
        with self.store.writing() as session:
            ticket = store.ticket_by_mail_refs(session, [msg.bounce.original_message_id])
            if ticket is None:
                return SubmitOutcome(status="ignored", reason=verdict.rule)
            store.add_event(
                session,
                ticket,
                "bounce",
                {"status": msg.bounce.status, "action": msg.bounce.action,
                 "original_message_id": msg.bounce.original_message_id},
                dedupe_key=f"{msg.channel}:{store.stored_id(msg.channel, msg.external_id)}",
            )
            return SubmitOutcome(
                status="ignored", ticket_id=ticket.id, ticket_number=ticket.number, reason="bounce recorded"
            )


def _unavailable(msg: InboundMessage, exc: Exception) -> TransientError:
    # Locked or unreachable store: the upstream keeps the message and retries.
    log.warning("intake: store unavailable channel=%s: %s", msg.channel, type(exc).__name__)
    return TransientError("the ticket store is unavailable; try again later")


async def _answered(msg: InboundMessage, stored: asyncio.Future[_Stored]) -> SubmitOutcome:
    """The outcome of a message handed to the writer, awaited on the loop the writer answers on."""
    try:
        return (await stored).outcome
    except (OperationalError, PoolTimeout) as exc:
        raise _unavailable(msg, exc) from exc


def prepare(msg: InboundMessage, scrubber: TextScrubber, limits: IntakeLimits) -> Prepared:
    """Everything CPU-bound before the transaction: caps, attachment cleaning, analysis (no store access)."""
    analyze = scrubber.analyze
    # Only capped text is analysed and stored (issue 15, finding 14): a note says what was left out.
    subject = cap_line(msg.subject or "", limits.subject_max_chars)
    body = cap_text(msg.text, limits.text_scrub_max, what="message")
    text_analysis = analyze(body.kept, msg.lang_hint)
    lang = text_analysis.lang
    budget = limits.text_scrub_total_max - len(body.kept)
    attachments = []
    for raw_att in msg.attachments:
        got = process_attachment(
            raw_att,
            ContentLimits(
                store_max=limits.attachment_store_max,
                text_max=max(0, min(limits.text_attachment_scrub_max, budget)),
                max_pixels=limits.image_max_pixels,
                clean_seconds=limits.attachment_clean_seconds,
            ),
            limits.attachments,
            analyze=analyze,
            lang=lang,
        )
        budget -= len(got.scrub or "")
        # File names are deny-by-default for identifiers (issue 15, finding 5): see intake.filenames.
        filename, filename_analysis = (
            prepare_filename(got.filename, analyze, lang) if got.filename else (None, None)
        )
        att_analysis = analyze(got.scrub, lang) if got.scrub is not None else None
        clean = got.complete and not any(a.redaction_counts() for a in (att_analysis, filename_analysis) if a)
        attachments.append(
            PreparedAttachment(
                filename=filename,
                filename_analysis=filename_analysis,
                content_type=got.content_type,
                size=got.size,
                sha256=got.sha256,
                content=got.content,
                text=got.text,
                text_analysis=att_analysis,
                note=got.note,
                detected_type=got.detected_type,
                kind=got.kind,
                original=got.original if clean and limits.attachments.keep_original == "if_clean" else None,
                painted=got.counts,
            )
        )
    return Prepared(
        subject=subject,
        subject_analysis=analyze(subject, lang),
        text=with_note(body),
        text_analysis=text_analysis,
        attachments=tuple(attachments),
        sender_name=prepare_sender_name(msg.sender_name, analyze, lang),
    )


def _continuable(ticket: Ticket) -> bool:
    # A closed ticket is final (its retention clock runs); a new message opens a new ticket.
    return ticket.status != "closed"


def _duplicate(*, ticket_id: int, message_id: int) -> SubmitOutcome:
    return SubmitOutcome(
        status="duplicate",
        ticket_id=ticket_id,
        ticket_number=ticket_number(ticket_id),
        message_id=message_id,
        reason="already stored",
    )


def _merge_counts(*analyses: Analysis) -> dict[str, int]:
    counts: dict[str, int] = {}
    for analysis in analyses:
        for etype, n in analysis.redaction_counts().items():
            counts[etype] = counts.get(etype, 0) + n
    return counts


def _stored_attachment(
    att: PreparedAttachment,
    book: PlaceholderBook,
    redact: Callable[[str, Analysis, PlaceholderBook], ScrubbedText],
) -> store.StoredAttachment:
    filename = (
        redact(att.filename, att.filename_analysis, book)
        if att.filename is not None and att.filename_analysis is not None
        else None
    )
    content = att.content
    content_type = att.content_type
    if att.text is not None and att.text_analysis is not None:
        content = redact(att.text, att.text_analysis, book).encode("utf-8")
        content_type = "text/plain; charset=utf-8"
    return store.StoredAttachment(
        filename=filename,
        content_type=content_type,
        size=att.size,
        sha256=att.sha256,
        content=content,
        note=att.note,
        detected_type=att.detected_type,
        kind=att.kind,
        redactions=att.text_analysis.redaction_counts() if att.text_analysis is not None else att.painted or {},
        original=att.original,
    )
