"""``scrubber.word_frequency.top_words`` gives exactly wordfreq's ``top_n_list`` (issue 16's memory cut).

The recognizers read wordfreq's lists through ``top_words`` (without wordfreq's import or its cache of whole
lists); a wordfreq release that changes its data format or its filtering must fail here.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scrubber.word_frequency import top_words

# every call the recognizers make (credentials._common_words, prose_words._ordinary_words), and a few more
CALLS = [
    ("nl", 600, "best"),
    ("en", 600, "best"),
    ("de", 600, "best"),
    ("fr", 600, "best"),
    ("nl", 40000, "small"),
    ("en", 40000, "small"),
    ("en", 3000, "large"),
    ("de", 1, "small"),
]


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
    code = (
        "import sys\nfrom scrubber.engine import Scrubber\nScrubber().scrub('Mijn wachtwoord is Zomer2024!')\n"
        "print(sorted(m for m in ('wordfreq', 'langcodes', 'ftfy', 'babel') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.split("\n")[-2] == "[]"


class _CountingReader:
    """A file whose ``read`` counts the (decompressed) bytes handed out."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data: bytes = self._fh.read(size)
        self.read_bytes += len(data)
        return data

    def __enter__(self) -> _CountingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def test_the_top_words_are_read_without_the_rest_of_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # msgpack's Unpacker reads a file 1 MiB at a time by default: all of that decompressed for 600 words that
    # take a few KiB (0.03 s of the scrubber's start-up, issue 16)
    readers: list[_CountingReader] = []
    real_open = gzip.open

    def counting_open(*args: Any, **kwargs: Any) -> _CountingReader:
        readers.append(_CountingReader(real_open(*args, **kwargs)))
        return readers[-1]

    monkeypatch.setattr(gzip, "open", counting_open)
    assert len(top_words("nl", 600)) == 600
    assert readers[0].read_bytes < 128 * 1024
