"""A typed value inside a longer stripped plain number takes the whole number (scrubber.resolve.fill_number_runs).

The NUMBER rule strips every unexplained run of digits; a shorter typed candidate inside it (a phone number, a BSN,
a password-shaped group) scores higher and used to win alone, leaving the rest of the run in clear text
("47 <PHONE_NUMBER_1>", "<NATIONAL_ID_1> 96"): deny by default is for the whole run (issue 16, the probe
corpus's identifiers of other countries written in groups of three).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.resolve import Candidate, fill_number_runs, resolve

TEXT = "call me: 123 456 789 01 or 987 654 321"
RUN = Candidate("NUMBER", 9, 23, 0.5, "NumberRecognizer")


def test_a_typed_candidate_inside_a_run_gets_a_twin_over_the_run() -> None:
    inner = Candidate("PHONE_NUMBER", 13, 23, 0.8, "PhonePlanRecognizer")
    out = resolve(fill_number_runs([RUN, inner], TEXT))
    assert out == [Candidate("PHONE_NUMBER", 9, 23, 0.8, "PhonePlanRecognizer")]


def test_a_kept_candidate_inside_a_run_is_left_alone() -> None:
    inner = Candidate("INVOICE_NUMBER", 13, 23, 0.9, "KeptIdentifierRecognizer")
    assert fill_number_runs([RUN, inner], TEXT) == [RUN, inner]


def test_no_twin_over_a_span_that_is_no_plain_number() -> None:
    outer = Candidate("ADDRESS", 0, 23, 0.7, "AddressRecognizer")
    inner = Candidate("PHONE_NUMBER", 13, 23, 0.8, "PhonePlanRecognizer")
    assert fill_number_runs([outer, inner], TEXT) == [outer, inner]


def test_the_inner_value_still_wins_where_a_kept_value_takes_the_rest_of_the_run() -> None:
    inner = Candidate("NATIONAL_ID", 9, 20, 0.8, "NationalIdRecognizer")
    kept = Candidate("CUSTOMER_NUMBER", 21, 30, 0.95, "KeptIdentifierRecognizer")
    out = resolve(fill_number_runs([RUN, inner, kept], TEXT))
    assert inner in out and kept in out


def test_nothing_changes_without_a_number_run() -> None:
    inner = Candidate("PHONE_NUMBER", 13, 23, 0.8, "PhonePlanRecognizer")
    other = Candidate("NUMBER", 27, 38, 0.5, "NumberRecognizer")
    assert fill_number_runs([inner, other], TEXT) == [inner, other]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gegevens aanvrager: Utrecht, 47 053 911 681", "47 053 911 681"),  # a Steuer-ID in groups of three
        ("Bürgernummer: 499 602 638 96\nGruß", "499 602 638 96"),  # a T.C. kimlik no
        ("Voor de verificatie: mijn UTR is 287 458 791 1.", "287 458 791 1"),
        ("Voici mon CNIC 71977.0341401.9 comme demandé", "71977.0341401.9"),
    ],
)
def test_the_whole_run_is_stripped(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)
