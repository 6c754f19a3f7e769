"""Business time: adding hours of work to a moment, and counting the hours of work between two.

An SLA target of "8 hours" in office hours means 8 hours inside the weekly schedule, local to the
schedule's time zone (daylight saving included: a local 09:00-17:00 is 8 hours in March and in
October), with the public holidays of its country off (``tickets.calendar_days``). Written here rather
than taken from a library: the maintained ones count days, not hours, and the hour-counting ones are
unmaintained and pytz-based; the whole arithmetic is two walks over a day's windows.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tickets.calendar_days import DEFAULT_COUNTRY, is_holiday

DAY_MINUTES = 24 * 60
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
# Far enough for any target (a year of a one-hour-a-week schedule); a schedule without any hours is refused.
_MAX_DAYS = 3 * 366

Window = tuple[int, int]  # minutes after local midnight, start < end <= 1440


class HoursError(ValueError):
    """A schedule that cannot be used (shown to the admin as is)."""


@dataclass(frozen=True, slots=True)
class Hours:
    """A weekly schedule (Monday first) in a time zone, with ``holidays`` (a country code) off."""

    weekly: tuple[tuple[Window, ...], ...]
    timezone: str = "Europe/Amsterdam"
    holidays: str | None = DEFAULT_COUNTRY

    @property
    def always(self) -> bool:
        return self.holidays is None and all(day == ((0, DAY_MINUTES),) for day in self.weekly)


ALWAYS = Hours(weekly=(((0, DAY_MINUTES),),) * 7, timezone="UTC", holidays=None)


def parse_day(text: str) -> tuple[Window, ...]:
    """ "09:00-12:00, 13:00-17:30" -> ((540, 720), (780, 1050)); "" -> (): a day off."""
    windows: list[Window] = []
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        match = _RANGE.match(part)
        if match is None:
            raise HoursError(f"not a time range like 09:00-17:00: {part!r}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or not 0 <= start < end <= DAY_MINUTES:
            raise HoursError(f"not a time range within one day: {part!r}")
        windows.append((start, end))
    windows.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(windows)):
        raise HoursError(f"overlapping hours: {text!r}")
    return tuple(windows)


def format_day(windows: tuple[Window, ...]) -> str:
    return ", ".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in windows)


def hours_of(weekly: list[str], timezone: str, holidays: str | None) -> Hours:
    """Checked ``Hours`` from their stored (or typed) form; ``HoursError`` says what is wrong."""
    if len(weekly) != 7:
        raise HoursError("seven days, Monday first")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise HoursError(f"unknown time zone: {timezone!r}") from exc
    days = tuple(parse_day(day) for day in weekly)
    if not any(days):
        raise HoursError("a schedule needs hours on at least one day")
    return Hours(weekly=days, timezone=timezone, holidays=holidays or None)


@lru_cache(maxsize=8192)
def windows_on(hours: Hours, day: date) -> tuple[tuple[datetime, datetime], ...]:
    """The day's working windows as UTC moments (none on a holiday)."""
    if is_holiday(day, hours.holidays):
        return ()
    zone = ZoneInfo(hours.timezone)

    def moment(minutes: int) -> datetime:
        local = datetime.combine(day + timedelta(days=minutes // DAY_MINUTES),
                                 time((minutes % DAY_MINUTES) // 60, minutes % 60), tzinfo=zone)
        return local.astimezone(UTC)

    return tuple((moment(start), moment(end)) for start, end in hours.weekly[day.weekday()])


def _local_day(hours: Hours, at: datetime) -> date:
    return at.astimezone(ZoneInfo(hours.timezone)).date()


def add(hours: Hours, start: datetime, seconds: float) -> datetime:
    """The moment ``seconds`` of business time after ``start`` (before it, when negative: an overdue
    clock's due time lies in the past)."""
    if hours.always:
        return start + timedelta(seconds=seconds)
    if seconds < 0:
        return _subtract(hours, start, -seconds)
    day, left = _local_day(hours, start), seconds
    for _ in range(_MAX_DAYS):
        for begin, end in windows_on(hours, day):
            if end <= start:
                continue
            begin = max(begin, start)
            span = (end - begin).total_seconds()
            if left <= span:
                return begin + timedelta(seconds=left)
            left -= span
        day += timedelta(days=1)
    raise HoursError("no business hours within three years")


def _subtract(hours: Hours, end_at: datetime, seconds: float) -> datetime:
    day, left = _local_day(hours, end_at), seconds
    for _ in range(_MAX_DAYS):
        for begin, end in reversed(windows_on(hours, day)):
            if begin >= end_at:
                continue
            end = min(end, end_at)
            span = (end - begin).total_seconds()
            if left <= span:
                return end - timedelta(seconds=left)
            left -= span
        day -= timedelta(days=1)
    raise HoursError("no business hours within three years")


def elapsed(hours: Hours, start: datetime, end: datetime) -> float:
    """Seconds of business time between ``start`` and ``end`` (0 when ``end`` is not later)."""
    if end <= start:
        return 0.0
    if hours.always:
        return (end - start).total_seconds()
    total, day, last = 0.0, _local_day(hours, start), _local_day(hours, end)
    while day <= last:
        for begin, finish in windows_on(hours, day):
            overlap = (min(finish, end) - max(begin, start)).total_seconds()
            total += max(overlap, 0.0)
        day += timedelta(days=1)
    return total
