"""The cue words of each request type: what the model may label on its own needs one of them in the message.

The model's n-grams score a message's air of a request, and a request score with the likeliest type is not
enough ("is my personal data safe if I store invoices with you?" read as an erasure, "tell me what you are
doing about the outage" as access), so ``recognizer.model_may_label`` asks for a word of the type's action or
object here. Split from ``lexicon`` (which keeps the vocabulary the rules share) when that reached the module
size limit; every pattern is a case-insensitive alternation (``lexicon.rx``).
"""

from __future__ import annotations

from privacy.recognition.lexicon import ERASE_VERB, MARKETING, NOT_USE, PD_FIELD, PD_STRONG, PD_WEAK, PRIVACY_TOPIC, rx

# What makes a complaint a privacy complaint (art. 77, or to us about our processing): a privacy topic,
# the writer's personal data, an authority, consent or a misdelivery. Without any of these a complaint is
# about service, and the model may not call it a privacy complaint on its own.
COMPLAINT_CUE = rx(
    r"\b(?:AP|toezichthouder|supervisory|regulator|aufsichtsbehörde|datenschutzbeauftragte\w*|autorité de contrôle|"
    r"dpo|functionaris gegevensbescherming|délégué à la protection des données)\b",
    r"\b(?:toestemming|consent|einwilligung|zustimmung|consentement|vie privée)\b",
)
# What makes details a correction (art. 16): something changed or wrong. "My address is ..., call me" in a
# support mail gives contact details; the model may not read that as rectification on its own.
RECTIFY_CUE = rx(
    r"\b(?:wijzig\w*|aanpass\w*|aangepast|bijwerk\w*|bijgewerkt|updat\w*|correct\w*|corrig\w*|verbeter\w*|"
    r"goedzet\w*|onjuist\w*|verkeerd\w*|fout\w*|wrong|incorrect\w*|typo|fix\w*|korrig\w*|mistake\w*|typfout\w*|\w*spel\w*|nieuw\w*|new|"
    r"neue?[nrs]?|nouve\w*|verhuisd|moved|umgezogen|déménag\w*|change\w*|änder\w*|berichtig\w*|modifi\w*|"
    r"rectifi\w*|klopt|niet|not|nicht|pas|instead|ipv|statt|heet|heiße|getrouwd|married|geheiratet|mariée?|"
    r"oude?|old|alte[nrs]?|ancien\w*|outdated|verouderd|falsch\w*|erron\w*|faute)\b",
)
# Erasure: a verb of erasing, or of going, vanishing, forgetting, closing, taking out ("alles weg graag",
# "get me out of your database", "oubliez-moi", "ich will in keiner Datenbank mehr stehen").
ERASE_CUE = rx(
    ERASE_VERB.pattern, r"\bweg\w*", r"\bverdw[ie]\w*", r"\boubli\w*", r"\bdispar\w*", r"\bvergess\w*", r"\bvergiss\w*",
    # "forgotten" as in the right to be forgotten, not "I have forgotten to add an item" or "a forgotten password"
    r"\bvergeet\b", r"(?<!have )(?<!'ve )(?<!had )(?<!has )(?<!\ba )\bforgotten\b(?! (?:my |the |your )?(?:password|"
    r"pass\w*|pin|login|user ?name|username|key)s?\b)", r"\bclear\w* out\b", r"\bclos\w*", r"\bfermer\b", r"\bfermez\b",
    r"\bschlie(?:ß|ss)\w*", r"\bophef\w*", r"\bopzeg\w*", r"\bkündig\w*", r"\brésili\w*", r"\bretir\w*",
    r"\bsteh\w*", r"\bfigur\w*", r"\bsta(?:at|an)?\b", r"\bstond\w*", r"\bgestaan\b", r"\blisted\b",
    r"\b(?:in|on|from|uit|aus|de) (?:your|jullie|uw|je|ihr\w*|vos|votre) (?:system\w*|systeem|database\w*|databank|"
    r"bestand\w*|records|files|list\w*|lijst\w*|kartei|fichier\w*)\b", r"\bhal\w*", r"\bgehaald\b",
    r"\bgone\b(?! through)",  # "my data gone", not "the verification has not gone through" (processed; round 9)
    r"\bout of\b", r"\beruit\b", r"\buit (?:jullie|uw|je|het|de)\b", r"\bstreich\w*", r"\bnuke\w*",
    r"\btak\w* (?:\w+ )?off\b", r"\boff (?:your|the|ur)\b",
    r"\bkeep\w*|\bbewar\w*|\baufbewahr\w*|\bgard\w*|\bretain\w*|\bspeicher\w*",
)
# Information or details, but not about a topic ("give me information about order cancellations" asks for no data
# of the writer's).
_INFO_NOT_TOPIC = (
    r"\b(?:info(?!rmier|rmeer|rmeren|rmez)\w*|details)\b(?!(?: (?:sie|u|je|jullie|you|me|mich|mij|moi|"
    r"us|uns|ons|nous))* (?:about|on|regarding|concerning|über|zu[mr]?|over|omtrent|sur|concernant) (?!me\b|"
    r"my\b|mine\b|myself\b|mich\b|mir\b|mein\w*|mij\b|mijn\b|moi\b|mes\b|mon\b|ma\b|what\b|which\b|who\b|"
    r"all\b|any\b|everything\b|alles\b|wat\b|welke\b|the (?:data|personal|info\w*|details|records?)\b))(?! (?:do|"
    r"does|would|will) (?:you|u) (?:need|require)\b)"
)
# Access: data, a record or a copy of it, or something about the writer ("what do you have on me?").
DATA_CUE = rx(
    PD_STRONG.pattern, PD_WEAK.pattern, PD_FIELD.pattern, PRIVACY_TOPIC.pattern,
    _INFO_NOT_TOPIC,
    r"\b(?:data|daten|donnée\w*|gegevens|records?|recordings?|opnames?|opnamen|aufzeichnung\w*|"
    r"enregistrement\w*|notes?|notitie\w*|dossier|akte|copy|kopie|copie|auskunft\w*|inzage\w*|access|accès)\b",
    r"\b(?:on|about|of|over|van|sur|über|von) (?:me|mij|moi|mich)\b", r"\w*(?:nummer|number|numéro)\b(?! of\b)",
    r"\b(?:paspoort\w*|passport|ausweis\w*|rijbewijs|permis|license|licence)\b",
)

