"""Ways of writing a request (or of writing about somebody else's) that the rule table's older patterns miss, found in
training messages by writers who never saw the recogniser (issue 18, round 14: ``messages_v12_*``): erasure said as
"don't keep my data" or "I want it gone", a changed name after a marriage or divorce, and a complaint somebody else
made or threatens against the writer.

Also the recipients an art. 19 request asks to be told of (``TELL_RECIPIENTS``, round 13). Split from ``lexicon`` and
``rules`` (both at the module size limit); the rules and ``held.held_back`` use them.
"""

from __future__ import annotations

from privacy.recognition.lexicon import rx

# Erasure as not keeping the writer's data any more, or wanting it gone, or passive in French: "je (ne) veux pu/plus
# que vous gardiez mes renseignements", "jullie hoeven niks meer van mij te bewaren", "ik wil mijn gegevens weg",
# "je voudrais que toutes mes données soient effacées", "et ensuite que tout soit supprimé".
ERASE_IDIOM = rx(
    r"\b(?:veux|voulons|souhaite) (?:pu|plus|pas) que vous (?:gardiez|conserviez)\b[^.?!\n]{0,20}\b(?:mes|mon|ma) "
    r"(?:données|donnees|renseignements|infos?|informations|coordonnées)\b",
    r"\b(?:hoeven|hoeft|moeten|moet) (?:niks|niets) (?:meer )?van (?:mij|me) (?:te )?(?:bewaren|houden|opslaan)\b",
    r"\b(?:wil|willen)\b[^.?!\n]{0,40}\b(?:mijn|m'n|mn) (?:\w+ )?(?:gegevens|data|persoonsgegevens)\b"
    r"(?: (?:ook|allemaal|helemaal))? weg\b",
    r"\bque (?:tout|toutes? mes (?:données|donnees|informations)(?: personnelles)?)\b[^.?!\n]{0,20}\bsoi(?:en)?t "
    r"(?:\w+ )?(?:effacée?s?|supprimée?s?)\b",
)

# Erasure of the writer as a person ("verwijder mij maar", "löschen Sie mich", "supprimez-moi", "delete me") or of their
# profile ("löschen Sie danach mein Profil", "effacez ensuite mon profil client"); not off a list (an objection), as an
# admin of something, or a profile picture
ERASE_ME = rx(
    r"\b(?:verwijder|wis)\w* (?:mij|me)\b(?!\s+(?:\w+\s+)?(?:uit|van|als|bij|op|in)\b)",
    r"\b(?:lösch|entfern)\w* sie mich\b(?!\s+(?:\w+\s+)?(?:aus|von|als)\b)",
    r"\b(?:supprim|effac)\w*[- ]moi\b(?!\s+(?:\w+\s+)?(?:de|des|du|comme|en tant)\b)",
    r"\b(?:delete|erase)\w* me\b(?!\s+(?:\w+\s+)?(?:from|off|as)\b)",
    r"\b(?:verwijder|wis|delete|erase|remove|lösch|entfern|supprim|effac)\w*\b[^.?!\n]{0,25}\b(?:mijn|m'n|my|mein(?:en)?|"
    r"mon) (?:(?:klant|kunden|client|customer|user|gebruikers|benutzer) ?)?(?:profiel|profile|profil)\b"
    r"(?!\s*(?:picture|photo|foto|bild|image|pic|page|pagina|seite))",
)

# A changed name, after a marriage or divorce or said so ("ich heiße jetzt ...", "j'ai changé de nom", "sinds mijn
# scheiding heet ik weer ...", "my surname is now ..."): with an update asked anywhere in the message, rectification
NAME_CHANGED = rx(
    r"\b(?:ich )?hei(?:ß|ss)e (?:jetzt|nun|seit|wieder)\b",
    r"\bmein (?:nach|familien)?name (?:ist|lautet) (?:jetzt|nun)\b",
    r"\bj'?ai (?:changé|change) de nom\b", r"\bj'ai repris mon nom\b",
    r"\b(?:mon|ma) nom (?:de famille )?(?:a changé|est (?:maintenant|désormais))\b",
    r"\b(?:heet|draag) ik (?:nu|weer)\b", r"\bdraag ik (?:mijn|m'n) (?:eigen )?(?:achter)?naam\b",
    r"\bmijn (?:achter)?naam is (?:veranderd|gewijzigd)\b",
    r"\bmy (?:last |family |sur)?name is now\b", r"\bi(?:'m| am) now called\b",
)
# ... the update asked
NAME_UPDATE = rx(
    r"\b(?:ändern|aendern|anpassen|aktualisieren|korrigieren|berichtigen)\b", r"\b(?:mettre|mettez) (?:à|a) jour\b",
    r"\bmodifi\w*", r"\bcorrig\w*", r"\baanpass\w*", r"\bwijzig\w*", r"\bbijwerken\b", r"\bupdate\b",
    r"\bchange\b", r"\bcorrect\b",
)

