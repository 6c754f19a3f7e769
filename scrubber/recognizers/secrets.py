"""CREDENTIAL, deny by default: tokens shaped like passwords and keys, wherever they stand.

``scrubber.recognizers.credentials`` finds the secret after a cue word ("wachtwoord:", "API key"). This
module finds them without one, by shape:

- vendors' key formats (their documented prefixes: Stripe, Mollie, Shopify, OpenAI, SendGrid, Mailgun,
  Telegram bot tokens, AWS secret keys, ...), and the password inside a connection URL (RFC 3986 userinfo);
- a word with digits and symbols (``Zomer2024!``, ``Kaas&Wijn42``), leet speak and random strings (upper
  and lower case with digits spread through them), a capitalised word with a year or a few digits
  (``Tulpen2019``), a lower-case word with digits when a login or password is talked about nearby;
- TOTP secrets (RFC 4648 base32 in groups of four) and dash-grouped recovery or licence codes.

A token of CSV cells ("118,Arjun,Sharma,+91", "shirt;XL;+12") is judged cell by cell: a pasted row is no
password, though a cell of it may be one.

Unless the token is explained as something else: a domain, URL, e-mail address, path or file name, a
product name or version (``Office365``, ``PHP8.2``, ``iPhone15``; a plan or model named by its cue word,
``abonnement Pro2024``), code (``x86_64``, ``utf8mb4_unicode_ci``, camelCase names), a hash or UUID, a
payment provider's object id (``tr_...``, ``ch_...``), or a value published on purpose (public keys and their
fingerprints, publishable keys, DNS verification tokens, mail headers). Every entity carries this recognizer's name.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers import explainers
from scrubber.recognizers.base import SingleEntityRecognizer, html_tag_edges, runs_with, words
from scrubber.recognizers.prose_words import is_ordinary_word
from scrubber.recognizers.secret_context import loose_shape, near_secret_cue
from scrubber.recognizers.secret_cues import LOGIN_WORDS
from scrubber.recognizers.secret_flags import flag_passwords
from scrubber.recognizers.secret_pairs import pair_passwords
from scrubber.recognizers.secret_spoken import spoken_passwords
from scrubber.recognizers.secret_values import is_placeholder, unwrap
from scrubber.recognizers.tech_words import TECH_WORDS

_VENDOR_KEYS = re.compile(
    r"(?<![\w-])(?:"
    r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe secret and restricted keys
    r"|(?:live|test)_[A-Za-z0-9]{25,}"  # Mollie API keys
    r"|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"  # Shopify access tokens
    r"|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}"  # OpenAI
    r"|key-[0-9a-z]{32}"  # Mailgun
    r"|[0-9a-f]{32}-us\d{1,2}"  # Mailchimp API keys (the data centre after the dash)
    r"|\d{6,10}:[A-Za-z0-9_-]{34,36}"  # Telegram bot tokens
    r"|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,}|hf_[A-Za-z0-9]{30,}|dop_v1_[a-f0-9]{64}"
    r"|glpat-[A-Za-z0-9_-]{20}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}"
    r"|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{20,}|sq0(?:atp|csp)-[\w-]{22,}"
    r")(?![\w-])"
)
# Keys without "_", "-" or ":" to look for (AWS access key ids, SendGrid, Google OAuth, Facebook, Twilio): written
# with the look-behind after the first letter, so that ``re`` skips ahead to those letters
_VENDOR_PLAIN = re.compile(
    r"[AESy](?<![\w-][AESy])(?:(?<=A)(?:SIA|KIA|ROA|IDA)[0-9A-Z]{16}|(?<=E)AA[A-Za-z0-9]{30,}|(?<=S)K[0-9a-f]{32}"
    r"|(?<=S)G\.[\w-]{16,32}\.[\w-]{30,50}|(?<=y)a29\.[\w-]{20,})(?![\w-])"
)
# scheme://user:password@host (RFC 3986 userinfo); the user may be empty ("redis://:pw@host", Redis has no user
# names) or an e-mail address, as mail DSNs log in ("smtp://info@shop.nl:pw@mail.shop.nl") (issue 16)
_USERINFO = re.compile(
    r"[a-z][a-z0-9+.-]*://(?:[^\s:/@]+@[\w-]+(?:\.[\w-]+)+|[^\s:/@]*):(?P<v>[^\s@/]{3,128})@[\w.-]+", re.IGNORECASE
)
# a token worth a look holds a digit or a password symbol (found from that character, then widened: fast)
_TRIGGER = re.compile(r"[0-9!#$%&*?^~+=@]")
# every _VENDOR_KEYS match holds one of these (speed-up hint, see ``runs_with``)
_VENDOR_HINT = re.compile(r"[_:-]")
_DASH = re.compile(r"-")
_TOTP_HINT = re.compile(r"[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} ")
_LEAD = "([{<\"'“‘*`"
_TRAIL = ")]}>\"'”’.,;:*`"
_PASSWORD_SYMBOL = frozenset("!#$%&*?^~+=@")
_TOTP = re.compile(r"(?<![\w-])[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,7}(?![\w-])")
_DASHED = re.compile(r"(?<![\w-])[A-Za-z0-9]{3,6}(?:-[A-Za-z0-9]{3,6}){1,7}(?![\w-])")
_TITLE_DIGITS = re.compile(r"[A-Z][a-z]{2,}\d{2,6}[!?#*]{0,2}")
_LOWER_DIGITS = re.compile(r"[a-z]{3,}\d{2,6}[!?#*]{0,2}")
_WORD_DIGITS = re.compile(r"([A-Za-z]+)(\d+)")
_LOGIN_CONTEXT = words(
    r"wacht?w\w*", r"ww\b", r"pas+w\w*", r"pss?w\w*", r"pw\b", r"passwort\w*", r"kennwort\w*", r"mot\s+de\s+passe",
    r"mdp\b", r"ken+wort\w*", r"pa(?:ss|ß)wort\w*", r"mot[\s-]de[\s-]pass", r"used?\b",
    r"using\b", r"gebruik(?:t|te|en)?\b", r"benutz(?:e|t|te|en)\b", r"utilis(?:e|é|ée|er)\b", r"tap[ée]",
    # logging in and trying a value (also in fr and de: "connexion admin/Camembert2029 impossible"); not the
    # user-name words, which announce a user name ("mijn gebruikersnaam is klant123")
    *LOGIN_WORDS, r"connect\w*",
)
_CASE_RUNS = re.compile(r"[A-Z]+|[a-z]+|\d+")
_CAMEL_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")

# Values published on purpose, and mail headers, whose tokens look random but are no secrets.
_PUBLIC_PREFIX = re.compile(r"(?i)^(?:sha256:|sha1:|md5:|pk_(?:live|test)_|ssh-|ecdsa-|v=|k=|p=|h=|s=|bh=|b=|d=|i=)")
_PUBLIC_KEY_BEFORE = re.compile(r"(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\w+|sk-ssh-\w+@openssh\.com)\s+$")
_VERIFICATION_KEY = re.compile(r"(?i)verif|boundary|fingerprint|selector|thumbprint|^v$|^p$|^k$|^b$|^bh$|^s$|^d$")
_HEADER_LINE = re.compile(
    r"(?im)^(?:received|dkim-signature|arc-[\w-]+|x-[\w-]+|authentication-results|message-id|references"
    r"|in-reply-to|return-path|content-[\w-]+|mime-version|list-[\w-]+|feedback-id|thread-index|delivered-to"
    r"|domainkey-signature)\s*:"
)
_PUBLIC_BLOCK = re.compile(r"-----BEGIN (?:CERTIFICATE|PUBLIC KEY|[A-Z ]*PUBLIC KEY|CERTIFICATE REQUEST)-----[\s\S]*?"
                           r"-----END [A-Z ]+-----")
_UUID = re.compile(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX = re.compile(r"(?i)(?:0x|#)?[0-9a-f]+")
_DOMAIN_OR_FILE = re.compile(r"(?i)^[\w.-]*[a-z][\w-]*\.[a-z][a-z0-9]{1,9}(?::\d+)?(?:[/?#]\S*)?$")
_VERSION = re.compile(r"(?i)^[a-z]*v?\d+(?:\.\d+)+[a-z]*\d*$|^v\d+$|^[~^<>=]+[\d.x*]+$")
# The word right before a token that names it as a plan, package, model or product (nl, en, de, fr).
_PRODUCT_CUE = re.compile(
    r"(?i)(?<![^\W_])(?:abonnement|pakket|plan|tarief|bundel|licentie|model|type|typenummer|serie|product|printer"
    r"|router|modem|toestel|package|bundle|subscription|tier|edition|editie|licen[cs]e|paket|tarif|mod[eè]le|forfait"
    r"|offre|formule)s?\s*:?\s+$"
)
# Payment providers' object ids (Mollie: tr_ payment, mdt_ mandate, cst_ customer, ord_, sub_, re_, chb_, stl_;
# Stripe: ch_, pi_, cus_, in_, txn_, py_, evt_, seti_, pm_, src_, acct_, price_, prod_, cs_): references that
# support needs, not secrets (the secret keys, sk_/rk_/whsec_/live_/test_, are in ``_VENDOR_KEYS``).
_OBJECT_ID = re.compile(
    r"(?:tr|mdt|cst|ord|sub|re|chb|stl|ch|pi|cus|in|txn|py|evt|seti|pm|src|acct|price|prod|cs|ii|po)"
    r"_[A-Za-z0-9]{8,40}"
)
# a label or login glued to the value by a colon ("pasword:Raincoat?12", "shop_rw:Bq4$Lm9pXz"); not a scheme,
# a time, a MAC or IPv6 address (digits or hex pairs before the colon) or a public value's prefix
_GLUED_LABEL = re.compile(r"(?![a-z]+\d*:[0-9a-f]{2}:)[A-Za-z][\w.-]{1,30}:(?=[^:/\s]{4,}$)")
_PARTS = re.compile(r"[-_.:/]")
_CPU = re.compile(r"(?i)^i[3579]-\d{4,5}[a-z]{0,2}$")


def _strip(token: str) -> tuple[str, int]:
    """The token without the punctuation, wrappers and HTML tags around it, and its offset."""
    inner, off = unwrap(token)  # ("`Zomer2024!`", "<Fadez2025>": a value in backticks or angle brackets)
    if off:
        core, more = _strip(inner)
        return core, off + more
    if "<" in token:
        start, end = html_tag_edges(token)
        if start or end < len(token):
            core, off = _strip(token[start:end])
            return core, off + start
    lead = 0
    while lead < len(token) and token[lead] in _LEAD:
        lead += 1
    core = token[lead:]
    while core and core[-1] in _TRAIL:
        core = core[:-1]
    return core, lead


def _is_tech(word: str) -> bool:
    return word.lower() in TECH_WORDS


def _explained(core: str) -> bool:
    """A domain, URL, address, path, file, version, product, code identifier, hash or UUID: not a secret (also
    with a sentence's "?" or "!" after it: "#ff6600?", "PHP8.2!")."""
    if _explained_core(core):
        return True
    bare = core.rstrip("?!")
    return bare != core and len(bare) >= 3 and _explained_core(bare)


def _explained_core(core: str) -> bool:
    return _explained_thing(core) or _joined_code(core)


def _explained_thing(core: str) -> bool:
    """``_explained_core`` but for ``_joined_code``: a domain, path, version, product, hash or object id."""
    low = core.lower()
    if "://" in core or low.startswith("www.") or ("@" in core and "." in core.split("@")[-1]):
        return True
    if core.startswith(("/", "~/", "./", "../", "\\")) or "\\" in core or _PUBLIC_PREFIX.match(core):
        return True
    if _DOMAIN_OR_FILE.match(core) or _VERSION.match(core) or _CPU.match(core) or _UUID.search(core):
        return True
    if _OBJECT_ID.fullmatch(core):
        return True
    if _HEX.fullmatch(core) and (core.islower() or core.isupper() or core[:1] == "#"):
        return True  # hashes, colours
    m = _WORD_DIGITS.fullmatch(core.rstrip("+"))
    return bool(m and (_is_tech(m.group(1)) or len(m.group(1)) <= 2))  # Office365, iPhone15, SHA256, DS920+, B2B


def _joined_code(core: str) -> bool:
    """Words, technical words and numbers joined by "-", "_", "." or ":": code or a name (x86_64, utf-8, wp-config),
    or a password of joined words ("Lantaarn-1977") when a secret is talked about (``secret_context``)."""
    parts = [p for p in _PARTS.split(core) if p]
    if parts and all(_is_tech(_WORD_DIGITS.sub(r"\1", p)) or p.isdigit() or p.isalpha() for p in parts):
        return "_" in core or "-" in core or "." in core  # x86_64, utf-8, eu-central-1, wp-config
    return False


def _random_mix(core: str) -> bool:
    """Upper and lower case and digits spread through a token: a generated key or a leet-speak password."""
    if len(core) < 8 or not (any(c.isupper() for c in core) and any(c.islower() for c in core)):
        return False
    runs = _CASE_RUNS.findall(core)
    if len(core) < 10 and (len(runs) < 6 or sum(r.isdigit() for r in runs) < 2):
        return False  # (8-9 characters only when digits and cases change all through it: "Xk9mPq2L")
    digit_runs = sum(r.isdigit() for r in runs)
    # (one digit among many case changes is random too: "BEJqWtzGC4ap", "rkqpoecRc4Xr")
    many_switches = digit_runs >= 1 and len(runs) - digit_runs >= 5
    if digit_runs < 2 and not (len(core) >= 30 and digit_runs >= 1) and not many_switches:
        return False
    letters = "".join(r for r in runs if r.isalpha())
    camel = _CAMEL_WORDS.findall(core)
    wordy = sum(len(w) for w in camel if len(w) >= 4 and is_ordinary_word(w))
    if digit_runs < 2 and many_switches:  # (and short words: "getUserById2" is code)
        wordy = sum(len(w) for w in camel if len(w) >= 2 and is_ordinary_word(w))
    return wordy < 0.6 * len(letters)  # camelCase names in code are mostly words


def _password_like(core: str) -> bool:
    """Letters with digits and a password symbol; not an address, a hashtag or a plain sentence end."""
    symbols = {c for c in core if c in _PASSWORD_SYMBOL}
    if not symbols or not any(c.isalpha() for c in core) or not any(c.isdigit() for c in core):
        return False
    if core.startswith(("#", "$", "@")) and core[1:].replace("_", "").isalnum():
        return False  # a hashtag, a variable, a handle
    trailing_only = core.rstrip("!?") != core and not (set(core.rstrip("!?")) & _PASSWORD_SYMBOL)
    if trailing_only and symbols <= {"!", "?"}:
        return bool(_TITLE_DIGITS.fullmatch(core) or _LOWER_DIGITS.fullmatch(core) or _random_mix(core.rstrip("!?")))
    return True


class SecretShapeRecognizer(SingleEntityRecognizer):
    """Passwords, keys and tokens by their shape, without a cue word (see the module docstring)."""

    ENTITY = "CREDENTIAL"

    def find(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for run_start, run_end in runs_with(text, _VENDOR_HINT):
            for m in _VENDOR_KEYS.finditer(text, run_start, run_end):
                out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.99))
        for m in _VENDOR_PLAIN.finditer(text):
            out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.99))
        pair_passwords(text, out)  # "user admin pass sunflower", "logged in with haven-apple-boterham"
        flag_passwords(text, out)  # "mysql -u shop -pkaasschaaf", "--requirepass ...", "sshpass -p ..."
        spoken_passwords(text, out)  # "het wachtwoord is nu K o e k 7 7", "... is zonnehoed drie drie uitroepteken"
        if "://" in text:
            for m in _USERINFO.finditer(text):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.98))
        public = _public_ranges(text)
        codes = [m for s, e in runs_with(text, _DASH) for m in _DASHED.finditer(text, s, e)]
        if _TOTP_HINT.search(text):
            codes += _TOTP.finditer(text)
        for m in codes:
            totp = " " in m.group()
            if _grouped_code(m.group(), totp) and not _inside(public, m.start()):
                out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.95 if totp else 0.8))
        for tok_start, tok_end in _tokens(text):
            if public and _inside(public, tok_start):  # (most texts have no header or key block: no call)
                continue
            core, lead = _strip(text[tok_start:tok_end])
            for part, start in _values_of(text, core, tok_start + lead):
                if len(part) < 6:
                    continue  # (``verdict``'s first test, here without the calls for the many short tokens)
                score = self._score(text, part, start)
                if score:
                    out.append(RecognizerResult("CREDENTIAL", start, start + len(part), score))
        return [r for r in out if not is_placeholder(text[r.start : r.end])]

    @staticmethod
    def _score(text: str, core: str, start: int) -> float:
        return verdict(text, core, start)[0]


