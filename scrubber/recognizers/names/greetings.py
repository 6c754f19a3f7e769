"""The ``greeting`` signal: the words right after a greeting or an introduction.

"Hoi Sanne", "Dear Mr O'Neill", "hoi, met sanne", "Good morning Tom"; and after phrases that announce a
name: strong ones ("mijn naam is", "Naam:", "t.n.v.") take any non-everyday word, weak ones ("ik ben",
"met", "collega") need a name-shaped word after them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scrubber.recognizers.base import lowered_for_stems, may_contain
from scrubber.recognizers.names.candidates import Candidates
from scrubber.recognizers.names.chains import context_chain
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import GREETINGS, NameWords

_GREETING_PAIRS = frozenset({("good", "morning"), ("good", "afternoon"), ("good", "evening")})
_GREETING_PAIR_FIRST = frozenset(first for first, _ in _GREETING_PAIRS)
_GREETING_STARTS = GREETINGS | _GREETING_PAIR_FIRST
# Phrases after which a name follows. Strong ones ("mijn naam is", "Naam:") announce a name and take
# any non-everyday word; weak ones ("ik ben", "met", "collega") need a name-shaped word after them.
# The look-aheads after the look-behinds below list the first letters of the alternatives (a speed-up
# only: under IGNORECASE a class and a literal accept the same characters).
_INTRO_STRONG_RE = re.compile(
    r"(?<![^\s,.:;!(])(?=[mniujtacfvohg])"
    r"(?:(?:mijn |my )?na(?:am|me) is|ik heet|my name's|u spreekt met|je spreekt met|"
    r"t\.a\.v\.?|ter attentie van|attn:?|contactpersoon:?|contact person:?|naam:|name:|full name:|"
    r"volledige naam:|afzender:|name on the account:|account holder:|tenaamstelling:|t\.?n\.?v\.?|ten name van|"
    r"op naam van|naam op (?:de )?(?:factuur|rekening|pas|kaart):|heet|genaamd)[ \t]*",
    re.IGNORECASE,
)
# one of these is in every _INTRO_STRONG_RE match ("t.n.v." in its four spellings; see ``may_contain``)
_INTRO_STRONG_STEMS = (
    "naam", "name", "heet", "spreekt", "t.a.v", "attentie", "attn", "contact", "afzender", "holder", "tenaamstelling",
    "tnv", "t.nv", "tn.v", "t.n.v", "genaamd",
)
_RELATIVES = (
    r"collega|colleague|vrouw|man|wife|husband|partner|zoon|dochter|son|daughter|broer|zus|brother|sister|vader"
    r"|moeder|father|mother|buurman|buurvrouw|neighbour|medewerker|employee"
)
# (?<![^\s,.:;!(])(?:ik ben|i am|i'm|this is|dit is|namens|on behalf of|(?:mijn|my|onze|our) (?:relative)
# |collega|colleague|met)[ \t]+ case-insensitively, written to start with a plain character class: the
# first letter in every case form that re.IGNORECASE equates with it (İ and ı with i), then the look-behind
# for the character before it, then each alternative without its first letter behind a look-behind for
# that letter, in the original order. ``re`` then skips ahead to those letters instead of trying the
# pattern at every position; tests/scrubber/recognizers/names/test_greetings.py checks both forms find the
# same matches.
_INTRO_WEAK_RE = re.compile(
    r"[itdnomcITDNOMC\u0130\u0131](?<![^\s,.:;!(][itdnomcITDNOMC\u0130\u0131])"
    r"(?i:(?<=i)k ben|(?<=i) am|(?<=i)'m|(?<=t)his is|(?<=d)it is|(?<=n)amens|(?<=o)n behalf of"
    r"|(?:(?<=m)ijn|(?<=m)y|(?<=o)nze|(?<=o)ur) (?:" + _RELATIVES + r")"
    r"|(?<=c)ollega|(?<=c)olleague|(?<=m)et)[ \t]+"
)


def find_greeting_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """A name after a greeting at the start of a line or after ">", "," or "!" ("Hoi Sanne", "Hi, this is Tom")."""
    text, toks = view.text, view.toks
    n = len(toks)
    first_on_line = {line: idxs[0] for line, idxs in view.tok_by_line.items()}
    # only a greeting or the start of a two-word one matters
    for i in [idx for idx, t in enumerate(toks) if t.lower in _GREETING_STARTS and t.kind == "word"]:
        t = toks[i]
        nxt = i + 1
        is_greet = (t.lower in GREETINGS and i == first_on_line.get(t.line, -1)) or (
            t.lower in GREETINGS and i > 0 and toks[i - 1].text in {">", ",", "!"}
        )
        if i + 1 < n and (t.lower, toks[i + 1].lower) in _GREETING_PAIRS and i == first_on_line.get(t.line, -1):
            is_greet, nxt = True, i + 2
        if is_greet:
            # "hoi, met sanne" / "Hi, this is Tom": greeting, comma, intro
            while nxt < n and toks[nxt].text in {",", "!"} and toks[nxt].line == t.line:
                nxt += 1
            context_chain(words, text, toks, nxt, cands.add, "greeting", same_line_as=t.line)


def find_intro_names(view: TextView, words: NameWords, cands: Candidates) -> None:
    """Names right after "mijn naam is", "my name is", "Naam:", "t.n.v.", "hoi, met", "collega"."""
    text, toks, starts = view.text, view.toks, view.tok_starts
    strong_possible = may_contain(lowered_for_stems(text), _INTRO_STRONG_STEMS)
    for pattern, relaxed in ((_INTRO_STRONG_RE, True), (_INTRO_WEAK_RE, False)):
        if pattern is _INTRO_STRONG_RE and not strong_possible:
            continue  # no match possible (speed-up only)
        for m in pattern.finditer(text):
            k = bisect_left(starts, m.end())
            if k < len(toks) and toks[k].start == m.end() and toks[k].kind in ("word", "ini"):
                context_chain(words, text, toks, k, cands.add, "greeting", same_line_as=toks[k].line, relaxed=relaxed)
