"""The shared vocabulary of the rules: what counts as personal data about the writer, what is ordinary
support, somebody else's data, negation, marketing, privacy topics and the verbs several rules share. The words
each type needs before the model may label it alone are in ``model_cues``.

Every pattern is a case-insensitive alternation (``rx``); ``\\b`` anchors are written in the parts.
"""

from __future__ import annotations

import re

from privacy.recognition.others import FIELD_ON_ACCOUNT, OTHERS_ACTING, WRITER_HOLDS


def rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive alternation; ``\\b`` anchors are the caller's business."""
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# --------------------------------------------------------------------------------------------------
# Objects: "personal data" in the sense of art. 4(1) GDPR, about the writer.
# STRONG: unmistakably the person's data held by us. WEAK: "my details", "my name": personal data
# only when no ordinary-support object (website, mailbox, invoice) stands in the same sentence.
# --------------------------------------------------------------------------------------------------
PD_STRONG = rx(
    # nl
    r"(?<!autoriteit )\bpersoons?gegevens",
    r"\bpersoonlijke (?:gegevens|informatie|data)",
    r"\bprivacygevoelige gegevens",
    r"\b(?:gegevens|data|informatie|info) (?:die )?(?:jullie|u|je|uw bedrijf|[a-z]+ )?(?:over|van|omtrent) m(?:ij|e)\b",
    r"\b(?:gegevens|data|informatie|info) (?:over|van|omtrent) m(?:ij|e)\b",
    r"\b(?:alles|wat|welke\b[^.?!\n]{0,40}?)\s+(?:jullie|u|je|zij|men)\s+(?:\w+\s+){0,2}(?:van|over"
    r"|omtrent) m(?:ij|e)\b",
    # records about the person: notes, call recordings, files kept "over mij" / "about me"
    r"\b(?:opnames?|opnamen|aantekeningen|notities|gespreksverslag\w*|gespreksnotities|dossier|recordings?|"
    r"notes|call logs?|transcripts?)\b[^.?!\n]{0,60}\b(?:over|van|about|of|on) (?:mij|me)\b",
    r"\b(?:opnames?|opnamen|recordings?) van (?:mijn|m'n) (?:telefoon)?gesprek",
    r"\brecordings? of my (?:phone )?calls?\b",
    r"\b(?:gesprek)?s?opnames?\b[^.?!\n]{0,30}\bvan (?:mijn|m'n)\b", r"\brecordings?\b[^.?!\n]{0,30}\bof my\b",
    r"\büber mich\b", r"\bà mon sujet\b",
    # data the person provided (the object of art. 20)
    r"\b(?:gegevens|data|informatie|details)\b[^.?!\n]{0,30}\b(?:die|dat|that|which) ik\b[^.?!\n]{0,40}"
    r"\b(?:opgegeven|ingevoerd|verstrekt|aangeleverd|gegeven|ingevuld|geüpload|provided|gave|given|entered|"
    r"submitted|supplied|uploaded)\b",
    r"\bwat (?:weten|hebben|bewaren|registreren|verwerken|hebt|heeft|weet) (?:jullie|u|je)\b(?! (?:\w+ )?nodig\b)"
    r"[^.?!\n]{0,40}\b(?:van|over) m(?:ij|e)\b(?! nodig\b)",
    # en
    r"\bpersonal (?:data|informations?|details|info)\b",  # ("personal informations": non-native English, round 12)
    # "gooi alles van mij weg", application papers, data the writer put into an app (round 12)
    r"\balles (?:van|over) m(?:ij|e)\b",
    r"\b(?:my|mijn|m'n|mn) (?:cv|curriculum vitae|sollicitatie(?:brief|gegevens)?|job application|application "
    r"(?:documents|papers)|cover letter|motivatiebrief)\b",
    r"\b\w*(?:data|gegevens)\b[^.?!\n]{0,30}\b(?:die|dat|that|which) (?:ik|i)\b[^.?!\n]{0,40}\b(?:gezet|ingezet|gelogd|"
    r"bijgehouden|opgeslagen|logged|tracked|stored|saved|put)\b",
    r"\b(?:data|information||info|details|records|everything|anything|what)\s+(?:that\s+|which\s+)?"
    r"(?:you|your (?:company|organi[sz]ation|firm)|[a-z]+)?\s*(?:guys\s+)?"
    r"(?:hold|have|keep|store|process|collect|retain|know|has|holds|keeps|stores|processes)\s+"
    r"(?:\w+\s+){0,2}(?:on|about|of|regarding|concerning)\s+me\b",
    r"\b(?:data|information|info|details|records) (?:on|about|regarding|concerning) me\b",
    # the writer's identity document, or its copy: "de scan van mijn paspoort", "a copy of my driving licence"
    r"\b(?:mijn|m'n|my|meine[ns]?|meiner|ma|mon) (?:\w+ )?(?:paspoort|passport|rijbewijs|driving licen[cs]e|"
    r"id[- ]?(?:kaart|bewijs|card)|identiteitsbewijs|identiteitskaart|identity (?:card|document)|\w*ausweis\w*|"
    r"reisepass\w*|führerschein\w*|carte d'identité|passeport|permis de conduire|pièce d'identité)\b",
    # de
    r"\bpersonenbezogenen? daten\b", r"\bpersonendaten\b",
    r"\bdaten (?:über|zu) mir(?:er person)?\b",
    r"\b(?:meine[nmr]?) (?:persönlichen |gespeicherten |gesamten |ganzen )?daten\b",  # (any case: "mit meinen Daten")
    # fr
    r"\bdonnées (?:à caractère )?personnelles\b",
    r"\bdonnées (?:me concernant|qui me concernent)\b",
    r"\bmes données\b", r"\b(?:mes )?renseignements personnels\b",  # (Quebec French; round 14)
)
_PD_FIELD_ON_PROFILE = (
    r"\b(?:phone number|telefoonnummer|mobile number|address|adres|name|naam|e-?mail ?address|e-?mailadres|"
    r"date of birth|geboortedatum)\b[^.?!\n]{0,20}\b(?:on|in|op|of|van|bij) (?:my|mijn|m'n) (?:profile|profiel|"
    r"account|klantaccount|gegevens|details|record|file|klantprofiel)\b"
)
# Personal attributes: personal data even where an invoice or account is the setting ("my name is
# misspelt on the invoices"), but not "the mailbox in my name".
PD_FIELD = rx(
    _PD_FIELD_ON_PROFILE,
    *FIELD_ON_ACCOUNT,
    r"(?<!op )(?<!in )(?<!under )(?<!onder )\b(?:mijn|m'n|mn) (?:\w+ )?(?:naam|achternaam|voornaam|woonadres|adres|"
    r"geboortedatum|geslacht|aanhef|aanspreekvorm|telefoonnummer|mobiele nummer|nummer|inkomen)\b",
    r"\b(?:naam|achternaam|adres|woonadres|geboortedatum|geslacht|telefoonnummer|nummer)\b[^.?!\n]{0,25}"
    r"\b(?:van|over) m(?:ij|e)\b",
    r"\b(?:name|surname|address|date of birth|gender|phone number)\b[^.?!\n]{0,25}\b(?:for|of|about|on) me\b",
    # (only an attribute's own modifiers before it: "my pin number", "my domain name" name a thing, not the writer)
    r"(?<!in )(?<!under )\bmy (?:(?:full|first|last|family|middle|maiden|legal|real|given|new|old|current|correct|"
    r"previous|home|private|personal|mobile|cell|phone|telephone|contact|billing|postal|bank|account) )?(?:name|"
    r"surname|home address|address|date of birth|birth ?date|gender|"
    r"title|salutation|pronouns|phone number|mobile number|number|income)\b",
    # (with the adjectives German and French put before the field: "meine alte Handynummer", "mon ancien numéro")
    r"(?<!in )\bmein(?:en|e|em)? (?:alte[nmr]? |neue[nmr]? |richtige[nmr]? )?(?:name|namen|vornamen?|nachnamen?|"
    r"adresse|anschrift|geburtsdatum|telefonnummer|handynummer|mobilnummer|e-?mail-?adresse)\b",
    r"\b(?:mon|ma) (?:ancien(?:ne)? |nouve(?:au|lle) |nouvel |vrai )?(?:nom|prénom|adresse|numéro|date de naissance)\b",
    r"\bmes coordonnées\b",
    # a date of birth is a person's whatever the possessive ("ein falsches Geburtsdatum"; round 11)
    r"\b(?:geburtsdatum|date de naissance|geboortedatum|date of birth)\b",
    # a new value given with a colon ("new phone number: ...", "nieuw adres: ..."): the writer's own changed datum
    # (art. 16), where "my address is ..." in a support mail is only where to reach them (round 9)
    r"\bnew (?:home |postal |mobile |e-?mail )?(?:address|phone number|mobile number|number|surname|name)\s*:",
    r"\bnieuwe? (?:woon)?(?:adres|telefoonnummer|mobiele nummer|nummer|achternaam|naam)\s*:",
    r"\bneue (?:adresse|anschrift|telefonnummer|handynummer|nummer)\s*:",
    r"\b(?:nouvelle adresse|nouveau (?:numéro|nom))\s*:",
)
PD_WEAK = rx(
    r"\b(?:mijn|m'n|mn) (?:klantdossier|klantprofiel|gegevens|data|info(?:rmatie)?|klantgegevens|contactgegevens|"
    r"naw(?:-gegevens)?|"
    r"profiel|dossier|naam|achternaam|voornaam|adres|woonadres|geboortedatum|telefoonnummer|"
    r"e-?mailadres|mailadres|bankgegevens|iban)\b",
    r"\bmy (?:data|info(?:rmation)?|details|contact details|records|profile|file|(?:full |last |first )?name|"
    r"surname|address|home address|date of birth|birth ?date|phone number|e-?mail address|bank details)\b",
    r"\bgegevens\b",
    r"\b(?:customer|account) data\b",
    r"\bmy [\w-]+ data\b", r"\b(?:mijn|m'n|mn) \w*data\b",  # (round 12)
)
# Ordinary support objects: when one of these is what the sentence is about, a weak object is not
# personal data but the customer's own content or service.
SUPPORT_OBJECT = rx(
    r"(?<!jullie )(?<!your )(?<!uw )\b(?:web)?sites?\b",
    r"\bmail ?box(?:es)?\b",
    r"\bpostvak",
    r"\b(?:e-?mail|mail)(?:account|adres|box)?s? (?:van|for|of) (?:mijn|my|onze|our) (?:collega"
    r"|medewerker|employee|colleague)",
    r"(?<!jullie )(?<!uw )\bbestanden\b",
    r"(?<!your )\bfiles\b",
    r"\bdatabases?\b",
    r"\bwordpress\b",
    r"\bbackups?\b",
    r"\bdomein(?:naam|namen)?\b",
    r"\bdomains?\b",
    r"\bdns\b",
    r"\bmx\b",
    r"\bnameservers?\b",
    r"\bhosting(?:pakket|contract|account|abonnement)?\b",
    r"\bvps\b",
    r"\bserver\b",
    r"\bfactu(?:u?r|ren)\w*",
    r"\binvoices?\b",
    r"\bftp\b",
    r"\bssl\b",
    r"\blogs?\b",
    r"\blogbestand",
    r"\bstatisti",
    r"\bwebshop\b",
    # an app's or assistant's own content (issue 18, Banking77/CLINC150/German assistant text)
    r"\b(?:calendar|agenda|kalender|to[- ]?do(?: ?list)?|alarms?|wekker|reminders|herinneringen|erinnerungen|termine|"
    r"playlists?|shopping list|boodschappenlijst\w*|einkaufsliste\w*)\b",
)
# Somebody else's data: a customer asking us (their processor) about *their* customers' data is no
# data-subject request of their own (art. 28 territory).
THIRD_PARTY = rx(
    r"\b(?:van|of|from) (?:mijn|onze|my|our) (?:klanten|customers|clients|users|gebruikers|bezoekers|"
    r"visitors|leden|members|medewerkers|employees)\b",
    r"\b(?:a|an|one of|some of) (?:our|my) (?:customers?|clients?|users?|visitors?|members?)\b",
    r"\b(?:customers?|clients?|users?|visitors?) of (?:ours|mine)\b",
    r"\b(?:een|één) (?:van )?(?:onze|mijn) (?:klanten|bezoekers|gebruikers|leden)\b",
    r"\b(?:een|één) (?:lid|klant|klante|bezoeker|gebruiker|abonnee|donateur) van (?:onze|ons|mijn)\b",
    *OTHERS_ACTING,
    r"\b(?:klant|bezoeker|gebruiker) van (?:ons|mij|mijn|onze)\b", r"\b(?:mijn|onze) (?:klant|bezoeker|gebruiker)\b",
    *WRITER_HOLDS,
    r"\bverwerkersovereenkomst",
    # somebody asking the writer ("jemand will bei mir ...", "qqn me demande ...", "Anfrage eines Shopkunden"; round 11)
    r"\b(?:jemand|someone|somebody|iemand|quelqu'un|qqn)\b[^.?!\n]{0,30}\b(?:bei mir|bij mij|from me|me demande|"
    r"vraagt (?:mij|me)|asks me|asked me|von mir|m'a demandé)\b",
    r"\banfrage (?:eines|einer|von (?:einem|einer))\b", r"\bdemande (?:d'une?|de la part d'une?) (?:\w+ )?(?:client|"
    r"cliente|utilisat\w*|abonnée?|visit\w*|membre)\b",
    r"\bdata processing (?:agreement|addendum)\b",
    # "een lid heeft ons gevraagd", "a customer asked us"; "mensen ... hun gegevens"; "the data my web shop stores"
    # (round 12)
    r"\b(?:een|één|a|an|one) (?:\w+ )?(?:lid|klant|bezoeker|gebruiker|abonnee|donateur|member|customer|client|"
    r"user|visitor|"
    r"subscriber|donor)\b[^.?!\n]{0,15}\b(?:heeft|vraagt|vroeg|has|asked|asks)\b[^.?!\n]{0,10}\b(?:ons|us)\b",
    r"\b(?:mensen|people|leden|members|bezoekers|visitors|lezers|readers|klanten|customers|subscribers|abonnees)\b"
    r"[^.?!\n]{0,30}\b(?:hun|their) (?:eigen |own )?(?:gegevens|data|details|persoonsgegevens|personal data)\b",
    r"\b(?:my|our|mijn|onze) (?:web ?shop|webwinkel|online shop|shop|website|site|app|crm)\b[^.?!\n]{0,10}\b(?:stores?|"
    r"keeps?|holds?|collects?|bewaart|opslaat|verzamelt)\b",
    # "a client of my salon", "ein Kunde meines Shops", "un client de ma boutique"
    r"\b(?:a|an|one) (?:customer|client|user|visitor|member|subscriber|patient|guest) of (?:my|our)\b",
    r"\bein(?:e)? (?:kunde|kundin|nutzer\w*|besucher\w*|mitglied) (?:meines|meiner|unseres|unserer)\b",
    r"\bun(?:e)? (?:client|cliente|utilisateur|utilisatrice|abonné|abonnée) de (?:ma|mon|mes|notre|nos)\b",
    # "our customer wants to exercise his right to erasure", "unser Kunde verlangt": one of the writer's own customers
    # (round 9); not "my customer account / number / area", which is the writer's own record with us. Not "my client":
    # a lawyer's client is the data subject the lawyer asks for
    r"\b(?:my|our|unser|mein) (?:customer|kunde|kundin)\b(?!\s*(?:number|nr|no|id|account|area|portal|panel|login|"
    r"service|support|record|data|details|profile|file))",
    r"\bsub-?(?:processors?|verwerkers?)\b",
    # "my client wants ...", "our customers ask ...", "ma cliente", "unsere Kunden" (not "my customer number")
    r"\b(?:my|our) (?:clients?|customers|users|subscribers|members|visitors|donors)\b",
    r"\bmy customer\b(?! (?:number|account|area|portal|panel|id|nr|service|support|login|profile|record|file|"
    r"data|details|information|info)s?\b)",
    r"\b(?:mijn|onze) (?:klanten|bezoekers|gebruikers|leden|abonnees|donateurs)\b",
    r"\b(?:ma|mon|mes|notre|nos) (?:client|cliente|clients|clientes|utilisateurs|abonnés|adhérents)\b",
    r"\b(?:unsere|meine) (?:kunden|kundin|kunde|nutzer|mitglieder|abonnenten)\b",
    r"\b(?:a|one) (?:subscriber|member|reader|donor) (?:to|of) (?:my|our)\b",
    # with a word between ("one of our website visitors", "a regular visitor to our site", "een vaste klant van ons")
    r"\b(?:a|an|one of|some of) (?:our|my) \w+ (?:customers?|clients?|users?|visitors?|members?|donors?|subscribers?|"
    r"patients?|guests?|readers?)\b",
    r"\b(?:a|an|one) (?:\w+ )?(?:customer|client|user|visitor|member|subscriber|patient|guest|donor|reader) "
    r"(?:to|of|on|from|at) (?:my|our)\b",
    r"\b(?:een|één) (?:\w+ )?(?:lid|klant|bezoeker|gebruiker|abonnee|donateur|patiënt) (?:van|op|bij) "
    r"(?:onze|ons|mijn)\b",
    # a request the writer received ("we got a data subject access request from one of ...")
    r"\b(?:we|i|wij|ik) (?:have |hebben |heb )?(?:received|got|gotten|gekregen|ontvangen) (?:a|an|een) "
    r"(?:(?:data|subject|access|deletion|erasure|privacy|gdpr|avg|dsar|sar|inzage|verwijder)\w* ){1,3}"
    r"(?:request|verzoek)\b",
    r"\b(?:wij|we|ik) (?:hebben|heb) (?:een )?(?:\w+ ){0,2}(?:verzoek|inzageverzoek|verwijderverzoek) "
    r"(?:gekregen|ontvangen)\b",
)
NEGATION = re.compile(
    # "ni ... ni", "neither ... nor", "weder ... noch": a letter saying what it does not ask for ("je ne demande ni
    # rectification ni effacement"); German "noch" alone is "still", so only "weder" stands for it
    r"\b(?:niet|geen|nooit|hoeft|hoeven|not|never|no|don't|dont|doesn't|won't|nicht|kein\w*|pas|jamais|"
    r"ni|nor|neither|weder)\b|n't\b",
    re.IGNORECASE,
)


