"""The report summary (models.reports) stays in step with the tickets in their own transactions: after
changes made through the ORM (a reopen by the customer's answer, solving again, a first reply, a
reassignment, an erasure, a mailbox deleted) the report still equals the independent count of
tests/tickets/test_reports.py, and what intake's writer stores equals a from-scratch rebuild of the
summary. The rollups (models.report_rollups) equal the summary grouped here, row by row, after each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from intake.hooks import DueTimeHook
from intake.message import InboundMessage
from intake.pipeline import Intake
from intake.writer import DirectWriter, GroupCommitWriter
from models import Channel, Direction, PrivacyRequest, Ticket, TicketStatus, report_rollups
from models.reports import TicketReport, TicketReportRemoved, rebuild
from scrubber import ScrubbedText
from tests.support.fakes import FakeScrubber
from tests.support.reports_store import Generated, generate
from tests.tickets.test_reports import PERIODS, check, expected
from tickets import mailboxes, reports, store
from tickets.store import TicketStore

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
# Nothing personal: ids, times, channel names, entity-type names and counts (and no text column at all).
IMPERSONAL = {
    "ticket_report": {"id", "ticket_id", "channel", "mailbox_id", "assignee_id", "created_at", "solved_at",
                      "created_day", "solved_day", "open", "first_response_seconds", "resolution_seconds",
                      "first_response_bin", "resolution_bin", "sla_first_response", "sla_resolution"},
    "ticket_report_removed": {"id", "ticket_id", "received_at", "attachment", "kind", "count", "channel",
                              "mailbox_id", "assignee_id"},
}


def _grouped(conn: Connection) -> dict[str, dict[tuple[Any, ...], tuple[int, ...]]]:
    """The rollups as the module's docstring defines them, counted here from the summary's rows."""
    days: dict[tuple[Any, ...], list[int]] = {}
    bins: dict[tuple[Any, ...], list[int]] = {}
    for row in conn.execute(select(TicketReport)).mappings():
        box = row["mailbox_id"] or 0
        for side, day, b, sla in (("created", row["created_day"], row["first_response_bin"], row["sla_first_response"]),
                                  ("solved", row["solved_day"], row["resolution_bin"], row["sla_resolution"])):
            if day is None:
                continue
            counts = days.setdefault((side, day, box, row["channel"]), [0, 0, 0, 0])
            for i, add in enumerate((True, b is not None, sla == "met", sla == "breached")):
                counts[i] += add
            if b is not None:
                monday, first = day - timedelta(days=day.weekday()), date(day.year, day.month, 1)
                for span, start in (("week", monday), ("month", first)):
                    bins.setdefault((side, span, start, b, box, row["channel"]), [0])[0] += 1
    return {"ticket_report_days": {k: tuple(v) for k, v in days.items()},
            "ticket_report_bins": {k: tuple(v) for k, v in bins.items()}}


def _rollups_in_step(ticket_store: TicketStore) -> None:
    with ticket_store.engine.connect() as conn:
        kept = report_rollups.stored(conn)
        assert kept == _grouped(conn)
        assert len(kept["ticket_report_bins"]) > 10
        assert all(n >= 0 for counts in kept["ticket_report_days"].values() for n in counts)


@pytest.fixture
def generated(ticket_store: TicketStore) -> Generated:
    return generate(ticket_store.engine, 1500, seed=11, days=420, now=NOW, chunk=1500)


def _pick(gen: Generated, status: str, taken: set[int]) -> dict[str, Any]:
    """A ticket of 2026 in ``status`` without a privacy request (erasing it must not change those figures)."""
    asked = {r["ticket_id"] for r in gen.requests}
    found = next(t for t in gen.tickets if t["status"] == status and t["id"] not in asked | taken
                 and datetime(2026, 2, 1, tzinfo=UTC) < t["created_at"] < datetime(2026, 10, 1, tzinfo=UTC))
    taken.add(found["id"])
    return found


def _message(session: Session, gen: Generated, ticket: dict[str, Any], direction: Direction, at: datetime,
             redactions: dict[str, int]) -> None:
    """A message stored the way intake and replies store it (``tickets.store.add_message``), mirrored in ``gen``."""
    row = session.get(Ticket, ticket["id"])
    assert row is not None
    msg = store.add_message(session, row, direction=direction, channel=ticket["channel"],
                            external_id=f"summary-{ticket['id']}-{at.timestamp()}", text=ScrubbedText("Nog een vraag"),
                            subject=None, contact=None, lang="nl", redactions=redactions, received_at=at)
    gen.messages.append({"id": msg.id, "ticket_id": ticket["id"], "direction": direction.value,
                         "auto_submitted": False, "received_at": at, "redactions": redactions})


def test_changes_through_the_orm_keep_the_figures_exact(ticket_store: TicketStore, generated: Generated) -> None:
    gen, taken = generated, set[int]()
    flipped, erased, erased_open = _pick(gen, "solved", taken), _pick(gen, "closed", taken), _pick(gen, "open", taken)
    moved, answered = _pick(gen, "pending", taken), _pick(gen, "new", taken)
    later = flipped["solved_at"] + timedelta(days=3, seconds=17)
    with ticket_store.writing() as session:
        # The customer answers a solved ticket: add_message reopens it (status open, solved_at cleared).
        _message(session, gen, flipped, Direction.IN, flipped["solved_at"] + timedelta(hours=2), {"IBAN": 1})
        assert session.get(Ticket, flipped["id"]).status == TicketStatus.OPEN  # type: ignore[union-attr]
    with ticket_store.writing() as session:  # and it is solved again, later: one resolution, the new one
        ticket = session.get(Ticket, flipped["id"])
        assert ticket is not None
        ticket.status, ticket.solved_at = TicketStatus.SOLVED, later
    flipped["solved_at"] = later
    with ticket_store.writing() as session:
        ticket = session.get(Ticket, moved["id"])
        assert ticket is not None
        ticket.assignee_id, ticket.mailbox_id = gen.agent_ids[2], gen.mailbox_ids[1]
        # A first reply to a ticket nobody had answered yet.
        _message(session, gen, answered, Direction.OUT, answered["created_at"] + timedelta(minutes=41), {})
        # Erasure deletes the ticket rows as privacy.handlers does (a Core DELETE; its messages cascade).
        session.execute(delete(Ticket).where(Ticket.id.in_([erased["id"], erased_open["id"]])))
    moved["assignee_id"], moved["mailbox_id"] = gen.agent_ids[2], gen.mailbox_ids[1]
    erased_open["status"] = "erased"  # an erased ticket is not open any more; it still counts everywhere else
    with ticket_store.reading() as session:
        for f in [*PERIODS, reports.Filters(date(2026, 1, 1), date(2026, 11, 20), reports.Bucket.MONTH,
                                            agent_id=gen.agent_ids[2]),
                  reports.Filters(date(2026, 1, 1), date(2026, 11, 20), reports.Bucket.WEEK,
                                  mailbox_id=gen.mailbox_ids[1])]:
            check(reports.build(session, f, now=NOW), expected(gen, f))
        kept = session.execute(select(TicketReport.ticket_id, TicketReport.created_at).where(
            TicketReport.created_at.in_([erased["created_at"], erased_open["created_at"]]))).all()
        assert sorted(kept, key=lambda r: r.created_at) == sorted(
            [(None, erased["created_at"]), (None, erased_open["created_at"])], key=lambda r: r[1])
        assert session.scalar(select(PrivacyRequest.id).where(PrivacyRequest.ticket_id.is_(None))) is None
    for table, columns in IMPERSONAL.items():
        assert set(TicketReport.metadata.tables[table].columns.keys()) == columns
    _rollups_in_step(ticket_store)


def test_a_deleted_mailbox_moves_its_counts_to_none(ticket_store: TicketStore, generated: Generated) -> None:
    gone = generated.mailbox_ids[1]
    with ticket_store.writing() as session:
        mailboxes.delete_mailbox(session, gone, "admin:1")
    for ticket in generated.tickets:
        if ticket.get("mailbox_id") == gone:
            ticket["mailbox_id"] = None  # as the database did (ON DELETE SET NULL)
    _rollups_in_step(ticket_store)
    with ticket_store.engine.connect() as conn:
        assert not any(key[-2] == gone for rows in report_rollups.stored(conn).values() for key in rows)
    with ticket_store.reading() as session:
        for f in [*PERIODS, reports.Filters(date(2026, 2, 11), date(2026, 10, 2), reports.Bucket.MONTH,
                                            mailbox_id=generated.mailbox_ids[0])]:
            check(reports.build(session, f, now=NOW), expected(generated, f))


def _snapshot(conn: Connection) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    summary = [tuple(r) for r in conn.execute(select(*(c for c in TicketReport.__table__.columns if c.name != "id")))]
    removed = [tuple(r) for r in conn.execute(select(
        *(c for c in TicketReportRemoved.__table__.columns if c.name != "id")))]
    return sorted(summary, key=repr), sorted(removed, key=repr)


def _intake_keeps_step(ticket_store: TicketStore, intake: Intake) -> None:
    texts = ["Mijn bsn is 123456789, mail naar jan@example.nl", "Geen gegevens", "Nummer 987654321"]
    for n, text in enumerate(texts * 2):  # the second round: the same senders write again, into their tickets
        outcome = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"sum{n}@x",
                                               sender=f"k{n % 3}@example.nl", text=text, subject=f"Vraag {n % 3}"))
        assert outcome.status == "stored"
    with ticket_store.engine.begin() as conn:
        kept = _snapshot(conn)
        tickets = conn.scalars(select(Ticket.id)).all()
        assert sorted(r[0] for r in kept[0]) == sorted(tickets) and len(tickets) >= 3
        assert {r[3] for r in kept[1]} == {"EMAIL_ADDRESS", "NATIONAL_ID"}
        rollups = report_rollups.stored(conn)
        assert rollups == _grouped(conn) and rollups["ticket_report_days"]
        rebuild(conn)
        assert _snapshot(conn) == kept
        assert report_rollups.stored(conn) == rollups
        conn.rollback()


def test_intake_writes_the_summary_in_its_transaction(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber(), writer=DirectWriter(ticket_store),
                    after_commit=[DueTimeHook(ticket_store)])
    try:
        _intake_keeps_step(ticket_store, intake)
    finally:
        intake.close()


def test_the_group_commit_writer_keeps_it_too(ticket_store: TicketStore) -> None:
    if ticket_store.engine.dialect.name != "sqlite":
        pytest.skip("group commit is the embedded store's writer")
    sqlite_store = ticket_store
    writer = GroupCommitWriter(sqlite_store)
    intake = Intake(sqlite_store, FakeScrubber(), writer=writer, after_commit=[DueTimeHook(sqlite_store)])
    try:
        _intake_keeps_step(sqlite_store, intake)
    finally:
        intake.close()
