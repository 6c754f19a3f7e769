"""Names in a coordination: "Kónya, Becker and Vasquez", "Marrero and Murphy", "silvana, adam, chad and caleb".

Why this module exists: a bare surname in running text has no context of its own ("Becker and Vasquez were
the founders"), but the words it is listed with give it one. Items of one list play the same role, so an
item next to a found person is a person too when it is shaped like a name; and a list of two or more
words that the lexicon knows as names and that are no everyday words or places is a list of people even
when none was found before (lower case, as chats write them, needs three such items).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, Candidate
from scrubber.recognizers.names.tokens import Token, same_line_gap
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords

_CONJUNCTIONS = frozenset({"and", "en", "und", "et", "or", "of", "oder", "ou", "&"})
_MAX_ITEM_WORDS = 3
_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_CONJ = r"(?:and|en|und|et|or|of|oder|ou|&)[ \t]+"
# a comma and/or one conjunction between two words on one line:
#   (?<=[^\W\d_.])(?:,[ \t]*(?:CONJ)?|[ \t]+CONJ)(?=[^\W\d_])   case-insensitively,
# written to start with the separator's first character (then the look-behind for the letter before it, and
# each alternative behind a look-behind for its first character), so that ``re`` skips ahead to a comma, space
# or tab instead of trying the look-behind at every position; tests/scrubber/test_scan_forms.py checks that
# both forms find the same matches.
_SEPARATOR_RE = re.compile(
    r"[, \t](?<=[^\W\d_.][, \t])(?:(?<=,)[ \t]*(?:" + _CONJ + r")?|(?<=[ \t])[ \t]*" + _CONJ + r")(?=[^\W\d_])",
    re.IGNORECASE,
)
# salutations and closings that are also surnames ("Sehr geehrte Damen und Herren", "Cheers, Sarah")
_NOT_LISTED = frozenset(
    {"damen", "herren", "dames", "heren", "ladies", "gentlemen", "cheers", "thanks", "regards", "groet", "groetjes",
     "bedankt", "dank", "greetings", "love", "best", "mvg", "gr", "kind", "warm"}
)
_PREPOSITIONS = frozenset(
    {"of", "at", "from", "for", "with", "by", "in", "van", "bij", "voor", "uit", "met", "von", "bei", "für", "chez",
     "aus", "depuis"}
)

Item = tuple[int, int]  # first and last token index of one list item


def _items(view: TextView) -> list[list[Item]]:
    """Runs of items joined by commas and conjunctions on one line, per list: a capitalised item is a run
    of up to three capitalised words or initials ("Faina D. Yefremova"), a lower-case item one word. Found
    from the separators (one regex pass), so that text without lists costs next to nothing."""
    text, toks, starts = view.text, view.toks, view.tok_starts
    lists: list[list[Item]] = []
    for m in _SEPARATOR_RE.finditer(text):
        left = bisect_left(starts, m.start()) - 1
        right = bisect_left(starts, m.end())
        if left < 0 or right >= len(toks) or toks[left].end != m.start() or toks[right].start != m.end():
            continue
        if toks[left].kind not in ("word", "ini") or toks[right].kind not in ("word", "ini"):
            continue
        a, b = _item_back(text, toks, left), _item_forward(text, toks, right)
        if lists and lists[-1][-1][1] == left:
            lists[-1].append(b)  # the list goes on: its last item is this separator's left one
        else:
            lists.append([a, b])
    return lists


def _item_back(text: str, toks: Sequence[Token], k: int) -> Item:
    first = k
    if toks[k].text[0].isupper():
        while first > 0 and k - first + 1 < _MAX_ITEM_WORDS and _capital_pair(text, toks, first - 1):
            first -= 1
    return first, k


def _item_forward(text: str, toks: Sequence[Token], k: int) -> Item:
    last = k
    if toks[k].text[0].isupper():
        while last + 1 < len(toks) and last - k + 1 < _MAX_ITEM_WORDS and _capital_pair(text, toks, last):
            last += 1
    return k, last


def _capital_pair(text: str, toks: Sequence[Token], j: int) -> bool:
    """Tokens j and j + 1 are capitalised words or initials with only a space between them."""
    a, b = toks[j], toks[j + 1]
    return (
        a.kind in ("word", "ini") and b.kind in ("word", "ini") and a.text[0].isupper() and b.text[0].isupper()
        and a.lower not in _CONJUNCTIONS and b.lower not in _CONJUNCTIONS and same_line_gap(text, a, b)
    )


def _name_like(words: NameWords, toks: Sequence[Token], item: Item, lower: bool) -> bool:
    """Every word of the item may be a name part: capitalised (or lower case in a lower-case list), no
    function word, greeting or place, and no everyday word unless the lexicon knows it as a name. Not an
    item after a preposition ("of Importio": an employer) nor one in the possessive ("Civis Analytics's")."""
    lex = words.lex
    if (item[0] > 0 and toks[item[0] - 1].lower in _PREPOSITIONS) or toks[item[1]].lower.endswith(("'s", "’s")):
        return False
    if all(t.kind == "word" and t.lower in lex.interfixes for t in toks[item[0] : item[1] + 1]):
        return False
    for t in toks[item[0] : item[1] + 1]:
        if t.kind == "ini" and words.is_initial(t):
            continue
        if t.lower in lex.interfixes:
            continue
        low = t.lower
        if low in _NOT_LISTED or low in lex.function_words or low in GREETINGS or words.is_place(t) or len(t.text) < 2:
            return False
        if (t.text[0].islower() and not lower) or t.text.isupper():
            return False
        known = words.is_known_name(t.text)
        if lower and not words.known_first(t.text):  # a chat's list of people: given names
            return False
        if (lex.is_common(t.text) or t.lower in lex.vocabulary) and not known:
            return False
    return True


def _known(words: NameWords, toks: Sequence[Token], item: Item) -> bool:
    """An item the lexicon alone calls a name: known name words, none an everyday word."""
    parts = [t for t in toks[item[0] : item[1] + 1] if t.kind == "word" and t.lower not in words.lex.interfixes]
    known = words.known_first if parts and parts[0].text[0].islower() else words.is_known_name
    return bool(parts) and all(known(t.text) and not words.lex.is_common(t.text) for t in parts)


def find_list_names(view: TextView, words: NameWords, persons: Sequence[Candidate]) -> list[Candidate]:
    """New PERSON candidates for the items listed with a found person, or in a list of known names."""
    toks = view.toks
    found = sorted((c.start, c.end) for c in persons)  # resolved persons do not overlap
    found_starts = [s for s, _ in found]

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(found_starts, end) - 1  # the last found span starting before ``end``
        return k >= 0 and found[k][1] > start

    out: list[Candidate] = []
    for items in _items(view):
        seeded = [overlaps(toks[a].start, toks[b].end) for a, b in items]
        # an item followed by a number is a street ("Leon and Eyrarodda 66"), not a person
        numbered = [bool(_NUMBER_AFTER.match(view.text, toks[b].end)) for _, b in items]
        lower = all(toks[a].text[0].islower() for a, _ in items)
        if any(numbered) or not all(seeded[k] or _name_like(words, toks, it, lower) for k, it in enumerate(items)):
            continue
        if not any(seeded):
            known = sum(_known(words, toks, it) for it in items)
            if known < len(items) or known < (3 if lower else 2):
                continue
        for k, (a, b) in enumerate(items):
            if not seeded[k]:
                out.append(Candidate(toks[a].start, toks[b].end, SCORE_MEDIUM, {"list"}))
    return out


# the words that name a street, square or station after a name ("Baker Street", "Victoria Station")
_STREET_WORDS = frozenset(
    {"street", "st", "road", "rd", "lane", "avenue", "ave", "boulevard", "blvd", "square", "station", "terrace",
     "crescent", "gardens", "drive", "court", "place", "parkway", "highway", "bridge", "strasse", "straße", "allee",
     "platz", "gasse", "weg"}
)


def drop_street_names(view: TextView, persons: list[Candidate]) -> list[Candidate]:
    """Drop a person found by the lexicon or a list alone when a street word follows it or ends it: "Baker
    Street", "Victoria Station" name a place after a person (a context signal outweighs this)."""
    toks, starts = view.toks, view.tok_starts
    out = []
    for c in persons:
        if c.signals <= {"lexicon", "list"}:
            k = bisect_left(starts, c.end)
            last = toks[k - 1] if k else None
            nxt = toks[k] if k < len(toks) and toks[k].line == toks[max(k - 1, 0)].line else None
            if any(t is not None and t.kind == "word" and t.text[0].isupper() and t.lower in _STREET_WORDS
                   for t in (last, nxt)):
                continue
        out.append(c)
    return out
