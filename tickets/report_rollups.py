"""Created and solved tickets of a period on SQLite, from the rollups (``models.report_rollups``) instead of
one summary row per ticket: a year by day was about a second of CPU grouping 200,000 rows into bins and
reading most of their durations back (bench/reports.py); here it reads a few thousand rollup rows and
makes a seek per needed rank. Used when no agent is chosen (the rollups are kept per mailbox and channel,
not per assignee); the figures are those of ``tickets.report_sql.measure``, exact.

- Counts, durations counted, SLA outcomes: ``ticket_report_days``, per local day and mailbox.
- A day's median and 90th percentile: the day's durations are in the summary's index in order
  (``ix_ticket_report_created``: day, duration), so the value at rank k is a seek and k steps.
- A longer bucket's and the whole period's (also per mailbox): the counts per duration bin of the full
  months and ISO weeks it covers (``ticket_report_bins``), and of its remaining days from the summary,
  say in which bin and where in it each needed rank lies; that bin's durations are read from the index
  with a seek per day (the bin is a range of durations), sorted by SQLite, and only the two around the
  rank come back.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from models.report_rollups import MONTH, NO_MAILBOX, WEEK
from tickets.report_sql import QUANTILES, Bucket, Measured, Times, bucket_start

if TYPE_CHECKING:
    from tickets.reports import Filters

# Per side: the summary's day, duration and bin columns.
COLUMNS = {"created": ("created_day", "first_response_seconds", "first_response_bin"),
           "solved": ("solved_day", "resolution_seconds", "resolution_bin")}
Group = tuple[str, Any]  # ("key", bucket) or ("mailbox", id or None) or ("all", 0)
# Single-day reads per statement (a UNION ALL of them: a year by day is some 1,500 reads; SQLite allows
# 500 terms in a compound SELECT).
_ARMS = 200


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def cover(start: date, end: date) -> tuple[list[date], list[date], list[date]]:
    """``[start, end]`` as disjoint full calendar months, then full ISO weeks of what is left before and
    after them, then single days (each by its first day)."""
    first = start if start.day == 1 else _next_month(start)
    months: list[date] = []
    while _next_month(first) - timedelta(days=1) <= end:
        months.append(first)
        first = _next_month(first)
    gaps = [(start, end)] if not months else [(start, months[0] - timedelta(days=1)), (first, end)]
    weeks: list[date] = []
    days: list[date] = []
    for low, high in gaps:
        day = low
        while day <= high:
            if day.weekday() == 0 and day + timedelta(days=6) <= high:
                weeks.append(day)
                day += timedelta(days=7)
            else:
                days.append(day)
                day += timedelta(days=1)
    return months, weeks, days


def _bin_range(b: int) -> tuple[float, float]:
    """Durations of bin ``b`` (``models.reports.duration_bin``) lie in this range, a little wider than exact
    so that rounding never leaves one out; the bin itself is compared too."""
    low = -math.inf if b <= 0 else (2 ** (b / 8) - 1) * (1 - 1e-9) - 1e-6
    return low, (2 ** ((b + 1) / 8) - 1) * (1 + 1e-9) + 1e-6


def _places(hist: dict[int, int], n: int) -> dict[int, tuple[int, int]]:
    """For each rank needed by ``QUANTILES`` (the two around each), its bin and place in the bin."""
    ranks = _ranks(n)
    places, before = {}, 0
    for b in sorted(hist):
        for rank in ranks:
            if before <= rank < before + hist[b]:
                places[rank] = (b, rank - before)
        before += hist[b]
    return places


def _times(n: int, values: dict[int, float]) -> Times:
    def at(q: float) -> float:
        position = (n - 1) * q
        low = int(position)
        if low + 1 >= n:
            return values[low]
        return values[low] + (values[low + 1] - values[low]) * (position - low)
    return Times(n, *(at(q) for q in QUANTILES))


class _Side:
    """One side of one report: the SQL of its filters and the reads."""

    def __init__(self, conn: Connection, side: str, filters: Filters) -> None:
        self.conn, self.side, self.filters = conn, side, filters
        self.day, self.dur, self.bin = COLUMNS[side]
        self.rollup_where, self.rollup_args = "", list[Any]()
        self.summary_where, self.summary_args = "", list[Any]()
        if filters.channel:
            self.rollup_where += " AND channel = ?"
            self.summary_where += " AND channel = ?"
            self.rollup_args.append(filters.channel)
            self.summary_args.append(filters.channel)
        if filters.mailbox_id is not None:
            self.rollup_where += " AND mailbox = ?"
            self.summary_where += " AND mailbox_id = ?"
            self.rollup_args.append(filters.mailbox_id)
            self.summary_args.append(filters.mailbox_id)

    def rows(self, sql: str, args: Sequence[Any]) -> list[Any]:
        # The statements below are put together from this module's column names and placeholders only;
        # every value is a bound parameter. Driver SQL: a day-by-day year makes some 1,500 small reads.
        return list(self.conn.exec_driver_sql(sql, tuple(args)).fetchall())

    def days(self) -> list[Any]:
        """(day, mailbox, tickets, timed, met, breached) per day and mailbox of the period."""
        return self.rows(
            "SELECT day, mailbox, sum(tickets), sum(timed), sum(met), sum(breached) FROM ticket_report_days "  # noqa: S608
            f"WHERE side = ? AND day BETWEEN ? AND ?{self.rollup_where} GROUP BY day, mailbox",
            [self.side, self.filters.start.isoformat(), self.filters.end.isoformat(), *self.rollup_args])

    def bins(self, span: str, starts: Iterable[date], by: str) -> list[Any]:
        """(``by``, bin, tickets) of these weeks or months; ``by`` is ``start`` or ``mailbox``."""
        keys = sorted({d.isoformat() for d in starts})
        if not keys:
            return []
        return self.rows(
            f"SELECT {by}, bin, sum(tickets) FROM ticket_report_bins WHERE side = ? AND span = ? "  # noqa: S608
            f"AND start IN ({','.join('?' * len(keys))}){self.rollup_where} GROUP BY {by}, bin",
            [self.side, span, *keys, *self.rollup_args])

    def day_bins(self, days: Iterable[date], by: str) -> list[Any]:
        """(``by``, bin, tickets) of single days, from the summary; ``by`` is the day or ``mailbox_id``."""
        keys = sorted({d.isoformat() for d in days})
        if not keys:
            return []
        column = self.day if by == "day" else "mailbox_id"
        return self.rows(
            f"SELECT {column}, {self.bin}, count(*) FROM ticket_report WHERE {self.day} IN "  # noqa: S608
            f"({','.join('?' * len(keys))}) AND {self.bin} IS NOT NULL{self.summary_where} "
            f"GROUP BY {column}, {self.bin}", [*keys, *self.summary_args])

    def day_ranks(self, reads: list[tuple[str, int, int]]) -> dict[int, list[float]]:
        """For each (day, offset, limit), by its index in ``reads``: the day's durations at places ``offset``
        .. ``offset + limit - 1`` in order, all in one statement."""
        arm = (f"SELECT ? AS arm, {self.dur} AS dur FROM ticket_report WHERE {self.day} = ? "  # noqa: S608
               f"AND {self.dur} IS NOT NULL{self.summary_where} ORDER BY {self.dur} LIMIT ? OFFSET ?")
        sql = " UNION ALL ".join([f"SELECT * FROM ({arm})"] * len(reads))  # noqa: S608
        args = [a for i, (day, offset, limit) in enumerate(reads) for a in (i, day, *self.summary_args, limit, offset)]
        found: dict[int, list[float]] = defaultdict(list)
        for i, value in self.rows(sql, args):
            found[i].append(value)
        for values in found.values():
            values.sort()  # places in order, whatever order the terms' rows came in
        return found

    def ranked(self, days: list[str], mailbox: Any, b: int | None, offset: int, limit: int) -> list[float]:
        """The durations at places ``offset`` .. ``offset + limit - 1`` in order, of these days' tickets (of
        ``mailbox`` unless it is ``"any"``), all of them (``b`` None) or those in bin ``b``."""
        where, args = self.summary_where, list(self.summary_args)
        if mailbox is None:
            where += " AND mailbox_id IS NULL"
        elif mailbox != "any":
            where += " AND mailbox_id = ?"
            args.append(mailbox)
        days_sql = f"{self.day} = ?" if len(days) == 1 else f"{self.day} IN ({','.join('?' * len(days))})"
        dur_sql, dur_args = f" AND {self.dur} IS NOT NULL", list[Any]()
        if b is not None:
            low, high = _bin_range(b)
            dur_sql = f" AND {self.dur} >= ? AND {self.dur} < ? AND {self.bin} = ?"
            dur_args = [max(low, -1e308), high, b]
        return [r[0] for r in self.rows(
            f"SELECT {self.dur} FROM ticket_report WHERE {days_sql}{dur_sql}{where} ORDER BY {self.dur} "  # noqa: S608
            "LIMIT ? OFFSET ?", [*days, *dur_args, *args, limit, offset])]


def _runs(offsets: Iterable[int]) -> list[list[int]]:
    """Sorted places grouped into runs of neighbours (one read each)."""
    runs: list[list[int]] = []
    for offset in sorted(set(offsets)):
        if runs and offset == runs[-1][-1] + 1:
            runs[-1].append(offset)
        else:
            runs.append([offset])
    return runs


def _binned(side: _Side, days: list[str], mailbox: Any, hist: dict[int, int]) -> Times:
    """Exact percentiles of these days' durations (of ``mailbox``, or ``"any"``) from their counts per bin."""
    hist = {b: n for b, n in hist.items() if n}
    n = sum(hist.values())
    if not n:
        return Times()
    wanted: dict[int, dict[int, int]] = defaultdict(dict)  # bin -> place in it -> rank
    for rank, (b, place) in _places(hist, n).items():
        wanted[b][place] = rank
    values: dict[int, float] = {}
    for b, places in wanted.items():
        for run in _runs(places):
            for place, value in zip(run, side.ranked(days, mailbox, b, run[0], len(run)), strict=True):
                values[places[place]] = value
    return _times(n, values)


