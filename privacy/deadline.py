"""When a privacy request must be answered: one calendar month, extendable by two (art. 12(3) GDPR).

The period is counted as EU law counts periods (Regulation (EEC, Euratom) No 1182/71, art. 3): a
period of months ends on the same date in the last month, or on that month's last day when it has no
such date (31 January + 1 month = 28/29 February); a period that would end on a Saturday, Sunday or
public holiday ends on the next working day (art. 3(4)). Public holidays are the Dutch ones of the
``holidays`` library (Koningsdag, Bevrijdingsdag in lustrum years, the Christian holidays).

The extension is counted from the first (unrolled) deadline, two further months, then rolled: the
earlier of the plausible readings, so an operator relying on it never overshoots the law.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

# The working-day calendar is shared with the SLA business hours (one list of Dutch holidays).
# Receipt is a local date: a mail at 00:30 on 1 March in Amsterdam arrived on 1 March, not 28 February.
from tickets.calendar_days import OPERATOR_TZ, is_working_day, next_working_day

__all__ = ["OPERATOR_TZ", "add_months", "days_left", "extended_deadline", "first_deadline", "is_working_day",
           "next_working_day", "received_on", "today", "unrolled_due"]
FIRST_PERIOD_MONTHS = 1
EXTENSION_MONTHS = 2


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def received_on(at: datetime) -> date:
    return at.astimezone(OPERATOR_TZ).date()


def unrolled_due(received: date) -> date:
    return add_months(received, FIRST_PERIOD_MONTHS)


def first_deadline(received: date) -> date:
    """The answer is due on this (working) day at the latest."""
    return next_working_day(unrolled_due(received))


def extended_deadline(received: date) -> date:
    """The deadline after an extension of two further months (art. 12(3), second sentence)."""
    return next_working_day(add_months(unrolled_due(received), EXTENSION_MONTHS))


def today() -> date:
    return datetime.now(OPERATOR_TZ).date()


def days_left(due: date, on: date | None = None) -> int:
    """Calendar days until ``due`` (negative when overdue)."""
    return (due - (on or today())).days
