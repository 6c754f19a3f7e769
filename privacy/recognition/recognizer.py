"""The recogniser: every rule on every sentence of a message's own text (and of a quote it re-asserts),
then the labels with the rules that fired."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from privacy.recognition.answered import ERASURE_DONE, RESUBSCRIBE
from privacy.recognition.held import held_back, no_request, not_made
from privacy.recognition.lexicon import (
    ALL_PROCESSING,
    ANAPHOR,
    BULK_FOOTER,
    DELIVERY_ADDRESS,
    DONE_REPORT,
    ERASE_VERB,
    MARKETING,
    MISDELIVERY,
    NEGATION,
    NOT_DONE,
    OWN_BREACH,
    OWN_MAILING,
    PD_FIELD,
    PD_STRONG,
    PD_WEAK,
    PRIVACY_TOPIC,
    RECEIPT,
    SUPPORT_OBJECT,
    THIRD_PARTY,
)
from privacy.recognition.message import (
    REMINDER,
    WITHDRAWAL,
    guess_language,
    split_message,
    split_sentences,
    split_unwrapped,
    subject_line,
    unwrap,
)
from privacy.recognition.model_cues import (
    ACCESS_CUE,
    ALREADY_DONE_CHECK,
    COMPANY_FRAMING,
    COMPANY_SELF,
    COMPLAINT_CUE,
    DATA_CUE,
    ERASE_CUE,
    OBJECTION_CHANNEL,
    OBJECTION_CUE,
    OBJECTION_FIRM,
    OPT_IN,
    OPT_OUT,
    OWN_REPORT_DUTY,
    PORT_CUE,
    RECTIFY_CUE,
    RESTRICT_CUE,
)
from privacy.recognition.own_privacy import asks_about_own_privacy
from privacy.recognition.prefilter import Cue, Folded, TriggerIndex
from privacy.recognition.rules import RULES, Rule, article_citations
from privacy.recognition.types import TYPE_VALUES, Recognition, RequestType
from privacy.recognition.vote import decide, score, thresholds, weak_types_matter
from privacy.recognition.withdrawn import reports_earlier_ask, withdraws


@lru_cache(maxsize=4096)
def _pd_in(sentence: str, fields_count: bool) -> bool:
    """Is this sentence about the writer's own personal data?"""
    text = Folded(sentence)
    if _THIRD_PARTY.found_in(text):
        return False
    if _PD_STRONG.found_in(text):
        return True
    if fields_count and _PD_FIELD.found_in(text):
        return True
    weak = _PD_WEAK.found_in(text) or _PD_FIELD.found_in(text)
    return weak and not _SUPPORT_OBJECT.found_in(text)


@lru_cache(maxsize=4096)
def _has_personal_data(sentence: str, before: str, fields_count: bool) -> bool:
    """Personal data in the sentence, or named just before and pointed back at ("delete it")."""
    if _pd_in(sentence, fields_count):
        return True
    # A pronoun, or an elliptic follow-up of a few words ("If so, I want copies."), points back.
    return (
        bool(before)
        and bool(ANAPHOR.search(sentence) or len(sentence.split()) <= 6)
        and not SUPPORT_OBJECT.search(sentence)
        and not THIRD_PARTY.search(before)
        and _pd_in(before, True)
    )


# French negation around the verb: "ne supprimez pas", "n'effacez jamais", "ne les utilisez plus".
_NE_BEFORE = re.compile(r"\b(?:ne|n')\s*(?:(?:les|la|le|l'|me|m')\s*)?$", re.IGNORECASE)
_PAS_AFTER = re.compile(r"^\w*\s+(?:pas|plus|jamais)\b", re.IGNORECASE)
# A negation does not reach across a comma or a conjunction into the next clause.
_CLAUSE_JOIN = re.compile(r"[,;]|\b(?:and|en|und|et|but|maar|aber|mais|or|oder|ou)\b", re.IGNORECASE)
_POST_NEGATION = re.compile(r"^[^,.;:!?\n]{0,40}\b(?:niet|nicht|pas)\s*(?:[,.;:!?]|$)", re.IGNORECASE)
# An erasure refused in a restriction (issue 18, round 14): its object is "nothing" ("löschen Sie nichts", "ne supprimez
# rien"), it is done "without" ("ohne sie zu vernichten", "sans toutefois les détruire", "without erasing them", "zonder
# ze te wissen"), or the writer does not want it ("ik wil niet dat u de gegevens nu wist", "je ne veux pas que vous
# les supprimiez"); the French adverb between verb and "pas" ("ne les supprimez surtout pas")
_NOTHING_AFTER = re.compile(r"^\s*(?:sie |u |jullie |vous )?(?:(?:bitte|aub|svp|surtout) )?(?:nichts|niets|rien)\b",
                            re.IGNORECASE)
