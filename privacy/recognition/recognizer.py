"""The recogniser: every rule on every sentence of a message's own text (and of a quote it re-asserts),
then the labels with the rules that fired."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from privacy.recognition.lexicon import (
    ANAPHOR,
    BULK_FOOTER,
    COMPANY_FRAMING,
    NEGATION,
    OWN_BREACH,
    PD_FIELD,
    PD_STRONG,
    PD_WEAK,
    PRIVACY_TOPIC,
    SUPPORT_OBJECT,
    THIRD_PARTY,
)
from privacy.recognition.message import REMINDER, guess_language, split_message, split_sentences, subject_line
from privacy.recognition.rules import RULES, Rule, article_citations
from privacy.recognition.types import Recognition, RequestType


@lru_cache(maxsize=4096)
def _pd_in(sentence: str, fields_count: bool) -> bool:
    """Is this sentence about the writer's own personal data?"""
    if THIRD_PARTY.search(sentence):
        return False
    if PD_STRONG.search(sentence):
        return True
    if fields_count and PD_FIELD.search(sentence):
        return True
    weak = PD_WEAK.search(sentence) or PD_FIELD.search(sentence)
    return bool(weak) and not SUPPORT_OBJECT.search(sentence)


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


_POST_NEGATION = re.compile(r"^[^,.;:!?\n]{0,40}\b(?:niet|nicht|pas)\s*(?:[,.;:!?]|$)", re.IGNORECASE)


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negation just before the trigger ("ik wil mijn gegevens niet verwijderen"), or closing its
    clause in Dutch, German and French word order ("verwijder mijn gegevens niet, ...")."""
    before = NEGATION.search(sentence[max(0, start - 24) : start])
    return bool(before or _POST_NEGATION.search(sentence[end:]))


def _rule_fires(rule: Rule, sentence: str, before: str, after: str, subject: str) -> bool:
    if rule.label is not RequestType.COMPLAINT and THIRD_PARTY.search(sentence):
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


def _scan(text: str) -> Iterator[tuple[RequestType, str]]:
    """Each request the text makes, as (label, name of the rule that found it), in the order found."""
    text = text[:_MAX_SCAN_CHARS]
    yield from article_citations(text)
    subject = subject_line(text)
    parts = split_sentences(text)
    for i, sentence in enumerate(parts):
        before = parts[i - 1] if i else ""
        after = parts[i + 1] if i + 1 < len(parts) else ""
        for rule in RULES:
            if _rule_fires(rule, sentence, before, after, subject):
                yield rule.label, rule.name
    if _OPT_OUT_ONLY.match(text):
        # A chat or SMS reply that is nothing but an opt-out keyword answers our marketing message.
        yield RequestType.OBJECTION, "objection.opt_out_keyword"
    if PRIVACY_TOPIC.search(text) and not OWN_BREACH.search(text):
        # A complaint whose privacy subject is stated in another sentence ("I want to make a formal
        # complaint. [...] This is a serious breach of my privacy.").
        for sentence in parts:
            if _FORMAL_COMPLAINT.search(sentence):
                yield RequestType.COMPLAINT, "complaint.formal_privacy"


def _drop_implied_rectification(found: dict[RequestType, list[str]], own: str) -> None:
    """Rectification that is no request of its own: a company's details, or the ground of a restriction."""
    rect = RequestType.RECTIFICATION
    if rect in found and COMPANY_FRAMING.search(own) and not PD_STRONG.search(own):
        del found[rect]
    rectification = found.get(rect, [])
    if (found.get(RequestType.RESTRICTION) and rectification
            and all(r.endswith("rectification.inaccurate") for r in rectification)):
        # Contesting accuracy while asking to pause the use is art. 18(1)(a) restriction; the
        # statement "it is wrong" is its ground there, not a separate request.
        del found[rect]


def recognize(text: str) -> Recognition:
    """Recognise the privacy-right requests a message makes, with the rule names as reasons."""
    own, quoted = split_message(text)
    lang = guess_language(own or text)
    if BULK_FOOTER.search(text):
        return Recognition(labels=(), reasons={}, lang=lang)
    found: dict[RequestType, list[str]] = {}
    for label, reason in _scan(own):
        found.setdefault(label, []).append(reason)
    if quoted and (REMINDER.search(own) or len(own.strip()) < 25):
        # A reminder re-asserts what it quotes; a bare forward ("Fwd:" with no words of one's own)
        # makes the forwarded text the message.
        for label, reason in _scan(quoted):
            found.setdefault(label, []).append("quoted:" + reason)
    _drop_implied_rectification(found, own)
    labels = tuple(sorted(found))
    reasons = {label: tuple(dict.fromkeys(found[label])) for label in labels}
    return Recognition(labels=labels, reasons=reasons, lang=lang)


def detect_requests(text: str) -> list[RequestType]:
    """The request types a message makes, sorted and deduplicated ([] for ordinary support)."""
    return list(recognize(text).labels)
