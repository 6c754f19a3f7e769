"""Cue words typed with one slip ("wahctwoord", "paswsord", "pnicode"): found by their edit, not listed one by one.

Why this module exists: customers type fast, and a secret after a mistyped cue was kept while the same secret
after the right word was stripped (``eval/metamorphic.py``'s ``cue_typo``: 0.85 of values still found).
``secret_cues`` lists a few typos seen in mail; this generates every one-slip form of the long cue words
instead -- two neighbouring letters swapped, one letter left out, one letter doubled, the first letter always
kept -- except forms that are already cues and forms that are everyday words (wordfreq: a slip of
"wachtwoord" that is a real word reads as that word). ``typo_cues`` returns where they stand and the cue
word they stand for, so ``credentials`` can read the text after them as after the cue itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrubber.recognizers.prose_words import is_ordinary_word
from scrubber.recognizers.secret_cues import CUE

# long cue words of nl/en/de/fr (short ones, "pin", "ww", have too many one-slip neighbours that are words)
_CANONICAL = (
    "wachtwoord", "password", "passwort", "kennwort", "pincode", "toegangscode", "inlogcode", "verificatiecode",
    "herstelcode", "netwerksleutel", "passphrase", "wachtzin", "antwoord", "netzwerkschlüssel",
)
# a word that may be a slip: starts with a cue's first letter, as long as a slip of one can be
# (the look-behind "(?<![\w/.@-])" written after the first letter, which it then also covers, so that the pattern
# starts with a character class and ``re`` skips ahead to those letters: the same matches, 0.64x the time; issue 19)
_WORD = re.compile(r"[wpktivhna](?<![\w/.@-][wpktivhna])[^\W\d_]{5,17}(?![\w@]|[-.]\w)", re.IGNORECASE)


def _slips(word: str) -> set[str]:
    out: set[str] = set()
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1 :])  # left out
        out.add(word[:i] + word[i] + word[i:])  # doubled
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped
    return out


@lru_cache(maxsize=1)
def typo_table() -> dict[str, str]:
    """Every one-slip form of a long cue word that is neither a cue already nor an everyday word -> that cue."""
    table: dict[str, str] = {}
    for cue in _CANONICAL:
        for slip in _slips(cue):
            if slip != cue and not CUE.fullmatch(slip) and not is_ordinary_word(slip):
                table.setdefault(slip, cue)
    return table


def typo_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, cue word) of every mistyped cue word in ``text``."""
    table = typo_table()
    return [(m.start(), m.end(), table[w]) for m in _WORD.finditer(text) if (w := m.group().lower()) in table]