# Pronouns and short phrases that point back at data named in the sentence before ("Stuur me een
# overzicht van mijn persoonsgegevens. Daarna mogen jullie alles wissen.").
ANAPHOR = rx(
    r"\b(?:alles|al die|die gegevens|deze gegevens|de gegevens|die van mij|ze|die|deze|dat|het|daarvan)\b",
    r"\b(?:everything|all of it|all of them|them|it|that|this|those|the data|that record|this record)\b",
    r"\b(?:alles|sie|es|diese)\b", r"\b(?:tout|les|le|la|celles-ci)\b",
    # "supprimer cette copie": a French demonstrative points back as "that copy" does (issue 18, round 9)
    r"\b(?:cette|ces|celle-ci|celui-ci|ceux-ci)\b",
)
# Does the argument name marketing (the object of an art. 21(2) objection)?
MARKETING = rx(
    r"\bnieuwsbrie\w*", r"\breclame\w*", r"\bmarketing\w*", r"\baanbieding\w*", r"\bpromoti\w*",
    r"\bmailings?\b", r"\bmailinglijst\w*", r"\bmailing ?lists?\b", r"\bverzendlijst\w*", r"\bcommerci\w*",
    r"\bpromo\b", r"\bpromos\b", r"\bnewsletters?\b", r"\boffers?\b", r"\boffres?\b", r"\bangebot\w*", r"\bpubs?\b",
    r"\bads\b", r"\badvertis\w*", r"\badvertentie\w*", r"\bgepersonaliseerd\w*", r"\bpersonali[sz]ed\b",
    r"\bwerbe\w*", r"\bacties\b", r"\bsales\b", r"\bupgrades?\b", r"\bverkoop\w*", r"\bkortingen?\b",
    r"\bdiscounts?\b", r"\bwerbung\b", r"\bpublicit\w*", r"\bprospection\b", r"\bnieuwe (?:diensten|producten)\b",
    r"\bnew (?:services|products)\b", r"\breclame-?\w+", r"\b[\w-]*-?reclame\b",
    # leaflets by post, and a list one is taken off (round 12; Dutch "folders" are leaflets when received)
    r"\bflyers?\b", r"\bbrochures?\b", r"\bfolders\b(?=[^.?!\n]{0,30}\b(?:ontvangen|brievenbus|in de bus|thuis|"
    r"per post|"
    r"sturen|toesturen|krijgen)\b)", r"\b(?:take|get|remove)\w* me (?:off|from) (?:your|ur|this|the) (?:\w+ )?list\b",
)
PRIVACY_TOPIC = rx(
    r"\bprivacy\w*", r"\bavg\b", r"\bgdpr\b", r"\bdsgvo\b", r"\brgpd\b", r"\bpersoons?gegevens\b",
    r"\bpersonal (?:data|information|details)\b", r"\bgegevensbescherming\b", r"\bdata protection\b",
    r"\bdatalek\w*", r"\bdata ?breach\w*", r"\bgelekt\b", r"\bleaked\b", r"\bautoriteit persoonsgegevens\b",
    r"\bICO\b", r"\bdatenschutz\w*", r"\bdonnées personnelles\b", r"\bcnil\b",
)
# Harm or grievance about the handling of one's data: a privacy complaint to us without the word.
# Our sending the writer's data to somebody else ("in a mail to another customer", "to the wrong person"):
# what a privacy complaint is about even when it never says "privacy".
MISDELIVERY = rx(
    r"\b(?:aan|naar|to|an|à) (?:een |a |einen |eine |un |une )?(?:andere|verkeerde|another|the wrong|a different|"
    r"anderen?|falschen?|autre|mauvais\w*) (?:klant|persoon|customer|person|recipient|ontvanger|kunden?|kundin|"
    r"person|empfänger|client|personne|destinataire)\b",
)
GRIEVANCE = rx(
    r"\bonacceptabel\b", r"\bonaanvaardbaar\b", r"\bschandalig\w*", r"\bslordig\w*", r"\bwoedend\b",
    r"\bernstige?\b", r"\bniet blij\b", r"\bontevreden\b", r"\bschending\b", r"\bgeschonden\b",
    r"\bunacceptable\b", r"\boutrage\w*", r"\bfurious\b", r"\bserious\b", r"\bviolation\b", r"\bviolated\b",
    r"\bnot happy\b", r"\bunhappy\b", r"\bdisgrace\w*", r"\bcareless\w*", r"\bbreach of my\b",
    r"\binakzeptabel\b", r"\bverletzung\b", r"\binacceptable\b", r"\bviolation\b",
)
OWN_BREACH = rx(
    r"\b(?:onze|our|mijn|my) (?:eigen |own )?(?:webshop|website|site|shop|server|database|systeem|system)\b",
    r"\b(?:moeten|moet|hoeven) (?:wij|we|ik)\b", r"\b(?:do|should|must|have to) (?:we|i)\b[^.?!\n]{0,20}"
    r"\b(?:report|notify)\b", r"\bzelf melden\b", r"\bmeldplicht\w*\b", r"\bobliged to (?:report|notify)\b",
    r"\bverplicht\w* (?:om )?(?:te )?meld\w*",
    # "müssen wir das melden?", "devons-nous le signaler ?" (round 14)
    r"\b(?:müssen|muss|sollen|sollten) (?:wir|ich)\b", r"\b(?:devons|dois|devrions|devrais)[- ](?:nous|je)\b",
)
# Bulk mail (a newsletter or spam that reached the support inbox) carries its own opt-out footer
# (RFC 2369 / RFC 8058 List-Unsubscribe in the body): such a message talks about opting out, it
# does not ask for it, and its privacy vocabulary is advertising.
BULK_FOOTER = rx(
    r"\bklik (?:dan )?hier\b", r"\bclick here\b", r"\b(?:antwoord|reageer|stuur|reply|text|sms)\w* (?:met )?"
    r"['\"]?stop\b", r"\bwilt u geen (?:\w+ ){0,3}meer (?:van ons )?ontvangen\b",
    # (not "I do not wish to receive ...", the writer's own opt-out: round 12)
    r"(?<!\bi )(?<!\bwe )\b(?:no longer|don't|do not) wish to receive\b", r"\bafmelden voor (?:onze|deze) (?:berichten|"
    r"nieuwsbrief|mailings?|e-?mails?)\b", r"\bu ontvangt (?:deze|dit) (?:e-?mail|bericht|nieuwsbrief) omdat\b",
    r"\byou (?:are )?receiv\w* this (?:e-?mail|message|newsletter) because\b",
    r"\bunsubscribe from (?:this|our) (?:list|newsletter|mailing)\b",
    # the same footers in German and French, and a keyword to reply with in any of the four languages
    r"\bhier klicken\b", r"\bcliquez ici\b", r"\bsie erhalten diese (?:e-?mail|nachricht|newsletter),? weil\b",
    r"\bvous recevez (?:cet? |cette )(?:e-?mail|message|courriel|newsletter|lettre d'information),? "
    r"(?:car|parce que)\b",
    r"\b(?:pour|afin de) vous désabonner\b", r"\bum sich (?:vom newsletter )?abzumelden\b",
    r"\b(?:reply|respond|antwoord|reageer|antworten sie|répondez)\w* (?:with|met|mit|par) ['\"]?"
    r"(?:unsubscribe|afmelden|abmelden|désabonner|stopp?)\b",
)


