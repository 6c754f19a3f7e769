"""``scrubber.word_frequency.top_words`` gives exactly wordfreq's ``top_n_list`` (issue 16's memory cut).

The recognizers read wordfreq's lists through ``top_words`` (without wordfreq's import or its cache of whole
lists); a wordfreq release that changes its data format or its filtering must fail here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scrubber.word_frequency import top_words

# every call the recognizers make (credentials._common_words, prose_words._ordinary_words), and a few more
CALLS = [("nl", 600, "best"), ("en", 600, "best"), ("de", 600, "best"), ("fr", 600, "best"),
         ("nl", 40000, "small"), ("en", 40000, "small"), ("en", 3000, "large"), ("de", 1, "small")]


@pytest.mark.parametrize(("lang", "n", "wordlist"), CALLS)
def test_top_words_are_wordfreqs_top_n_list(lang: str, n: int, wordlist: str) -> None:
    from wordfreq import top_n_list

    assert top_words(lang, n, wordlist) == top_n_list(lang, n, wordlist)


def test_an_unknown_list_is_an_error() -> None:
    with pytest.raises(LookupError):
        top_words("nl", 10, "huge")


def test_building_a_scrubber_imports_neither_wordfreq_nor_babel() -> None:
    # wordfreq's import (langcodes, ftfy) and babel's locale data (the country names, now in the lexicon) are
    # start-up time and memory the scrubber does not need (issue 16)
    code = ("import sys\nfrom scrubber.engine import Scrubber\nScrubber().scrub('Mijn wachtwoord is Zomer2024!')\n"
            "print(sorted(m for m in ('wordfreq', 'langcodes', 'ftfy', 'babel') if m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.split("\n")[-2] == "[]"
