"""Recognise GDPR/AVG data-subject requests (art. 15-18, 20, 21, 77) in a raw customer message.

Why rules and not a trained classifier: the signal is a small, well-described set of legal intents
("give me / delete / correct / export / stop using *my personal data*", "I will complain to the
Autoriteit Persoonsgegevens"), while the hard part is *ordinary support* in the same words (delete a
mailbox, "inzage" in invoices, "bezwaar" against an invoice, export website files, a complaint about
downtime). Each rule is *intent trigger x personal-data object, minus ordinary-support context*, per
language; a citation of the article itself ("art. 17 AVG", "Articles 15 and 16 GDPR", "Art. 21
DSGVO") is strong evidence on its own. Rules are transparent (every label carries the names of the
rules that fired, safe to log because they never contain the matched text), need no training corpus
we would have to invent in bulk, and run in about half a millisecond per message. A classifier
trained on a few hundred self-written sentences would learn our phrasing, not the customers'.

How a sentence is read:

* personal data is *strong* ("persoonsgegevens", "everything you hold about me", "gegevens die ik
  heb opgegeven"), a *field* ("mijn geboortedatum", "my surname"), or *weak* ("mijn gegevens", "my
  details"), which counts only when no support object (site, mailbox, domain, invoice, backup) is in
  the sentence; data of the writer's own customers (art. 28 processor territory) never counts;
* a pronoun or a short elliptic follow-up ("Daarna mogen jullie alles wissen.", "If so, I want
  copies.") takes its object from the sentence before;
* some rules may find their second half in the neighbouring sentence or the subject line ("Ik krijg
  mails met aanbiedingen. Daar wil ik mee stoppen.");
* a negation just before the trigger, or closing its clause in Dutch order ("verwijder mijn gegevens
  niet"), cancels it.

Rules for nl, en, de and fr run on every message: customers mix languages and a detector would only
add a way to miss a request; the few collisions (Dutch "wissen" = erase, German "wissen" = know) are
handled in the patterns. ``Recognition.lang`` is a cheap stop-word vote, for statistics only.

Message structure: quoted earlier messages ("> ...", "Op ... schreef ...:", "-----Original
Message-----"), signature blocks after a closing formula and legal disclaimers are cut before the
rules run, because a quoted reply of ours ("your access request has been received") or a disclaimer
("if you are not the addressee, please delete this e-mail") is no new request. A reply that says it is
a reminder ("still no answer to my request below"), and a bare forward, re-assert what they quote, so
only then the quoted part is read. Hard-wrapped mail lines are joined; bulk mail carrying its own
opt-out footer (RFC 2369/8058 style "klik hier om u af te melden") is advertising, not a request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


class RequestType(StrEnum):
    """The data-subject rights of GDPR chapter III, plus a complaint (art. 77)."""

    ACCESS = "access"  # art. 15
    RECTIFICATION = "rectification"  # art. 16
    ERASURE = "erasure"  # art. 17
    RESTRICTION = "restriction"  # art. 18
    PORTABILITY = "portability"  # art. 20
    OBJECTION = "objection"  # art. 21 (incl. art. 21(2)-(3): objection to direct marketing)
    COMPLAINT = "complaint"  # art. 77: complaint to a supervisory authority, or a privacy complaint to us


@dataclass(frozen=True, slots=True)
class Recognition:
    """What the recogniser found: labels, and per label the names of the rules that fired.

    ``reasons`` holds rule names only (never matched text), so it may be logged with the message id.
    """

    labels: tuple[RequestType, ...]
    reasons: dict[RequestType, tuple[str, ...]] = field(default_factory=dict)
    lang: str = "und"

    @property
    def is_request(self) -> bool:
        return bool(self.labels)


def _rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive alternation; ``\\b`` anchors are the caller's business."""
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# --------------------------------------------------------------------------------------------------
# Objects: "personal data" in the sense of art. 4(1) GDPR, about the writer.
# STRONG: unmistakably the person's data held by us. WEAK: "my details", "my name": personal data
# only when no ordinary-support object (website, mailbox, invoice) stands in the same sentence.
# --------------------------------------------------------------------------------------------------
_PD_STRONG = _rx(
    # nl
    r"\bpersoons?gegevens",
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
    r"\bpersonal (?:data|information|details|info)\b",
    r"\b(?:data|information|info|details|records|everything|anything|what)\s+(?:that\s+|which\s+)?"
    r"(?:you|your (?:company|organi[sz]ation|firm)|[a-z]+)?\s*(?:guys\s+)?"
    r"(?:hold|have|keep|store|process|collect|retain|know|has|holds|keeps|stores|processes)\s+"
    r"(?:\w+\s+){0,2}(?:on|about|of|regarding|concerning)\s+me\b",
    r"\b(?:data|information|info|details|records) (?:on|about|regarding|concerning) me\b",
    # de
    r"\bpersonenbezogenen? daten\b",
    r"\bdaten (?:über|zu) mir(?:er person)?\b",
    r"\b(?:meine|meiner) (?:persönlichen )?daten\b",
    # fr
    r"\bdonnées (?:à caractère )?personnelles\b",
    r"\bdonnées (?:me concernant|qui me concernent)\b",
    r"\bmes données\b",
)
_PD_FIELD_ON_PROFILE = (
    r"\b(?:phone number|telefoonnummer|mobile number|address|adres|name|naam|e-?mail ?address|e-?mailadres|"
    r"date of birth|geboortedatum)\b[^.?!\n]{0,20}\b(?:on|in|op|of|van|bij) (?:my|mijn|m'n) (?:profile|profiel|"
    r"account|klantaccount|gegevens|details|record|file|klantprofiel)\b"
)
# Personal attributes: personal data even where an invoice or account is the setting ("my name is
# misspelt on the invoices"), but not "the mailbox in my name".
_PD_FIELD = _rx(
    _PD_FIELD_ON_PROFILE,
    r"(?<!op )(?<!in )(?<!under )(?<!onder )\b(?:mijn|m'n|mn) (?:\w+ )?(?:naam|achternaam|voornaam|woonadres|adres|"
    r"geboortedatum|geslacht|aanhef|aanspreekvorm|telefoonnummer|mobiele nummer|nummer)\b",
    r"\b(?:naam|achternaam|adres|woonadres|geboortedatum|geslacht|telefoonnummer|nummer)\b[^.?!\n]{0,25}"
    r"\b(?:van|over) m(?:ij|e)\b",
    r"\b(?:name|surname|address|date of birth|gender|phone number)\b[^.?!\n]{0,25}\b(?:for|of|about|on) me\b",
    r"(?<!in )(?<!under )\bmy (?:\w+ )?(?:name|surname|home address|address|date of birth|birth ?date|gender|"
    r"title|salutation|pronouns|phone number|mobile number|number)\b",
    r"\bmein(?:en|e)? (?:name|namen|vorname|nachname|adresse|anschrift|geburtsdatum|telefonnummer)\b",
    r"\b(?:mon|ma) (?:nom|prénom|adresse|numéro|date de naissance)\b", r"\bmes coordonnées\b",
)
_PD_WEAK = _rx(
    r"\b(?:mijn|m'n|mn) (?:klantdossier|klantprofiel|gegevens|data|info(?:rmatie)?|klantgegevens|contactgegevens|"
    r"naw(?:-gegevens)?|"
    r"profiel|dossier|naam|achternaam|voornaam|adres|woonadres|geboortedatum|telefoonnummer|"
    r"e-?mailadres|mailadres|bankgegevens|iban)\b",
    r"\bmy (?:data|info(?:rmation)?|details|contact details|records|profile|file|(?:full |last |first )?name|"
    r"surname|address|home address|date of birth|birth ?date|phone number|e-?mail address|bank details)\b",
    r"\bgegevens\b",
    r"\b(?:customer|account) data\b",
)
# Ordinary support objects: when one of these is what the sentence is about, a weak object is not
# personal data but the customer's own content or service.
_SUPPORT_OBJECT = _rx(
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
)
# Somebody else's data: a customer asking us (their processor) about *their* customers' data is no
# data-subject request of their own (art. 28 territory).
_THIRD_PARTY = _rx(
    r"\b(?:van|of|from) (?:mijn|onze|my|our) (?:klanten|customers|clients|users|gebruikers|bezoekers|"
    r"visitors|leden|members|medewerkers|employees)\b",
    r"\b(?:a|an|one of|some of) (?:our|my) (?:customers?|clients?|users?|visitors?|members?)\b",
    r"\b(?:customers?|clients?|users?|visitors?) of (?:ours|mine)\b",
    r"\b(?:een|één) (?:van )?(?:onze|mijn) (?:klanten|bezoekers|gebruikers|leden)\b",
    r"\b(?:klant|bezoeker|gebruiker) van (?:ons|mij|mijn|onze)\b", r"\b(?:mijn|onze) (?:klant|bezoeker|gebruiker)\b",
    r"\bverwerkersovereenkomst",
    r"\bdata processing (?:agreement|addendum)\b",
    r"\bsub-?(?:processors?|verwerkers?)\b",
)
_NEGATION = re.compile(
    r"\b(?:niet|geen|nooit|hoeft|hoeven|not|never|no|don't|dont|doesn't|won't|nicht|kein\w*|pas|jamais)\b|n't\b",
    re.IGNORECASE,
)


