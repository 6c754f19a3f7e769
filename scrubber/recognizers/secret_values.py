"""What a secret's value looks like once cut out of its token: the wrappers people put around it, and its shape.

Why this module exists: ``scrubber.recognizers.credentials`` takes the token after a cue and must decide
whether it is a secret. The same value comes wrapped in many ways -- quotes, backticks of Markdown and chat
apps, brackets, ``**bold**``, an HTML tag left by a mail's HTML-to-text -- and glued to the punctuation of
the sentence around it; the invariance tool (``eval/metamorphic.py``) showed a value found bare but lost in
backticks or brackets. Unwrapping is one mechanism for every wrapper, not a rule per case. The shape test
(``looks_secret``) lives here with it because both are about the value alone, never its context.
"""

from __future__ import annotations

import re

from scrubber.recognizers.base import html_tag_edges
from scrubber.recognizers.prose_words import PROSE_AFTER_CUE as _PROSE
from scrubber.recognizers.prose_words import is_ordinary_word
from scrubber.recognizers.tech_words import TECH_WORDS

URLISH = re.compile(r"(?i)^(?:https?://|www\.)|\.(?:nl|com|be|net|org|uk|de|eu|io)\b|@[\w-]+\.[a-z]{2,}")
_TRAIL = ".,;:)?]}>`"
_LEAD = "([{<`"
# a wrapper's opening character and the closers it takes (quotes of four kinds, backticks, brackets)
PAIRS = {"'": "'’", '"': '"”', "“": "”\"", "‘": "’'", "`": "`", "[": "]", "(": ")", "«": "»", "„": "“\""}
# tags a mail's HTML-to-text leaves around a value; "<Fadez2025>" is no tag but a value in angle brackets
_HTML_TAGS = frozenset({
    "a", "b", "i", "u", "s", "p", "br", "hr", "em", "tt", "big", "small", "sub", "sup", "pre", "code", "kbd", "samp",
    "var", "strong", "font", "span", "div", "td", "th", "tr", "li", "ul", "ol", "table", "tbody", "thead", "html",
    "body", "head", "blockquote", "center", "h1", "h2", "h3", "h4", "h5", "h6", "img", "label", "mark", "del", "ins",
})
_ANGLED = re.compile(r"<([^<>\s/]{3,64})>")
_EMPHASIS = re.compile(r"(\*{1,2}|_{2})(?P<v>[^*_\s](?:[^\n]*?[^*_\s])?)\1")


def unwrap(tok: str) -> tuple[str, int]:
    """The value inside one wrapper around the whole of ``tok`` (also two nested: ``"`x`"``) and its offset."""
    if len(tok) >= 3 and tok[0] in PAIRS and tok[-1] in PAIRS[tok[0]]:
        inner, off = unwrap(tok[1:-1])
        return inner, off + 1
    m = _EMPHASIS.fullmatch(tok)
    if m is not None:  # Markdown bold or italics: "**Zomer2024!**"
        return m.group("v"), m.start("v")
    m = _ANGLED.fullmatch(tok)
    if m is not None and m.group(1).lower() not in _HTML_TAGS:
        return m.group(1), 1
    return tok, 0


def strip_token(tok: str) -> tuple[str, int]:
    """Remove wrappers, trailing punctuation and HTML tags; return the value and its offset inside ``tok``."""
    if "<" in tok and not _ANGLED.fullmatch(tok):  # "<pre>Vl!nd3r-Z0m3r</pre>" (HTML left in a mail's text)
        lead_tags, end = html_tag_edges(tok)
        if lead_tags or end < len(tok):
            value, off = strip_token(tok[lead_tags:end])
            return value, off + lead_tags
    inner, off = unwrap(tok)
    if off:
        return inner, off
    lead = 0
    while lead < len(tok) and tok[lead] in _LEAD + "'\"“‘:=,;|":  # (":Gurke123" of "PW:Gurke123", ",role")
        lead += 1
    tok2 = tok[lead:]
    while tok2 and tok2[-1] in _TRAIL + "'\"”’":
        tok2 = tok2[:-1]
    if lead or len(tok2) < len(tok):  # what is left may still be wrapped: '("Zomer2024!"),' or "`x`."
        inner, off = unwrap(tok2)
        return inner, lead + off
    return tok2, lead