_WITHOUT_BEFORE = re.compile(r"\b(?:ohne|sans|without|zonder)\s+(?:(?:toutefois|jedoch|however|evenwel|sie|les|them|"
                             r"ze|die|de|mes|meine|mijn|my|gegevens|daten|données)\s+){0,3}(?:zu\s+|te\s+)?$",
                             re.IGNORECASE)
_NOT_WANTED_BEFORE = re.compile(r"\b(?:(?:wil|willen) niet dat|(?:möchte|will|wollen) nicht,? dass|ne (?:veux|voulons) "
                                r"pas que|(?:don't|do not) want (?:you|them) to)\b[^,.;:!?\n]{0,50}$", re.IGNORECASE)
_ADVERB_PAS_AFTER = re.compile(r"^\w*\s+(?:surtout|absolument|encore|toujours|jamais)\s+(?:pas|rien)\b", re.IGNORECASE)


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negation just before the trigger ("ik wil mijn gegevens niet verwijderen"), or closing its
    clause in Dutch, German and French word order ("verwijder mijn gegevens niet, ...")."""
    window = sentence[max(0, start - 24) : start]
    before = NEGATION.search(window)
    if before:  # "no more ads and delete my data": the negation is of the clause before the conjunction
        window = _CLAUSE_JOIN.split(window)[-1]
        before = NEGATION.search(window)
    if before and RECEIPT.search(window[before.start():]):
        before = None  # "I haven't received a copy": the negation is of the receipt; the request stands
    after = sentence[end:]
    french = _NE_BEFORE.search(window) and (_PAS_AFTER.match(after) or _ADVERB_PAS_AFTER.match(after))
    refused = (_NOTHING_AFTER.match(after) or _WITHOUT_BEFORE.search(sentence[max(0, start - 40) : start])
               or _NOT_WANTED_BEFORE.search(sentence[max(0, start - 80) : start]))
    return bool(before or french or refused or _POST_NEGATION.search(after))


class _RuleCues:
    """A rule's patterns as ``prefilter.Cue``s, for the sentences they are only asked about (issue 19)."""

    def __init__(self, rule: Rule) -> None:
        self.trigger = Cue(rule.trigger)
        self.blockers = None if rule.blockers is None else Cue(rule.blockers)
        self.needs = None if rule.needs is None else Cue(rule.needs)


def _rule_fires(rule: Rule, text: Folded, before: str, after: str, subject: str, within: Folded | None = None,
                message: str = "") -> str | None:
    """None when the rule does not fire in the sentence ``text`` (of the ``message``, its sentences joined by line
    breaks; ``within``: a folded text that holds every sentence of it, for its trigrams); ``HELD`` when it would
    but its trigger is negated ("verwijder mijn gegevens niet": the model may not overrule the negation); "" when it
    fires."""
    # The trigger first: most rules do not trigger on most sentences, so this is the cheap exit; the
    # negation of its matches last, for a rule whose every other condition holds.
    cues = _RULE_CUES.get(id(rule)) or _RuleCues(rule)
    if not cues.trigger.found_in(text, within):
        return None
    if cues.blockers is not None and cues.blockers.found_in(text, within):
        return None
    sentence = text.text
    if cues.needs is not None and not cues.needs.found_in(text, within):
        context = (message if rule.needs_in_message and within is not None
                   else f"{before}\n{after}\n{subject}" if rule.needs_context or rule.needs_in_message else "")
        if not context.strip() or not cues.needs.pattern.search(context):
            return None
    if rule.needs_pd and not _has_personal_data(sentence, before, rule.fields_count):
        return None
    negated = rule.negatable and all(_negated(sentence, m.start(), m.end()) for m in rule.trigger.finditer(sentence))
    return HELD if negated else ""