# Pronouns and short phrases that point back at data named in the sentence before ("Stuur me een
# overzicht van mijn persoonsgegevens. Daarna mogen jullie alles wissen.").
_ANAPHOR = _rx(
    r"\b(?:alles|al die|die gegevens|deze gegevens|de gegevens|die van mij|ze|die|deze|dat|het|daarvan)\b",
    r"\b(?:everything|all of it|all of them|them|it|that|this|those|the data|that record|this record)\b",
    r"\b(?:alles|sie|es|diese)\b", r"\b(?:tout|les|le|la|celles-ci)\b",
)
# Does the argument name marketing (the object of an art. 21(2) objection)?
_MARKETING = _rx(
    r"\bnieuwsbrie\w*", r"\breclame\w*", r"\bmarketing\w*", r"\baanbieding\w*", r"\bpromoti\w*",
    r"\bmailings?\b", r"\bmailinglijst\w*", r"\bmailing ?lists?\b", r"\bverzendlijst\w*", r"\bcommerci\w*",
    r"\bpromo\b", r"\bpromos\b", r"\bnewsletters?\b", r"\boffers?\b",
    r"\bads\b", r"\badvertis\w*", r"\badvertentie\w*", r"\bgepersonaliseerd\w*", r"\bpersonali[sz]ed\b",
    r"\bwerbe\w*", r"\bacties\b",
    r"\bsales\b", r"\bupgrades?\b", r"\bverkoop\w*", r"\bacties\b", r"\bkortingen?\b", r"\bdiscounts?\b",
    r"\bwerbung\b", r"\bpublicit\w*", r"\bprospection\b", r"\bnieuwe (?:diensten|producten)\b",
    r"\bnew (?:services|products)\b", r"\breclame-?\w+", r"\b[\w-]*-?reclame\b",
)
_PRIVACY_TOPIC = _rx(
    r"\bprivacy\w*", r"\bavg\b", r"\bgdpr\b", r"\bdsgvo\b", r"\brgpd\b", r"\bpersoons?gegevens\b",
    r"\bpersonal (?:data|information|details)\b", r"\bgegevensbescherming\b", r"\bdata protection\b",
    r"\bdatalek\w*", r"\bdata ?breach\w*", r"\bgelekt\b", r"\bleaked\b", r"\bautoriteit persoonsgegevens\b",
    r"\bICO\b", r"\bdatenschutz\w*", r"\bdonnées personnelles\b", r"\bcnil\b",
)
# Harm or grievance about the handling of one's data: a privacy complaint to us without the word.
_GRIEVANCE = _rx(
    r"\bonacceptabel\b", r"\bonaanvaardbaar\b", r"\bschandalig\w*", r"\bslordig\w*", r"\bwoedend\b",
    r"\bernstige?\b", r"\bniet blij\b", r"\bontevreden\b", r"\bschending\b", r"\bgeschonden\b",
    r"\bunacceptable\b", r"\boutrage\w*", r"\bfurious\b", r"\bserious\b", r"\bviolation\b", r"\bviolated\b",
    r"\bnot happy\b", r"\bunhappy\b", r"\bdisgrace\w*", r"\bcareless\w*", r"\bbreach of my\b",
    r"\binakzeptabel\b", r"\bverletzung\b", r"\binacceptable\b", r"\bviolation\b",
)
_OWN_BREACH = _rx(
    r"\b(?:onze|our|mijn|my) (?:eigen |own )?(?:webshop|website|site|shop|server|database|systeem|system)\b",
    r"\b(?:moeten|moet|hoeven) (?:wij|we|ik)\b", r"\b(?:do|should|must|have to) (?:we|i)\b[^.?!\n]{0,20}"
    r"\b(?:report|notify)\b", r"\bzelf melden\b", r"\bmeldplicht\w*\b", r"\bobliged to (?:report|notify)\b",
    r"\bverplicht\w* (?:om )?(?:te )?meld\w*",
)
# Bulk mail (a newsletter or spam that reached the support inbox) carries its own opt-out footer
# (RFC 2369 / RFC 8058 List-Unsubscribe in the body): such a message talks about opting out, it
# does not ask for it, and its privacy vocabulary is advertising.
_BULK_FOOTER = _rx(
    r"\bklik (?:dan )?hier\b", r"\bclick here\b", r"\b(?:antwoord|reageer|stuur|reply|text|sms)\w* (?:met )?"
    r"['\"]?stop\b", r"\bwilt u geen (?:\w+ ){0,3}meer (?:van ons )?ontvangen\b",
    r"\b(?:no longer|don't|do not) wish to receive\b", r"\bafmelden voor (?:onze|deze) (?:berichten|"
    r"nieuwsbrief|mailings?|e-?mails?)\b", r"\bu ontvangt (?:deze|dit) (?:e-?mail|bericht|nieuwsbrief) omdat\b",
    r"\byou (?:are )?receiv\w* this (?:e-?mail|message|newsletter) because\b",
    r"\bunsubscribe from (?:this|our) (?:list|newsletter|mailing)\b",
)
_DISPUTE = _rx(
    r"\bbetwist\w*", r"\bklopt niet\b", r"\bonjuist\w*", r"\bniet (?:gedaan|besteld)\b",
    r"\bdisput\w*", r"\bcontest\w*", r"\binaccurate\b", r"\bnot accurate\b", r"\bis (?:not )?accurate\b",
    r"\bwrong(?:ly)?\b", r"\bbestreit\w*", r"\bconteste\w*",
)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One named rule: ``trigger`` must occur in a sentence and every other condition must hold.

    ``needs`` is looked for in the sentence itself, or (``needs_context``) also in the sentence before
    it or in the subject line, so that "Daar maak ik bezwaar tegen." finds the marketing it objects to.
    """

    name: str
    label: RequestType
    trigger: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    needs_context: bool = False
    # The sentence must be about personal data (see ``_has_personal_data``).
    needs_pd: bool = False
    # Personal attributes (name, address) count even in an invoice or account setting.
    fields_count: bool = False
    blockers: re.Pattern[str] | None = None
    negatable: bool = True


_A, _R, _E, _S, _P, _O, _C = (
    RequestType.ACCESS,
    RequestType.RECTIFICATION,
    RequestType.ERASURE,
    RequestType.RESTRICTION,
    RequestType.PORTABILITY,
    RequestType.OBJECTION,
    RequestType.COMPLAINT,
)

_NOT_USE = _rx(
    r"\bniet (?:meer |verder |langer |meer verder )?(?:gebruiken|gebruikt|verwerken|verwerkt|delen|gedeeld)\b",
    r"\b(?:gebruik|verwerk|deel)\w* (?:mijn |m'n |mn |deze |die |de |het )?(?:gegevens|data|nummer|adres|"
    r"e-?mailadres|ze|het|die|dat) (?:\w+ )?(?:niet|voor niets anders|nergens anders)\b",
    r"\bstop\w* met (?:het )?(?:gebruik|verwerk)\w*",
    r"\b(?:stop|cease|suspend|pause|halt)\w* (?:using|processing|to use|to process|sharing)\b",
    r"\b(?:not|don't|do not|no longer) (?:use|process|share)\b", r"\bnothing (?:else )?(?:but|except|other than)\b",
    r"\bnicht (?:mehr |weiter )?(?:verwenden|verarbeiten|nutzen)\b", r"\bne plus (?:utiliser|traiter)\b",
    r"\b(?:is|be|are|gets|get|wordt|worden) not (?:being )?(?:used|processed|shared)\b",
    r"\bniet (?:meer )?(?:wordt|worden) (?:gebruikt|verwerkt|gedeeld|doorgegeven)\b",
    r"\b(?:wil|willen) (?:ik |we )?niet dat\b[^.?!\n]{0,60}\b(?:gebruik\w*|verwerk\w*|doorgeven|doorgegeven|"
    r"delen|gedeeld|doorsturen)\b",
    r"\b(?:don't|do not) want you to (?:use|process|share|pass)\b",
    r"\brestrict\w*\b",
)
_KEEP_NOT_DELETE = _rx(
    r"\b(?:(?:nog )?niet|not yet|not|don't|do not|nicht|pas)\b[^.?!\n]{0,15}"
    r"\b(?:verwijder\w*|wissen|delete|erase|löschen|supprimer)\b",
    r"\b(?:verwijder|wis|delete|erase)\w*\b[^.?!\n]{0,25}\b(?:nog niet|not yet)\b",
    r"\b(?:bewaar|bewaren|keep|retain|behouden)\w*\b[^.?!\n]{0,40}\b(?:als bewijs|as evidence|for evidence|"
    r"bewijsmateriaal)\b",
)

_ERASE_VERB = _rx(
    r"\bverwijder\w*", r"\bwis(?:sen|t)?\b", r"\bgewist\b", r"\bvernietig\w*", r"\bschrap\w*",
    r"\bvergeten\b", r"\bopruimen\b", r"\bhaal\w*\b[^.?!\n]{0,40}\b(?:uit|van|af)\b",
    r"\bdelet\w*", r"\berase\w*", r"\berasure\b", r"\bremov\w*", r"\bwipe\w*", r"\bpurge\w*",
    r"\bforget\b", r"\bget rid of\b", r"\bdestroy\w*", r"\btake\b[^.?!\n]{0,50}\b(?:off|down)\b",
    r"\blösch\w*", r"\bentfern\w*", r"\bsupprim\w*", r"\beffac\w*",
)

_RULES: tuple[_Rule, ...] = (
    # ---- access (art. 15) -----------------------------------------------------------------------
    _Rule("access.named_right", _A, _rx(
        r"\brecht (?:op|van) inzage\b", r"\binzageverzoek", r"\bverzoek (?:tot|om) inzage\b",
        r"\bright (?:of|to) access\b", r"\b(?:data )?subject access request\b", r"\bd?sar\b",
        r"\bauskunft(?:sersuchen|sanspruch|srecht)?\b", r"\bdroit d'accès\b",
    ), blockers=_rx(r"\bfactu", r"\binvoice")),
    _Rule("access.verb_object", _A, _rx(
        r"\binzage\b", r"\binzien\b", r"\boverzicht\b", r"\bkopie(?:ën)?\b", r"\bopvragen\b", r"\bopsturen\b",
        r"\binzicht\b", r"\baccess\b", r"\bcop(?:y|ies)\b", r"\boverview\b", r"\blist of\b",
        # retention and purposes, art. 15(1)(a) and (d)
        r"\bhoe lang (?:bewaren|bewaart|houden|houdt|gebruiken)\b",
        r"\bhow long (?:do|will) you (?:keep|retain|store|hold)\b",
        r"\b(?:for )?what purposes?\b", r"\bvoor welke doel(?:en|einden)\b", r"\bwaarvoor (?:gebruiken|verwerken)\b",
        r"\bauskunft\b", r"\bcopie\b", r"\baccéder\b", r"\bübersicht\b",
    ), needs_pd=True, blockers=_rx(
        r"\b(?:erasure|deletion|verwijdering)\b",
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
        r"\b(?:verwijder\w*|wissen|delete|erase)\b[^.?!\n]{0,30}\b(?:kopie|copy)\b",
    )),
    _Rule("access.know_about_me", _A, _rx(
        r"\bweten\b", r"\b(?:laten |in)?zien\b", r"\bvertel\w*", r"\bsee\b", r"\bknow\b", r"\btell me\b",
        # German "wissen" only with a modal: bare "wissen" is Dutch for "erase"
        r"\bshow me\b", r"\b(?:möchte|will|würde gerne) (?:\w+ )?wissen\b", r"\bsavoir\b",
    ), needs=_PD_STRONG, blockers=_rx(
        r"\b(?:erasure|deletion|verwijdering)\b", _THIRD_PARTY.pattern,
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
    )),
    _Rule("access.what_do_you_know", _A, _rx(
        r"\bwat (?:weten|hebben|bewaren|registreren|verwerken|hebt|heeft|weet) (?:jullie|u|je)\b"
        r"[^.?!\n]{0,40}\b(?:van|over) m(?:ij|e)\b",
        r"\bwhat (?:do|does) (?:you|your company)\b[^.?!\n]{0,30}\b(?:know|have|hold|store|keep)\b"
        r"[^.?!\n]{0,30}\b(?:about|on) me\b",
        r"\b(?:welke|wat voor) (?:persoons)?gegevens\b[^.?!\n]{0,60}\b(?:bewaren|bewaard|verwerken|verwerkt|"
        r"hebben|heeft|hebt|opslaan|opgeslagen|registreren|gebruiken|vastgelegd|verstrekt|gedeeld|doorgegeven|"
        r"gegeven|doorgespeeld)\b",
        r"\b(?:welke|wat voor) (?:persoons)?gegevens (?:over|van) m(?:ij|e)\b",
        r"\b(?:what|which) (?:personal )?(?:data|information|details) (?:about|on|of) me\b",
        # the recipients, art. 15(1)(c)
        r"\bmet wie (?:delen|deelt|deelden|hebben|heeft) (?:jullie|u|je)\b[^.?!\n]{0,40}\b(?:persoons)?gegevens\b",
        r"\baan wie (?:hebben|heeft|geven|verstrekken) (?:jullie|u|je)\b[^.?!\n]{0,40}\bgegevens\b",
        r"\b(?:lijst|overzicht) van (?:alle )?(?:ontvangers|derden)\b",
        r"\blist of (?:all )?(?:recipients|third parties)\b",
        r"\bwho (?:do|did|have) you (?:share[ds]?|give|given|gave|sell|sold|pass\w*)\b[^.?!\n]{0,30}\bmy "
        r"(?:data|details|information|personal data)\b",
        # the source and the period, art. 15(1)(d), (g)
        r"\bwaar (?:hebben|heeft|hebt) (?:jullie|u|je)\b[^.?!\n]{0,40}\bvandaan\b",
        r"\bsinds wanneer (?:hebben|heeft|bewaren|bewaart|verwerken) (?:jullie|u|je)\b[^.?!\n]{0,20}\bgegevens\b",
        r"\bhoe (?:komen|komt|kwamen|kwam|bent|zijn|is|heeft|hebben) (?:jullie|u|je)\b[^.?!\n]{0,20}"
        r"\baan (?:mijn|m'n) (?:gegevens|naam|adres|nummer|telefoonnummer|e-?mailadres|mailadres)\b",
        r"\b(?:where|how) did (?:you|your company) (?:get|obtain|find|receive)\b[^.?!\n]{0,10}\bmy "
        r"(?:data|details|name|address|number|phone number|e-?mail address|information)\b",
        r"\b(?:what|which) (?:personal )?(?:data|information|details)\b[^.?!\n]{0,40}\b(?:hold|have|keep|store|"
        r"process|collect)\w*\b[^.?!\n]{0,30}\b(?:about|on|of) me\b",
        r"\bwelche (?:personenbezogenen )?daten\b[^.?!\n]{0,40}\b(?:über mich|von mir|zu mir|gespeichert|"
        r"verarbeite\w*)",
        r"\bquelles données\b[^.?!\n]{0,40}\b(?:me concernant|à mon sujet|sur moi|détenez|conservez|traitez)",
    ), blockers=_rx(
        r"\b(?:erasure|deletion|verwijdering)\b",
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
        r"\bretain\b[^.?!\n]{0,20}\bwhy\b",
        # "wat heeft u van mij nodig?" asks what *we* need from the customer
        r"\bnodig\b", r"\b(?:need|require)\w* (?:from|of) me\b",
    )),
    # ---- rectification (art. 16) ----------------------------------------------------------------
    _Rule("rectification.named_right", _R, _rx(
        r"\brecht op (?:rectificatie|correctie|verbetering)\b", r"\bright to rectification\b",
        r"\brectificatie\b", r"\brectification\b", r"\bberichtigung\b", r"\bdroit de rectification\b",
    )),
    # A request to change the data ...
    _Rule("rectification.change_request", _R, _rx(
        r"\b(?:ge)?corrige\w*", r"\bcorrectie\b", r"\b(?:ver|ge)?verbeter\w*", r"\baanpass\w*",
        r"\baangepast\b", r"\bpas\w* [^.?!\n]{0,30}\baan\b", r"\b(?:ge)?wijzig\w*", r"\bverander\w*",
        r"\bzorg\w* (?:er ?voor )?dat\b[^.?!\n]{0,40}\bkloppen\b",
        r"(?<!is )(?<!are )(?<!be )(?<!was )(?<!whether )(?<!if )\bcorrect\b", r"\bcorrect(?:ed|ing)\b",
        r"\brectif\w*", r"\bfix\w*", r"\bupdat\w*", r"\bamend\w*", r"\bchange\b",
        r"\bberichtig\w*", r"\bkorrigier\w*", r"\bändern\b", r"\bcorrig\w*", r"\bmodifi\w*",
        r"\b(?:put|set) (?:it|that|this|them) (?:right|straight)\b", r"\brecht ?zetten\b", r"\bgoed ?zetten\b",
        r"\bzet\w* (?:het|dat|dit|ze) (?:recht|goed)\b",
    ), needs_pd=True, fields_count=True, negatable=False, blockers=_rx(
        r"\bwachtwoord\b", r"\bpassword\b", r"\bbetaal\w*", r"\bincasso\b", r"\bpayment\b",
        # the customer doing it in the control panel and failing is a support question
        r"\b(?:try|tried|trying|probeer\w*|geprobeerd|lukt|can't|cannot|kan (?:ik )?(?:\w+ )?niet|how (?:do|can) i|"
        r"hoe kan ik|waar kan ik|where can i)\b",
    )),
    # ... or a statement that it is wrong, which asks for correction by implication
    _Rule("rectification.inaccurate", _R, _rx(
        r"\bklopt\b[^.?!\n]{0,15}\bniet\b", r"\bkloppen niet\b",
        r"\bonjuist\w*", r"\bfout\w*", r"\bverkeerd\w*", r"\bverouderd\b",
        r"\bniet (?:meer )?(?:juist|correct|actueel)\b", r"\bnot (?:\w+ )?correct\b",
        r"\bwrong\w*", r"\bincorrect\w*", r"\binaccurate\b", r"\bmisspel\w*", r"\bmisspelt\b",
        r"\bout of date\b", r"\boutdated\b", r"\bold (?:one|address|number|name|phone number|e-?mail address)\b",
        r"\boude? (?:adres|woonadres|telefoonnummer|nummer|naam|achternaam|e-?mailadres|mailadres)\b", r"\bfalsch\w*",
        r"\bincorrecte?s?\b", r"\berron\w*", r"\bmal orthographi\w*", r"\bfalsch geschrieben\b",
    ), needs_pd=True, fields_count=True, negatable=False, blockers=_rx(
        r"\binzage\b", r"\bwachtwoord\b", r"\bpassword\b", r"\bbetaal\w*", r"\bincasso\b", r"\bpayment\b",
        r"\bwat er met\b", r"\bwhat happened\b",
        # misdelivery ("mailed to the wrong person") is a breach, not inaccurate data
        r"\b(?:wrong|verkeerde) (?:person|persoon|recipient|ontvanger|klant|customer|people|mensen)\b",
        r"\b(?:sent|e-?mailed|mailed|gestuurd|verstuurd|gemaild)\b[^.?!\n]{0,30}\b(?:to|naar) (?:the|a|de|het|een) "
        r"(?:wrong|verkeerde)\b",
        r"\boude? (?:adres|address|nummer|number|naam|name)\b[^.?!\n]{0,40}\b(?:verwijder\w*|delete\w*|erase|"
        r"wis\w*|weg|remove\w*|uit jullie)\b",
    )),
    # ---- erasure (art. 17) ----------------------------------------------------------------------
    _Rule("erasure.named_right", _E, _rx(
        r"\brecht op (?:vergetelheid|vergeten te worden|verwijdering|gegevenswissing)\b",
        r"\bright to (?:be forgotten|erasure)\b", r"\brecht auf (?:vergessenwerden|löschung)\b",
        r"\bdroit (?:à l'oubli|à l'effacement|d'effacement)\b",
    )),
    _Rule("erasure.verb_object", _E, _ERASE_VERB, needs_pd=True, blockers=_rx(
        r"\bnieuwsbrief", r"\bnewsletter",
        # "remove me from your marketing list" is an objection to direct marketing (art. 21(3)), not erasure
        r"\b(?:marketing|mailing|verzend|mail|e-?mail|bel|call|sales|reclame)[- ]?(?:list|lijst)\w*",
        r"\bwachtwoord", r"\bpassword", r"\b(?:opname|recording)\b",
    )),
    # an unmistakable personal-data object outweighs a mailing list in the same sentence
    _Rule("erasure.verb_personal_data", _E, _ERASE_VERB, needs=_PD_STRONG,
          blockers=_rx(r"\bwachtwoord", r"\bpassword", _THIRD_PARTY.pattern)),
    _Rule("erasure.everything_about_me", _E, _rx(
        r"\b(?:verwijder|wis)\w*\b[^.?!\n]{0,30}\balles\b[^.?!\n]{0,30}\b(?:van|over) m(?:ij|e)\b",
        r"\b(?:delete|erase|remove|wipe)\b[^.?!\n]{0,20}\b(?:everything|all)\b[^.?!\n]{0,30}\b(?:on|about|of) me\b",
        r"\b(?:account|klantaccount|profiel|profile)\b[^.?!\n]{0,40}\b(?:en|and|inclusief|including|with) "
        r"(?:al |all )?(?:mijn |my )?(?:gegevens|data|information)\b",
    ), blockers=_rx(r"\bmail ?box", r"\bpostvak", r"\bwebsite", r"\bbestanden\b", r"\bfiles\b")),
    # ---- restriction (art. 18) ------------------------------------------------------------------
    _Rule("restriction.named_right", _S, _rx(
        r"\bbeperking van (?:de )?verwerking\b", r"\brecht op beperking\b",
        r"\brestrict(?:ion of|ing|s)? (?:the |its |their |my |all )?(?:processing|use)\b", r"\bright to restrict\w*\b",
        r"\beinschränkung der verarbeitung\b", r"\blimitation du traitement\b",
    )),
    _Rule("restriction.verb_object", _S, _rx(
        r"\bbeperk\w*", r"\bbevries\w*", r"\bblokker\w*", r"\bop slot\b", r"\bon hold\b",
        r"\brestrict\w*", r"\blimit\w*", r"\bfreez\w*", r"\bblock\w*",
        r"\beinschränk\w*", r"\bsperr\w*", r"\blimiter\b",
    ), needs_pd=True, blockers=_rx(r"\bruimte\b", r"\bopslag\b", r"\bquota\b", r"\bstorage\b",
                                    r"\bbandwidth\b", r"\bspam\b", r"\bip\b", r"\bfirewall\b",
                                    r"\binlog\w*", r"\blogin\b", r"\btoegang\b")),
    # art. 18(1)(a): "don't use it while you check whether it is accurate"
    _Rule("restriction.pause_until", _S, _rx(
        r"\b(?:totdat|tot(?: het moment)? dat|zolang|in afwachting van|hangende)\b",
        r"\b(?:until|till|while|pending|as long as)\b",
        r"\b(?:bis|solange)\b", r"\b(?:jusqu'à|tant que|en attendant)\b",
    ), needs=_NOT_USE, negatable=False),
    # art. 18(1)(b)-(c): keep it (as evidence), but do not use it any more
    _Rule("restriction.keep_not_use", _S, _KEEP_NOT_DELETE, needs=_NOT_USE, negatable=False),
    # ---- portability (art. 20) ------------------------------------------------------------------
    _Rule("portability.named_right", _P, _rx(
        r"\b(?:data)?portabiliteit\b", r"\boverdraagbaarheid\b", r"\bdata portability\b",
        r"\bportability\b", r"\bdatenübertragbarkeit\b", r"\bportabilité\b",
    ), blockers=_rx(r"\bnummerbehoud\b", r"\bnumber porting\b")),
    _Rule("portability.verb_object", _P, _rx(
        r"\bexport\w*", r"\bdownload\w*", r"\bmeenemen\b", r"\bmachineleesba\w*", r"\bmachine-?readable\b",
        r"\b(?:csv|json|xml|excel)\b", r"\boverzetten\b", r"\boverdragen\b", r"\boverhevelen\b",
        r"\btransfer\w*", r"\btransmit\w*", r"\bport\b", r"\btake (?:it|them|my \w+) with me\b",
        r"\bstructured\b", r"\bgestructureerd\w*", r"\bübertrag\w*", r"\btransférer\b",
        r"\bin een bestand\b", r"\bas a file\b", r"\bin a file\b", r"\binladen\b", r"\bimport\w*",
    ), needs_pd=True, negatable=False),
    # ---- objection (art. 21), incl. direct marketing (art. 21(2)-(3)) ------------------------------
    _Rule("objection.named_right", _O, _rx(
        r"\brecht (?:van|op) bezwaar\b", r"\bright to object\b", r"\bwiderspruchsrecht\b",
        r"\bdroit d'opposition\b",
    )),
    _Rule("objection.to_processing", _O, _rx(
        r"\bbezwaar\w*", r"\bobject(?:s|ing)?\b", r"\bobjection\b", r"\bwiderspr\w*", r"\bwiderspruch\b",
        r"\bm'oppose\b", r"\bopposition\b",
    ), needs=_rx(
        r"\bverwerk\w*", r"\bprocessing\b", r"\bprofil\w*", r"\bdirect marketing\b", r"\bmarketing\b",
        r"\bgebruik\w* van (?:mijn|m'n) ", r"\buse of my\b", r"\bgerechtvaardigd belang\b",
        r"\blegitimate interest", r"\bberechtigte[sn]? interesse\b", r"\bverarbeitung\b", r"\btraitement\b",
        r"\btracking\b", r"\bpersoonsgegevens\b", r"\bpersonal data\b", r"\bopnemen\b", r"\bopname\w*",
        r"\brecord\w*", r"\bmy (?:data|details)\b", r"\bmijn gegevens\b", r"\bdelen\b", r"\bsharing\b",
        _MARKETING.pattern,
    ), needs_context=True, blockers=_rx(
        r"\bfactu", r"\binvoice", r"\bincasso\b", r"\bprijs", r"\bprice", r"\bkosten\b", r"\bcharge",
        r"\bverlenging\b", r"\brenewal\b", r"\bopzeg\w*",
    )),
    _Rule("objection.marketing_optout", _O, _rx(
        r"\b(?:afmeld\w*|meld\w* (?:ik |u |je )?(?:me|mij|ons) af|uitschrijv\w*|schrijf\w* (?:me|mij|ons) uit|"
        r"uitgeschreven)\b",
        r"\bhaal\w* (?:me|mij|mijn [\w-]+) (?:van|uit) (?:de|jullie|uw|je)\b",
        r"\b(?:me|mij|ons) (?:uit|van) [^.?!\n]{0,60}\b(?:halen|afhalen|verwijderen|schrappen)\b",
        r"\b(?:geen|nooit)\b[^.?!\n]{0,30}\bmeer\b", r"\bwil (?:ik|we) niet\b",
        r"\b(?:stop|stoppen|ophouden|hou\w* op)\b", r"\bunsubscrib\w*", r"\bopt(?:ing)?[- ]?(?:me )?out\b",
        r"\b(?:stop|cease|quit)\w*\b", r"\bremove me from\b", r"\b(?:no more|don't want any more|do not want "
        r"any more|don't want|do not want)\b", r"\b(?:take|get) me off\b",
        r"\babbestell\w*|\babmeld\w*|\bdésabonn\w*|\bdésinscri\w*", r"\baustrag\w*|\btragen sie mich\b",
        r"\bkeine\b[^.?!\n]{0,30}\bmehr\b", r"\bne (?:plus|veux plus)\b", r"\bzit niet te wachten op\b",
    ), needs=_MARKETING, needs_context=True, negatable=False, blockers=_rx(
        r"\bstoring", r"\bonderhoud", r"\bstatus", r"\boutage", r"\bdowntime", r"\bmaintenance",
        r"\bfactu", r"\binvoice", r"\bmailinglijst(?:en)? (?:van|voor) (?:mijn|onze)\b",
        r"\b(?:my|our|mijn|onze) (?:own |eigen )?(?:\w+ )?(?:mailing ?list|newsletter|nieuwsbrief|mailing)",
        r"\bunsubscribe[- ](?:link|header|button|knop)", r"\blist-unsubscribe\b", r"\bafmeldlink\b",
        r"\bspam\b", r"\bopzeg\w*", r"\bcancel\w*",
    )),
    _Rule("objection.do_not_call", _O, _rx(
        r"\bniet[- ]bellen[- ]?(?:lijst|register)\b", r"\bbel[- ]me[- ]niet\b", r"\bdo[- ]not[- ]call\b",
        r"\bniet (?:meer |langer )?(?:bellen|gebeld|benaderen|benaderd|gecontacteerd|contacteren)(?: worden)?\b",
        r"\b(?:don't|do not) (?:want to be )?(?:contact|call|phone)(?:ed)? (?:me )?(?:again|any ?more)\b",
        r"\bstop (?:calling|phoning|texting) me\b",
        r"\b(?:bel|sms|app|mail)\w* (?:me|mij) niet meer\b",
        r"\bstop (?:e-?mailing|mailing|texting|messaging|contacting|spamming) me\b",
    ), negatable=False, blockers=_rx(r"\bstoring", r"\boutage", r"\bdowntime")),
    # art. 21(1): "you may no longer use my data" without a pending check is an objection
    _Rule("objection.no_further_use", _O, _NOT_USE, needs_pd=True, negatable=False, blockers=_rx(
        r"\b(?:totdat|zolang|until|while|pending|in afwachting|bis|solange|jusqu'à|tant que)\b",
        r"\b(?:behalve|except|other than|anders dan|alleen (?:nog )?voor|only for)\b", _KEEP_NOT_DELETE.pattern,
        # temporary stops are restriction (art. 18), not objection
        r"\b(?:restrict\w*|beperk\w*|einschränk\w*|limit\w*|bevries\w*|freez\w*|in the meantime|meanwhile|"
        r"ondertussen|intussen|voorlopig|vooralsnog|for now|tijdelijk|temporar\w*|vorläufig|en attendant)\b",
    )),
    _Rule("objection.stop_using_data", _O, _rx(
        r"\b(?:stop\w*|ophouden|niet (?:meer )?(?:gebruiken|verwerken|delen))\b",
        r"\b(?:stop|cease)\w* (?:using|processing|sharing)\b", r"\b(?:not|don't|do not) (?:use|process|share)\b",
        r"\bi (?:do not|don't) (?:want|consent|agree)\b", r"\bik wil niet dat\b",
    ), needs=_rx(
        r"\b(?:voor|for|aan|with|met) (?:marketing|reclame|profiling|profilering|analyse|analytics|"
        r"advertising|advertenties|derden|third parties|partners)\b",
        r"\b(?:delen|share|sharing|verkopen|sell|selling)\b",
        r"\bprofil\w*", r"\btracking\b",
    ), needs_pd=True, negatable=False, blockers=_rx(
        r"\b(?:totdat|zolang|until|while|pending|in afwachting)\b",
    )),
    # ---- complaint (art. 77, or a privacy complaint to us) ----------------------------------------
    _Rule("complaint.privacy_complaint", _C, _rx(
        r"\bklacht\w*", r"\bklagen\b", r"\bbeklag\b", r"\bcomplain\w*", r"\bgrievance\b",
        r"\bbeschwerde\w*", r"\bbeschwer\w*", r"\bplainte\b", r"\bréclamation\b",
    ), needs=_rx(
        _PRIVACY_TOPIC.pattern, r"\bAP\b", r"\btoezichthouder\b", r"\bsupervisory\b", r"\bregulator\b",
        r"\bmijn gegevens\b", r"\bmy (?:data|details)\b", r"\bfunctionaris gegevensbescherming\b", r"\bdpo\b",
        r"\bzonder (?:mijn )?toestemming\b", r"\bwithout my (?:consent|permission)\b", r"\bpaspoort\w*",
        r"\bpassport\b", r"\bidentiteitsbewijs\b", r"\bid[- ](?:card|scan|kaart|bewijs)\b",
    ), blockers=_rx(r"\beventuele\b", r"\bmogelijke\b", r"\bpossible\b", r"\bpotential\b")),
    _Rule("complaint.privacy_grievance", _C, _GRIEVANCE, needs=_rx(
        _PRIVACY_TOPIC.pattern, r"\bmijn gegevens\b", r"\bmy (?:data|details|privacy)\b",
        r"\bzonder (?:mijn )?toestemming\b", r"\bwithout my (?:consent|permission)\b",
    ), needs_context=True, negatable=False),
    _Rule("complaint.to_authority", _C, _rx(
        r"\bautoriteit persoonsgegevens\b", r"\b(?:de|bij|naar|to|the) AP\b", r"\bICO\b",
        r"\binformation commissioner\b", r"\b(?:data protection|supervisory) authority\b",
        r"\b(?:privacy|data protection) regulator\b", r"\bdutch dpa\b", r"\btoezichthouder\b",
        r"\bdatenschutzbehörde\b", r"\baufsichtsbehörde\b", r"\bcnil\b", r"\bautorité de contrôle\b",
        r"\bgegevensbeschermingsautoriteit\b",
    ), needs=_rx(
        r"\bmeld\w*", r"\bmelding\b", r"\bindienen\b", r"\bstap\w*\b", r"\bgaan\b", r"\bga\b",
        r"\binschakel\w*", r"\baangifte\b", r"\bvoorleggen\b", r"\bwenden\b", r"\binlichten\b",
        r"\bescalat\w*", r"\breport\w*", r"\bcontact\w*", r"\bgo(?:ing)? to\b", r"\btake\b",
        r"\bfile\b", r"\blodge\w*", r"\binform\w*", r"\bnotify\b", r"\bwend\w*", r"\bsaisir\b",
        r"\bklacht", r"\bcomplain", r"\bbeschwer", r"\bplainte",
    ), negatable=False, blockers=_rx(
        r"\beventuele\b", r"\bmogelijke\b", r"\bpossible\b", r"\bpotential\b", _OWN_BREACH.pattern,
    )),
)

# Article citations: art. 15-18, 20, 21, 77 GDPR (AVG, DSGVO, RGPD). Strong evidence on their own.
_ARTICLE_LABEL = {"15": _A, "16": _R, "17": _E, "18": _S, "20": _P, "21": _O, "77": _C}
# "art. 15", "artikel 17", "Articles 15 and 16", "Art. 15, 16 en 17", "§ 21"; a range ("15-22", "15 t/m
# 22") names the rights in general (a privacy statement) and is not expanded.
_ARTICLE = re.compile(
    r"\b(?:art(?:ikel(?:en)?|icles?|ículos?|t?\.)?|§§?)\s*"
    r"(\d{1,2}(?:\s*(?:,|and|en|und|et|&)\s*\d{1,2})*)\b(?!\s*(?:-|–|t/m|to|tot|bis|à)\s*\d)(?![.,]\d)",
    re.IGNORECASE,
)
_ARTICLE_NUMBER = re.compile(r"\d{1,2}")
_LAW = re.compile(
    r"\b(?:avg|gdpr|dsgvo|rgpd|uavg|ds-?gvo|algemene verordening gegevensbescherming|"
    r"general data protection regulation|datenschutz-grundverordnung|verordening|regulation|"
    r"verordnung|règlement|privacywet)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------------
# Message structure: quotes, signatures, disclaimers.
# --------------------------------------------------------------------------------------------------
# A forwarded or original-message separator starts quoted text even at the top of a bare forward.
_FORWARD_MARK = re.compile(
    r"^\s*-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht|ursprüngliche nachricht|"
    r"message d'origine|forwarded message|doorgestuurd bericht|weitergeleitete nachricht|message transféré)"
    r"\s*-{2,}\s*$",
    re.IGNORECASE,
)
_QUOTE_START = re.compile(
    r"^\s*(?:"
    r"(?:op|on|am|le)\b.{0,200}\b(?:schreef|wrote|schrieb|a écrit)\b.{0,40}:?"
    r"|-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht|ursprüngliche nachricht|"
    r"message d'origine|forwarded message|doorgestuurd bericht|weitergeleitete nachricht)\s*-{2,}"
    r"|_{10,}|(?:van|from|von|de)\s*:\s*.+\s*$"
    r")\s*$",
    re.IGNORECASE,
)
_SIGNATURE_START = re.compile(
    r"^\s*(?:--\s*|(?:met )?(?:vriendelijke|hartelijke|beste)? ?groet(?:en|jes)?\b.{0,20}"
    r"|(?:hoogachtend|mvg|gr\.?|groetjes|dank(?:je| je| u)? ?(?:wel)?,?)"
    r"|(?:kind |best |warm )?regards\b.{0,20}|(?:yours )?(?:sincerely|faithfully|truly)\b.{0,10}|cheers,?|thanks,?|"
    r"mit freundlichen grüßen|viele grüße|cordialement|bien à vous|salutations distinguées.{0,10}"
    r")\s*$",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"\b(?:disclaimer|intended (?:solely|only) for|uitsluitend bestemd|niet de (?:beoogde )?geadresseerde|"
    r"not the intended recipient|bedoeld voor de geadresseerde|nicht der (?:richtige )?adressat|"
    r"destinataire prévu)\b",
    re.IGNORECASE,
)
_POSTSCRIPT = re.compile(r"^\s*(?:p\.?\s?s\.?|nb|n\.b\.)\s*[:.]?\s", re.IGNORECASE)
# Words that make a reply re-assert the message it quotes (a reminder, "see my request below").
# Bare "again"/"below" are not enough: "thanks again!" over our own quoted reply asserts nothing.
_REMINDER = re.compile(
    r"\b(?:herinnering|reminder|nog (?:steeds )?(?:geen|niets) (?:reactie|antwoord|gehoord)|"
    r"still (?:no|not|waiting|haven't|have not)|no (?:reply|response|answer)|"
    r"geen (?:reactie|antwoord) (?:ontvangen|gehad|gekregen)|nogmaals|"
    r"(?:ask|request|send|sending|vraag|verzoek|stuur)\w* (?:\w+ ){0,3}(?:again|opnieuw)|"
    r"(?:zie|see) (?:\w+ ){0,3}(?:hieronder|below|onderstaand\w*|beneden)|(?:hieronder|below) (?:my|mijn) |"
    r"onderstaand (?:verzoek|bericht|mail)|(?:my|mijn) (?:previous|earlier|eerdere|vorige|original|oorspronkelijke) "
    r"(?:request|e-?mail|message|verzoek|bericht|mail)|(?:second|third|tweede|derde) (?:time|keer|e-?mail|mail)|"
    r"follow(?:ing)?[- ]up|erinnerung|rappel|relance)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")

# A cheap stop-word vote for the reported language (statistics only; rules run for all languages).
_STOPWORD_TEXT = {
    "nl": "de het een en van ik je jullie mijn niet wil dat is op te met voor graag u uw ook",
    "en": "the a and of i you your my not want that is on to with for please me this have",
    "de": "der die das und ich sie ihr mein nicht ist zu mit für bitte mich meine",
    "fr": "le la les et de je vous votre mon ne pas est à avec pour merci moi mes",
}
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in _STOPWORD_TEXT.items()}
_WORD = re.compile(r"[a-zà-ÿ']+", re.IGNORECASE)


def guess_language(text: str) -> str:
    """Return nl/en/de/fr by stop-word vote, or "und" when there is nothing to go on."""
    words = _WORD.findall(text.lower()[:2000])
    votes = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] > 0 else "und"


def split_message(text: str) -> tuple[str, str]:
    """Split a message into (own text, quoted text); signatures and disclaimers are dropped.

    After a closing formula ("Met vriendelijke groet,") short lines are the signature block (name,
    title, phone, company) and are dropped; a long line or a "P.S." after it is the author writing on,
    and is kept. A closing inside the quoted part ends nothing: the quote is read (if at all) whole.
    """
    own: list[str] = []
    quoted: list[str] = []
    in_quote = False
    in_signature = False
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            quoted.append(line.lstrip("> \t"))
            continue
        if not in_quote and (_FORWARD_MARK.match(line) or ((own or in_signature) and _QUOTE_START.match(line))):
            in_quote = True
            continue
        if in_quote:
            quoted.append(line)
            continue
        if (in_signature and not (_POSTSCRIPT.match(line) or len(line.strip()) >= 70)) or _DISCLAIMER.search(line):
            continue
        if own and _SIGNATURE_START.match(line):
            in_signature = True
            continue
        own.append(line)
    return "\n".join(own), "\n".join(quoted)


# A line break after a long line that does not end a sentence is a hard wrap (RFC 3676 / mail clients
# wrapping at ~72 columns), not a break between thoughts: join such lines before splitting.
_SOFT_WRAP = re.compile(r"(?<=[^\n]{45})(?<![.!?:;])[ \t]*\n(?=[ \t]*\S)")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(_SOFT_WRAP.sub(" ", text)) if s.strip()]


@lru_cache(maxsize=4096)
def _pd_in(sentence: str, fields_count: bool) -> bool:
    """Is this sentence about the writer's own personal data?"""
    if _THIRD_PARTY.search(sentence):
        return False
    if _PD_STRONG.search(sentence):
        return True
    if fields_count and _PD_FIELD.search(sentence):
        return True
    weak = _PD_WEAK.search(sentence) or _PD_FIELD.search(sentence)
    return bool(weak) and not _SUPPORT_OBJECT.search(sentence)


