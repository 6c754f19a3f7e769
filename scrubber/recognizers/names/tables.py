"""The ``table`` signal: names in pasted tables, by the header row that names the column.

CSV and TSV exports ("naam;email;telefoon"), spreadsheet pastes and markdown tables ("| Naam | Rol |"):
a header row with a name column ("naam", "voornaam", "achternaam", "name", "surname", "employee",
"klant", ...), then the rows under it split by the same delimiter. A cell in a name column is a name when
it looks like one (name-shaped words, none of them an everyday or trade word); the other columns are left
to the other recognizers.
"""

from __future__ import annotations

from bisect import bisect_left

from scrubber.recognizers.base import may_contain
from scrubber.recognizers.names.candidates import SCORE_STRONG, Candidates
from scrubber.recognizers.names.tokens import Token
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords

# header cells (lower-cased, "_" and "-" read as spaces) of columns that hold people's names
_COLUMN_LABELS = (
    """
    naam|volledige naam|voornaam|voornamen|achternaam|tussenvoegsel|roepnaam|initialen|voorletters|klant|klantnaam
    |naam klant|contactpersoon|contact|medewerker|werknemer|persoon|deelnemer|leerling|huurder|eigenaar
    |rekeninghouder|tenaamstelling|aanvrager|name|full name|fullname|first name|firstname|given name|last name
    |lastname|surname|family name|middle name|customer|customer name|client|client name|contact name
    |contact person|employee|employee name|staff|member|person|owner|account holder|holder|display name
    |displayname|participant|tenant|student|vorname|nachname|mitarbeiter|kunde|nom|prénom|prenom|nom complet
    |salarié|client nom
    """
)
NAME_COLUMNS = frozenset(c.strip() for c in _COLUMN_LABELS.split("|"))  # (a line's indentation is no part of it)
# one of these is in the lower-cased text when a header can be there (see ``may_contain``)
_STEMS = (
    "naam", "name", "klant", "contact", "medewerker", "werknemer", "persoon", "deelnemer", "leerling", "huurder",
    "eigenaar", "houder", "tenaamstelling", "aanvrager", "voorletters", "initialen", "customer", "client",
    "employee", "staff", "member", "person", "owner", "holder", "participant", "tenant", "student", "vorname",
    "mitarbeiter", "kunde", "nom", "surname",
)
_DELIMITERS = ("\t", ";", "|", ",")
_MAX_ROWS = 1000


def find_table_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """Name cells under every header row that names a name column."""
    if not may_contain(view.lowered, _STEMS):
        return
    lines, starts = view.lines, view.line_starts
    k = 0
    while k < len(lines) - 1:
        header = _header(lines[k])
        if header is None:
            k += 1
            continue
        delimiter, columns = header
        k += 1
        rows = 0
        while k < len(lines) and lines[k].strip() and rows < _MAX_ROWS:
            line = lines[k]
            if delimiter in line and not _is_rule(line):
                _row(view, words, cands, starts[k], line, delimiter, columns)
            elif delimiter not in line:
                break
            rows += 1
            k += 1


def _header(line: str) -> tuple[str, list[int]] | None:
    """The delimiter and the name columns of a header row, or None when the line is none."""
    if len(line) > 400:
        return None
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        raw = line.split(delimiter)
        if any(len(c) > 40 for c in raw):  # a sentence with commas, not labels (the cheap test first)
            return None
        cells = [_norm(c) for c in raw]
        columns = [i for i, c in enumerate(cells) if c in NAME_COLUMNS]
        # a header holds labels only: short cells, and no digits or "@" in any of them
        if columns and all(len(c) <= 40 and not any(ch.isdigit() or ch == "@" for ch in c) for c in cells):
            return delimiter, columns
        return None
    return None


def _norm(cell: str) -> str:
    return " ".join(cell.strip().strip("\"'*").lower().replace("_", " ").replace("-", " ").split())


def _is_rule(line: str) -> bool:
    """A markdown table's separator row ("|---|:--:|")."""
    return not line.strip(" |:-\t")


def _row(
    view: TextView, words: NameWords, cands: Candidates, line_start: int, line: str, delimiter: str, columns: list[int]
) -> None:
    cell_starts = _cells(line, delimiter)
    toks, tok_starts = view.toks, view.tok_starts
    for col in columns:
        if col >= len(cell_starts):
            continue
        offset, cell = cell_starts[col]
        start, end = line_start + offset, line_start + offset + len(cell)
        first = bisect_left(tok_starts, start)
        last = bisect_left(tok_starts, end) - 1
        if first > last or toks[last].end > end:
            continue
        if _cell_is_name(words, toks[first : last + 1]):
            cands.add(first, last, SCORE_STRONG, "table")


def _cells(line: str, delimiter: str) -> list[tuple[int, str]]:
    """The cells of a row with their offsets; a delimiter inside double quotes belongs to the cell (CSV)."""
    if '"' not in line:
        out, pos = [], 0
        for cell in line.split(delimiter):
            out.append((pos, cell))
            pos += len(cell) + 1
        return out
    out, start, quoted = [], 0, False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            out.append((start, line[start:i]))
            start = i + 1
    out.append((start, line[start:]))
    return out


def _cell_is_name(words: NameWords, toks: list[Token]) -> bool:
    """Name-shaped words only (tussenvoegsels and initials too), at most five, none an everyday or trade word;
    a cell in lower case needs every word known as a name."""
    lex = words.lex
    if any(t.kind == "sym" and t.text not in ("'", '"', ",") for t in toks):
        return False
    # (a CSV cell's quotes and the comma of "Jansen, Piet" are no name parts)
    parts = [t for t in toks if t.kind != "sym" and not (t.kind == "word" and t.lower in lex.interfixes)]
    if not parts or len(parts) > 5:
        return False
    known = 0
    for t in parts:
        if t.kind == "ini" or words.is_initial_like(t):
            continue
        if not words.is_name_word(t, lowercase_ok=True, relaxed=True) or (lex.is_common(t.text) and not (
            words.is_known_name(t.text) and t.text[0].isupper()
        )):
            return False
        if words.is_known_name(t.text):
            known += 1
        elif not t.text[0].isupper():
            return False
    return known > 0 or all(t.text[0].isupper() for t in parts)
