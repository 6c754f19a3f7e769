"""The learned credential scorer (issue 16): its features, its vote beside the rules, and the shipped weights."""

from __future__ import annotations

import json
import math

import pytest

from scrubber.config import ScrubberConfig
from scrubber.credential_features import candidates, context_words, features, separator, shape_features, word_grams
from scrubber.credential_model import MODEL_FILE, RECOGNIZER, CredentialModel, load, secret_shape, vote, worth_scoring
from scrubber.engine import Scrubber


@pytest.fixture(scope="module")
def rules_only() -> Scrubber:
    config = ScrubberConfig.model_validate({"placeholder_key": "test-key-not-secret", "credential_model": False})
    return Scrubber(config)


@pytest.fixture(scope="module")
def with_model() -> Scrubber:
    # the scorer is off by default (it added no value on the blind corpora: scrubber/config.py); these tests turn it on
    config = ScrubberConfig.model_validate({"placeholder_key": "test-key-not-secret", "credential_model": True})
    return Scrubber(config)


def _stripped(scrubber: Scrubber, text: str, value: str) -> list[str]:
    start = text.index(value)
    end = start + len(value)
    return [e.recognizer for e in scrubber.analyze(text).entities
            if e.action == "redact" and e.start < end and start < e.end]


# ---- features ---------------------------------------------------------------------------------------------------

def test_candidates_trim_brackets_quotes_and_glued_labels() -> None:
    # (a "!" or "?" at the end is the sentence's: "Zomer!" would be a word with a symbol)
    text = "pw=Hund1234 ('Zo#mer!') einde."
    assert [text[s:e] for s, e in candidates(text)] == ["Hund1234", "Zo#mer", "einde"]


def test_unseen_compound_shares_the_pieces_of_known_cues() -> None:
    # "toegangswachtwoord" is in no list: its 4- and 5-grams are those of "wachtwoord"
    assert {"c:wacht", "c:woord"} <= set(word_grams("toegangswachtwoord"))
    assert {"c:kennw", "c:wort>"} <= set(word_grams("zugangskennwort"))


def test_context_reads_the_line_above_when_the_value_starts_its_line() -> None:
    text = "Hoi,\nmijn inlogcode:\nHund!2024x"
    assert context_words(text, text.index("Hund")) == ["mijn", "inlogcode", ":", "<nl>"]
    assert separator(text, text.index("Hund")) == "linestart"


def test_separator_before_the_value() -> None:
    for text, sep in [("code: X1", ":"), ("key = X1", "="), ("het wachtwoord is X1", "is"), ("pin -> X1", "->"),
                      ("ik typ X1", "")]:
        assert separator(text, text.index("X1")) == sep, text


def test_shape_features_tell_a_secret_from_a_word() -> None:
    secret = shape_features("Hx7#pLq2vR")
    word = shape_features("bakker")
    assert "cls:dlsu" in secret and "tok:mixed" in secret
    assert "cls:l" in word and "tok:r5" not in word  # an everyday word is found in wordfreq's lists


def test_features_name_the_explainer_that_recognises_a_value() -> None:
    text = "versie 10.4.2 van shop.example.nl"
    s = text.index("10.4.2")
    assert "expl:version" in features(text, s, s + 6, "nl")
    s = text.index("shop")
    assert "expl:inside_address_or_path" in features(text, s, len(text), "nl")


