"""Recognition round 10 of issue 18 (the unseen corpus's tune part read, 2026-12-07): mechanisms, not messages.

- A complaint filed with the authority over an unanswered request is a complaint in French and in past tense too:
  "restée sans réponse" (remained unanswered) is a fact, not the threat "sans réponse de votre part"; "j'ai saisi
  la CNIL", "a réclamation", "I went to the ICO" file one.
- "Correct this" after a sentence that says how our records describe the writer ("you list me as a director",
  "jullie hebben mij als wanbetaler aangemerkt") is rectification; so is "you have my name as X, it's Y".
- Stopping the use while something is checked ("zolang jullie dat uitzoeken", "while you consider my
  objection") is restriction (art. 18(1)(a), (d)).
- "Account and all data" in German and French, and binning the writer's data in Dutch ("gooi mijn gegevens uit
  jullie bestand") are erasure.

The messages are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType
from privacy.recognition.recognizer import rule_labels

A, R, E, S, OBJ, C = (RequestType.ACCESS, RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION,
                       RequestType.OBJECTION, RequestType.COMPLAINT)


@pytest.mark.parametrize("text", [
    "J'ai saisi la CNIL, ma demande d'accès de février étant restée sans réponse.",
    "J'ai déposé une réclamation auprès de la CNIL : ma demande d'effacement est restée sans réponse.",
    "Because you ignored my access request, I went to the ICO today.",
    "Ich habe mich bei der Datenschutzbehörde beschwert, weil mein Auskunftsersuchen unbeantwortet blieb.",
])
def test_a_complaint_filed_over_an_unanswered_request_is_a_complaint(text: str) -> None:
    # (the unanswered request keeps its own type too: training/privacy/README.md's convention, as privacy_dev)
    found, _held = rule_labels(text)
    assert C in found


def test_a_threat_without_an_answer_is_still_conditional() -> None:
    found, held = rule_labels("Sans réponse de votre part sous trente jours, je saisirai la CNIL.")
    assert C not in found and C in held


@pytest.mark.parametrize("text", [
    "Jullie hebben mij als overleden geregistreerd. Ik leef nog steeds. Pas dit aan alstublieft.",
    "Your system lists me as a guarantor for my brother's contract. I never signed anything. Please correct that.",
    "Ihr habt mich als säumigen Kunden gemeldet. Das stimmt nicht. Bitte korrigieren Sie das.",
    "Vous m'avez enregistré comme client professionnel, ce que je ne suis pas. Merci de corriger cela.",
    "In mijn klantdossier staat dat ik drie keer heb gedreigd, dat is niet waar. Ik wil dat die aantekening wordt "
    "gecorrigeerd.",
])
def test_correct_this_after_what_our_records_say_about_the_writer_is_rectification(text: str) -> None:
    found, _held = rule_labels(text)
    assert R in found


@pytest.mark.parametrize("text", [
    "You have my surname as Smiht, it's Smith.",
    "Jullie hebben mijn voornaam als Kees staan, maar het is Cees.",
    "Sie haben meinen Nachnamen als Maier, es ist Meier.",
])
def test_a_field_given_as_one_value_and_said_to_be_another_is_rectification(text: str) -> None:
    found, _held = rule_labels(text)
    assert R in found


@pytest.mark.parametrize("text", [
    "The invoice says 40 euros but it should be 20. Please correct this.",
    "Your status page shows my domain as expired. Please correct this.",
    "The name on the SSL certificate is shown as www.example.nl, it should be example.nl.",
])
def test_correcting_a_bill_or_a_service_stays_no_rectification(text: str) -> None:
    found, _held = rule_labels(text)
    assert R not in found


@pytest.mark.parametrize("text", [
    "Ik heb eerder bezwaar gemaakt tegen profilering. Zolang u dat bezwaar onderzoekt, wil ik dat u mijn gegevens "
    "niet gebruikt.",
    "I objected to your use of my data for profiling last month. Please suspend processing while you consider my "
    "objection.",
    "Ich habe der Verarbeitung widersprochen. Bitte verwenden Sie meine Daten nicht, solange Sie meinen Widerspruch "
    "prüfen.",
])
def test_a_restriction_while_an_objection_is_considered_is_found(text: str) -> None:
    # (whether the earlier objection is asked again beside it is the corpora's call: privacy_dev labels both)
    found, _held = rule_labels(text)
    assert S in found


@pytest.mark.parametrize("text", [
    "Zolang jullie uitzoeken of mijn adres klopt, mijn gegevens nergens voor gebruiken graag.",
    "Zet de verwerking van mijn gegevens stil totdat de klacht is afgehandeld.",
    "Please pause the processing of my data until you have checked my date of birth.",
])
def test_stopping_the_use_while_something_is_checked_is_restriction(text: str) -> None:
    found, _held = rule_labels(text)
    assert S in found


def test_an_objection_of_its_own_stays_one() -> None:
    found, _held = rule_labels("Ik maak bezwaar tegen het gebruik van mijn gegevens voor marketing.")
    assert OBJ in found and S not in found
    # made now, with a restriction while it is weighed: both
    found, _held = rule_labels("I object to the profiling of my data, and please restrict its use while you assess "
                               "my objection.")
    assert OBJ in found and S in found


@pytest.mark.parametrize("text", [
    "konto schließen und sämtliche daten löschen bitte",
    "Bitte mein Kundenkonto und alle Daten entfernen.",
    "Fermez mon compte et toutes mes données svp.",
    "Gooi mijn persoonsgegevens uit jullie systeem.",
    "Kunnen jullie mijn gegevens uit jullie klantenbestand gooien?",
])
def test_account_and_all_data_or_binning_the_writers_data_is_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


@pytest.mark.parametrize("text", [
    "Gooi de oude back-up van de webshop maar uit het systeem.",
    "Das Konto für die Website und alle Dateien darauf bitte entfernen.",
])
def test_binning_a_backup_or_a_sites_files_stays_no_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E not in found


@pytest.mark.parametrize("text", [
    "Please ignore my earlier message, I have changed my mind.\n\n> Please delete all my personal data.",
    "Negeer mijn vorige mail maar, ik blijf toch klant.\n\nOp 3 mei schreef Jan:\n"
    "> Verwijder al mijn persoonsgegevens.",
    "Vergeet mijn eerdere verzoek, het is opgelost.\n\n> Ik wil een kopie van al mijn persoonsgegevens.",
    "Kindly disregard my previous e-mail, all sorted.\n\n> I object to the processing of my personal data.",
])
def test_a_quoted_request_the_writer_withdraws_is_not_read(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


def test_a_reminder_still_reads_what_it_quotes() -> None:
    found, _held = rule_labels("See my previous email below, still no answer.\n\n> Please delete all my personal data.")
    assert E in found


@pytest.mark.parametrize("text", [
    "Bitte hören Sie auf, mich ständig anzurufen.",
    "Ruft mich nicht mehr an wegen eurer Angebote.",
    "Hört endlich auf mich wegen Verträgen anzurufen!",
    "Arrêtez de m'appeler pour vos offres.",
])
def test_stop_calling_me_in_german_and_french_is_an_objection(text: str) -> None:
    found, _held = rule_labels(text)
    assert OBJ in found


@pytest.mark.parametrize("text", [
    "Please send me all the personal data you have on me.",
    "Stuur mij alle persoonsgegevens die jullie van mij hebben.",
    "Schicken Sie mir alle personenbezogenen Daten, die Sie über mich gespeichert haben.",
    "Envoyez-moi toutes les données personnelles que vous détenez sur moi.",
])
def test_send_me_what_you_hold_about_me_is_access(text: str) -> None:
    found, _held = rule_labels(text)
    assert A in found


@pytest.mark.parametrize("text", [
    "Please send me the invoice for my personal data storage plan.",
    "Stuur mij een nieuwe link, mijn persoonsgegevens zijn al verwijderd.",
])
def test_send_me_something_else_is_no_access(text: str) -> None:
    found, _held = rule_labels(text)
    assert A not in found
