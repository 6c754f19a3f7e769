"""wordfreq's most frequent words, read from its data files without importing wordfreq or keeping its lists.

``wordfreq.top_n_list`` reads the language's whole frequency list (the "best" lists of nl, en, de and fr hold
hundreds of thousands of words each) and keeps every list it read in an unbounded ``lru_cache``: the four
lists the credential recognizer asks 600 words of held 107 MB of the scrubber's 301 MB (issue 16). Importing
wordfreq also costs about a second of start-up under load (``langcodes``' tables, ``ftfy``), and the scrubber
needs none of it at run time. ``top_words`` returns the same words as ``top_n_list``: it reads the same file
(``<wordlist>_<lang>.msgpack.gz``: a header, then one list of words per centibel of frequency, most frequent
first; see ``wordfreq.read_cBpack``) one band at a time and stops once it has ``n`` words, skipping the digit
sequences ``top_n_list`` skips. ``tests/scrubber/test_word_frequency.py`` compares the two for every call
the recognizers make, so a wordfreq release that changes its format fails there, not silently.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from pathlib import Path

import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency, small to import

# wordfreq.numbers.MULTI_DIGIT_RE and has_digit_sequence: top_n_list leaves out words it matches
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")
# msgpack's Unpacker reads its file 1 MiB at a time by default: all of it decompressed from the gzip file, where
# the 600 words the credential recognizer asks take a few KiB (0.03 s of the scrubber's start-up, issue 16)
_READ_SIZE = 16 * 1024


def _data_dir() -> Path:
    # found without importing wordfreq (its __init__ imports langcodes and ftfy)
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _list_file(lang: str, wordlist: str) -> Path:
    """The file ``wordfreq.get_frequency_list(lang, wordlist)`` reads for an exact language code."""
    data = _data_dir()
    if wordlist == "best":  # wordfreq's "best": the large list where there is one, else the small one
        large = data / f"large_{lang}.msgpack.gz"
        return large if large.exists() else data / f"small_{lang}.msgpack.gz"
    path = data / f"{wordlist}_{lang}.msgpack.gz"
    if not path.exists():
        raise LookupError(f"wordfreq has no {wordlist!r} list for {lang!r}")
    return path


def top_words(lang: str, n: int, wordlist: str = "best") -> list[str]:
    """``wordfreq.top_n_list(lang, n, wordlist)`` for an exact language code (``nl``, ``en``, ``de``, ``fr``)."""
    words: list[str] = []
    with gzip.open(_list_file(lang, wordlist), "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False, read_size=_READ_SIZE)
        bands = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq list header: {header!r}")
        for _ in range(bands - 1):
            for word in unpacker.unpack():
                if not _MULTI_DIGIT.match(word):
                    words.append(word)
                    if len(words) >= n:
                        return words
    return words