# Portability: the data in a form to take along, or to another provider ("give me everything I entered in a
# spreadsheet", "transmettez-le à mon nouveau fournisseur"); "switch to my new profile" has none.
PORT_CUE = rx(
    r"\bexport\w*", r"\bdownload\w*", r"\bcop(?:y|ies)\b", r"\bkopie\w*", r"\bcopie\w*", r"\btransf[eè]r\w*",
    r"\btransmet\w*", r"\btransmi[st]\w*", r"\bmov\w*", r"\bmigr\w*", r"\boverzet\w*", r"\boverge(?:zet|dragen)\b",
    r"\boverdr[ae]\w*", r"\boverhevel\w*", r"\bmee ?(?:te )?nem\w*", r"\bmeeneem\w*", r"\bmitnehm\w*",
    r"\bmitzunehm\w*", r"\bübertr\w*", r"\bübermitt\w*", r"\brécupér\w*", r"\btélécharg\w*", r"\bemport\w*",
    r"\breprendre\b", r"\bformat\w*", r"\b(?:csv|json|xml|excel|spreadsheet|tableur)\b", r"\bmachine\w*",
    r"\bmaschinen\w*", r"\bbestand\w*", r"\bfiles\b", r"\b(?:a|the|in|as|one|my|that|this) file\b",
    r"\bdatei\w*", r"\bfichier\w*", r"\bportab\w*",
    r"\bportier\w*", r"\bport(?:ing|eren)?\b", r"\bconcurrent\w*", r"\bcompetitor\w*", r"\bsend\b", r"\bstuur\w*",
    r"\bschick\w*", r"\benvo\w*", r"\bdoorst\w*", r"\bweiterleit\w*", r"\bstructured\b", r"\bgestructureerd\w*",
    r"\b(?:another|other|new|next|andere|nieuwe|anderen?|neuen?|autre|nouvel\w*|nouveau) (?:\w+ )?(?:provider|"
    r"supplier|company|service|host\w*|aanbieder|leverancier|partij|bedrijf|anbieter|dienst\w*|fournisseur|"
    r"prestataire|opérateur)\b",
)
# Restriction: a verb of restricting, pausing or not using, or the data it is about (every restriction request
# names data, a record or its use); "I have to buy a few of your items" names none.
RESTRICT_CUE = rx(
    r"\brestrict\w*", r"\bbeperk\w*", r"\b(?:ein)?schränk\w*", r"\blimit\w*", r"\bsperr\w*", r"\bblok\w*",
    r"\bblock\w*", r"\bbloqu\w*", r"\bbevr\w*", r"\bfreez\w*", r"\bfrozen\b", r"\bon hold\b", r"\bpau[sz]\w*",
    r"\bopschort\w*", r"\baussetz\w*", r"\bsuspen\w*", _INFO_NOT_TOPIC, r"\b(?:data|daten|donnée\w*|gegevens|"
    r"dossier|notitie|notes?|records?|tickets?)\b", NOT_USE.pattern, r"\bweiterg\w*", r"\btransmet\w*",
    r"\bcommuniq\w*", r"\bdelen\b", r"\bshar\w*", r"\bdoorg\w*", r"\bdoor\b", r"\bkeep\b",
    r"\bgesperrt\b", r"\bweiter\b", r"\bvermerk\w*",
)
# Opting in is the opposite of objecting: "help me subscribe to your newsletter" names marketing, which is all
# the model's n-grams see. OPT_IN without OPT_OUT keeps the model from objection.
OPT_IN = rx(
    r"\bsubscrib\w*", r"\bsign(?:ing|ed|s)? ?up\b", r"\bsignup\b", r"\baanmeld\w*", r"\binschrijv\w*",
    r"\bingeschreven\b", r"\banmeld\w*", r"\bangemeldet\b", r"\babonn\w*", r"\binscri\w*", r"\bopt(?:ing|ed)? ?in\b",
)
OPT_OUT = rx(
    r"\bunsubscri\w*", r"\bcancel\w*", r"\bstop\w*", r"\bremov\w*", r"\boff\b", r"\bopt\w* ?out\b", r"\bafmeld\w*",
    r"\bafgemeld\b", r"\buitschrijv\w*", r"\buitgeschreven\b", r"\babmeld\w*", r"\babgemeldet\b", r"\babbestell\w*",
    r"\bdésabonn\w*", r"\bdésinscri\w*", r"\bopzeg\w*", r"\bkündig\w*", r"\brésili\w*", r"\bno more\b", r"\bgeen\b",
    r"\bniet\b", r"\bnicht\b", r"\bkein\w*", r"\bpas\b", r"\bplus\b", r"\bnever\b", r"\bnooit\b", r"\bnie\b",
    r"\bjamais\b", r"\bnot\b", r"n't\b", r"\bno\b", r"\bwithout\b", r"\bzonder\b", r"\bohne\b", r"\bsans\b",
    r"\baufhör\w*", r"\bhör\w* (?:\w+ )?auf\b", r"\barrêt\w*", r"\bophoud\w*", r"\bcess\w*",
)

