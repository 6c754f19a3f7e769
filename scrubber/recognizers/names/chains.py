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
    words: NameWords, text: str, toks: Sequence[Token], i: int, lowercase_ok: bool, relaxed: bool = False
) -> tuple[int, int] | None:
    """The longest name-shaped run of tokens starting at i: parts, interfixes, '(Hans)', '"Peggy"'.

    Returns (first, last) token indexes of the run, or None when token i cannot start a name.
    """
    n = len(toks)
    titles = words.lex.titles
    while i < n and toks[i].lower.rstrip(".") in titles and toks[i].kind in ("word", "ini"):
        nxt = i + 1
        if nxt < n and toks[nxt].text == "." and toks[i].end == toks[nxt].start:
            nxt += 1
        if nxt >= n or not same_line_gap(text, toks[nxt - 1], toks[nxt]):
            return None
        i = nxt
        relaxed = True  # after "dr." or "mevrouw" even "An" is a name
    if i >= n or not words.is_name_word(toks[i], lowercase_ok, relaxed):
        return None
    interfixes = words.lex.interfixes
    first = last = i
    parts = 1
    j = i + 1
    while j < n and parts < 5:
        prev, tok = toks[j - 1], toks[j]
        if not same_line_gap(text, prev, tok):
            break
        if tok.kind == "word" and tok.lower in interfixes:
            # tussenvoegsels: "van der", "de", "el" need a name part after them.
            k = _after_interfixes(words, text, toks, j, lowercase_ok, relaxed)
            if k is None:
                break
            last = k
            j = k + 1
            parts += 1
            continue
        if tok.text in PAREN_OPEN and j + 2 < n and toks[j + 2].text in PAREN_CLOSE:
            if words.known_first(toks[j + 1].text):  # "Johannes (Hans) Dijkstra"
                last = j + 2
                j += 3
                continue
            break
        if words.is_name_word(tok, lowercase_ok, relaxed) and (
            relaxed or tok.kind == "ini" or not words.lex.is_common(tok.text) or words.known_surname(tok.text)
        ):
            if lowercase_ok and not relaxed and not tok.text[0].isupper() and toks[first].text[0].isupper():
                break
            last = j
            parts += 1
            j += 1
            continue
        break
    return first, last


def _after_interfixes(
    words: NameWords, text: str, toks: Sequence[Token], j: int, lowercase_ok: bool, relaxed: bool
) -> int | None:
    """The name part after the tussenvoegsels starting at token j (up to three of them), or None."""
    n = len(toks)
    interfixes = words.lex.interfixes
    k = j
    while k < n and toks[k].kind == "word" and toks[k].lower in interfixes and k - j < 3:
        k += 1
    if (
        k < n
        and same_line_gap(text, toks[k - 1], toks[k])
        and (words.is_name_word(toks[k], lowercase_ok, relaxed) or words.surname_after_interfix(toks[k]))
    ):
        return k
    return None


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
) -> None:
    """A name right at token i, found by context: lower-case allowed when the lexicon knows it."""
    if i >= len(toks) or (same_line_as is not None and toks[i].line != same_line_as):
        return
    span = chain(words, text, toks, i, lowercase_ok=True, relaxed=relaxed)
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
    if common and not ((head.text[0].isupper() or relaxed) and words.known_first(head.text)):
        return
    lower_unknown = head.kind == "word" and head.text[0].islower() and not words.known_first(head.text)
    if lower_unknown and not relaxed and not (len(parts) > 1 and words.known_surname(parts[-1].text)):
        return
    add(first, last, score, signal)
