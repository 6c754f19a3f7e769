"""Deadline arithmetic: one calendar month (Reg. 1182/71 art. 3), weekends and Dutch holidays, extension."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from privacy import deadline


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 31 January + 1 month: the end of February (2027: 28th is a Sunday -> Monday 1 March).
        (date(2027, 1, 31), date(2027, 3, 1)),
        # Leap year: 29 February 2028 is a Tuesday.
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2028, 1, 30), date(2028, 2, 29)),
        # An ordinary day on a weekday: the same date next month (15 July 2026 is a Wednesday).
        (date(2026, 6, 15), date(2026, 7, 15)),
        # Koningsdag 27 April 2027 (Tuesday) -> Wednesday 28 April.
        (date(2027, 3, 27), date(2027, 4, 28)),
        # Christmas: 25 December 2026 (Friday, holiday), 26th Saturday (2nd Christmas day), 27th Sunday.
        (date(2026, 11, 25), date(2026, 12, 28)),
        # Bevrijdingsdag 5 May 2025 (a lustrum year, a public holiday in the holidays library) is a Monday.
        (date(2025, 4, 5), date(2025, 5, 6)),
        # New Year's Day 2027 is a Friday -> Monday 4 January.
        (date(2026, 12, 1), date(2027, 1, 4)),
    ],
)
def test_first_deadline(received: date, due: date) -> None:
    assert deadline.first_deadline(received) == due


def test_add_months_clamps_to_the_end_of_shorter_months() -> None:
    assert deadline.add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert deadline.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert deadline.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_extension_adds_two_months_to_the_unrolled_first_deadline() -> None:
    # 31 Jan 2027 -> first period ends 28 Feb (unrolled) -> + 2 months = 28 April (Wednesday).
    assert deadline.extended_deadline(date(2027, 1, 31)) == date(2027, 4, 28)
    # 27 Feb 2027 -> 27 Mar -> 27 May 2027 (Thursday; Ascension Day is 6 May).
    assert deadline.extended_deadline(date(2027, 2, 27)) == date(2027, 5, 27)
    # Extension ending on Koningsdag 2027 (Tuesday 27 April) rolls to the 28th.
    assert deadline.extended_deadline(date(2027, 1, 27)) == date(2027, 4, 28)


def test_receipt_is_the_local_date_in_amsterdam() -> None:
    # 23:30 UTC on 28 February 2027 is already 1 March in Amsterdam (UTC+1).
    assert deadline.received_on(datetime(2027, 2, 28, 23, 30, tzinfo=UTC)) == date(2027, 3, 1)


def test_working_days() -> None:
    assert not deadline.is_working_day(date(2026, 12, 25))
    assert not deadline.is_working_day(date(2026, 11, 28))  # Saturday
    assert deadline.is_working_day(date(2026, 11, 26))
    assert deadline.days_left(date(2026, 12, 1), on=date(2026, 11, 26)) == 5