# Objection: marketing, processing, sharing, consent, calls or mailings ("stop sending me the usage report": a
# service mail, nothing to object to).
OBJECTION_FIRM = rx(
    MARKETING.pattern, NOT_USE.pattern, r"\bbezwaar\w*", r"\bobject\w*", r"\bwiderspr\w*", r"\boppos\w*",
    r"\bverwerk\w*", r"\bprocess\w*", r"\bprofil(?:ing|ering|ierung|age)\b", r"\btracking\b", r"\banaly\w*",
    r"\bcookies?\b", r"\bdelen\b", r"\bshar\w*", r"\bsell\w*", r"\bsold\b", r"\bverko\w*", r"\bweitergeb\w*",
    r"\bpartner\w*", r"\bderden\b", r"\bthird[- ]part\w*", r"\bdritte\w*", r"\btiers\b", r"\btoestemming\b",
    r"\bconsent\w*", r"\beinwilligung\w*", r"\bzustimm\w*", r"\bconsentement\b", r"\baccord\b", r"\bpub\b",
    r"\bspam\w*", r"\bdeals?\b", r"\btips?\b", r"\bnews\w*", r"\bnieuws\w*", r"\bflyer\w*", r"\bfolder\w*",
    r"\bcatalog\w*", r"\bkatalog\w*", r"\bprospectus\b", r"\bsurvey\w*", r"\benquête\w*", r"\bumfrage\w*",
    r"\bunsubscrib\w*", r"\bafmeld\w*", r"\babmeld\w*", r"\bdésabonn\w*", r"\bdésinscri\w*", r"\buitschrijv\w*",
    r"\babbestell\w*", r"\bopt\w*",
    # an opt-out in so many words ("take me off this, never asked for it")
    r"\b(?:take|get) me off\b", r"\bremove me from\b", r"\bhaal\w* (?:me|mij|ons)\b",
    r"\bnever (?:asked|signed up|subscribed|opted)\b", r"\bnooit (?:om gevraagd|aangemeld|ingeschreven)\b",
    r"\bnie (?:bestellt|angemeldet|abonniert)\b", r"\bjamais (?:demandé|inscrit\w*|abonné\w*)\b",
)
# Calls, texts, mail, post, an app: what an objection is about, but also every errand ("check my e-mails", "send
# Mary an e-mail"); the model may object on them alone only beside an opt-out word (OPT_OUT, issue 18).
OBJECTION_CHANNEL = rx(
    r"\bbel\w*", r"\bgebeld\b", r"\bcall\w*", r"\bphon\w*", r"\banruf\w*", r"\bangerufen\b", r"\bappel\w*",
    r"\bsms\w*", r"\btext\w*", r"\bwhatsapp\b", r"\bapp\w*", r"\bpost\b", r"\bbrie\w*", r"\bmailt?\w*",
    r"\be-?mails?\b",
)
OBJECTION_CUE = rx(OBJECTION_FIRM.pattern, OBJECTION_CHANNEL.pattern)

