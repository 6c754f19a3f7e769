"""The vote of rules and model (privacy.recognition.vote), and what the learned half adds.

The sentences are written for these tests (none from the evaluation corpora or the training files): the
short informal requests, conditional threats and formal-letter boilerplate that issue 18 names.
"""

from __future__ import annotations

import io
import json

import pytest

from privacy.detect_cli import run_detect
from privacy.recognition import RequestType, recognize
from privacy.recognition.model import ANY, TYPES, features, load
from privacy.recognition.vote import Thresholds, decide

E, OBJ, A, C = RequestType.ERASURE, RequestType.OBJECTION, RequestType.ACCESS, RequestType.COMPLAINT
# the model's guess of a type (lead_request) and the second-label score are tested in test_vote_lead.py
LIMITS = Thresholds(confirm=0.1, alone=0.7, gate=0.2, alone_gate=0.5, possible=0.25,
                    strong_prefixes=("article.",), lead_request=1.1, second=0.0)


def _scores(request: float, **per_type: float) -> dict[str, float]:
    return {**{t: 0.0 for t in TYPES}, **per_type, ANY: request}


# --- decide(), on scores given by hand -----------------------------------------------------------


def test_without_a_model_the_rules_decide_alone() -> None:
    result = decide({E: ["erasure.verb_pd", "erasure.verb_pd"]}, {}, "en", LIMITS)
    assert result.labels == (E,)
    assert result.reasons[E] == ("erasure.verb_pd",)
    assert not result.possible


def test_a_rule_the_model_confirms_stands_with_both_reasons() -> None:
    result = decide({E: ["erasure.verb_pd"]}, _scores(0.9, erasure=0.4), "en", LIMITS)
    assert result.labels == (E,)
    assert result.reasons[E] == ("erasure.verb_pd", "model:0.40")


def test_a_rule_the_model_votes_down_leaves_a_possible_request() -> None:
    result = decide({E: ["erasure.verb_pd"]}, _scores(0.1, erasure=0.05), "en", LIMITS)
    assert result.labels == ()
    assert result.possible


def test_a_strong_rule_stands_whatever_the_model_says() -> None:
    result = decide({A: ["article.15"]}, _scores(0.05, access=0.01), "nl", LIMITS)
    assert result.labels == (A,)


def test_the_model_labels_alone_only_when_sure() -> None:
    sure = decide({}, _scores(0.95, objection=0.8), "en", LIMITS)
    assert sure.labels == (OBJ,) and sure.reasons[OBJ] == ("model:0.80",)
    unsure = decide({}, _scores(0.6, objection=0.5), "en", LIMITS)
    assert unsure.labels == () and unsure.possible
    nothing = decide({}, _scores(0.05, objection=0.1), "en", LIMITS)
    assert nothing.labels == () and not nothing.possible


# --- the shipped model ---------------------------------------------------------------------------


def test_the_shipped_model_loads_and_scores_every_type() -> None:
    model = load()
    assert model is not None, "privacy/recognition/model.json is missing: run training/privacy/train.py"
    scores = model.scores("Please delete my account and all my data.")
    assert set(scores) == {*TYPES, ANY}
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    assert scores["erasure"] > scores["portability"]


def test_features_fold_case_accents_and_digits() -> None:
    assert features("Löschen 2024") == features("loschen 1999")
    assert "w:emailtoken" in features("mail me at jan@example.nl")


# --- recognize(): what issue 18 asks of it --------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("pls delete my account and everything in it, thx", {E}),
    ("stop sending me that newsletter of yours, i never signed up", {OBJ}),
    ("kunnen jullie mijn account en alles wat erin zit verwijderen?", {E}),
    ("hou op met die nieuwsbrief, ik wil niks meer van jullie ontvangen", {OBJ}),
])
def test_short_informal_requests(text: str, want: set[RequestType]) -> None:
    assert set(recognize(text).labels) == want


def test_every_label_carries_the_models_score() -> None:
    result = recognize("Under Article 15 GDPR I request a copy of all personal data you hold about me.")
    assert result.labels == (A,)
    assert any(r.startswith("model:") for r in result.reasons[A])
    assert "article.15" in result.reasons[A]


