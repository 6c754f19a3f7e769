"""Card numbers whose digit groups are split by line ends or HTML markup (CREDIT_CARD).

Why this module exists: a card number copied from a web page or an app reaches us as its groups inside markup
("<span>4111</span> <span>1111</span> ...", as card sanitizers meet them) or one group per line (a chat sends each
group as a message, a mail client wraps the number). Neither is a run of digits for the card rule of
``scrubber.recognizers.banking``, and no group alone is long enough for deny by default. Here the groups are
joined across such noise and the joined digits decide, as for any card: 13-19 digits, an issuer prefix 2-6 and the
Luhn check (ISO/IEC 7812). Each group is reported on its own, so the markup between them stays in the text.
A list of years ("2019\\n2020\\n2021\\n2022") passes Luhn one time in ten and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

# what may stand between two groups: blanks, a line end (with a quote's "> "), HTML tags and entities
_NOISE = r"(?:[ \t]|&nbsp;|</?[A-Za-z][^<>\n]{0,60}>|\r?\n[ \t>]*)+"
# (the look-behind stands after the first digit, which it then also covers: ``re`` skips ahead to digits)
_SPLIT = re.compile(r"[2-6](?<![\w.,/-][2-6])\d{3,7}(?:" + _NOISE + r"\d{3,8}){1,4}(?![\w]|[.,/-]\d)")
_GROUP = re.compile(r"\d+")
_HINT = re.compile(r"\d[ \t]*(?:\n|<)")  # a group ending a line or followed by markup: a split number may be here
_YEAR = re.compile(r"(?:19|20)\d{2}")


def card_digits(digits: str) -> bool:
    """Whether a run of digits passes as a payment card's number: 13-19 digits and the Luhn check (ISO/IEC 7812)."""
    return 13 <= len(digits) <= 19 and bool(luhn.is_valid(digits))


def split_card_groups(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the digit groups of every split card number in ``text`` (see the module docstring)."""
    if _HINT.search(text) is None:
        return
    for m in _SPLIT.finditer(text):
        between = text[m.start() : m.end()]
        if "\n" not in between and "<" not in between:
            continue  # spaces only: the card rule's own business
        groups = list(_GROUP.finditer(text, m.start(), m.end()))
        digits = "".join(g.group() for g in groups)
        if not card_digits(digits):
            continue
        if all(_YEAR.fullmatch(g.group()) for g in groups):
            continue
        for g in groups:
            yield g.start(), g.end()
