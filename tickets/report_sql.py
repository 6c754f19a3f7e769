"""The SQL building blocks of the reports that differ between SQLite and PostgreSQL: a timestamp's
local (Europe/Amsterdam) day, week or month, the seconds between two timestamps, and the median and
90th percentile of a column of durations, all computed in the database.

- Local buckets. PostgreSQL converts with the time-zone database (``AT TIME ZONE``). SQLite has no
  time zones, so the UTC offset is a ``CASE`` over the offset changes (daylight saving time) that
  ``zoneinfo`` finds inside the period: two branches per year, evaluated per row inside the query.
- Percentiles are the continuous kind (linear interpolation between the two nearest ranks), as
  ``percentile_cont`` computes them on PostgreSQL. SQLite has no ``percentile_cont``: there two window
  functions number the durations of each bucket (and of the whole period) in order, and only the rows
  at the ranks either side of the 50th and 90th percentile leave the database, a handful per bucket.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Float, Integer, case, cast, func, literal, or_, select
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


def local_bucket(session: Session, column: Any, bucket: Bucket, start: datetime, end: datetime) -> ColumnElement[Any]:
    """The first local day of ``column``'s bucket, for timestamps in ``[start, end)``."""
    if session.get_bind().dialect.name == "postgresql":
        local = func.timezone(str(TZ), column)
        return cast(func.date_trunc(bucket.value, local), Date)
    changes = _offset_changes(start, end)
    offset: ColumnElement[Any] = literal(changes[-1][1])
    if len(changes) > 1:
        offset = case(*((column < since, seconds) for (_, seconds), (since, _) in pairwise(changes)),
                      else_=changes[-1][1])
    local = func.datetime(column, func.printf("%+d seconds", offset))
    if bucket is Bucket.WEEK:
        return func.date(local, "weekday 0", "-6 days")
    if bucket is Bucket.MONTH:
        return func.strftime("%Y-%m-01", local)
    return func.date(local)


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


def percentiles(session: Session, durations: Subquery) -> dict[Any, Times]:
    """Per ``durations.c.key`` and for all rows (key ``ALL``): count, median and p90 of ``durations.c.dur``."""
    if session.get_bind().dialect.name == "postgresql":
        return _percentiles_pg(session, durations)
    return _percentiles_windowed(session, durations)


def _percentiles_pg(session: Session, d: Subquery) -> dict[Any, Times]:
    rows = session.execute(select(
        d.c.key, func.count(), *(func.percentile_cont(q).within_group(d.c.dur) for q in QUANTILES),
    ).group_by(func.rollup(d.c.key)))
    return {ALL if key is None else key: Times(n, median, p90) for key, n, median, p90 in rows}


def _ranks(rank: Any, n: Any) -> Iterable[ColumnElement[bool]]:
    for q in QUANTILES:
        low = cast((n - 1) * q, Integer)
        yield rank == low
        yield rank == low + 1


def _interpolate(values: dict[int, float], n: int, q: float) -> float:
    position = (n - 1) * q
    low = int(position)
    if low + 1 >= n:
        return values[low]
    return values[low] + (values[low + 1] - values[low]) * (position - low)


def _percentiles_windowed(session: Session, d: Subquery) -> dict[Any, Times]:
    one = literal(1)
    ranked = select(
        d.c.key, d.c.dur,
        (func.row_number().over(partition_by=d.c.key, order_by=d.c.dur) - one).label("rank"),
        func.count().over(partition_by=d.c.key).label("n"),
        (func.row_number().over(order_by=d.c.dur) - one).label("rank_all"),
        func.count().over().label("n_all"),
    ).subquery()
    rows = session.execute(select(ranked).where(or_(*_ranks(ranked.c.rank, ranked.c.n),
                                                    *_ranks(ranked.c.rank_all, ranked.c.n_all))))
    found: dict[Any, tuple[int, dict[int, float]]] = {}
    for key, dur, rank, n, rank_all, n_all in rows:
        found.setdefault(key, (n, {}))[1][rank] = dur
        found.setdefault(ALL, (n_all, {}))[1][rank_all] = dur
    return {key: Times(n, *(_interpolate(values, n, q) for q in QUANTILES)) for key, (n, values) in found.items()}

