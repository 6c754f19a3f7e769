"""The ``lexicon`` signal: name-shaped chains in running text whose parts the lexicon knows.

Every capitalised word, title or initial may start a chain; how name-like the chain is follows from the
lexicon alone (``lexicon_score``): a known first name that is no everyday word is enough, an everyday
first name ("Mark", "Will") needs a known surname after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, SCORE_STRONG, SCORE_WEAK, Candidates
from scrubber.recognizers.names.chains import chain
from scrubber.recognizers.names.organizations import is_sector_word
from scrubber.recognizers.names.tokens import Token
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords
from scrubber.recognizers.tech_words import TECH_WORDS

_DIGIT_AFTER_RE = re.compile(r"[ ,./-]{0,2}\d")
_DIGIT_BEFORE_RE = re.compile(r"\d[ ,./-]{0,2}$")


def find_lexicon_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """Every chain start in running text, scored by the lexicon; a found name's tokens start no other."""
    text, toks, add = view.text, view.toks, cands.add
    titles = words.titles
    place_heads = words.place_heads
    # Only these tokens can start a chain: a symbol cannot, nor a lower-case word that is no title
    # (without lower-case names ``chain``/``is_name_word`` reject it, and it cannot be a
    # capitalised first name for ``first_before_surname``); the others are skipped unseen.
    starts = [
        idx
        for idx, t in enumerate(toks)
        # (a word token holds no ".", so its lower-case form is its title form)
        if t.kind == "ini" or (t.kind == "word" and (t.text[0].isupper() or t.lower in titles))
    ]
    resume = 0  # the first token index not yet taken by a found name
    for i in starts:
        if i < resume:
            continue
        if toks[i].lower in place_heads:
            place_end = words.place_phrase_at(text, toks, i)
            if place_end >= 0:  # "Sri Lanka", "Costa Rica"
                resume = place_end + 1
                continue
        t = toks[i]
        titled = t.lower.rstrip(".") in titles
        span = chain(words, text, toks, i, lowercase_ok=False)
        if span is None:
            # "Elke Hendriks", "Will Smith": a first name that is an everyday word, before a surname
            tail = None
            if words.first_before_surname(text, toks, i):
                tail = chain(words, text, toks, i + 1, lowercase_ok=False)
            if tail is not None:
                add(i, tail[1], SCORE_MEDIUM, "lexicon")
                resume = tail[1] + 1
            continue
        first, last = span
        score = lexicon_score(words, toks, first, last, titled)
        if score and first == last and _next_to_number(text, toks[first]):
            score = 0.0  # "14 Mar 2025", "Jun 3": a month, not a name
        if score and first > 0 and toks[first - 1].lower in _LOCATIVES and (
            (first == last and _is_place_name(words, toks[first]))
            or (toks[first].lower in words.lex.interfixes and toks[first - 1].lower in _DUTCH_LOCATIVES)
        ):
            resume = last + 1  # "née à Lyon", "verhuisd naar Breda", "in De Pijp": a place, whole
            continue
        if score:
            add(first, last, score, "lexicon")
            resume = last + 1


