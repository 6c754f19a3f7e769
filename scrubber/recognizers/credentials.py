"""Secrets (CREDENTIAL): passwords, PINs, API keys and tokens, 2FA and recovery codes.

The secret itself is stripped, never the word "password". Three kinds of evidence:

1. Token shapes that are secrets wherever they appear: Stripe ``sk_live_``, GitHub ``ghp_``/
   ``github_pat_``, GitLab ``glpat-``, Slack ``xox?-``, AWS ``AKIA``, Google ``AIza``, JWTs (RFC 7519
   compact form), ``Bearer``/``Basic`` credentials in an Authorization header (RFC 6750, RFC 7617),
   PEM private keys (RFC 7468), ``*_PASSWORD=``/``*_SECRET=``/``*_KEY=`` lines of .env files and the value of a
   token/key/password parameter in a URL's query string.
2. The first secret-looking token after a cue word in Dutch or English ("wachtwoord", "ww", "pin",
   "password", "verhuiscode", "auth code", "licence key", "backup code", the answer to a security
   question), on the same line, also over filler ("heb ik veranderd naar ..."); else the token right after
   the cue's marker further on ("de pincode van het account (...) is 5093"); the next line when the cue's
   clause ends in its marker ("het wachtwoord voor de FTP is\n..."); and the whole rest of a
   "password: ..." label line when it is a phrase of a few words (a passphrase is one value), and a run of
   3-6 uncommon words after the cue's marker ("... veranderd in molen zomer haven appel maar ...", "password is
   coffee dragon apple window"; common words of wordfreq end the run, so prose after a cue is none).
3. One-time codes (6 digits) near a 2FA/SMS cue, a list of codes on the lines after a recovery-code
   cue, and every other standalone 4-6 digit code in a PIN cue's paragraph ("PIN 0000 was refused so I
   chose 7391").

A plain number near a cue that is an amount, a quantity or time, a year after "sinds"/"since", or a
number a kept cue names ("bon 88123") is no secret (``scrubber.recognizers.explainers``).
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from scrubber.recognizers import explainers
from scrubber.recognizers.base import (
    SingleEntityRecognizer,
    first_letter_guard,
    lowered_for_stems,
    may_contain,
    runs_with,
    words,
)
from scrubber.recognizers.prose_words import ABOUT_PASSWORD as _ABOUT_PASSWORD
from scrubber.recognizers.prose_words import PROSE_AFTER_CUE as _PROSE
from scrubber.recognizers.prose_words import is_ordinary_word
from scrubber.recognizers.secret_answers import STEMS as _ANSWER_STEMS
from scrubber.recognizers.secret_answers import security_answers
from scrubber.recognizers.secret_config import STEMS as _CONFIG_STEMS
from scrubber.recognizers.secret_config import config_secrets
from scrubber.recognizers.secret_cues import CUE as _CUE
from scrubber.recognizers.secret_cues import CUE_STEMS as _CUE_STEMS
from scrubber.recognizers.secret_cues import MARKER as _MARKER
from scrubber.recognizers.secret_cues import NOT_SECRET_CODE as _NOT_SECRET_CODE
from scrubber.recognizers.secret_cues import NOT_SECRET_CODE_AFTER as _NOT_SECRET_CODE_AFTER
from scrubber.recognizers.secret_cues import PIN_CUE as _PIN_CUE
from scrubber.recognizers.secret_cues import PIN_STEMS as _PIN_STEMS
from scrubber.recognizers.secret_cues import WORD_SECRET_CUES as _WORD_SECRET_CUES
from scrubber.recognizers.secret_cues import cue_follower as _cue_follower
from scrubber.recognizers.secret_labels import label_value
from scrubber.recognizers.secret_phrases import _common_words
from scrubber.recognizers.secret_phrases import label_phrase as _label_phrase
from scrubber.recognizers.secret_phrases import marker_phrase as _marker_phrase
from scrubber.recognizers.secret_phrases import plain_phrase as _plain_phrase
from scrubber.recognizers.secret_phrases import sentence_phrase as _sentence
from scrubber.recognizers.secret_spaced import spaced_value
from scrubber.recognizers.secret_tables import column_cells
from scrubber.recognizers.secret_typos import typo_cues
from scrubber.recognizers.secret_values import URLISH as _URLISH
from scrubber.recognizers.secret_values import is_placeholder
from scrubber.recognizers.secret_values import looks_secret as _looks_secret
from scrubber.recognizers.secret_values import strip_token as _strip_token

_SHAPES = re.compile(
    r"(?<![\w-])(?:"
    r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"
    r"|whsec_[A-Za-z0-9]{10,}"
    r"|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
    r"|glpat-[A-Za-z0-9_-]{16,}"
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"
    r"|AKIA[0-9A-Z]{16}"
    r"|AIza[0-9A-Za-z_-]{35}"
    r"|eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"
    r"|(?!pk_)[a-z]{2,8}_(?:pat|live|sk|key|token)_[A-Za-z0-9]{16,}"
    r")(?![\w-])"
)
_AUTH_HEADER = re.compile(r"(?i:\b(?:bearer|basic|token))\s+(?P<v>[A-Za-z0-9._~+/=-]{16,})")
_AUTH_HEADER_STEMS = ("bearer", "basic", "token")
_PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{0,8000}?-----END [A-Z ]*PRIVATE KEY-----")
_ENV = re.compile(
    r"(?m)^[ \t]*(?:export\s+)?[A-Za-z0-9_.]*(?i:pass(?:word|wd)?|pwd|secret|token|api_?key|app_key|private_key"
    r"|auth_key|access_key|client_secret|key)[A-Za-z0-9_]*[ \t]*[=:][ \t]*[\"']?(?P<v>[^\s\"']{4,})"
)
_ENV_STEMS = ("pass", "pwd", "secret", "token", "key")
# publishable keys and public keys are published on purpose (Stripe's pk_, PUBLIC_KEY=...)
_PUBLIC_ENV = re.compile(r"(?i)publishable|public|pubkey|site_?key|pk_(?:live|test)_")
# Speed-up hint (see ``runs_with``): every _SHAPES match is free of whitespace and holds one of these
# characters ("K" of AKIA, "J" of eyJ), except Google's "AIza" keys: a text holding "AIza" is searched whole.
_SHAPES_HINT = re.compile(r"[-_KJ]")

_PASSPHRASE_CUES = re.compile(r"(?i)passphrase|wachtzin|pass\s?phrase|phrase\s+secr[eè]te")
_ANSWER_CUE = re.compile(r"(?i)antwoord|answer")
_QUESTION = re.compile(r"(?i)vraag|question")
# (a wrapped value is one token, spaces and all: quotes, backticks, brackets; see ``secret_values.unwrap``)
_TOKEN = re.compile(
    r"'[^'\n]{3,64}'|\"[^\"\n]{3,64}\"|“[^”\n]{3,64}”|‘[^’\n]{3,64}’|`[^`\n]{3,64}`|\[[^\]\n]{3,64}\]|[^\s]{3,80}"
)
_APP_PASSWORD = re.compile(r"[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}(?![\w])")
# 6 digits, maybe split 3 + 3 or 2 + 2 + 2 (as an app shows them),
# not preceded by a word character or ".,/-": written with that look-behind
# after the first digit so that ``re`` skips ahead to digits instead of trying it at every position.
# (or digit by digit, as read out from a screen: "8 2 1 4 5 0", not inside a longer run of spaced digits)
_OTP = re.compile(r"\d(?<![\w.,/-]\d)(?<!\d \d)(?:\d{2} \d{3}|\d{5}|\d \d{2} \d{2}|(?: \d){5}(?! \d))"
                  r"(?![\w]|[.,/-]\d)")
# (also a code compound: "activatiecode", "inlogcode", "sms-code"; not "kortingscode", see ``_NOT_SECRET_CODE``)
_OTP_CUE = words(r"sms", r"2fa", r"two[- ]factor", r"tweestaps\w*", r"authenticator", r"otp", r"[^\W\d_]*code\w*",
                 r"verificatie\w*", r"verification")
# (after a list's bullet or number: "1. 4827 1937"; also ten or twelve characters in one: "k7pq2mzx9w", issue 16)
_CODE_LINE = re.compile(r"(?m)^[ \t>]*(?:[-*•]|\d{1,2}[.)])?[ \t]*"
                        r"(?P<v>(?=[A-Za-z0-9.-]*\d)[A-Za-z0-9]{3,12}(?:[-. ][A-Za-z0-9]{3,8}){0,4})[ \t]*$")
_LIST_CUE = re.compile(
    r"(?i)(?:backup|recovery|herstel|reserve|back-up|notfall|wiederherstellungs)[- ]?codes?"
    r"|codes?\s+de\s+(?:r[ée]cup[ée]ration|secours)"
)
# (also grouped by dots, as codes are regrouped: "482.913.557"; not a date, whose groups are shorter)
_CODE_INLINE = re.compile(r"(?<![\w.-])(?=[A-Za-z0-9.-]*\d)(?:[A-Za-z0-9]{4,10}(?:-[A-Za-z0-9]{3,8}){0,3}"
                          r"|[A-Za-z0-9]{3,8}(?:\.[A-Za-z0-9]{3,8}){1,3})(?![\w-]|\.\w)")
_LAST_WORD = re.compile(r" ([^\W\d_]+)$")
_LIST_CUE_STEMS = ("backup", "recovery", "herstel", "reserve", "back-up", "notfall", "wiederherstellung", "codes de")
# a plain lower-case word after "is" is the secret only when the clause ends there ("mijn ww is appeltaart")
_CLAUSE_END = re.compile(r"\s*(?:$|[\n.,;!?)]|(?i:maar|but|en|and|dus|so)\b)")
# pictographs people put between a cue and its value in chats (emoji, dingbats, arrows' variation selectors)
_PICTOGRAPH = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]")


class CredentialRecognizer(SingleEntityRecognizer):
    """Passwords, PINs, keys and codes; see the module docstring for the evidence used."""

    ENTITY = "CREDENTIAL"

    def find(self, text: str) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if _PICTOGRAPH.search(text):  # "wachtwoord: 🔑 Zomer2024!", "APP_KEY=👉 base64:...": read as a space
            text = _PICTOGRAPH.sub(" ", text)  # (one code point each: the offsets stay those of the text)
        for start, end in [(0, len(text))] if "AIza" in text else runs_with(text, _SHAPES_HINT):
            for m in _SHAPES.finditer(text, start, end):
                out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.99))
        if "-----BEGIN" in text:  # speed-up only: in every _PEM match
            for m in _PEM.finditer(text):
                out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.99))
        lowered = lowered_for_stems(text)
        for rx, stems in ((_AUTH_HEADER, _AUTH_HEADER_STEMS), (_ENV, _ENV_STEMS)):
            if may_contain(lowered, stems):  # speed-up only: no stem, no match
                for m in rx.finditer(text):
                    if rx is _ENV and _PUBLIC_ENV.search(m.group()):
                        continue  # a publishable or public key
                    out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.95))
        if may_contain(lowered, _CONFIG_STEMS):  # a pasted config's secret-naming keys (speed-up only)
            config_secrets(text, out)
        if may_contain(lowered, _ANSWER_STEMS):  # the answer to a security question (speed-up only)
            security_answers(text, out)
        if may_contain(lowered, _CUE_STEMS):  # no cue word, no match (speed-up only)
            for m in _CUE.finditer(text):
                if "\n" not in text or not column_cells(text, m, out):  # (a table's column: "user;ww\nbeheer;...")
                    self._after_cue(text, m, out)
        for start, end, cue_word in typo_cues(text):  # "wahctwoord", "paswsord": read as the cue itself
            self._after_typo(text, start, end, cue_word, out)
        if may_contain(lowered, _PIN_STEMS):
            for m in _PIN_CUE.finditer(text):
                _pin_window(text, m.end(), out)
        for m in _OTP.finditer(text):
            left = text[max(0, m.start() - 80) : m.start()]
            left = left[left.rfind("\n") + 1 :]
            cue = _OTP_CUE.search(left)
            if cue is None and _ENDS_LINE.match(text, m.end()):
                left = _lines_before(text, m.start())
                cue = _OTP_CUE.search(left)
            before = left[: cue.start()] + cue.group()[: cue.group().lower().rfind("code")] if cue else ""
            if cue and not _NOT_SECRET_CODE.search(before):  # not a "branch code 040101", "kortingscode 482913"
                out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.85))
        if may_contain(lowered, _LIST_CUE_STEMS):
            for m in _LIST_CUE.finditer(text):
                self._code_list(text, m.end(), out)
        if "?" in text and "=" in text:
            for m in _QUERY_SECRET.finditer(text):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.97))  # over the URL's DOMAIN
        if " / " in text and may_contain(lowered, _PAIR_STEMS):
            for m in _PAIR.finditer(text):
                line_end = text.find("\n", m.start("v"))
                phrase = _plain_phrase(text, m.start("v"), len(text) if line_end < 0 else line_end)
                start, end = phrase or (m.start("v"), m.end("v"))
                out.append(RecognizerResult("CREDENTIAL", start, end, 0.9))
        return [r for r in out if not is_placeholder(text[r.start : r.end]) and not _no_secret(text, r.start, r.end)]

    @staticmethod
    def _after_cue(text: str, cue: re.Match[str], out: list[RecognizerResult]) -> None:
        line_start = text.rfind("\n", 0, cue.start()) + 1
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end < 0 else line_end
        stop = min(line_end, cue.end() + 60)
        # "antwoord"/"answer" is a secret cue only when a security question was mentioned before it.
        if _ANSWER_CUE.fullmatch(cue.group()) and not _QUESTION.search(text[max(0, cue.start() - 120) : cue.start()]):
            return
        technical = text[cue.start() - 1 : cue.start()] in ("(", "_", ".", '"')  # (a JSON key: '"code":40101')
        if cue.group().lower() == "code" and (technical or _NOT_SECRET_CODE.search(text[line_start : cue.start()])
                                              or _NOT_SECRET_CODE_AFTER.match(text, cue.end())):
            return  # an error, status, post or promo code; code in code; "code postal"
        rest = text[cue.end() : line_end]
        if rest.lstrip().startswith("?"):
            return  # a question about the secret ("Wo finde ich den Netzwerkschlüssel?") announces no value
        # ("wachtwoord voor de FTP is\n<value>"; not over a sentence end: "code: 729 411. Back-up codes:")
        ends_in_marker = (line_end - cue.end() <= 40 and cue.group().lower() not in _BARE_CUES
                          and not _SENTENCE_END.search(rest.rstrip().rstrip(":=")))
        if rest.strip() in ("", ":", "=") or (ends_in_marker and _MARKER.search(rest.rstrip())):
            # "Wachtwoord:\n  secret" - the value on the next line
            nxt = _next_filled_line(text, line_end)
            nl2 = text.find("\n", nxt)
            stop = min(len(text) if nl2 < 0 else nl2, nxt + 60)
            scan_from = nxt
        else:
            scan_from = cue.end()
        if cue.group().lower() not in _BARE_CUES and spaced_value(text, scan_from, out):
            return  # "the password was Tulpen 1962 (with the space)" (secret_spaced)
        if _PASSPHRASE_CUES.fullmatch(cue.group()) and _whole_phrase(text, scan_from, stop, out):
            return
        segment = text[scan_from:stop]
        app = _APP_PASSWORD.match(text, scan_from + len(segment) - len(segment.lstrip(" :=\t")))
        if app and app.end() <= stop + 20:
            out.append(RecognizerResult("CREDENTIAL", app.start(), app.end(), 0.9))
            return
        word_ok = bool(_WORD_SECRET_CUES.search(cue.group()))
        if word_ok and _label_phrase(text, cue.end(), scan_from, line_end, out):
            return
        if word_ok and (_marker_phrase(text, scan_from, line_end, out)
                        or _sentence(text, cue, scan_from, line_end, out)):
            return
        if _first_secret(text, scan_from, stop, word_ok, out, labelled=scan_from > line_end,
                         key_cue=bool(_KEY_CUE.search(cue.group()))):
            return
        # (a bare "code"/"key"/"token" is too often prose or JSON for a value further on: '"code":40101')
        window_end = min(line_end, cue.end() + 120)
        if cue.group().lower() not in _BARE_CUES and _after_marker(text, scan_from, window_end, out):
            return
        if scan_from == cue.end() and label_value(text, cue, out):  # "ftp pass: seagull": deny by default
            return
        if word_ok:
            _quoted_later(text, scan_from, out)

    @classmethod
    def _after_typo(cls, text: str, start: int, end: int, cue_word: str, out: list[RecognizerResult]) -> None:
        """A mistyped cue (``secret_typos``), read as its cue in a copy of the text with the word repaired."""
        repaired = text[:start] + cue_word + text[end:]
        cue = _CUE.match(repaired, start)
        if cue is None or cue.end() != start + len(cue_word):
            return
        found: list[RecognizerResult] = []
        cls._after_cue(repaired, cue, found)
        shift = len(cue_word) - (end - start)
        out.extend(RecognizerResult("CREDENTIAL", r.start - shift, r.end - shift, r.score)
                   for r in found if r.start >= cue.end())

    @staticmethod
    def _code_list(text: str, pos: int, out: list[RecognizerResult]) -> None:
        """Codes on the cue's own line ("backup codes: 4829 1736, 9037 2651") or one per line after it."""
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        for m in _CODE_INLINE.finditer(text, pos, min(line_end, pos + 200)):
            out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.85))
        region_end = min(len(text), pos + 400)
        para_breaks = 0
        for m in _CODE_LINE.finditer(text, pos, region_end):
            between = text[pos : m.start()]
            para_breaks += between.count("\n\n")
            if para_breaks > 1:
                break
            # (over the cue's own pick, which may be a part of the line: "1. 4827 1937")
            end = m.end("v")
            while (tail := _LAST_WORD.search(text, m.start("v"), end)) and is_ordinary_word(tail.group(1)):
                end = tail.start()  # a chat word after the code is no part of it ("7364-2918 pls")
            out.append(RecognizerResult("CREDENTIAL", m.start("v"), end, 0.92))
            pos = m.end()


