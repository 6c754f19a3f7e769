"""Issue 16, the second by-author round: mechanisms found on authors e and f's tune parts, with made-up rows.

- "account" before a number names our customer account, except right after a bank's name ("Bank: Zenith Bank, account
  2087734519", "Rabobank, account 1234567"): there it is the customer's bank account, stripped;
- a maiden name after "née", "geb." or "geborene" ("Sarah Brenner, née Atkinson") is a name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.scrubber.checks import TableCheck

BANK_ACCOUNT = [
    ("Bank: Zenith Bank, account 2087734519", "2087734519"),
    ("please pay it back to my Rabobank, account 3382910476, thanks", "3382910476"),
    ("Bank details: First Bank: account 3011849275", "3011849275"),
]

CUSTOMER = [
    ("my account 2087734 is blocked since friday", "2087734"),
    ("account number 48213 at your company", "48213"),
]

PERSON = [
    ("My wife Sarah Brenner (née Atkinson) also has access", "Atkinson"),
    ("Ingrid de Wit, geb. Hofstede, is de eigenaar", "Hofstede"),
    ("Frau Anna Keller, geborene Hofstetter, wohnt dort", "Hofstetter"),
    ("registered to Margaret Sullivan, née Kowalczyk, until 2019", "Kowalczyk"),
]

NOT_PERSON = [
    ("geb. 12-03-1971 in Utrecht", "12-03-1971"),
]


@pytest.mark.parametrize(("text", "value"), BANK_ACCOUNT)
def test_bank_account_after_a_bank(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(("text", "value"), CUSTOMER)
def test_customer_account(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CUSTOMER_NUMBER")


@pytest.mark.parametrize(("text", "value"), PERSON)
def test_maiden_name(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "PERSON")


@pytest.mark.parametrize(("text", "value"), NOT_PERSON)
def test_not_a_name(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "PERSON")
