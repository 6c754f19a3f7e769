"""Render the formal request letters of ``letters_v2.txt`` from hand-written parts, optional paragraphs on and off.

Why: formal letters are where the recogniser adds labels nobody asked for (a reserved complaint read as a
complaint, a list of rights read as requests, an access letter read as access + portability). Real letters
are filled-in templates whose optional paragraphs people keep or drop, so the training letters are rendered
the same way: every core request twice, with a rotating combination of the optional paragraphs and with its
complement (rights boilerplate, a deadline with a conditional complaint, identification, a request for the
purposes and recipients). The
wording is our own, in the style of the regulators' model letters; nothing is copied.

    python training/privacy/render_letters.py     # rewrites letters_v2.txt and letters_v3.txt beside this file
"""

from __future__ import annotations

import itertools
from pathlib import Path

OUT = Path(__file__).with_name("letters_v2.txt")
OUT_V3 = Path(__file__).with_name("letters_v3.txt")

SALUTE = {"nl": "Geachte heer/mevrouw,", "en": "Dear Sir or Madam,", "de": "Sehr geehrte Damen und Herren,",
          "fr": "Madame, Monsieur,"}
CLOSE = {"nl": "Hoogachtend,\nA. de Vries", "en": "Yours faithfully,\nA. Morgan",
         "de": "Mit freundlichen Grüßen\nA. Krause",
         "fr": "Veuillez agréer mes salutations distinguées.\nA. Lambert"}

# The core request of each letter: (labels, subject, body).
CORE: dict[str, list[tuple[str, str, str]]] = {
    "nl": [
        ("access", "Verzoek om inzage",
         "Op grond van artikel 15 van de AVG verzoek ik u mij mee te delen of u persoonsgegevens van mij verwerkt, "
         "en zo ja, mij een kopie van die gegevens te verstrekken."),
        ("erasure", "Verzoek om verwijdering",
         "Hierbij verzoek ik u om alle persoonsgegevens die u over mij verwerkt te wissen, zoals bedoeld in artikel 17 "
         "van de AVG. De gegevens zijn niet langer nodig voor het doel waarvoor ze zijn verzameld."),
        ("erasure", "Verwijdering persoonsgegevens",
         "Ik ben geen klant meer bij u en verzoek u daarom mijn persoonsgegevens uit al uw bestanden te verwijderen."),
        ("rectification", "Verzoek om correctie",
         "In uw administratie staat mijn adres onjuist vermeld. Op grond van artikel 16 AVG verzoek ik u dit te "
         "corrigeren: mijn juiste adres is Lindelaan 8, 3512 AB Utrecht."),
        ("objection", "Bezwaar tegen verwerking",
         "Ik maak op grond van artikel 21 AVG bezwaar tegen de verwerking van mijn persoonsgegevens voor direct "
         "marketing. Ik verzoek u deze verwerking te staken."),
        ("portability", "Verzoek om gegevensoverdraagbaarheid",
         "Op grond van artikel 20 AVG verzoek ik u de persoonsgegevens die ik aan u heb verstrekt in een "
         "gestructureerde, gangbare en machineleesbare vorm aan mij te verstrekken."),
        ("restriction", "Verzoek om beperking van de verwerking",
         "Ik betwist de juistheid van de gegevens over mijn betalingsachterstand. Ik verzoek u op grond van artikel 18 "
         "AVG de verwerking van deze gegevens te beperken totdat de juistheid is gecontroleerd."),
    ],
    "en": [
        ("access", "Subject access request",
         "Please supply the personal data you hold about me, which I am entitled to receive under Article 15 of the "
         "General Data Protection Regulation."),
        ("erasure", "Erasure request",
         "I am writing to request that you erase all personal data you hold about me under Article 17 of the GDPR, "
         "as the data is no longer necessary for the purpose for which it was collected."),
        ("erasure", "Request to delete my data",
         "I closed my account with you last year. I now ask you to delete all the personal information you still "
         "hold about me."),
        ("rectification", "Rectification request",
         "Your records contain an incorrect date of birth for me. Under Article 16 GDPR I ask you to correct it to "
         "14 February 1979."),
        ("objection", "Objection to processing",
         "I object under Article 21 GDPR to the processing of my personal data for direct marketing purposes, "
         "including profiling. Please stop this processing."),
        ("portability", "Data portability request",
         "Under Article 20 GDPR I request that you provide the personal data I gave you in a structured, commonly "
         "used and machine-readable format."),
        ("restriction", "Request to restrict processing",
         "I contest the accuracy of the arrears recorded on my account. Under Article 18 GDPR, please restrict the "
         "processing of this data while you verify it."),
    ],
    "de": [
        ("access", "Auskunftsersuchen",
         "Bitte teilen Sie mir gemäß Art. 15 DSGVO mit, ob Sie personenbezogene Daten über mich verarbeiten, und "
         "stellen Sie mir gegebenenfalls eine Kopie dieser Daten zur Verfügung."),
        ("erasure", "Antrag auf Löschung",
         "Hiermit fordere ich Sie auf, sämtliche mich betreffenden personenbezogenen Daten gemäß Art. 17 DSGVO zu "
         "löschen."),
        ("rectification", "Antrag auf Berichtigung",
         "Meine Anschrift ist bei Ihnen falsch gespeichert. Gemäß Art. 16 DSGVO bitte ich um Berichtigung; richtig "
         "ist: Lindenweg 8, 10115 Berlin."),
        ("objection", "Widerspruch gegen die Verarbeitung",
         "Hiermit widerspreche ich gemäß Art. 21 DSGVO der Verarbeitung meiner personenbezogenen Daten für Zwecke "
         "der Direktwerbung."),
        ("portability", "Antrag auf Datenübertragung",
         "Gemäß Art. 20 DSGVO bitte ich Sie, mir die von mir bereitgestellten Daten in einem strukturierten, "
         "gängigen und maschinenlesbaren Format zu übermitteln."),
    ],
    "fr": [
        ("access", "Demande d'accès",
         "En application de l'article 15 du RGPD, je vous prie de m'indiquer si vous traitez des données me "
         "concernant et, le cas échéant, de m'en communiquer une copie."),
        ("erasure", "Demande d'effacement",
         "En application de l'article 17 du RGPD, je vous demande d'effacer l'ensemble des données personnelles me "
         "concernant."),
        ("rectification", "Demande de rectification",
         "Mon adresse est erronée dans vos fichiers. En application de l'article 16 du RGPD, je vous demande de la "
         "rectifier : 8 allée des Tilleuls, 69003 Lyon."),
        ("objection", "Opposition au traitement",
         "En application de l'article 21 du RGPD, je m'oppose au traitement de mes données à des fins de "
         "prospection commerciale."),
        ("portability", "Demande de portabilité",
         "En application de l'article 20 du RGPD, je vous demande de me transmettre les données que je vous ai "
         "fournies dans un format structuré, couramment utilisé et lisible par machine."),
    ],
}

