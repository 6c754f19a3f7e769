"""Rollups of the report summary (issue 22): what a long period's report needs, without reading one summary
row per ticket. A year on SQLite is 200,000 rows of ``ticket_report`` to group for the counts and the
duration bins (about a second of CPU per page, bench/reports.py); these tables hold the same figures
grouped, so a year is a few thousand rows.

- ``ticket_report_days``: per side (``created``: by the local day of creation, with first-response
  times and outcomes; ``solved``: by the local day of solving, with resolution times and outcomes), local
  day, mailbox and channel: how many tickets, how many of them have a duration, how many met and how
  many breached their SLA target.
- ``ticket_report_bins``: per side, span (the ISO ``week`` or calendar ``month`` a day falls in, by its
  first day), duration bin (``models.reports.duration_bin``), mailbox and channel: how many tickets with a
  duration. A week's or month's percentile rank is found in its bins, and only that bin's durations are
  read from the summary (``tickets.report_rollups``), so percentiles stay exact.

Mailbox 0 stands for "no mailbox" (a key column cannot be NULL and still be unique). The rollups are a
function of the summary's rows: ``models.reports.refresh`` subtracts the rows it deletes and adds those it
inserts (``Deltas``), in the same transaction, and a deleted mailbox's counts move to mailbox 0 as the
summary's foreign key moves its rows (``move_mailboxes``). ``rebuild`` recomputes them from the summary (a
backfill; migration 0021). Nothing personal is in them: days, channel names, ids of mailboxes, counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Date, Integer, SmallInteger, String, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

CREATED, SOLVED = "created", "solved"
WEEK, MONTH = "week", "month"
NO_MAILBOX = 0
MET, BREACHED = "met", "breached"
# The summary's columns a rollup is made of (the two sides: day, duration bin, SLA outcome).
SOURCE = ("channel", "mailbox_id", "created_day", "first_response_bin", "sla_first_response", "solved_day",
          "resolution_bin", "sla_resolution")
_BATCH = 5000


class TicketReportDay(Base):
    """One side's tickets of one local day, mailbox and channel (see the module's docstring)."""

    __tablename__ = "ticket_report_days"
    # The key is the table (SQLite: WITHOUT ROWID), in the order a period is read: side, days, mailboxes.
    __table_args__ = ({"sqlite_with_rowid": False},)

    side: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    mailbox: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    tickets: Mapped[int] = mapped_column(Integer)
    timed: Mapped[int] = mapped_column(Integer)
    met: Mapped[int] = mapped_column(Integer)
    breached: Mapped[int] = mapped_column(Integer)


class TicketReportBin(Base):
    """One side's tickets with a duration in one bin, of one week or month, mailbox and channel."""

    __tablename__ = "ticket_report_bins"
    __table_args__ = ({"sqlite_with_rowid": False},)

    side: Mapped[str] = mapped_column(String(8), primary_key=True)
    span: Mapped[str] = mapped_column(String(8), primary_key=True)
    start: Mapped[date] = mapped_column(Date, primary_key=True)
    bin: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    mailbox: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    tickets: Mapped[int] = mapped_column(Integer)


_TABLES: tuple[Any, ...] = (TicketReportDay.__table__, TicketReportBin.__table__)
_COUNTS = {TicketReportDay.__table__: ("tickets", "timed", "met", "breached"), TicketReportBin.__table__: ("tickets",)}


