"""Recognition round 5 of issue 18: the company's boilerplate is no request of the writer's. A legal footer
after the signature, an automatic reply, a forwarded newsletter's footer in German or French and a notice
telling the reader what they may do name rights without exercising them; the writer's own request above
them still counts.

The messages are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType
from privacy.recognition.message import split_message
from privacy.recognition.recognizer import rule_labels

A, R, E, OBJ = RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.OBJECTION


def test_a_footer_after_the_signature_is_dropped_to_the_end() -> None:
    text = ("Bonjour,\n\nPouvez-vous renouveler le certificat de notre site ?\n\nCordialement,\nJeanne Roux\n"
            "Roux Design\nCe courriel est confidentiel et réservé à son destinataire, merci de le détruire sinon.\n"
            "Notre politique de confidentialité décrit vos droits de rectification et d'effacement de vos données.")
    own, _quoted = split_message(text)
    assert "certificat" in own and "rectification" not in own


def test_a_confidentiality_line_in_the_body_does_not_end_it() -> None:
    # no signature before it: a pasted notice, not the footer; what follows is still read
    text = ("Hello,\nThis e-mail is confidential.\nPlease delete all personal data you hold about me.\nThanks")
    own, _quoted = split_message(text)
    assert "delete all personal data" in own


@pytest.mark.parametrize("text", [
    "Automatic reply: Re: your ticket\n\nI am on leave. For privacy requests (access, deletion) write to "
    "dpo@x.example.",
    "Thank you for your e-mail. I am out of the office until Monday 3 March. Requests to delete your personal data "
    "can be sent to privacy@x.example.",
    "Dank voor uw bericht. Ik ben tot en met 12 mei afwezig. Voor inzage in of verwijdering van uw gegevens "
    "mailt u naar privacy@x.example.",
    "Danke für Ihre Nachricht. Ich bin bis zum 4. April nicht im Büro. Anfragen zur Löschung Ihrer Daten bitte an "
    "datenschutz@x.example.",
    "Merci pour votre message. Je suis absente jusqu'au 2 juin. Pour la suppression de vos données, écrivez à "
    "dpo@x.example.",
])
def test_an_automatic_reply_makes_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


def test_a_request_above_a_quoted_auto_reply_is_read() -> None:
    text = ("Please delete all personal data you hold about me.\n\n"
            "On Monday, Helpdesk wrote:\n> I am out of the office until Friday.")
    found, _held = rule_labels(text)
    assert E in found


def test_out_of_office_hours_is_no_auto_reply() -> None:
    found, _held = rule_labels("Out of office hours I could not reach you, so: please delete my personal data.")
    assert E in found


@pytest.mark.parametrize("text", [
    "Sie erhalten diese E-Mail, weil Sie Kunde sind. Auskunft und Löschung Ihrer Daten: datenschutz@x.example",
    "Vous recevez cet e-mail car vous êtes client. Pour la suppression de vos données, écrivez à dpo@x.example.",
    "Pour vous désabonner, cliquez ici. Vous pouvez demander l'effacement de vos données à tout moment.",
    "If you want your details removed from our mailing list, reply with UNSUBSCRIBE.",
])
def test_a_bulk_footer_in_four_languages_makes_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


@pytest.mark.parametrize("text", [
    "Übrigens: Nach der DSGVO können Sie jederzeit Auskunft, Berichtigung oder Löschung Ihrer Daten verlangen.",
    "Rappel : vous pouvez demander la rectification ou la suppression de vos données à tout moment.",
    "Wist u dat u op grond van de AVG altijd correctie of verwijdering van uw gegevens kunt vragen?",
    "Reminder: you can request the correction or deletion of your personal data at any time.",
])
def test_telling_the_reader_their_rights_is_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


@pytest.mark.parametrize(("text", "label"), [
    ("Can you correct my surname on my account? It is Vermeer, not Vermeir.", R),
    ("Kunt u mijn persoonsgegevens verwijderen?", E),
    ("Können Sie bitte alle meine personenbezogenen Daten löschen?", E),
    ("Pouvez-vous supprimer toutes mes données personnelles ?", E),
])
def test_asking_us_is_still_a_request(text: str, label: RequestType) -> None:
    found, _held = rule_labels(text)
    assert label in found