# The prefix of a rule name whose right is named but not exercised (see ``_no_request``) ...
HELD = "held:"
# ... and of one whose trigger the writer negated ("verwijder ze niet"): a refusal of that right only,
# which says nothing against another type the model reads in the message.
NEGATED = HELD + "negated:"
# A formal complaint, read as a privacy complaint when the message names a privacy topic elsewhere.
_FORMAL_COMPLAINT = re.compile(r"\b(?:formele|formal|officiële|official) (?:klacht|complaint)\b", re.I)
_OPT_OUT_ONLY = re.compile(
    r"^\W*(?:stop|stopp|unsubscribe|afmelden|uitschrijven|abmelden|abbestellen|désabonner|opt[- ]?out)"
    r"(?:\W+(?:pls|please|aub|graag|a\.u\.b\.|svp|bitte|thanks|bedankt|dank ?je))?\W*$",
    re.IGNORECASE,
)


# Requests are made in the first screens of a message; past this the rest (a pasted log, a long
# thread) is not read, which bounds the time a pathological message can take.
_MAX_SCAN_CHARS = 20_000


# The rules' trigger words (``prefilter``): a rule none of whose words is in a sentence cannot fire there,
# so it is not tried. The words are looked for once in the message, then among those in each sentence.
_INDEX = TriggerIndex(RULES)
# asked of every message's text (``_scan``), as cues of the text folded once per message (speed-up only, issue 19)
_PRIVACY_TOPIC, _OWN_BREACH = Cue(PRIVACY_TOPIC), Cue(OWN_BREACH)
_RULE_CUES = {id(rule): _RuleCues(rule) for rule in RULES}
# what ``_pd_in`` asks of a sentence
_THIRD_PARTY, _PD_STRONG, _PD_WEAK, _PD_FIELD, _SUPPORT_OBJECT = (
    Cue(p) for p in (THIRD_PARTY, PD_STRONG, PD_WEAK, PD_FIELD, SUPPORT_OBJECT))


def _scan(text: str, text_folded: Folded | None = None) -> Iterator[tuple[RequestType, str]]:
    """Each request the text makes, as (label, name of the rule that found it), in the order found; ``text_folded``:
    the text folded, if the caller has it (whole: a text longer than the scan reads is folded again, cut)."""
    if len(text) > _MAX_SCAN_CHARS:
        text, text_folded = text[:_MAX_SCAN_CHARS], None
    yield from article_citations(text, no_request)
    subject = subject_line(text)
    unwrapped = unwrap(text)
    parts = split_unwrapped(unwrapped)
    index = _INDEX
    message = "\n".join(parts)
    # Every sentence is in ``whole``, so its literals are the sentences' and more, and its trigrams those the sentences'
    # literals are looked up among: the message's text folded when unwrapping joined no line (then every sentence is a
    # piece of it), else the sentences joined; one fold and one trigram set fewer per message (issue 19).
    whole = text_folded if text_folded is not None and unwrapped == text else Folded(message)
    in_text = index.present(whole)
    withdrawal = withdraws(whole)  # an earlier request taken back: its report asks nothing (withdrawn, round 15)
    for i, sentence in enumerate(parts):
        before = parts[i - 1] if i else ""
        after = parts[i + 1] if i + 1 < len(parts) else ""
        folded = Folded(sentence)
        for rule in index.select(index.present(folded, in_text)):
            fired = _rule_fires(rule, folded, before, after, subject, whole, message)
            if fired is not None:
                # (checked only for a rule that fired: most rules fire on no sentence)
                unmade = not_made(rule.label, folded)
                if unmade and rule.label is RequestType.OBJECTION:
                    continue  # an objection given as the ground of an erasure: the model still votes on it
                # A right listed, reserved, threatened on a condition, negated, thanked for or a third party's
                # is held back: no label, and the model may not label it alone (privacy.recognition.vote); a
                # possible request.
                held = bool(unmade) or held_back(rule.label, folded) or (withdrawal and (reports_earlier_ask(sentence)
                                                                                    or withdraws(folded)))
                if fired and not held:
                    yield rule.label, NEGATED + rule.name  # refused by the writer ("niet verwijderen")
                else:
                    yield rule.label, (HELD if held or fired else "") + rule.name
    if _OPT_OUT_ONLY.match(text):
        # A chat or SMS reply that is nothing but an opt-out keyword answers our marketing message.
        yield RequestType.OBJECTION, "objection.opt_out_keyword"
    text_folded = text_folded or Folded(text)
    if _PRIVACY_TOPIC.found_in(text_folded) and not _OWN_BREACH.found_in(text_folded):
        # A complaint whose privacy subject is stated in another sentence ("I want to make a formal
        # complaint. [...] This is a serious breach of my privacy.").
        for sentence in parts:
            if _FORMAL_COMPLAINT.search(sentence):
                yield RequestType.COMPLAINT, "complaint.formal_privacy"


