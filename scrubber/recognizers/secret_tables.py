"""CREDENTIAL in pasted tables: every cell under a password column's header.

Why this module exists: customers paste exports and spreadsheets ("username,password,role",
"gebruiker;wachtwoord", tab-separated or Markdown tables). A cell in the password column is a secret whatever
its shape ("zeehond44", "appeltaart"), while the shape rules (``scrubber.recognizers.secrets``) judge each
token alone and the cue rules (``scrubber.recognizers.credentials``) look right after the cue, not down a
column. The header is recognised by the shared cue words (``scrubber.recognizers.secret_cues``); the rows are
the lines below it with the same number of cells, up to the first line that is not one. The cells carry
``CredentialRecognizer``'s name: it calls ``column_cells`` for every cue it finds.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

_SEPARATORS = ("\t", "|", ";", ",")
# a header cell naming a column of secrets; bare "code", "key" or "answer" columns are too often something else
_NOT_SECRET_COLUMN = frozenset({"code", "key", "sleutel", "antwoord", "answer"})
# cells that hold no secret: empty markers and masks
_EMPTY_CELL = re.compile(r"(?i)^(?:-+|n/?a|nvt|null|none|geen|leeg|\(leeg\)|\*+|x+|\?+|tbd|zie\s.*|see\s.*)$")
_RULE_LINE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")  # a Markdown table's "|---|---|"
_QUOTES = "\"'“”‘’"
_MAX_ROWS = 200


# a table aligned with spaces, as a terminal or a plain-text mail shows it ("Gebruikersnaam     Wachtwoord"): cells
# are parted by two or more spaces, and a row's cell must start under its header's (issue 16, fresh corpora)
_ALIGNED = "  "
_ALIGNED_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")
_ALIGN_SLACK = 4


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of ``line`` split at ``sep``, without the spaces and quotes around it."""
    if sep == _ALIGNED:
        return [(m.start(), m.end()) for m in _ALIGNED_CELL.finditer(line)]
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
    for sep in (*_SEPARATORS, _ALIGNED):
        if sep not in line or (sep == _ALIGNED and "\t" in line):
            continue
        cells = _cells(line, sep)
        if len(cells) < 2:
            continue
        for column, (start, end) in enumerate(cells):
            # (an aligned "Password   Welkom01" line is a label and its value: a header's password column is
            # never its first)
            if start == cue_start and end == cue_end and not (sep == _ALIGNED and column == 0):
                return sep, column, len(cells)
    return None


def column_cells(text: str, cue: re.Match[str], out: list[RecognizerResult]) -> bool:
    """The cells under ``cue`` when it fills a header cell of a pasted table (a match of ``secret_cues.CUE``);
    whether it does (then the cue's own line and the next are no "password: value" label).

    Called from ``credentials.CredentialRecognizer`` for each cue it finds, so the text is scanned for cues once.
    """
    if cue.group().lower() in _NOT_SECRET_COLUMN:
        return False
    cells = column_spans(text, cue.start(), cue.end())
    if cells is None:
        return False
    out.extend(RecognizerResult("CREDENTIAL", start, end, 0.9) for start, end in cells)
    return True


def column_spans(text: str, cue_start: int, cue_end: int) -> list[tuple[int, int]] | None:
    """The (start, end) of every filled cell under the header cell ``text[cue_start:cue_end]`` of a pasted table,
    down to the first line of another width; None when the span does not fill a cell of a header line.

    The one walk down a column: the password columns here, the person-number columns of
    ``scrubber.recognizers.person_columns``.
    """
    line_start = text.rfind("\n", 0, cue_start) + 1
    line_end = text.find("\n", cue_end)
    if line_end < 0:
        return None
    header = _header(text[line_start:line_end], cue_start - line_start, cue_end - line_start)
    if header is None:
        return None
    sep, column, width = header
    header_cells = _cells(text[line_start:line_end], sep)
    spans: list[tuple[int, int]] = []
    pos = line_end + 1
    for _ in range(_MAX_ROWS):
        if pos >= len(text):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if _RULE_LINE.match(line):
            pos = end + 1
            continue
        # (a Markdown row may have an empty cell before its first and after its last "|")
        if not line.strip() or (line.count(sep) != width - 1 if sep != _ALIGNED else not _aligned(line, header_cells)):
            break
        start, stop = _cells(line, sep)[column]
        value = line[start:stop]
        if value and not _EMPTY_CELL.match(value):
            spans.append((pos + start, pos + stop))
        pos = end + 1
    return spans


def _aligned(line: str, header_cells: list[tuple[int, int]]) -> bool:
    """Whether a row of a space-aligned table has the header's cells, each starting under its header cell."""
    cells = _cells(line, _ALIGNED)
    return len(cells) == len(header_cells) and all(
        abs(start - head) <= _ALIGN_SLACK for (start, _), (head, _) in zip(cells, header_cells, strict=True)
    )