# Phrases several rules share: not using the data (art. 18 and 21), keeping it but not deleting it, erasing.
NOT_USE = rx(
    r"\bniet (?:meer |verder |langer |meer verder )?(?:gebruiken|gebruikt|verwerken|verwerkt|delen|gedeeld)\b",
    # (not a bare "het", "die", "dat": "(ik) gebruik het niet meer" is the writer no longer using an account, and the
    # Dutch first person is the imperative's form; round 15)
    r"\b(?:gebruik|verwerk|deel)\w* (?:mijn |m'n |mn |deze |die |de |het )?(?:gegevens|data|nummer|adres|"
    r"e-?mailadres|ze) (?:\w+ )?(?:niet|voor niets anders|nergens anders)\b",
    r"\b(?:gebruik|verwerk|deel)\w* (?:het|die|dat) (?:\w+ )?(?:voor niets anders|nergens anders)\b",
    r"\bstop\w* met (?:het )?(?:gebruik|verwerk)\w*",
    r"\b(?:stop|cease|suspend|pause|halt)\w* (?:using|processing|to use|to process|sharing)\b",
    # (not "I don't use your service any more": the writer not using ours; round 12)
    r"(?<!\bi )(?<!\bwe )\b(?:not|don't|dont|do not|no longer) (?:use|process|"
    r"share)\b", r"\bnothing (?:else )?(?:but|except|other than)\b",
    r"\bnicht (?:mehr |weiter )?(?:verwenden|verarbeiten|nutzen|weitergeben|übermitteln)\b",
    r"\bne plus (?:utiliser|traiter)\b",
    # "elles ne doivent servir à rien d'autre", "ne les utilisez pour rien d'autre" (round 16)
    r"\bne (?:doivent|doit|devront|peuvent|peut|les utilisez|l'utilisez) (?:plus )?(?:servir|être utilisée?s?)? ?"
    r"(?:à|pour) rien d'autre\b",
    # "ich möchte nicht, dass Sie meine Nummer für Werbung benutzen", "je ne veux pas que vous utilisiez" (round 14)
    r"\bnicht,? dass (?:sie|ihr)\b[^.?!\n]{0,60}\b(?:benutzen|benutzt|verwenden|nutzen)\b",
    r"\bne (?:veux|voulons|souhaite) pas que vous utilisiez\b",
    # informal: "nix mehr mit meinen Daten machen", "(ne) faites plus rien avec mes données" (round 11)
    r"\b(?:nichts|nix) (?:mehr )?(?:mit|damit)\b[^.?!\n]{0,30}\b(?:machen|tun|anfangen)\b",
    r"\b(?:faites|faire|fassiez) (?:plus )?rien\b[^.?!\n]{0,20}\b(?:avec|d'autre)\b",
    r"\b(?:verwenden|verarbeiten|nutzen) sie\b[^.?!\n]{0,40}\bnicht\b(?=\s*(?:[,;]|solange|bis|während))",
    # "verwenden Sie sie nicht mehr", "geben Sie meine Daten nicht weiter"
    r"\b(?:verwenden|verarbeiten|nutzen|geben|übermitteln) sie\b[^.?!\n]{0,40}\b(?:nicht (?:mehr|weiter)|"
    r"für nichts anderes|nicht an\b[^.?!\n]{0,40}\bweiter)\b",
    # "ne les utilisez plus", "ne transmettez pas mes données"
    r"\bne (?:les |la |le |l'|me )?(?:utilise|trait|transmet|communiqu|partag)\w* (?:plus|pas)\b",
    r"\b(?:is|be|are|gets|get|wordt|worden) not (?:being )?(?:used|processed|shared)\b",
    r"\bniet (?:meer )?(?:wordt|worden) (?:gebruikt|verwerkt|gedeeld|doorgegeven)\b",
    r"\b(?:wil|willen) (?:ik |we )?niet dat\b[^.?!\n]{0,60}\b(?:gebruik\w*|verwerk\w*|doorgeven|doorgegeven|"
    r"delen|gedeeld|doorsturen)\b",
    r"\b(?:don't|dont|do not) want (?:you|u) to (?:use|process|share|pass)\b",
    # chat: "niks meer mee doen", "niks meer doorgeven", "dont want u doing anything with it", "dont pass it on",
    # "wil niet dat jullie er iets mee doen" (round 12)
    r"\b(?:niks|niets) (?:meer )?(?:mee|ermee|daarmee|mede) (?:\w+ )?doen\b",
    r"\b(?:niks|niets) (?:meer )?(?:doorgeven|delen|gebruiken|verwerken)\b",
    r"\b(?:wil|willen) (?:ik |we )?niet dat (?:jullie|u|je) (?:er |daar )?(?:iets|wat) (?:mee )?(?:mee )?doen\b",
    r"\b(?:don't|dont|do not) want (?:you|u) (?:doing|to do) anything with\b",
    r"\b(?:don't|dont|do not) pass (?:\w+ )?on\b",
    r"\b(?:gebruik|verwerking)\b[^.?!\n]{0,40}\b(?:stopzetten|stilzetten|stilleggen|opschorten|pauzeren)\b",
    r"\brestrict\w*\b",
    # the processing stopped or paused ("zet de verwerking stil", "nergens voor gebruiken", "pause the processing")
    r"\bnergens (?:meer )?voor (?:gebruiken|gebruikt|inzetten)\b", r"\b(?:zet|leg)\w* (?:de |alle )?verwerking\b"
    r"[^.?!\n]{0,40}\bstil\b",
    r"\bverwerking\b[^.?!\n]{0,40}\b(?:stopzetten|stilzetten|stilleggen|opschorten|pauzeren)\b",
    r"\b(?:stop|cease|suspend|pause|halt)\w* (?:the |all |any )?processing\b",
    r"\bverarbeitung\b[^.?!\n]{0,40}\b(?:aussetzen|einstellen|stoppen)\b", r"\bsuspend\w* (?:le |tout )?traitement\b",
)
KEEP_NOT_DELETE = rx(
    r"\b(?:(?:nog )?niet|not yet|not|don't|dont|do not|nicht|pas)\b[^.?!\n]{0,15}"
    r"\b(?:verwijder\w*|wissen|delete|erase|löschen|supprimer)\b",
    r"\b(?:verwijder|wis|delete|erase|lösch)\w*\b[^.?!\n]{0,35}\b(?:nog niet|not yet|noch nicht)\b",
    r"\bne (?:les |la |le )?supprim\w* pas\b",
    r"\b(?:bewaar|bewaren|keep|retain|behouden)\w*\b[^.?!\n]{0,40}\b(?:als bewijs|as evidence|for evidence|"
    r"bewijsmateriaal)\b",
    # kept instead of purged, for a dispute ("je vous demande au contraire de conserver les données"; round 16)
    r"\b(?:au contraire|plutôt) de (?:les |la |le )?(?:conserver|garder)\b",
    r"\b(?:conserv|gard)\w*\b[^.?!\n]{0,40}\b(?:pour|en vue d'un|à cause d'un) (?:mon |un |le )?(?:litige|procès|"
    r"contentieux)\b",
)

