"""``prefilter.guarded`` changes the speed of a search, never what it finds (issue 19)."""

from __future__ import annotations

import random
import re

from privacy.recognition import lexicon, message, recognizer
from privacy.recognition import prefilter as pf
from privacy.recognition.lexicon import rx
from tests.privacy.test_recognition_prefilter import _messages

# characters the regex engine's IGNORECASE equates with ASCII letters (Kelvin sign, long s, dotted and dotless i)
_ODD = ("\u212a", "\u017f", "\u0130", "\u0131", "é", "É", "ß")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _fuzz(pattern: re.Pattern[str], n: int, seed: int) -> list[str]:
    """Texts of the pattern's own first literals in odd cases, glued to words, spaces and the characters above."""
    rng = random.Random(seed)
    prefixes = sorted(pf.raw_prefixes(pattern) or ())
    pieces = [*prefixes, *(p.upper() for p in prefixes), *(p.title() for p in prefixes), *_ODD, " ", "x", "-", "\n",
              "mail", "this", "message", "stop", "hier", "here", "de", "is", "confidential", "e-mail"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def test_the_guarded_searches_find_what_the_plain_patterns_find() -> None:
    plain_disclaimer = re.compile(message._DISCLAIMER.pattern.split("(?:", 1)[1][:-1], re.IGNORECASE)
    assert message._DISCLAIMER is not plain_disclaimer
    lines = [line for text in _messages() for line in text.splitlines()]
    found = 0
    for text in [*lines, *_fuzz(plain_disclaimer, 3000, 19)]:
        spans = _spans(plain_disclaimer, text)
        assert _spans(message._DISCLAIMER, text) == spans, text
        found += bool(spans)
    assert found > 20


def test_the_cues_asked_of_every_message_answer_as_the_plain_patterns() -> None:
    # the bulk footer, the privacy topic and the writer's own breach are cues of the message folded once (issue 19)
    texts = _messages()
    for cue, plain, seed in ((recognizer._BULK_FOOTER, lexicon.BULK_FOOTER, 19),
                             (recognizer._PRIVACY_TOPIC, lexicon.PRIVACY_TOPIC, 20),
                             (recognizer._OWN_BREACH, lexicon.OWN_BREACH, 21)):
        found = 0
        for text in [*texts, *_fuzz(plain, 3000, seed)]:
            expected = bool(plain.search(text))
            assert cue.found_in(pf.Folded(text)) == expected, text
            found += expected
        assert found > 20


def test_guarded_keeps_every_lexicon_pattern_s_matches() -> None:
    patterns = [p for p in vars(lexicon).values() if isinstance(p, re.Pattern)]
    assert len(patterns) > 20
    for i, pattern in enumerate(patterns):
        fast = pf.guarded(pattern)
        assert fast.groups == pattern.groups
        for text in _fuzz(pattern, 300, i):
            assert _spans(fast, text) == _spans(pattern, text), (pattern.pattern[:60], text)


def test_guarded_leaves_a_pattern_whose_first_characters_are_unknown() -> None:
    pattern = rx(r"\bstop\b", r"\w+\b")
    assert pf.guarded(pattern) is pattern
    assert pf.guarded(rx(r"\bstop", r"\bhalt")).pattern.startswith(r"\b(?=(?i:[hs]))")
    # \b is tested first only when every match opens with it
    assert not pf.guarded(rx(r"\bstop", r"halt")).pattern.startswith(r"\b")
    assert not pf.guarded(re.compile(r"(?:\bstop|halt)")).pattern.startswith(r"\b")
    assert not pf.guarded(re.compile(r"(?a:\bstop)")).pattern.startswith(r"\b")