# Optional paragraphs: none of them is a request of its own.
RIGHTS = {
    "nl": "Ik wijs u erop dat ik op grond van de AVG ook recht heb op rectificatie, verwijdering, beperking van de "
          "verwerking, overdraagbaarheid en bezwaar, en het recht om een klacht in te dienen bij de Autoriteit "
          "Persoonsgegevens.",
    "en": "I remind you that under the GDPR I also have the rights to rectification, erasure, restriction of "
          "processing, data portability and objection, and the right to lodge a complaint with a supervisory "
          "authority.",
    "de": "Ich weise darauf hin, dass mir nach der DSGVO auch das Recht auf Berichtigung, Löschung, Einschränkung "
          "der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie ein Beschwerderecht bei einer "
          "Aufsichtsbehörde zusteht.",
    "fr": "Je vous rappelle que le RGPD me donne également un droit de rectification, d'effacement, de limitation, "
          "de portabilité et d'opposition, ainsi que le droit d'introduire une réclamation auprès de la CNIL.",
}
DEADLINE = {
    "nl": "Ik verwacht uw reactie binnen een maand na ontvangst van deze brief. Indien ik binnen die termijn geen "
          "reactie ontvang, behoud ik mij het recht voor een klacht in te dienen bij de Autoriteit Persoonsgegevens.",
    "en": "I expect your reply within one month of receipt. If you do not respond within this period, I reserve the "
          "right to lodge a complaint with the supervisory authority and to seek judicial remedy.",
    "de": "Ich erwarte Ihre Antwort innerhalb eines Monats. Sollten Sie diese Frist verstreichen lassen, behalte ich "
          "mir vor, Beschwerde bei der zuständigen Datenschutzaufsichtsbehörde einzulegen.",
    "fr": "Je vous remercie de me répondre dans un délai d'un mois. À défaut de réponse dans ce délai, je me réserve "
          "le droit d'introduire une réclamation auprès de la CNIL.",
}
IDENTITY = {
    "nl": "Ter identificatie vermeld ik mijn klantnummer en mijn adres. Een kopie van een identiteitsbewijs stuur ik "
          "alleen als u aantoont dat dit nodig is.",
    "en": "To identify me, please use my customer number and postal address. I will only provide a copy of an "
          "identity document if you can show it is necessary.",
    "de": "Zur Identifizierung nenne ich meine Kundennummer und meine Anschrift. Eine Ausweiskopie sende ich nur, "
          "wenn Sie begründete Zweifel an meiner Identität haben.",
    "fr": "Pour m'identifier, vous pouvez utiliser mon numéro client et mon adresse postale. Je ne fournirai une "
          "copie de pièce d'identité que si elle est nécessaire.",
}
# Art. 15(1)(a)-(h): only with an access letter (it is part of the access request).
DETAILS = {
    "nl": "Daarnaast verzoek ik u mij te informeren over de verwerkingsdoeleinden, de ontvangers, de bewaartermijn en "
          "de bron van de gegevens.",
    "en": "Please also tell me the purposes of the processing, the recipients, how long the data will be kept and "
          "where it came from.",
    "de": "Bitte teilen Sie mir außerdem die Verarbeitungszwecke, die Empfänger, die Speicherdauer und die Herkunft "
          "der Daten mit.",
    "fr": "Je vous prie également de m'indiquer les finalités du traitement, les destinataires, la durée de "
          "conservation et l'origine des données.",
}


