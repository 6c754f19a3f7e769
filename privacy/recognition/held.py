"""Whether a sentence a rule fired in makes no request: a right listed or reserved, a complaint threatened on a
condition, thanks for a request carried out, somebody else's request (``recognizer._scan`` holds such a rule back).

Why this module exists: these checks were the largest cost of the rules (issue 19). A rule fires in few sentences,
but each sentence it fires in was asked a dozen big alternations with a plain ``re.search`` (the list of rights alone
about 60 us a sentence), and again for every other rule that fired there. Here each alternation is a
``prefilter.Cue`` asked of the sentence folded once: only the alternatives whose literals the sentence holds are
run, and ``Cue.found_in`` is true exactly where the pattern matches (tests/privacy/test_recognition_cues.py), so the
answers are those of the plain searches. A pattern whose every alternative needs no literal (look-aheads only), or
that is cheap as it is, keeps its plain search.
"""

from __future__ import annotations

from privacy.recognition.answered import (
    ANSWER_COMPLETE,
    ERASURE_DONE,
    OBJECTING_NOW,
    PENDING_OBJECTION,
    RECEIVED_DONE,
    REQUEST_SETTLED,
    THANKS_DONE,
)
from privacy.recognition.idioms import OTHERS_COMPLAINT
from privacy.recognition.lexicon import (
    CONDITIONAL,
    FIRST_PERSON,
    OBJECTION_AS_GROUND,
    RESERVATION,
    RIGHT_NAMES,
    RIGHTS_LIST,
    THIRD_PARTY,
)
from privacy.recognition.prefilter import Cue, Folded
from privacy.recognition.types import RequestType

_RIGHTS_LIST, _THIRD_PARTY, _RESERVATION, _OTHERS_COMPLAINT, _CONDITIONAL = (
    Cue(p) for p in (RIGHTS_LIST, THIRD_PARTY, RESERVATION, OTHERS_COMPLAINT, CONDITIONAL))
_THANKS_DONE, _ANSWER_COMPLETE, _REQUEST_SETTLED, _ERASURE_DONE = (
    Cue(p) for p in (THANKS_DONE, ANSWER_COMPLETE, REQUEST_SETTLED, ERASURE_DONE))
_RIGHT_NAMES = tuple(Cue(p) for p in RIGHT_NAMES.values())


def _literals(cue: Cue) -> frozenset[str] | None:
    """The literals one of which every match of ``cue`` holds (None: a part without one, it may match anywhere)."""
    found: set[str] = set()
    for literals, _ in cue.parts:
        if literals is None:
            return None
        found |= literals
    return frozenset(found)


# per right, the literals one of which each of its names holds
_RIGHT_LITERALS = tuple(_literals(cue) for cue in _RIGHT_NAMES)


def names_many_rights(sentence: Folded) -> bool:
    """Four or more different rights named in the sentence ("inzage, rectificatie, verwijdering, ..."; the names
    are ``lexicon.RIGHT_NAMES``). Most sentences hold the literals of fewer than four rights' names, and then cannot
    name four: those are not searched at all."""
    folded = sentence.folded
    if sum(literals is None or any(s in folded for s in literals) for literals in _RIGHT_LITERALS) < 4:
        return False
    return sum(cue.found_in(sentence) for cue in _RIGHT_NAMES) >= 4


def held_back(label: RequestType, sentence: Folded) -> bool:
    """A right named in a list of rights, or a complaint reserved ("I reserve the right to lodge a
    complaint"): formal-letter boilerplate, never a request; or a request of the writer's own customers or
    staff (we are their processor, art. 28: no request of their own; a complaint about us stays one).
    The model may not overrule these: its n-grams see the request, not whose it is."""
    if names_many_rights(sentence):
        return True
    text = sentence.text
    if label is RequestType.COMPLAINT:
        return bool(_RIGHTS_LIST.found_in(sentence) or _RESERVATION.found_in(sentence)
                    or _OTHERS_COMPLAINT.found_in(sentence)
                    or (_THIRD_PARTY.found_in(sentence) and not FIRST_PERSON.search(text)))
    # thanks for a request already carried out ("bedankt voor het verwijderen van mijn gegevens"), an erasure told
    # back as done ("mijn gegevens zijn verwijderd")
    return bool(_RIGHTS_LIST.found_in(sentence) or _THIRD_PARTY.found_in(sentence) or _THANKS_DONE.found_in(sentence)
                or RECEIVED_DONE.search(text) or _ANSWER_COMPLETE.found_in(sentence)
                or _REQUEST_SETTLED.found_in(sentence)
                or (label is RequestType.ERASURE and _ERASURE_DONE.found_in(sentence)))


def not_made(label: RequestType, sentence: Folded) -> bool:
    """A complaint threatened on a condition ("if you do not answer ... I will complain"): held back, and
    the model may not label it either (issue 18: conditional threats create no label; the dev corpora
    agree). An objection given as the ground of an erasure, or an earlier one under assessment named as a
    restriction's ground (art. 18(1)(d)): no rule fires, the model still votes."""
    text = sentence.text
    return bool((label is RequestType.COMPLAINT and _CONDITIONAL.found_in(sentence)
                 and not _RESERVATION.found_in(sentence))
                or (label is RequestType.OBJECTION and (OBJECTION_AS_GROUND.search(text) or (
                    PENDING_OBJECTION.search(text) and not OBJECTING_NOW.search(text)))))


def no_request(label: RequestType, sentence: str) -> bool:
    """An article cited in a sentence that lists rights, threatens on a condition or gives a ground."""
    folded = Folded(sentence)
    return held_back(label, folded) or not_made(label, folded)
