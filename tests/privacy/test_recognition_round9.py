"""Recognition round 9 of issue 18 (a web host's support mail): look-alikes of a request that are none, and
requests the rules missed because of where their words stood.

- A marketing mail's opt-out footer in a *quoted* reply is the quote's, not the writer's: the writer's own
  words above it are read (a bulk footer only silences the text that is read).
- Asking to get the newsletter back ("I unsubscribed by mistake") is no objection (art. 21(2) is a right to
  stop direct marketing, not a wish to receive it).
- The writer's own newsletter in French or German ("ma propre newsletter", "lien de désinscription") is theirs
  to run, like the Dutch and English ones already were.
- A complaint a third party filed (the writer's own customer went to the authority) is not the writer's
  complaint (art. 77 is the data subject's right).
- "cette copie" points back at the ID copy named in the sentence before, as "that copy" does.

The messages are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels``; the vote's answer is checked with ``recognize`` where the point is
that no label comes out whatever the model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType
from privacy.recognition.recognizer import recognize, rule_labels

E, OBJ, C = RequestType.ERASURE, RequestType.OBJECTION, RequestType.COMPLAINT


@pytest.mark.parametrize("text", [
    "Take me off the partner promotions list please, I just want the service notices.\n\n"
    "On Tue, 1 Dec 2026 at 08:00, Deals <deals@host.example> wrote:\n> Cyber Monday: 50% off hosting!\n"
    "> To stop receiving these, reply STOP.",
    "Haal me van jullie lijst voor aanbiedingen van partners, ik wil alleen servicemails.\n\n"
    "Op 1 dec. 2026 schreef Acties <acties@host.example>:\n> 50% korting! Wilt u geen aanbiedingen meer ontvangen? "
    "Klik hier.",
])
def test_own_words_above_a_quoted_marketing_mail_are_read(text: str) -> None:
    assert OBJ in rule_labels(text)[0]


def test_a_forwarded_newsletter_with_no_words_of_ones_own_stays_silent() -> None:
    text = "Fwd: deals\n\n> Cyber Monday: 50% off hosting!\n> To stop receiving these, reply STOP."
    assert recognize(text).labels == ()


@pytest.mark.parametrize("text", [
    "Hi, I clicked unsubscribe by mistake and now I miss your monthly tips. Could you put me back on the newsletter?",
    "Hoi, ik heb me per ongeluk afgemeld voor jullie nieuwsbrief. Kunnen jullie me weer aanmelden?",
    "Bonjour, je me suis désabonné par erreur de votre lettre d'information, pouvez-vous me réinscrire ?",
    "Hallo, ich habe mich versehentlich vom Newsletter abgemeldet. Können Sie mich wieder eintragen?",
])
def test_asking_for_the_newsletter_back_is_no_objection(text: str) -> None:
    assert OBJ not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Bonjour, comment mettre un lien de désabonnement dans ma propre newsletter ? Mes lecteurs ne peuvent pas "
    "se désinscrire.",
    "Hallo, wie können sich Leser von meinem eigenen Newsletter abmelden? Der Link fehlt.",
])
def test_the_writers_own_newsletter_in_french_and_german(text: str) -> None:
    assert OBJ not in rule_labels(text)[0]
    assert OBJ not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Hello, one of our customers has lodged a complaint with the ICO about our shop's cookie wall. Do you keep "
    "access logs we could use?",
    "Hoi, een van onze klanten heeft bij de Autoriteit Persoonsgegevens een klacht ingediend over ons "
    "contactformulier. Bewaren jullie de logs?",
])
def test_a_complaint_a_third_party_filed_is_not_the_writers(text: str) -> None:
    assert C not in rule_labels(text)[0]
    assert C not in recognize(text).labels


def test_the_writers_own_complaint_still_counts() -> None:
    text = "I have lodged a complaint with the ICO because you shared my address with a marketing firm."
    assert C in rule_labels(text)[0]


def test_cette_copie_points_back_at_the_id_copy() -> None:
    text = ("Bonjour, pour ouvrir le compte je vous ai transmis une copie de mon passeport. "
            "Le compte est actif, merci d'effacer cette copie.")
    assert E in rule_labels(text)[0]


@pytest.mark.parametrize("text", [
    "Hi! Got your email that my personal data was deleted. One thing: can I still log into the forum?",
    "I got your letter saying my data had been erased. Will the last invoice come by post?",
    "Ik kreeg jullie mail dat mijn gegevens zijn verwijderd. Kan ik nog inloggen op het forum?",
    "J'ai bien reçu votre courrier : mes données ont été supprimées. Puis-je encore me connecter ?",
    "Ihre Mail ist angekommen, meine Daten wurden gelöscht. Kann ich mich trotzdem noch einloggen?",
])
def test_a_report_that_the_erasure_was_done_is_no_new_request(text: str) -> None:
    # what was done (art. 17 carried out), told back without a new ask: no erasure, whatever the model scores
    assert E not in rule_labels(text)[0]
    assert E not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "My data has still not been deleted although I asked in October. Delete it now.",
    "Mijn gegevens zijn nog steeds niet verwijderd. Verwijder ze alsnog.",
    "My mailbox was deleted last year. Now please delete my personal data as well.",
    "I want my personal data to be deleted.",
])
def test_an_erasure_still_asked_for_stays_one(text: str) -> None:
    assert E in rule_labels(text)[0]


def test_gone_through_is_processed_not_removed() -> None:
    # "gone" is an erasure word for the model's checks ("I want my data gone"); "gone through" is processed
    from privacy.recognition.model_cues import ERASE_CUE

    assert not ERASE_CUE.search("May I log in now, even though the verification has not gone through yet?")
    assert ERASE_CUE.search("I want all my details gone from your system.")


@pytest.mark.parametrize("text", [
    "how do i update the phone number on my profile",
    "Hoe kan ik mijn adres in het klantenpaneel aanpassen?",
])
def test_a_how_to_question_about_ones_own_profile_is_no_rectification_by_the_model_alone(text: str) -> None:
    # self-service in the panel: the model's n-grams see "update my phone number", no correction is asked of us
    assert RequestType.RECTIFICATION not in recognize(text).labels


def test_a_correction_asked_after_how_still_counts_by_its_rules() -> None:
    text = "How can you get my name so wrong? It is Janssen, not Jansen. Please correct it in your records."
    assert RequestType.RECTIFICATION in recognize(text).labels


@pytest.mark.parametrize("text", [
    "new phone number: 07700 900002 (the old one no longer works)",
    "nieuw adres: Dorpsstraat 3, 1234 AB Ergens. het oude klopt niet meer",
])
def test_a_new_value_given_with_a_colon_is_the_writers_own_datum(text: str) -> None:
    assert RequestType.RECTIFICATION in rule_labels(text)[0]


@pytest.mark.parametrize("text", [
    "Hi, our customer wants to exercise his right to erasure with us. Is there a tool in cPanel to find his records?",
    "Bonjour, notre client demande l'effacement de ses données personnelles de notre boutique. Comment faire ?",
    "Hallo, unser Kunde verlangt die Löschung seiner personenbezogenen Daten aus unserem Shop. Wie geht das?",
])
def test_our_customer_singular_is_a_third_party(text: str) -> None:
    assert E not in rule_labels(text)[0]
    assert E not in recognize(text).labels


@pytest.mark.parametrize("text", [
    "Please close my customer account and delete my personal data.",
    "Merci de supprimer mon compte client et mes données personnelles.",
])
def test_ones_own_customer_account_stays_the_writers(text: str) -> None:
    assert E in rule_labels(text)[0]


def test_a_lawyers_client_is_the_data_subject() -> None:
    text = ("Dear Sir or Madam, on behalf of my client, Mr P. Hale, I request that you erase all personal data you "
            "hold about him. His signed authorisation is attached.")
    assert E in rule_labels(text)[0]