@lru_cache(maxsize=4096)
def _has_personal_data(sentence: str, before: str, fields_count: bool) -> bool:
    """Personal data in the sentence, or named just before and pointed back at ("delete it")."""
    if _pd_in(sentence, fields_count):
        return True
    # A pronoun, or an elliptic follow-up of a few words ("If so, I want copies."), points back.
    return (
        bool(before)
        and bool(_ANAPHOR.search(sentence) or len(sentence.split()) <= 6)
        and not _SUPPORT_OBJECT.search(sentence)
        and not _THIRD_PARTY.search(before)
        and _pd_in(before, True)
    )


_POST_NEGATION = re.compile(r"^[^,.;:!?\n]{0,40}\b(?:niet|nicht|pas)\s*(?:[,.;:!?]|$)", re.IGNORECASE)


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negation just before the trigger ("ik wil mijn gegevens niet verwijderen"), or closing its
    clause in Dutch, German and French word order ("verwijder mijn gegevens niet, ...")."""
    before = _NEGATION.search(sentence[max(0, start - 24) : start])
    return bool(before or _POST_NEGATION.search(sentence[end:]))


def _rule_fires(rule: _Rule, sentence: str, before: str, after: str, subject: str) -> bool:
    if rule.label is not _C and _THIRD_PARTY.search(sentence):
        # A customer acting for their own customers or staff (we are their processor, art. 28)
        # makes no request of their own; a complaint about us stays a complaint.
        return False
    # The trigger first: most rules do not trigger on most sentences, so this is the cheap exit.
    if not any(
        not rule.negatable or not _negated(sentence, m.start(), m.end()) for m in rule.trigger.finditer(sentence)
    ):
        return False
    if rule.blockers is not None and rule.blockers.search(sentence):
        return False
    if rule.needs is not None and not rule.needs.search(sentence):
        context = f"{before}\n{after}\n{subject}" if rule.needs_context else ""
        if not context.strip() or not rule.needs.search(context):
            return False
    return not rule.needs_pd or _has_personal_data(sentence, before, rule.fields_count)


def _articles(text: str) -> Iterable[tuple[RequestType, str]]:
    for m in _ARTICLE.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 90]
        if not _LAW.search(window):
            continue
        for number in _ARTICLE_NUMBER.findall(m.group(1)):
            if number in _ARTICLE_LABEL:
                yield _ARTICLE_LABEL[number], f"article.{number}"


_OPT_OUT_ONLY = re.compile(
    r"^\W*(?:stop|stopp|unsubscribe|afmelden|uitschrijven|abmelden|abbestellen|désabonner|opt[- ]?out)"
    r"(?:\W+(?:pls|please|aub|graag|a\.u\.b\.|svp|bitte|thanks|bedankt|dank ?je))?\W*$",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^\s*(?:onderwerp|subject|betreff|objet)\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE)


# Requests are made in the first screens of a message; past this the rest (a pasted log, a long
# thread) is not read, which bounds the time a pathological message can take.
_MAX_SCAN_CHARS = 20_000


def _scan(text: str, prefix: str, found: dict[RequestType, list[str]]) -> None:
    text = text[:_MAX_SCAN_CHARS]
    for label, reason in _articles(text):
        found.setdefault(label, []).append(prefix + reason)
    subject_match = _SUBJECT.search(text)
    subject = subject_match.group(1) if subject_match else ""
    sentences = _sentences(text)
    for i, sentence in enumerate(sentences):
        before = sentences[i - 1] if i else ""
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        for rule in _RULES:
            if _rule_fires(rule, sentence, before, after, subject):
                found.setdefault(rule.label, []).append(prefix + rule.name)
    if _OPT_OUT_ONLY.match(text):
        # A chat or SMS reply that is nothing but an opt-out keyword answers our marketing message.
        found.setdefault(_O, []).append(prefix + "objection.opt_out_keyword")
    if _PRIVACY_TOPIC.search(text) and not _OWN_BREACH.search(text):
        # A complaint whose privacy subject is stated in another sentence ("I want to make a formal
        # complaint. [...] This is a serious breach of my privacy.").
        for sentence in sentences:
            if re.search(r"\b(?:formele|formal|officiële|official) (?:klacht|complaint)\b", sentence, re.I):
                found.setdefault(_C, []).append(prefix + "complaint.formal_privacy")


# Data of a legal person is no personal data (recital 14 GDPR): "we have moved, please update our
# address" from a B.V. is account administration, not rectification.
_COMPANY_FRAMING = _rx(
    r"\b(?:b\.v\.|bv|n\.v\.|v\.o\.f\.|vof|bvba|gmbh|ltd|llc|inc)\b",
    r"\b(?:wij|we) zijn verhuisd\b", r"\bwe(?: have|'ve)? moved\b",
    r"\b(?:ons|onze|our) (?:bedrijf|company|firm|organisatie|organi[sz]ation|kantoor|office|vestiging|"
    r"bedrijfsgegevens|factuuradres|billing address|gegevens|details|adres|address|telefoonnummer|phone number)\b",
    r"\bbedrijfs(?:gegevens|adres|naam)\b", r"\bcompany (?:details|address|name)\b",
)


def recognize(text: str) -> Recognition:
    """Recognise the privacy-right requests a message makes, with the rule names as reasons."""
    own, quoted = split_message(text)
    lang = guess_language(own or text)
    if _BULK_FOOTER.search(text):
        return Recognition(labels=(), reasons={}, lang=lang)
    found: dict[RequestType, list[str]] = {}
    _scan(own, "", found)
    if quoted and (_REMINDER.search(own) or len(own.strip()) < 25):
        # A reminder re-asserts what it quotes; a bare forward ("Fwd:" with no words of one's own)
        # makes the forwarded text the message.
        _scan(quoted, "quoted:", found)
    if _R in found and _COMPANY_FRAMING.search(own) and not _PD_STRONG.search(own):
        del found[_R]
    rectification = found.get(_R, [])
    if found.get(_S) and rectification and all(r.endswith("rectification.inaccurate") for r in rectification):
        # Contesting accuracy while asking to pause the use is art. 18(1)(a) restriction; the
        # statement "it is wrong" is its ground there, not a separate request.
        del found[_R]
    labels = tuple(sorted(found))
    reasons = {label: tuple(dict.fromkeys(found[label])) for label in labels}
    return Recognition(labels=labels, reasons=reasons, lang=lang)


def detect_requests(text: str) -> list[RequestType]:
    """The request types a message makes, sorted and deduplicated ([] for ordinary support)."""
    return list(recognize(text).labels)
