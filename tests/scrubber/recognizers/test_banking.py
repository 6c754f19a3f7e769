"""IBAN (mod-97, old Dutch accounts after a cue) and CREDIT_CARD (Luhn, with expiry and CVC)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from scrubber.recognizers import banking
from tests.scrubber.checks import (
    TableCheck,
    check_first_letter_guard,
    check_rewritten_pattern,
    check_stems_in_every_match,
    fuzz_texts,
    guarded_patterns,
    samples,
)

# (message, value, expected type)
POSITIVE = [
    # a card's expiry and code right after it, in other notations (issue 16)
    ("kaart 4111 1111 1111 1111 exp 0327 cvc 123", "0327", "CREDIT_CARD"),
    ("creditcard 4111 1111 1111 1111 (vervalt maart 2027, code 737)", "maart 2027", "CREDIT_CARD"),
    ("creditcard 4111 1111 1111 1111 (vervalt maart 2027, code 737)", "737", "CREDIT_CARD"),
    ("Karte 4111 1111 1111 1111 gültig bis 03.2027", "03.2027", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 valid thru 03-27", "03-27", "CREDIT_CARD"),
    # IBAN in any spacing and case, and an old Dutch account number after a cue
    ("Graag terugstorten op NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00", "IBAN"),
    ("iban: nl91abna0417164300 t.n.v. mij", "nl91abna0417164300", "IBAN"),
    ("Please pay to GB82 WEST 1234 5698 7654 32 asap", "GB82 WEST 1234 5698 7654 32", "IBAN"),
    ("rekening BE71 0961 2345 6769", "BE71 0961 2345 6769", "IBAN"),
    ("DE89370400440532013000 is my account", "DE89370400440532013000", "IBAN"),
    ("terugboeken op mijn rekening 758957505 graag", "758957505", "IBAN"),
    # a typo in the check digits is still someone's account; two IBANs in a row are both found
    ("het is NL02 RABO 0123 4567 89 en niet NL02RABO0123456788", "NL02 RABO 0123 4567 89", "IBAN"),
    ("het is NL02 RABO 0123 4567 89 en niet NL02RABO0123456788", "NL02RABO0123456788", "IBAN"),
    # CREDIT_CARD with expiry and CVC
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "09/28", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "123", "CREDIT_CARD"),
    ("Mastercard 5500-0000-0000-0004", "5500-0000-0000-0004", "CREDIT_CARD"),
    ("amex 3400 000000 00009, CVV: 1234", "3400 000000 00009", "CREDIT_CARD"),
    # dots between the groups; the CVC standing after the expiry, or after its cue in other words
    ("debit card:\n\n4111.1111.1111.1111, valid thru 12/26", "4111.1111.1111.1111", "CREDIT_CARD"),
    ("4111 1111 1111 1111\n08/27 123\nthanks", "123", "CREDIT_CARD"),
    ("4111 1111 1111 1111\n08/27\n123\nJ JANSEN", "123", "CREDIT_CARD"),
    ("Kaart 4111 1111 1111 1111, geldig tot 09/27, code achterop 123.", "123", "CREDIT_CARD"),
    ("the security code (three digits, on the back): 123", "123", "CREDIT_CARD"),
    # the country code apart from the check digits
    ("het is nu NL 91 ABNA 0417 1643 00 (ABN)", "NL 91 ABNA 0417 1643 00", "IBAN"),
    # UK: sort code and account number
    ("Sort code: 20-00-00\nAccount number: 55779911", "55779911", "IBAN"),
    ("Account no.: 55779911, sort code 20 00 00", "55779911", "IBAN"),
    # "account" alone next to a sort code is the bank account, not a customer account (issue 16)
    ("paid from sort code 40-11-62, account 31926819 yesterday", "31926819", "IBAN"),
    ("acc 31926819 / sort code 401162", "31926819", "IBAN"),
    ("Number: 4111 1111 1111 1111\nExpiry: 07/28\nSecurity code: 6120", "6120", "CREDIT_CARD"),
    # any bank code next to an account: US routing (ABA), German BLZ (issue 16)
    ("checking account: 4401928374 routing 026009593", "4401928374", "IBAN"),
    ("ABA 026009593, account number 000123456789", "000123456789", "IBAN"),
    ("Konto 1234567890 bei BLZ 37040044", "1234567890", "IBAN"),
    # old Dutch account numbers after "rek.nr."
    ("rek.nr. 41.71.64.300 graag", "41.71.64.300", "IBAN"),
    # IBAN-shaped right after the word IBAN, with a wrong check or an odd bank code: the customer's account all the
    # same (text labelled by others, issue 16)
    ("bank account IBAN 'GB07 XYZ000000012345678B' was leaked", "GB07 XYZ000000012345678B", "IBAN"),
    ("IBAN: DE12 ABCD 0000 1111 2222 33 (typo?)", "DE12 ABCD 0000 1111 2222 33", "IBAN"),
    # a Postbank giro number had one to seven digits (issue 16, probe corpus)
    ("We betalen nog vanaf giro 921710", "921710", "IBAN"),
    ("mijn gironummer is 38456", "38456", "IBAN"),
    # a card dump's expiry and code after a bar or semicolon (issue 16, probe corpus)
    ("4007298198649381|10/31|929", "929", "CREDIT_CARD"),
    ("5480 3775 3835 9983 569|08/31|946", "946", "CREDIT_CARD"),
    ("4111111111111111;12/27;123", "123", "CREDIT_CARD"),
    # a French RIB (bank, branch, account, clé RIB: 97 - (89 b + 15 g + 3 c) mod 97) and a Swiss postal account
    # (prefix, number, mod 10 recursive check) after its cue: old domestic accounts (issue 16)
    ("RIB : 30004 00825 00012345678 86", "30004 00825 00012345678 86", "IBAN"),
    ("mon RIB 30004008250001234567886 merci", "30004008250001234567886", "IBAN"),
    ("Postkonto 30-38151-2", "30-38151-2", "IBAN"),
    ("Einzahlung auf PC 80-2-2", "80-2-2", "IBAN"),
    ("CCP 01-12345-3", "01-12345-3", "IBAN"),
    # a card's code named "Prüfziffer" or "Sicherheitscode"; an expiry with a dash and the code after it, set off by
    # slashes, right after the card (issue 16)
    ("Karte 4111 1111 1111 1111 gültig bis 12/27 Prüfziffer 123", "123", "CREDIT_CARD"),
    ("Kreditkarte 4111111111111111, Sicherheitscode: 123", "123", "CREDIT_CARD"),
    ("5555-5555-5555-4444 / 08-27 / 737", "08-27", "CREDIT_CARD"),
    ("5555-5555-5555-4444 / 08-27 / 737", "737", "CREDIT_CARD"),
    ("4111 1111 1111 1111 - 12/27 - 123", "123", "CREDIT_CARD"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("card 4111 1111 1111 1111, ordered on 12-03-2023", "12-03-2023", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111, ordered on 12-03-2023", "12-03", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 since 2019-12-27", "12-27", "CREDIT_CARD"),
    ("exp 0327 without any card number", "0327", "CREDIT_CARD"),
    ("card 4111 1111 1111 1112", "4111 1111 1111 1112", "CREDIT_CARD"),  # Luhn fails
    ("betalingskenmerk 7002 4418 9921 0356", "7002 4418 9921 0356", "CREDIT_CARD"),
    ("ticket AB12X9Y8Z7W6V5U4 open", "AB12X9Y8Z7W6V5U4", "IBAN"),  # no IBAN cue, no check, no bank code
    ("IBAN-wijziging per 2025-01-01 doorgevoerd", "2025-01-01", "IBAN"),
    ("sinds giro 2019 overgemaakt", "2019", "IBAN"),  # a year after the cue is no giro number
    ("per acceptgiro 123456 betaald", "123456", "IBAN"),  # a slip's reference, not the cue giro
    ("un giro di 500 metri", "500", "IBAN"),  # Italian: a tour, and the number not right after the word
    ("RIB : 30004 00825 00012345678 87", "30004 00825 00012345678 87", "IBAN"),  # the clé RIB fails
    ("Postkonto 30-38151-3", "30-38151-3", "IBAN"),  # the check digit fails
    ("Spielstand 80-2-2 nach der Pause", "80-2-2", "IBAN"),  # no postal account's cue
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        *((r.pattern, r.stems) for r in banking.RULES if r.stems),
        (banking._CVC, banking._CVC_STEMS),
        (banking._EXPIRY_KEYED, banking._EXPIRY_STEMS),
    ],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [(banking._CARD, r"(?<![\w.,/-])[2-6]\d{3}(?:[ .-]?\d){9,15}(?![\w]|[.,/-]\d)")],
    ids=["card"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize("pattern", guarded_patterns(banking), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)


def test_old_account_cues_spelled_out_find_the_same_matches() -> None:
    plain = re.compile(
        r"(?<![^\W_])(?i:(?:bank)?rekening\w*|reknr|bankrekening\w*|bank\s*account|account\s*(?:number|no)"
        r"|giro\w*|bank)\b[^\n\d]{0,30}?(?<![\w.])(?P<v>\d{2,3}[. ]?\d{2}[. ]?\d{2}[. ]?\d{2,3}|\d{9,10})"
        r"(?![\w]|[.,]\d)"
    )
    extra = ("bankrekening", "Rekeningnummer", "BANK", "123456789", "12.34.56.789", "bankrekeningnr: 0123456789")
    for text in samples(plain, extra, 4000, 61):
        assert [m.span("v") for m in banking._OLD_ACCOUNT.finditer(text)] == [m.span("v") for m in plain.finditer(text)]


def test_iban_candidates_from_the_check_digits_equal_the_plain_pattern() -> None:
    # (a group may also be wrapped onto the next line, where a quote's "> " may stand)
    plain = re.compile(r"(?<![^\W_])[A-Za-z]{2}\d{2}(?:(?:[ .-]|[ \t]*\r?\n[ \t>]*)?[A-Za-z0-9]){10,32}")
    pieces = ("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "BE68539007547034", "xNL91",
              "GB29 NWBK 6016 1331 9268 19", "_NL91ABNA0417164300", "AB12", "12", "A", "é", "٣", "NL91 ABNA\n> 0417",
              " \n", "\r\n")
    for text in fuzz_texts(pieces, 5000, 71):
        for pos in range(0, len(text) + 1, 7):
            slow = plain.search(text, pos)
            fast = banking._IBAN_CANDIDATE.search(text, pos + 2)
            assert (slow.span() if slow else None) == ((fast.start() - 2, fast.end()) if fast else None), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Routing 021000021, account 6626095710", "021000021"),  # a US bank's ABA number (its check holds)
        ("ABA 026009593 / acct # 985042680", "026009593"),
        ("routing number: 011000015\naccount: 12345678901", "011000015"),
    ],
)
def test_a_bank_code_after_its_cue_is_no_phone_number(
    assert_untouched: Callable[[str, str], None], text: str, value: str
) -> None:
    # the bank's code names the bank, not the customer (docs/pii-policy.md); the account beside it is stripped
    assert_untouched(text, value)
