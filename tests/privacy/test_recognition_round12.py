"""Recognition round 12 of issue 18 (training/privacy/messages_v11_nl/en read after their fresh measurement,
2026-12-07): Dutch and English cue coverage, mechanisms, not messages.

- Chat spelling: "dont", "u" for "you", "im" ("dont use it till im back", "what have u got on me").
- Restriction in Dutch and Flemish chat: "bevriezen", "niks meer mee doen", "tot ik het weet"; data put on hold
  while an invoice is disputed (the invoice is the ground, the data the object); a temporary stop of the use
  ("tijdelijk stopzetten", "pause using my data for now") is art. 18, not art. 21.
- Erasure idioms: "mag weg", "can go", "haal me uit jullie systeem", "wipe me from your system", "alles van mij",
  "I don't want to be in your database anymore"; an erasure beside an opt-out in one sentence.
- Rectification: "juist zetten" (Flemish), "rechtgezet", "put my address right", a changed value with the new one
  ("my email address has changed, please note the new one"), "in jullie portaal sta ik als ...".
- Objection: "I don't want to be called by your salespeople anymore", "stop met bellen", flyers and folders are
  marketing, "take me off your list".
- A reply written below the quote it answers (bottom-posting): the text after the quote is the writer's own, and
  the quote (our answer to an earlier request) is not re-asserted.
- Done and answered: a confirmation received that the data was erased; "cheers for fixing my name".
- Not the writer's: "een lid heeft ons gevraagd", people and their data in the writer's newsletter, the data the
  writer's own web shop stores; a general question about which rights one has; an objection to an account block.
- A complaint "aangegeven bij de Autoriteit Persoonsgegevens".

The messages are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition.message import split_message
from privacy.recognition.recognizer import reading
from tests.support.privacy_rules import OBJ, A, C, E, R, S, labels


@pytest.mark.parametrize("text", [
    "keep my data for now, dont delete it, but dont use it till the court case is over",
    "pls freeze my account data, dont process it until my complaint is looked at",
    "zet mijn gegevens even on hold, ik betwist die rekening en wil niet dat jullie er iets mee doen",
    "ge moogt mijn gegevens houden maar niks meer mee doen tot de zaak rond is. bevriezen aub",
    "Kunt u het gebruik van mijn gegevens tijdelijk stopzetten tot mijn bezwaar beoordeeld is?",
    "could you pause using my personal data for now while you look into it?",
])
def test_restriction_in_chat_and_flemish(text: str) -> None:
    assert S in labels(text)


@pytest.mark.parametrize("text", [
    "mijn oude telefoonnummer mag weg, dat gebruik ik niet meer",
    "my old address can go, I moved years ago",
    "haal me helemaal uit jullie systeem, ook mijn bestellingen",
    "wipe me from your database please, order history and all",
    "gooi alles van mij weg, ik ben klaar met jullie",
    "dont want to be in your database anymore, delete me",
    "ik wil niet meer in jullie klantenbestand staan",
    "unsubscribe me from the newsletter and delete my email address from your system",
])
def test_erasure_idioms(text: str) -> None:
    assert E in labels(text)


@pytest.mark.parametrize("text", [
    "Mijn naam staat verkeerd in jullie klantenportaal. Kunt ge dat juist zetten?",
    "In jullie portaal sta ik als 'dhr. P. Jansen' maar ik ben mevrouw Petra Jansen. Wil dat rechtgezet worden?",
    "my phone number has changed, the old one is gone, please note the new one: 07700 900123",
    "mijn e-mailadres is veranderd, wilt u het nieuwe noteren?",
    "Can you put my address right on my profile? It still shows my old flat.",
])
def test_rectification_wording(text: str) -> None:
    assert R in labels(text)


@pytest.mark.parametrize("text", [
    "i do not want to be called by your sales team anymore thanks",
    "stop nu eens met bellen, ik heb al een abonnement",
    "ik wil geen folders meer ontvangen",
    "no more flyers in my letterbox please",
    "take me off your list, too many emails",
])
def test_objection_wording(text: str) -> None:
    assert OBJ in labels(text)


@pytest.mark.parametrize("text", [
    "what have u got on me anyway?",
    "what info do u keep about me",
])
def test_access_in_chat_spelling(text: str) -> None:
    assert A in labels(text)


BOTTOM_POSTED = ("Hi,\n\nOn 3 March, Support <support@example.test> wrote:\n> Dear Ms Grey,\n"
                 "> We have handled your access request; the overview is attached.\n>> What do you hold about me?\n\n"
                 "Thanks. Having read it, please delete all my personal data now.\n\nRegards,\nAnn Grey")


def test_text_below_a_quote_is_the_writers_own() -> None:
    own, quoted = split_message(BOTTOM_POSTED)
    assert "please delete all my personal data" in own
    assert "What do you hold about me" in quoted
    assert "delete" not in reading(BOTTOM_POSTED)[1]
    assert labels(BOTTOM_POSTED) == {E}


def test_top_posted_outlook_quote_is_still_a_quote() -> None:
    text = ("Please see my request below, still no answer.\n\nFrom: Ann Grey\nSent: Monday\n"
            "I want a copy of all personal data you hold about me.")
    _own, quoted = split_message(text)
    assert "copy of all personal data" in quoted
    assert A in labels(text)


def test_thanks_below_our_quoted_answer_is_no_request() -> None:
    text = ("Hello,\n\nOn 9 May, Support <support@example.test> wrote:\n> Your details have been removed from our "
            "marketing lists.\n>> Please take me off your newsletter list.\n\nGreat, no more mails since. Thanks!")
    assert labels(text) == set()


@pytest.mark.parametrize("text", [
    "Thanks for handling my request to delete my data. I received the confirmation that everything has been erased.",
    "Dank voor het afhandelen van mijn verzoek. Ik heb de bevestiging gekregen dat al mijn gegevens zijn gewist.",
    "cheers for fixing my name, all correct on the invoice now",
])
def test_done_requests_are_no_new_ones(text: str) -> None:
    assert labels(text) == set()


def test_asking_for_a_confirmation_stays_a_request() -> None:
    assert E in labels("Please delete my personal data and send me a confirmation that it has been erased.")


@pytest.mark.parametrize("text", [
    "Een lid heeft ons gevraagd welke gegevens wij van hem hebben. Hoe vinden we dat in het panel?",
    "In mijn nieuwsbrief wil ik een link waarmee mensen hun gegevens kunnen inzien en wijzigen.",
    "Where in the panel do I find an overview of the customer data my web shop stores?",
    "What rights do I actually have under the GDPR, like access or portability? Just curious.",
    "I disagree with the decision to block my account for spam (my own newsletter). I object and want my "
    "account unblocked.",
])
def test_not_the_writers_request(text: str) -> None:
    assert labels(text) == set()


def test_complaint_reported_to_the_authority() -> None:
    assert C in labels("heb jullie aangegeven bij de autoriteit persoonsgegevens, jullie reageren nooit")


@pytest.mark.parametrize("text", [
    "De statusmails wil ik houden, maar zet me alstublieft van de commerciële mailinglijst af.",
    "Keep sending the status mails, but take me off the marketing list please.",
])
def test_marketing_opt_out_beside_status_mails_to_keep(text: str) -> None:
    assert OBJ in labels(text)


def test_stopping_status_mails_is_still_no_objection() -> None:
    assert OBJ not in labels("Please stop the status mails about the maintenance, I get ten a day.")


@pytest.mark.parametrize("text", [
    "ff checken, is mijn afmelding voor de nieuwsbrief toch al verwerkt? krijg niks meer, thx",
    "just checking, has my opt-out from the newsletter already been processed? nothing since, cheers",
    "As a web shop, do I have to report a data breach to the ICO when an employee mailed a customer list to the "
    "wrong address?",
])
def test_the_model_labels_nothing_alone(text: str) -> None:
    from privacy.recognition.recognizer import model_may_label

    assert model_may_label(text, {}) == frozenset()


def test_a_reminder_of_an_unprocessed_request_may_still_be_labelled() -> None:
    from privacy.recognition.recognizer import model_may_label

    assert model_may_label("has my deletion request been processed yet? still getting mails", {})


@pytest.mark.parametrize("text", [
    "ik ben verhuisd, mijn nieuwe adres is Dorpsweg 8 in Baarn",
    "I've moved, my new address is 4 Mill Lane, Leeds",
    "Ich bin umgezogen, meine neue Adresse ist Hauptstraße 3, Köln",
])
def test_moving_house_with_the_new_address_is_rectification(text: str) -> None:
    assert R in labels(text)


def test_moving_a_website_is_no_rectification() -> None:
    assert R not in labels("I moved my website to another host, can you update the DNS?")
