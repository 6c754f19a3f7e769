"""The event feed: committed ``messages`` and ``ticket_events`` rows, read by id, once per consumer.

Work that follows a commit (outgoing webhooks, automation rules) must never run inside intake's
transaction, so a slow or failing consumer never loses or delays a message. Each consumer instead reads
what is committed from its own stored position and handles every row once; what it does with a row
commits together with the record that the row is handled, so a restart resumes without doing anything
twice.

Ids that commit out of order. On PostgreSQL an id is taken from the sequence at insert and becomes
visible at commit, so a transaction holding id 41 can commit after the one holding 42: a plain "highest
id seen" cursor would skip 41 forever. So the position is a low-water mark (``webhook_cursors``) plus the
set of ids above it already handled (``webhook_seen``): every pass handles every visible row above the
mark that is not in the set, whatever its order, and the mark moves up over consecutive handled ids. It
passes a missing id (a rolled-back insert, an erased message, or a transaction still running) only once
the next handled id was first seen more than ``settle`` ago: the missing id was taken before that
row's, so its transaction has been open for at least that long. A transaction longer than the settle
window (60 s by default; intake's are milliseconds) would have its row skipped; that is the bound. On
SQLite one writer commits at a time, so ids become visible in order.

Both tables are keyed by consumer and source table (``key``): the outgoing webhooks, the first consumer,
keep the plain table names their rows had before the feed was shared (migration 0017); every other
consumer's key is ``<consumer>:<table>``. A consumer's cursor is locked for its pass on PostgreSQL, so a
second process running the same consumer waits instead of handling rows twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta

from sqlalchemy import Exists, SQLColumnExpression, and_, delete, exists, func, insert, select
from sqlalchemy.orm import Session

from models import Message, TicketEvent, utcnow
from models.webhooks_out import SOURCE_EVENTS, SOURCE_MESSAGES, WebhookCursor, WebhookSeen

SETTLE = timedelta(seconds=60)
# The consumer whose keys are the plain table names.
WEBHOOKS_OUT = "webhooks-out"

Row = Message | TicketEvent
_MODELS: dict[str, type[Message] | type[TicketEvent]] = {SOURCE_MESSAGES: Message, SOURCE_EVENTS: TicketEvent}


_INSERT_SEEN = insert(WebhookSeen.__table__)  # type: ignore[arg-type]  # Core: built once


def key(consumer: str, source: str) -> str:
    """The cursor's and seen set's key of ``consumer`` reading the table ``source``."""
    if source not in _MODELS:
        raise ValueError(f"no such source table: {source}")
    return source if consumer == WEBHOOKS_OUT else f"{consumer}:{source}"


def cursor(session: Session, consumer: str, source: str) -> WebhookCursor:
    """The consumer's cursor in ``source``, locked for this transaction (PostgreSQL: a second process
    waits). A missing cursor starts at the highest id there now: a new consumer does not replay history."""
    name = key(consumer, source)
    query = select(WebhookCursor).where(WebhookCursor.source == name)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = session.scalars(query).first()
    if found is None:
        found = WebhookCursor(source=name, position=session.scalar(select(func.max(_MODELS[source].id))) or 0)
        session.add(found)
        session.flush()
    return found


def _handled(name: str, row_id: SQLColumnExpression[int]) -> Exists:
    return exists().where(and_(WebhookSeen.source == name, WebhookSeen.row_id == row_id))


def unhandled(session: Session, consumer: str, source: str, position: int, limit: int) -> Sequence[Row]:
    """Up to ``limit`` committed rows above ``position`` the consumer has not handled, by id."""
    name, model = key(consumer, source), _MODELS[source]
    return list(session.scalars(select(model).where(model.id > position, ~_handled(name, model.id))
                                .order_by(model.id).limit(limit)))


def advance(session: Session, consumer: str, source: str, mark: WebhookCursor, settle: timedelta) -> None:
    """Move the low-water mark over handled ids; past a missing id only once it has settled."""
    name = key(consumer, source)
    highest = session.scalar(select(func.max(_MODELS[source].id))) or 0
    # SQLite reuses the highest id after its row is deleted (an erased message): follow it down, or
    # the next row, given that id again, would lie below the mark.
    position = min(mark.position, highest)
    settled = utcnow() - settle
    seen = session.execute(select(WebhookSeen.row_id, WebhookSeen.seen_at).where(
        WebhookSeen.source == name, WebhookSeen.row_id > position).order_by(WebhookSeen.row_id)).all()
    for row_id, seen_at in seen:
        if row_id != position + 1 and seen_at > settled:
            break  # a missing id below this one may still commit
        position = row_id
    if position != mark.position:
        mark.position = position
        # No WebhookSeen is ever an object in the session (they are written and read as rows), so there is
        # nothing in it to keep in step: the ORM's evaluation of the condition per delete is skipped.
        session.execute(delete(WebhookSeen).where(WebhookSeen.source == name, WebhookSeen.row_id <= position),
                        execution_options={"synchronize_session": False})


def skip(session: Session, consumer: str, source: str, mark: WebhookCursor) -> None:
    """Every row there now handled at once: the mark to the highest id, the seen set above it emptied.

    Why: with no rule and no endpoint, recording each row as handled (a seen row written per message,
    read back and deleted when the mark moved, in passes of ``limit`` rows, at once again while a backlog
    lasted) cost the rules and webhook roles a write transaction every few dozen messages, each taking
    SQLite's one write lock from intake's writer (issue 19). One statement reads the highest id and one
    moves the mark; a pass is never "full". What is lost: on PostgreSQL a row whose id is below the
    highest but whose transaction commits after this pass is passed over too; it is handled by nobody
    only if a rule or endpoint is added in those milliseconds, as a row committed just before an
    endpoint was added is not sent to it either."""
    highest = session.scalar(select(func.max(_MODELS[source].id))) or 0
    if highest != mark.position:  # below it too: SQLite reuses the highest id of a deleted row
        mark.position = highest
        session.execute(delete(WebhookSeen).where(WebhookSeen.source == key(consumer, source)),
                        execution_options={"synchronize_session": False})


def take(session: Session, consumer: str, sources: Iterable[str], handle: Callable[[Row], int] | None, *,
         limit: int, settle: timedelta = SETTLE) -> tuple[bool, int]:
    """In the caller's transaction: hand every unhandled row (up to ``limit`` per source) to ``handle``,
    record each as handled and move the marks. Returns (whether a source had more rows than it took,
    the sum of what ``handle`` returned). An exception from ``handle`` propagates: the caller's
    transaction rolls back and the rows stay unhandled. ``handle=None``: a consumer with nothing to do
    for any row now (no webhook endpoint, no enabled rule) only moves its mark (``skip``)."""
    full, total = False, 0
    for source in sources:
        mark = cursor(session, consumer, source)
        if handle is None:
            skip(session, consumer, source, mark)
            continue
        rows = unhandled(session, consumer, source, mark.position, limit)
        ids = [row.id for row in rows]
        for row in rows:
            total += handle(row)
        if ids:
            # One statement for the batch, not an ORM object per row (each flushed by the next handle's query).
            now, name = utcnow(), key(consumer, source)
            session.connection().execute(_INSERT_SEEN, [{"source": name, "row_id": i, "seen_at": now} for i in ids])
        full = full or len(ids) >= limit
        advance(session, consumer, source, mark, settle)
    return full, total
