"""Recognition round 11 of issue 18 (training/privacy/messages_v10_de/fr read after their fresh measurement,
2026-12-07): German and French cue coverage, mechanisms, not messages.

- German "wissen" is "to know" after a modal with words between ("ich will das wissen", "will einfach nur
  wissen") or before a question word ("wissen, was ihr ..."): no Dutch erasure; asking what is stored about one
  ("was habt ihr über mich gespeichert", "vous avez quoi sur moi", "ce que vous savez sur moi") is access.
- French "je ne m'appelle plus X" is a changed name, not "do not call me".
- An account *and everything with it* in every wording ("mit allen Daten", "samt allen Daten", "+ alle daten",
  "und alles, was dazu gehört", "et tout ce qui va avec", "et de toutes les données associées") is erasure.
- Complaints lodged with the German, Austrian, Swiss, Belgian and Quebec authorities by their names, and in the
  verbs "gewandt", "signalé"; a complaint under review by us during a restriction is the restriction's ground.
- Informal French and German opt-outs ("plus de pub", "je veux plus recevoir", "desinscrivez moi" without
  accents, "arrêtez de m'envoyer").
- Somebody asking the writer ("jemand will bei mir ...", "qqn me demande ...", "Anfrage eines Shopkunden") is no
  request of the writer's; the writer's own newsletter tool ("mon propre outil de newsletter") no objection.
- An answered request thanked for in German and French ("herzlichen Dank für die Zusendung", "merci de m'avoir
  transmis", "ist angekommen", "est bien arrivé") and a restriction to be lifted are no new request.
- German separable verbs ("die Verarbeitung einzuschränken", "schränken Sie ... ein", "mitzunehmen"), a deletion
  the company announced ("Sie haben angekündigt, ... zu löschen") which the writer asks to replace, and data in a
  machine-readable format to take along ("maschinenlesbar", "lisible par machine") as portability.

The messages are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition.recognizer import rule_labels
from tests.support.privacy_rules import OBJ, A, C, E, P, R, S


@pytest.mark.parametrize("text", [
    "moin, was speichert ihr eigentlich alles über mich? möchte das gern wissen",
    "Ich will jetzt endlich wissen, was Sie über mich gespeichert haben.",
    "ich will immer noch wissen welche daten ihr von mir habt",
])
def test_german_wissen_is_to_know_not_to_erase(text: str) -> None:
    found, _held = rule_labels(text)
    assert E not in found
    assert A in found


@pytest.mark.parametrize("text", [
    "Kunnen jullie al mijn gegevens wissen?",
    "Wil je mijn persoonsgegevens wissen, ook uit de back-ups?",
])
def test_dutch_wissen_stays_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


@pytest.mark.parametrize("text", [
    "salut vous avez quoi exactement sur moi dans vos fichiers clients ?",
    "Dites-moi tout ce que vous savez sur moi, s'il vous plaît.",
    "quelles infos sur moi vous conservez encore depuis ma résiliation ?",
    "hi, was habt ihr alles über mich gespeichert?",
])
def test_what_do_you_have_on_me_in_french_and_german_is_access(text: str) -> None:
    found, _held = rule_labels(text)
    assert A in found


def test_french_my_name_is_no_longer_is_no_do_not_call() -> None:
    found, _held = rule_labels("Je ne m'appelle plus Martin mais Martin-Leroy depuis mon mariage, merci de corriger "
                               "mon nom.")
    assert OBJ not in found
    assert R in found


def test_french_do_not_call_me_stays_objection() -> None:
    found, _held = rule_labels("Ne m'appelez plus pour vos offres, s'il vous plaît.")
    assert OBJ in found


@pytest.mark.parametrize("text", [
    "bitte mein profil mit allen daten löschen, bin weg",
    "Löschen Sie bitte mein Nutzerkonto samt allen gespeicherten Daten.",
    "könnt ihr meinen account löschen + alle daten?",
    "Bitte löschen Sie mein Kundenkonto und alles, was damit zusammenhängt.",
    "Supprimez mon compte et tout ce qui va avec, merci.",
    "J'exige la suppression de ce compte et de toutes les données associées.",
    "vous pouvez supprimer mon compte + toutes les données ?",
    "Please delete my account and everything that goes with it.",
])
def test_an_account_and_everything_with_it_is_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


@pytest.mark.parametrize("text", [
    "Bitte löschen Sie das Postfach info@ und alle Dateien darin.",
    "Supprimez le compte FTP et tous les fichiers du site.",
])
def test_a_support_account_and_its_files_stays_no_erasure(text: str) -> None:
    found, _held = rule_labels(text)
    assert E not in found


@pytest.mark.parametrize("text", [
    "Ich habe mich an den Landesbeauftragten für Datenschutz gewandt, Sie hatten meine Daten weitergegeben.",
    "ich hab euch beim datenschutzbeauftragten gemeldet wegen dem datenleck",
    "J'ai saisi l'Autorité de protection des données, la plainte est introduite.",
    "je vous ai signalés à la cnil pour ce spam",
    "J'ai porté plainte à la Commission d'accès à l'information contre votre entreprise.",
])
def test_a_complaint_to_a_named_authority_is_a_complaint(text: str) -> None:
    found, _held = rule_labels(text)
    assert C in found


def test_a_threat_to_go_to_the_dpa_on_a_condition_stays_held() -> None:
    found, held = rule_labels("wenn ihr das nicht bis freitag löst, geh ich zum datenschutzbeauftragten")
    assert C not in found and C in held


@pytest.mark.parametrize("text", [
    "Bitte schränken Sie die Verarbeitung ein, solange meine Beschwerde über die Richtigkeit bei Ihnen geprüft wird.",
    "Please restrict the processing of my data while my complaint about its accuracy is being reviewed by you.",
])
def test_a_complaint_under_our_review_is_the_ground_of_a_restriction(text: str) -> None:
    found, _held = rule_labels(text)
    assert C not in found
    assert S in found


@pytest.mark.parametrize("text", [
    "bonjour plus de pub par sms svp",
    "je veux plus recevoir vos mails publicitaires",
    "desinscrivez moi de votre newsletter",
    "Arretez de m'envoyer vos offres promotionnelles.",
])
def test_informal_french_opt_outs_are_objection(text: str) -> None:
    found, _held = rule_labels(text)
    assert OBJ in found


@pytest.mark.parametrize("text", [
    "jemand will bei mir sein recht auf vergessenwerden für einen forumsbeitrag, wie lösche ich den?",
    "qqn me demande le droit à l'oubli pour un avis sur mon site, je fais comment ?",
    "Wir haben eine Anfrage eines Shopkunden auf Datenübertragbarkeit bekommen, wie exportiere ich das?",
])
def test_somebody_asking_the_writer_is_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


def test_the_writers_own_newsletter_tool_is_no_objection() -> None:
    found, _held = rule_labels("Comment ajouter une option de désinscription à mon propre outil de newsletter chez "
                               "vous ?")
    assert OBJ not in found


@pytest.mark.parametrize("text", [
    "Vielen Dank für die Zusendung meiner Daten, die Auskunft ist angekommen.",
    "Herzlichen Dank für die schnelle Auskunft, damit ist alles erledigt.",
    "Je vous remercie de m'avoir transmis mes données, la réponse est complète.",
    "Merci, le fichier avec mes données est bien arrivé.",
    "Die Einschränkung der Verarbeitung kann aufgehoben werden, der Streit ist beigelegt.",
    "La limitation du traitement peut être levée, merci.",
])
def test_an_answered_request_or_a_restriction_to_lift_is_no_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert not found


def test_merci_de_asks_in_advance_and_stays_a_request() -> None:
    found, _held = rule_labels("Merci de supprimer toutes mes données personnelles.")
    assert E in found


@pytest.mark.parametrize("text", [
    "Ich bitte Sie, die Verarbeitung meiner Daten einzuschränken.",
    "Schränken Sie bitte die Verarbeitung meiner Daten ein, bis das geklärt ist.",
    "Je vous demande de limiter le traitement de mes données.",
])
def test_restricting_the_processing_in_separable_and_infinitive_forms_is_restriction(text: str) -> None:
    found, _held = rule_labels(text)
    assert S in found


@pytest.mark.parametrize("text", [
    "Sie haben angekündigt, meine Daten nach Vertragsende zu löschen. Bitte schränken Sie stattdessen die "
    "Verarbeitung ein.",
    "Vous avez annoncé que vous effaceriez mes données. Je vous demande plutôt de limiter le traitement.",
])
def test_a_deletion_the_company_announced_is_no_erasure_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert E not in found
    assert S in found


@pytest.mark.parametrize("text", [
    "Ich will meine Daten in einem maschinenlesbaren Format, um sie zu einem anderen Anbieter mitzunehmen.",
    "Envoyez-moi mes données dans un format lisible par machine, je change d'hébergeur.",
    "kann ich meine daten als datei bekommen? will die zu nem anderen anbieter mitnehmen",
])
def test_data_in_a_machine_readable_format_to_take_along_is_portability(text: str) -> None:
    found, _held = rule_labels(text)
    assert P in found
    assert A not in found


def test_an_answer_complete_with_a_negation_elsewhere_is_no_request() -> None:
    found, _held = rule_labels("Die Auskunft ist vollständig, weitere Fragen habe ich nicht.")
    assert not found


@pytest.mark.parametrize("text", [
    "Die Auskunft ist noch nicht vollständig, es fehlen die Empfänger meiner Daten.",
    "La copie de mes données n'est pas complète, il manque mes factures.",
])
def test_an_answer_said_to_be_incomplete_stays_a_request(text: str) -> None:
    found, _held = rule_labels(text)
    assert A in found


@pytest.mark.parametrize("text", [
    "supprimez tout ce que vous avez sur moi",
    "löscht bitte alles, was ihr über mich gespeichert habt",
])
def test_erasing_everything_you_have_on_me_is_no_access(text: str) -> None:
    found, _held = rule_labels(text)
    assert A not in found
    assert E in found


def test_blocking_an_account_opened_in_my_name_is_no_restriction() -> None:
    found, _held = rule_labels("Quelqu'un a ouvert un compte à mon nom chez vous. Pouvez-vous le bloquer ?")
    assert S not in found


def test_access_then_erase_everything_keeps_both() -> None:
    found, _held = rule_labels("Dites-moi quelles données vous avez sur moi, puis effacez tout.")
    assert A in found


@pytest.mark.parametrize("text", [
    "Ich verlange, dass mein Benutzerkonto samt allen Daten gelöscht wird.",
    "Meine personenbezogenen Daten sollen vollständig gelöscht werden.",
])
def test_a_german_participle_erases(text: str) -> None:
    found, _held = rule_labels(text)
    assert E in found


@pytest.mark.parametrize("text", [
    "In meinem Profil steht noch meine alte Handynummer, bitte tragen Sie die neue ein.",
    "Mon profil contient encore mon ancien numéro, merci de le mettre à jour.",
    "Sie haben ein falsches Geburtsdatum gespeichert, bitte das richtige eintragen.",
    "Vous avez enregistré une mauvaise date de naissance, merci de la corriger.",
])
def test_an_old_or_wrong_value_to_replace_is_rectification(text: str) -> None:
    found, _held = rule_labels(text)
    assert R in found


@pytest.mark.parametrize("text", [
    "Meine Adresse ist falsch, bitte korrigieren und bis dahin nix mehr mit meinen Daten machen.",
    "Mon adresse est fausse : corrigez-la et en attendant ne faites plus rien avec mes données.",
])
def test_doing_nothing_with_the_data_meanwhile_is_restriction(text: str) -> None:
    found, _held = rule_labels(text)
    assert S in found


@pytest.mark.parametrize("text", [
    "Je vous demande de limiter le traitement de mes données, car j'en ai besoin pour faire valoir mes droits en "
    "justice.",
    "Bitte schränken Sie die Verarbeitung meiner Daten ein, ich brauche sie, um meine Rechte geltend zu machen.",
    "Please restrict the processing of my data: I need it to defend my rights in court.",
])
def test_asserting_ones_rights_in_court_is_no_list_of_rights(text: str) -> None:
    found, _held = rule_labels(text)
    assert S in found


def test_deleting_the_wrong_value_being_replaced_is_no_erasure() -> None:
    found, _held = rule_labels("Meine alte Handynummer ist noch hinterlegt. Bitte tragen Sie die neue ein und löschen "
                               "Sie die falsche Nummer.")
    assert E not in found
    assert R in found


def test_blocking_an_account_opened_in_my_name_is_no_restriction_in_german() -> None:
    found, _held = rule_labels("Jemand will in meinem Namen ein Konto eröffnen. Können Sie das sperren?")
    assert S not in found


def test_erasing_everything_and_the_old_address_is_no_rectification() -> None:
    found, _held = rule_labels("kann man meine daten bei euch löschen lassen? alles, auch die alte adresse")
    assert R not in found