# a code that ends its line may be named by the line or two before it ("die sms code werkt niet\n739 204\nnog een: 118
# 562"), within one paragraph: a chat names the code, then pastes it (issue 16)
_ENDS_LINE = re.compile(r"[ \t.!]*(?:\n|$)")
_LINES_BACK = 2
_LINES_REACH = 160


def _lines_before(text: str, pos: int) -> str:
    """The lines before the one ``pos`` is on, at most ``_LINES_BACK`` and ``_LINES_REACH`` characters, stopping at a
    blank line; with the start of ``pos``'s own line ("" when ``pos``'s line is the first)."""
    start = text.rfind("\n", 0, pos)
    if start < 0:
        return ""
    for _ in range(_LINES_BACK):
        prev = text.rfind("\n", 0, start)
        if not text[prev + 1 : start].strip() or start - prev > _LINES_REACH:
            break
        start = prev
        if prev < 0:
            break
    return text[max(0, start + 1) : pos]


# what stands where a secret is asked for and is none: a yes/no answer or state ("using password: YES", MySQL's own
# error text; "wachtwoord: nee"), and a key's size ("RSA 2048", "4096 bit") (issue 16)
_NO_SECRET_WORDS = frozenset({"yes", "no", "ja", "nee", "true", "false", "none", "null", "nil", "geen", "leeg", "empty",
                              "oui", "non", "nein", "aucun"})