def _drop_implied_rectification(found: dict[RequestType, list[str]], own: str) -> None:
    """Rectification that is no request of its own: a company's details, or the ground of a restriction."""
    rect = RequestType.RECTIFICATION
    if (rect in found and COMPANY_FRAMING.search(own) and not PD_STRONG.search(own)
            and not any(r.endswith("rectification.correct_record") for r in found[rect])):
        # (what our records say about *me*, "you list me as a director of X Ltd", is the writer's own record)
        del found[rect]
    rectification = found.get(rect, [])
    if (found.get(RequestType.RESTRICTION) and rectification
            and all(r.endswith("rectification.inaccurate") for r in rectification)):
        # Contesting accuracy while asking to pause the use is art. 18(1)(a) restriction; the
        # statement "it is wrong" is its ground there, not a separate request.
        del found[rect]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _objection_is_erasure_ground(found: dict[RequestType, list[str]], own: str) -> bool:
    """The rules found an erasure, and every paragraph of the writer's own in which they found an objection objects
    to *all* processing of the writer's data, naming no marketing: that objection is the erasure's ground (art.
    17(1)(c) GDPR), as erasure templates write it ("I also object to any processing of my data"), not a second
    request to route. An objection to marketing beside an erasure stays one (issue 18). Paragraphs, not sentences:
    an objection is often found across a sentence split ("Art. 21 DSGVO" ends a sentence at "Art.")."""
    if RequestType.ERASURE not in found or RequestType.OBJECTION not in found:
        return False
    grounds = 0
    for paragraph in _PARAGRAPH_BREAK.split(own[:_MAX_SCAN_CHARS]):
        if not any(label is RequestType.OBJECTION and not name.startswith(HELD) for label, name in _scan(paragraph)):
            continue
        if not ALL_PROCESSING.search(paragraph) or MARKETING.search(paragraph):
            return False
        grounds += 1
    return grounds > 0


Findings = tuple[dict[RequestType, list[str]], frozenset[RequestType], frozenset[RequestType]]


def _rules(read: _Reading) -> Findings:
    """What the rules find: per label the names of the rules that fired, in the order found; the labels
    only held-back rules found (a right listed, threatened on a condition, given as a ground or negated);
    and of those the ones only a negation held back."""
    own, quoted = read.own_text, read.quoted
    found: dict[RequestType, list[str]] = {}
    negated: set[RequestType] = set()
    firm: set[RequestType] = set()
    for prefix, part, folded in (("", own, read.own() if own else None), ("quoted:", quoted, None)):
        for label, reason in _scan(part, folded) if part else ():
            if reason.startswith(HELD):
                (negated if reason.startswith(NEGATED) else firm).add(label)
            else:
                found.setdefault(label, []).append(prefix + reason)
    _drop_implied_rectification(found, own)
    if _objection_is_erasure_ground(found, own):
        del found[RequestType.OBJECTION]
        firm.add(RequestType.OBJECTION)  # and the model may not label it alone either
    held = frozenset((negated | firm) - set(found))
    return found, held, held - firm


def reading(text: str) -> tuple[str, str]:
    """(own text, quoted text that is re-asserted): what the rules and the model read of a message.

    A reminder re-asserts what it quotes; a bare forward ("Fwd:" with no words of one's own) makes
    the forwarded text the message. Any other quote (our earlier reply, their earlier question) is
    not read: it makes no new request.
    """
    own, quoted = split_message(text)
    if quoted and (REMINDER.search(own) or len(own.strip()) < 25) and not WITHDRAWAL.search(own) and not (
            _ERASURE_DONE.found_in(Folded(quoted)) and _done_in(quoted)):
        return own, quoted
    return own, ""


def _done_in(quoted: str) -> bool:
    """The quoted thread holds our report that the request was carried out ("your personal data has been removed"): a
    reminder above it is about something else (a refund), and re-asserts nothing (round 16)."""
    return any(ERASURE_DONE.search(sentence) for sentence in split_sentences(quoted))


