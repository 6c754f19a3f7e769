"""CREDENTIAL by a looser shape, where the message talks about a secret nearby (issue 16, credentials by author).

Why this module exists: ``scrubber.recognizers.secrets`` strips password shapes wherever they stand, so it keeps
the shapes that ordinary text is full of: a word with one digit ("Vlieger3"), a digit inside a word ("Kassa7lade"),
words joined by a dash, dot or underscore with a year ("Lantaarn-1977", "Wolke.Blau.4"), two words joined by "@"
("Zaterdag@Kantine"). Four writers who never saw the rules gave a quarter of their passwords in exactly those
shapes, in running text and away from their cue ("het nieuwe is ...", "ik probeerde ook ...", a list of accounts
"mail / ..."). Deny by default for secrets (issue 16) in a message about a secret: such a token is stripped when a
password, PIN, code, key or login word stands within ``_BEFORE`` characters before it or ``_AFTER`` after it, unless
it is a reference, a model or a product (a short letter prefix with digits, an all-capitals part, "5G"/"S23" parts, a
camel-case brand, a technical word). Dates, versions, domains, hashes and the other explanations of ``secrets`` are
applied by its ``verdict`` before and after this one.
"""

from __future__ import annotations

import re

from scrubber.recognizers.base import words
from scrubber.recognizers.secret_cues import CUE, LOGIN_WORDS
from scrubber.recognizers.tech_words import TECH_WORDS

_BEFORE = 400
_AFTER = 150
# Logging in, trying a value, an account: no cue of ``secret_cues.CUE``, but a login is talked about.
_LOGIN = words(*LOGIN_WORDS, r"probeer\w*", r"try(?:ing)?", r"accounts?", r"konto", r"compte")
# right after its cue, a value is the cue rules' (``credentials``): "password: hunter2", "wachtwoord is Vlieger3"
_RIGHT_AFTER_CUE = re.compile(r"(?i)\s*(?:[:=]|(?:is|was|ist|est)\b)?\s*[\"'(`]?")
# a login and its password listed with a slash or a bar between them: "info@zaak.nl / Klaproos-1958", "beheer | ..."
_LISTED_AFTER_LOGIN = re.compile(r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w.-]{3,30})\s+[/|]\s+$")
_SPLIT = re.compile(r"[-._@]")
# a reference or model: a short letter prefix with digits ("T-48213", "F2024-0031", "KL-20931", "RTX4090")
_REFERENCE = re.compile(r"^[A-Za-z]{1,3}[-_.]?\d")
# a model or generation part: "S23", "5G", "4K", "X1", "2e"
_MODEL_PART = re.compile(r"^(?:[A-Z]{1,3}\d{1,4}[A-Za-z]?|\d{1,2}[A-Za-z]{1,2})$")
_SYMBOL_END = "!#*$"
# a user name's cue right before the token: "username is shopadmin2", "gebruikersnaam gerrit1946", "user: tvds_db1"
_USER_CUE = re.compile(
    r"(?i)(?<![^\W_])(?:user(?:\s?name)?|login|gebruiker(?:snaam)?|benutzer(?:name)?|utilisateur|identifiant"
    r"|account(?:\s?name)?)\s*[:=]?\s*(?:is\s+|ist\s+|est\s+)?$"
)
# products and tools whose names hold a digit, met where passwords are talked about
_PRODUCTS = frozenset({"1password", "fail2ban", "7-zip", "7zip", "dav1d", "i18n", "l10n", "a11y", "mp3", "mp4"})
_DIGITS = re.compile(r"\d+")


def near_secret_cue(text: str, start: int, end: int) -> bool:
    """Whether a password, PIN, code, key or login word stands near ``text[start:end]`` (and no user name's cue right
    before it: a user name has the same shapes, and is no secret)."""
    if _USER_CUE.search(text, max(0, start - 30), start) or _a_cell(text, start, end) or _cue_value(text, start):
        return False
    lo, hi = max(0, start - _BEFORE), min(len(text), end + _AFTER)
    line = text.rfind("\n", 0, start) + 1
    return bool(CUE.search(text, lo, hi) or _LOGIN.search(text, lo, hi)
                or _LISTED_AFTER_LOGIN.search(text, max(line, start - 80), start))


def _cue_value(text: str, start: int) -> bool:
    """The value right after a cue word ("password: hunter2"): the cue rules strip it with the same score, and a tie
    of two recognizers on one span is settled by their order, which Presidio does not keep."""
    return any(_RIGHT_AFTER_CUE.fullmatch(text, m.end(), start) for m in CUE.finditer(text, max(0, start - 40), start))


def _a_cell(text: str, start: int, end: int) -> bool:
    """A cell of a comma- or semicolon-separated token ("appel,peer,banaan9"): the whole token is the cue rules' value,
    and a cell stripped alone by a higher score would leave the others standing."""
    return (start > 0 and text[start - 1 : start] in (",", ";")) or (
        text[end : end + 1] in (",", ";") and not text[end + 1 : end + 2].isspace() and end + 1 < len(text))


def loose_shape(core: str) -> bool:
    """A password's shape that ordinary text also has (see the module docstring): only worth stripping near a cue."""
    if not 6 <= len(core) <= 40 or _REFERENCE.match(core) or core.lower() in _PRODUCTS:
        return False
    bare = core.rstrip(_SYMBOL_END + "?")
    parts = [p for p in _SPLIT.split(bare) if p]
    if not parts or any(_MODEL_PART.match(p) or p.lower() in TECH_WORDS for p in parts):
        return False
    if len(parts) > 1 and (parts[0].isdigit() or any(p.isalpha() and len(p) < 3 for p in parts)):
        return False  # a number's compound ("6-digit", "404-Seite"), a region or code name ("eu-central-1")
    letters = [w for p in parts for w in _DIGITS.split(p) if w]
    if not letters or any(_camel(w) or (w.isupper() and len(w) > 1) for w in letters):
        return False  # a brand ("MacBook"), an abbreviation ("COVID")
    if not any(len(w) >= 4 for w in letters):
        return False
    has_digit = any(c.isdigit() for c in bare)
    if len(parts) == 1:  # a word with digits in or after it: "Vlieger3", "Kassa7lade", "fietsbel1984"
        # (not three digit runs or more: an identifier's letters and digits, "zplptf54a05h501x")
        return has_digit and bare.isalnum() and len(_DIGITS.findall(bare)) <= 2
    if has_digit:  # "Lantaarn-1977", "Wolke.Blau.4", "Harbour_2021!"
        return all(p.isalpha() or p.isdigit() or p.isalnum() for p in parts)
    # without a digit: two capitalised words joined by "@" (no e-mail address: no dot; not "user@host", as an SSH
    # key's comment is), or joined words closed by a symbol
    if "@" in bare and "." not in bare:
        return all(p[:1].isupper() for p in parts)
    return core != bare and core[len(bare) :][:1] in _SYMBOL_END


def _camel(part: str) -> bool:
    """A capital inside a word ("MacBook", "iPhone"): a brand's spelling, not a password's."""
    return any(c.isupper() for c in part[1:]) and any(c.islower() for c in part)