ERASE_VERB = rx(
    # Dutch "wissen" (erase), not German "wissen" (know) after a modal or "lassen Sie mich"
    r"\bwis(?:sen|t)?\b(?<!möchte wissen)(?<!gerne wissen)(?<!gern wissen)(?<!will wissen)(?<!mich wissen)"
    r"(?<!möchten wissen)(?<!würde wissen)(?<!uns wissen)(?<!zu wissen)"
    # ... nor after the words German puts between the modal and it ("ich will das / nur / immer noch wissen"), nor
    # before a German question word ("wissen, was ihr ...", "wissen welche daten"): Dutch says "wissen wat" (round 11)
    r"(?<!das wissen)(?<!nur wissen)(?<!noch wissen)(?<!lich wissen)(?<!genau wissen)(?<!auch wissen)"
    # ... nor after the inverted German modal ("das möchte ich wissen", "will ich schon lange wissen"): Dutch has "ik",
    # never "ich"; "wir"/"Sie" likewise (round 15)
    r"(?<!ich wissen)(?<!wir wissen)(?<!sie wissen)(?<!lange wissen)"
    r"(?!\s*,?\s*(?:was|welche\w*|ob|woher|wozu|wer|wann|warum|weshalb)\b)",
    r"\bverwijder\w*", r"\bgewist\b", r"\bvernietig\w*", r"\bschrap\w*",
    r"\bvergeten\b", r"\bopruimen\b", r"\bhaal\w*\b[^.?!\n]{0,40}\b(?:uit|van|af)\b",
    r"\bdelet\w*", r"\berase\w*", r"\berasure\b", r"\bremov\w*", r"\bwipe\w*", r"\bpurge\w*",
    r"\bforget\b", r"\bget rid of\b", r"\bdestroy\w*", r"\btake\b[^.?!\n]{0,50}\b(?:off|down)\b",
    r"\blösch\w*", r"\bgelöscht\b", r"\bentfern\w*", r"\bsupprim\w*", r"\bsuppression\b", r"\beffac\w*",
    # destroying or binning a record ("the scan of my passport: please shred it")
    r"\bvernicht\w*", r"\bdétrui\w*", r"\bdétruit\w*", r"\bweg ?(?:gooien|doen)\b", r"\bweggegooid\b",
    r"\bgooi\w*\b[^.?!\n]{0,50}\b(?:weg|uit (?:jullie|uw|je|het|de)\b)", r"\buit (?:jullie|uw|je) \w+ gooien\b",
    r"\bthrow (?:it |that |them |this )?away\b", r"\bshred\w*", r"\bbin (?:it|that|them|the|my)\b",
    # "mijn oude adres mag weg", "my old address can go" (round 12; not "I can go to", "can go ahead")
    r"\b(?:mag|mogen|kan|kunnen) (?:ook |wel |gewoon |allemaal |er )?weg\b(?! (?:uit|van|naar)\b)",
    r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bu )(?<!\bthey )\b(?:can|may) (?:all )?go\b(?!\s*(?:to|ahead|through|"
    r"back|on|in|"
    r"into|out|with|for|and|there|home|now|online|live|wrong|down|up|over|away|somewhere|elsewhere|via|by|first)\b)",
)


# The report an erasure asks for: "let me know when it is done", "confirm which data you deleted", "laat weten
# wanneer het gedaan is", "welke gegevens u heeft gewist" (art. 17 and 19). It asks to know what was done, not to
# see the data: no access request of its own, and no cue that lets the model add access beside an erasure.
DONE_REPORT = rx(
    r"\b(?:let (?:me|us) know|laat (?:u |jullie |je )?(?:me|mij|ons) (?:\w+ )?(?:\w+ )?weten|"
    r"lassen sie (?:mich|uns) (?:\w+ )?wissen|"
    r"(?:faites|tenez)[- ]moi (?:savoir|informée?))\b[^.?!\n]{0,25}\b(?:when|once|if|whether|as soon|after|"
    r"wanneer|zodra|of|als|nadat|wenn|sobald|ob|nachdem|quand|dès que|si|lorsque|une fois)\b",
    r"\b(?:confirm\w*|bevestig\w*|bestätig\w*)\b[^.?!\n]{0,60}\b(?:deleted|erased|removed|destroyed|verwijderd|"
    r"gewist|vernietigd|gelöscht|entfernt|vernichtet|supprimée?s?|effacée?s?|détruite?s?)\b",
    r"\b(?:which|what|welke|wat|welche|quelles?)\b[^.?!\n]{0,40}\b(?:you|u|jullie|je|sie|vous)\b[^.?!\n]{0,20}"
    r"\b(?:deleted|erased|removed|verwijderd|gewist|gelöscht|supprimée?s?|effacée?s?)\b",
    # what the law makes you keep despite the erasure (art. 17(3)): its scope, not an access request
    r"\b(?:moeten|moet|must|have to|has to|need to|required to|obliged to|verplicht\w*|müssen|muss|devez|doit|"
    r"obligée?s? de)\b[^.?!\n]{0,30}\b(?:bewaren|bewaard|keep|kept|retain\w*|aufbewahr\w*|behalten|speichern|"
    r"conserver|garder)\b",
    r"\b(?:bewaren|keep|retain|aufbewahren|conserver|garder)\b[^.?!\n]{0,30}\b(?:wettelijk|legally|by law|"
    r"gesetzlich|légalement)\b",
)



# The delivery address of an order: order handling, not a record of the writer to correct (rectification).
DELIVERY_ADDRESS = rx(
    r"\b(?:shipping|delivery) address\w*", r"\b(?:bezorg|verzend|aflever)adres\w*", r"\blieferadresse\w*",
    r"\badresse de livraison\b",
)


# --------------------------------------------------------------------------------------------------
# Sentences that name rights without exercising them. A formal letter lists the rights the law gives
# ("the existence of the right to request rectification or erasure ... or to object"), closes with a
# conditional threat ("if you do not answer within a month I reserve the right to lodge a complaint
# with the supervisory authority") and gives grounds ("to the extent you rely on legitimate interests,
# I object"): none of these is a request of its own.
# --------------------------------------------------------------------------------------------------
RIGHTS_LIST = rx(
    r"\bexistence of (?:the|a|any) right", r"\bthe right to (?:lodge|make|file) a complaint\b",
    r"\bhet bestaan van (?:het|een) recht",
    r"\bhet recht (?:heb|heeft|hebt) (?:om )?(?:u |jullie )?(?:te )?(?:vragen|verzoeken)\b",
    r"\brecht (?:om|op het indienen van) (?:een )?klacht\b", r"\bdas bestehen eines\b", r"\bbeschwerderecht\w*",
    r"\bl'existence du droit\b", r"\bdroit d'introduire une réclamation\b",
    r"(?<!defend )(?<!enforce )(?<!assert )(?<!protect )\bmy (?:other )?rights\b",
    # (not one's rights asserted in a dispute, art. 18(1)(c): "pour faire valoir mes droits", "um meine Rechte geltend
    # zu machen", "to defend my rights"; round 11)
    r"\bmijn (?:overige |andere )?rechten\b(?! (?:te |veilig te )?(?:verdedigen|doen gelden|stellen|beschermen))",
    r"\bmeine (?:weiteren )?rechte\b(?! (?:\w+ )?(?:geltend|durchzusetzen|durchsetzen|wahren|zu wahren|verteidigen))",
    r"(?<!valoir )(?<!défendre )(?<!protéger )(?<!préserver )\bmes droits\b",
    r"\b(?:inform|tell|remind|point out to)\w* (?:me|you)\b[^.?!\n]{0,30}\b(?:rights?|right to)\b",
    r"\bik wijs u (?:erop|op)\b", r"\bje vous rappelle\b", r"\bweise (?:ich )?sie darauf hin\b",
    r"\b(?:de )?volgende rechten\b", r"\bthe following rights\b",
    # a general question which rights one has ("what rights do I actually have under the GDPR?"; round 12)
    r"\bwhat rights (?:do|would|does|have) (?:i|we|one|you)\b", r"\bwelke rechten (?:heb|hebben|heeft) (?:ik|we|"
    r"je|men)\b",
    r"\bwelche rechte (?:habe|haben|hat) (?:ich|wir|man)\b", r"\bquels (?:sont )?(?:mes |les |"
    r"nos )?droits\b", r"\bfolgende rechte\b",
    r"\bles droits suivants\b",
    # the reader told what they may do (a privacy notice, a newsletter, an auto-reply): "you can request access
    # at any time", "u kunt altijd inzage vragen", "Sie können jederzeit Auskunft verlangen", "vous pouvez
    # exercer vos droits"; a request asks *us* ("can you", "kunt u"), which these do not match
    r"\byou (?:can|may|have the right to) (?:at any time |always )?(?:request|ask for|exercise|obtain)\b",
    r"\b(?:to|you can) exercise your (?:\w+ )?rights\b",
    r"\bu (?:kunt|heeft het recht)\b[^.?!\n]{0,60}\b(?:vragen|verzoeken|uitoefenen|aanvragen|opvragen)\b",
    r"\bdat u\b[^.?!\n]{0,90}\bkunt (?:vragen|verzoeken|opvragen|aanvragen)\b",
    r"\b(?:können|haben) sie\b[^.?!\n]{0,20}\b(?:jederzeit|das recht)\b[^.?!\n]{0,60}"
    r"\b(?:verlangen|beantragen|geltend machen|anfordern)\b",
    r"\bsie können\b[^.?!\n]{0,60}\b(?:verlangen|beantragen|geltend machen)\b",
    r"\bihre rechte auf\b", r"\bvous (?:pouvez|disposez d'un droit|avez le droit)\b[^.?!\n]{0,60}"
    r"\b(?:demander|exercer|obtenir)\b", r"\bexercer vos droits\b", r"\bvous disposez d'un droit\b",
)
# The name of each right (art. 15-18, 20, 21) in nl/en/de/fr: a sentence naming four or more of them is a
# list of rights (a template's boilerplate), whatever words introduce it (``held.names_many_rights``).
RIGHT_NAMES = {
    "access": rx(r"\binzage\b", r"\baccess\b", r"\bauskunft\b", r"\baccès\b"),
    "rectification": rx(r"\brectifica\w*", r"\bcorrectie\b", r"\bberichtigung\b", r"\brectification\b"),
    "erasure": rx(r"\bverwijdering\b", r"\bvergetelheid\b", r"\berasure\b", r"\blöschung\b", r"\beffacement\b"),
    "restriction": rx(r"\bbeperking\b", r"\brestriction\b", r"\beinschränkung\b", r"\blimitation\b"),
    "portability": rx(r"\boverdraagbaarheid\b", r"\bportabili\w*", r"\bübertragbarkeit\b",
                      r"\bdatenübertragbarkeit\b"),
    "objection": rx(r"\bbezwaar\b", r"\bobjection\b", r"\bwiderspruch\w*", r"\bopposition\b"),
}

# A copy of an identity document the writer offers or refuses to send (identification paragraph of a
# letter): "a copy of" here is no request for a copy of their data.
ID_COPY = rx(
    r"\b(?:kopie|copy|copie|scan|kopien?)\b[^.?!\n]{0,25}\b(?:identiteitsbewijs|id[- ]?(?:kaart|bewijs|card|document)|"
    r"paspoort|passport|identity (?:document|card)|rijbewijs|driving licen[cs]e|\w*ausweis\w*|reisepass\w*|"
    r"pièce d'identité|carte d'identité|passeport|(?:mijn|my|mein\w*|mon) id\b|residence permit|verblijfsvergunning|"
    r"aufenthalts\w*|titre de séjour|geboorteakte|birth certificate|geburtsurkunde|acte de naissance)",  # (round 14)
)
# A first-person subject: a complaint in a sentence about the writer's customers is the writer's only when the
# writer makes it ("I complained about you to the AP, you leaked our customers' data"); "one of our customers
# has lodged a complaint with the ICO" is the customer's (art. 77 is the data subject's right; round 9).
FIRST_PERSON = rx(r"\b(?:i|i'm|i've|ik|we|wij|ich|wir|je|j'ai|nous)\b")
# A threat on a condition: "if you do not answer ..., I will / reserve the right to ...".
CONDITIONAL = rx(
    r"\b(?:if|unless|should you|otherwise|failing (?:that|which|a reply|a response)|in the event)\b",
    r"\b(?:als|indien|mocht|mochten|zo niet|anders|bij gebreke|wanneer (?:ik|u|jullie) (?:niet|geen))\b",
    r"\b(?:wenn|falls|sollte|andernfalls|ansonsten|sonst)\b", r"\b(?:si|à défaut|faute de|sinon)\b",
    r"\breserve the right\b", r"\bbehoud\w* (?:ik )?(?:mij|me) (?:het recht )?voor\b", r"\bbehalte\w* (?:ich )?mir\b",
    r"\bme réserve\b", r"\bgenoodzaakt\b", r"\bwill (?:have no choice|consider)\b",
    r"\bmay (?:complain|lodge|contact|report)\b",
    r"\bconsider (?:lodging|filing|making|reporting)\b",
    # "should I not hear from you", "failing an answer", "sans réponse", "bei ausbleibender Antwort"
    r"\bshould (?:i|we) (?:not|fail)\b", r"\b(?:failing|absent|in the absence of) (?:an? )?(?:answer|reply|response)\b",
    # ("restée sans réponse", remained unanswered, is a fact: the complaint over it is filed, round 10)
    r"(?<!restée )(?<!resté )(?<!restées )(?<!restés )(?<!demeurée )(?<!demeuré )(?<!toujours )(?<!est )"
    r"\bsans (?:réponse|retour)\b", r"\bbei (?:ausbleibender|fehlender) (?:antwort|reaktion)\b",
    r"\bohne (?:antwort|reaktion)\b", r"\bbij uitblijven\b", r"\bblijft (?:een )?(?:reactie|antwoord) uit\b",
)
# A reservation of rights: the closing boilerplate of a formal letter ("I reserve the right to lodge a
# complaint with the supervisory authority"). Unlike a threat to escalate an ignored request (which the
# evaluation corpora count as a complaint, and which the model may still label), it is never a request.
RESERVATION = rx(
    r"\breserve (?:the|my) right\b", r"\bbehoud\w* (?:ik )?(?:mij|me) (?:het recht )?voor\b",
    r"\bbehalte\w* (?:ich )?mir\b", r"\bme réserve\b", r"\bje me réserve\b",
)
# A negation that belongs to receiving, not to the request ("I haven't received a copy of my data yet").
RECEIPT = rx(r"\b(?:received|receive|got|gotten|had|heard|ontvangen|gekregen|gehad|gehoord|erhalten|bekommen|"
             r"reçu)\b")
# Objection named as a ground of an erasure ("to the extent that you rely on legitimate interests, I object"):
# the hedge *and* the erasure in one sentence. (One alternation of both once made any sentence with "delete"
# a ground, so "stop the offers and delete my address" lost its objection.)
_GROUND_HEDGE = rx(
    r"\b(?:to the extent|insofar|in so far|as far as|where you rely|voor zover|mocht u|indien u zich|voorzover|"
    r"soweit|sofern|vorsorglich|hilfsweise|dans la mesure où)\b",
)
_GROUND_ERASURE = rx(r"\b(?:delete|erase|erasure|verwijder\w*|wissen|löschen|löschung|effacer|effacement)\b")


class _Both:
    """Both patterns in the text (the ``search`` of a compiled pattern, for the callers of a pattern)."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.patterns = patterns

    def search(self, text: str) -> bool:
        return all(p.search(text) for p in self.patterns)


OBJECTION_AS_GROUND = _Both(_GROUND_HEDGE, _GROUND_ERASURE)
# An objection to *all* processing of the writer's data ("Ich widerspreche jeder Verarbeitung meiner Daten", "je
# m'oppose à tout traitement"): beside an erasure of their data it is the erasure's ground (art. 17(1)(c)), not a
# request to route on its own; public erasure templates carry it as boilerplate (issue 18, privacy_letters_tune).
ALL_PROCESSING = rx(
    r"\b(?:all|any|every)(?: other| further)? (?:processing|use)\b", r"\bprocessing of (?:all|any)\b",
    r"\b(?:alle|iedere|elke)(?: verdere| andere)? verwerking\b", r"\bverwerking van (?:al|alle)\b",
    r"\b(?:jede[rnms]?|alle[rnms]?|sämtliche[rnms]?)(?: weitere[rnms]?)? (?:Verarbeitung|Nutzung)\b",
    r"\bVerarbeitung (?:aller|sämtlicher)\b",
    r"\b(?:tout|tous les|l'ensemble des)(?: autres?)? traitements?\b", r"\btraitement de (?:toutes|l'ensemble)\b",
)

# An earlier request of the writer's that was not carried out ("you still haven't done my erasure request, so I
# filed a complaint with the AP"): the corpora label the request's type too (it is still open).
NOT_DONE = rx(
    r"\b(?:nog )?(?:steeds|altijd) (?:niet|geen)\b", r"\bstill (?:not|no|haven't|hasn't|have not|has not|nothing)\b",
    r"\b(?:haven't|hasn't|have not|has not|never) (?:\w+ ){0,2}(?:carried out|done|answered|actioned|processed|"
    r"handled|replied|responded)\b", r"\bignor\w*", r"\bgenegeerd\b", r"\bniet (?:uitgevoerd|afgehandeld|"
    r"beantwoord|gereageerd)\b", r"\b(?:reageren|reageert|antwoorden) (?:al )?(?:\w+ ){0,3}niet\b",
    r"\bno (?:reply|response|answer)\b", r"\bimmer noch (?:nicht|kein\w*)\b", r"\bnicht (?:umgesetzt|bearbeitet|"
    r"beantwortet)\b", r"\btoujours pas\b", r"\bsans (?:réponse|suite)\b", r"\bpas (?:traité|répondu)\b",
)
# The writer's own mailing (a customer sending newsletters with our tools): its subscribers and unsubscribe
# handling are support questions, not an objection to our marketing.
OWN_MAILING = rx(
    r"\b(?:unsubscribe|afmeld|abmelde|désinscription|désabonnement)[- ]?(?:link|knop|button|header|page|pagina)\w*",
    r"\b(?:newsletters?|nieuwsbrie\w*|mailings?)\b[^.?!\n]{0,15}\b(?:i|we|ik|wij) "
    r"(?:send|sent|stuur|sturen|verstuur\w*)",
    r"\bsubscribers\b", r"\babonnees\b", r"\babonnenten\b", r"\babonnés\b", r"\bunsubscribes\b",
    r"\b(?:mailing|newsletter|nieuwsbrief)[- ]?(?:tool|module|plugin|software|programma)\b",
    # the same in French and German word order ("lien de désinscription", "ma propre newsletter", "meinem eigenen
    # Newsletter"): the writer's own mailing, which they run themselves (round 9)
    r"\b(?:ajout\w*|mettre|insérer|intégrer|créer)\b[^.?!\n]{0,20}\b(?:lien|bouton|option|fonction|case|module) de "
    r"(?:désinscription|"
    r"désabonnement)\b",  # adding one to a mailing: "le lien de désinscription marche pas" is ours, broken
    r"\b(?:ma|mon|notre|mes|nos) propres? (?:\w+ ){0,2}(?:de |d')?(?:newsletters?|lettres? d'information|"
    r"listes? de diffusion|mailings?)\b",
    r"\b(?:mein|unser)\w* eigen\w* (?:newsletter|mailingliste|verteiler)\w*",
    r"\b(?:my|our|mijn|onze|mes|nos|meine|unsere) (?:readers|lezers|lecteurs|leser)\b",
)

# A supervisory authority (art. 77), by name or by what it is.
AUTHORITY = rx(
    r"\bautoriteit persoonsgegevens\b", r"\b(?:de|bij|naar|to|the) AP\b", r"\bICO\b",
    r"\binformation commissioner\b", r"\b(?:data protection|supervisory) authority\b",
    r"\b(?:privacy|data protection) regulator\b", r"\bdutch dpa\b", r"\btoezichthouder\b",
    r"\bdatenschutzbehörde\b", r"\baufsichtsbehörde\b", r"\bcnil\b", r"\bautorité de contrôle\b",
    r"\bgegevensbeschermingsautoriteit\b",
    # the German states' and Belgian, Quebec and Luxembourg authorities, by name or as customers call them (round 11;
    # "beim Datenschutzbeauftragten", not "an Ihren Datenschutzbeauftragten": a company's own officer)
    r"\b(?:beim|zum) (?:landes)?datenschutzbeauftragten\b", r"\blandesdatenschutzbeauftragt\w*",
    r"\blandesbeauftragt\w* für (?:den )?datenschutz\b", r"\bbfdi\b", r"\bedöb\b",
    r"\bautorité de protection des données\b", r"\bAPD\b", r"\bcommission d'accès à l'information\b", r"\bcnpd\b",
    # "die Berliner Beauftragte für Datenschutz", the Swiss "Préposé fédéral (PFPDT)" (round 14)
    r"\b(?:berliner|hamburgische\w*|bayerische\w*|sächsische\w*|hessische\w*|bremische\w*|thüringer|landes) ?"
    r"beauftragt\w* für (?:den )?datenschutz\b", r"\bpréposé fédéral\b", r"\bPFPDT\b",
)
# What our records say about the writer ("you list me as a director", "jullie hebben mij als wanbetaler aangemerkt",
# "in mijn klantdossier staat"): "correct this" in or after such a sentence asks to rectify it (round 10).
RECORD_ABOUT_ME = rx(
    r"\b(?:list|record|register|mark|flag|report|show|have|has|had|got|file|treat)\w* me (?:down )?as\b",
    r"\byour (?:records?|system|files?|database|crm)\b[^.?!\n]{0,40}\b(?:me|my)\b",
    r"\byour (?:records?|system|files?|database|crm|portal) (?:say|says|show|shows|state|states|list|lists)\b",
    r"\b(?:sta|staat|stond|staan) ik (?:\w+ )?als\b",  # (round 12)
    r"\b(?:registreren|registreert|geregistreerd|aangemerkt|gemeld|genoteerd|staan|sta|heb\w*|hebt|heeft)\b"
    r"[^.?!\n]{0,20}\b(?:mij|me) als\b", r"\b(?:mij|me) als\b[^.?!\n]{0,40}\b(?:aangemerkt|geregistreerd|gemeld|"
    r"genoteerd|staan|geregistreerd)\b", r"\b(?:mijn |het )?klant(?:en)?dossier\b", r"\bmijn dossier\b",
    r"\bmich als\b[^.?!\n]{0,40}\b(?:gemeldet|eingetragen|registriert|geführt|markiert|vermerkt)\b",
    r"\bm'(?:avez|a|ont) (?:\w+ )?(?:inscrit|enregistré|signalé|déclaré|fiché|classé)e?\b",
    r"\bmon dossier\b", r"\bmeine[rm]? (?:kunden)?akte\b",
)
