"""CREDENTIAL by its place in a login: the password of a "user X pass Y" pair, the value "logged in with".

Why this module exists: a password that is a plain word ("zonnebloem", "garden") or a phrase has no secret
shape, and after a bare cue without a marker ("ww garden") it reads as prose to
``scrubber.recognizers.credentials``. Its place explains it instead:

- a user label, one login name and a password cue in a row ("u: root p: haven9", "inlog webmaster ww garden",
  "user admin pass sunflower", "identifiant admin mot de passe escargot"): the token after the cue is the
  password, whatever its shape, unless it is a word about the password ("vergeten", "wrong");
- after "logging in with" / "inloggen met" / "anmelden mit" / "connecter avec" (also after "tried" and
  "geprobeerd"): a dashed passphrase ("haven-apple-boterham") or a run of 3-6 uncommon plain words, and the
  same again after "and"/"en"/"und"/"et" ("... with X and Y, neither works"). Secret-shaped tokens there are
  found by their shape already (``scrubber.recognizers.secrets``).

General vocabulary of nl/en/de/fr; the values themselves are never listed.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.base import first_letter_guard, lowered_for_stems, may_contain
from scrubber.recognizers.prose_words import ABOUT_PASSWORD
from scrubber.recognizers.secret_cues import CUE
from scrubber.recognizers.secret_phrases import _common_words
from scrubber.recognizers.tech_words import TECH_WORDS

# a user label and the login name after it (the name is not stripped here: it may be a PERSON elsewhere)
_USER_WORDS = (
    r"u[ \t]*[:=]|user(?:name)?|login(?:naam|name)?|inlog(?:naam)?|gebruiker(?:snaam)?"
    r"|benutzer(?:name)?|identifiant|utilisateur|nom[ \t]+d'utilisateur"
)
_USER = re.compile(
    first_letter_guard(_USER_WORDS) + r"(?<![\w.@])" + r"(?i:" + _USER_WORDS + r")[ \t]*[:=]?[ \t]*"
    r"(?P<u>[^\s,;:/]{2,64})[ \t]*[,;]?[ \t]+(?:(?i:en|and|und|et|&)[ \t]+)?"  # ("... admin en wachtwoord ...")
)
_USER_STEMS = ("u:", "u =", "u=", "user", "login", "inlog", "gebruiker", "benutzer", "identifiant", "utilisateur")
_OTHER_VALUES = frozenset({"code", "key", "token", "secret", "sleutel", "antwoord", "answer"})
_P_LABEL = re.compile(r"(?i)p ?[:=]")
# a pair needs a password word or "p:" (speed-up only: a stem of every CUE match that is no _OTHER_VALUES word)
_PASS_STEMS = (
    "p:", "p=", "p :", "p =", "wach", "ww", "pass", "pasw", "psw", "pw", "pin", "mdp", "wort", "paß", "mot", "contrase",
    "hasło", "haslo", "ifre", "senha", "parola", "inlogcode", "logincode", "toegangscode", "zugangscode", "geheimzahl",
    "wlan", "wifi", "wi-fi", "netzwerk", "netwerksleutel", "cle", "clé", "wpa", "psk", "licen", "verhuis", "transfer",
    "auth", "epp", "backup", "recovery", "herstel", "verific", "code",
)
_VALUE = re.compile(r"[ \t]*(?:[:=]|(?i:is|ist|est)\b)?[ \t]*(?P<v>[^\s]{3,64})")
_TRAIL = ".,;:)]}!?\"'”’"
# "with" first (a fast scan), then the login verb right before it (searched only at those places)
_WITH = re.compile(r"[ \t](?i:with|met|mit|avec)[ \t]+")
_LOGIN_BEFORE = re.compile(
    r"(?i)\b(?:log(?:ged|ging)?[ \t]+in|sign(?:ed|ing)?[ \t]+in|inloggen|ingelogd|anmelden|angemeldet"
    r"|connecter|connect[ée]e?|tried|geprobeerd|versucht|essay[ée])"
    r"(?:[ \t]+(?:to|op|bij|in|auf|bei|sur|à)[ \t]+\S+)?$"
)
_LOGIN_STEMS = ("log", "sign", "anmeld", "angemeld", "connect", "tried", "geprobeerd", "versucht", "essay")
_WITH_STEMS = ("with", "met", "mit", "avec")
_AND = re.compile(r"(?i)[ \t]+(?:and|or|en|of|und|oder|et|ou)[ \t]+")
_DASHED_WORDS = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]{3,}){2,}(?:-\d{1,4})?")
_PLAIN = re.compile(r"[^\W\d_]{3,}")


def pair_passwords(text: str, out: list[RecognizerResult]) -> None:
    """Passwords of "user X pass Y" pairs and after "logging in with" (see the module docstring)."""
    lowered = lowered_for_stems(text)
    if may_contain(lowered, _USER_STEMS) and may_contain(lowered, _PASS_STEMS):
        for m in _USER.finditer(text):
            _after_user(text, m.end(), out)
    if may_contain(lowered, _LOGIN_STEMS) and may_contain(lowered, _WITH_STEMS):
        for m in _WITH.finditer(text):
            if not _LOGIN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            pos = m.end()
            for _ in range(3):
                end = _phrase_value(text, pos, out)
                nxt = _AND.match(text, end) if end else None
                if nxt is None:
                    break
                pos = nxt.end()


def _after_user(text: str, pos: int, out: list[RecognizerResult]) -> None:
    cue = CUE.match(text, pos)
    if cue is not None and cue.group().lower() in _OTHER_VALUES:
        return  # a bare "code"/"key": another kind of value
    label = cue or _P_LABEL.match(text, pos)
    if label is None:
        return
    m = _VALUE.match(text, label.end())
    if m is None:
        return
    value = m.group("v").rstrip(_TRAIL) if m.group("v")[:1].isalnum() else m.group("v")
    if len(value) < 3 or value.lower() in ABOUT_PASSWORD or value.lower() in _common_words():
        return
    out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.start("v") + len(value), 0.9))


def _phrase_value(text: str, pos: int, out: list[RecognizerResult]) -> int:
    """A dashed passphrase or 3-6 uncommon plain words at ``pos``; where it ends (0: none)."""
    dashed = _DASHED_WORDS.match(text, pos)
    if dashed is not None and not any(_prose_word(w) for w in dashed.group().split("-")):
        out.append(RecognizerResult("CREDENTIAL", dashed.start(), dashed.end(), 0.85))
        return dashed.end()
    words_: list[re.Match[str]] = []
    at = pos
    # (the run ends at a common word: "... with haven apple boterham coffee and ...", "with my new laptop")
    while len(words_) < 7 and (w := _PLAIN.match(text, at)) is not None and not _prose_word(w.group()):
        if text[w.end() : w.end() + 1].isalnum():
            break
        words_.append(w)
        at = w.end() + 1
        if text[w.end() : w.end() + 1] != " ":
            break
    if not 3 <= len(words_) <= 6 or sum(w.group().lower() in TECH_WORDS for w in words_) >= 2:
        return 0  # (not a list of products: "tried with chrome firefox safari")
    out.append(RecognizerResult("CREDENTIAL", words_[0].start(), words_[-1].end(), 0.9))
    return words_[-1].end()


def _prose_word(word: str) -> bool:
    """A common word or one about the password ("my", "wrong"): no passphrase's pick."""
    low = word.lower()
    return low in _common_words() or low in ABOUT_PASSWORD
