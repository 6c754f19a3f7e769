"""Recognition round 3 of issue 18: what the rules read now, and the vote's per-type levels.

The sentences are written for these tests (none from the evaluation corpora; the training files have
sentences of the same kinds, written first). Rule-level assertions use ``rule_labels`` so they hold
whatever the shipped model scores; assertions on ``recognize`` are about what the model may not overrule.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType, recognize
from privacy.recognition.model import ANY, TYPES
from privacy.recognition.recognizer import model_may_label, reading, rule_labels
from privacy.recognition.vote import Thresholds, decide

A, E, OBJ, C = RequestType.ACCESS, RequestType.ERASURE, RequestType.OBJECTION, RequestType.COMPLAINT


@pytest.mark.parametrize("text", [
    "Please stop mailing me your promotions and erase my e-mail address from your files.",
    "Stuur me geen aanbiedingen meer en verwijder mijn mailadres uit jullie bestand.",
    "Schicken Sie mir keine Werbung mehr und löschen Sie meine Adresse.",
])
def test_an_opt_out_beside_an_erasure_in_one_sentence_is_both(text: str) -> None:
    # "delete" in a sentence once made every objection in it "the ground of an erasure"
    found, _held = rule_labels(text)
    assert {E, OBJ} <= set(found)


def test_an_objection_hedged_as_the_ground_of_an_erasure_is_still_no_objection_rule() -> None:
    found, _held = rule_labels("Insofar as you rely on legitimate interests I object, and I ask you to erase it all.")
    assert OBJ not in found


@pytest.mark.parametrize("text", [
    "You kept the scan of my passport from 2021. Please shred it.",
    "Die kopie van mijn rijbewijs mogen jullie weggooien.",
    "Den Scan meines Führerscheins bitte vernichten.",
    "Le scan de mon passeport : merci de le détruire.",
])
def test_an_identity_document_to_destroy_is_an_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


def test_an_identity_document_offered_is_still_no_access_request() -> None:
    found, _held = rule_labels("I enclose a copy of my passport so you can verify who I am.")
    assert A not in found


@pytest.mark.parametrize("text", [
    "Should I not hear from you within a month, I will lodge a complaint with the regulator.",
    "Sans réponse sous un mois, je déposerai une plainte auprès de la CNIL.",
    "Bei ausbleibender Antwort werde ich Beschwerde bei der Aufsichtsbehörde einlegen.",
])
def test_a_complaint_announced_on_a_condition_creates_no_label(text: str) -> None:
    found, held = rule_labels(text)
    assert C not in found and C in held
    assert C not in recognize(text).labels


@pytest.mark.parametrize(("text", "label"), [
    ("My deletion request from May was ignored, so I went to the ICO today.", E),
    ("Mijn verwijderverzoek is nog steeds niet uitgevoerd. Ik heb een klacht ingediend bij de AP.", E),
    ("Mein Löschantrag ist immer noch nicht umgesetzt, ich habe mich beschwert.", E),
    ("My access request has still not been answered after six weeks.", A),
])
def test_an_earlier_request_not_carried_out_keeps_its_type(text: str, label: RequestType) -> None:
    found, _held = rule_labels(text)
    assert label in found


def test_an_earlier_request_that_was_answered_is_no_new_erasure() -> None:
    found, _held = rule_labels("My deletion request from May was handled quickly, I only have a DNS question now.")
    assert E not in found


def test_the_name_of_the_dutch_authority_is_no_personal_data() -> None:
    text = "Als de storing blijft ga ik naar de Autoriteit Persoonsgegevens, maar eerst wil ik weten wat er mis is."
    found, _held = rule_labels(text)
    assert A not in found


@pytest.mark.parametrize("text", [
    "How do I put an unsubscribe link under the newsletter we send with your mailing module?",
    "Can I import my subscribers from a CSV, and does it handle unsubscribes?",
])
def test_the_writers_own_newsletter_is_no_objection(text: str) -> None:
    found, _held = rule_labels(text)
    assert OBJ not in found
    assert OBJ not in model_may_label(reading(text)[0], found)
    assert OBJ not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "please do not delete my account, I only want to pause the plan",
    "verwijder mijn account niet, ik wil alleen een kleiner pakket",
])
def test_the_model_may_not_label_an_erasure_whose_every_verb_is_negated(text: str) -> None:
    own = reading(text)[0]
    assert E not in model_may_label(own, {})
    assert E not in recognize(text).labels


def test_an_erasure_verb_not_negated_leaves_the_model_free() -> None:
    assert E in model_may_label("I don't want you to keep it, delete all of it", {})


def _scores(request: float, **per_type: float) -> dict[str, float]:
    return {**{t: 0.0 for t in TYPES}, **per_type, ANY: request}


def test_a_level_per_type_decides_what_the_model_labels_alone() -> None:
    limits = Thresholds(alone=0.7, alone_extra=0.9, second=0.0, lead_request=1.1,
                        alone_by_type={"access": 0.95}, alone_extra_by_type={"objection": 0.6})
    scores = _scores(0.95, access=0.8, erasure=0.8)
    assert decide({}, scores, "en", limits).labels == (E,)  # access needs 0.95 of its own
    beside = decide({E: ["erasure.verb_object"]}, _scores(0.95, erasure=0.9, objection=0.65), "en", limits)
    assert beside.labels == (E, OBJ)  # objection beside a rule's erasure needs 0.6, not 0.9
    assert beside.reasons[OBJ] == ("model:0.65",)
    assert limits.alone_at("restriction", beside_rules=False) == 0.7


def test_a_strong_rule_yields_when_the_model_is_sure_there_is_no_request() -> None:
    limits = Thresholds(strong_prefixes=("erasure.named_right",), strong_gate=0.1, confirm=0.5, rules_stand=0.9)
    question = decide({E: ["erasure.named_right"]}, _scores(0.05, erasure=0.2), "en", limits)
    assert question.labels == () and question.possible  # shown to the officer, not acted on
    letter = decide({E: ["erasure.named_right"]}, _scores(0.3, erasure=0.2), "en", limits)
    assert letter.labels == (E,)


def test_an_earlier_request_with_no_answer_is_not_read_as_negated() -> None:
    found, _held = rule_labels("jullie reageren al twee maanden niet op mijn verwijderverzoek")
    assert E in found


@pytest.mark.parametrize("text", [
    "effacez tout ce que vous gardez sur moi",
    "bitte entfernen Sie alles über mich",
    "gooi al mijn gegevens maar weg",
])
def test_everything_about_me_to_erase_in_de_fr_and_a_dutch_separable_verb(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


def test_what_to_erase_is_no_access_request_of_the_model() -> None:
    text = "wis alles wat jullie van mij hebben"
    found, _held = rule_labels(text)
    assert E in found and A not in model_may_label(reading(text)[0], found)
    assert recognize(text).labels == (E,)
    # asking for a copy first keeps access open to the model
    first = "Before you erase everything you hold about me, send me a copy."
    assert A in model_may_label(reading(first)[0], rule_labels(first)[0])


def test_french_ne_pas_around_the_verb_negates_it() -> None:
    found, held = rule_labels("Ne supprimez pas encore mes données, j'en ai besoin pour un litige.")
    assert E not in found and E in held
    found, _held = rule_labels("Ne m'envoyez plus de publicité et effacez mes données.")
    assert {E, OBJ} <= set(found)


def test_a_member_of_the_writers_association_is_somebody_else() -> None:
    found, _held = rule_labels("Een lid van onze vereniging vraagt of we al zijn gegevens wissen. Hoe doe ik dat?")
    assert not found


@pytest.mark.parametrize("text", ["Ne m'appelez plus, s'il vous plaît.", "Bitte rufen Sie mich nicht mehr an."])
def test_do_not_call_in_french_and_german(text: str) -> None:
    found, _held = rule_labels(text)
    assert OBJ in found