# letters_v3.txt (issue 18, round 3): cores with the sentences real templates add to one request (confirm the
# erasure and tell the recipients, art. 19; an electronic copy, art. 15(3); confirm the objection took effect), the
# restriction letters de/fr lacked, and other optional paragraphs (free of charge and the time limit, art. 12;
# a complaint announced on a condition without "I reserve the right"; confirm receipt). Written before the
# recogniser was run on them.
CORE_V3: dict[str, list[tuple[str, str, str]]] = {
    "nl": [
        ("access", "Inzageverzoek AVG",
         "Ik wil graag weten welke persoonsgegevens u van mij verwerkt. Ik verzoek u mij een kopie daarvan te sturen "
         "in een gangbare elektronische vorm (artikel 15 lid 3 AVG)."),
        ("erasure", "Wissen van mijn gegevens",
         "Ik verzoek u alle persoonsgegevens die u over mij bewaart te wissen. Wilt u ook de ontvangers aan wie u mijn "
         "gegevens heeft verstrekt hiervan op de hoogte stellen (artikel 19 AVG) en mij schriftelijk bevestigen dat "
         "de verwijdering is uitgevoerd?"),
        ("objection", "Bezwaar gerechtvaardigd belang",
         "U verwerkt mijn gegevens op grond van uw gerechtvaardigd belang. Vanwege mijn specifieke situatie maak ik "
         "daartegen bezwaar (artikel 21 lid 1 AVG). Bevestigt u mij dat u de verwerking heeft gestaakt?"),
    ],
    "en": [
        ("access", "Request for a copy of my data",
         "Please confirm whether you process personal data about me and, if so, send me a copy in a commonly used "
         "electronic form, as Article 15(3) GDPR provides."),
        ("erasure", "Erasure and withdrawal of consent",
         "I withdraw the consent on which you process my personal data and ask you to erase it without undue delay "
         "under Article 17(1)(b) GDPR. Please also inform every recipient of my data of the erasure (Article 19) and "
         "confirm in writing once it has been done."),
        ("rectification", "Correction of my records",
         "My surname is recorded incorrectly in your systems; the correct spelling is Morgan-Hale. Please rectify "
         "this and confirm in writing that the correction has been made."),
        ("objection", "Objection to direct marketing",
         "I object to any use of my personal data for direct marketing. Please confirm that my details have been "
         "removed from your marketing lists and that no further marketing will be sent."),
    ],
    "de": [
        ("erasure", "Löschung meiner Daten",
         "Ich fordere Sie auf, alle mich betreffenden Daten unverzüglich zu löschen (Art. 17 DSGVO). Bitte "
         "unterrichten Sie auch alle Empfänger über die Löschung (Art. 19 DSGVO) und bestätigen Sie mir diese "
         "schriftlich."),
        ("restriction", "Einschränkung der Verarbeitung",
         "Ich bestreite die Richtigkeit des bei Ihnen gespeicherten Zahlungsrückstands. Bitte schränken Sie die "
         "Verarbeitung dieser Daten gemäß Art. 18 DSGVO ein, bis die Richtigkeit geprüft ist."),
        ("access", "Auskunft nach Art. 15 DSGVO",
         "Bitte stellen Sie mir eine Kopie meiner personenbezogenen Daten in einem gängigen elektronischen Format zur "
         "Verfügung."),
    ],
    "fr": [
        ("erasure", "Effacement de mes données",
         "Je vous demande d'effacer sans délai toutes les données me concernant (article 17 du RGPD), d'en informer "
         "les destinataires (article 19) et de me confirmer l'effacement par écrit."),
        ("restriction", "Limitation du traitement",
         "Je conteste l'exactitude de l'impayé enregistré à mon nom. Je vous demande de limiter le traitement de ces "
         "données pendant la vérification, conformément à l'article 18 du RGPD."),
        ("access", "Droit d'accès",
         "Je vous prie de me communiquer une copie de mes données personnelles sous une forme électronique "
         "d'usage courant."),
    ],
}
FREE = {
    "nl": "Ik wijs u erop dat u op grond van artikel 12 AVG binnen een maand moet reageren en dat hieraan geen kosten "
          "verbonden zijn.",
    "en": "Under Article 12 GDPR you must respond within one month, free of charge.",
    "de": "Nach Art. 12 DSGVO haben Sie innerhalb eines Monats und unentgeltlich zu antworten.",
    "fr": "L'article 12 du RGPD vous impose de répondre dans un délai d'un mois et gratuitement.",
}
THREAT = {
    "nl": "Als ik binnen een maand niets van u hoor, dien ik een klacht in bij de Autoriteit Persoonsgegevens.",
    "en": "Should I not hear from you within one month, I will lodge a complaint with the Information Commissioner.",
    "de": "Sollte ich innerhalb eines Monats nichts von Ihnen hören, werde ich mich an die Aufsichtsbehörde wenden.",
    "fr": "Sans réponse de votre part dans un délai d'un mois, je saisirai la CNIL.",
}
RECEIPT = {
    "nl": "Graag ontvang ik een ontvangstbevestiging van deze brief.",
    "en": "Please acknowledge receipt of this letter.",
    "de": "Bitte bestätigen Sie mir den Eingang dieses Schreibens.",
    "fr": "Merci de m'accuser réception de ce courrier.",
}


