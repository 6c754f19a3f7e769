"""Recognition round 13 of issue 18 (training/privacy/letters_v5 read after their fresh measurement,
2026-12-07): what a formal letter's optional paragraphs add must not become labels. Mechanisms, not letters.

- Wrong scope: the dot of an article abbreviation ("art. 15", "Art. 18 Abs. 1 lit. d", "art. 12 al. 3") ended a
  sentence, so a list of rights with its article numbers ("inzage (art. 15), rectificatie (art. 16), ...") was read
  right by right, each fragment naming one right and none a list: every right of the list became a label.

The letters are written for these tests (not taken from the evaluation corpora or the training files).
Rule-level assertions use ``rule_labels`` so they hold whatever the shipped model scores.
"""

from __future__ import annotations

import pytest

from privacy.recognition.message import split_sentences
from tests.support.privacy_rules import OBJ, A, E, R, S, labels


@pytest.mark.parametrize("text", [
    "Zie art. 15 en art. 17 AVG voor de grondslag.",
    "Nach Art. 18 Abs. 1 lit. d DSGVO beantrage ich die Einschränkung.",
    "Selon l'art. 12 al. 3 du RGPD, vous avez un mois.",
    "Under Art. 15 para. 3 GDPR, one copy is free.",
])
def test_an_article_abbreviation_ends_no_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(("text", "parts"), [
    ("I studied art. Please delete my account.", 2),
    ("Zie art. 15. Verwijder daarna alles.", 2),
    ("Wir sprachen über Art. Bitte löschen Sie meine Daten.", 2),
])
def test_other_dots_still_end_sentences(text: str, parts: int) -> None:
    assert len(split_sentences(text)) == parts


_RIGHTS = {
    "nl": "Voor de volledigheid: de AVG geeft mij recht op inzage (art. 15), correctie (art. 16), wissing (art. 17), "
          "beperking (art. 18), dataportabiliteit (art. 20) en bezwaar (art. 21), en op een klacht bij de "
          "Autoriteit Persoonsgegevens (art. 77).",
    "en": "For completeness: the GDPR gives me the rights of access (Art. 15), rectification (Art. 16), erasure "
          "(Art. 17), restriction (Art. 18), data portability (Art. 20) and objection (Art. 21), and the right to "
          "complain to a supervisory authority (Art. 77).",
    "de": "Der Vollständigkeit halber: Die DSGVO gibt mir das Recht auf Auskunft (Art. 15), Berichtigung (Art. 16), "
          "Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und "
          "Widerspruch (Art. 21) sowie auf Beschwerde bei einer Aufsichtsbehörde (Art. 77).",
    "fr": "Pour mémoire, le RGPD me donne un droit d'accès (art. 15), de rectification (art. 16), d'effacement "
          "(art. 17), de limitation (art. 18), à la portabilité (art. 20) et d'opposition (art. 21), ainsi que le "
          "droit d'introduire une réclamation auprès de la CNIL (art. 77).",
}
_ASKS = {
    "nl": ("Ik verzoek u mijn persoonsgegevens te wissen op grond van artikel 17 AVG.", E),
    "en": ("Please correct my surname in your records, it is spelled Hartley, not Hartly.", R),
    "de": ("Ich widerspreche der Nutzung meiner personenbezogenen Daten für Werbung (Art. 21 Abs. 2 DSGVO).", OBJ),
    "fr": ("Je vous demande de m'envoyer une copie de toutes mes données personnelles.", A),
}


@pytest.mark.parametrize("lang", sorted(_RIGHTS))
def test_a_rights_list_with_article_numbers_adds_no_label(lang: str) -> None:
    ask, label = _ASKS[lang]
    assert labels(f"{ask}\n\n{_RIGHTS[lang]}") == {label}


@pytest.mark.parametrize("lang", sorted(_RIGHTS))
def test_a_rights_list_alone_is_no_request(lang: str) -> None:
    assert labels(_RIGHTS[lang]) == set()


