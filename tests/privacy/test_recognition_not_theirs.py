"""What creates no label (issue 18): a complaint threatened on a condition, and requests of the writer's
own customers (we are their processor, art. 28 GDPR), however the model scores them.

Sentences written for these tests, not from the evaluation corpora or the training files."""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType, recognize
from privacy.recognition.recognizer import rule_labels

C = RequestType.COMPLAINT


@pytest.mark.parametrize("text", [
    "Mochten jullie mijn adres ooit aan een incassobureau doorgeven, dan dien ik een klacht in bij de AP.",
    "If you ever share my phone number with a partner again, I will file a complaint with the ICO.",
    "Falls Sie meine Daten weitergeben, werde ich mich beim Datenschutzbeauftragten des Landes beschweren.",
    "Si vous transmettez encore mes coordonnées à un partenaire, je porterai plainte auprès de la CNIL.",
])
def test_a_conditional_complaint_is_held_back(text: str) -> None:
    found, held = rule_labels(text)
    assert C not in found
    assert C in held
    result = recognize(text)
    assert C not in result.labels


@pytest.mark.parametrize("text", [
    "My client wants her details removed from the booking tool I run on your server. Where is that setting?",
    "Ma cliente souhaite que ses données soient effacées de mon agenda en ligne. Comment faire ?",
    "Our customers keep asking us to erase their accounts in the app we host with you. What is the best way?",
    "Unsere Kunden möchten, dass wir ihre Daten löschen. Wie geht das in der Datenbank bei Ihnen?",
    "Mijn klant wil dat haar gegevens uit ons boekingssysteem worden verwijderd. Waar kan dat?",
    "A subscriber to my mailing list wants all her personal data erased. How do I do that in your tool?",
])
def test_the_writers_own_customers_requests_are_not_labelled(text: str) -> None:
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "I want to lodge a formal complaint: my server was down for six hours and nobody picked up the phone.",
    "Ik dien een klacht in over jullie monteur, hij was twee uur te laat en onbeleefd.",
    "Je porte réclamation : votre technicien n'est jamais venu pour l'installation.",
])
def test_a_service_complaint_is_no_privacy_complaint(text: str) -> None:
    # art. 77 is a complaint about the processing of personal data; a complaint about service is not
    assert RequestType.COMPLAINT not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "You gave my home address to a stranger who phoned in. That is a disgrace and I am filing a complaint.",
    "Ik dien een klacht in: mijn wachtwoord stond leesbaar in jullie mail aan een andere klant.",
])
def test_a_complaint_about_the_writers_data_is_one(text: str) -> None:
    assert RequestType.COMPLAINT in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Got the overview of my personal data yesterday as I asked, thanks, all in order.",
    "Ik heb het overzicht van mijn persoonsgegevens gisteren ontvangen, dank je, alles in orde.",
])
def test_a_request_received_is_no_new_request(text: str) -> None:
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "I still haven't received a copy of my personal data, please send it.",
    "Ik heb nog niets ontvangen van het overzicht van mijn persoonsgegevens, graag alsnog sturen.",
])
def test_a_request_not_yet_received_is_still_one(text: str) -> None:
    assert RequestType.ACCESS in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Ik heb jullie vandaag gemeld bij de Autoriteit Persoonsgegevens omdat mijn gegevens zijn gelekt.",
    "Ich habe Sie heute bei der Datenschutzbehörde gemeldet, weil meine Daten weitergegeben wurden.",
])
def test_a_report_already_made_to_the_authority_is_a_complaint(text: str) -> None:
    assert C in rule_labels(text)[0]


@pytest.mark.parametrize("text", ["483920", "Re: 483920", "code 551 204", "12345678\n\n-- \nSent from my phone"])
def test_a_verification_code_or_a_number_alone_is_no_request(text: str) -> None:
    # the reply with the one-time code must reach the verification step, not open a request of its own
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "Mijn site laadt traag sinds vanochtend. Mijn adres is Molenweg 4, telefoon 06-11112222, bel gerust.",
    "The mail server rejects my messages. My address is 4 Mill Lane, phone 07700 900000, call me anytime.",
])
def test_details_given_for_contact_are_no_rectification(text: str) -> None:
    assert RequestType.RECTIFICATION not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "ik ben verhuisd, mijn nieuwe adres is Molenweg 4 in Ede",
    "new phone number: 07700 900001, the old one is gone",
])
def test_a_new_address_or_number_is_a_rectification(text: str) -> None:
    assert RequestType.RECTIFICATION in recognize(text).labels
