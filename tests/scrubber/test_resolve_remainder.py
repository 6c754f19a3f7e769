"""Issue 16: a stripped candidate that a higher one overlaps at one end keeps the long part that sticks out.

An address found from a number-first reading ("93 B, last address 7 Rosebank Terrace, ...") took the end of a national
insurance number before it as its house number; the number won the overlap, and the whole address was dropped, so the
street, town and postcode were stored. Now the part past the winner stays a candidate of its own, when it is long
enough to be one and when both are stripped types (a kept value's neighbour is never widened into).
"""

from __future__ import annotations

from collections.abc import Callable

from scrubber.resolve import Candidate, resolve


def test_the_part_past_a_higher_stripped_candidate_stays() -> None:
    nid = Candidate("NATIONAL_ID", 10, 23, 0.97, "n")
    address = Candidate("ADDRESS", 21, 80, 0.9, "a")
    assert resolve([nid, address]) == [nid, Candidate("ADDRESS", 23, 80, 0.9, "a")]


def test_the_part_before_a_higher_stripped_candidate_stays() -> None:
    person = Candidate("PERSON", 0, 30, 0.85, "p")
    phone = Candidate("PHONE_NUMBER", 25, 40, 0.95, "t")
    assert resolve([person, phone]) == [Candidate("PERSON", 0, 25, 0.85, "p"), phone]


def test_a_short_remainder_is_dropped() -> None:
    nid = Candidate("NATIONAL_ID", 10, 23, 0.97, "n")
    address = Candidate("ADDRESS", 21, 30, 0.9, "a")
    assert resolve([nid, address]) == [nid]


def test_nothing_grows_next_to_a_kept_value() -> None:
    invoice = Candidate("INVOICE_NUMBER", 10, 23, 0.97, "k")
    number = Candidate("NUMBER", 21, 60, 0.9, "x")
    assert resolve([invoice, number]) == [invoice]


def test_a_candidate_inside_a_higher_one_is_dropped() -> None:
    outer = Candidate("ADDRESS", 0, 60, 0.95, "a")
    inner = Candidate("PERSON", 10, 20, 0.9, "p")
    assert resolve([outer, inner]) == [outer]


def test_an_address_after_a_national_insurance_number(assert_stripped: Callable[[str, str], None]) -> None:
    text = ("Her details: NI number QQ 12 34 56 C, last address 14 Heather Close, Alnwick, Northumberland NE66 1XY. "
            "Please close the account.")
    assert_stripped(text, "14 Heather Close, Alnwick, Northumberland NE66 1XY")
