"""The SQL building blocks of the reports that differ between SQLite and PostgreSQL: the local
(Europe/Amsterdam) day, week or month a timestamp falls in, and counts, medians and 90th percentiles
per bucket and per mailbox.

- Buckets. PostgreSQL converts in the query with its time-zone database (``AT TIME ZONE``) and groups
  by the local day, week or month. SQLite has no time zones and its date functions cost a microsecond
  a row, so there the query groups by the UTC hour (a prefix of the stored text, cheap) and the few
  thousand hours are put into local buckets here, with ``zoneinfo``: exact, because Amsterdam's offset
  changes on the hour. ``local_day`` is the in-query conversion for the rare place that needs one
  per row (a CASE over the offset changes inside the period).
- Measures (``measure``) read one row per ticket of the report summary (``models.reports``: the
  durations are stored there in seconds). Percentiles are exact and continuous (linear interpolation
  between the two nearest ranks), as ``percentile_cont`` computes them: on PostgreSQL in one query
  with ``GROUPING SETS`` (bucket, mailbox, whole period); SQLite has no ``percentile_cont``, so the
  (hour, mailbox, duration, SLA outcome) rows of the filtered period are fetched, and counted, sorted
  and interpolated here (a year of 200,000 tickets is a few hundred milliseconds).
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
from zoneinfo import ZoneInfo

from sqlalchemy import Date, case, cast, func, literal, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

TZ = ZoneInfo("Europe/Amsterdam")
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


@dataclass(frozen=True, slots=True)
class BucketKey:
    """What a query groups by (``expr``) and how a value of it is read as its bucket's first day."""

    expr: ColumnElement[Any]
    read: Callable[[Any], date]


@lru_cache(maxsize=65536)
def _hour_bucket(hour: str, bucket: Bucket) -> date:
    """The bucket of a UTC hour given as 'YYYY-MM-DD HH' (SQLite's stored text, cut after the hour)."""
    at = datetime.strptime(hour[:13], "%Y-%m-%d %H").replace(tzinfo=UTC)
    return bucket_start(at.astimezone(TZ).date(), bucket)


def bucket_key(session: Session, column: Any, bucket: Bucket) -> BucketKey:
    """The key of ``column``'s bucket (see the module's docstring for the two ways)."""
    if _postgres(session):
        return BucketKey(cast(func.date_trunc(bucket.value, func.timezone(str(TZ), column)), Date), as_date)
    return BucketKey(func.substr(column, 1, 13), lambda hour: _hour_bucket(hour, bucket))


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


def measure(session: Session, rows: Subquery, key: BucketKey) -> Measured:
    """Aggregate ``rows`` (columns ``key``, ``mailbox_id``, ``dur``, ``sla``: one per ticket) per bucket
    (``key`` read by ``key.read``), per mailbox and for all (see the module's docstring for the two ways)."""
    if _postgres(session):
        return _measure_postgres(session, rows, key)
    # Core rows (no ORM row processing): this loop sees every ticket of the period, once.
    by_hour: dict[Any, list[float]] = defaultdict(list)
    hour_counts: dict[Any, int] = defaultdict(int)
    by_mailbox: dict[int | None, list[float]] = defaultdict(list)
    mailbox_counts: dict[int | None, int] = defaultdict(int)
    sla: dict[str | None, int] = defaultdict(int)
    for k, mailbox, dur, outcome in session.connection().execute(
            select(rows.c.key, rows.c.mailbox_id, rows.c.dur, rows.c.sla)):
        hour_counts[k] += 1
        mailbox_counts[mailbox] += 1
        sla[outcome] += 1
        if dur is not None:
            by_hour[k].append(dur)
            by_mailbox[mailbox].append(dur)
    found = Measured(sla_met=sla["met"], sla_breached=sla["breached"])
    by_bucket: dict[date, list[float]] = defaultdict(list)
    for k, n in hour_counts.items():
        day = key.read(k)
        found.counts[day] = found.counts.get(day, 0) + n
        by_bucket[day] += by_hour.get(k, [])
    found.times = {day: _times(values) for day, values in by_bucket.items() if values}
    found.overall = _times([dur for values in by_bucket.values() for dur in values])
    found.by_mailbox = {m: (n, _times(by_mailbox.get(m, []))) for m, n in mailbox_counts.items()}
    return found


def _measure_postgres(session: Session, rows: Subquery, key: BucketKey) -> Measured:
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
            found.counts[key.read(k)] = n
            if timed:
                found.times[key.read(k)] = times
        elif not no_mailbox:
            found.by_mailbox[mailbox] = (n, times)
        else:
            found.overall, found.sla_met, found.sla_breached = times, int(met), int(breached)
    return found


def _times(values: list[float]) -> Times:
    if not values:
        return Times()
    values.sort()
    n = len(values)
    return Times(n, *(_interpolate(values, n, q) for q in QUANTILES))

def _interpolate(values: list[float], n: int, q: float) -> float:
    position = (n - 1) * q
    low = int(position)
    if low + 1 >= n:
        return values[low]
    return values[low] + (values[low + 1] - values[low]) * (position - low)
