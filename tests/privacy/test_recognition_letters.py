"""Formal request letters: their boilerplate paragraphs make no request of their own (issue 18).

The sentences are written for these tests (not from the evaluation corpora or the training files): an
identification paragraph that mentions a copy of an ID document, a list of the writer's rights, and the
German "wissen" (to know) that is Dutch for "erase".
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType, recognize
from privacy.recognition.recognizer import rule_labels
from privacy.recognition.rules import article_citations

A, R, E, OBJ = RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.OBJECTION


@pytest.mark.parametrize("text", [
    "Om mij te identificeren noem ik mijn klantnummer en woonadres. Een kopie van een paspoort stuur ik alleen "
    "als u kunt aantonen dat dit nodig is.",
    "You can identify me by my account number and home address. I will send a copy of a passport only if you show "
    "that this is needed.",
    "Zur Identifizierung nenne ich Kundennummer und Wohnanschrift. Eine Kopie des Ausweises sende ich nur, wenn dies "
    "nötig ist.",
])
def test_a_copy_of_an_id_document_offered_is_no_access_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert A not in found


@pytest.mark.parametrize("text", [
    "Ik wijs er nog op dat ik de volgende rechten heb: inzage, rectificatie, verwijdering, beperking, "
    "overdraagbaarheid en bezwaar.",
    "For completeness, the GDPR gives me the following rights: access, rectification, erasure, restriction, "
    "portability and objection.",
    "Die DSGVO gibt mir folgende Rechte: Auskunft, Berichtigung, Löschung, Einschränkung und Widerspruch.",
])
def test_a_list_of_rights_is_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


def test_an_erasure_letter_with_a_list_of_rights_is_erasure_only() -> None:
    letter = (
        "Geachte heer/mevrouw,\n\nOp grond van artikel 17 AVG verzoek ik u al mijn persoonsgegevens te wissen.\n\n"
        "Ik wijs er nog op dat ik de volgende rechten heb: inzage, rectificatie, verwijdering, beperking, "
        "overdraagbaarheid en bezwaar.\n\nHoogachtend,\nK. Smit"
    )
    assert recognize(letter).labels == (E,)


@pytest.mark.parametrize("text", [
    "Ich möchte gerne wissen, welche Daten Sie über mich gespeichert haben.",
    "Bitte lassen Sie mich wissen, welche personenbezogenen Daten Sie über mich verarbeiten.",
])
def test_german_wissen_is_to_know_not_to_erase(text: str) -> None:
    found, _held = rule_labels(text)
    assert E not in found
    assert A in found


def test_dutch_wissen_still_erases() -> None:
    found, _held = rule_labels("Kunnen jullie al mijn persoonsgegevens wissen?")
    assert E in found


@pytest.mark.parametrize("letter", [
    "Sehr geehrte Damen und Herren,\n\nbitte löschen Sie nach Art. 17 DSGVO alle Daten, die Sie über mich "
    "speichern.\n\nZugleich widerspreche ich gemäß Art. 21 DSGVO sämtlicher Verarbeitung meiner Daten.\n\n"
    "Mit freundlichen Grüßen\nT. Brenner",
    "Dear Sir or Madam,\n\nPlease erase all the personal data you keep about me, as Article 17 GDPR allows.\n\n"
    "I furthermore object under Article 21 GDPR to any processing of my personal data.\n\nRegards,\nT. Brenner",
    "Madame, Monsieur,\n\nJe vous demande d'effacer toutes mes données personnelles (article 17 du RGPD).\n\n"
    "Je m'oppose également, sur le fondement de l'article 21 du RGPD, à tout traitement de mes données.\n\n"
    "Cordialement,\nT. Brenner",
    "Geachte heer/mevrouw,\n\nVerwijder alstublieft al mijn persoonsgegevens op grond van artikel 17 AVG.\n\n"
    "Tevens maak ik op grond van artikel 21 AVG bezwaar tegen elke verwerking van mijn gegevens.\n\nGroet,\nT. Brenner",
])
def test_an_objection_to_all_processing_beside_an_erasure_is_its_ground(letter: str) -> None:
    # art. 17(1)(c): erasing everything because the writer objects; a label is an action, and there is one
    assert recognize(letter).labels == (E,)


def test_an_objection_to_marketing_beside_an_erasure_is_a_request_of_its_own() -> None:
    letter = ("Dear Sir or Madam,\n\nPlease erase all the personal data you keep about me under Article 17 GDPR.\n\n"
              "I also object under Article 21 GDPR to any processing of my data for direct marketing.\n\nRegards,\n"
              "T. Brenner")
    assert recognize(letter).labels == (E, OBJ)


def test_the_french_noun_suppression_is_an_erasure() -> None:
    found, _held = rule_labels("Je vous prie de procéder à la clôture de mon compte et à la suppression de toutes les "
                               "données personnelles me concernant.")
    assert E in found


def test_french_a_savoir_is_namely_not_to_know() -> None:
    # "à savoir" introduces a list ("namely"); "je voudrais savoir quelles données" is an access request
    found, _held = rule_labels("Merci d'effacer les données personnelles me concernant, à savoir mon adresse et mon "
                               "numéro de téléphone.")
    assert set(found) == {E}
    found, _held = rule_labels("Je voudrais savoir quelles données personnelles vous avez sur moi.")
    assert A in found


@pytest.mark.parametrize("text", [
    "Conformément à l'article 17.1 du RGPD, je vous demande d'effacer mes données.",
    "Gemäß Art. 17.1 DSGVO verlange ich die Löschung meiner Daten.",
])
def test_an_article_with_its_paragraph_after_a_dot_is_cited(text: str) -> None:
    assert ("erasure", "article.17") in [(label.value, name) for label, name in article_citations(text)]
