"""CREDENTIAL by the world's key and token formats: one data table, not a regex per vendor in code.

Why this module exists: providers give their keys a prefix or shape of their own (``ghp_``, ``glpat-``,
``xoxb-``, ``sk-ant-api03-``, ``AKIA``, ``dop_v1_``, ...), and secret-scanning projects keep those formats
up to date with tests. ``scrubber/data/key_formats.tsv`` holds them as data (gitleaks' rules with a prefix
or shape of their own, MIT, and a few from providers' documentation; the file says where each row comes from),
so a new format is one line of that file. Every row is joined into one pattern, compiled when this module is
imported (with the recognizers, at start-up). Only runs of key characters at least 16 long are searched, so
prose costs one scan of a character class.

A value that is a placeholder ("ghp_xxxx...", "AKIAIOSFODNN7EXAMPLE", runs of zeros) is none: secret scanners
list those as false positives, and documentation quoted by a customer holds no secret
(``scrubber.recognizers.secret_values.is_placeholder``, shared with the other secret rules).
"""

from __future__ import annotations

import re
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import SingleEntityRecognizer
from scrubber.recognizers.secret_values import is_placeholder

TABLE = Path(__file__).resolve().parent.parent / "data" / "key_formats.tsv"
# a run of the characters keys are made of, long enough to hold one (the shortest format is 16+ characters)
_RUN = re.compile(r"[\w.+/=~:-]{16,}")
# not inside a longer token (a key starts after "=", ":", a quote or a space, and ends before one)
_BEFORE = r"(?<![A-Za-z0-9_+/~-])"
_AFTER = r"(?![A-Za-z0-9_+/~-])"


def read_table(path: Path = TABLE) -> list[tuple[str, str, str]]:
    """The rows of the format table: (id, regex, source)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, regex, source = line.split("\t")
            rows.append((name, regex, source))
    return rows


def compile_table(rows: list[tuple[str, str, str]]) -> re.Pattern[str]:
    """One pattern for every row (each a non-capturing alternative), bounded as a whole token."""
    return re.compile(_BEFORE + "(?:" + "|".join(f"(?:{regex})" for _, regex, _ in rows) + ")" + _AFTER)


KEYS = compile_table(read_table())


def key_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that hold a key of a known format (placeholders left out)."""
    out: list[tuple[int, int]] = []
    for run in _RUN.finditer(text):
        for m in KEYS.finditer(text, run.start(), run.end()):
            if not is_placeholder(m.group()):
                out.append(m.span())
    return out


class KeyFormatRecognizer(SingleEntityRecognizer):
    """Keys and tokens of a known format, wherever they stand (see the module docstring)."""

    ENTITY = "CREDENTIAL"

    def find(self, text: str) -> list[RecognizerResult]:
        return [RecognizerResult("CREDENTIAL", start, end, 0.99) for start, end in key_spans(text)]


def key_format_recognizers(lang: str) -> list[EntityRecognizer]:
    return [KeyFormatRecognizer(lang)]