def render(cores: dict[str, list[tuple[str, str, str]]] = CORE,
           optionals: tuple[dict[str, str], ...] = (RIGHTS, DEADLINE, IDENTITY)) -> list[str]:
    """Each core letter twice: with one rotating combination of the optional paragraphs and with its
    complement, so every paragraph appears with every core once without flooding the training set with
    near-copies."""
    blocks: list[str] = []
    head = {"nl": "Onderwerp", "en": "Subject", "de": "Betreff", "fr": "Objet"}
    n = 0
    for lang, letters in cores.items():
        for labels, subject, body in letters:
            optional = [*optionals] + ([DETAILS] if labels == "access" else [])
            combos = list(itertools.product((False, True), repeat=len(optional)))
            first = combos[n % len(combos)]
            n += 1
            for on in (first, tuple(not use for use in first)):
                paragraphs = [SALUTE[lang], body]
                paragraphs += [part[lang] for part, use in zip(optional, on, strict=True) if use]
                paragraphs.append(CLOSE[lang])
                blocks.append(f"=== {lang} email {labels}\n{head[lang]}: {subject}\n\n" + "\n\n".join(paragraphs))
    return blocks


def main() -> int:
    for out, blocks in ((OUT, render()), (OUT_V3, render(CORE_V3, (FREE, THREAT, RECEIPT, RIGHTS)))):
        out.write_text("\n".join(blocks) + "\n", encoding="utf-8")
        print(f"wrote {len(blocks)} letters to {out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