# a login glued to its password by a slash: "admin/Brq55!mole", "jan@x.nl/Kx4-pebble-Rd" (the login is no secret)
_GLUED_LOGIN = re.compile(r"(?:[A-Za-z][a-z]{2,15}|[\w.+-]+@[\w-]+\.[\w.-]+)/(?P<v>[^/\s]{6,64})")


def _values_of(text: str, core: str, start: int) -> list[tuple[str, int]]:
    """The parts of a token that may be a secret, with their offsets: the value of a ``key=value`` (of each pair of a
    form-encoded "username=x&password=y"), the password of a glued "login:password" or "login/password"; else the
    whole token. A slash joins a login only where a login is talked about or the login is an e-mail address
    ("see docs/Install2024" is a path)."""
    if core.startswith("=") and core.strip("="):  # ("passphrase is '=blauwe-kaas-42'": the "=" is no part)
        lead = len(core) - len(core.lstrip("="))
        core, start = core[lead:], start + lead
    if "=" in core and not core.startswith("="):
        pairs = core.split("&")
        if len(pairs) == 1 or not all("=" in pair for pair in pairs):
            pairs = [core]  # ("PASSWORD=abc&def": one value with an "&" in it)
        out: list[tuple[str, int]] = []
        pos = start
        for pair in pairs:
            key, _, value = pair.partition("=")
            quote = len(value) - len(value.lstrip("\"'`“‘"))  # ('password="K8#mPq2x"': the quotes are no part)
            if value[quote:] and not _VERIFICATION_KEY.search(key):
                out.append((value[quote:], pos + len(key) + 1 + quote))
            pos += len(pair) + 1
        return out
    if ":" in core and (label := _GLUED_LABEL.match(core)) and not _explained(core):
        return [(core[label.end() :], start + label.end())]  # "mdp:Parapluie#17", "shop_rw:Bq4$Lm9p"
    if "/" in core and (login := _GLUED_LOGIN.fullmatch(core)) and not _explained(core) and (
        "@" in core or _LOGIN_CONTEXT.search(text, max(0, start - 200), start)
    ):
        return [(login.group("v"), start + login.start("v"))]
    return [(core, start)]


