"""Tag names: the safe grammar that keeps personal data out of the shared vocabulary (tickets.tags)."""

from __future__ import annotations

import pytest

from tickets import macros, tags
from tickets.guards import ActionError


@pytest.mark.parametrize(("typed", "stored"), [
    ("Billing", "billing"),
    ("  outage 2026 ", "outage-2026"),
    ("café", "café"),
    ("Ærø", "ærø"),
    ("vip_klant", "vip_klant"),
    ("q3-1234", "q3-1234"),
    ("2026-q1-w2", "2026-q1-w2"),  # six digits in all
    ("x" * 32, "x" * 32),
])
def test_names_are_normalised(typed: str, stored: str) -> None:
    assert tags.normalize(typed) == stored


@pytest.mark.parametrize("typed", [
    "",  # empty
    "   ",
    "x" * 33,  # too long
    "jan@example.nl",  # an e-mail address
    "+31612345678",  # a phone number (the "+", and 11 digits)
    "0612345678",  # a phone number: ten digits in a row
    "123456782",  # a citizen service number (BSN)
    "NL91ABNA0417164300",  # an IBAN: ten digits in a row
    "4111-1111-1111-1111",  # a card number in groups of four
    "06-1234-5678",  # a phone number in groups
    "123-456-782",  # a BSN in groups
    "-billing",  # must start with a letter or digit
    "a/b", "a.b", "a<b", "a;b", "tag\x00",
    "ａｂｃ",  # full-width letters
    "١٢٣٤٥٦",  # digits of another script
])
def test_names_outside_the_grammar_are_refused(typed: str) -> None:
    with pytest.raises(tags.BadTagName):
        tags.normalize(typed)


def test_macro_actions_are_validated() -> None:
    steps = macros.parse({"status": "solved", "priority": "high", "assignee": "me",
                          "add_tags": "Billing, vip", "remove_tags": ["new-customer"]})
    assert steps.as_dict() == {"status": "solved", "priority": "high", "assignee": "me",
                               "add_tags": ["billing", "vip"], "remove_tags": ["new-customer"]}
    assert steps.assignee_for(7) == (True, 7)
    assert macros.parse({"assignee": "nobody"}).assignee_for(7) == (True, None)
    assert macros.parse({}).assignee_for(7) == (False, None)
    assert macros.parse({}).empty()
    for bad in ({"status": "done"}, {"priority": "asap"}, {"assignee": "anna"}, {"add_tags": ["a@b"]},
                {"add_tags": ["x"], "remove_tags": ["X"]}, {"delete_ticket": True},
                {"add_tags": [f"t{i}" for i in range(11)]}):
        with pytest.raises(ActionError):
            macros.parse(bad)