_KEY_SIZE = re.compile(r"(?:512|1024|2048|3072|4096|8192)")
_KEY_ALGORITHM_BEFORE = re.compile(r"(?i)\b(?:rsa|dsa|ecdsa|dh)[ \t-]*$")
_BITS_AFTER = re.compile(r"(?i)[ \t-]*bits?\b")


# "v2.3", "V10.4.1": the version of what a key or password is for, after its cue ("the same key (API v2.3)"; issue
# 16, round 4); too short and too regular for a password
_V_VERSION = re.compile(r"[vV]\d{1,3}(?:\.\d{1,4}){1,3}")


def _no_secret(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if value.lower() in _NO_SECRET_WORDS or _V_VERSION.fullmatch(value.rstrip(".,;:!?)")):
        return True
    return bool(_KEY_SIZE.fullmatch(value)) and bool(
        _KEY_ALGORITHM_BEFORE.search(text, max(0, start - 10), start) or _BITS_AFTER.match(text, end)
    )


def _next_filled_line(text: str, line_end: int, max_blank: int = 2) -> int:
    """Where the line after ``line_end`` starts, past up to ``max_blank`` blank lines ("wachtwoord:\n\nopa-piet")."""
    nxt = line_end + 1
    for _ in range(max_blank):
        nl = text.find("\n", nxt)
        if nl < 0 or text[nxt:nl].strip():
            break
        nxt = nl + 1
    return nxt


_DIGIT_GROUPS = re.compile(r"(?: \d{3,6}){2,7}(?![\w,/-]|[.]\d)")
_PASSPHRASE_WORDS = re.compile(r"[^\W\d_]{2,}(?:[-_.][^\W\d_]{2,}){2,}(?:[-_.]\d{1,4})?")


# a word secret's digits written apart, up to the clause's end ("Kerstboom 2024 met spatie", "Kerstboom 2024.")
_WORD_THEN_DIGITS = re.compile(r" (\d{1,6})(?=\s*(?:$|[\n.,;!?)]|(?i:met|with|mit|avec)\b))")
# "de mysql user shop_rw is Zq7!...": the token after the marker is the secret, the one before it names the login
_THEN_MARKER = re.compile(r"[ \t]+(?:is|was|ist|est|lautet|=|:)[ \t]+(?P<v>[^\s]{4,80})")


def _named_after(text: str, end: int, stop: int) -> tuple[int, int] | None:
    """The secret-looking token after "is"/":" right behind the token that ends at ``end`` (a login name)."""
    m = _THEN_MARKER.match(text, end, max(stop, end + 90))
    if m is None:
        return None
    value, off = _strip_token(m.group("v"))
    if not _looks_secret(value) or (value.isdigit() and not _DIGIT_GROUPS.match(text, m.start("v") + len(value))):
        return None  # (digits only as a key in groups: "FRITZ!Box 7590 ist 4821 9921 0032 7711")
    return m.start("v") + off, m.start("v") + off + len(value)


# a key's cue: a UUID after it is the key ("API-sleutel: 3f9a7c2e-81b4-..."), elsewhere an object's id
_KEY_CUE = re.compile(r"(?i)api|key|token|sleutel|schl[üu]ssel|cl[ée]|secret")
_UUID = re.compile(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# a hash named as one ("in commit 0400885809f1...", "sha256 9f86d0..."): no secret, whatever the cue before it
_HEX_ID = re.compile(r"[0-9a-f]{7,64}")
_HASH_BEFORE = re.compile(r"(?i)\b(?:commit|sha(?:-?\d+)?|hash|revision|rev|checksum|md5)\W{0,3}$")


# a login or provider name glued to the value by a colon ("airtable:pat8M...", "admin:Welkom01"), not a scheme
_GLUED_NAME = re.compile(r"[A-Za-z][\w.-]{1,30}:(?=[^:/\s]{8,}$)")
# what may follow a lone word after a cue for it to be the value: the line's end, the value's state or a remark in
# brackets ("pw sunshine (yes I know)"; not one token in brackets, "ww reset (link)", "actuel (Lav!ande)", issue 16)
_BARE_END = re.compile(
    r"[ \t]*[.!,;]?[ \t]*(?:\n|$)|[ \t]+\((?![^\s()]+\))"
    r"|[ \t]+(?i:werkt|werken|works|worked|work|klappt|geht|funktioniert|marche|fonctionne|passe"
    r"|doesn't|does|did|didn't|won't|niet|not|nicht|pas|ne)\b"
)


def _first_secret(
    text: str, scan_from: int, stop: int, word_ok: bool, out: list[RecognizerResult], labelled: bool = False,
    key_cue: bool = False,
) -> bool:
    """The first secret-looking token in ``text[scan_from:stop]``, after a cue word (see the module docstring).

    ``labelled``: the cue stands at its line's end and the value starts the next line (a form's label).
    ``key_cue``: the cue names a key or token (see ``_KEY_CUE``)."""
    for count, tm in enumerate(_TOKEN.finditer(text, scan_from, stop)):
        if count >= 7:
            break
        if tm.end() == stop < len(text) and not text[stop].isspace():
            tm = _TOKEN.match(text, tm.start()) or tm  # a token cut by the window's end is read whole
        value, off = _strip_token(tm.group())
        start = tm.start() + off
        if not value:
            continue
        glued = _GLUED_NAME.match(value)  # "token airtable:pat8M...", "pw admin:Welkom01": the part after the name
        if glued and _looks_secret(value[glued.end() :]) and not _URLISH.search(value):
            value, start = value[glued.end() :], start + glued.end()
        key, equals, after = value.partition("=")  # "veranderd naar=Fadez2025", "pin=4827": the part after "="
        if equals and after and (key.isalpha() or not key) and not _URLISH.search(value):
            value, start = after, start + len(key) + 1
        if _YEAR.fullmatch(value) and _TIME_WORD.search(text, max(scan_from, start - 12), start):
            continue  # "werkt sinds 2023 niet": a year
        if _HEX_ID.fullmatch(value) and _HASH_BEFORE.search(text, max(0, start - 20), start):
            continue  # "the leaked key was in commit 0400885809f1...": a commit
        uuid_key = key_cue and _UUID.fullmatch(value)
        if (_harmless_digits(text, start, start + len(value)) or (explainers.shipment_or_uuid(value) and not uuid_key)
                or (value[:1].isdigit() and explainers.date_or_time(explainers.Span(text, start, start + len(value))))):
            continue  # "ik heb 1250 euro", "om 1430 uur", "bon 88123", "code JVGL0624812345678901"
        if _looks_secret(value) or (word_ok and _PASSPHRASE_WORDS.fullmatch(value) and not _URLISH.search(value)):
            start, end = _named_after(text, start + len(value), stop) or (start, start + len(value))
            groups = _DIGIT_GROUPS.match(text, end) if text[start:end].isdigit() else None
            end = groups.end() if groups else end  # a router's key in groups: "4821 9921 0032 7711 5506"
            out.append(RecognizerResult("CREDENTIAL", start, end, 0.9))
            return True
        quoted = tm.group()[0] in "'\"“‘`["
        # (a value on the label's next line, or quoted right after the cue, is introduced too: "WW 'Kaasschaaf'")
        clause_end = bool(_CLAUSE_END.match(text, start + len(value)))  # ("welkom," ends its clause)
        # (a lone word right after the cue that ends its line or is followed by its state: "ww mustang",
        # "nieuw wachtwoord azerty werkt ook niet"; not a word that makes a phrase with the cue, "wachtwoord wijzigen")
        # (a common word there is prose: "als wachtwoord gebruikt.", "password are not correct")
        bare = (count == 0 and bool(_BARE_END.match(text, start + len(value))) and not _cue_follower(value)
                and value.lower() not in _common_words())
        introduced = (bool(_MARKER.search(text[scan_from : tm.start()])) or tm.group()[:1] in ":=" or bare
                      or (count == 0 and (quoted or (labelled and clause_end))))  # (glued: "Passwrt:Schneckewolke")
        if (word_ok and introduced and value.rstrip("!").isalpha() and value.lower() not in _PROSE | _ABOUT_PASSWORD
                and (quoted or not value.islower() or clause_end or bare
                     or text[scan_from : tm.start()].rstrip().endswith((":", "=")))):
            digits = _WORD_THEN_DIGITS.match(text, start + len(value))  # "veranderd naar Kerstboom 2024"
            score = 0.92 if quoted or labelled else 0.8  # (quoted: over a name look-alike, "is 'KoffieMetMelk'")
            out.append(RecognizerResult("CREDENTIAL", start, digits.end(1) if digits else start + len(value), score))
            return True
        if value.lower() not in _PROSE and not quoted and count >= 4:
            return False
    return False


# a marker that introduces the value ("de pincode van het account (...) is 5093")
_VALUE_MARKER = re.compile(r"(?i)(?:[:=]|\b(?:is|was|wordt|naar|are|to|ist|est|es)\b)[ \t]*")
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_TIME_WORD = re.compile(r"(?i)\b(?:sinds|since|seit|depuis|in|vanaf|from|tot|until|na|after|voor|before|jaar|year)\s+$")
# (a PIN cue: see ``secret_cues.PIN_CUE``; also "4 4 7 1")
_PIN_VALUE = re.compile(r"(?<![\w.,/:€$£-])(?:\d{4,6}|\d(?: \d){3,5})(?![\w%]|[.,/:-]\d)")  # also "4 4 7 1"
# what else a short number near a PIN cue is: an amount, a quantity or time, a number named by a kept cue
_NOT_A_PIN = (explainers.amount, explainers.measurement, explainers.date_or_time, explainers.kept_cue)
_PIN_REACH = 120


_UNIT_AFTER = re.compile(r"(?i)\s*(?:uur|u\b|h\b|hrs?\b|hours?|min\b|minuten|minutes|sec|seconden|seconds|dagen|days)")


def _harmless_digits(text: str, start: int, end: int, named: bool = True) -> bool:
    """A plain number near a cue that is something else: an amount, a quantity or time, or (``named``) a number
    a kept cue names ("bon 88123"; not after the cue's own marker: "the PIN for the second line is 7720")."""
    if not text[start:end].isdigit():
        return False
    span = explainers.Span(text, start, end)
    checks = _NOT_A_PIN if named else _NOT_A_PIN[:-1]
    return bool(_UNIT_AFTER.match(text, end)) or any(explain(span) for explain in checks)


# what a value stands right after when it is given as the PIN ("de oude was 1964", "the old one is 2003", "Oud: 2012")
_PIN_MARKER_BEFORE = re.compile(r"(?i)(?:\b(?:is|was|wordt|ist|war|lautet|est|becomes)|[:=])[ \t]*$")


def _pin_window(text: str, pos: int, out: list[RecognizerResult]) -> None:
    end = text.find("\n\n", pos)
    end = min(len(text) if end < 0 else end, pos + _PIN_REACH)
    for m in _PIN_VALUE.finditer(text, pos, end):
        # a year-shaped number is the PIN only when a marker gives it as a value (issue 16), not "sinds 2019"
        if _YEAR.fullmatch(m.group()) and not _PIN_MARKER_BEFORE.search(text, max(pos, m.start() - 12), m.start()):
            continue
        if _harmless_digits(text, m.start(), m.end()):
            continue
        out.append(RecognizerResult("CREDENTIAL", m.start(), m.end(), 0.8))


_BARE_CUES = frozenset({"code", "key", "token", "secret", "sleutel", "antwoord", "answer"})
_YEAR = re.compile(r"(?:19|20)\d\d")


def _after_marker(text: str, scan_from: int, stop: int, out: list[RecognizerResult]) -> bool:
    """The secret-looking token right after the first marker in the cue's window, if there is one."""
    m = _VALUE_MARKER.search(text, scan_from, stop)
    if m is None:
        return False
    tm = _TOKEN.match(text, m.end(), stop)
    if tm is None:
        return False
    value, off = _strip_token(tm.group())
    start = tm.start() + off
    if not value or _YEAR.fullmatch(value) or not _looks_secret(value):
        return False
    if _harmless_digits(text, start, start + len(value), named=False):
        return False
    out.append(RecognizerResult("CREDENTIAL", start, start + len(value), 0.85))
    return True


_QUOTED = re.compile(r"[\"“'‘`](?P<v>[^\"”’'`\n]{3,64})[\"”’'`]")


def _quoted_later(text: str, pos: int, out: list[RecognizerResult]) -> None:
    """A quoted secret a little further on in the paragraph ("she wrote it down as "Moon-Dumpling-42"")."""
    end = text.find("\n\n", pos)
    end = min(len(text) if end < 0 else end, pos + 140)
    m = _QUOTED.search(text, pos, end)
    if m and (_looks_secret(m.group("v")) or _PASSPHRASE_WORDS.fullmatch(m.group("v"))) and " " not in m.group("v"):
        out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.85))


