"""The structure of a message: its own text apart from quoted and forwarded parts, signatures and
disclaimers; reminders that re-assert a quote; sentences; the subject line; the language."""

from __future__ import annotations

import re

from privacy.recognition.prefilter import guarded

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
    r"),?\s*$",
    re.IGNORECASE,
)
# A legal footer: the company's confidentiality notice, often followed by its privacy notice ("you have the
# right to access, rectify or erase your data"): the company's boilerplate, never the writer's request.
# (``guarded``: searched in every line of every message, speed-up only, issue 19)
_DISCLAIMER = guarded(re.compile(
    r"\b(?:disclaimer|intended (?:solely|only) for|uitsluitend bestemd|niet de (?:beoogde )?geadresseerde|"
    r"not the intended recipient|bedoeld voor de geadresseerde|nicht der (?:richtige )?adressat|"
    r"destinataire prévu|confidentiality notice|(?:this|the) (?:e-?mail|message) (?:and any attachments )?"
    r"(?:is|are|may be|may contain) (?:\w+ )?confidential|(?:dit|deze) (?:e-?mail)?bericht (?:is|kan) vertrouwelijk|"
    r"(?:diese|die) (?:e-?mail|nachricht) (?:ist|enthält|kann) (?:\w+ )?vertraulich|"
    r"ce (?:message|courriel|mail)\b.{0,40}\b(?:est|sont) (?:strictement )?confidentiel|"
    r"(?:received|receive) (?:this|it) (?:e-?mail |message )?(?:in error|by mistake)|"
    r"(?:onterecht|per abuis|abusievelijk) ontvangen|irrtümlich erhalten|reçu (?:ce message |ce courriel )?par erreur|"
    r"pas (?:le |la )?destinataire|aan dit bericht kunnen geen rechten)",
    re.IGNORECASE,
))
# A privacy notice opening a line after the signature ("We process personal data in accordance with the GDPR. You have
# the right to ..."): the writer's company tells its own readers their rights (issue 18, round 14)
_PRIVACY_NOTICE = re.compile(
    r"\s*(?:(?:we|wij|wir|nous) (?:process|handle|verwerken|verarbeiten|traitons)\b|"
    r"(?:you have|u heeft|u hebt|sie haben|vous (?:avez|disposez))\b[^.\n]{0,20}\b(?:right|rights|recht|droit)\b)",
    re.IGNORECASE,
)
# An automatic reply (out of office): it names where to send a privacy request, it makes none. Looked for at
# the top of the message only: a request above a quoted auto-reply is still read.
_AUTO_REPLY = re.compile(
    r"\A\W*(?:(?:automatic|auto)[- ]?reply|out of (?:the )?office(?! hours)|automatisch antwoord|afwezigheidsmelding|"
    r"automatische antwort|abwesenheitsnotiz|réponse automatique|absence du bureau)\b"
    r"|\A(?:[^\n]*\n){0,3}[^\n]*?(?:"
    r"\b(?:i am|i'm|i will be) (?:currently )?(?:out of (?:the )?office|away|on (?:\w+ )?leave|on holiday|on vacation)"
    r"\b[^\n]{0,60}\b(?:until|till|returning)\b|"
    r"\bik ben (?:tot en met|t/m|tot)\b[^\n]{0,40}\b(?:afwezig|met vakantie|niet aanwezig)\b|"
    r"\bik ben (?:afwezig|met vakantie|op vakantie|niet aanwezig) (?:tot|t/m|van)\b|"
    r"\bbin (?:bis|vom)\b[^\n]{0,40}\b(?:nicht im büro|abwesend|im urlaub|nicht erreichbar)\b|"
    r"\bbin (?:derzeit |zurzeit )?(?:nicht im büro|abwesend|im urlaub) bis\b|"
    r"\bje suis (?:absente?|en congés?|en vacances) (?:jusqu'au|jusqu'à|du)\b)",
    re.IGNORECASE,
)
_POSTSCRIPT = re.compile(r"^\s*(?:p\.?\s?s\.?|nb|n\.b\.)\s*[:.]?\s", re.IGNORECASE)
# Words that make a reply re-assert the message it quotes (a reminder, "see my request below").
# Bare "again"/"below" are not enough: "thanks again!" over our own quoted reply asserts nothing.
REMINDER = re.compile(
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
# A reply that withdraws what it quotes ("please ignore my previous email", "negeer mijn vorige mail", "vergeet mijn
# eerdere verzoek"): the quote is no request, whatever reminder words stand beside it (issue 18, round 10).
WITHDRAWAL = re.compile(
    r"\b(?:ignore|disregard|forget|negeer|vergeet|ignorieren sie|vergessen sie|oubliez|ne tenez pas compte de)\b"
    r"[^.?!\n]{0,20}\b(?:my|mijn|m'n|meine[nr]?|mon|ma|the|het|de|die|le|la)\b[^.?!\n]{0,15}\b(?:previous|earlier|"
    r"last|original|vorige|eerdere|laatste|oorspronkelijke|letzte|vorherige|frühere|précédente?|dernière?)\b",
    re.IGNORECASE,
)
# The dot of an article or paragraph abbreviation before its number ("art. 15", "Art. 18 Abs. 1 lit. d", "art. 12
# al. 3", "Art. 15 para. 3") ends no sentence. Split there, a letter's list of rights with its article numbers was
# read right by right, each fragment naming one right and none of them a list (issue 18, round 13).
NUMBERED_ABBREVIATION = (r"(?<!\b[Aa]rt\.)(?<!\bArtikel\.)(?<!\b[Aa]bs\.)(?<!\bal\.)(?<!\blit\.)(?<!\bpara\.)"
                         r"(?<!\bpar\.)(?<!\b[Nn]r\.)(?<!\b[Nn]o\.)(?<!\b[Zz]iff\.)")
_GERMAN_MONTH = (r"(?i:j[aä]nn?er|januar|feber|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
                 r"dezember)\b")
# ("lit." takes a letter: "Art. 6 Abs. 1 lit. f")
# (nor the ordinal dot of a German date, "bis zum 30. Juni": the condition before it holds the sentence; round 14)
# (every split is white space: the leading look-ahead, implied by each branch, fails at once at most places where the
# branches' look-behinds were tried; the same splits, issue 19)
_SENTENCE_SPLIT = re.compile(rf"(?=\s)(?:(?<=[.!?;])(?!(?<=\d\.)\s+{_GERMAN_MONTH})\s+(?![\s\d])"
                             rf"(?!(?<=\blit\.\s)[a-z]\b)|(?<=[.!?;]){NUMBERED_ABBREVIATION}\s+(?=\d)|\n+)")

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
    and is kept. A closing inside the quoted part ends nothing: the quote is read (if at all) whole. A legal
    footer after the signature ends the own text (the company's privacy notice names rights, it asks for
    none); an automatic reply (out of office) has no own text at all. A reply written below a quote whose lines are
    marked with ">" (bottom-posting: "On 2 May X wrote:", "> ...", then the answer) is the writer's own again after
    the marked lines; an unmarked quote after its header (Outlook) runs to the end.
    """
    own: list[str] = []
    quoted: list[str] = []
    in_quote = False
    marked: bool | None = None  # whether the quote after a header is marked with ">" (None: not known yet)
    in_signature = False
    in_footer = False  # a legal footer after the signature runs to the end of the message or the quote
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            quoted.append(line.lstrip("> \t"))
            marked = True if in_quote and marked is None else marked
            continue
        if not in_quote and (_FORWARD_MARK.match(line) or ((own or in_signature) and _QUOTE_START.match(line))):
            in_quote, marked = True, None
            continue
        if in_quote and marked and line.strip():
            in_quote = False  # the marked quote ended: the writer answers below it (round 12)
        elif in_quote:
            if line.strip():
                marked = False
            quoted.append(line)
            continue
        if in_footer or (in_signature and not (_POSTSCRIPT.match(line) or len(line.strip()) >= 70)):
            continue
        if _DISCLAIMER.search(line):
            in_footer = in_signature
            continue
        if in_signature and _PRIVACY_NOTICE.match(line):
            in_footer = True  # the writer's company's privacy notice: the reader's rights, no request (round 14)
            continue
        if own and _SIGNATURE_START.match(line):
            in_signature = True
            continue
        own.append(line)
    if _AUTO_REPLY.search("\n".join(own)[:600]):
        return "", ""
    return "\n".join(own), "\n".join(quoted)


# A line break after a long line that does not end a sentence is a hard wrap (RFC 3676 / mail clients
# wrapping at ~72 columns), not a break between thoughts: join such lines before splitting.
# (the leading look-ahead is implied by the rest; it fails at once where the 45-character look-behind was read at every
# place of the text: the same matches, issue 19)
_SOFT_WRAP = re.compile(r"(?=[ \t]*\n)(?<=[^\n]{45})(?<![.!?:;])[ \t]*\n(?=[ \t]*\S)")


def unwrap(text: str) -> str:
    """The text with its hard-wrapped lines joined: what ``split_sentences`` cuts."""
    return _SOFT_WRAP.sub(" ", text)


def split_unwrapped(text: str) -> list[str]:
    """The sentences and lines of an ``unwrap``-ped text (each a piece of it)."""
    return [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences and lines of a text, hard-wrapped lines joined first."""
    return split_unwrapped(unwrap(text))


_SUBJECT = re.compile(r"^\s*(?:onderwerp|subject|betreff|objet)\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE)


def subject_line(text: str) -> str:
    """The subject of a quoted or pasted header line ("Subject: ..."), or ""."""
    match = _SUBJECT.search(text)
    return match.group(1) if match else ""
