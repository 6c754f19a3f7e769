"""The rule table: per right (art. 15-18, 20, 21, 77) the named rules that recognise it, and the
citations of the articles themselves."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from privacy.recognition.answered import ANNOUNCED, RESUBSCRIBE
from privacy.recognition.idioms import (
    AUTHORITY_ASKS,
    ERASE_IDIOM,
    ERASE_ME,
    EXPORT_SUPPORT,
    NAME_CHANGED,
    NAME_UPDATE,
    TELL_RECIPIENTS,
)
from privacy.recognition.lexicon import (
    AUTHORITY,
    DELIVERY_ADDRESS,
    DONE_REPORT,
    ERASE_VERB,
    GRIEVANCE,
    ID_COPY,
    KEEP_NOT_DELETE,
    MARKETING,
    MISDELIVERY,
    NOT_DONE,
    NOT_USE,
    OWN_BREACH,
    OWN_MAILING,
    PD_STRONG,
    PRIVACY_TOPIC,
    RECORD_ABOUT_ME,
    THIRD_PARTY,
    rx,
)
from privacy.recognition.message import NUMBERED_ABBREVIATION
from privacy.recognition.types import RequestType


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule: ``trigger`` must occur in a sentence and every other condition must hold.

    ``needs`` is looked for in the sentence itself, or (``needs_context``) also in the sentence before
    it or in the subject line, so that "Daar maak ik bezwaar tegen." finds the marketing it objects to.
    """

    name: str
    label: RequestType
    trigger: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    needs_context: bool = False
    # ... or anywhere in the message (a claim, its denial, then "correct this": two sentences apart)
    needs_in_message: bool = False
    # The sentence must be about personal data (see ``recognizer._has_personal_data``).
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

# A restriction to be lifted ("kann aufgehoben werden", "peut être levée"): its end, not a request (round 11).
_LIFTED = rx(r"\b(?:aufgehoben|aufheben|lifted|lift|levée?s?|lever|opgeheven|opheffen)\b")

# Deleting a wrong value ("löschen Sie die falsche Nummer", "supprimez le mauvais numéro"): it is being corrected
# (art. 16), not the writer's data erased (round 11).
_WRONG_VALUE = rx(r"\b(?:lösch|entfern|supprim|effac|delet|remov|verwijder)\w*\b[^.?!\n]{0,25}"
                  r"\b(?:falsche[nmrs]?|wrong|verkeerde|mauvaise?s?|faux|fausses?)\b")

