"""Recognition round 14 of issue 18 (training/privacy/messages_v12_nl/en/de/fr read after their fresh measurement,
2026-12-07): German, French, Dutch and English cue coverage by mechanism, not by message.

- A negated erasure beside a restriction ("löschen Sie nichts", "ne les supprimez surtout pas", "sans les détruire",
  "ohne sie zu vernichten", "ik wil niet dat u ze wist"): the erasure is refused, not asked.
- Somebody else's complaint ("a patient of mine complained to the ICO", "eine Kundin droht uns mit einer
  Beschwerde", "une cliente nous menace de porter plainte"), and the writer's own duty to report a breach in German
  and French ("müssen wir das melden?", "devons-nous le signaler ?"): no complaint of the writer's.
- Erasure idioms: "recht om vergeten te worden", "droit d'être oublié", "je ne veux plus que vous gardiez mes
  données", "jullie hoeven niks meer van mij te bewaren", "ik wil mijn gegevens weg", "que tout soit effacé".
- A changed name after a marriage or divorce with a request to update it ("heiße jetzt", "j'ai changé de nom",
  "sinds mijn scheiding heet ik weer"): rectification.

The sentences are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``labels`` (the rules alone) so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition.message import split_sentences
from tests.support.privacy_rules import OBJ, A, C, E, P, R, S, labels


@pytest.mark.parametrize("text", [
    "Bitte schränken Sie die Verarbeitung meiner Daten ein und löschen Sie nichts, ich brauche sie als Beweis.",
    "Sperren Sie bitte meine Daten bis zur Klärung, ohne sie zu vernichten.",
    "Merci de limiter le traitement de mes données, mais ne les effacez surtout pas, j'en ai besoin.",
    "Je vous demande de geler mes données personnelles jusqu'au jugement, sans toutefois les supprimer.",
    "Beperk de verwerking van mijn gegevens tot de zaak is afgerond; ik wil niet dat u mijn gegevens nu verwijdert.",
    "Please restrict the processing of my personal data until the dispute is settled, without erasing them.",
])
def test_a_refused_erasure_beside_a_restriction_is_no_erasure(text: str) -> None:
    assert E not in labels(text)
    assert S in labels(text)


@pytest.mark.parametrize("text", [
    "Löschen Sie bitte meine personenbezogenen Daten, ohne weitere Rückfragen.",
    "Je ne veux plus de vos mails, et supprimez mes données personnelles.",
])
def test_an_erasure_asked_stays(text: str) -> None:
    assert E in labels(text)


@pytest.mark.parametrize("text", [
    "One of my patients complained to the ICO about the booking form on our practice website. Which country are your "
    "servers in?",
    "Ein Mandant von mir hat sich bei der Datenschutzbehörde über unser Kanzleiformular beschwert. Wo stehen Ihre "
    "Server?",
    "Un client de notre cabinet a porté plainte à la CNIL contre nous. Pouvez-vous nous fournir les journaux du "
    "serveur ?",
    "Een patiënt van onze praktijk heeft een klacht over ons ingediend bij de Autoriteit Persoonsgegevens. Kunnen "
    "jullie de logs aanleveren?",
    "Eine Kundin droht uns mit einer Beschwerde bei der Datenschutzbehörde wegen unseres Newsletters.",
    "Un abonné nous menace d'une plainte à la CNIL à cause de notre formulaire d'inscription.",
])
def test_somebody_elses_complaint_is_no_complaint(text: str) -> None:
    assert C not in labels(text)


@pytest.mark.parametrize("text", [
    "Unser Shop wurde gehackt. Müssen wir das der Datenschutzbehörde melden?",
    "Notre boutique en ligne a été piratée. Devons-nous le signaler à la CNIL ?",
])
def test_the_writers_own_duty_to_report_is_no_complaint(text: str) -> None:
    assert C not in labels(text)


@pytest.mark.parametrize("text", [
    "Ich habe mich heute bei der Datenschutzbehörde über Ihre Werbeanrufe beschwert.",
    "J'ai porté plainte auprès de la CNIL contre vous pour vos appels publicitaires.",
])
def test_the_writers_own_complaint_stays(text: str) -> None:
    assert C in labels(text)


@pytest.mark.parametrize("text", [
    "Hierbij beroep ik mij op het recht om vergeten te worden.",
    "J'exerce mon droit d'être oublié auprès de votre société.",
    "Je ne veux plus que vous conserviez mes renseignements personnels.",
    "je veux pu que vous gardiez mes infos perso",
    "Jullie hoeven niets meer van mij te bewaren, ik ben geen klant meer.",
    "ik wil al mijn gegevens weg bij jullie",
    "Je voudrais que toutes mes données personnelles soient effacées.",
    "et ensuite que tout soit supprimé chez vous svp",
])
def test_erasure_idioms(text: str) -> None:
    assert E in labels(text)


@pytest.mark.parametrize("text", [
    "We hoeven de oude back-ups niet meer te bewaren, ze mogen weg.",
    "Je ne veux plus que vous gardiez mon nom de domaine, il expire le mois prochain.",
    "Le site doit être effacé du serveur de test.",
])
def test_not_the_writers_data_is_no_erasure(text: str) -> None:
    assert E not in labels(text)


@pytest.mark.parametrize("text", [
    "Ich heiße seit der Hochzeit Berger-Lindqvist. Können Sie das in meinem Kundenkonto ändern?",
    "Depuis mon divorce, j'ai repris mon nom : Lefort. Merci de mettre à jour mon dossier client.",
    "jai changé de nom, c'est Mme Rosier maintenant, vous pouvez modifier mon compte ?",
    "Sinds mijn scheiding heet ik weer Van Houten. Willen jullie dat aanpassen in mijn klantgegevens?",
    "I got married last month and my surname is now Okafor, please update my account.",
])
def test_a_changed_name_to_update_is_rectification(text: str) -> None:
    assert R in labels(text)


@pytest.mark.parametrize("text", [
    "Ich heiße Jonas und habe eine Frage zu meinem Webhosting.",
    "Depuis mon mariage, nous avons un site pour les photos : pouvez-vous mettre à jour le certificat SSL ?",
])
def test_a_name_or_wedding_without_a_changed_name_is_no_rectification(text: str) -> None:
    assert R not in labels(text)


# The authority asking the writer for information about somebody else's complaint: no complaint of the writer's
@pytest.mark.parametrize("text", [
    "De Autoriteit Persoonsgegevens vraagt ons nu om informatie over onze bewaartermijnen.",
    "Die Datenschutzbehörde verlangt von uns Informationen über unsere Serverstandorte.",
    "La CNIL nous demande des informations sur l'hébergement de notre site.",
])
def test_the_authority_asking_the_writer_is_no_complaint(text: str) -> None:
    assert C not in labels(text)


def test_informing_the_authority_stays_a_complaint() -> None:
    assert C in labels("Ik heb vandaag een klacht over jullie datalek ingediend bij de Autoriteit Persoonsgegevens, "
                       "die vraagt mij nu om informatie.")


# A privacy notice in the writer's own signature states the reader's rights (the writer's company is the controller
# there); a long line after the signature is otherwise still read (a PS)
_NOTICE = {
    "en": "We handle personal data under the GDPR. You have the right to see, correct or delete your data, to object, "
          "and to complain to the ICO.",
    "nl": "Wij verwerken persoonsgegevens volgens de AVG. U hebt het recht op inzage en verwijdering, en u kunt een "
          "klacht indienen bij de Autoriteit Persoonsgegevens.",
    "de": "Wir verarbeiten personenbezogene Daten nach der DSGVO. Sie haben das Recht auf Auskunft und Löschung und "
          "können sich bei der Aufsichtsbehörde beschweren.",
    "fr": "Nous traitons les données personnelles conformément au RGPD. Vous disposez d'un droit d'accès et "
          "d'effacement et pouvez introduire une réclamation auprès de la CNIL.",
}


@pytest.mark.parametrize("lang", sorted(_NOTICE))
def test_a_privacy_notice_in_the_signature_is_no_request(lang: str) -> None:
    text = f"Hello,\n\nCan you renew my SSL certificate?\n\nThanks,\nSam Ortega\n\n--\nOrtega Studio\n{_NOTICE[lang]}"
    assert labels(text) == set()


def test_a_request_above_the_signature_with_a_notice_stays() -> None:
    text = f"Hi,\n\nPlease delete all my personal data.\n\nSam Ortega\n\n--\nOrtega Studio\n{_NOTICE['en']}"
    assert labels(text) == {E}


# Erasure of the writer as a person or of their profile: "verwijder mij maar", "löschen Sie mich", "supprimez-moi",
# "delete my profile"; not removal from a list (an objection) or as an admin of something
@pytest.mark.parametrize("text", [
    "verwijder mij maar, ik ben geen klant meer",
    "Löschen Sie mich bitte komplett, ich nutze nichts mehr.",
    "supprimez-moi svp, je ne suis plus client",
    "Please delete my profile, I no longer use your service.",
    "Bitte löschen Sie anschließend mein Profil.",
    "Effacez ensuite mon profil client.",
    "ik wil mijn abonnement opzeggen en al mijn gegevens ook weg",
])
def test_erasure_of_the_writer_or_their_profile(text: str) -> None:
    assert E in labels(text)


@pytest.mark.parametrize("text", [
    "Kun je me verwijderen als beheerder van het domein?",
    "Please delete my profile picture from the team page of our website.",
    "Help, na de update zijn al mijn gegevens weg uit de webshop!",
])
def test_no_erasure_of_the_writer(text: str) -> None:
    assert E not in labels(text)


# An export of a website or database that fails, or a backup: hosting support, no portability request
@pytest.mark.parametrize("text", [
    "Ik wil al mijn gegevens veiligstellen, maar de export loopt vast na een minuut.",
    "Ich möchte alle meine Daten sichern, aber der Export bricht immer ab.",
    "Je veux sauvegarder toutes mes données, mais l'export échoue à chaque fois.",
    "I want to back up all my data before the move, but the export keeps timing out.",
])
def test_a_failing_export_or_a_backup_is_no_portability(text: str) -> None:
    assert labels(text) == set()


def test_my_data_in_a_file_for_a_new_provider_stays_portability() -> None:
    assert P in labels("Please send me all my personal data as a CSV file so I can take it to another provider.")


# A request answered: the export arrived, the newsletters stopped ("danke fürs Erledigen")
@pytest.mark.parametrize("text", [
    "The copy of my data came through yesterday, all good.",
    "Keine Werbemails mehr seit Montag, danke fürs Abstellen!",
])
def test_an_answered_request_is_no_new_one(text: str) -> None:
    assert labels(text) == set()


@pytest.mark.parametrize("text", [
    "Nehmen Sie mich bitte aus Ihrem Werbeverteiler.",
    "Nehmt mich sofort aus allen Newsletter-Listen.",
])
def test_german_taken_off_the_marketing_list_is_an_objection(text: str) -> None:
    assert labels(text) == {OBJ}


# A German date's ordinal dot ("bis zum 30. Juni") ends no sentence: the condition before it still holds the threat
def test_a_german_date_ends_no_sentence() -> None:
    text = "Sollte ich bis zum 30. Juni keine Antwort erhalten, wende ich mich an die Aufsichtsbehörde."
    assert split_sentences(text) == [text]
    assert C not in labels(text)


def test_a_number_at_a_sentence_end_still_ends_it() -> None:
    assert len(split_sentences("Mein Vertrag endete 2023. Bitte löschen Sie meine Daten.")) == 2


# Authorities by the names customers use, and Dutch past participles of going to one
@pytest.mark.parametrize("text", [
    "Ich habe mich gestern an die Berliner Beauftragte für Datenschutz und Informationsfreiheit gewandt, weil Sie "
    "meine Adresse weitergegeben haben.",
    "J'ai signalé l'affaire au Préposé fédéral à la protection des données (PFPDT), vous avez divulgué mon adresse.",
    "Ik heb de zaak vandaag voorgelegd aan de Autoriteit Persoonsgegevens.",
    "Ik heb inmiddels de AP ingeschakeld over het lek van mijn gegevens.",
])
def test_a_complaint_filed_with_an_authority(text: str) -> None:
    assert C in labels(text)


# Quebec French says "renseignements personnels" for personal data
@pytest.mark.parametrize(("text", "label"), [
    ("Veuillez me transmettre une copie de mes renseignements personnels.", A),
    ("Effacez tous mes renseignements personnels de vos dossiers svp.", E),
])
def test_quebec_personal_information(text: str, label: object) -> None:
    assert label in labels(text)


@pytest.mark.parametrize("text", ["dont call me again", "pls dont phone me anymore"])
def test_do_not_call_in_chat_spelling(text: str) -> None:
    assert labels(text) == {OBJ}


# A copy of an identity paper offered or sent for verification (a residence permit, a birth certificate, "mijn ID") is
# no copy of the writer's data asked for
@pytest.mark.parametrize(("text", "expected"), [
    ("Verwijder al mijn persoonsgegevens. Ik kan een kopie van mijn ID of mijn geboorteakte sturen als dat nodig is.",
     {E}),
    ("Please erase all my personal data from your systems, also the copy of my residence permit I sent.", {E}),
    ("Bitte löschen Sie meine personenbezogenen Daten. Eine Kopie meines Aufenthaltstitels schicke ich gern mit.",
     {E}),
])
def test_a_copy_of_an_identity_paper_is_no_access(text: str, expected: set[object]) -> None:
    assert labels(text) == expected


def test_a_copy_of_ones_data_stays_access() -> None:
    assert labels("Stuur mij een kopie van al mijn persoonsgegevens.") == {A}


# "I do not want you to use my number for ads" in German, French and Dutch word order
@pytest.mark.parametrize("text", [
    "Ich möchte nicht, dass Sie meine Handynummer weiter für Ihre Werbung benutzen.",
    "Je ne veux pas que vous utilisiez mon numéro de portable pour vos publicités.",
    "Ik wil niet dat jullie mijn telefoonnummer nog voor reclame gebruiken.",
])
def test_not_wanting_ones_data_used_for_ads_is_an_objection(text: str) -> None:
    assert labels(text) == {OBJ}


# An earlier request received or withdrawn ("na mijn inzageverzoek heb ik ... ontvangen", "mag als vervallen worden
# beschouwd", "I withdraw my access request"): no new request; a reminder that nothing came stays one
@pytest.mark.parametrize("text", [
    "Na mijn inzageverzoek van vorige maand heb ik het overzicht ontvangen.",
    "After my subject access request I received my file last week.",
    "Nach meinem Auskunftsersuchen habe ich die Kopie letzte Woche erhalten.",
    "Mijn verzoek om inzage mag als vervallen worden beschouwd, ik heb alles al.",
    "I withdraw my access request, I found what I needed.",
    "Mein Auskunftsersuchen ziehe ich hiermit zurück.",
])
def test_an_earlier_request_received_or_withdrawn_is_no_new_one(text: str) -> None:
    assert labels(text) == set()


@pytest.mark.parametrize("text", [
    "Na mijn inzageverzoek van vorige maand heb ik nog steeds niets ontvangen.",
    "After my subject access request I have still not received anything.",
])
def test_a_reminder_that_nothing_came_stays_a_request(text: str) -> None:
    assert A in labels(text)
