"""Recognition round 15 of issue 18 (eval/privacy_tune_authors_pa/pb, tune parts read on 2026-12-07; authors pc and pd
held out whole): mechanisms, not messages.

- An earlier request withdrawn ("please ignore my mail of this morning asking you to erase my account", "vergeet dat
  maar", "bitte ignorieren Sie das", "oubliez ça"): the report of the earlier request makes no request; a reminder
  of one still open, or a new request beside the withdrawal of something else, does.
- German "wissen" (to know) after the inverted modal ("das möchte ich wissen") is not Dutch "wissen" (to erase).
- The source of the writer's data asked in every language ("how did you even get my number", "woher haben Sie meine
  Handynummer", "où avez-vous trouvé mon numéro"): access, art. 15(1)(g).

The sentences are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``labels`` (the rules alone); ``recognize`` where the model must not overrule a hold.
"""

from __future__ import annotations

import pytest

from privacy.recognition import recognize
from tests.support.privacy_rules import OBJ, A, E, labels


@pytest.mark.parametrize("text", [
    "Please ignore my email of this morning asking you to erase my account. My brother sorted it out.",
    "Gisteren vroeg ik jullie om al mijn gegevens te verwijderen. Vergeet dat maar, het is niet meer nodig.",
    "Letzte Woche hatte ich Sie gebeten, mein Konto und meine Daten zu löschen. Bitte ignorieren Sie das, es hat sich "
    "erledigt.",
    "Hier je vous ai demandé de supprimer mon compte et mes données. Oubliez ça, finalement je reste chez vous.",
    "Last week I asked you to delete my account and my details. Please disregard that, nothing needs to be deleted.",
    "Negeer mijn mail van vanochtend waarin ik vroeg om mijn account te wissen, mijn zoon heeft het opgelost.",
])
def test_a_withdrawn_earlier_request_is_no_request(text: str) -> None:
    assert E not in labels(text)
    assert E not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Please ignore the typo in my last mail. Delete my account and all my personal data.",
    "Vorige week vroeg ik jullie om mijn gegevens te verwijderen. Ik heb nog steeds niets gehoord.",
    "Last week I asked you to delete my account and my details. Please don't ignore me again and do it now.",
])
def test_a_new_or_open_request_beside_it_stays(text: str) -> None:
    assert E in labels(text)


@pytest.mark.parametrize("text", [
    "Woher haben Sie meine Handynummer? Das möchte ich wissen.",
    "Ich hätte gern eine Antwort auf meine Frage zur Rechnung, das will ich schon lange wissen.",
])
def test_german_wissen_after_an_inverted_modal_is_no_erasure(text: str) -> None:
    assert E not in labels(text)


@pytest.mark.parametrize("text", [
    "how did you even get my phone number?? i want to know where it came from",
    "Where exactly did your company get my home address from?",
    "Woher haben Sie meine Handynummer? Das möchte ich wissen.",
    "Woher habt ihr eigentlich meine private E-Mail-Adresse?",
    "Où avez-vous trouvé mon numéro de portable ? Je veux savoir d'où il vient.",
    "D'où tenez-vous mon adresse e-mail personnelle ?",
])
def test_the_source_of_the_writers_data_is_access(text: str) -> None:
    assert A in labels(text)


@pytest.mark.parametrize("text", [
    "Where did you get the new server from? It is much faster.",
    "Woher haben Sie die Zahlen in der Rechnung?",
])
def test_the_source_of_anything_else_is_no_access(text: str) -> None:
    assert A not in labels(text)


def test_the_source_asked_in_chat_spelling_is_access() -> None:
    assert A in labels("wait how did u get my number?? who gave it to u")


@pytest.mark.parametrize("text", [
    "Wir verschicken über das Newsletter-Modul Infos an unsere Vereinsmitglieder. Ein Mitglied hat sich beschwert, "
    "dass es sich nicht abmelden kann. Wie baue ich einen Abmeldelink ein?",
    "Une de nos adhérentes veut se désinscrire de notre lettre d'information, mais le lien ne marche pas.",
    "Eine Kundin meines Ladens möchte keine Werbung mehr von uns bekommen. Wo trage ich das im Shop ein?",
])
def test_a_member_or_customer_of_the_writer_is_somebody_else(text: str) -> None:
    assert OBJ not in labels(text)
    assert OBJ not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "had vorig jaar een proefaccount, gebruik het niet meer, mag mijn account en alles van me weg?",
    "Ik gebruik die mailbox niet meer, kunnen jullie mijn gegevens verwijderen?",
])
def test_the_writer_no_longer_using_something_is_no_objection(text: str) -> None:
    assert OBJ not in labels(text)


def test_the_imperative_not_to_use_my_data_stays_an_objection() -> None:
    assert OBJ in labels("Gebruik mijn gegevens niet meer voor reclame of nieuwsbrieven.")
