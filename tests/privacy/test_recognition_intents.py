"""What the model may label alone on ordinary requests of other people's assistants and banks (issue 18).

Banking77, CLINC150 and the German assistant corpus (``eval/banking77_en.jsonl``, ``eval/clinc150_en.jsonl``,
``eval/nlu_home_de.jsonl``) showed the model labelling alone what only looks like a request: information about
a topic read as access ("informieren Sie mich über den Verkehr"), an app's own content erased as erasure ("clear
my calendar"), a mail errand as objection ("check my e-mails"), a wrong exchange rate as rectification, "my pin
number" as a personal attribute. The sentences below are written for these tests, none taken from a corpus;
``model_may_label`` and rule assertions hold whatever the shipped model scores, and the requests beside them
keep their types.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType, detect_requests
from privacy.recognition.lexicon import PD_FIELD
from privacy.recognition.model_cues import DATA_CUE
from privacy.recognition.recognizer import model_may_label, rule_labels

A, R, E, OBJ = RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.OBJECTION


def may(text: str) -> frozenset[RequestType]:
    found, _held = rule_labels(text)
    return model_may_label(text, found)


@pytest.mark.parametrize("text", [
    "Können Sie mich über die Wettervorhersage für morgen informieren?",
    "Informatie over de openingstijden graag",
    "Donnez-moi des informations sur les horaires du musée",
    "What information do you require to open a savings account?",
    "How many number of days until my card arrives?",
])
def test_information_about_a_topic_is_no_data(text: str) -> None:
    assert A not in may(text)


@pytest.mark.parametrize("text", [
    "Can you give me all the information you have about me?",
    "Ich möchte Informationen über meine gespeicherten Daten.",
    "Geef me informatie over mijn gegevens.",
])
def test_information_about_the_writer_still_is(text: str) -> None:
    assert DATA_CUE.search(text)


@pytest.mark.parametrize("text", [
    "wipe everything from my calendar for next week",
    "Bitte alle Erinnerungen löschen",
    "verwijder de boodschappenlijst",
])
def test_an_apps_own_content_is_no_erasure_alone(text: str) -> None:
    assert E not in may(text)


@pytest.mark.parametrize("text", [
    "remove me from your database please",
    "Delete my account and whatever data you have, also the backups.",
])
def test_erasure_of_the_writer_beside_support_objects(text: str) -> None:
    assert E in may(text)


@pytest.mark.parametrize("text", [
    "check my inbox for mails from the landlord",
    "Schreib eine E-Mail an Jonas",
    "bel mijn zus even terug",
])
def test_a_channel_errand_is_no_objection(text: str) -> None:
    assert OBJ not in may(text)


@pytest.mark.parametrize("text", [
    "stop sending me text messages",
    "Hören Sie auf, mir Angebote per Post zu schicken.",
    "arrêtez les appels svp",
])
def test_stopping_a_channel_may_be_an_objection(text: str) -> None:
    assert OBJ in may(text)


@pytest.mark.parametrize("text", [
    "the conversion rate on my transfer is wrong",
    "nee, dat klopt niet",
])
def test_nothing_of_the_writers_to_correct(text: str) -> None:
    assert R not in may(text)


@pytest.mark.parametrize("text", [
    "my street name is spelled wrong in your system",
    "graag mijn huisnummer aanpassen, het is 7b",
])
def test_a_detail_of_the_writers_to_correct(text: str) -> None:
    assert R in may(text)


def test_a_things_number_is_no_personal_attribute() -> None:
    assert not PD_FIELD.search("I want to change my pin number")
    assert not PD_FIELD.search("what is my order number")
    assert PD_FIELD.search("please update my mobile number")
    assert PD_FIELD.search("my last name is misspelled")
    assert R not in detect_requests("help me change my pin number for the savings account")
