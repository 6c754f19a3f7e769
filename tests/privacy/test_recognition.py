"""Table-driven tests for privacy-request recognition, on sentences written for these tests.

None of the sentences comes from the evaluation corpora: they probe the general rules (intent x personal
data x ordinary-support context) in nl, en, de and fr.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from privacy.detect_cli import run_detect
from privacy.recognition import RequestType, detect_requests, recognize
from privacy.recognition.message import split_message

A, R, E, S, P, OBJ, C = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "complaint",
)

POSITIVES: list[tuple[str, str, set[str]]] = [
    # ---- access
    ("nl-access-informal", "Hoi, wat weten jullie eigenlijk allemaal van mij? Ben wel benieuwd.", {A}),
    ("nl-access-article", "Hierbij doe ik een beroep op art. 15 AVG en verzoek ik om inzage.", {A}),
    ("nl-access-copy", "Kunt u mij een kopie sturen van alle persoonsgegevens die u van mij verwerkt?", {A}),
    ("nl-access-which", "Welke gegevens hebben jullie over mij opgeslagen en met wie delen jullie die?", {A}),
    ("en-access-sar", "This is a subject access request. Please send me everything you hold about me.", {A}),
    ("en-access-what", "What personal information do you keep about me, and where did you get it?", {A}),
    ("en-access-article", "Under Article 15 GDPR I would like a copy of my data.", {A}),
    ("en-access-source", "Where did you get my phone number? I never gave it to you.", {A}),
    ("nl-access-source", "Hoe komen jullie aan mijn adres? Ik heb nooit iets bij jullie gekocht.", {A}),
    ("de-access", "Gemäß Art. 15 DSGVO bitte ich um Auskunft über meine personenbezogenen Daten.", {A}),
    ("fr-access", "Conformément à l'article 15 du RGPD, je souhaite accéder à mes données personnelles.", {A}),
    # ---- rectification
    ("nl-rect-name", "Mijn achternaam is verkeerd gespeld in jullie administratie, wilt u dat corrigeren?", {R}),
    ("nl-rect-dob", "De geboortedatum die jullie van mij hebben klopt niet, kunnen jullie die aanpassen?", {R}),
    ("en-rect-name", "Your records have my surname wrong: it is Hendriks, not Hendrix. Please correct it.", {R}),
    ("en-rect-address", "I moved last year and my home address in your system is outdated, please update it.", {R}),
    ("de-rect", "Bitte berichtigen Sie meine Daten, mein Name ist falsch geschrieben.", {R}),
    # ---- erasure
    ("nl-erase-forget", "Ik wil dat jullie al mijn persoonsgegevens verwijderen. Ik ben geen klant meer.", {E}),
    ("nl-erase-everything", "Verwijder alles wat jullie over mij hebben opgeslagen, graag per direct.", {E}),
    ("nl-erase-right", "Ik beroep me op mijn recht op vergetelheid.", {E}),
    ("en-erase-chat", "delete everything you have on me pls", {E}),
    ("en-erase-account-data", "Please close my customer account and delete all my data.", {E}),
    ("en-erase-forgotten", "I want to exercise my right to be forgotten.", {E}),
    ("de-erase", "Ich verlange die Löschung meiner personenbezogenen Daten nach Art. 17 DSGVO.", {E}),
    ("fr-erase", "Merci de supprimer toutes mes données personnelles de vos fichiers.", {E}),
    # ---- restriction
    ("nl-restrict-named", "Ik verzoek om beperking van de verwerking van mijn gegevens.", {S}),
    (
        "nl-restrict-until",
        "Ik ben het niet eens met de registratie van mijn account als spammer. Zolang jullie dat "
        "onderzoeken wil ik dat jullie mijn gegevens niet meer verwerken.",
        {S},
    ),
    ("en-restrict-pending", "Please stop using my personal data until you have checked whether it is correct.", {S}),
    ("en-restrict-keep", "Don't delete my details yet, I need them as evidence, but don't use them anymore.", {S}),
    # ---- portability
    ("nl-port-csv", "Kunnen jullie mijn persoonsgegevens als CSV-bestand exporteren?", {P}),
    ("nl-port-named", "Ik doe een beroep op mijn recht op dataportabiliteit.", {P}),
    (
        "en-port-machine",
        "Please send the personal data I provided to you in a machine-readable format so I can move it.",
        {P},
    ),
    ("de-port", "Ich möchte mein Recht auf Datenübertragbarkeit nach Art. 20 DSGVO ausüben.", {P}),
    # ---- objection
    ("nl-obj-newsletter", "Meld me af voor die nieuwsbrief, ik wil geen reclame meer ontvangen.", {OBJ}),
    ("nl-obj-bezwaar", "Ik maak bezwaar tegen het gebruik van mijn gegevens voor profilering.", {OBJ}),
    ("nl-obj-anaphor", "Ik krijg elke week mails met aanbiedingen van jullie. Daar wil ik mee stoppen.", {OBJ}),
    ("en-obj-unsubscribe", "Please unsubscribe me from your promotional emails.", {OBJ}),
    ("en-obj-list", "Take my details off your sales list, no more promo texts please.", {OBJ}),
    ("en-obj-object", "I object to the processing of my personal data for direct marketing.", {OBJ}),
    ("en-obj-calls", "Stop calling me about upgrade offers, put me on your do-not-call list.", {OBJ}),
    ("de-obj", "Ich widerspreche der Verarbeitung meiner Daten für Werbung.", {OBJ}),
    ("fr-obj", "Je m'oppose au traitement de mes données à des fins de prospection.", {OBJ}),
    # ---- complaint
    ("nl-compl-ap", "Ik stap nu naar de Autoriteit Persoonsgegevens, jullie negeren mijn privacyklacht.", {C}),
    ("nl-compl-privacy", "Ik wil een klacht indienen over hoe jullie met mijn privacy omgaan.", {C}),
    ("en-compl-ico", "I am going to report you to the ICO for mishandling my data.", {C}),
    ("en-compl-grievance", "You gave my details to a stranger on the phone without my consent. Unacceptable.", {C}),
    ("en-compl-grievance-marketing", "You shared my details with a marketing firm without my consent. Unacceptable.",
     {C}),
    ("fr-compl", "Je vais déposer une plainte auprès de la CNIL concernant mes données personnelles.", {C}),
    # ---- several at once
    (
        "nl-multi-access-erasure",
        "Stuur me eerst een overzicht van mijn persoonsgegevens. Daarna mogen jullie alles wissen.",
        {A, E},
    ),
    (
        "en-multi-articles",
        "I invoke Articles 15, 17 and 21 GDPR regarding my personal data.",
        {A, E, OBJ},
    ),
    (
        "en-multi-erasure-complaint",
        "Delete all personal data you hold about me. I have also filed a complaint with the ICO.",
        {E, C},
    ),
    (
        "nl-multi-objection-erasure",
        "Stop met die reclamemails en verwijder mijn gegevens uit jullie systemen.",
        {E, OBJ},
    ),
]

NEGATIVES: list[tuple[str, str]] = [
    ("nl-delete-mailbox", "Kunnen jullie de mailbox info@bakkerij.nl verwijderen? Die gebruiken we niet meer."),
    ("en-delete-mailbox", "Please delete the mailbox sales@example.com and all emails in it."),
    ("nl-inzage-invoices", "Ik wil graag inzage in mijn facturen van vorig jaar voor de boekhouding."),
    ("en-access-account", "I can't access my account since this morning, can you reset it?"),
    ("nl-bezwaar-invoice", "Ik maak bezwaar tegen de factuur van maart, het bedrag klopt niet."),
    ("en-object-price", "I object to the price increase on my hosting renewal."),
    ("nl-export-site", "Hoe kan ik de bestanden van mijn website exporteren naar mijn computer?"),
    ("en-export-db", "How do I download a backup of my WordPress database?"),
    ("nl-move-domain", "Ik wil mijn domeinnaam verhuizen naar een andere provider, wat is de verhuiscode?"),
    ("en-transfer-domain", "Please transfer my domain to another registrar and send me the auth code."),
    ("nl-cancel-hosting", "Ik wil mijn hostingpakket opzeggen per het einde van de maand."),
    ("en-cancel", "Please cancel my hosting contract, we are moving to another provider."),
    ("nl-complaint-downtime", "Ik wil een klacht indienen over de storing van gisteren, mijn site lag 5 uur plat."),
    ("en-complaint-downtime", "I want to complain about the downtime last week, this is unacceptable."),
    ("nl-change-dns", "Kunnen jullie het MX-record van mijn domein aanpassen naar Google?"),
    ("en-wrong-invoice", "The amount on my last invoice is wrong, please correct it."),
    ("nl-password", "Ik ben mijn wachtwoord vergeten, kunnen jullie het resetten?"),
    ("en-our-newsletter", "Our newsletter lands in spam at Gmail; how do I add an unsubscribe link?"),
    (
        "nl-spam-footer",
        "Profiteer nu van 50% korting op onze SEO-pakketten! Wilt u geen berichten meer van ons ontvangen? "
        "Klik dan hier om u af te melden.",
    ),
    ("nl-own-breach", "Er is ingebroken op onze eigen webshop. Moeten wij dat melden bij de AP?"),
    ("en-customers-data", "Can you delete the personal data of my customers from the webshop database?"),
    ("nl-not-delete", "Verwijder mijn gegevens alsjeblieft niet, ik blijf gewoon klant."),
    ("de-mailbox", "Bitte löschen Sie das Postfach info@example.de, wir brauchen es nicht mehr."),
    ("fr-site", "Comment puis-je supprimer les fichiers de mon site web?"),
    ("en-disk-limit", "Can you raise the storage limit on my account? I keep hitting the quota."),
    ("nl-company-moved", "Wij zijn verhuisd. Wilt u het adres van Jansen Installatietechniek B.V. aanpassen?"),
    ("en-company-address", "Please update our company address on the invoices to 12 Mill Lane, Leeds."),
    ("nl-what-do-you-need", "Ik wil het pakket van mijn overleden moeder opzeggen. Wat heeft u van mij nodig?"),
]


@pytest.mark.parametrize(("text", "want"), [(t, w) for _, t, w in POSITIVES], ids=[i for i, _, _ in POSITIVES])
def test_positive(text: str, want: set[str]) -> None:
    assert set(detect_requests(text)) == want


@pytest.mark.parametrize("text", [t for _, t in NEGATIVES], ids=[i for i, _ in NEGATIVES])
def test_ordinary_support_is_no_request(text: str) -> None:
    assert detect_requests(text) == []


def test_labels_sorted_deduplicated_and_typed() -> None:
    text = "Under Article 17 GDPR: erase my personal data. Delete everything you have on me. Art. 15 GDPR too."
    labels = detect_requests(text)
    assert labels == sorted(set(labels))
    assert all(isinstance(label, RequestType) for label in labels)
    assert labels == [RequestType.ACCESS, RequestType.ERASURE]


def test_request_types_are_the_seven_labels() -> None:
    assert {t.value for t in RequestType} == {A, R, E, S, P, OBJ, C}


def test_reasons_are_rule_names_never_text() -> None:
    text = "Ik wil inzage in mijn persoonsgegevens op grond van artikel 15 AVG, klantnummer 123456."
    result = recognize(text)
    assert result.labels == (RequestType.ACCESS,)
    reasons = result.reasons[RequestType.ACCESS]
    assert "article.15" in reasons
    for reason in reasons:
        assert reason.replace(".", "").replace("_", "").replace(":", "").isalnum()
        assert reason.lower() not in text.lower()
    assert result.lang == "nl"


def test_quoted_reply_of_ours_is_not_a_new_request() -> None:
    text = (
        "Dank voor de snelle hulp, de site werkt weer!\n\n"
        "Op 3 mei 2025 schreef Support:\n"
        "> Wij hebben uw verzoek om inzage in uw persoonsgegevens ontvangen.\n"
    )
    own, quoted = split_message(text)
    assert "inzage" in quoted and "inzage" not in own
    assert detect_requests(text) == []


def test_thanks_again_over_our_quoted_acknowledgement() -> None:
    text = (
        "Thanks again, all sorted!\n\n"
        "On 3 May 2025, Support wrote:\n"
        "> We will delete all personal data we hold about you within 30 days, as you asked below.\n"
    )
    assert detect_requests(text) == []


def test_reminder_reasserts_the_quoted_request() -> None:
    text = (
        "I still have not had an answer to my request below.\n\n"
        "On Mon, 2 June 2025 at 10:12, Jane wrote:\n"
        "> Please delete all personal data you hold about me.\n"
    )
    result = recognize(text)
    assert result.labels == (RequestType.ERASURE,)
    assert all(r.startswith(("quoted:", "model:")) for r in result.reasons[RequestType.ERASURE])
    assert any(r.startswith("quoted:") for r in result.reasons[RequestType.ERASURE])


def test_bare_forward_is_read() -> None:
    text = (
        "---------- Forwarded message ---------\n"
        "From: Piet <piet@example.org>\n"
        "Ik wil dat jullie al mijn persoonsgegevens verwijderen.\n"
    )
    assert detect_requests(text) == [RequestType.ERASURE]


def test_hard_wrapped_mail_is_joined() -> None:
    # A mail client wrapping at 72 columns splits verb and object over two lines.
    text = (
        "Goedemiddag,\n\nNu ik geen klant meer ben, wil ik graag dat jullie al mijn\n"
        "persoonsgegevens uit jullie systemen verwijderen, ook de oude facturen\n"
        "voor zover dat wettelijk mag.\n\nGroet,\nAnne"
    )
    assert detect_requests(text) == [RequestType.ERASURE]


def test_chat_lines_stay_separate() -> None:
    # Short chat lines are separate thoughts: "verwijderen" and "mijn gegevens" must not be joined.
    text = "kun je die oude mailbox verwijderen\nmijn gegevens staan verder goed"
    assert detect_requests(text) == []


def test_postscript_after_closing_is_read() -> None:
    text = "Hi, the site is back up, thanks!\n\nCheers,\nBob\n\nP.S. Please delete all personal data you hold about me."
    assert detect_requests(text) == [RequestType.ERASURE]


def test_signature_disclaimer_does_not_trigger() -> None:
    text = (
        "Hi, the SSL certificate on shop.example.com expired, can you renew it?\n\n"
        "Kind regards,\nSam\n"
        "This e-mail is intended solely for the addressee. If you are not the intended recipient, "
        "please delete it and its personal data."
    )
    assert detect_requests(text) == []


def test_article_range_is_not_every_right() -> None:
    # A range names the rights in general (a privacy statement), no request for each of them.
    assert detect_requests("Your privacy statement mentions articles 15-22 GDPR; where can I read it?") == []


def test_cli_reads_jsonl_and_survives_bad_lines() -> None:
    stdin = io.StringIO(
        json.dumps({"id": "a", "text": "Delete all my personal data please."}) + "\n"
        "this is not json\n"
        + json.dumps({"id": "b", "text": 42}) + "\n\n"
        + json.dumps({"id": 7, "text": "Mijn site is traag."}) + "\n"
    )
    stdout = io.StringIO()
    rc = run_detect(stdin, stdout)
    out = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert rc == 1
    assert out[0] == {"id": "a", "labels": ["erasure"], "possible": False}
    assert out[1]["id"] is None and "error" in out[1]
    assert out[2]["id"] == "b" and "error" in out[2]
    assert out[3] == {"id": 7, "labels": [], "possible": False}


def _score(path: Path) -> tuple[float, float]:
    """Macro F1 over the types present and the false-alarm rate, as shared/eval/score_privacy.py does."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {t.value: [0, 0, 0] for t in RequestType}
    negatives = false_alarms = 0
    for doc in docs:
        want, got = set(doc["labels"]), {str(label) for label in detect_requests(doc["text"])}
        for t, (tp, fp, fn) in counts.items():
            given, wanted = t in got, t in want
            counts[t] = [tp + (wanted and given), fp + (given and not wanted), fn + (wanted and not given)]
        if not want:
            negatives += 1
            false_alarms += bool(got)
    f1s = [2 * tp / (2 * tp + fp + fn) for tp, fp, fn in counts.values() if tp + fn]
    return sum(f1s) / len(f1s), false_alarms / negatives


def test_own_challenge_corpus() -> None:
    # challenge.jsonl: 194 e-mail/chat-style messages written for this project (nl, en, de, fr),
    # half of them ordinary support in the same words.
    macro_f1, false_alarm_rate = _score(Path(__file__).with_name("challenge.jsonl"))
    assert macro_f1 >= 0.9
    assert false_alarm_rate <= 0.05


# Speed (issue 18: under 5 ms per message) is measured by bench/privacy_recognition.py, not by a wall-clock
# test that fails on a loaded machine and proves nothing on a quiet one.