RULES: tuple[Rule, ...] = (
    # ---- access (art. 15) -----------------------------------------------------------------------
    Rule("access.named_right", _A, rx(
        r"\brecht (?:op|van) inzage\b", r"\binzageverzoek", r"\bverzoek (?:tot|om) inzage\b",
        r"\bright (?:of|to) access\b", r"\b(?:data )?subject access request\b", r"\bd?sar\b",
        r"\bauskunft(?:sersuchen|sanspruch|srecht)?\b", r"\bdroit d'accès\b",
    ), blockers=rx(r"\bfactu", r"\binvoice")),
    Rule("access.verb_object", _A, rx(
        r"\binzage\b", r"\binzien\b", r"\boverzicht\b", r"\bkopie(?:ën)?\b", r"\bopvragen\b", r"\bopsturen\b",
        r"\binzicht\b", r"\baccess\b", r"\bcop(?:y|ies)\b", r"\boverview\b", r"\blist of\b",
        # retention and purposes, art. 15(1)(a) and (d)
        r"\bhoe lang (?:bewaren|bewaart|houden|houdt|gebruiken)\b",
        r"\bhow long (?:do|will) you (?:keep|retain|store|hold)\b",
        r"\b(?:for )?what purposes?\b", r"\bvoor welke doel(?:en|einden)\b", r"\bwaarvoor (?:gebruiken|verwerken)\b",
        r"\bauskunft\b", r"\bcopie\b", r"\baccéder\b", r"\bübersicht\b",
        # "kindly provide the details of my personal data" (non-native English; round 12)
        r"\bprovide (?:me )?(?:with )?(?:the |a |an )?(?:details|copy|overview|list|information)\b",
    ), needs_pd=True, blockers=rx(
        r"\b(?:erasure|deletion|verwijdering)\b",
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
        r"\b(?:verwijder\w*|wissen|delete|erase|supprim\w*|effac\w*|détrui\w*|lösch\w*|vernicht\w*)\b[^.?!\n]{0,30}"
        r"\b(?:kopie|copy|copie)\b", ID_COPY.pattern,
        DONE_REPORT.pattern,
    )),
    # an earlier access request of the writer's that is still open ("my subject access request, ignored")
    Rule("access.earlier_request", _A, rx(
        r"\b(?:my|mijn|m'n|mn|mein(?:e[nms]?)?|ma|mon) (?:\w+ )?(?:subject access request|access request|data request|"
        r"inzageverzoek|verzoek (?:om|tot) inzage|auskunfts(?:ersuchen|anfrage|antrag|begehren)|demande d'accès)\b",
    ), needs=NOT_DONE, needs_context=True, negatable=False),
    Rule("access.know_about_me", _A, rx(
        r"\bweten\b", r"\b(?:laten |in)?zien\b", r"\bvertel\w*", r"\bsee\b", r"\bknow\b", r"\btell me\b",
        # German "wissen" only with a modal: bare "wissen" is Dutch for "erase"
        r"\bshow me\b", r"\b(?:möchte|möchten|will|wollen|würde gerne?) (?:\w+ ){0,3}wissen\b",
        # German "tell me" ("sagt mir, was ihr über mich wisst"; round 11)
        r"\bsag(?:t|en sie)? mir\b",
        # "send me everything you hold about me" (round 10)
        r"\b(?:send|give|e-?mail|forward) me (?:all|everything|a list|an overview|what|the (?:personal )?(?:data|"
        r"information|details)|my (?:personal )?(?:data|information|details))\b",
        r"\bstuur (?:mij|me) (?:alle|alles|een overzicht|wat|mijn (?:persoons)?gegevens|de (?:persoons)?gegevens)\b",
        r"\b(?:schicken|senden|geben) sie mir (?:alle|sämtliche|meine|die (?:personenbezogenen )?daten|eine (?:kopie|"
        r"übersicht)|was)\b",
        r"\b(?:envoyez|transmettez|communiquez)[- ]moi (?:toutes|tout|l'ensemble|mes|les données|ce que|une copie)\b",
        r"(?<!à )\bsavoir\b",  # "à savoir" is "namely", before a list of what to erase or correct
    ), needs=PD_STRONG, blockers=rx(
        r"\b(?:erasure|deletion|verwijdering)\b", THIRD_PARTY.pattern,
        # "send me my data in a machine-readable format": the data delivered to take along, portability (round 11)
        r"\b(?:format|formaat|csv|json|xml|machine-?readable|machineleesba\w*|maschinenlesbar\w*|lisible par)\b",
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
        DONE_REPORT.pattern, TELL_RECIPIENTS.pattern,
    )),
    Rule("access.what_do_you_know", _A, rx(
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
        r"\b(?:where|how) (?:\w+ )?did (?:you|u|your company) (?:\w+ )?(?:get|obtain|find|receive)\b[^.?!\n]{0,10}\bmy "
        r"(?:\w+ )?(?:data|details|name|address|number|phone number|e-?mail address|information)\b",
        # ... in German and French (round 15): "woher haben Sie meine Handynummer", "d'où tenez-vous mon adresse"
        r"\bwoher (?:haben|hat|habt|hast|kennen|kennt|bekommen|bekamen) (?:sie|ihr|du)\b[^.?!\n]{0,20}\b(?:meine[n]?|"
        r"mich)\b",
        r"\b(?:où|d'où) (?:avez|tenez|vient|viennent|sortez)[- ]?(?:vous)?\b[^.?!\n]{0,25}\b(?:mon|ma|mes)\b"
        r"[^.?!\n]{0,10}\b(?:numéro|adresse|données|coordonnées|nom|e-?mail|informations|infos)\b",
        r"\b(?:what|which) (?:personal )?(?:data|information|details)\b[^.?!\n]{0,40}\b(?:hold|have|keep|store|"
        r"process|collect)\w*\b[^.?!\n]{0,30}\b(?:about|on|of) me\b",
        r"\bwelche (?:personenbezogenen )?daten\b[^.?!\n]{0,40}\b(?:über mich|von mir|zu mir|gespeichert|"
        r"verarbeite\w*)",
        r"\bquelles données\b[^.?!\n]{0,40}\b(?:me concernant|à mon sujet|sur moi|détenez|conservez|traitez)",
        # informal German and French: "was habt ihr über mich gespeichert", "vous avez quoi sur moi", "tout ce que
        # vous savez sur moi", "quelles infos sur moi" (round 11)
        r"\bwas (?:habt|haben|hat|speichert|speichern|wisst|wissen|weiß|führt|führen|sammelt|sammeln) (?:ihr|sie|man)\b"
        r"[^.?!\n]{0,40}\b(?:über mich|von mir|zu mir)\b",
        r"\bvous avez quoi\b[^.?!\n]{0,40}\bsur moi\b",
        # chat spelling: "what have u got on me", "what info do u keep about me" (round 12)
        r"\bwhat (?:have|do|did) (?:u|you|ya|ye)(?: guys)? (?:\w+ )?(?:got|get|have|hold|keep|store|"
        r"know)\b[^.?!\n]{0,20}"
        r"\b(?:on|about) me\b",
        r"\bwhat (?:info|information|data|details|stuff)\b[^.?!\n]{0,10}\b(?:u|you|"
        r"ya)(?: guys)? (?:\w+ )?(?:got|have|hold|"
        r"keep|store|know)\b[^.?!\n]{0,20}\b(?:on|about) me\b",
        r"\bce que vous (?:avez|savez|gardez|conservez|détenez|stockez|possédez)\b[^.?!\n]{0,30}\b(?:sur moi|me "
        r"concernant|à mon sujet)\b",
        r"\bquel(?:le)?s (?:infos?|informations|renseignements)\b[^.?!\n]{0,40}\b(?:sur moi|me concernant|à mon sujet|"
        r"détenez|conservez|gardez)\b",
        # "c'est quoi les infos que vous avez sur moi", "c koi ...", "la liste des données que X conserve à mon sujet",
        # "les informations que vous détenez me concernant" (round 16)
        r"\b(?:données|infos?|informations|renseignements)\b (?:que|qu') ?[^.?!\n]{0,30}\b(?:avez|gardez|conservez|"
        r"détenez|stockez|possédez|traitez|conserve|garde|détient|stocke|possède|traite|a)\b[^.?!\n]{0,20}"
        r"\b(?:sur moi|me concernant|à mon sujet)\b",
    ), blockers=rx(
        # "supprimez tout ce que vous avez sur moi": what to erase, not a question (round 11)
        r"\b(?:supprim|effac|lösch|delet|eras|verwijder|wis)\w*\b[^.?!\n]{0,15}\b(?:tout|alles|everything|all|les "
        r"(?:données|infos?|informations))\b"
        r"[^.?!\n]{0,5}\b(?:ce que|ce qu'|que|qu'|was|wat|that|you)\b",
        r"\b(?:erasure|deletion|verwijdering)\b",
        r"\b(?:has|have|had) been (?:deleted|erased|removed)\b", r"\b(?:is|zijn) (?:verwijderd|gewist)\b",
        r"\bretain\b[^.?!\n]{0,20}\bwhy\b",
        # "wat heeft u van mij nodig?" asks what *we* need from the customer
        r"\bnodig\b", r"\b(?:need|require)\w* (?:from|of) me\b",
        DONE_REPORT.pattern,
    )),
    # ---- rectification (art. 16) ----------------------------------------------------------------
    Rule("rectification.named_right", _R, rx(
        r"\brecht op (?:rectificatie|correctie|verbetering)\b", r"\bright to rectification\b",
        r"\brectificatie\b", r"\brectification\b", r"\bberichtigung\b", r"\bdroit de rectification\b",
    )),
    # A request to change the data ...
    Rule("rectification.change_request", _R, rx(
        r"\b(?:ge)?corrige\w*", r"\bcorrectie\b", r"\b(?:ver|ge)?verbeter\w*", r"\baanpass\w*",
        r"\baangepast\b", r"\bpas\w* [^.?!\n]{0,30}\baan\b", r"\b(?:ge)?wijzig\w*", r"\bverander\w*",
        r"\bzorg\w* (?:er ?voor )?dat\b[^.?!\n]{0,40}\bkloppen\b",
        r"(?<!is )(?<!are )(?<!be )(?<!was )(?<!whether )(?<!if )\bcorrect\b", r"\bcorrect(?:ed|ing)\b",
        r"\brectif\w*", r"\bfix\w*", r"\bupdat\w*", r"\bamend\w*", r"\bchange\b",
        r"\bberichtig\w*", r"\bkorrigier\w*", r"\bändern\b", r"\bcorrig\w*", r"\bmodifi\w*",
        # a new value entered, in German separable form and French (round 11)
        r"\bein(?:zu)?tragen\b", r"\btrag\w* sie\b[^.?!\n]{0,40}\bein\b", r"\b(?:mettre|mettez|mets) à jour\b",
        r"\baktualisier\w*", r"\bactualis\w*",
        r"\b(?:put|set) (?:it|that|this|them) (?:right|straight)\b", r"\brecht ?zetten\b", r"\bgoed ?zetten\b",
        r"\bzet\w* (?:het|dat|dit|ze) (?:recht|goed)\b",
        # Flemish "juist zetten", done forms, "put my address right", "my e-mail address has changed" (round 12)
        r"\bjuist ?(?:zetten|gezet)\b", r"\bzet\w* (?:het|dat|dit|ze|mijn \w+) (?:\w+ )?juist\b", r"\b(?:recht|"
        r"goed) ?gezet\b",
        r"\bput\b[^.?!\n]{1,40}\bright\b", r"\b(?:has|have|is|was) (?:\w+ )?changed\b",
        # moving house, said with the new address ("ik ben verhuisd, mijn nieuwe adres is ..."; not "I moved my site")
        r"\b(?:ik ben|ben|we zijn) (?:net |onlangs |pas )?verhuisd\b", r"\bich bin (?:\w+ )?umgezogen\b",
        r"\bj'ai (?:\w+ )?déménagé\b",
        r"\b(?:i've|i have|i) (?:just |recently )?moved(?: house| home)?\b(?=\s*(?:[,.;:!]|and\b|$))",
    ), needs_pd=True, fields_count=True, negatable=False, blockers=rx(
        r"\bwachtwoord\b", r"\bpassword\b", r"\bbetaal\w*", r"\bincasso\b", r"\bpayment\b",
        # the customer doing it in the control panel and failing is a support question
        r"\b(?:try|tried|trying|probeer\w*|geprobeerd|lukt|can't|cannot|kan (?:ik )?(?:\w+ )?niet|how (?:do|can) i|"
        r"hoe kan ik|waar kan ik|where can i|how to|(?:don't|do not) know how)\b",
        # the delivery address of an order is order handling, not a record of the writer to correct
        DELIVERY_ADDRESS.pattern,
    )),
    # ... or a statement that it is wrong, which asks for correction by implication
    Rule("rectification.inaccurate", _R, rx(
        r"\bklopt\b[^.?!\n]{0,15}\bniet\b", r"\bkloppen niet\b",
        r"\bonjuist\w*", r"\bfout\w*", r"\bverkeerd\w*", r"\bverouderd\b",
        r"\bniet (?:meer )?(?:juist|correct|actueel)\b", r"\bnot (?:\w+ )?correct\b",
        r"\bwrong\w*", r"\bincorrect\w*", r"\binaccurate\b", r"\bmisspel\w*", r"\bmisspelt\b",
        r"\bout of date\b", r"\boutdated\b", r"\bold (?:one|address|number|name|phone number|e-?mail address)\b",
        r"\boude? (?:adres|woonadres|telefoonnummer|nummer|naam|achternaam|e-?mailadres|mailadres)\b", r"\bfalsch\w*",
        r"\bincorrecte?s?\b", r"\berron\w*", r"\bmal orthographi\w*", r"\bfalsch geschrieben\b",
        # a wrong value in French (round 11; not "l'ancienne adresse", which may be what to erase)
        r"\bmauvais(?:e|es)? (?:numéro|adresse|date|nom|prénom|orthographe)\b",
        # no longer right, also in chat spelling ("n'est plus le bon", "c plus la bonne", "est plus à jour"; round 16)
        r"\b(?:n'est|c'est|c|est) plus (?:le bon|la bonne|correcte?|exacte?|valable|à jour)\b",
        r"\bfau(?:x|sses?) (?:numéro|adresse|date|nom|prénom)\b",
        # "you have my name as Jon, it's John" (round 10)
        r"\b(?:as|als)\s+[\w'-]+(?:\s+staan)?\s*[,;:\u2013-]+\s*(?:but |maar |aber |mais )?(?:it's|it is|its|"
        r"it should be|should be|het is|moet zijn|es ist|das ist|c'est)\b",
    ), needs_pd=True, fields_count=True, negatable=False, blockers=rx(
        r"\binzage\b", r"\bwachtwoord\b", r"\bpassword\b", r"\bbetaal\w*", r"\bincasso\b", r"\bpayment\b",
        r"\bwat er met\b", r"\bwhat happened\b",
        # misdelivery ("mailed to the wrong person") is a breach, not inaccurate data
        r"\b(?:wrong|verkeerde) (?:person|persoon|recipient|ontvanger|klant|customer|people|mensen)\b",
        r"\b(?:sent|e-?mailed|mailed|gestuurd|verstuurd|gemaild)\b[^.?!\n]{0,30}\b(?:to|naar) (?:the|a|de|het|een) "
        r"(?:wrong|verkeerde)\b",
        r"\boude? (?:adres|address|nummer|number|naam|name)\b[^.?!\n]{0,40}\b(?:verwijder\w*|delete\w*|erase|"
        r"wis\w*|weg|remove\w*|uit jullie)\b",
    )),
    # ... or "correct this" in or after a sentence that says how our records describe the writer ("you list me as
    # a director. I never was. Please correct that."): the record is the object (round 10)
    Rule("rectification.correct_record", _R, rx(
        r"\b(?:correct|fix|amend|change|update|rectify) (?:this|that|it|the record|this record|that record)\b",
        r"\bcorrigeer (?:dit|dat|het)\b", r"\bpas (?:dit|dat|het) aan\b", r"\b(?:corrigeren|aanpassen|rechtzetten)\b",
        r"\b(?:korrigier|berichtig|änder)\w* sie (?:das|dies|es)\b", r"\bcorrig\w* (?:cela|ça|ceci)\b",
        r"\bcorrigez\b", r"\brectifiez\b",
        # "wil dat rechtgezet worden?", "could that be corrected?" (round 12)
        r"\b(?:recht|juist|goed) ?gezet\b", r"\b(?:can|could|will|would) (?:that|this|it) be (?:corrected|fixed|"
        r"changed|"
        r"amended|updated|put right)\b",
        r"\b(?:aantekening|notitie|vermelding|note|entry|notiz|eintrag|mention)\b[^.?!\n]{0,40}\b(?:aangepast|"
        r"gecorrigeerd|corrected|amended|changed|korrigiert|berichtigt|corrigée|rectifiée)\b",
    ), needs=RECORD_ABOUT_ME, needs_in_message=True, negatable=False, blockers=rx(
        r"\bfactu\w*", r"\binvoice\w*", r"\brechnung\w*", r"\bwachtwoord\b", r"\bpassword\b",
        r"\b(?:domain|domein|website|site|server|certificate|certificaat|mailbox|dns)\b",
    )),
    # a changed name after a marriage or divorce, with its update asked anywhere in the message (round 14)
    Rule("rectification.name_changed", _R, NAME_CHANGED, needs=NAME_UPDATE, needs_in_message=True, negatable=False),
    # ---- erasure (art. 17) ----------------------------------------------------------------------
    # "je veux pu que vous gardiez mes renseignements", "ik wil mijn gegevens weg" (round 14; their negation is theirs)
    Rule("erasure.idiom", _E, ERASE_IDIOM, negatable=False),
    Rule("erasure.the_writer", _E, ERASE_ME, blockers=rx(THIRD_PARTY.pattern, ANNOUNCED.pattern)),
    Rule("erasure.named_right", _E, rx(
        r"\brecht op (?:vergetelheid|vergeten te worden|verwijdering|gegevenswissing)\b",
        r"\bright to (?:be forgotten|erasure)\b", r"\brecht auf (?:vergessenwerden|löschung)\b",
        r"\bdroit (?:à l'oubli|à l'effacement|d'effacement|d'être oublié)\b", r"\brecht om vergeten te worden\b",
    )),
    Rule("erasure.verb_object", _E, ERASE_VERB, needs_pd=True, blockers=rx(
        r"\bnieuwsbrief", r"\bnewsletter", ANNOUNCED.pattern, _WRONG_VALUE.pattern,
        # "remove me from your marketing list" is an objection to direct marketing (art. 21(3)), not erasure
        r"\b(?:marketing|mailing|verzend|mail|e-?mail|bel|call|sales|reclame)[- ]?(?:list|lijst)\w*",
        r"\bwachtwoord", r"\bpassword", r"\b(?:opname|recording)\b",
    )),
    # an unmistakable personal-data object outweighs a mailing list in the same sentence
    Rule("erasure.verb_personal_data", _E, ERASE_VERB, needs=PD_STRONG,
          blockers=rx(r"\bwachtwoord", r"\bpassword", THIRD_PARTY.pattern, ANNOUNCED.pattern, _WRONG_VALUE.pattern)),
    Rule("erasure.everything_about_me", _E, rx(
        r"\b(?:verwijder|wis)\w*\b[^.?!\n]{0,30}\balles\b[^.?!\n]{0,30}\b(?:van|over) m(?:ij|e)\b",
        r"\b(?:delete|erase|remove|wipe)\b[^.?!\n]{0,20}\b(?:everything|all)\b[^.?!\n]{0,30}\b(?:on|about|of) me\b",
        r"\b(?:supprim|effac)\w*\b[^.?!\n]{0,20}\btout\b[^.?!\n]{0,30}\b(?:sur moi|me concernant|à mon sujet|de moi)\b",
        r"\b(?:lösch|entfern)\w*\b[^.?!\n]{0,20}\balles?\b[^.?!\n]{0,30}\b(?:über mich|von mir|zu mir)\b",
        r"\b(?:account|klantaccount|profiel|profile)\b[^.?!\n]{0,40}\b(?:en|and|inclusief|including|with) "
        r"(?:al |all )?(?:mijn |my )?(?:gegevens|data|information)\b",
        r"\b(?:konto|kundenkonto|benutzerkonto|profil|compte)\b[^.?!\n]{0,40}\b(?:und|et) (?:alle |sämtliche |toutes )?"
        r"(?:meine |mes |les )?(?:daten|données)\b",
    ), blockers=rx(r"\bmail ?box", r"\bpostvak", r"\bwebsite", r"\bbestanden\b", r"\bfiles\b", r"\bdateien\b",
                   r"\bfichiers\b")),
    # an account erased *with everything in it*, in any wording: "mit allen Daten", "samt allen Daten", "+ alle daten",
    # "und alles, was dazu gehört", "et tout ce qui va avec", "and everything that goes with it" (round 11)
    Rule("erasure.account_and_all", _E, rx(
        r"\b(?:\w*konto|\w*account|profiel|profile?|compte)\b[^.?!\n]{0,40}(?:\b(?:und|et|and|en|mit|samt|avec|with|"
        r"including|inclusief|inklusive|inkl|incl)\b|\+|&)\s*(?:de |d')?(?:(?:[\w-]+\s+){0,3}(?:\w*daten|données|data|"
        r"gegevens|information|infos?)\b|(?:alles|tout|everything|all of it)\b)",
    ), needs=ERASE_VERB, blockers=rx(
        r"\bmail ?box", r"\bpostvak", r"\bpostfach", r"\bwebsite", r"\bbestanden\b", r"\bfiles\b", r"\bdateien\b",
        r"\bfichiers\b", r"\bftp\b", ANNOUNCED.pattern)),
    # the writer (or their data) out of our records: "wipe me from your system", "haal me uit jullie systeem", "delete
    # my email from your system", "dont want to be in your database anymore", "wil niet meer in jullie bestand staan"
    # (round 12; not a mailing list, which is an objection to marketing)
    Rule("erasure.out_of_records", _E, rx(
        r"\b(?:wipe|delete|erase|remove|purge|take|get)\w* (?:me |my (?:\w+ ){0,2}|"
        r"all my (?:\w+ ){0,2})(?:completely |entirely )?"
        r"(?:from|out of|off) (?:your|ur|the|all (?:your|ur)) (?:\w+ )?(?:system|systems|database|databases|"
        r"records|files|"
        r"crm|administration)\b",
        r"\b(?:haal|verwijder|wis|gooi|schrap)\w* (?:me |mij |mijn (?:\w+ ){0,2}|"
        r"m'n (?:\w+ ){0,2})(?:\w+ )?(?:weg )?uit "
        r"(?:jullie|uw|je|het|de|al jullie) (?:\w+ )?(?:systeem|systemen|database|databank|bestand|klantenbestand|"
        r"administratie|registratie)\b",
        r"\b(?:me|mij) (?:\w+ ){0,2}uit (?:jullie|uw|je) (?:\w+ )?(?:systeem|systemen|database|bestand|klantenbestand|"
        r"administratie) (?:te )?(?:halen|verwijderen|wissen|schrappen)\b",
        r"\b(?:don't|dont|do not|no longer) want to (?:be|stay|remain) (?:in|on) (?:your|ur) (?:\w+ )?(?:system|"
        r"database|"
        r"records|files|crm)\b",
        r"\b(?:wil|willen) (?:\w+ )?niet (?:meer |langer )?in (?:jullie|uw|je) (?:\w+ )?(?:systeem|systemen|database|"
        r"bestand|klantenbestand|administratie)\b",
    ), negatable=False, blockers=rx(
        r"\b(?:domain|domein\w*|website|site|mail ?box|postvak|dns|backups?|server|ftp|wordpress|webshop|bestanden)\b",
        THIRD_PARTY.pattern, ANNOUNCED.pattern)),
    # an earlier erasure request of the writer's that is still open ("mijn verwijderverzoek van januari: niets")
    Rule("erasure.earlier_request", _E, rx(
        r"\b(?:my|mijn|m'n|mn|mein(?:e[nms]?)?|ma|mon) (?:\w+ )?(?:erasure request|deletion request|"
        r"request to (?:delete|erase)|verwijderverzoek|verzoek (?:om|tot) (?:verwijdering|verwijderen)|"
        r"lösch(?:ungs)?(?:antrag|anfrage|ersuchen|"
        r"verlangen)|demande d'(?:effacement|suppression)|demande de suppression)\b",
    ), needs=NOT_DONE, needs_context=True, negatable=False),  # "no answer to my erasure request": not negated
    # ---- restriction (art. 18) ------------------------------------------------------------------
    Rule("restriction.named_right", _S, rx(
        r"\bbeperking van (?:de )?verwerking\b", r"\brecht op beperking\b",
        r"\brestrict(?:ion of|ing|s)? (?:the |its |their |my |all )?(?:processing|use)\b", r"\bright to restrict\w*\b",
        r"\beinschränkung der verarbeitung\b", r"\blimitation du traitement\b",
        # the verb with its object, in German separable and zu-infinitive forms ("die Verarbeitung einzuschränken",
        # "schränken Sie die Verarbeitung ein"), French and Dutch (round 11)
        r"\bverarbeitung\b[^.?!\n]{0,50}\b(?:einzuschränken|einschränken|einschränkt)\b",
        r"\bschränk\w*\b[^.?!\n]{0,60}\bverarbeitung\b[^.?!\n]{0,60}\bein\b",
        r"\b(?:limiter|limitez|limitiez|restreindre|restreignez|geler|gelez|bloquer|bloquez)\b[^.?!\n]{0,20}"
        r"\btraitement\b", r"\bverwerking\b[^.?!\n]{0,40}\b(?:te )?beperken\b",
    ), blockers=_LIFTED),
    Rule("restriction.verb_object", _S, rx(
        r"\bbeperk\w*", r"\bbevries\w*", r"\bblokker\w*", r"\bop slot\b", r"\bon hold\b",
        r"\brestrict\w*", r"\blimit\w*", r"\bfreez\w*", r"\bblock\w*",
        r"\beinschränk\w*", r"\bsperr\w*", r"\blimiter\b",
        r"\beinzuschränk\w*", r"\bschränk\w*", r"\brestrei\w*", r"\bgel(?:er|ez)\b", r"\bgesperrt\b",
        r"\beingeschränkt\b", r"\bbevriez\w*",  # ("bevriezen": the bevries- stem missed it; round 12)
    ), needs_pd=True, blockers=rx(_LIFTED.pattern, r"\bruimte\b", r"\bopslag\b", r"\bquota\b", r"\bstorage\b",
                                    r"\bbandwidth\b", r"\bspam\b", r"\bip\b", r"\bfirewall\b",
                                    r"\binlog\w*", r"\blogin\b", r"\btoegang\b")),
    # the writer's data put on hold or frozen, whatever else the sentence names ("zet mijn gegevens on hold, ik betwist
    # die factuur": the invoice is the ground, the data the object; round 12)
    Rule("restriction.data_on_hold", _S, rx(
        r"\b(?:my|mijn|m'n|mn) (?:personal |persoonlijke |account )?(?:data|gegevens|details|"
        r"persoonsgegevens)\b[^.?!\n]{0,25}"
        r"\b(?:on hold|op slot|bevriez\w*|freez\w*|blokker\w*|block\w*)\b",
        r"\b(?:freez\w*|bevries\w*|bevriez\w*|blokkeer\w*)\b[^.?!\n]{0,10}\b(?:my|mijn|m'n) (?:\w+ )?(?:data|"
        r"gegevens)\b",
    ), blockers=_LIFTED),
    # art. 18(1)(a): "don't use it while you check whether it is accurate"
    Rule("restriction.pause_until", _S, rx(
        r"\b(?:totdat|tot(?: het moment)? dat|zolang|in afwachting van|hangende)\b",
        r"\btot (?=(?:ik|u|jullie|we|het|dat|de|die|mijn|m'n|alles)\b)",  # ("tot ik het weet"; round 12)
        r"\b(?:until|till?|while|pending|as long as)\b",
        r"\b(?:bis|solange)\b", r"\b(?:jusqu'à|tant que|en attendant)\b",
    ), needs=NOT_USE, negatable=False),
    # art. 18(1)(b)-(c): keep it (as evidence), but do not use it any more
    # ("Don't delete it yet. But don't use it any more.": the second half may stand in the next sentence)
    Rule("restriction.keep_not_use", _S, KEEP_NOT_DELETE, needs=NOT_USE, needs_context=True, negatable=False),
    # a temporary stop of the use ("tijdelijk stopzetten", "pause using my data for now"): art. 18, where a stop for
    # good is an objection (objection.no_further_use leaves these out; round 12)
    Rule("restriction.temporary_stop", _S, rx(
        r"\btijdelijk\b", r"\bvoorlopig\b", r"\btemporar\w*", r"\bfor (?:now|the time being)\b", r"\bin the meantime\b",
        r"\bmeanwhile\b", r"\bondertussen\b", r"\bintussen\b", r"\bvorläufig\b", r"\bvorübergehend\b",
        r"\bprovisoirement\b", r"\btemporairement\b",
    ), needs=NOT_USE, needs_pd=True, negatable=False),
    # ---- portability (art. 20) ------------------------------------------------------------------
    Rule("portability.named_right", _P, rx(
        r"\b(?:data)?portabiliteit\b", r"\boverdraagbaarheid\b", r"\bdata portability\b",
        r"\bportability\b", r"\bdatenübertragbarkeit\b", r"\bportabilité\b",
    ), blockers=rx(r"\bnummerbehoud\b", r"\bnumber porting\b")),
    Rule("portability.verb_object", _P, rx(
        r"\bexport\w*", r"\bdownload\w*", r"\bmeenemen\b", r"\bmachineleesba\w*", r"\bmachine-?readable\b",
        r"\b(?:csv|json|xml|excel)\b", r"\boverzetten\b", r"\boverdragen\b", r"\boverhevelen\b",
        r"\btransfer\w*", r"\btransmit\w*", r"\bport\b", r"\btake (?:it|them|my \w+) with me\b",
        r"\bstructured\b", r"\bgestructureerd\w*", r"\bübertrag\w*", r"\btransférer\b",
        r"\bin een bestand\b", r"\bas a file\b", r"\bin a file\b", r"\binladen\b", r"\bimport\w*",
        # German and French: machine-readable, as a file, taken along (separable "mitzunehmen"; round 11)
        r"\bmaschinenlesbar\w*", r"\blisibles? par (?:une )?machine\b", r"\bmit(?:zu)?nehmen\b",
        r"\bnehm\w* (?:sie|die|das|es|ich) mit\b", r"\bemmener\b", r"\b(?:als|in einer) datei\b",
        r"\ben (?:un )?fichier\b", r"\bsous forme de fichier\b",
    ), needs_pd=True, negatable=False, blockers=EXPORT_SUPPORT),
    # ---- objection (art. 21), incl. direct marketing (art. 21(2)-(3)) ------------------------------
    Rule("objection.named_right", _O, rx(
        r"\brecht (?:van|op) bezwaar\b", r"\bright to object\b", r"\bwiderspruchsrecht\b",
        r"\bdroit d'opposition\b",
    )),
    Rule("objection.to_processing", _O, rx(
        r"\bbezwaar\w*", r"\bobject(?:s|ing)?\b", r"\bobjection\b", r"\bwiderspr\w*", r"\bwiderspruch\b",
        r"\bm'oppose\b", r"\bopposition\b",
    ), needs=rx(
        r"\bverwerk\w*", r"\bprocessing\b", r"\bprofil\w*", r"\bdirect marketing\b", r"\bmarketing\b",
        r"\bgebruik\w* van (?:mijn|m'n) ", r"\buse of my\b", r"\bgerechtvaardigd belang\b",
        r"\blegitimate interest", r"\bberechtigte[sn]? interesse\b", r"\bverarbeitung\b", r"\btraitement\b",
        r"\btracking\b", r"\bpersoonsgegevens\b", r"\bpersonal data\b", r"\bopnemen\b", r"\bopname\w*",
        r"\brecord\w*", r"\bmy (?:data|details)\b", r"\bmijn gegevens\b", r"\bdelen\b", r"\bsharing\b",
        MARKETING.pattern,
    ), needs_context=True, blockers=rx(
        r"\bfactu", r"\binvoice", r"\bincasso\b", r"\bprijs", r"\bprice", r"\bkosten\b", r"\bcharge",
        r"\bverlenging\b", r"\brenewal\b", r"\bopzeg\w*",
        # an objection to an account's block, with the account to be freed ("I object and want my account unblocked")
        # (round 12)
        r"\bunblock\w*", r"\bdeblokk\w*", r"\bvrijgegeven\b", r"\bvrijgeven\b", r"\bentsperr\w*", r"\bdébloqu\w*",
    )),
    Rule("objection.marketing_optout", _O, rx(
        r"\b(?:afmeld\w*|meld\w* (?:ik |u |je )?(?:me|mij|ons) af|uitschrijv\w*|schrijf\w* (?:me|mij|ons) uit|"
        r"uitgeschreven)\b",
        r"\bhaal\w* (?:me|mij|mijn [\w-]+) (?:van|uit) (?:de|jullie|uw|je)\b",
        r"\bzet\w* (?:me|mij|ons) (?:\w+ ){0,2}(?:van|uit) (?:de|jullie|uw|je)\b[^.?!\n]{0,40}\baf\b",  # (round 12)
        r"\b(?:me|mij|ons) (?:uit|van) [^.?!\n]{0,60}\b(?:halen|afhalen|verwijderen|schrappen)\b",
        r"\b(?:geen|nooit)\b[^.?!\n]{0,30}\bmeer\b", r"\bwil (?:ik|we) niet\b",
        r"\b(?:stop|stoppen|ophouden|hou\w* op)\b", r"\bunsubscrib\w*", r"\bopt(?:ing)?[- ]?(?:me )?out\b",
        r"\b(?:stop|cease|quit)\w*\b", r"\bremove me from\b", r"\b(?:no more|don't want any more|do not want "
        r"any more|don't want|dont want|do not want)\b", r"\b(?:take|get) me off\b",
        r"\babbestell\w*|\babmeld\w*|\bdésabonn\w*|\bdésinscri\w*", r"\baustrag\w*|\btragen sie mich\b",
        r"\bkeine\b[^.?!\n]{0,30}\bmehr\b", r"\bne (?:plus|veux plus)\b", r"\bzit niet te wachten op\b",
        r"\bne\s+(?:m'|me\s+|nous\s+)?\w+\s+plus\b",  # "ne m'envoyez plus de publicité"
        # informal French without "ne" and accents, German "nehmt mich raus" (round 11)
        r"(?:^|\n|\b(?:bonjour|salut|bonsoir|svp|merci)\W+)\W*plus de (?:pubs?|publicités?|newsletters?|mails?|"
        r"courriels?|sms|spam|prospection|démarchage|offres?)\b", r"\b(?:veux|voulons|souhaite) plus (?:recevoir|de)\b",
        r"\bd[ée]sinscri\w*|\bd[ée]sabonn\w*", r"\barr[êe]t\w* (?:de |d')", r"\b(?:retirez|enlevez)[- ]moi\b",
        r"\bcess\w* (?:\w+ )?(?:de |d')",  # "cessez immédiatement de m'envoyer de la publicité" (round 16)
        r"\b(?:nehm|nimm)\w* (?:sie )?mich\b[^.?!\n]{0,50}\b(?:raus|heraus)\b",
        r"\b(?:nehm|nimm)\w* (?:sie )?mich (?:\w+ )?aus\b",  # "nehmen Sie mich sofort aus allen Verteilern" (round 14)
    ), needs=MARKETING, needs_context=True, negatable=False, blockers=rx(
        r"\bstoring", r"\bonderhoud", r"\boutage", r"\bdowntime", r"\bmaintenance",
        # status mails stopped, unless kept beside marketing to stop ("de statusmails wil ik houden, maar zet me van
        # de commerciële mailinglijst af"; round 12)
        r"\bstatus(?![^.?!\n]*\b(?:maar|but|aber|mais)\b[^.?!\n]*\b(?:commerci\w*|marketing\w*|reclame\w*|newsletters?|"
        r"nieuwsbrie\w*|werbung|publicit\w*))",
        r"\bfactu", r"\binvoice", r"\bmailinglijst(?:en)? (?:van|voor) (?:mijn|onze)\b",
        r"\b(?:my|our|mijn|onze) (?:own |eigen )?(?:\w+ )?(?:mailing ?list|newsletter|nieuwsbrief|mailing)",
        r"\bunsubscribe[- ](?:link|header|button|knop)", r"\blist-unsubscribe\b", r"\bafmeldlink\b",
        OWN_MAILING.pattern,
        r"\bspam\b", r"\bopzeg\w*", r"\bcancel\w*", RESUBSCRIBE.pattern,
    )),
    Rule("objection.do_not_call", _O, rx(
        r"\bniet[- ]bellen[- ]?(?:lijst|register)\b", r"\bbel[- ]me[- ]niet\b", r"\bdo[- ]not[- ]call\b",
        r"\bniet (?:meer |langer )?(?:bellen|gebeld|benaderen|benaderd|gecontacteerd|contacteren)(?: worden)?\b",
        r"\b(?:don't|dont|do not) (?:want to be )?(?:contact|call|phone)(?:ed)? (?:me )?(?:again|any ?more)\b",
        r"\bstop (?:calling|phoning|texting) me\b",
        r"\b(?:bel|sms|app|mail)\w* (?:me|mij) niet meer\b",
        r"\bstop (?:e-?mailing|mailing|texting|messaging|contacting|spamming) me\b",
        # (not "je ne m'appelle plus Dubois": a changed name, round 11)
        r"(?<!je )\bne (?:m'|me )(?:appel|contact|téléphon|sollicit)\w* plus\b",
        r"\b(?:rufen|kontaktieren) sie mich (?:bitte )?nicht mehr\b", r"\bnicht mehr (?:anrufen|kontaktieren)\b",
        # "hört auf, mich anzurufen", "ruft mich nicht mehr an", "arrêtez de m'appeler" (round 10)
        r"\b(?:hör\w*|aufhören)\b[^.?!\n]{0,20}\bmich\b[^.?!\n]{0,50}\b(?:anzurufen|zu kontaktieren)\b",
        r"\bruf\w* (?:sie )?mich (?:\w+ )?nicht mehr an\b",
        r"\barrêtez de m'(?:appeler|téléphoner|contacter|démarcher|harceler)\b",
        # "i do not want to be called by your salespeople anymore", "stop nu eens met bellen" (round 12)
        r"\b(?:don't|dont|do not) want to be (?:called|phoned|rung|contacted|texted|approached)\b",
        r"\bwil (?:\w+ )?niet (?:meer |langer )?(?:gebeld|benaderd|gecontacteerd|ge-?sms't) worden\b",
        r"\bstop\w* (?:\w+ ){0,3}met (?:mij |me )?(?:te )?(?:bellen|sms'en|smsen|appen|benaderen)\b",
        r"\bhou\w* (?:\w+ ){0,2}op met (?:mij |me )?(?:bellen|sms'en|appen|benaderen)\b",
    ), negatable=False, blockers=rx(r"\bstoring", r"\boutage", r"\bdowntime")),
    # art. 7(3): consent to marketing withdrawn; the corpora read it as an objection (art. 21(2)-(3))
    Rule("objection.consent_withdrawn", _O, rx(
        r"\b(?:withdraw\w*|revok\w*) (?:my |the |all )?consents?\b",
        r"\btrek\w* (?:ik )?(?:hierbij )?(?:mijn|de) toestemming\b",
        r"\btoestemming\b[^.?!\n]{0,80}\b(?:in\s*(?:[.!,;]|$)|intrekken)",
        r"\bintrekk\w* (?:van )?(?:mijn )?toestemming\b",
        r"\bwiderruf\w*\b[^.?!\n]{0,30}\beinwilligung\w*", r"\beinwilligung\w*\b[^.?!\n]{0,60}\bwiderruf\w*",
        r"\b(?:retir\w*|révoqu\w*) (?:mon|le|mes) consentements?\b",
    ), needs=MARKETING, needs_context=True),
    # art. 21(1): "you may no longer use my data" without a pending check is an objection
    Rule("objection.no_further_use", _O, NOT_USE, needs_pd=True, negatable=False, blockers=rx(
        r"\b(?:totdat|zolang|until|till?|while|pending|in afwachting|bis|solange|jusqu'à|"
        r"tant que)\b",  # ("til": round 12)
        r"\b(?:behalve|except|other than|anders dan|alleen (?:nog )?voor|only for)\b", KEEP_NOT_DELETE.pattern,
        # temporary stops are restriction (art. 18), not objection
        r"\b(?:restrict\w*|beperk\w*|einschränk\w*|limit\w*|bevries\w*|freez\w*|in the meantime|meanwhile|"
        r"ondertussen|intussen|voorlopig|vooralsnog|for now|tijdelijk|temporar\w*|vorläufig|en attendant)\b",
    )),
    Rule("objection.stop_using_data", _O, rx(
        r"\b(?:stop\w*|ophouden|niet (?:meer )?(?:gebruiken|verwerken|delen))\b",
        r"\b(?:stop|cease)\w* (?:using|processing|sharing)\b", r"\b(?:not|don't|do not) (?:use|process|share)\b",
        r"\bi (?:do not|don't) (?:want|consent|agree)\b", r"\bik wil niet dat\b",
    ), needs=rx(
        r"\b(?:voor|for|aan|with|met) (?:marketing|reclame|profiling|profilering|analyse|analytics|"
        r"advertising|advertenties|derden|third parties|partners)\b",
        r"\b(?:delen|share|sharing|verkopen|sell|selling)\b",
        r"\bprofil\w*", r"\btracking\b",
    ), needs_pd=True, negatable=False, blockers=rx(
        r"\b(?:totdat|zolang|until|while|pending|in afwachting)\b",
    )),
    # ---- complaint (art. 77, or a privacy complaint to us) ----------------------------------------
    Rule("complaint.privacy_complaint", _C, rx(
        r"\bklacht\w*", r"\bklagen\b", r"\bbeklag\b", r"\bcomplain\w*", r"\bgrievance\b",
        r"\bbeschwerde\w*", r"\bbeschwer\w*", r"\bplainte\b", r"\bréclamation\b",
    ), needs=rx(
        PRIVACY_TOPIC.pattern, r"\bAP\b", r"\btoezichthouder\b", r"\bsupervisory\b", r"\bregulator\b",
        r"\bmijn gegevens\b", r"\bmy (?:data|details)\b", r"\bfunctionaris gegevensbescherming\b", r"\bdpo\b",
        r"\bzonder (?:mijn )?toestemming\b", r"\bwithout my (?:consent|permission)\b", r"\bpaspoort\w*",
        r"\bpassport\b", r"\bidentiteitsbewijs\b", r"\bid[- ](?:card|scan|kaart|bewijs)\b", MISDELIVERY.pattern,
    ), blockers=rx(r"\beventuele\b", r"\bmogelijke\b", r"\bpossible\b", r"\bpotential\b",
                   # a complaint under our review while the use is paused: a restriction's ground (round 11)
                   r"\b(?:solange|bis|until|while|pending|zolang|totdat|tant que|jusqu'à ce que|pendant que)\b"
                   r"[^.?!\n]{0,40}\b(?:beschwerde|complaint|klacht|plainte|réclamation)\b[^.?!\n]{0,80}\b(?:geprüft|"
                   r"bearbeitet|untersucht|reviewed|examined|investigated|assessed|considered|onderzocht|beoordeeld|"
                   r"behandeld|examinée|traitée|étudiée)\b")),
    Rule("complaint.privacy_grievance", _C, GRIEVANCE, needs=rx(
        PRIVACY_TOPIC.pattern, r"\bmijn gegevens\b", r"\bmy (?:data|details|privacy)\b",
        r"\bzonder (?:mijn )?toestemming\b", r"\bwithout my (?:consent|permission)\b",
    ), needs_context=True, negatable=False),
    Rule("complaint.to_authority", _C, AUTHORITY, needs=rx(
        r"\bmeld\w*", r"\bgemeld\w*", r"\bmelding\b", r"\bindienen\b", r"\bstap\w*\b", r"\bgaan\b", r"\bga\b",
        r"\binschakel\w*", r"\baangifte\b", r"\bvoorleggen\b", r"\bwenden\b", r"\binlichten\b",
        r"\bescalat\w*", r"\breport\w*", r"\bcontact\w*", r"\bgo(?:ing)? to\b", r"\btake\b",
        r"\bfile\b", r"\blodge\w*", r"\binform\w*", r"\bnotify\b", r"\bwend\w*", r"\bsaisi\w*",
        r"\bklacht", r"\bcomplain", r"\bbeschwer", r"\bplainte", r"\bréclamation\b", r"\bwent to\b",
        r"\bgewandt\b", r"\beingereicht\b", r"\beingebracht\b", r"\bgeh(?:e|en)?\b", r"\bsignal\w*",  # (round 11)
        r"\baangegeven\b", r"\bangezeigt\b", r"\bdénoncé\w*",  # ("heb jullie aangegeven bij de AP"; round 12)
        r"\bvoorgelegd\b", r"\bingeschakeld\b", r"\bingelicht\b", r"\bgeïnformeerd\b",  # (round 14)
    ), negatable=False, blockers=rx(
        r"\beventuele\b", r"\bmogelijke\b", r"\bpossible\b", r"\bpotential\b", OWN_BREACH.pattern,
        AUTHORITY_ASKS.pattern,
    )),
)

