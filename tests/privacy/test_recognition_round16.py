"""Recognition round 16 of issue 18 (tune parts of eval/privacy_tune_authors_pe/pf, read on 2026-12-07; authors pg and
ph held out whole): French and German cue coverage by mechanism, not by message.

- Access in French as people write it: "c'est quoi les infos que vous avez sur moi", "c koi ...", "la liste des
  données que X conserve à mon sujet".
- Marketing stopped with "cessez de m'envoyer": objection.
- Data kept for a dispute but used for nothing else ("elles ne doivent servir à rien d'autre"): restriction.
- A detail no longer right in chat French ("c plus le bon", "n'est plus le bon"): rectification.
- The writer holding data about somebody else ("welche Daten ich über sie gespeichert habe", "what data I hold about
  her"): that person's request to the writer, no request of the writer's own.

The sentences are written for these tests (not taken from the evaluation corpora or the training files).
"""

from __future__ import annotations

import pytest

from privacy.recognition import recognize
from tests.support.privacy_rules import OBJ, A, E, R, S, labels


@pytest.mark.parametrize("text", [
    "c'est quoi toutes les infos que vous avez sur moi ?",
    "c koi les infos que vous avez sur moi exactement ?",
    "Pourriez-vous m'envoyer la liste des données que votre société conserve à mon sujet ?",
    "J'aimerais connaître les informations que vous détenez me concernant.",
])
def test_french_access_as_people_write_it(text: str) -> None:
    assert A in labels(text)


def test_french_erasure_of_what_you_have_is_no_access() -> None:
    assert A not in labels("Supprimez les données que vous avez sur moi.")


@pytest.mark.parametrize("text", [
    "Je vous demande de cesser immédiatement de m'envoyer de la publicité.",
    "Cessez de m'envoyer vos offres promotionnelles, merci.",
])
def test_french_marketing_stopped_is_objection(text: str) -> None:
    assert OBJ in labels(text)


def test_french_data_kept_for_nothing_else_is_restriction() -> None:
    text = ("Vous allez purger mon ancien compte. Je vous demande au contraire de conserver les données pour mon "
            "litige. D'ici là, elles ne doivent servir à rien d'autre.")
    assert S in labels(text)


@pytest.mark.parametrize("text", [
    "le numéro de tel dans mon compte c plus le bon, c'est le 06 12 34 56 78 maintenant, vous pouvez changer svp",
    "L'adresse dans mon espace client n'est plus la bonne, pouvez-vous la mettre à jour ?",
])
def test_french_detail_no_longer_right_is_rectification(text: str) -> None:
    assert R in labels(text)


@pytest.mark.parametrize("text", [
    "Eine ehemalige Bauherrin verlangt Auskunft, welche Daten ich über sie gespeichert habe. Wie exportiere ich das?",
    "A former tenant wants to know what data I hold about her. How do I export it from the database?",
    "Een oud-leerling wil weten welke gegevens ik over hem heb. Hoe haal ik dat uit de database?",
])
def test_the_writer_holding_somebody_elses_data(text: str) -> None:
    assert A not in labels(text)
    assert A not in recognize(text).labels


def test_a_reminder_about_something_else_under_our_done_report_reasserts_nothing() -> None:
    text = ("Still waiting on the refund you promised. Can someone give me a date?\n\nNadia\n\n"
            "On 4 March 2024, Support <support@example.nl> wrote:\n"
            "> Hi Nadia, your personal data has been removed. The refund will follow within 5 working days.\n>\n"
            "> On 27 February 2024, Nadia wrote:\n>> Please delete my data and refund the last month.")
    assert E not in recognize(text).labels


def test_a_reminder_of_an_open_request_still_reasserts_it() -> None:
    text = ("Still no answer to my mail below!\n\nOn 27 February 2024, Nadia wrote:\n"
            "> Please delete my personal data and close my account.")
    assert E in recognize(text).labels
