"""The ``header`` signal: display names in quoted and forwarded mail headers.

"From: A B <a@b>", "Op ... schreef A B <...>:", "A B <a@b> wrote:": RFC 5322 section 3.6.2 originator
fields and the attribution lines mail clients write above a quote; the display name before an
``<address>``.
"""

from __future__ import annotations

import re

from scrubber.recognizers.base import may_contain
from scrubber.recognizers.names.candidates import SCORE_MEDIUM, Candidates
from scrubber.recognizers.names.chains import context_chain
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords

_HEADER_FIELD_RE = re.compile(r"^[>\s]*(?:from|van|to|aan|cc|sender|reply-to|afzender)\s*:\s*", re.IGNORECASE)
_ATTRIBUTION_RE = re.compile(r"\b(?:schreef|wrote|écrit|schrieb)\b\s*:?", re.IGNORECASE)
_ATTRIBUTION_STEMS = ("schreef", "wrote", "crit", "schrieb")  # one is in every match (see ``may_contain``)
_BEFORE_NAME = ("schreef", "wrote", "from", "van", "aan", "to", "cc")


def find_header_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """Display names in header fields and attribution lines."""
    text, toks = view.text, view.toks
    attribution_possible = may_contain(view.lowered, _ATTRIBUTION_STEMS)
    for k, line in enumerate(view.lines):
        # (every header field has a ":"; testing for it first spares most lines the pattern)
        hf = _HEADER_FIELD_RE.match(line) if ":" in line else None
        if "@" not in line and not hf and not (attribution_possible and _ATTRIBUTION_RE.search(line)):
            continue
        idxs = view.tok_by_line.get(k, []) if len(line) < 400 else []
        if not idxs:
            continue
        if hf:
            base = view.line_starts[k]
            start_tok = next((x for x in idxs if toks[x].start >= base + hf.end()), None)
            if start_tok is not None:
                context_chain(words, text, toks, start_tok, cands.add, "header", same_line_as=k)
        # the display name right before "<address>" and right after "schreef"/"," in attributions
        for x in idxs:
            t = toks[x]
            if t.text == "<":
                _name_before_address(view, words, cands, idxs, x, k)
            elif t.lower in ("schreef", "wrote") and x > idxs[0]:
                _name_before_wrote(view, words, cands, idxs, x, k)


def _name_before_address(
    view: TextView, words: NameWords, cands: Candidates, idxs: list[int], x: int, k: int
) -> None:
    """The display name before the "<" at token x: up to six words, past quotes, attribution words and dates."""
    toks = view.toks
    j = x - 1
    while j >= idxs[0] and toks[j].text in ('"', "'"):
        j -= 1
    first = j
    while first - 1 >= idxs[0] and toks[first - 1].kind in ("word", "ini") and j - first < 5:
        first -= 1
    # skip attribution words before the name ("schreef", "wrote") and dates
    while first <= j and (
        toks[first].lower in _BEFORE_NAME
        or (toks[first].lower in words.lex.function_words and toks[first].lower not in words.lex.interfixes)
    ):
        first += 1
    if first <= j:
        context_chain(words, view.text, toks, first, cands.add, "header", same_line_as=k)


def _name_before_wrote(view: TextView, words: NameWords, cands: Candidates, idxs: list[int], x: int, k: int) -> None:
    """ "Lotte van Dijk schreef:" without an address: the capitalised words before "schreef"/"wrote"."""
    toks = view.toks
    j = x - 1
    first = j
    while first - 1 >= idxs[0] and toks[first - 1].kind in ("word", "ini") and j - first < 4:
        first -= 1
    while first <= j and not (toks[first].text[:1].isupper() or toks[first].kind == "ini"):
        first += 1
    if first <= j and toks[j].kind == "word":
        context_chain(words, view.text, toks, first, cands.add, "header", same_line_as=k, score=SCORE_MEDIUM)