_ALL_TYPES = frozenset(RequestType)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_OWN_REPORT_DUTY, _ALREADY_DONE_CHECK, _NOT_DONE = Cue(OWN_REPORT_DUTY), Cue(ALREADY_DONE_CHECK), Cue(NOT_DONE)
_ERASURE_DONE = Cue(re.compile(ERASURE_DONE.pattern, ERASURE_DONE.flags | re.MULTILINE))  # (any line: a gate)


def _two_words(text: str) -> bool:
    """At least two words of letters in ``text`` (``_LETTER_WORD.findall`` would find two: the second search starts
    where the first match ended, as findall goes on), without finding every word of a long text."""
    first = _LETTER_WORD.search(text)
    return first is not None and _LETTER_WORD.search(text, first.end()) is not None
# The cues below are asked only whether they occur: each runs just its alternatives whose literals are in the
# text (``prefilter.Cue``), a few instead of hundreds of ``\b`` branches at every position (issue 19).
_ERASE, _DATA, _OBJECTION, _PORT, _RESTRICT, _RECTIFY, _ACCESS = (
    Cue(p) for p in (ERASE_CUE, DATA_CUE, OBJECTION_CUE, PORT_CUE, RESTRICT_CUE, RECTIFY_CUE, ACCESS_CUE))
_OPT_IN, _OPT_OUT, _OWN_MAILING, _COMPANY_SELF, _DELIVERY, _ERASE_VERB = (
    Cue(p) for p in (OPT_IN, OPT_OUT, OWN_MAILING, COMPANY_SELF, DELIVERY_ADDRESS, ERASE_VERB))
_OBJECTION_FIRM, _OBJECTION_CHANNEL, _RESUBSCRIBE = Cue(OBJECTION_FIRM), Cue(OBJECTION_CHANNEL), Cue(RESUBSCRIBE)
# What a correction is of (art. 16): personal data, or an attribute of a person named without "my" ("the address
# is wrong", "name spelt wrong"). "Why is my exchange rate wrong?" corrects nothing of the writer's (issue 18).
_RECTIFY_OBJECT = Cue(re.compile("|".join(f"(?:{p})" for p in (
    PD_STRONG.pattern, PD_WEAK.pattern, PD_FIELD.pattern,
    r"\b(?:names?|naam|namen?|nom|prénom|vorname|nachname|voornaam|achternaam|surname|address\w*|adres\w*|anschrift|"
    r"e-?mail\w*|phone|telefoo?n\w*|téléphone|birth\w*|geboorte\w*|geburt\w*|naissance|gegevens|data|daten|données|"
    r"details|info\w*|records?|coordonnées|spel\w*|spelt|geschreven|geslacht|gender|salutation|aanhef|anrede|titel|"
    r"title|iban|bank\w*|profi\w*|dossier|file|\w*akte|administrat\w*|system\w*|systeem|vermeld\w*|staat|steht|heißt|"
    r"heiße|heet|birthday|verjaardag|geburtstag|anniversaire|house|huis\w*|haus\w*|typo|tippfehler|typfout\w*)\b",
    r"\w*(?:adres|address|name|naam|namen)\w*")), re.IGNORECASE))
# "any data", "your information", "remove me from": what says an erasure may be of the writer beside a support object
_DATA_WORD = Cue(re.compile(r"\b(?:data|daten|données|gegevens|informati\w*|info)\b|\b(?:me|mij|mich|moi)\s+(?:from|"
                            r"uit|aus|van|de|off|out)\b", re.IGNORECASE))
# a message that opens by asking how to do something oneself ("how to correct the info on my profile"; round 9)
_HOW_DO_I = re.compile(r"^\W*(?:how (?:to|do i|can i|could i|should i)|hoe (?:kan|moet|doe) ik|wie (?:kann|muss) ich|"
                       r"comment (?:puis-je|je peux|faire pour|on fait pour))\b", re.IGNORECASE)
# a complaint needs one of these in the writer's own text
_COMPLAINT_TOPIC = Cue(re.compile("|".join(f"(?:{p.pattern})" for p in (
    PRIVACY_TOPIC, COMPLAINT_CUE, MISDELIVERY, PD_STRONG, PD_WEAK, PD_FIELD)), re.IGNORECASE))


