"""The greeting signal: its introduction patterns' speed-ups change no match (its names: test_finder.py)."""

from __future__ import annotations

import random
import re

import pytest

from scrubber.recognizers.names import greetings
from tests.scrubber.checks import check_stems_in_every_match


@pytest.mark.parametrize(
    ("pattern", "stems"), [(greetings._INTRO_STRONG_RE, greetings._INTRO_STRONG_STEMS)],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize(
    ("pattern", "letters"), [(greetings._INTRO_WEAK_RE, "itdnomc"), (greetings._RELATIVE_RE, "mohzjy")]
)
def test_first_class_holds_every_case_form_of_its_letters(pattern: re.Pattern[str], letters: str) -> None:
    folded = re.compile(f"(?i)[{letters}]")
    first = re.compile(pattern.pattern[: pattern.pattern.index("]") + 1])
    everything = [chr(c) for c in range(0x110000)]
    assert [c for c in everything if first.match(c)] == [c for c in everything if folded.match(c)]


def test_intro_first_letter_look_aheads_change_no_match() -> None:
    rng = random.Random(12)
    look_ahead = re.compile(r"\(\?=\[[a-z]+\]\)")
    plain_weak = re.compile(
        r"(?<![^\s,.:;!(])(?:ik ben|i am|i'm|it['’]?s|this is|dit is|namens|on behalf of|"
        r"collega|colleague|met)[ \t]+",
        re.IGNORECASE,
    )
    plain_relative = re.compile(
        r"(?<![^\s,.:;!(])(?:mijn|m['’]n|mn|my|onze|ons|our|haar|zijn|his|her|je|jouw|your|meine?|mon|ma)[ \t]+"
        r"(?:[^\W\d_]+[ \t]+)?(?:" + greetings._RELATIVES + r")[ \t]*,?[ \t]+",
        re.IGNORECASE,
    )
    pairs = (
        (greetings._INTRO_STRONG_RE, re.compile(look_ahead.sub("", greetings._INTRO_STRONG_RE.pattern, count=1), re.I)),
        (greetings._INTRO_WEAK_RE, plain_weak),
        (greetings._RELATIVE_RE, plain_relative),
    )
    for pattern, plain in pairs:
        assert plain.pattern != pattern.pattern
        pieces = sorted(set(re.findall(r"[A-Za-z][A-Za-z' .:-]+", plain.pattern)))
        for _ in range(5000):
            text = "".join(
                rng.choice([" ", ",", "(", "x", "\n", ".", ""])
                + "".join(c.upper() if rng.random() < 0.4 else c for c in rng.choice(pieces))
                .replace("i", rng.choice("iIİı"), 1)
                .replace("k", rng.choice(["k", "\u212a"]), 1)
                .replace("s", rng.choice("sſ"), 1)
                for _ in range(3)
            )
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_the_relative_words_gate_holds_every_relative() -> None:
    """``find_lower_cue_names`` runs ``_RELATIVE_RE`` only when one of ``_RELATIVE_WORDS`` is a word of the text: each
    alternative of ``_RELATIVES``, its character classes and groups expanded, must be in it (issue 19 speed-up)."""
    import itertools
    import re

    from scrubber.recognizers.names.greetings import _RELATIVE_RE, _RELATIVE_WORDS, _RELATIVES

    def expand(alternative: str) -> set[str]:
        parts = re.findall(r"\[[^]]*\]|\(\?:[^)]*\)|.\?|.", alternative)
        options = [list(p[1:-1]) if p.startswith("[") else p[3:-1].split("|") if p.startswith("(?:")
                   else [p[0], ""] if len(p) == 2 and p[1] == "?" else [p] for p in parts]
        return {"".join(c) for c in itertools.product(*options)}

    alternatives = re.split(r"\|(?![^(]*\))", _RELATIVES)
    words = set().union(*(expand(a) for a in alternatives))
    assert words <= _RELATIVE_WORDS
    assert all(_RELATIVE_RE.match(f"my {w} jan") for w in words)
