"""The SQL building blocks of the reports that differ between SQLite and PostgreSQL: the local
(Europe/Amsterdam) week or month a stored local day falls in, the local day of a timestamp, and
counts, medians and 90th percentiles per bucket and per mailbox.

- Buckets. The report summary (``models.reports``) stores each ticket's local days of creation and
  solving (converted once, with ``zoneinfo``, when the row is written), so a period is a range of
  days; PostgreSQL groups by ``date_trunc`` of the day, SQLite by the day itself (a date function per
  row would cost more than the grouping), its few hundred days bucketed here. ``local_day`` is the
  in-query conversion of a timestamp for the few rows that need one (privacy requests' closing days:
  a CASE over the offset changes inside the period on SQLite, which has no time zones).
- Measures (``measure``) read one row per ticket of the summary (durations stored in seconds).
  Percentiles are exact and continuous (linear interpolation between the two nearest ranks), as
  ``percentile_cont`` computes them: on PostgreSQL in one query with ``GROUPING SETS`` (bucket,
  mailbox, whole period). SQLite has no ``percentile_cont`` (and fetching a year's durations into
  Python costs more than the whole report may), so it counts durations per logarithmic bin stored
  with each row, finds the bin and place of each needed rank, and fetches only those bins' durations:
  still exact, a few percent of the rows. That is SQLite's way with an agent chosen; without one the
  counts and bins come from the rollups (``tickets.report_rollups``).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, Date, Integer, case, cast, func, literal, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

from models.reports import TZ as TZ  # the reports' time zone, defined once with the summary

QUANTILES = (0.5, 0.9)
# The key of the whole period in a percentile result (never a bucket's key).
ALL = "all"


class Bucket(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the bucket ``day`` falls in (weeks start on Monday, as ISO 8601 counts them)."""
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    if bucket is Bucket.MONTH:
        return day.replace(day=1)
    return day