# Art. 19: the controller tells the recipients of a rectification, erasure or restriction, and the writer who they
# are. Asking that, beside the request, is part of it: no access request of its own.
_ART19 = {
    "nl": ("Corrigeer alstublieft mijn geboortedatum in uw administratie: het is 3 mei 1980, niet 5 maart 1980.",
           "Breng ook iedere ontvanger aan wie u mijn gegevens hebt doorgegeven hiervan op de hoogte (artikel 19 AVG) "
           "en laat mij weten wie dat zijn."),
    "en": ("Please correct my date of birth in your records: it is 3 May 1980, not 5 March 1980.",
           "Please also notify each recipient to whom my personal data were disclosed of this correction, as Article "
           "19 GDPR requires, and tell me who they are."),
    "de": ("Bitte berichtigen Sie mein Geburtsdatum in Ihren Unterlagen: richtig ist der 3. Mai 1980.",
           "Bitte unterrichten Sie nach Art. 19 DSGVO auch alle Empfänger, denen Sie meine Daten offengelegt haben, "
           "und sagen Sie mir, wer diese Empfänger sind."),
    "fr": ("Merci de corriger ma date de naissance dans vos fichiers : c'est le 3 mai 1980.",
           "Je vous prie aussi d'informer tous les destinataires à qui mes données personnelles ont été transmises "
           "(article 19 du RGPD) et de me faire savoir qui ils sont."),
}


@pytest.mark.parametrize("lang", sorted(_ART19))
def test_telling_the_recipients_of_a_correction_is_no_access_request(lang: str) -> None:
    ask, art19 = _ART19[lang]
    assert labels(f"{ask}\n\n{art19}") == {R}


@pytest.mark.parametrize("text", [
    "Please tell me who the recipients of my personal data are, as Article 15 GDPR entitles me to know.",
    "I want to know which third parties received my personal data.",
])
def test_asking_who_received_ones_data_stays_access(text: str) -> None:
    assert labels(text) == {A}


# Art. 18(1)(d): a restriction while an objection made earlier is assessed. The objection named in the while-clause
# is the restriction's ground, not made again; an objection made in the same breath stays one.
@pytest.mark.parametrize("text", [
    "I ask you to restrict the processing of my personal data under Article 18(1)(d) GDPR until my objection has been "
    "decided.",
    "Zolang u mijn bezwaar beoordeelt, verzoek ik u de verwerking van mijn persoonsgegevens te beperken (artikel 18 "
    "AVG).",
    "Solange über meinen Widerspruch nicht entschieden ist, verlange ich die Einschränkung der Verarbeitung meiner "
    "personenbezogenen Daten (Art. 18 Abs. 1 lit. d DSGVO).",
    "Jusqu'à la décision sur mon opposition, je vous demande de limiter le traitement de mes données personnelles "
    "(article 18 du RGPD).",
])
def test_an_objection_under_assessment_is_the_restrictions_ground(text: str) -> None:
    assert labels(text) == {S}


@pytest.mark.parametrize("text", [
    "I object to the profiling of my personal data, and please restrict its processing while you weigh my objection.",
    "Ik maak bezwaar tegen het gebruik van mijn gegevens voor profilering. Beperk de verwerking van mijn gegevens "
    "zolang u mijn bezwaar beoordeelt.",
])
def test_an_objection_made_beside_the_restriction_stays(text: str) -> None:
    assert labels(text) == {S, OBJ}


# Thanks for a letter that confirmed a request carried out, in French's "je vous remercie de votre courrier": the
# request is done, no new one (the English, Dutch and German "for/voor/für" were read so already).
@pytest.mark.parametrize("text", [
    "Je vous remercie de votre courrier confirmant que mon compte et toutes mes données personnelles ont été effacés.",
    "Merci de votre message qui confirme la suppression de toutes mes données personnelles. Le dossier est clos.",
])
def test_thanks_for_the_letter_confirming_a_done_erasure(text: str) -> None:
    assert labels(text) == set()


def test_thanks_then_a_new_request_in_its_own_sentence_stays() -> None:
    assert labels("Merci de votre réponse. Je vous demande maintenant de supprimer toutes mes données "
                  "personnelles.") == {E}
