"""Render the formal request letters of ``letters_v2.txt`` from hand-written parts, optional paragraphs on and off.

Why: formal letters are where the recogniser adds labels nobody asked for (a reserved complaint read as a
complaint, a list of rights read as requests, an access letter read as access + portability). Real letters
are filled-in templates whose optional paragraphs people keep or drop, so the training letters are rendered
the same way: every core request twice, with a rotating combination of the optional paragraphs and with its
complement (rights boilerplate, a deadline with a conditional complaint, identification, a request for the
purposes and recipients). The
wording is our own, in the style of the regulators' model letters; nothing is copied.

    python training/privacy/render_letters.py     # rewrites letters_v2.txt beside this file
"""

from __future__ import annotations

import itertools
from pathlib import Path

OUT = Path(__file__).with_name("letters_v2.txt")

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


def render() -> list[str]:
    """Each core letter twice: with one rotating combination of the optional paragraphs and with its
    complement, so every paragraph appears with every core once without flooding the training set with
    near-copies."""
    blocks: list[str] = []
    head = {"nl": "Onderwerp", "en": "Subject", "de": "Betreff", "fr": "Objet"}
    n = 0
    for lang, cores in CORE.items():
        for labels, subject, body in cores:
            optional = [RIGHTS, DEADLINE, IDENTITY] + ([DETAILS] if labels == "access" else [])
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
    blocks = render()
    OUT.write_text("\n".join(blocks) + "\n", encoding="utf-8")
    print(f"wrote {len(blocks)} letters to {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