@pytest.mark.parametrize("text", [
    "Mocht u niet binnen de termijn reageren, dan behoud ik mij het recht voor een klacht in te dienen bij de "
    "Autoriteit Persoonsgegevens.",
    "Should you fail to respond within one month, I reserve the right to lodge a complaint with the ICO.",
    "Sollten Sie nicht fristgerecht antworten, behalte ich mir eine Beschwerde bei der Aufsichtsbehörde vor.",
])
def test_a_reserved_complaint_is_no_complaint_but_possible(text: str) -> None:
    # the formal letter's closing boilerplate: neither the rules nor the model label it (issue 18)
    result = recognize(text)
    assert result.labels == ()
    assert result.possible


def test_a_conditional_threat_fires_no_rule() -> None:
    # "if ... I will complain" is no complaint by the rules; the model still votes (the corpora read a
    # threat to escalate an ignored request as a complaint), so the reasons hold no complaint rule
    result = recognize("If this is not fixed by Friday I will complain to the ICO.")
    assert all(r.startswith("model:") for r in result.reasons.get(C, ()))


def test_a_formal_access_letter_is_access_only() -> None:
    letter = (
        "Dear Sir or Madam,\n\n"
        "Under Article 15 of the GDPR I request a copy of all personal data you process about me.\n"
        "Please also tell me the purposes of the processing, the recipients, the retention period, and the "
        "existence of the right to request rectification or erasure or to object to the processing.\n"
        "If you do not respond within one month, I reserve the right to lodge a complaint with the "
        "supervisory authority.\n\n"
        "Yours faithfully,\nA. Tester"
    )
    assert recognize(letter).labels == (A,)


def test_cli_prints_possible() -> None:
    text = "Should you fail to respond within one month, I reserve the right to lodge a complaint with the ICO."
    stdin = io.StringIO(json.dumps({"id": 1, "text": text}) + "\n")
    stdout = io.StringIO()
    assert run_detect(stdin, stdout) == 0
    out = json.loads(stdout.getvalue())
    assert set(out) == {"id", "labels", "possible"}
    assert out == {"id": 1, "labels": [], "possible": True}


@pytest.mark.parametrize("text", [
    "Een klant van mijn webshop vraagt of ik al haar gegevens wil verwijderen. Hoe doe ik dat in jullie panel?",
    "A client of my salon asked me to erase all her personal data from the booking app I host with you. How?",
    "Ein Kunde meines Shops verlangt, dass ich alle seine Daten lösche. Wo finde ich die im Backend?",
])
def test_a_request_of_the_writers_own_customer_is_not_theirs(text: str) -> None:
    # we are their processor (art. 28): the rules see the third party, and the model may not overrule them
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "Verwijder mijn account alsjeblieft niet, ik wil alleen mijn abonnement pauzeren.",
    "Please do not delete my personal data, I'm staying with you. I only want a smaller plan.",
    "Thank you for deleting my data so fast, I received the confirmation. Nothing else needed.",
    "Dank jullie wel voor het verwijderen van mijn gegevens, de bevestiging is binnen.",
    "Fijn dat mijn adres nu is aangepast in jullie systeem, bedankt!",
    "Een lid van onze vereniging wil dat we zijn gegevens wissen. Hoe doe ik dat in de ledenmodule?",
    "Our company's postal address has changed to 9 Quay Street, Hull. Could you update it on the account?",
])
def test_what_the_rules_rule_out_the_model_does_not_overrule(text: str) -> None:
    # a negated request, thanks for one already done, a third party's request, a company's details
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "Alvast bedankt voor het verwijderen van al mijn persoonsgegevens.",
    "Thanks in advance for deleting all the personal data you hold about me.",
])
def test_thanks_in_advance_is_still_a_request(text: str) -> None:
    assert recognize(text).labels == (E,)


@pytest.mark.parametrize("text", [
    "I hereby withdraw my consent to receive your promotional e-mails and text messages.",
    "Ik trek mijn toestemming voor jullie nieuwsbrief en reclame-sms'jes in.",
    "Hiermit widerrufe ich meine Einwilligung in Werbe-E-Mails.",
    "Je retire mon consentement à recevoir vos offres commerciales.",
])
def test_withdrawing_consent_to_marketing_is_an_objection(text: str) -> None:
    assert recognize(text).labels == (OBJ,)


def test_a_subscriber_of_the_writers_own_newsletter_is_a_third_party() -> None:
    text = "A subscriber to my newsletter says she wants to opt out but the link is broken. I send it with your tool."
    assert recognize(text).labels == ()
