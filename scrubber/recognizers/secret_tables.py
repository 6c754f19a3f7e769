"""CREDENTIAL in pasted tables: every cell under a password column's header.

Why this module exists: customers paste exports and spreadsheets ("username,password,role",
"gebruiker;wachtwoord", tab-separated or Markdown tables). A cell in the password column is a secret whatever
its shape ("zeehond44", "appeltaart"), while the shape rules (``scrubber.recognizers.secrets``) judge each
token alone and the cue rules (``scrubber.recognizers.credentials``) look right after the cue, not down a
column. The header is recognised by the shared cue words (``scrubber.recognizers.secret_cues``); the rows are
the lines below it with the same number of cells, up to the first line that is not one.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import SingleEntityRecognizer, lowered_for_stems, may_contain
from scrubber.recognizers.secret_cues import CUE, CUE_STEMS

_SEPARATORS = ("\t", "|", ";", ",")
# a header cell naming a column of secrets; bare "code", "key" or "answer" columns are too often something else
_NOT_SECRET_COLUMN = frozenset({"code", "key", "sleutel", "antwoord", "answer"})
# cells that hold no secret: empty markers and masks
_EMPTY_CELL = re.compile(r"(?i)^(?:-+|n/?a|nvt|null|none|geen|leeg|\(leeg\)|\*+|x+|\?+|tbd|zie\s.*|see\s.*)$")
_RULE_LINE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")  # a Markdown table's "|---|---|"
_QUOTES = "\"'“”‘’"
_MAX_ROWS = 200


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of ``line`` split at ``sep``, without the spaces and quotes around it."""
    out: list[tuple[int, int]] = []
    pos = 0
    for cell in line.split(sep):
        start, end = pos, pos + len(cell)
        while start < end and (line[start].isspace() or line[start] in _QUOTES):
            start += 1
        while end > start and (line[end - 1].isspace() or line[end - 1] in _QUOTES):
            end -= 1
        out.append((start, end))
        pos += len(cell) + 1
    return out


def _header(line: str, cue_start: int, cue_end: int) -> tuple[str, int, int] | None:
    """(separator, column, number of cells) when the cue fills a whole cell of a header line, else None."""
    for sep in _SEPARATORS:
        if sep not in line:
            continue
        cells = _cells(line, sep)
        if len(cells) < 2:
            continue
        for column, (start, end) in enumerate(cells):
            if start == cue_start and end == cue_end:
                return sep, column, len(cells)
    return None


class SecretColumnRecognizer(SingleEntityRecognizer):
    """The cells of a password column in a pasted table (see the module docstring)."""

    ENTITY = "CREDENTIAL"

    def find(self, text: str) -> list[RecognizerResult]:
        if "\n" not in text or not may_contain(lowered_for_stems(text), CUE_STEMS):
            return []  # speed-up only: a table has rows, and its header a cue word
        out: list[RecognizerResult] = []
        for cue in CUE.finditer(text):
            if cue.group().lower() in _NOT_SECRET_COLUMN:
                continue
            line_start = text.rfind("\n", 0, cue.start()) + 1
            line_end = text.find("\n", cue.end())
            if line_end < 0:
                continue
            header = _header(text[line_start:line_end], cue.start() - line_start, cue.end() - line_start)
            if header is not None:
                self._column(text, line_end + 1, header, out)
        return out

    @staticmethod
    def _column(text: str, pos: int, header: tuple[str, int, int], out: list[RecognizerResult]) -> None:
        sep, column, width = header
        for _ in range(_MAX_ROWS):
            if pos >= len(text):
                return
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if _RULE_LINE.match(line):
                pos = end + 1
                continue
            # (a Markdown row may have an empty cell before its first and after its last "|")
            if not line.strip() or line.count(sep) != width - 1:
                return
            start, stop = _cells(line, sep)[column]
            value = line[start:stop]
            if value and not _EMPTY_CELL.match(value):
                out.append(RecognizerResult("CREDENTIAL", pos + start, pos + stop, 0.9))
            pos = end + 1


def secret_table_recognizers(lang: str) -> list[EntityRecognizer]:
    return [SecretColumnRecognizer(lang)]