def as_date(value: Any) -> date:
    """A bucket key as the database returned it (a date on PostgreSQL, 'YYYY-MM-DD' on SQLite)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _offset_changes(start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """``[(since, offset seconds)]`` covering ``[start, end)``: the first entry's ``since`` is ``start``,
    one more entry per change of the UTC offset. Offsets change on the hour in Europe/Amsterdam."""
    def offset(at: datetime) -> int:
        delta = at.astimezone(TZ).utcoffset()
        return int(delta.total_seconds()) if delta else 0

    at = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    changes = [(start, offset(start))]
    while at < end:
        following = at + timedelta(days=1)
        if offset(following) != changes[-1][1]:
            hour = at
            while offset(hour) == changes[-1][1]:
                hour += timedelta(hours=1)
            changes.append((hour, offset(hour)))
        at = following
    return changes


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def bucket_of_day(day: Any, bucket: Bucket) -> ColumnElement[Any]:
    """PostgreSQL: the first day of the bucket of a stored local day (``models.reports``: ``created_day``,
    ``solved_day``). SQLite groups by the day itself and buckets the few days in Python (``measure``)."""
    return day if bucket is Bucket.DAY else cast(func.date_trunc(bucket.value, day), Date)


def local_day(session: Session, column: Any, start: datetime, end: datetime) -> ColumnElement[Any]:
    """The local date of ``column`` in the query, for timestamps in ``[start, end)`` (a date on
    PostgreSQL, 'YYYY-MM-DD' on SQLite: both compare with a ``Date`` column)."""
    if _postgres(session):
        return cast(func.timezone(str(TZ), column), Date)
    changes = _offset_changes(start, end)
    # The modifier itself per branch ('+3600 seconds'): one function call per row.
    modifier: ColumnElement[Any] = literal(f"{changes[-1][1]:+d} seconds")
    if len(changes) > 1:
        modifier = case(*((column < since, f"{seconds:+d} seconds") for (_, seconds), (since, _) in pairwise(changes)),
                        else_=f"{changes[-1][1]:+d} seconds")
    return func.date(column, modifier)


@dataclass(frozen=True, slots=True)
class Times:
    """How many durations, their median and 90th percentile in seconds (None when there are none)."""

    count: int = 0
    median: float | None = None
    p90: float | None = None


@dataclass
class Measured:
    """One side of the report (tickets created, or solved, in the period): how many per bucket and per
    mailbox, their durations' ``Times`` per bucket (only buckets with a duration), per mailbox and for
    all, and how many met and breached their SLA target."""

    counts: dict[date, int] = field(default_factory=dict)
    times: dict[date, Times] = field(default_factory=dict)
    overall: Times = field(default_factory=Times)
    by_mailbox: dict[int | None, tuple[int, Times]] = field(default_factory=dict)
    sla_met: int = 0
    sla_breached: int = 0


def measure(session: Session, rows: Subquery, bucket: Bucket) -> Measured:
    """Aggregate ``rows`` (columns ``key``, ``mailbox_id``, ``dur``, ``bin``, ``sla``: one per ticket) per
    bucket, per mailbox and for all (see the module's docstring for the two ways). ``key`` is the
    bucket's first day on PostgreSQL, the ticket's local day on SQLite (bucketed here)."""
    if _postgres(session):
        return _measure_postgres(session, rows)
    conn = session.connection()
    found = Measured()
    hist: dict[tuple[str, Any], dict[int, int]] = defaultdict(lambda: defaultdict(int))

    mailbox_counts: dict[int | None, int] = defaultdict(int)
    # Only with an agent chosen (tickets.report_queries): the agent's few rows of the period are sorted
    # into groups. (SQLite's comparisons are 0 or 1, so their sums count.)
    met = breached = 0
    everything = hist["all", 0]
    for day, b, mailbox, n, day_met, day_breached in conn.execute(select(
            rows.c.key, rows.c.bin, rows.c.mailbox_id, func.count(), func.sum(rows.c.sla == "met", type_=Integer),
            func.sum(rows.c.sla == "breached", type_=Integer)).group_by(rows.c.key, rows.c.bin, rows.c.mailbox_id)
            ).all():  # fetched at once: tens of thousands of small rows for a year
        key = _day_bucket(day, bucket)
        found.counts[key] = found.counts.get(key, 0) + n
        mailbox_counts[mailbox] += n
        met, breached = met + (day_met or 0), breached + (day_breached or 0)
        if b is not None:
            hist["key", key][b] += n
            everything[b] += n
            hist["mailbox", mailbox][b] += n
    found.sla_met, found.sla_breached = met, breached
    times = _binned_percentiles(conn, rows, hist, lambda day, mailbox: (
        ("key", _day_bucket(day, bucket)), ("mailbox", mailbox), ("all", 0)))
    found.times = {k: t for (kind, k), t in times.items() if kind == "key"}
    found.overall = times.get(("all", 0), Times())
    found.by_mailbox = {m: (n, times.get(("mailbox", m), Times())) for m, n in mailbox_counts.items()}
    return found


@lru_cache(maxsize=4096)
def _day_bucket(day: Any, bucket: Bucket) -> date:
    return bucket_start(as_date(day), bucket)


def _binned_percentiles(conn: Connection, rows: Subquery, hist: dict[tuple[str, Any], dict[int, int]],
                        groups: Callable[[Any, Any], tuple[tuple[str, Any], ...]]) -> dict[tuple[str, Any], Times]:
    """Exact percentiles without fetching every duration (SQLite): the counts per group and duration bin
    (``hist``; ``models.reports.duration_bin``, stored and indexed) say in which bin, and where in it,
    each needed rank lies; only the durations of those bins are fetched, and sorted and interpolated here."""
    # Per group: its count, and for each needed rank (the two around each quantile) its bin and place.
    plans: dict[tuple[str, Any], tuple[int, dict[int, tuple[int, int]]]] = {}
    for group, bins in hist.items():
        n = sum(bins.values())
        if not n:
            continue
        ranks = {low + step for q in QUANTILES for low in (int((n - 1) * q),) for step in (0, 1) if low + step < n}
        places, before = {}, 0
        for b in sorted(bins):
            for rank in ranks:
                if before <= rank < before + bins[b]:
                    places[rank] = (b, rank - before)
            before += bins[b]
        plans[group] = (n, places)
    wanted = {(group, b) for group, (_, places) in plans.items() for b, _ in places.values()}
    values: dict[tuple[tuple[str, Any], int], list[float]] = defaultdict(list)
    if wanted:
        for k, mailbox, b, dur in conn.execute(select(rows.c.key, rows.c.mailbox_id, rows.c.bin, rows.c.dur).where(
                rows.c.bin.in_(sorted({b for _, b in wanted})))).all():
            for group in groups(k, mailbox):
                if (group, b) in wanted:
                    values[group, b].append(dur)
    for found in values.values():
        found.sort()
    result = {}
    for group, (n, places) in plans.items():
        ranked = {rank: values[group, b][i] for rank, (b, i) in places.items()}
        result[group] = Times(n, *(_at_rank(ranked, n, q) for q in QUANTILES))
    return result


def _at_rank(values: dict[int, float], n: int, q: float) -> float:
    """Linear interpolation between the two ranks around ``(n - 1) * q`` (as ``percentile_cont``)."""
    position = (n - 1) * q
    low = int(position)
    if low + 1 >= n:
        return values[low]
    return values[low] + (values[low + 1] - values[low]) * (position - low)


def _measure_postgres(session: Session, rows: Subquery) -> Measured:
    """One query: ``GROUPING SETS`` of the bucket, the mailbox and the whole period, with ``percentile_cont``."""
    def outcome(name: str) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((rows.c.sla == name, 1), else_=0)), 0)

    result = session.execute(select(
        func.grouping(rows.c.key), func.grouping(rows.c.mailbox_id), rows.c.key, rows.c.mailbox_id,
        func.count(), func.count(rows.c.dur),
        *(func.percentile_cont(q).within_group(rows.c.dur) for q in QUANTILES), outcome("met"), outcome("breached"),
    ).group_by(func.grouping_sets(rows.c.key, rows.c.mailbox_id, literal_column("()"))))
    found = Measured()
    for no_key, no_mailbox, k, mailbox, n, timed, median, p90, met, breached in result:
        times = Times(timed, median, p90) if timed else Times()
        if not no_key:
            found.counts[as_date(k)] = n
            if timed:
                found.times[as_date(k)] = times
        elif not no_mailbox:
            found.by_mailbox[mailbox] = (n, times)
        else:
            found.overall, found.sla_met, found.sla_breached = times, int(met), int(breached)
    return found
