"""Names written surname first, as forms, lists and address books write them (part of the ``lexicon`` signal).

"Jansen, Piet", "de Vries, Jan", "VAN DER LINDEN, BRAM", "Bakker, S.J.", "Vries, Jan de". The comma is
what tells them apart from two names in a row, so the two sides must each look the part: a known surname
that is no first name or place on the left (after a form label such as "Naam:" any name-shaped word), and
known first names or initials on the right, in the same case style.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, SCORE_STRONG, Candidates
from scrubber.recognizers.names.tokens import Token, same_line_gap
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords

# words that end a message and may stand before a comma and a name ("Groet, Piet")
_CLOSING_WORDS = GREETINGS | {
    "groet", "groeten", "groetjes", "gr", "mvg", "thanks", "thx", "cheers", "regards", "bedankt", "dank", "merci",
    "danke", "liefs", "doei", "best", "bye",
}
# prepositions that name where a closing is sent from ("LG aus Wien, Kathi")
_FROM_PLACE = frozenset({"aus", "uit", "from", "depuis"})
# (?<=[^\W\d_]), written comma first, so that ``re`` looks for commas rather than trying the look-behind at
# every position (tests/scrubber/test_scan_forms.py checks both forms agree)
_COMMA_AFTER_WORD = re.compile(r",(?<=[^\W\d_],)")
# what stands before the name on its line: nothing, or a form label ("Naam:", "Aanvrager:", "From:")
_LABEL_RE = re.compile(r"[>\s]*(?:[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3}[ \t]*:[ \t]*)?")


def find_inverted_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """ "Surname, Firstname" around every comma that sits right after a word."""
    text, toks, tok_starts = view.text, view.toks, view.tok_starts
    lex = words.lex
    n = len(toks)
    for m in _COMMA_AFTER_WORD.finditer(text):
        x = bisect_left(tok_starts, m.start())
        if x == 0 or x + 1 >= n or toks[x].start != m.start() or toks[x - 1].end != m.start():
            continue
        right, left = toks[x + 1], toks[x - 1].lower
        if not same_line_gap(text, toks[x], right):
            continue
        trail = None  # "Groot, Mark de": particles trailing the given name say the left side is a surname
        if (left in lex.function_words or left in lex.vocabulary) and not (
            x >= 2 and toks[x - 2].lower in lex.interfixes and left in lex.interfix_surnames
        ):
            # (the cheap tests first: most commas follow an everyday word; "de Groot," does not)
            trail = _trailing_particles(words, text, toks, x + 1)
            if trail is None and not _sole_on_line(words, view, toks, x):
                continue
        if trail is None and right.kind != "ini" and not (
            right.kind == "word" and (len(right.text) == 1 or words.known_first(right.text))
        ):
            continue
        first = _surname_start(words, text, toks, x - 1)
        if first is None:
            continue
        line_start = view.line_starts[toks[first].line]
        labelled = _LABEL_RE.fullmatch(text, line_start, toks[first].start)
        # mid-line, the word before must not be a name part ("Piet Jansen, Klaas" is two names)
        if (
            labelled is None
            and first > 0
            and same_line_gap(text, toks[first - 1], toks[first])
            and toks[first - 1].text[:1].isupper()
        ):
            continue
        relaxed = labelled is not None and labelled.group().rstrip().endswith(":")
        if trail is None:
            trail = _trailing_particles(words, text, toks, x + 1)
        # a line holding nothing but "Bakker, Tom" (a list, an address book): everyday words may be names there
        sole = trail is None and _sole_on_line(words, view, toks, x)
        last = trail if trail is not None else _given_names(words, text, toks, x + 1, relaxed or sole)
        if last is None:
            continue
        trailing = toks[last].kind == "word" and toks[last].lower in lex.interfixes  # "Vries, Jan de"
        if (trailing or sole) and toks[first].text[:1].isupper() and toks[x - 1].lower not in _CLOSING_WORDS:
            cands.add(first, last, SCORE_MEDIUM, "lexicon")
            continue
        if not _surname_ok(words, toks, first, x - 1, toks[x + 1], relaxed, trailing):
            continue
        cands.add(first, last, SCORE_STRONG if relaxed else SCORE_MEDIUM, "lexicon")


def _surname_start(words: NameWords, text: str, toks: list[Token], k: int) -> int | None:
    """The first token of the surname that ends at token k, tussenvoegsels included ("VAN DEN BERG")."""
    first = k
    interfixes = words.lex.interfixes
    while (
        first > 0
        and k - first < 3
        and toks[first - 1].kind == "word"
        and toks[first - 1].lower in interfixes
        and same_line_gap(text, toks[first - 1], toks[first])
    ):
        if _preposition(text, toks, first - 1, k):
            break
        first -= 1
    return first


def _preposition(text: str, toks: list[Token], j: int, k: int) -> bool:
    """Token j is a lower-case "van"/"de" in running text before a capitalised surname ("op naam van Öztürk,
    Ayşe"): Dutch spelling capitalises the tussenvoegsel of a bare surname ("Van Dijk, Jan"), so after a
    lower-case word on the same line it is a preposition or an article, not part of the name."""
    if not toks[j].text.islower() or not toks[k].text[:1].isupper() or toks[k].text.isupper() or j == 0:
        return False
    before = toks[j - 1]
    return before.kind == "word" and before.text.islower() and same_line_gap(text, before, toks[j])


def _surname_ok(
    words: NameWords, toks: list[Token], first: int, k: int, given: Token, relaxed: bool, given_trails_interfix: bool
) -> bool:
    """The surname side: its last word in the case style of the given name, and a surname."""
    sur = toks[k]
    lex = words.lex
    if first == k and (sur.lower in lex.function_words or sur.lower in lex.vocabulary):
        return False
    if first == k and words.is_place(sur) and not (relaxed or given_trails_interfix):
        return False  # "Tilburg, Nederland"; but "Vries, Jan de" after "From:"
    if first == k and first > 0 and toks[first - 1].lower in _FROM_PLACE:
        return False  # "LG aus Linz, Resi", "groetjes uit Gent, Bram": where the sender writes from, then the name
    caps = sur.text.isupper() and len(sur.text) > 1
    if given.kind == "word" and len(given.text) > 1 and (given.text.isupper() and len(given.text) > 1) != caps:
        return False
    if not sur.text[0].isupper() and not (relaxed or toks[first].lower in lex.interfixes):
        return False
    if relaxed:
        return words.is_name_word(sur, lowercase_ok=True, relaxed=True)
    if first < k:  # "de Vries", "Van der Linden"
        return words.known_surname(sur.text) or sur.lower in lex.interfix_surnames
    if sur.lower in _CLOSING_WORDS or not words.known_surname(sur.text) or words.known_first(sur.text):
        return False
    # an everyday word ("Visser", "Bakker") is a surname here when a given name that is none follows
    return not lex.is_common(sur.text) or (given.kind == "word" and not lex.is_common(given.text))


def _given_names(words: NameWords, text: str, toks: list[Token], j: int, relaxed: bool) -> int | None:
    """The last token of the given names (and initials, and a trailing tussenvoegsel) from token j, or None."""
    n = len(toks)
    last = None
    count = 0
    lex = words.lex
    while j < n and count < 3 and (count == 0 or same_line_gap(text, toks[j - 1], toks[j])):
        tok = toks[j]
        if tok.kind == "ini" or (words.is_initial_like(tok) and len(tok.text) == 1):
            pass
        elif tok.kind == "word" and words.known_first(tok.text) and tok.lower not in lex.function_words:
            if not relaxed and lex.is_common(tok.text):
                return None
        else:
            break
        last = j
        count += 1
        j += 1
    if last is None:
        return None
    nxt = toks[last + 1] if last + 1 < n and same_line_gap(text, toks[last], toks[last + 1]) else None
    if nxt is not None and nxt.kind == "word" and nxt.lower in lex.interfixes:
        after = toks[last + 2] if last + 2 < n and same_line_gap(text, nxt, toks[last + 2]) else None
        if after is None or after.kind != "word":
            return last + 1  # "Vries, Jan de"
    if nxt is not None and nxt.kind == "word" and nxt.text[0].isupper() and not relaxed:
        return None  # "Jansen, Piet Bakker en ...": a list of names, not one
    return last


def _trailing_particles(words: NameWords, text: str, toks: list[Token], j: int) -> int | None:
    """The last token of "Mark de", "Anton van der" from token j: one or two capitalised given names or initials,
    then one to three tussenvoegsels that end the name (nothing but punctuation after them on the line), else None.
    """
    n = len(toks)
    interfixes = words.lex.interfixes
    k = j
    while k < n and k - j < 2 and (k == j or same_line_gap(text, toks[k - 1], toks[k])) and (
        toks[k].kind == "ini"
        or (toks[k].kind == "word" and toks[k].text[0].isupper() and toks[k].lower not in interfixes)
    ):
        k += 1
    if k == j:
        return None
    p = k
    while p < n and p - k < 3 and same_line_gap(text, toks[p - 1], toks[p]) and toks[p].kind == "word" and (
        toks[p].lower in interfixes and toks[p].text.islower()
    ):
        p += 1
    if p == k:
        return None
    if p < n and same_line_gap(text, toks[p - 1], toks[p]) and toks[p].kind != "sym":
        return None  # "Tip, Mark de mail": a word goes on, the particle was an article
    return p - 1


def _sole_on_line(words: NameWords, view: TextView, toks: list[Token], x: int) -> bool:
    """Whether the comma at token x stands in a line holding only "Surname, Given" (a known surname that is no
    first name, then one or two known first names, or initials; a trailing "," or "." allowed)."""
    line = toks[x].line
    idxs = view.tok_by_line.get(line, [])
    if len(idxs) < 3 or len(idxs) > 5 or idxs[1] != x:
        return False
    sur = toks[idxs[0]]
    rest = [toks[k] for k in idxs[2:]]
    while rest and rest[-1].kind == "sym" and rest[-1].text in ",.;":
        rest.pop()
    if not rest or len(rest) > 2 or sur.kind != "word" or not sur.text[0].isupper():
        return False
    if not words.known_surname(sur.text) or words.known_first(sur.text) or sur.lower in _CLOSING_WORDS:
        return False
    return all(t.kind == "ini" or (t.kind == "word" and t.text[0].isupper() and words.known_first(t.text))
               for t in rest)
