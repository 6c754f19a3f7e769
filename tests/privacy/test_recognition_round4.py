"""Recognition round 4 of issue 18: an erasure's report is no access request, a letter's "neither ... nor"
negates, the model labels alone only what the message names, somebody else's request stays theirs.

The sentences are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType
from privacy.recognition.model import ANY, TYPES
from privacy.recognition.recognizer import model_may_label, rule_findings, rule_labels
from privacy.recognition.vote import Thresholds, decide

A, R, E, C = RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.COMPLAINT


@pytest.mark.parametrize("text", [
    "Please wipe all the personal data you keep about me and let me know once it has been done.",
    "Wist u alle persoonsgegevens over mij? Laat u mij even weten wanneer dat is gebeurd.",
    "Ik verzoek u mijn persoonsgegevens te verwijderen en mij te bevestigen welke gegevens u heeft gewist.",
    "Please erase my personal data and confirm to me which records were deleted.",
    "Wis mijn persoonsgegevens. Welke gegevens moeten jullie wettelijk bewaren, en hoe lang nog?",
])
def test_the_report_an_erasure_asks_for_is_no_access_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found and A not in found
    assert A not in model_may_label(text, found)


@pytest.mark.parametrize("text", [
    "Let me know what personal data you keep about me.",
    "Hoe lang bewaren jullie mijn persoonsgegevens eigenlijk?",
])
def test_asking_to_know_what_is_held_is_still_access(text: str) -> None:
    found, _held = rule_labels(text)
    assert A in found


def test_a_right_a_letter_says_it_does_not_ask_for_is_held() -> None:
    found, held = rule_labels(
        "Je vous demande une copie de mes données personnelles ; je ne demande ni rectification ni effacement.")
    assert A in found and R not in found and E not in found and R in held


def test_a_companys_move_is_no_rectification_for_the_model_either() -> None:
    text = "Could you update the postal address on the account? Our office has moved to Leeds."
    assert R not in model_may_label(text, {})
    assert R in model_may_label("Could you update my home address? I have moved to Leeds.", {})


def test_the_model_labels_erasure_or_access_alone_only_when_the_message_names_it() -> None:
    # a question about safety in privacy words: nothing is to go
    assert E not in model_may_label("Are my personal details secure when I upload my invoices to your storage?", {})
    assert E in model_may_label("ik wil dat alles van mij verdwijnt bij jullie", {})
    assert E in model_may_label("please get me out of your database completely", {})
    # an outage: nothing is data
    assert A not in model_may_label("Please tell me what you are going to do about the downtime.", {})
    assert A in model_may_label("what info have you got on me?", {})
    # a reminder: its re-asserted quote counts
    assert E in model_may_label("Still waiting on this one.", {}, quoted="Please delete my account.")


def _scores(request: float, **types: float) -> dict[str, float]:
    return {ANY: request, **{t: types.get(t, 0.01) for t in TYPES}}


def test_a_negated_type_does_not_stop_the_likeliest_other_type() -> None:
    t = Thresholds()
    scores = _scores(0.8, access=0.5)
    negated = decide({}, scores, "en", t, held=frozenset({E}), negated=frozenset({E}))
    assert negated.labels == (A,)
    # a right held back for another reason (a list, a condition, thanks) still stops the guess
    listed = decide({}, scores, "en", t, held=frozenset({C}), negated=frozenset())
    assert listed.labels == () and listed.possible


def test_rule_findings_tell_a_negation_from_a_held_back_right() -> None:
    _found, held, negated = rule_findings("Please don't delete anything, but send me the recordings of my calls.")
    assert E in held and E in negated
    _found, held2, negated2 = rule_findings("If you do not answer within a month I will complain to the regulator.")
    assert C in held2 and C not in negated2


@pytest.mark.parametrize("text", [
    "We received a data subject access request from one of our webshop customers. Can you give us the logs?",
    "Een vaste klant van onze winkel vraagt om verwijdering. Hoe wissen wij zijn gegevens uit de webshop?",
    "A regular visitor to our forum wants all his personal data deleted. Where do I do that?",
])
def test_a_request_the_writer_received_is_not_theirs(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found
    assert model_may_label(text, found) == frozenset()


@pytest.mark.parametrize("text", [
    "My mother asked me to write for her: she wants all her personal data deleted from your systems.",
    "Hi, I got divorced and my surname is Smith again. Please update my customer details.",
])
def test_a_request_on_someones_behalf_and_my_customer_details_stay_requests(text: str) -> None:
    found, _held = rule_labels(text)
    assert found or model_may_label(text, found)


def test_fixing_a_wrong_birthday_is_a_correction_the_model_may_label() -> None:
    assert R in model_may_label("You have my birthday as 03/04 but it is 04/03. Can you fix that?", {})
    assert R in model_may_label("Bitte korrigieren Sie die Anrede in meinen Daten.", {})
