"""EMAIL_ADDRESS written to dodge spam filters: "anna [at] example [dot] nl", "piet punt jansen at gmail punt com".

Why this module exists: people who fear spam write their address with the "@" and the dots spelled out or wrapped
("(at)", "[at]", "{at}", " at ", "apenstaartje", "arobase", "(a)"; "[dot]", " dot ", " punt ", " . "), and the address
rule (``scrubber.recognizers.contact``, RFC 5322's addr-spec) sees none of it: the name and the domain were stored.
Here an address is a local part (words joined by dots, spelled or not), an obfuscated at-sign, and a domain whose
last label is a top-level domain people use, joined by dots spelled or not.

Prose has "at" and spelled-out domains too ("I looked at example dot com", "the site at shop dot example dot com"):
with a bare " at ", a local part of one everyday word ("looked", "site") makes it prose; the other at-words
("apenstaartje", "arobase") and the wrapped or spaced "@" are never prose.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers.base import SingleEntityRecognizer
from scrubber.recognizers.prose_words import is_ordinary_word

_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_DOT = (
    r"(?:[ \t]*" + _OPEN + r"[ \t]*(?i:dot|punt|punkt|point|\.)[ \t]*" + _CLOSE + r"[ \t]*"
    r"|[ \t]+(?i:dot|punt|punkt|point|period)[ \t]+|[ \t]*\.[ \t]*)"
)
_WRAPPED_AT = r"[ \t]*" + _OPEN + r"[ \t]*(?i:at|a|@|apenstaartje|arobase|klammeraffe)[ \t]*" + _CLOSE + r"[ \t]*"
_WORD_AT = r"[ \t]+(?i:at|apenstaartje|arobase|klammeraffe)[ \t]+"
_SPACED_AT = r"[ \t]+@[ \t]*|[ \t]*@[ \t]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# the top-level domains a web host's customers write (generic and the countries they write from)
_TLD = (
    r"(?i:com|net|org|info|biz|eu|nl|be|de|fr|uk|ie|lu|at|ch|es|it|pt|pl|se|dk|no|fi|tr|ma|sr|cw|aw|id|in|pk|ng|gh"
    r"|ke|za|au|nz|us|ca|io|me|co|nu|online|email|mail|club|shop|dev|app|tech|studio|design)"
)
_EMAIL = re.compile(
    r"(?<![\w.@+-])(?P<local>[A-Za-z0-9_+-]+(?:" + _DOT + r"[A-Za-z0-9_+-]+){0,3})"
    r"(?P<at>" + _WRAPPED_AT + r"|" + _WORD_AT + r"|" + _SPACED_AT + r")"
    r"(?P<domain>" + _LABEL + r"(?:" + _DOT + _LABEL + r"){0,3}?" + _DOT + _TLD + r")(?![\w@-]|\.\w)"
)
# Every match holds one of these: a wrapped at-sign, an "@", an at-word, or a bare "at" with a domain's label and a
# dot after it (speed-up only: "at" alone is in most English texts, "at example dot" or "at gmail." in few)
_HINT = re.compile(
    r"(?i)[\[({<][ \t]*(?:at|a|@|apenstaartje|arobase|klammeraffe)[ \t]*[\])}>]|@|apenstaartje|arobase|klammeraffe"
    r"|\bat[ \t]+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:[ \t]*\.[ \t]*|[ \t]*[\[({<][ \t]*(?:dot|punt|punkt|point|\.)"
    r"|[ \t]+(?:dot|punt|punkt|point|period)[ \t]+)"
    # a spoken domain of up to three words ("at ryan family dot", "apenstaartje bakker schilders punt")
    r"|\bat[ \t]+(?:sign[ \t]+)?[a-z0-9-]+(?:[ \t]+[a-z0-9-]+){1,2}[ \t]+(?:dot|punt|punkt|point)[ \t]+"
)
_ONE_WORD = re.compile(r"[^\W\d_]+")

# As a phone's speech engine writes an address (issue 16, speech-to-text): the domain's words apart ("ryan family dot
# ie", "bakker schilders punt nl"), a number after the local part ("tom dot hill 77"), "at sign". Only with a spoken
# dot before the top-level domain; the local part is words joined by spoken dots, perhaps with a number after them.
_SPOKEN_DOTS = ("dot", "punt", "punkt", "point")
_SPOKEN_DOT = r"[ \t]+(?i:" + "|".join(_SPOKEN_DOTS) + r")[ \t]+"
_SPOKEN = re.compile(
    r"(?<![\w.@+-])(?P<local>[A-Za-z0-9_+-]+(?:" + _SPOKEN_DOT + r"[A-Za-z0-9_+-]+){0,3}(?:[ \t]+\d{1,4})?)"
    r"(?P<at>[ \t]+(?i:at[ \t]+sign|at|apenstaartje|arobase|klammeraffe)[ \t]+)"
    r"(?P<domain>" + _LABEL + r"(?:[ \t]+" + _LABEL + r"){0,2}(?:" + _SPOKEN_DOT + _LABEL + r"){0,2}" + _SPOKEN_DOT
    + _TLD + r")(?![\w@-]|\.\w)"
)
# words that make a spoken "domain" prose ("looked at the shop dot com", "met at the cafe ...")
_NOT_DOMAIN_WORDS = frozenset({"the", "a", "an", "my", "your", "our", "this", "that", "de", "het", "een", "mijn", "uw",
                               "jouw", "onze", "der", "die", "das", "le", "la", "les", "home", "work"})


class ObfuscatedEmailRecognizer(SingleEntityRecognizer):
    """E-mail addresses with a spelled-out or wrapped at-sign (see the module docstring)."""

    ENTITY = "EMAIL_ADDRESS"

    def find(self, text: str) -> list[RecognizerResult]:
        if not _HINT.search(text):
            return []
        out: list[RecognizerResult] = []
        for m in _EMAIL.finditer(text):
            if m.group("at").strip().lower() == "at" and _prose(text, m):
                continue  # (a plain "x@y.nl" never matches: its "@" has no spaces, brackets or words around it)
            out.append(RecognizerResult(self.ENTITY, m.start(), m.end(), 0.9))
        for m in _SPOKEN.finditer(text):
            if _spoken_prose(m):
                continue
            # (the longer reading wins: "tom dot hill 77 at outlook dot com" over "77 at outlook dot com")
            out = [r for r in out if not (m.start() <= r.start and r.end <= m.end())]
            if not any(r.start < m.end() and m.start() < r.end for r in out):
                out.append(RecognizerResult(self.ENTITY, m.start(), m.end(), 0.9))
        return out


def _prose(text: str, m: re.Match[str]) -> bool:
    """A bare " at " in a sentence: the local part is one everyday word ("I looked at example dot com")."""
    local = m.group("local")
    return _ONE_WORD.fullmatch(local) is not None and is_ordinary_word(local)


def _spoken_prose(m: re.Match[str]) -> bool:
    """A spoken address that is prose: a function word among the domain's words ("at the shop dot com"), or after a
    bare "at" a local part of one everyday word ("looked at example dot com"), unless the domain ends in a
    second-level country domain ("dan at shore roofing dot com dot au")."""
    domain_words = m.group("domain").lower().split()
    if any(w in _NOT_DOMAIN_WORDS for w in domain_words):
        return True
    # a second-level country domain ("dot com dot au", "dot co dot uk") is no prose's: the one exception
    country = len(domain_words) >= 4 and domain_words[-3] in _SECOND_LEVEL and domain_words[-2] in _SPOKEN_DOTS
    local = m.group("local")
    return (m.group("at").strip().lower() == "at" and not country and _ONE_WORD.fullmatch(local) is not None
            and is_ordinary_word(local))


_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "ac", "gov", "edu"})


def obfuscated_email_recognizers(lang: str) -> list[EntityRecognizer]:
    return [ObfuscatedEmailRecognizer(lang)]