def _ranks(n: int) -> set[int]:
    """The ranks ``QUANTILES`` need among ``n`` ordered values (the two around each)."""
    return {low + step for q in QUANTILES for low in (int((n - 1) * q),) for step in (0, 1) if low + step < n}


def _single_days(side: _Side, timed: dict[date, int]) -> dict[date, Times]:
    """Each day's percentiles: its ranks read from the index in duration order, ``_ARMS`` reads a statement."""
    reads = [(day, run) for day, n in sorted(timed.items()) if n for run in _runs(_ranks(n))]
    values: dict[date, dict[int, float]] = defaultdict(dict)
    for i in range(0, len(reads), _ARMS):
        chunk = reads[i:i + _ARMS]
        for arm, found in side.day_ranks([(day.isoformat(), run[0], len(run)) for day, run in chunk]).items():
            day, run = chunk[arm]
            values[day].update(zip(run, found, strict=True))
    return {day: _times(n, values[day]) for day, n in timed.items() if n}


def _span_days(start: date, end: date) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def _bucket_times(side: _Side) -> dict[date, Times]:
    """Per week or month bucket (the first and last may be partial): percentiles from its bins."""
    f = side.filters
    buckets = f.buckets()
    owner: dict[str, dict[date, date]] = {MONTH: {}, WEEK: {}, "day": {}}
    days: dict[date, list[str]] = {}
    for i, bucket in enumerate(buckets):
        first = max(bucket, f.start)
        last = min(buckets[i + 1] - timedelta(days=1) if i + 1 < len(buckets) else f.end, f.end)
        for span, pieces in zip((MONTH, WEEK, "day"), cover(first, last), strict=True):
            owner[span].update(dict.fromkeys(pieces, bucket))
        days[bucket] = _span_days(first, last)
    hist: dict[date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for span in (MONTH, WEEK):
        for start, b, n in side.bins(span, owner[span], "start"):
            hist[owner[span][date.fromisoformat(start)]][b] += n
    for day, b, n in side.day_bins(owner["day"], "day"):
        hist[owner["day"][date.fromisoformat(day)]][b] += n
    found = {bucket: _binned(side, days[bucket], "any", hist[bucket]) for bucket in buckets if bucket in hist}
    return {bucket: times for bucket, times in found.items() if times.count}


def _period_times(side: _Side) -> dict[Group, Times]:
    """The whole period's percentiles, of all tickets and per mailbox."""
    f = side.filters
    months, weeks, singles = cover(f.start, f.end)
    hist: dict[Group, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = [*side.bins(MONTH, months, "mailbox"), *side.bins(WEEK, weeks, "mailbox")]
    for mailbox, b, n in [*((None if m == NO_MAILBOX else m, b, n) for m, b, n in rows),
                          *side.day_bins(singles, "mailbox")]:
        hist["mailbox", mailbox][b] += n
        hist["all", 0][b] += n
    days = _span_days(f.start, f.end)
    found = {("all", 0): _binned(side, days, "any", hist["all", 0])}
    boxes = [group for group in hist if group[0] == "mailbox"]
    for group in boxes:  # one mailbox (a mailbox chosen): its durations are all of them, read once
        found[group] = found["all", 0] if len(boxes) == 1 else _binned(side, days, group[1], hist[group])
    return found


def measure(conn: Connection, side_name: str, filters: Filters) -> Measured:
    """One side (``created`` or ``solved``) of the report for ``filters`` without an agent (SQLite)."""
    side = _Side(conn, side_name, filters)
    found = Measured()
    timed_days: dict[date, int] = defaultdict(int)
    box_counts: dict[int | None, int] = defaultdict(int)
    for day_text, mailbox, n, timed, met, breached in side.days():
        if not n:
            continue
        day = date.fromisoformat(day_text)
        key = bucket_start(day, filters.bucket)
        found.counts[key] = found.counts.get(key, 0) + n
        box_counts[None if mailbox == NO_MAILBOX else mailbox] += n
        timed_days[day] += timed
        found.sla_met += met
        found.sla_breached += breached
    if filters.bucket is Bucket.DAY:
        found.times = _single_days(side, timed_days)
    elif any(timed_days.values()):
        found.times = _bucket_times(side)
    period = _period_times(side) if any(timed_days.values()) else {}
    found.overall = period.get(("all", 0), Times())
    found.by_mailbox = {m: (n, period.get(("mailbox", m), Times())) for m, n in box_counts.items()}
    return found