# (the phrase ends at punctuation, or at an emoji, which ``find`` turned into a space: "staple 😅 new one ...")
_PHRASE = re.compile(
    r"[:=]?\s*[\"'“‘`\[]?(?P<v>[^\W\d_]+(?:[ -][^\W\d_]+){1,7})[\"'”’`\]]?(?:\s*(?:$|[.,;!?)])|[ \t]{2,})", re.M
)


# the verb that gives a passphrase is no part of it ("passphrase is groene tractor"); after a preposition the words
# say where the passphrase goes, not what it is ("send the passphrase to your colleague?") (issue 16)
_PHRASE_VERB = re.compile(r"(?i)(?:is|was|wordt|werd|are|becomes|ist|lautet|est)[ \t]+(?=\S+[ -]\S)")
_PHRASE_PREPOSITION = re.compile(r"(?i)(?:to|naar|aan|for|voor|an|zu|à|with|met|via|per|by|door|from|van)\b")


def _whole_phrase(text: str, scan_from: int, stop: int, out: list[RecognizerResult]) -> bool:
    """A passphrase after its cue: the words up to the end of the clause, as one value."""
    m = _PHRASE.match(text, scan_from, stop)
    if m is None or _PHRASE_PREPOSITION.match(text, m.start("v")):
        return False
    verb = _PHRASE_VERB.match(text, m.start("v"), m.end("v"))
    out.append(RecognizerResult("CREDENTIAL", verb.end() if verb else m.start("v"), m.end("v"), 0.96))
    return True


