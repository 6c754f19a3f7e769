"""Name chains: the longest name-shaped run of tokens from a start, and the test a context signal adds.

A chain is what a name looks like in text: titles ("dr.", "mevrouw"), name parts, tussenvoegsels ("van
der", "el") that need a part after them, a nickname in brackets ('Johannes (Hans) Dijkstra'), at most
five parts, all on one line with only spaces between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from scrubber.recognizers.names.candidates import SCORE_STRONG, Adder
from scrubber.recognizers.names.tokens import Token, same_line_gap
from scrubber.recognizers.names.words import PAREN_CLOSE, PAREN_OPEN, NameWords


def chain(
    words: NameWords,
    text: str,
    toks: Sequence[Token],
    i: int,
    lowercase_ok: bool,
    relaxed: bool = False,
    relaxed_head: bool = False,
) -> tuple[int, int] | None:
    """The longest name-shaped run of tokens starting at i: parts, interfixes, '(Hans)', '"Peggy"'.

    A run may also start with initials without dots ("J P de Groot", "JP de Groot", "M J KOOPMANS") or
    with a tussenvoegsel ("Van der Berg", "mevrouw de Vries"), when a surname follows. Returns (first,
    last) token indexes of the run, or None when token i cannot start a name. ``relaxed_head`` relaxes the
    test of the first word only ("mijn man Said belt": "Said" is a name there, "belt" is not).
    """
    n = len(toks)
    past = _past_titles(words, text, toks, i, lowercase_ok)
    if past is None:
        return None
    i, titled, loose = past
    relaxed = relaxed or titled  # after "dr." or "mevrouw" even "An" is a name
    if i >= n:
        return None
    interfixes = words.lex.interfixes
    tok = toks[i]
    if tok.kind == "word" and (tok.lower in interfixes or (len(tok.text) <= 3 and tok.text.isupper())):
        start = _start(words, text, toks, i, lowercase_ok, relaxed or relaxed_head, titled)
        if start is None:
            return None
    elif words.is_name_word(tok, lowercase_ok, relaxed or relaxed_head) or (loose and words.titled_word(tok)):
        start = i  # after a title any capitalised word is a name, an everyday one too ("Mr. Baker")
    else:
        return None
    first, last = i, start
    parts = 1
    j = start + 1
    head_caps = toks[last].text.isupper()
    while j < n and parts < 5:
        prev, tok = toks[j - 1], toks[j]
        if not same_line_gap(text, prev, tok):
            break
        if tok.kind == "word" and tok.lower in interfixes:
            # tussenvoegsels: "van der", "de", "el" need a name part after them.
            k = _after_interfixes(words, text, toks, j, lowercase_ok, relaxed)
            if k is None:
                break
            last, j, parts = k, k + 1, parts + 1
            continue
        if tok.text in PAREN_OPEN and j + 2 < n and toks[j + 2].text in PAREN_CLOSE:
            if words.known_first(toks[j + 1].text):  # "Johannes (Hans) Dijkstra"
                last, j = j + 2, j + 3
                continue
            break
        if _middle_initial(words, text, toks, j, lowercase_ok, relaxed):  # "Daniela C Capon": no dot after it
            last, j, parts = j + 1, j + 2, parts + 1
            continue
        if tok.kind == "word" and not head_caps and tok.text.isupper() and len(tok.text) <= 3:
            break  # "Yoast SEO", "Sanne IT": an acronym after a name, not a part of it
        if (
            (words.is_name_word(tok, lowercase_ok, relaxed) or _place_surname(words, tok))
            and (relaxed or tok.kind == "ini" or not words.lex.is_common(tok.text) or words.known_surname(tok.text))
        ) or (loose and words.titled_word(tok) and not words.lex.is_common(tok.text)):
            if not tok.text[0].isupper() and toks[start].text[0].isupper() and (
                (lowercase_ok and not relaxed) or titled
            ):
                break  # "Mevrouw Ramautar belt": a capitalised name ends before a lower-case word
            last = j
            parts += 1
            j += 1
            if tok.lower.endswith(("'s", "’s")):
                break  # "Yuri Bulgakov's Cautionary Tales": the possessive ends the name
            continue
        break
    return first, last


def _past_titles(
    words: NameWords, text: str, toks: Sequence[Token], i: int, lowercase_ok: bool
) -> tuple[int, bool, bool] | None:
    """The token after the titles starting at i, whether there were any, and whether the last one is in its
    usual case ("Mr. Baker", "mevrouw Groen": any capitalised word after it is a name; not after "ING" or
    "IR" in capitals, more often a bank or an acronym than a title); None when a title takes no name."""
    n = len(toks)
    titles = words.titles
    titled = loose = False
    while i < n and toks[i].lower.rstrip(".") in titles and toks[i].kind in ("word", "ini"):
        loose = not (toks[i].text.isupper() and len(toks[i].text) > 1)
        nxt = i + 1
        if nxt < n and toks[nxt].text == "." and toks[i].end == toks[nxt].start:
            nxt += 1
        if nxt >= n or not same_line_gap(text, toks[nxt - 1], toks[nxt]):
            return None
        if (
            not lowercase_ok and toks[nxt].text[0].islower() and toks[nxt].lower not in words.lex.interfixes
            and not (toks[i].text.islower() and words.is_known_name(toks[nxt].text)
                     and toks[nxt].lower not in words.lex.function_words)
        ):
            return None  # "MX record", "dr. who?": a title takes a capitalised name ("mr. elliott": a known one)
        i = nxt
        titled = True
    return i, titled, loose


def _middle_initial(
    words: NameWords, text: str, toks: Sequence[Token], j: int, lowercase_ok: bool, relaxed: bool
) -> bool:
    """Whether token j is one capital letter between name parts, and a capitalised surname follows it."""
    tok = toks[j]
    if not (tok.kind == "word" and len(tok.text) == 1 and tok.text.isupper()) or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return (
        same_line_gap(text, tok, nxt) and nxt.kind == "word" and nxt.text[0].isupper() and not nxt.text.isupper()
        and words.is_name_word(nxt, lowercase_ok, relaxed)
        and (not words.lex.is_common(nxt.text) or words.known_surname(nxt.text))
    )


def _place_surname(words: NameWords, tok: Token) -> bool:
    """A place name after a name part is a surname ("Monique Brands-van Oss", "Jan Tilburg")."""
    return tok.kind == "word" and tok.text[0].isupper() and not tok.text.isupper() and words.is_place(tok)


def _start(
    words: NameWords, text: str, toks: Sequence[Token], i: int, lowercase_ok: bool, relaxed: bool, titled: bool
) -> int | None:
    """The last token of the first name part of a chain at token i (past leading initials or tussenvoegsels)."""
    tok = toks[i]
    if tok.kind == "word" and tok.lower in words.lex.interfixes:
        # "Van der Berg" (a capitalised tussenvoegsel starts a bare surname), "mevrouw de Vries", "groet, van dijk"
        k = _after_interfixes(words, text, toks, i, lowercase_ok, relaxed)
        if k is None:
            return None
        if not (titled or lowercase_ok or relaxed) and not words.bare_surname(tok, toks[k]):
            return None
        return k
    if tok.kind == "word" and len(tok.text) <= 3 and tok.text.isupper() and words.is_initial_like(tok):
        # initials without dots: up to three, then a surname (after tussenvoegsels) in the same case style;
        # not the letters of a postcode ("5041 LR Tilburg")
        before = text[max(0, tok.start - 2) : tok.start]
        if "\n" not in before and before.strip()[-1:].isdigit():
            return None
        k = i
        while k + 1 < len(toks) and k - i < 3 and words.is_initial_like(toks[k + 1]) and same_line_gap(
            text, toks[k], toks[k + 1]
        ):
            k += 1
        nxt = k + 1
        if nxt >= len(toks) or not same_line_gap(text, toks[k], toks[nxt]):
            return None if not words.is_name_word(tok, lowercase_ok, relaxed) else i
        if toks[nxt].kind == "word" and toks[nxt].lower in words.lex.interfixes:
            after = _after_interfixes(words, text, toks, nxt, lowercase_ok, relaxed)
            return after if after is not None and toks[after].text[0].isupper() else None
        surname = toks[nxt]
        if (
            surname.kind == "word"
            and surname.text[0].isupper()
            and words.known_surname(surname.text)
            and (relaxed or not words.lex.is_common(surname.text))
            and not words.is_place(surname)
        ):
            return nxt
        return i if words.is_name_word(tok, lowercase_ok, relaxed) else None
    if not words.is_name_word(tok, lowercase_ok, relaxed):
        return None
    return i


_APOSTROPHES = frozenset({"'", "’"})


def _after_interfixes(
    words: NameWords, text: str, toks: Sequence[Token], j: int, lowercase_ok: bool, relaxed: bool
) -> int | None:
    """The name part after the tussenvoegsels starting at token j (up to three of them), or None."""
    n = len(toks)
    interfixes = words.lex.interfixes
    k = j
    while k < n and k - j < 4:
        tok = toks[k]
        if tok.kind == "word" and tok.lower in interfixes:
            k += 1
        elif tok.text in _APOSTROPHES and k + 1 < n and toks[k + 1].lower == "t" and toks[k + 1].start == tok.end:
            k += 2  # "van 't Hek", "In 't Veld": the tokens "'" and "t"
        else:
            break
    if k > j and (
        k < n
        and same_line_gap(text, toks[k - 1], toks[k])
        and (words.is_name_word(toks[k], lowercase_ok, relaxed) or words.surname_after_interfix(toks[k]))
    ):
        return k
    return None


# what people put between a cue and the name after it: quotes, brackets, markup, a dash or "=", an emoji
# ('mijn naam is "Ilse Peeters"', "groetjes (roos)", "groet 🌸 roos", "naam=jan")
_OPENERS = frozenset({'"', "“", "„", "‘", "'", "(", "[", "<", "*", "_", "-", "–", "—", "=", "«", "‹"})


def past_openers(text: str, toks: Sequence[Token], i: int) -> int:
    """Token i, or the first token after at most two openers or emoji that start at it on its line."""
    k = i
    while k < len(toks) and k - i < 2 and toks[k].kind == "sym" and (
        toks[k].text in _OPENERS or (ord(toks[k].text[0]) >= 0x2190 and not toks[k].text.isalnum())
    ):
        if k + 1 >= len(toks) or toks[k + 1].line != toks[k].line:
            return i
        k += 1
    return k if k < len(toks) and toks[k].kind in ("word", "ini") else i


def context_chain(
    words: NameWords,
    text: str,
    toks: Sequence[Token],
    i: int,
    add: Adder,
    signal: str,
    same_line_as: int | None = None,
    score: float = SCORE_STRONG,
    relaxed: bool = False,
    relaxed_head: bool = False,
) -> None:
    """A name right at token i, found by context: lower-case allowed when the lexicon knows it."""
    i = past_openers(text, toks, i)
    if i >= len(toks) or (same_line_as is not None and toks[i].line != same_line_as):
        return
    span = chain(words, text, toks, i, lowercase_ok=True, relaxed=relaxed, relaxed_head=relaxed_head)
    if span is None:
        return
    first, last = span
    parts = words.parts(toks, first, last)
    if not parts:
        return
    # "Hi all", "Dear Sir", "Hello team": everyday words are not names even here, unless the
    # lexicon knows them as first names and they are capitalised ("Hi Mark").
    head = parts[0]
    common = head.kind == "word" and words.lex.is_common(head.text)
    if common and not ((head.text[0].isupper() or relaxed or relaxed_head) and words.known_first(head.text)):
        return
    lower_unknown = head.kind == "word" and head.text[0].islower() and not words.known_first(head.text)
    if lower_unknown and not (relaxed or relaxed_head) and not (len(parts) > 1 and words.known_surname(parts[-1].text)):
        return
    add(first, last, score, signal)