def _model_may(label: RequestType, found: dict[RequestType, list[str]], own: Folded, read: Folded) -> bool:
    """Whether the model may label ``label`` alone (see ``model_may_label``); ``read`` is the text it read,
    ``own`` the writer's own. Each type's checks are its own."""
    if label is RequestType.ERASURE:
        # "please don't delete my account, I only want to pause it": the n-grams see "delete my account"
        if label in found:
            return _ERASE.found_in(read)
        # "erase everything on my to-do list", "delete the backups": a support object and no data of the writer's
        support_only = _SUPPORT_OBJECT.found_in(own) and not any(
            cue.found_in(own) for cue in (_PD_STRONG, _PD_WEAK, _PD_FIELD, _DATA_WORD, _DATA))
        return _ERASE.found_in(read) and not support_only and not _erasure_only_negated(own)
    if label is RequestType.ACCESS:
        if not _DATA.found_in(read):
            return False
        if RequestType.ERASURE in found and label not in found:
            # "wis alles wat jullie van mij hebben": what to erase, no access request; nor "let me know when it's done"
            return _ACCESS.found_in(Folded(DONE_REPORT.sub(" ", own.text)))
        return True
    if label is RequestType.OBJECTION:
        if not _OBJECTION.found_in(read):
            return False
        if label not in found and not _OBJECTION_FIRM.found_in(read) and not _OPT_OUT.found_in(read):
            return False  # only a channel named ("check my e-mails", "send Mary an e-mail"), nothing stopped
        if label not in found and _RESUBSCRIBE.found_in(own):
            return False  # "I unsubscribed by mistake, put me back on it": marketing wanted, not stopped
        # "help me subscribe to your newsletter"; the writer's own newsletter and its subscribers
        return label in found or ((not _OPT_IN.found_in(own) or _OPT_OUT.found_in(own))
                                  and not _OWN_MAILING.found_in(own))
    if label is RequestType.PORTABILITY:
        return _PORT.found_in(read)
    if label is RequestType.RESTRICTION:
        return _RESTRICT.found_in(read)
    if label is RequestType.COMPLAINT:
        return _COMPLAINT_TOPIC.found_in(own)
    # rectification: details given, nothing to correct; or a company's details, no personal data (recital 14);
    # "change my shipping address"; "how do I update the number on my profile?" (self-service: nothing asked of us)
    if not _RECTIFY.found_in(own) or (label not in found and not _RECTIFY_OBJECT.found_in(own)):
        return False
    if label not in found and _HOW_DO_I.search(own.text):
        return False
    strong = _PD_STRONG.found_in(own)
    if _COMPANY_SELF.found_in(own) and not strong:
        return False
    return label in found or not _DELIVERY.found_in(own) or strong


def model_may_label(own: str, found: dict[RequestType, list[str]], quoted: str = "",
                    consider: frozenset[RequestType] = _ALL_TYPES) -> frozenset[RequestType]:
    """The types the model may label on its own. None when the message is about somebody else's data and
    the rules found no request of the writer's own: a customer asking how to honour *their* customer's
    request (we are their processor, art. 28) uses the words of a request, which is all the model's
    n-grams see. No complaint when nothing in the message is about data protection (a complaint about
    service is no art. 77 complaint); no rectification when nothing in it is changed or wrong; no erasure
    when nothing is to go, no access when nothing is data, no objection when nothing is marketing,
    processing, sharing or mailing, none when the writer opts in (subscribes) and nowhere out; no portability
    when nothing is to be copied, exported or taken elsewhere, no restriction when no data, use or restricting
    is named (``ERASE_CUE``, ``DATA_CUE``, ``OBJECTION_CUE``, ``PORT_CUE``, ``RESTRICT_CUE``: in the text the
    model read, with the ``quoted`` text a reminder re-asserts). Only the types in ``consider`` are checked (and
    can be in the answer): ``recognize`` passes those the model scored high enough to label at all."""
    return _model_may_label(_Reading(own, quoted), found, consider)


class _Reading:
    """The texts ``model_may_label`` reads, folded once per message (``prefilter.Folded``) however often asked."""

    def __init__(self, own: str, quoted: str) -> None:
        self.own_text, self.quoted = own, quoted
        self._own: Folded | None = None
        self._read: Folded | None = None

    def own(self) -> Folded:
        if self._own is None:
            self._own = Folded(self.own_text)
        return self._own

    def read(self) -> Folded:
        """The writer's own text and the ``quoted`` text a reminder re-asserts."""
        if self._read is None:
            self._read = Folded(f"{self.own_text}\n{self.quoted}") if self.quoted else self.own()
        return self._read


