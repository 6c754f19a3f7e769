"""The SQL building blocks of the reports that differ between SQLite and PostgreSQL: the local
(Europe/Amsterdam) day, week or month a timestamp falls in, the seconds between two timestamps, and the
median and 90th percentile of durations.

- Buckets. PostgreSQL converts in the query with its time-zone database (``AT TIME ZONE``) and groups
  by the local day, week or month. SQLite has no time zones and its date functions cost a microsecond
  a row, so there the query groups by the UTC hour (a prefix of the stored text, cheap) and the few
  thousand hours are put into local buckets here, with ``zoneinfo``: exact, because Amsterdam's offset
  changes on the hour. ``local_day`` is the in-query conversion for the rare place that needs one
  per row (a CASE over the offset changes inside the period).
- Percentiles are the continuous kind (linear interpolation between the two nearest ranks), as
  ``percentile_cont`` computes them on PostgreSQL, grouped by bucket with a ROLLUP for the whole
  period. SQLite has no ``percentile_cont``: only the (hour, duration) pairs of the filtered range are
  fetched, and sorted and interpolated here.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Float, case, cast, func, literal, select
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


def seconds_between(session: Session, later: Any, earlier: Any) -> ColumnElement[float]:
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.extract("epoch", later - earlier), Float)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


@dataclass(frozen=True, slots=True)
class Times:
    """How many durations, their median and 90th percentile in seconds (None when there are none)."""

    count: int = 0
    median: float | None = None
    p90: float | None = None


def percentiles(session: Session, durations: Subquery, key: BucketKey) -> dict[Any, Times]:
    """Per bucket (``durations.c.key`` read by ``key``) and for all rows (``ALL``): count, median and p90
    of ``durations.c.dur``."""
    if _postgres(session):
        rows = session.execute(select(
            durations.c.key, func.count(), *(func.percentile_cont(q).within_group(durations.c.dur) for q in QUANTILES),
        ).group_by(func.rollup(durations.c.key)))
        return {ALL if k is None else key.read(k): Times(n, median, p90) for k, n, median, p90 in rows}
    # Core rows (no ORM row processing): this loop sees every duration of the period.
    by_hour: dict[Any, list[float]] = defaultdict(list)
    for k, dur in session.connection().execute(select(durations.c.key, durations.c.dur)).all():
        by_hour[k].append(dur)
    by_bucket: dict[Any, list[float]] = defaultdict(list)
    for k, values in by_hour.items():
        by_bucket[key.read(k)] += values
    every = [dur for values in by_bucket.values() for dur in values]
    found = {k: _times(values) for k, values in by_bucket.items()}
    if every:
        found[ALL] = _times(every)
    return found


def _times(values: list[float]) -> Times:
    values.sort()
    n = len(values)
    return Times(n, *(_interpolate(values, n, q) for q in QUANTILES))


def _interpolate(values: list[float], n: int, q: float) -> float:
    position = (n - 1) * q
    low = int(position)
    if low + 1 >= n:
        return values[low]
    return values[low] + (values[low + 1] - values[low]) * (position - low)