# a secret in a URL's query string ("...?token=...", "&api_key=..."): the value, not the rest of the URL
_QUERY_SECRET = re.compile(
    r"[?&](?i:token|access_token|refresh_token|reset_token|api_?key|apikey|key|password|passwd|pass|pwd|secret"
    r"|client_secret|auth|signature|sig)=(?P<v>[^&\s#\"'<>]{8,})"
)


# user / password after a login cue: the password ("inloggegevens: admin / Welkom01")
_PAIR_CUES = r"login|log-?in|inlog\w*|credentials|creds|aanmeldgegevens|zugangsdaten|anmeldedaten|identifiants"
_PAIR = re.compile(
    first_letter_guard(_PAIR_CUES) + r"(?<![\w/.-])" + r"(?i:" + _PAIR_CUES + r")"
    r"(?![\w/.-])[^\n]{0,30}?(?<![\w/])[\w.@+-]{2,64}[ \t]+/[ \t]+(?P<v>[^\s/]{3,64}?)[.,;)]?(?=\s|$)"
)
_PAIR_STEMS = ("log", "inlog", "cred", "aanmeld", "zugangs", "anmelde", "identifiants")


def credential_recognizers(lang: str) -> list[EntityRecognizer]:
    return [CredentialRecognizer(lang)]