def _model_may_label(text: _Reading, found: dict[RequestType, list[str]],
                     consider: frozenset[RequestType]) -> frozenset[RequestType]:
    if not consider:
        return frozenset()
    if not found and (_THIRD_PARTY.found_in(text.own()) or not _two_words(text.own_text)):
        return frozenset()  # somebody else's data; or no words at all (a one-time code, a number)
    if not found and withdraws(text.own()) and reports_earlier_ask(text.own_text):
        return frozenset()  # an earlier request reported and taken back (withdrawn, round 15)
    if not found and (_OWN_REPORT_DUTY.found_in(text.own())
                      or (_ALREADY_DONE_CHECK.found_in(text.own()) and not _NOT_DONE.found_in(text.own()))):
        return frozenset()  # a check that an earlier request was done, the writer's own duty to report (round 12)
    return frozenset(label for label in consider if _model_may(label, found, text.own(), text.read()))


def _erasure_only_negated(text: Folded) -> bool:
    """An erasure verb occurs in ``text``, and every occurrence is negated ("don't delete", "niet verwijderen")."""
    if not _ERASE_VERB.found_in(text):
        return False
    seen = False
    for sentence in split_sentences(text.text):
        for m in ERASE_VERB.finditer(sentence):
            if not _negated(sentence, m.start(), m.end()):
                return False
            seen = True
    return seen


def rule_findings(text: str) -> Findings:
    """The rules alone (for training): what ``recognize`` gives the vote (see ``_rules``)."""
    read = _Reading(*reading(text))
    if _bulk(read):
        return {}, frozenset(), frozenset()
    return _rules(read)


# (the lexicon's footer alternation, asked of every message: a cue of the text folded once, which the rules and the
# model's checks ask again; speed-up only, issue 19)
_BULK_FOOTER = Cue(BULK_FOOTER)


def _bulk(read: _Reading) -> bool:
    """A bulk mail's opt-out footer in the text that is read: a newsletter or spam in the support inbox, no
    request. A footer in a quote that is not read (the marketing mail a customer answers "take me off this
    list" to) is the quote's (issue 18, round 9)."""
    return bool(_BULK_FOOTER.found_in(read.own()) or (read.quoted and _BULK_FOOTER.found_in(Folded(read.quoted))))


def rule_labels(text: str) -> tuple[dict[RequestType, list[str]], frozenset[RequestType]]:
    """The rules alone (for tests): per label the names of the rules that fired, and the labels held back."""
    found, held, _negated_only = rule_findings(text)
    return found, held


def recognize(text: str) -> Recognition:
    """Recognise the privacy-right requests a message makes: the rules and the model vote
    (``privacy.recognition.vote``); every label carries the rules that fired and the model's score."""
    own, quoted = reading(text)
    lang = guess_language(own or text)
    read = _Reading(own, quoted)  # (the texts folded once: the footer, the rules and the model's checks ask them)
    if _bulk(read):
        return Recognition(labels=(), reasons={}, lang=lang)
    found, held, negated = _rules(read)
    scores = score(f"{own}\n{quoted}" if quoted else own)
    # the types the model scored high enough to label on its own: only theirs need the checks
    floor = thresholds().model_floor()
    consider = frozenset(t for t, value in TYPE_VALUES if scores.get(value, 1.0) >= floor)
    may = _model_may_label(read, found, consider)
    if not may and consider != _ALL_TYPES and weak_types_matter(found, scores, held):
        # the types scored too low to label still tell the vote whether any right's words are in the message
        # (a request score alone makes no possible request of "where is my order?"); it changes no label. (Those
        # of ``consider`` were just found not to be: each type's checks are its own, so they are not run again.)
        # Only asked when that can change the answer (``weak_types_matter``): most ordinary mail scores too low.
        may = _model_may_label(read, found, _ALL_TYPES - consider)
    result = decide(found, scores, lang, held=held, model_labels=may, negated=negated)
    if not result.labels and not result.possible and asks_about_own_privacy(own):
        return replace(result, possible=True)  # a question about one's own privacy: triage (own_privacy)
    return result


def detect_requests(text: str) -> list[RequestType]:
    """The request types a message makes, sorted and deduplicated ([] for ordinary support)."""
    return list(recognize(text).labels)