def week_start(day: date) -> date:
    """The Monday of the ISO week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


def _contributions(row: Mapping[Any, Any]) -> Iterator[tuple[Any, tuple[Any, ...], tuple[int, ...]]]:
    """What one summary row (``SOURCE``'s columns) adds to the rollups: (table, key, counts)."""
    mailbox = row["mailbox_id"] if row["mailbox_id"] is not None else NO_MAILBOX
    channel = row["channel"]
    for side, day, bin_, sla in ((CREATED, row["created_day"], row["first_response_bin"], row["sla_first_response"]),
                                 (SOLVED, row["solved_day"], row["resolution_bin"], row["sla_resolution"])):
        if day is None:
            continue
        yield (TicketReportDay.__table__, (side, day, mailbox, channel),
               (1, int(bin_ is not None), int(sla == MET), int(sla == BREACHED)))
        if bin_ is not None:
            yield TicketReportBin.__table__, (side, WEEK, week_start(day), bin_, mailbox, channel), (1,)
            yield TicketReportBin.__table__, (side, MONTH, day.replace(day=1), bin_, mailbox, channel), (1,)


class Deltas:
    """Changes to the rollups, summed over a transaction's summary rows and written once (``apply``)."""

    def __init__(self) -> None:
        self.changes: dict[Any, dict[tuple[Any, ...], list[int]]] = {table: {} for table in _TABLES}

    def add(self, row: Mapping[Any, Any], sign: int) -> None:
        """Count a summary row in (``sign`` 1: inserted) or out (-1: deleted)."""
        for table, key, counts in _contributions(row):
            found = self.changes[table].get(key)
            if found is None:
                self.changes[table][key] = [sign * n for n in counts]
            else:
                for i, n in enumerate(counts):
                    found[i] += sign * n

    def apply(self, conn: Connection) -> None:
        """Add the changes to the stored rows (an upsert per changed key). Keys are written in sorted order,
        so two PostgreSQL transactions lock the rows they share in the same order (no deadlock)."""
        for table in _TABLES:
            names = [c.name for c in table.primary_key.columns]
            rows = [{**dict(zip(names, key, strict=True)), **dict(zip(_COUNTS[table], counts, strict=True))}
                    for key, counts in sorted(self.changes[table].items()) if any(counts)]
            if rows:
                conn.execute(_upsert(conn, table), rows)


_UPSERTS: dict[tuple[str, str], Any] = {}


def _upsert(conn: Connection, table: Any) -> Any:
    """``INSERT .. ON CONFLICT (key) DO UPDATE`` adding the counts (SQLite >= 3.24, PostgreSQL), built once."""
    dialect = conn.dialect.name
    statement = _UPSERTS.get((dialect, table.name))
    if statement is None:
        base = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
        statement = base.on_conflict_do_update(
            index_elements=list(table.primary_key.columns),
            set_={name: table.c[name] + base.excluded[name] for name in _COUNTS[table]})
        _UPSERTS[dialect, table.name] = statement
    return statement


def move_mailboxes(conn: Connection, mailbox_ids: Iterable[int]) -> None:
    """Deleted mailboxes: their counts become those of no mailbox, as the summary's foreign key (ON DELETE
    SET NULL) made its rows."""
    ids = sorted(set(mailbox_ids))
    if not ids:
        return
    deltas = Deltas()
    for table in _TABLES:
        names = [c.name for c in table.primary_key.columns]
        for row in conn.execute(select(table).where(table.c.mailbox.in_(ids))).mappings():
            key = tuple(NO_MAILBOX if name == "mailbox" else row[name] for name in names)
            deltas.changes[table][key] = [row[name] for name in _COUNTS[table]]
        conn.execute(delete(table).where(table.c.mailbox.in_(ids)))
    deltas.apply(conn)


def rebuild(conn: Connection, summary: Any) -> int:
    """Recompute both rollups from every row of the summary table ``summary`` (read ``_BATCH`` rows at a
    time by id); returns how many rollup rows were written."""
    for table in _TABLES:
        conn.execute(delete(table))
    totals = Deltas()
    columns = [summary.c.id, *(summary.c[name] for name in SOURCE)]
    last = 0
    while rows := conn.execute(select(*columns).where(summary.c.id > last).order_by(summary.c.id)
                               .limit(_BATCH)).mappings().all():
        for row in rows:
            totals.add(row, 1)
        last = rows[-1]["id"]
    written = 0
    for table in _TABLES:
        names = [c.name for c in table.primary_key.columns]
        rows_out = [{**dict(zip(names, key, strict=True)), **dict(zip(_COUNTS[table], counts, strict=True))}
                    for key, counts in sorted(totals.changes[table].items()) if any(counts)]
        for i in range(0, len(rows_out), _BATCH):
            conn.execute(insert(table), rows_out[i:i + _BATCH])
        written += len(rows_out)
    return written


def stored(conn: Connection) -> dict[str, dict[tuple[Any, ...], tuple[int, ...]]]:
    """Every rollup row with a count, by table name and key (for comparing with a rebuild)."""
    found: dict[str, dict[tuple[Any, ...], tuple[int, ...]]] = {table.name: {} for table in _TABLES}
    for table in _TABLES:
        names = [c.name for c in table.primary_key.columns]
        for row in conn.execute(select(table)).mappings():
            counts = tuple(row[name] for name in _COUNTS[table])
            if any(counts):
                found[table.name][tuple(row[name] for name in names)] = counts
    return found
