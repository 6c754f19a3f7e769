"""``prefilter.Cue`` (issue 19): a big alternation asked whether it occurs answers exactly as its full search.

The equality is checked for every pattern of the lexicon on every hand-written training message and on each
of its sentences; the character folding the literal gates rest on against the regex engine for every code
point. (Whole answers of ``recognize`` before and after: ``bench/privacy_recognition_identity.py``.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from privacy.recognition import answered, idioms, lexicon, model_cues, recognizer
from privacy.recognition import prefilter as pf
from privacy.recognition.lexicon import rx
from privacy.recognition.message import split_sentences
from privacy.recognition.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = {name: p for module in (lexicon, answered, model_cues, idioms) for name, p in vars(module).items()
            if isinstance(p, re.Pattern)} | {f"RIGHT_NAMES.{k}": p for k, p in lexicon.RIGHT_NAMES.items()}
CUES = [c for c in vars(recognizer).values() if isinstance(c, pf.Cue)]


def _training_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "training" / "privacy").glob("*.txt")):
        blocks = re.split(r"^=== .*$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        texts.extend(b.strip() for b in blocks[1:] if b.strip())
    return texts


def test_alternatives_open_groups_that_are_a_whole_alternative() -> None:
    assert pf.alternatives(r"(?:a|(?:b|c))|(?:d)(?:e)|[|(]x|\|y") == ["a", "b", "c", "(?:d)(?:e)", "[|(]x", r"\|y"]
    assert pf.alternatives(r"[]|]a|b") == ["[]|]a", "b"]
    assert pf.alternatives(r"(?<!x )\bfoo|bar(?=baz|qux)") == [r"(?<!x )\bfoo", "bar(?=baz|qux)"]
    assert pf.alternatives(r"(a") == [r"(a"]  # unreadable: left whole


def test_prefixes_are_the_literals_every_match_starts_with() -> None:
    expected = frozenset({"delet", "mijn", "m'n", "mn"})
    assert pf.raw_prefixes(rx(r"\bdelet\w*", r"(?<!x )\b(?:mijn|m'n|mn) klant")) == expected
    assert pf.raw_prefixes(rx(r"\b(?:on|about) (?:me|mij)\b")) == frozenset({"on", "about"})
    assert pf.raw_prefixes(rx(r"\bmy (?:data|details)")) == frozenset({"my d"})  # (the parser took out the "d")
    assert pf.raw_prefixes(rx(r"\w*nummer")) is None  # a match may start anywhere before the literal
    assert pf.raw_prefixes(rx(r"\bab(?:c|)")) == frozenset({"ab"})  # an empty alternative: the run alone
    assert pf.raw_prefixes(rx(r"(?:a|\d)x")) is None


def test_every_lexicon_pattern_splits_into_parts_that_rejoin_it() -> None:
    for name, pattern in PATTERNS.items():
        cue = pf.Cue(pattern)
        assert len(cue.parts) >= 1, name
        for literals, part in cue.parts:
            assert literals is None or all(s == pf.fold(s) for s in literals), name
            assert part.flags == pattern.flags, name
    assert len(pf.Cue(model_cues.DATA_CUE).parts) > 20  # DATA_CUE nests PD_STRONG, PD_WEAK, ...: opened up


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_cue_is_found_exactly_where_its_pattern_matches(name: str) -> None:
    pattern, cue = PATTERNS[name], pf.Cue(PATTERNS[name])
    texts = _training_texts()
    assert len(texts) > 1000
    texts += [s for t in texts[::7] for s in split_sentences(t)]
    differ = [i for i, t in enumerate(texts) if cue.found_in(pf.Folded(t)) != bool(pattern.search(t))]
    assert not differ, f"{name}: {len(differ)} texts differ, first at {differ[:5]}"
    # a sentence asked with its message's trigrams (``within``), as the rules ask
    for text in texts[:400:3]:
        sentences = split_sentences(text)
        whole = pf.Folded("\n".join(sentences))  # (what holds each sentence: ``recognizer._scan`` asks the same)
        for sentence in sentences:
            assert cue.found_in(pf.Folded(sentence), whole) == bool(pattern.search(sentence)), name


def test_the_recognizers_cues_are_built_from_the_lexicon() -> None:
    assert len(CUES) >= 15
    assert all(c.pattern.flags & re.IGNORECASE for c in CUES)


def test_fold_equates_what_ignorecase_equates_for_every_literal_of_the_cues() -> None:
    # as tests/privacy/test_recognition_prefilter.py checks for the rules' literals: a cue's match in a text
    # holds one of its part's literals in the folded text, whatever the case or script of the text
    chars: set[str] = set()
    for cue in CUES:
        for _, part in cue.parts:  # the literals gating a part, and those a match of it starts with
            chars.update("".join(pf.raw_literals(part) or ()) + "".join(pf.raw_prefixes(part) or ()))
    assert len(chars) > 30
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for p in sorted(chars):
        for t in set(re.findall(re.escape(p), every, re.IGNORECASE)):
            assert pf.fold(t) == pf.fold(p), (p, t)


def test_the_rules_trigger_words_found_by_key_are_those_found_by_search() -> None:
    # TriggerIndex.present looks a message's literals up by their trigram keys (prefilter.Folded): the same set
    index = pf.TriggerIndex(RULES)
    texts = _training_texts()
    for i, text in enumerate(texts):
        folded = pf.fold(text)
        assert index.present(pf.Folded(text)) == frozenset(s for s in index.words if s in folded), i
        among = index.present(pf.Folded(text))
        for sentence in split_sentences(text)[:3]:
            assert index.present(sentence, among) == frozenset(s for s in among if s in pf.fold(sentence)), i
