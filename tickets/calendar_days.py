"""Which days are working days in the Netherlands: one calendar for the legal deadlines of privacy
requests (``privacy.deadline``) and the business hours of SLA policies (``tickets.business_hours``).

Public holidays are those of the ``holidays`` library for a country (the Dutch ones by default:
Nieuwjaarsdag, Pasen, Koningsdag on 27 April or the 26th when the 27th is a Sunday, Bevrijdingsdag in
lustrum years, Hemelvaart, Pinksteren, Kerst), looked up once per (country, year).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

# The operator's clock: receipt dates and business hours are local to Amsterdam unless configured.
OPERATOR_TZ = ZoneInfo("Europe/Amsterdam")
DEFAULT_COUNTRY = "NL"


@lru_cache(maxsize=64)
def public_holidays(year: int, country: str = DEFAULT_COUNTRY) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year)


def is_holiday(day: date, country: str | None = DEFAULT_COUNTRY) -> bool:
    return country is not None and day in public_holidays(day.year, country)


def is_working_day(day: date, country: str | None = DEFAULT_COUNTRY) -> bool:
    """Monday to Friday and not a public holiday of ``country`` (None: no holidays)."""
    return day.weekday() < 5 and not is_holiday(day, country)


def next_working_day(day: date, country: str | None = DEFAULT_COUNTRY) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, country):
        day += timedelta(days=1)
    return day