def lexicon_score(words: NameWords, toks: Sequence[Token], first: int, last: int, titled: bool) -> float:
    """How name-like a chain is from the lexicon alone (0 when not enough)."""
    parts = words.parts(toks, first, last)
    if not parts:
        return 0.0
    head = parts[0]
    interfixes = words.lex.interfixes
    has_interfix = any(t.lower in interfixes for t in toks[first : last + 1])
    if titled:
        return SCORE_STRONG
    if toks[first].kind == "word" and toks[first].lower in interfixes:
        # "Van der Berg", "De Jong": ``chain`` let a capitalised tussenvoegsel start only before its surname
        return SCORE_MEDIUM
    if head.kind == "ini" or words.is_initial_like(head):
        # "M.J. Verstappen", "j. de vries": initials then a surname.
        tail = parts[1:]
        if tail and (tail[-1].text[0].isupper() or has_interfix) and tail[-1].kind == "word":
            return SCORE_STRONG
        return 0.0
    if not head.text[0].isupper():
        return 0.0
    first_known = words.known_first(head.text)
    common = words.lex.is_common(head.text)
    if len(parts) >= 2:
        rest_known = any(words.known_surname(t.text) or words.known_first(t.text) for t in parts[1:])
        if first_known and not common:
            return SCORE_STRONG
        if first_known and (rest_known or has_interfix):
            return SCORE_MEDIUM
        if rest_known and not common and not words.lex.is_common(parts[-1].text):
            return SCORE_WEAK
        if (
            not first_known and not rest_known and _unknown_full_name(words, parts) and not _capital_after(toks, last)
            and not (first > 0 and toks[first - 1].lower in _EMPLOYER_PREPOSITIONS)
        ):
            return SCORE_WEAK  # "Satsita Umkhayev", "Mercédesz Szôllôssy": a name of an origin no list has
        return 0.0
    if first_known and not common and not head.text.isupper():  # a lone word in capitals is no name
        return SCORE_WEAK + 0.05
    return 0.0


# "X of Civis Analytics", "works at Verdafero Labs": after these an unknown pair is an employer, not a name
_EMPLOYER_PREPOSITIONS = frozenset({"of", "at", "for", "bij", "voor", "chez", "bei"})


def _capital_after(toks: Sequence[Token], last: int) -> bool:
    """A capitalised word right after token ``last`` on its line: the chain is part of a longer capitalised
    phrase ("Compendia Bioscience Life Technologies"), a company's or a title's, not a name alone."""
    if last + 1 >= len(toks):
        return False
    a, b = toks[last], toks[last + 1]
    return b.kind == "word" and b.line == a.line and b.start == a.end + 1 and b.text[0].isupper()


def _unknown_full_name(words: NameWords, parts: Sequence[Token]) -> bool:
    """Two or three capitalised words that no word list knows at all (no name, word, place or trade word):
    the shape of a full name from a naming tradition the lexicon lacks. Products and companies are mostly
    made of words ("Google Workspace", "LiteSpeed Cache") or end in a legal form, found before this."""
    if not 2 <= len(parts) <= 3:
        return False
    lex = words.lex
    for k, t in enumerate(parts):
        text = t.text
        if k < len(parts) - 1 and text.endswith(("'s", "’s")):
            return False  # "Consumer Reports's Impi Nummelin": a possessive ends a phrase
        if t.kind != "word" or len(text) < 3 or text.isupper() or not text[0].isupper():
            return False
        if any(c.isupper() for c in text[1:].replace("-", "")) and "-" not in text:
            return False  # "LiteSpeed", "DirectAdmin": a product's inner capital
        low = t.lower
        if low in lex.vocabulary or low in lex.function_words or words.is_place(t) or is_sector_word(low):
            return False
        if low in TECH_WORDS:
            return False  # "Plesk Obsidian": a product and its edition
    return True


# prepositions of place before a town ("in", "naar", "à", "nach")
_LOCATIVES = frozenset(
    {"in", "naar", "uit", "te", "from", "to", "at", "near", "à", "a", "nach", "aus", "bei", "vanuit"}
)


# before a place that starts with an article ("in De Pijp", "naar Den Haag"); not "from" ("from De Vries")
_DUTCH_LOCATIVES = frozenset({"in", "naar", "uit", "te", "vanuit"})


def _is_place_name(words: NameWords, tok: Token) -> bool:
    """A place name (also when it is a personal name too: "Florence")."""
    return tok.lower in words.lex.place_words or tok.lower in words.lex.places


def _next_to_number(text: str, tok: Token) -> bool:
    return bool(_DIGIT_AFTER_RE.match(text, tok.end) or _DIGIT_BEFORE_RE.search(text, max(0, tok.start - 4), tok.start))
