"""Speed-ups of recognition (issue 19) that rest on a proof about the vote, checked over many random votes.

Every answer over the training and tune messages is compared in ``test_recognition_prefilter``; these tests check
the reasoning itself on inputs those messages may not reach.
"""

from __future__ import annotations

import random
import re

from privacy.recognition.model import ANY
from privacy.recognition.types import RequestType
from privacy.recognition.vote import decide, thresholds, weak_types_matter


def test_types_scored_under_the_floor_change_no_answer_unless_weak_types_matter() -> None:
    t = thresholds()
    floor = t.model_floor()
    rng = random.Random(19)
    levels = sorted({0.0, 0.01, floor, t.possible, t.possible_bare, t.gate, t.alone_gate, t.lead_request, 0.99,
                     *(x - 1e-9 for x in (t.possible, t.possible_bare, floor))})
    types = list(RequestType)
    checked = mattered = 0
    for _ in range(6000):
        scores = {k.value: rng.choice([rng.random(), rng.choice(levels)]) for k in types}
        scores[ANY] = rng.choice([rng.random(), rng.choice(levels)])
        found = {k: ["rule"] for k in rng.sample(types, rng.choice([0, 0, 0, 1, 2]))}
        held = frozenset(rng.sample(types, rng.choice([0, 0, 0, 1])))
        weak = frozenset(k for k in types if scores[k.value] < floor)
        if not weak:
            continue
        some = frozenset(rng.sample(sorted(weak), rng.randint(1, len(weak))))
        without = decide(found, scores, "en", t, held=held, model_labels=frozenset())
        with_weak = decide(found, scores, "en", t, held=held, model_labels=some)
        checked += 1
        if weak_types_matter(found, scores, held, t):
            mattered += without != with_weak
        else:
            assert without == with_weak, (found, held, scores, some)
    assert checked > 3000 and mattered > 10  # (the check is not vacuous: where it matters, it does change answers)


def test_without_a_model_the_weak_types_never_matter() -> None:
    assert not weak_types_matter({}, {}, frozenset())


def test_the_look_aheads_before_the_sentence_splits_change_no_split() -> None:
    # message._SENTENCE_SPLIT and _SOFT_WRAP open with a look-ahead their every match implies (issue 19)
    from privacy.recognition import message
    from tests.privacy.test_recognition_prefilter import _messages

    split_head, wrap_head = "(?=\\s)(?:", "(?=[ \\t]*\\n)"
    assert message._SENTENCE_SPLIT.pattern.startswith(split_head) and message._SOFT_WRAP.pattern.startswith(wrap_head)
    plain_split = re.compile(message._SENTENCE_SPLIT.pattern[len(split_head):-1])
    plain_wrap = re.compile(message._SOFT_WRAP.pattern[len(wrap_head):])
    rng = random.Random(19)
    pieces = [".", "!", "?", ";", " ", "  ", "\t", "\n", "\n\n", " \n", "art.", "Abs.", "lit. ", "a", "f", "30. ",
              "Juni", "15", "Nr.", "word", "x" * 50, "Dit is een zin"]
    fuzz = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in [*_messages(), *fuzz]:
        assert plain_split.split(text) == message._SENTENCE_SPLIT.split(text), text
        assert plain_wrap.sub(" ", text) == message._SOFT_WRAP.sub(" ", text), text
