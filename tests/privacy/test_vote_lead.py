"""The vote's v2 parts (issue 18): the model's likeliest type when it is sure of a request, a second
label only with a score of its own, and "possible" decided by the request score alone."""

from __future__ import annotations

from privacy.recognition import RequestType
from privacy.recognition.model import ANY, TYPES
from privacy.recognition.vote import Thresholds, decide

A, E, P, OBJ = RequestType.ACCESS, RequestType.ERASURE, RequestType.PORTABILITY, RequestType.OBJECTION
LIMITS = Thresholds(confirm=0.1, alone=0.7, gate=0.2, alone_gate=0.5, possible=0.45, lead_request=0.7,
                    lead_type=0.3, second=0.3, strong_prefixes=("article.",))


def _scores(request: float, **per_type: float) -> dict[str, float]:
    return {**{t: 0.0 for t in TYPES}, **per_type, ANY: request}


def test_a_sure_request_gets_its_likeliest_type() -> None:
    result = decide({}, _scores(0.85, erasure=0.45, objection=0.2), "en", LIMITS)
    assert result.labels == (E,)
    assert result.reasons[E] == ("model:0.45",)
    assert not result.possible


def test_an_unsure_request_is_only_possible() -> None:
    result = decide({}, _scores(0.6, erasure=0.45), "en", LIMITS)
    assert result.labels == ()
    assert result.possible


def test_the_likeliest_type_must_reach_its_own_threshold() -> None:
    result = decide({}, _scores(0.9, erasure=0.2, access=0.15), "en", LIMITS)
    assert result.labels == ()
    assert result.possible


def test_no_guess_when_the_rules_held_a_right_back() -> None:
    # "if you do not answer I reserve the right to complain": the rules read it; the model may not guess
    result = decide({}, _scores(0.9, complaint=0.6, access=0.4), "en", LIMITS,
                    held=frozenset({RequestType.COMPLAINT}))
    assert result.labels == ()
    assert result.possible


def test_no_guess_about_somebody_elses_data() -> None:
    result = decide({}, _scores(0.9, erasure=0.6), "en", LIMITS, model_labels=False)
    assert result.labels == ()
    assert result.possible


def test_a_weak_second_label_is_dropped() -> None:
    found = {A: ["access.verb_object"], P: ["portability.verb_object"]}
    result = decide(found, _scores(0.95, access=0.8, portability=0.15), "en", LIMITS)
    assert result.labels == (A,)


def test_a_second_label_with_its_own_score_stays() -> None:
    found = {A: ["access.verb_object"], E: ["erasure.verb_object"]}
    result = decide(found, _scores(0.95, access=0.8, erasure=0.5), "en", LIMITS)
    assert result.labels == (A, E)


def test_a_strong_second_label_stays_whatever_its_score() -> None:
    found = {A: ["access.verb_object"], E: ["article.17"]}
    result = decide(found, _scores(0.95, access=0.8, erasure=0.05), "en", LIMITS)
    assert result.labels == (A, E)


def test_possible_follows_the_request_score_not_a_type_score() -> None:
    # a mail about deleting a mailbox scores high on "erasure" words but low as a request: not flagged
    assert not decide({}, _scores(0.2, erasure=0.6), "en", LIMITS).possible
    assert decide({}, _scores(0.5, erasure=0.1), "en", LIMITS).possible
