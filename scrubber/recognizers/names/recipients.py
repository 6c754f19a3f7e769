"""The ``signature`` signal's recipient line: the name on the line above a postal address.

Why this module exists: an address block is laid out from the addressee down (UPU S42: name, delivery
line, town, country), so the short name-shaped line right above a delivery line ("Rebecca Hides" above
"07960 Aqqusinersuaq 111", "t.a.v. H. Vermeulen" above "Molenweg 7") is the person the address belongs to,
even when none of its words is a name the lexicon would take alone.
"""

from __future__ import annotations

import re

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, Candidates
from scrubber.recognizers.names.organizations import is_sector_word
from scrubber.recognizers.names.tokens import Token
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords

# a delivery line: a house number then a word, a post-office box, a flat, a Polish/Indonesian street prefix,
# or a street word then a number ("Molenweg 7")
_DELIVERY = re.compile(
    r"[ \t>]*(?:\d{1,6}[A-Za-z]?,?[ \t]+[^\W\d_]{2,}|p\.?[ \t]?o\.?[ \t]?box\b|postbus\b|flat[ \t]+\d|apt\.?[ \t]*\d"
    r"|(?:ul|al|jl|jln)\.[ \t]*[^\W\d_]"
    r"|[^\W\d_][^\W\d_'’.-]{2,}(?:[ \t][^\W\d_'’.-]+){0,3}[ \t]+\d{1,5}[A-Za-z]?"
    r"(?:[ \t]*,|[ \t]*$|[ \t]+(?:bus|apt|suite|unit)\b))",
    re.IGNORECASE,
)


def find_recipient_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """A line of two to four name-shaped words, one of them a known name, right above a delivery line."""
    toks, lines = view.toks, view.lines
    for line_no, idxs in view.tok_by_line.items():
        if not 2 <= len(idxs) <= 5:
            continue
        if _lower_name_line(words, [toks[k] for k in idxs]):
            cands.add(idxs[0], idxs[-1], SCORE_MEDIUM, "signature")
            continue
        nxt = line_no + 1
        while nxt < len(lines) and not lines[nxt].strip() and nxt - line_no <= 2:
            nxt += 1
        if nxt >= len(lines) or not _DELIVERY.match(lines[nxt]):
            continue
        if _name_line(words, [toks[k] for k in idxs]):
            cands.add(idxs[0], idxs[-1], SCORE_MEDIUM, "signature")


def _name_line(words: NameWords, line: list[Token]) -> bool:
    """Two to four capitalised name parts (tussenvoegsels between them), no function, sector or everyday
    word; one part a known name, or no part a word of the vocabulary at all ("Duqyaha Karataev")."""
    lex = words.lex
    parts = [t for t in line if not (t.kind == "word" and t.lower in lex.interfixes)]
    if not 2 <= len(parts) <= 4:
        return False
    for t in parts:
        if t.kind == "ini" and not words.is_initial(t):
            return False
        if t.kind == "ini":
            continue
        if t.kind != "word" or not t.text[0].isupper() or len(t.text) < 2 or is_sector_word(t.lower):
            return False
        if t.text.isupper() and not words.is_known_name(t.text):
            return False  # "ING Bankieren": an acronym, a brand
        if t.lower in lex.function_words or t.lower in GREETINGS or words.is_place(t):
            return False
        if lex.is_common(t.text) and not words.is_known_name(t.text):
            return False
    words_only = [t for t in parts if t.kind == "word"]
    return any(words.is_known_name(t.text) for t in words_only) or not any(
        t.lower in lex.vocabulary for t in words_only
    )


def _lower_name_line(words: NameWords, line: list[Token]) -> bool:
    """A line that is a lower-case name and nothing else ("aksel kristensen", "emidio p lombardo"), as a
    chat or a quick signature writes it: a known given name, maybe an initial, a known surname, none of
    them an everyday or function word."""
    lex = words.lex
    if len(line) > 3 or any(t.kind != "word" or not t.text.islower() for t in line):
        return False
    first, last = line[0], line[-1]
    if any(len(t.text) == 1 for t in (first, last)) or any(len(t.text) > 1 for t in line[1:-1]):
        return False
    return all(
        t.lower not in lex.function_words and not lex.is_common(t.text) and t.lower not in lex.vocabulary
        for t in (first, last)
    ) and words.known_first(first.text) and words.known_surname(last.text)
