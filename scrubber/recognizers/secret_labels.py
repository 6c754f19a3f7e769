"""CREDENTIAL on a "label: value" line: after a password cue and its colon, the value whatever its shape.

Why this module exists: the cue rules of ``scrubber.recognizers.credentials`` take the token after a cue when it
looks like a secret, or when it is a plain word in a few settings; a value such as "seagull" after "ftp pass:",
"Frietje-Speciaal" after "wifi wachtwoord voor de monteur:" or "Vlaflip-Met-Slagroom" after "basic auth pass:"
was kept (issue 16, fresh corpora round 1: deny by default for secrets). A password cue (also a bare "pass"), at
most a few words saying whose or which password it is, then ":" or "=", then one value that ends its clause (the
line's end, a comma, a bracket, a sentence's end): that value is the secret unless it is explained -- a word
about the password ("onbekend", "see"), everyday vocabulary (not quoted), a URL, an e-mail address, a path, a
placeholder, a number (the PIN and code rules judge those) or another cue word.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.prose_words import ABOUT_PASSWORD, PROSE_AFTER_CUE
from scrubber.recognizers.secret_cues import CUE, WORD_SECRET_CUES, cue_follower
from scrubber.recognizers.secret_phrases import _common_words
from scrubber.recognizers.secret_values import URLISH, is_masked, is_placeholder, unwrap

# the short password cues that WORD_SECRET_CUES leaves out ("pass" is too often English prose without a colon)
_SHORT_CUES = frozenset({"pass", "pwd", "pw", "passcode", "pass code"})
# a few words of qualifier ("van de wifi voor de schilder"), then the label's colon or "=" (not a URL's "://")
_LABEL = re.compile(r"[^\n:=.!?]{0,40}?[ \t]*[:=](?!//)[ \t]*")
# followers of a cue that say whose password it is, not something about it ("wachtwoord wifi: ...")
_WHOSE = frozenset({"wifi", "wlan", "mail", "e-mail", "email", "account"})
_VALUE = re.compile(r"(?P<v>[\"'“‘`][^\"'”’`\n]{3,64}[\"'”’`]|[^\s(]{3,80}?)(?=[.,;!?]?(?:[ \t]*(?:$|\n|\()|\s))")
_CLAUSE_END = re.compile(r"[.,;!?]?[ \t]*(?:$|\n|\(|[ \t]-[ \t])")
_NOT_SECRET = frozenset({"yes", "no", "ja", "nee", "true", "false", "none", "null", "nil", "geen", "leeg", "empty",
                         "oui", "non", "nein", "aucun", "idem", "dito", "n/a", "nvt", "tbd", "unchanged",
                         "ongewijzigd"})


def _explained(value: str, quoted: bool) -> bool:
    low = value.lower()
    return (
        len(value) < 3 or low in _NOT_SECRET or low in ABOUT_PASSWORD or low in PROSE_AFTER_CUE
        or (not quoted and low in _common_words()) or cue_follower(value) or bool(CUE.fullmatch(value))
        or bool(URLISH.search(value)) or "@" in value or value.startswith(("/", "~", "\\", "."))
        or is_placeholder(value) or is_masked(value) or value.replace(" ", "").isdigit()
    )


def label_value(text: str, cue: re.Match[str], out: list[RecognizerResult]) -> bool:
    """The value after ``cue``'s label colon when it ends its clause and nothing explains it; appended to ``out``."""
    word = cue.group().lower()
    if not (WORD_SECRET_CUES.search(word) or word in _SHORT_CUES):
        return False
    label = _LABEL.match(text, cue.end())
    if label is None:
        return False
    qualifier = text[cue.end() : label.end()].strip(" \t:=").split()[:1]
    if qualifier and cue_follower(qualifier[0]) and qualifier[0].lower() not in _WHOSE:
        return False  # "Password policy: ...", "wachtwoord hint: ...": a label about the password, not its value
    m = _VALUE.match(text, label.end())
    if m is None or not _CLAUSE_END.match(text, m.end()):
        return False
    raw = m.group("v")
    value, off = unwrap(raw)
    quoted = raw[:1] in "\"'“‘`"
    value = value.rstrip(".,;:!?") if not quoted else value
    if not value or _explained(value, quoted):
        return False
    start = m.start("v") + off
    out.append(RecognizerResult("CREDENTIAL", start, start + len(value), 0.88))
    return True
