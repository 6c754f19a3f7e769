"""Formal request letters: their boilerplate paragraphs make no request of their own (issue 18).

The sentences are written for these tests (not from the evaluation corpora or the training files): an
identification paragraph that mentions a copy of an ID document, a list of the writer's rights, and the
German "wissen" (to know) that is Dutch for "erase".
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType, recognize
from privacy.recognition.recognizer import rule_labels

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