# Data of a legal person is no personal data (recital 14 GDPR): "we have moved, please update our
# address" from a B.V. is account administration, not rectification.
# COMPANY_SELF: the writer is a company ("B.V.", "we have moved", "the company moved", "our office"); beside it a
# company's details to change ("bedrijfsnaam") may also be wrongly attached to a private person ("a company name
# that is not mine: I am a consumer"), so only the writer's own framing keeps the model from rectification.
COMPANY_SELF = rx(
    r"\b(?:b\.v\.|bv|n\.v\.|v\.o\.f\.|vof|bvba|gmbh|ltd|llc|inc)\b",
    r"\b(?:wij|we) zijn verhuisd\b", r"\bwe(?: have|'ve)? moved\b",
    r"\b(?:the|our|my) (?:company|business|firm|shop|office|practice) (?:has )?moved\b",
    r"\b(?:het|ons|mijn) (?:bedrijf|kantoor|winkel|zaak|praktijk) is verhuisd\b",
    r"\b(?:die|unsere|meine) (?:firma|praxis|kanzlei) ist umgezogen\b",
    r"\b(?:la|notre|ma) (?:société|entreprise|boutique) a déménagé\b",
    r"\b(?:ons|onze|our) (?:bedrijf|company|firm|organisatie|organi[sz]ation|kantoor|office|vestiging|"
    r"bedrijfsgegevens|factuuradres|billing address|gegevens|details|adres|address|telefoonnummer|phone number)\b",
)
COMPANY_FRAMING = rx(
    COMPANY_SELF.pattern, r"\bbedrijfs(?:gegevens|adres|naam)\b", r"\bcompany (?:details|address|name)\b",
)

# An earlier request checked on as done ("is mijn afmelding toch al verwerkt?", "has my opt-out already been
# processed?"), and the writer's own duty to report a breach ("do I have to report a data breach to the ICO?"): the
# model's n-grams read a request, the writer asks about one (round 12). A reminder ("still", "yet") is no such check.
ALREADY_DONE_CHECK = rx(
    r"\b(?:al|already|schon|déjà)\b[^.?!\n]{0,20}\b(?:verwerkt|afgehandeld|uitgevoerd|geregeld|processed|handled|done|"
    r"dealt with|actioned|erledigt|bearbeitet|umgesetzt|traitée?s?|effectuée?s?)\b",
)
OWN_REPORT_DUTY = rx(
    r"\b(?:moeten|moet|hoeven) (?:wij|we|ik)\b[^.?!\n]{0,40}\bmeld\w*", r"\b(?:do|should|must|have to) (?:we|i)\b"
    r"[^.?!\n]{0,20}\b(?:report|notify)\b", r"\bmeldplicht\w*\b", r"\bobliged to (?:report|notify)\b",
    r"\b(?:müssen|muss) (?:wir|ich)\b[^.?!\n]{0,40}\bmelden\b",
    r"\b(?:dois|devons)[- ](?:je|nous)\b[^.?!\n]{0,40}\bnotifier\b",
)

# Words that ask to see, know or receive: without one of them beside an erasure, "alles wat jullie van mij hebben"
# is the object of the erasure, not an access request (the model's n-grams read the object as access). Question
# words (what, welke) are not among them: they open the relative clause of that very object.
ACCESS_CUE = rx(
    r"\b(?:kopie|copy|copie|kopien?|inzage|inzien|zien|see|show|weten|know|wissen|savoir|tell|vertel\w*|stuur\w*|"
    r"send\w*|envoy\w*|schick\w*|overzicht|overview|übersicht|auskunft|access|accès|export\w*|receive|ontvangen|"
    r"erhalten|recevoir|before|voordat|eerst|first|bevor|avant|d'abord)\b",
)