# A complaint somebody else made or threatens against the writer ("one of my patients complained to the ICO", "eine
# Kundin droht uns mit einer Beschwerde", "une cliente nous menace de porter plainte", "een klant heeft een klacht
# over mij ingediend"): no complaint of the writer's. Not when the writer is the subject in between ("a customer
# service agent was rude, so I complained").
OTHERS_COMPLAINT = rx(
    r"\b(?:a|an|one of (?:my|our)|some of (?:my|our)) (?:\w+ )?(?:customers?|clients?|patients?|users?|visitors?|"
    r"members?|subscribers?|tenants?|guests?|students?)\b(?:(?!\b(?:i|we)\b)[^.?!\n]){0,90}\b(?:complained|"
    r"threaten\w*|lodged|filed)\b",
    r"\bein(?:e|er (?:meiner|unserer))? (?:\w+ )?(?:kunde|kundin|mandant\w*|patient\w*|nutzer\w*|mitglied|besucher\w*|"
    r"abonnent\w*|mieter\w*)\b(?:(?!\b(?:ich|wir)\b)[^.?!\n]){0,90}\b(?:droht|drohte|beschwert|eingereicht)\b",
    r"\b(?:un|une|l'une? de (?:mes|nos)) (?:\w+ )?(?:client|cliente|patient|patiente|utilisat\w+|abonnée?|membre|"
    r"adhérente?|locataire)\b(?:(?!\b(?:je|j)\b)[^.?!\n]){0,90}\b(?:menace|a porté plainte|porte plainte|a déposé|"
    r"a saisi)\b",
    r"\b(?:een|één) (?:\w+ )?(?:van (?:mijn|onze) )?(?:klant|klanten|patiënt\w*|cliënt\w*|lid|leden|gebruiker|"
    r"bezoeker|abonnee|huurder)\b(?:(?!\b(?:ik|wij|we)\b)[^.?!\n]){0,90}\b(?:dreigt|dreigde|klaagt|klaagde|"
    r"heeft (?:\w+ ){0,6}(?:ingediend|geklaagd))\b",
)
# The authority asking the writer for information (about somebody else's complaint, "de AP vraagt ons om informatie",
# "die Behörde verlangt von uns Informationen", "la CNIL nous demande des informations"): no complaint of the writer's.
# The authority's name comes first, the question follows in the same sentence without the writer complaining in it.
AUTHORITY_ASKS = rx(
    r"\b(?:ap|persoonsgegevens|ico|commissioner|cnil|apd|gba|datenschutzbehörde|aufsichtsbehörde|datenschutzbeauftragte\w*|"
    r"autorité|authority|behörde)\b[^.?!\n]{0,15}\b(?:vraagt|vroeg|heeft (?:ons|mij|me) gevraagd|asks|asked|has asked|"
    r"verlangt|fordert|bittet|demande|a demandé)\b[^.?!\n]{0,25}\b(?:informatie|information|informationen|auskunft|"
    r"auskünfte|informations|renseignements|uitleg|stellungnahme|explications?)\b",
)

# A backup, or an export that fails ("ich will alle meine Daten sichern", "l'export plante", "the export keeps timing
# out"): a hosting question about a site or database, not art. 20's copy of the writer's data (round 14)
EXPORT_SUPPORT = rx(
    r"\b(?:sichern|sicherung|back(?:-| )?up\w*|sauvegard\w*|veiligstellen|veilig stellen)\b",
    r"\bexport\w*\b[^.?!\n]{0,25}\b(?:bricht|brach|plante|échoue|fails?|failed|failing|crash\w*|tim(?:es|ed|ing) out|"
    r"loopt vast|liep vast|mislukt|hangt|hängt)\b",
)


# Art. 19: the recipients told of a rectification, erasure or restriction ("please also inform every recipient ...
# and tell me who they are"): part of that request, no access request of its own (round 13; asking who received
# one's data, art. 15(1)(c), names no recipient to inform; the gaps may hold "Art. 19", dot and all)
TELL_RECIPIENTS = rx(
    r"\b(?:inform|notify|tell)\b[^?!\n]{0,20}\b(?:every|each|all|any|the) (?:\w+ )?(?:recipients?|third parties)\b",
    r"\b(?:iedere|elke|alle) ontvangers?\b[^?!\n]{0,80}\b(?:op de hoogte|informeren|inlichten)\b",
    r"\b(?:informeer|informeren|inlichten)\b[^?!\n]{0,30}\bontvangers?\b",
    r"\b(?:allen|sämtlichen|jeden) empfängern?\b[^?!\n]{0,80}\bmit(?:teilen|zuteilen)?\b",
    r"\b(?:informieren|unterrichten|benachrichtigen)\b[^?!\n]{0,40}\b(?:alle|sämtliche|jeden) empfänger\b",
    r"\binformer\b[^?!\n]{0,30}\b(?:chaque|tous les|les) destinataires?\b",
    r"\ben informer chaque destinataire\b",
)
