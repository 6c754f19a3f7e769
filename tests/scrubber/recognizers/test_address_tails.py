"""Issue 16, third by-author round: the end of an English-speaking country's address after its street.

A town or suburb before a city with a four-digit postcode ("14 Kowhai Grove, Karori, Wellington 6012"), a state code
before it ("Fitzroy VIC 3065"), a rural route between street and town ("77 Old Mill Rd, RR 2, Montpelier, VT 05602"),
a unit written before the number with a slash ("3/27 Beach Rd"). Rows made up for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

ADDRESS = [
    ("we moved to 22 Rimu Street, Kelburn, Wellington 6012 last month", "22 Rimu Street, Kelburn, Wellington 6012"),
    ("post it to 8 Banksia Avenue, Toowong QLD 4066 please", "8 Banksia Avenue, Toowong QLD 4066"),
    ("Our farm: 310 Birch Hill Rd, RR 3, Stowe, VT 05672", "310 Birch Hill Rd, RR 3, Stowe, VT 05672"),
    ("my flat is 4/19 Marine Parade, Napier 4110", "4/19 Marine Parade, Napier 4110"),
]

NOT_ADDRESS = [
    # a town and a year after a street are no postcode
    ("the office at 12 Queen Street, Auckland, opened in 2019", "2019"),
]


@pytest.mark.parametrize(("text", "value"), ADDRESS)
def test_address_tail(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), NOT_ADDRESS)
def test_not_address(assert_not_recognised_as: Callable[[str, str, str], None], text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "ADDRESS")