_TECH_FIRST = re.compile(r"([A-Za-z]{3,})[!+&][A-Za-z]+")
_JOINED = re.compile(r"[^\W\d_]{3,}(?:[+/][^\W\d_]{3,})+")
_JOINERS = re.compile(r"[+/]")
_KEYPAD = re.compile(r"[*#]?\d{4,8}[#*]")
_DOTTED_DIGITS = re.compile(r"\d+(?:[.:]\d+)+")
_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+['’][^\W\d_]+")
# where a secret is kept or how it is encoded, named after its cue ("the jwt secret in our docker-compose.yml",
# "k8s secret, base64 decoded", "token signed with sha256"): a config file's name, an encoding or algorithm (issue 16)
_FILE_NAME = re.compile(r"(?i)[\w.-]+\.(?:ya?ml|json|env|php|ini|conf|cfg|toml|xml|txt|log|sql|js|ts|py|sh|md|csv"
                        r"|lock|properties|dist|bak)")
_ENCODING = re.compile(r"(?i)base(?:32|58|64)|utf-?(?:8|16)|sha-?(?:1|224|256|384|512)|md5|aes-?(?:128|192|256)"
                       r"|rsa-?\d{3,4}|ed25519|[hrep]s(?:256|384|512)")


def looks_secret(value: str) -> bool:
    """Whether a value after a cue has a secret's shape (digits with letters or symbols, a PIN, a keypad code)."""
    if len(value) < 4 or URLISH.search(value) or value.startswith(("/", "~/", "./", "_")):
        return False
    if _DOTTED_DIGITS.fullmatch(value) or _APOSTROPHE_WORD.fullmatch(value):
        return False  # a status or version ("5.1.1"), a contraction ("Here's")
    if _FILE_NAME.fullmatch(value) or _ENCODING.fullmatch(value):
        return False  # a config file or an encoding named after the cue, not the value
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    if value.isdigit():
        return 4 <= len(value) <= 12
    tech = _TECH_FIRST.fullmatch(value)
    if tech and not has_digit and tech.group(1).lower() in TECH_WORDS:
        return False  # a product written with a symbol: "FRITZ!Box"
    if _KEYPAD.fullmatch(value):
        return True  # a door or phone keypad code: "4417#", "*1234#"
    if has_digit and has_symbol and not has_alpha and not any(c in value for c in " -"):
        return False  # "2002))", '":40101': numbers in code, not a PIN
    if has_digit and (has_alpha or has_symbol):
        return True
    bare = value.strip("!?@")  # (a word at a sentence's end, a mailbox "info@": "dank!", "sales@")
    joined = _JOINED.fullmatch(value) and all(map(is_ordinary_word, _JOINERS.split(value)))
    if (bare.replace(".", "").isalpha() and (bare.islower() or "@" in value)) or joined:
        return False  # (or everyday words joined: "Upper+lower+digit+symbol")
    return has_symbol and has_alpha and not value.replace("-", "").isalpha() and value.lower() not in _PROSE


# A placeholder in a key's or password's place: a run of a filler character ("ghp_xxxx...", "XXXXXXXX", "****",
# 16+ zeros; "00000000" alone is a real, common password), a key ending in EXAMPLE (AWS's documented key id), a
# template's "<your token>", "<user:password>", "<API_KEY>" or "${TOKEN}" ("<Fadez2025>" is a value in angle
# brackets). Secret scanners list these as false positives (gitleaks' rule tests).
_PLACEHOLDER = re.compile(
    r"([xX*•])\1{7,}|0{16,}|EXAMPLE(?![A-Z])|(?i:\byour[_-]?(?:api[_-]?)?(?:key|token|secret|password)\b)|\$\{"
    r"|<[^<>]*[\s:][^<>]*>|<[A-Z_]{3,}>"
)


# a value the customer masked or redacted before sending ("****", "xxxx", "[redacted]", "<verwijderd>"): what stands
# there is no secret, however short (``is_placeholder`` asks 8 of a filler character of a key-shaped value)
_MASKED = re.compile(
    r"([*•xX.#_-])\1{2,}|[\[<(]?(?i:redacted|hidden|removed|verwijderd|verborgen|weggelaten|geschw[äa]rzt|entfernt"
    r"|masqu[ée]|supprim[ée]|censored)[\]>)]?"
)


def is_masked(value: str) -> bool:
    """Whether a value after a secret's key or label is a mask or a redaction mark (see ``_MASKED``)."""
    return bool(_MASKED.fullmatch(value.strip()))


def is_placeholder(value: str) -> bool:
    """Whether a key- or password-shaped value is a placeholder rather than a secret (see ``_PLACEHOLDER``)."""
    return bool(_PLACEHOLDER.search(value))