def verdict(text: str, core: str, start: int) -> tuple[float, str]:
    """The shape score of the token ``core`` at ``start`` (0: no secret) and why it is or is not one."""
    if len(core) < 6 or len(core) > 100 or core.isdigit():
        return 0.0, "length or digits only"
    if _explained_thing(core):
        return 0.0, "explained: domain, path, version, product, code name, hash or object id"
    joined = _joined_code(core)
    score = 0.0 if joined else _shape_score(text, core, start)
    loose = not score and loose_shape(core) and near_secret_cue(text, start, start + len(core))
    if loose:
        # a shape ordinary text has too, in a message about a secret (``secret_context``); as sure as a name's
        # organisation guess, which a capitalised word before a dot can get ("Wolke" of "Wolke.Blau.4")
        score = 0.9
    if not score and joined:
        return 0.0, "explained: domain, path, version, product, code name, hash or object id"
    if not score:
        return 0.0, "no secret shape"
    bare = core.rstrip("?!")  # (``_explained``'s sentence-end retry, left to here: "#ff6600?", "Office365?")
    if bare != core and len(bare) >= 3 and (_explained_thing(bare) or (not loose and _joined_code(bare))):
        return 0.0, "explained: domain, path, version, product, code name, hash or object id"
    if _PUBLIC_KEY_BEFORE.search(text[max(0, start - 40) : start]):
        return 0.0, "public key"
    if _PRODUCT_CUE.search(text[max(0, start - 24) : start]) and (loose or _WORD_DIGITS.fullmatch(core)):
        return 0.0, "product named by its cue"  # "abonnement Pro2024", "model RAX50"
    if any(c.isdigit() for c in core):
        span = explainers.Span(text, start, start + len(core))
        for explain in _HARMLESS:
            if explain(span):
                return 0.0, explain.__name__
    return score, "secret shape"


