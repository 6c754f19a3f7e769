"""Parse problems as short notes an agent can read ("charset guessed as cp1252", "sender address repaired").

The parser records what went wrong as defect codes (``ParsedMail.defects``: for operators and tests).
The ones that change what the agent reads become a note in fixed wording: only charset labels (already
reduced to ``[A-Za-z0-9_.:-]``, at most 40 characters) are filled in, never the sender's text or bytes.
Defects that do not matter to the agent (a missing Date, a boundary the parser repaired) give none.
"""

from __future__ import annotations

import re

MAX_NOTES = 8

_FIXED = {
    "pre-header-lines-skipped": "lines before the headers skipped",
    "header-folding-repaired": "broken header lines joined",
    "from:address-repaired": "sender address repaired",
    "from:taken-from-reply-to": "sender taken from Reply-To",
    "from:taken-from-sender": "sender taken from Sender",
    "from:no-domain": "sender address has no domain",
    "multiple-from": "several senders, the first one taken",
    "charset-fallback:utf_8-replace": "some characters could not be read",
    "charset-mixed:utf_8+cp1252": "text mixes utf-8 and cp1252",
    "qp-invalid-escape": "broken quoted-printable encoding",
    "payload-undecodable": "a part could not be decoded",
    "InvalidBase64CharactersDefect": "broken base64 encoding",
    "InvalidBase64PaddingDefect": "broken base64 encoding",
    "InvalidBase64LengthDefect": "broken base64 encoding",
    "encrypted": "encrypted part not readable",
    "encoded-word-invalid": "encoded header partly unreadable",
    "filename-with-path": "attachment name had a folder path",
}
_WHERE = {"subject": "subject", "from": "sender name", "to": "recipient", "cc": "recipient"}


def _label(codec: str) -> str:
    """A codec name as people write it: iso8859_1 -> iso-8859-1, utf_8 -> utf-8."""
    return re.sub(r"^iso8859", "iso-8859", codec).replace("_", "-")[:40]


def _charset_note(code: str) -> str | None:
    kind, _, value = code.partition(":")
    if kind == "charset-mislabelled" and "->" in value:
        declared, actual = value.split("->", 1)
        return f"charset {_label(declared)} read as {_label(actual)}"
    if kind in {"charset-detected", "charset-guessed"} and value:
        return f"charset guessed as {_label(value)}"
    if kind == "unknown-charset" and value:
        return f"unknown charset {_label(value)}"
    if kind == "charset-undecodable" and value and value != "ascii":
        return f"text did not decode as {_label(value)}"
    return None


def note_for(code: str) -> str | None:
    if code in _FIXED:
        return _FIXED[code]
    where, _, rest = code.partition(":")
    if where in _WHERE and rest:
        if rest == "encoded-word-invalid":
            return f"{_WHERE[where]} encoding partly unreadable"
        inner = _charset_note(rest) if not rest.startswith("header-") else None
        if where == "subject" and inner is not None:
            return f"subject: {inner}"
        return None
    return _charset_note(code)


def parse_notes(defects: tuple[str, ...], *, sender_found: bool, from_present: bool) -> tuple[str, ...]:
    """The notes for ``defects`` in order, each once, at most ``MAX_NOTES``."""
    notes: list[str] = []
    if not sender_found:
        notes.append("sender address unreadable" if from_present else "no sender address")
    for code in defects:
        note = note_for(code)
        if note is not None and note not in notes:
            notes.append(note)
    if any(n.startswith("charset guessed") for n in notes):
        # "unknown charset x-unknown; charset guessed as cp1252": the guess says it all.
        notes = [n for n in notes if not n.startswith("unknown charset")]
    return tuple(notes[:MAX_NOTES])


def notes_paragraph(notes: tuple[str, ...]) -> str:
    """The line appended to the stored text (Dutch first, as every note in the stored text)."""
    return "[Bij het lezen / while reading: " + "; ".join(notes) + "]"