# Article citations: art. 15-18, 20, 21, 77 GDPR (AVG, DSGVO, RGPD). Strong evidence on their own.
_ARTICLE_LABEL = {"15": _A, "16": _R, "17": _E, "18": _S, "20": _P, "21": _O, "77": _C}
# "art. 15", "artikel 17", "Articles 15 and 16", "Art. 15, 16 en 17", "§ 21"; a range ("15-22", "15 t/m
# 22") names the rights in general (a privacy statement) and is not expanded.
_ARTICLE = re.compile(
    r"\b(?:art(?:ikel(?:en)?|icles?|ículos?|t?\.)?|§§?)\s*"
    # "17.1" is art. 17(1): the paragraph after a dot is read past; a range ("15-22") is no citation of its ends
    r"(\d{1,2}(?:\s*(?:,|and|en|und|et|&)\s*\d{1,2})*)\b(?:\.\d{1,2}\b)?(?!\s*(?:-|–|t/m|to|tot|bis|à)\s*\d)(?![.,]\d)",
    re.IGNORECASE,
)
_ARTICLE_NUMBER = re.compile(r"\d{1,2}")
_LAW = re.compile(
    r"\b(?:avg|gdpr|dsgvo|rgpd|uavg|ds-?gvo|algemene verordening gegevensbescherming|"
    r"general data protection regulation|datenschutz-grundverordnung|verordening|regulation|"
    r"verordnung|règlement|privacywet)\b",
    re.IGNORECASE,
)


# (the dot of "art. 15" or "Abs. 3" is none: a list of rights with its article numbers is one sentence; round 13)
_SENTENCE_END = re.compile(rf"[!?;\n]|\.{NUMBERED_ABBREVIATION}(?!(?<=\blit\.)[ \t]+[a-z]\b)|\.(?![ \t]*\d)")


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (the dots of "art." and "Abs." are no sentence ends)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), max(0, start - 6))), default=0)
    right = _SENTENCE_END.search(text, end + 6)
    return text[left : right.start() if right else len(text)]


def article_citations(text: str, skip: Callable[[RequestType, str], bool] | None = None
                      ) -> Iterable[tuple[RequestType, str]]:
    """The rights a text cites by article number in a law's context, as (label, "article.N");
    ``skip(label, sentence)`` leaves out a citation the sentence around it does not make a request of."""
    for m in _ARTICLE.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 90]
        if not _LAW.search(window):
            continue
        for number in _ARTICLE_NUMBER.findall(m.group(1)):
            if number in _ARTICLE_LABEL:
                label = _ARTICLE_LABEL[number]
                if skip is None or not skip(label, _sentence_at(text, m.start(), m.end())):
                    yield label, f"article.{number}"