def why_kept(text: str, start: int, end: int) -> str:
    """Why the whitespace token ``text[start:end]`` is no secret by its shape (for audits; see ``verdict``)."""
    core, lead = _strip(text[start:end])
    if _inside(_public_ranges(text), start):
        return "mail header or public key block"
    return verdict(text, core, start + lead)[1]


def _shape_score(text: str, core: str, start: int) -> float:
    """How much the token looks like a secret by its shape alone (0: not at all)."""
    if _password_like(core):
        return 0.93
    if _random_mix(core):
        return 0.75
    m = _WORD_DIGITS.fullmatch(core.rstrip("!?#*"))
    if m and _TITLE_DIGITS.fullmatch(core):
        return 0.7
    if m and _LOWER_DIGITS.fullmatch(core):
        before = text[max(0, start - 200) : start]
        return 0.7 if _LOGIN_CONTEXT.search(before[before.rfind("\n\n") + 1 :]) else 0.0
    return 0.0


_HARMLESS = (
    explainers.date_or_time, explainers.ip_address, explainers.version, explainers.hash_or_hex,
    explainers.tracking_code, explainers.amount, explainers.measurement,
)


def _tokens(text: str) -> list[tuple[int, int]]:
    """The whitespace-delimited tokens that hold a digit or a password symbol."""
    out: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    while (m := _TRIGGER.search(text, pos)) is not None:
        start = end = m.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < n and not text[end].isspace():
            end += 1
        out.extend(_cells(text, start, end))
        pos = end
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A token of CSV cells ("118,Arjun,Sharma,+91", "shirt;XL;+12") as its cells: each is judged alone."""
    token = text[start:end]
    sep = "," if token.count(",") >= 2 else ";" if token.count(";") >= 2 else ""
    if not sep:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    for cell in token.split(sep):
        if cell and _TRIGGER.search(cell):
            out.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return out


def _grouped_code(value: str, totp: bool) -> bool:
    """Groups that mix letters and digits (a recovery or licence code), not words, years or model names."""
    groups = value.split(" " if totp else "-")
    mixed = sum(any(c.isdigit() for c in g) and any(c.isalpha() for c in g) for g in groups)
    if totp:
        return mixed >= 1 and sum(len(g) for g in groups) >= 16
    if value.isupper() or value.islower() or value.replace("-", "").isdigit():
        return mixed >= 2 and not _CPU.match(value) and not _UUID.search(value)
    return False


def _public_ranges(text: str) -> list[tuple[int, int]]:
    """Mail header blocks and certificate or public-key blocks: their tokens are not secrets."""
    ranges: list[tuple[int, int]] = []
    if ":" in text:
        for m in _HEADER_LINE.finditer(text):
            end = m.end()
            while True:  # the header's folded continuation lines (RFC 5322 section 2.2.3)
                nl = text.find("\n", end)
                if nl < 0:
                    end = len(text)
                    break
                end = nl
                if text[nl + 1 : nl + 2] not in (" ", "\t"):
                    break
                end = nl + 1
            ranges.append((m.start(), end))
    if "-----BEGIN" in text:
        ranges.extend(m.span() for m in _PUBLIC_BLOCK.finditer(text))
    return ranges


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)


def secret_recognizers(lang: str) -> list[EntityRecognizer]:
    return [SecretShapeRecognizer(lang)]