def test_gates() -> None:
    assert secret_shape("Hund1234") and secret_shape("groen-paard7") and secret_shape("KaasSchaaf")
    assert not secret_shape("Bakker") and not secret_shape("12345678") and not secret_shape("ab1")
    assert not secret_shape("Pouvez-vous") and not secret_shape("groen-paard") and not worth_scoring("2024")
    assert not secret_shape("Upper+lower+digit+symbol") and secret_shape("Upper+lower+Xq")
    assert not worth_scoring("4b1dXXXXXXXXXXXX") and not worth_scoring("AKIAIOSFODNN7EXAMPLE")
    assert not worth_scoring("p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
    assert not worth_scoring("huis") and not worth_scoring("therefore") and worth_scoring("Hx7#pLq2vR")


# ---- the vote ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("mijn toegangssleutelcode: Fietsbel", "Fietsbel"),
    ("Zugangskennwort fürs Büro lautet Tulpenzwiebel", "Tulpenzwiebel"),
])
def test_compound_cue_in_no_list_is_stripped_by_the_model_alone(
    with_model: Scrubber, rules_only: Scrubber, text: str, value: str
) -> None:
    assert _stripped(rules_only, text, value) == []  # the rules miss it: the model earns its keep here
    assert _stripped(with_model, text, value) == [RECOGNIZER]


@pytest.mark.parametrize("text, value", [
    ("Ik heb een vraag over de factuur van vorige maand", "vraag"),
    ("de site draait op shop.bakkerij-jansen.nl sinds gisteren", "shop.bakkerij-jansen.nl"),
    ("bestelnummer 2024-88812 is nog niet geleverd", "2024-88812"),
    ("mijn wachtwoord werkt niet meer sinds de update naar WordPress", "WordPress"),
    ("zet upload_max_filesize op 64M in php.ini", "upload_max_filesize"),
])
def test_ordinary_and_technical_tokens_are_not_stripped(with_model: Scrubber, text: str, value: str) -> None:
    assert RECOGNIZER not in _stripped(with_model, text, value)


def test_the_vote_never_touches_what_a_recognizer_reported() -> None:
    text = "mijn toegangssleutelcode: Fietsbel"
    s = text.index("Fietsbel")
    assert [(c.start, c.end) for c in vote(text, "nl", [])] == [(s, len(text))]
    assert vote(text, "nl", [(s, s + 3)]) == []


def test_the_threshold_and_the_context_gate_decide() -> None:
    text = "mijn toegangssleutelcode: Fietsbel"
    model = load()
    assert vote(text, "nl", [], CredentialModel(model.weights, model.intercept, 1.01, model.context_gate)) == []
    assert vote(text, "nl", [], CredentialModel(model.weights, model.intercept, model.threshold, 1e9)) == []


def test_rules_only_config_adds_nothing(rules_only: Scrubber) -> None:
    assert all(e.recognizer != RECOGNIZER for e in rules_only.analyze("mijn toegangssleutelcode: Fietsbel").entities)


def test_the_scorer_is_off_by_default() -> None:
    assert ScrubberConfig.model_validate({"placeholder_key": "test-key-not-secret"}).credential_model is False


# ---- the shipped weights ----------------------------------------------------------------------------------------

def test_shipped_weights_are_whole_and_speak_the_feature_functions_language() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert {"threshold", "context_gate", "intercept", "weights", "seed"} <= set(data)
    assert 0.0 < data["threshold"] < 1.0 and math.isfinite(data["context_gate"])
    weights = data["weights"]
    assert len(weights) > 1000 and all(math.isfinite(w) for w in weights.values())
    prefixes = ("len", "cls:", "runs", "pat:", "ent", "dig", "tok:", "part:", "parts3", "vendor_prefix",
                "capitalised", "expl:", "c:", "n:", "nowords", "sep:", "next:", "lang:", "bias")
    assert all(name.startswith(prefixes) for name in weights)
    # the pieces of the cue words carry weight toward a secret
    assert weights["c:wacht"] > 0 and weights["c:kennw"] > 0 and weights["sep:is"] > 0


def test_the_votes_fast_sum_is_the_feature_lists_probability() -> None:
    text = "Hoi,\nnieuwe inlogcode: Xq7-Lm2!pRz\nwifi sleutel = TulpZomer88 en pincode 90817"
    model = load()
    low = CredentialModel(model.weights, model.intercept, 0.0, -1e9)  # every candidate votes, with its probability
    found = vote(text, "nl", [], low)
    assert len(found) >= 3
    for c in found:
        assert c.score == round(model.probability(features(text, c.start, c.end, "nl")), 3), text[c.start : c.end]
