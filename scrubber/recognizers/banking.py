"""Bank accounts (IBAN) and payment cards (CREDIT_CARD).

- IBAN in any spacing and case, validated with ISO 13616 mod-97 and the country's length
  (stdnum.iban). A candidate may run into the next word, so the longest valid prefix ending at a word
  boundary is taken.
- Old Dutch account numbers (9-10 digits, 11-proef) only after a bank cue word.
- Card numbers: 13-19 digits, Luhn check (ISO/IEC 7812), issuer prefix 2-6 (7 is petroleum, 8-9 are
  not cards, so a 16-digit payment reference is not a card). The expiry date and CVC written right
  after a card, or after their own cue word, are part of the card data (PCI DSS).
"""

from __future__ import annotations

import re

import schwifty
from presidio_analyzer import EntityRecognizer, RecognizerResult
from schwifty import registry

from scrubber.recognizers import explainers
from scrubber.recognizers.base import (
    Rule,
    RuleRecognizer,
    SingleEntityRecognizer,
    digits_of,
    first_letter_guard,
    lowered_for_stems,
    may_contain,
    words,
)
from scrubber.recognizers.number_split import card_digits, split_card_groups

# An IBAN candidate: two letters (not after a letter or digit), two check digits, then 10-32 characters
# of the account. The match starts at the first check digit and looks behind for the letters, so that
# ``re`` skips ahead to digits instead of trying every position; the candidate starts two characters
# before the match (tests/scrubber/recognizers/test_banking.py checks this finds what the plain pattern
# (?<![^\W_])[A-Za-z]{2}\d{2}(?:[ .-]?[A-Za-z0-9]){10,32} finds).
_IBAN_CANDIDATE = re.compile(r"\d(?<=(?<![^\W_])[A-Za-z]{2}\d)\d(?:(?:[ .-]|[ \t]*\r?\n[ \t>]*)?[A-Za-z0-9]){10,32}")
_IBAN_LOOSE = re.compile(r"[A-Z]{2}\d{2}[A-Z]{4}\d{7,24}")
# the country code written apart from the check digits: "NL 94 BUNQ 086 981 599 7"
# (also "NL-30-RABO-...", and an IBAN wrapped at a group: "NL23 SNSB\n7391 8689 33", where a quote's "> " may follow)
# ("(?<![^\W_])" written after the first letter, which it then also covers: the pattern starts with a character
# class, so ``re`` skips ahead to letters; the same matches; issue 19)
_IBAN_SPACED = re.compile(
    r"[A-Za-z](?<![^\W_][A-Za-z])[A-Za-z][ .-]\d{2}(?:(?:[ .-]|[ \t]*\r?\n[ \t>]*)?[A-Za-z0-9]){10,32}"
)
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
# Right after the word IBAN (and "nummer", ":", a quote), an IBAN-shaped value is the customer's account even when
# its check fails and its bank code is not four letters ("IBAN 'GB07 XYZ000000012345678B'"): a typo or an invented
# example is still written as the account it stands for (deny by default, issue 16). The value ends at the first
# group that holds no digit and is not in capitals (a bank code), so a following word is no part of it.
_IBAN_CUED = re.compile(
    r"(?<![^\W_])(?i:iban)(?:[ \t-]?(?i:nummer|number|nr|no)\.?)?[ \t]*[:=#]?[ \t]*[\"'\u2018\u201c(]?"
    r"(?P<v>[A-Za-z]{2}[ .-]?\d{2}(?:[ .-]?[A-Za-z0-9]){10,36})"
)
_IBAN_GROUP = re.compile(r"[A-Za-z0-9]+")


def _iban_shaped(compact: str) -> bool:
    """The length and BBAN structure of its country's IBAN (ISO 13616 registry, as schwifty holds it), whatever the
    check digits: "AT48 3200 0000 1234 5865" mistyped or invented is still written as an account."""
    try:
        spec = registry.get_iban_spec(compact[:2])
    except (KeyError, ValueError, schwifty.exceptions.SchwiftyException):
        return False
    return len(compact) == spec.iban_length and compact[2:4].isdigit() and spec.regex.match(compact[4:]) is not None


def _valid_iban(compact: str) -> bool:
    """ISO 13616: country length and mod-97 (schwifty; national BBAN checks are not required)."""
    try:
        schwifty.IBAN(compact)
    except (ValueError, schwifty.exceptions.SchwiftyException):
        return False
    return True


class IbanMod97Recognizer(SingleEntityRecognizer):
    """IBANs validated by mod-97; a near-IBAN with a bad checksum still counts, at a lower score."""

    ENTITY = "IBAN"

    def find(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        pos = 0
        while (m := _IBAN_CANDIDATE.search(text, pos + 2)) is not None:
            start = m.start() - 2  # the country letters
            pos = self._candidate(text, start, m.end(), results)
        for m in _IBAN_SPACED.finditer(text):
            if not any(r.start <= m.start() < r.end for r in results):
                self._candidate(text, m.start(), m.end(), results)
        for m in _IBAN_CUED.finditer(text):
            start = m.start("v")
            if not any(r.start <= start < r.end for r in results):
                end = start + _cued_length(m.group("v"))
                if 15 <= len(_NOT_ALNUM.sub("", text[start:end])) <= 34:
                    results.append(RecognizerResult("IBAN", start, end, 0.85))
        return results

    @staticmethod
    def _candidate(text: str, start: int, end: int, results: list[RecognizerResult]) -> int:
        """The longest valid IBAN in ``text[start:end]`` ending at a word boundary; returns where to go on."""
        pos = start + 1  # a candidate may swallow the next IBAN: rescan after what was used
        cand = text[start:end]
        # try end positions at word boundaries, longest first
        ends = [i + 1 for i in range(len(cand) - 1, 13, -1) if cand[i].isalnum()
                and (i + 1 == len(cand) or not cand[i + 1].isalnum())]
        loose_end = 0
        for end_at in ends:
            compact = _NOT_ALNUM.sub("", cand[:end_at]).upper()
            if _valid_iban(compact):
                results.append(RecognizerResult("IBAN", start, start + end_at, 1.0))
                return start + end_at
            # (a near-IBAN never runs over a line break: the next line's number is no part of it)
            if (not loose_end and "\n" not in cand[:end_at] and 15 <= len(compact) <= 34
                    and (_IBAN_LOOSE.fullmatch(compact) or _iban_shaped(compact))):
                loose_end = end_at
        if loose_end:
            # IBAN-shaped with a wrong check (a typo is still the customer's account): strip it
            results.append(RecognizerResult("IBAN", start, start + loose_end, 0.85))
            return start + loose_end
        return pos


def _cued_length(value: str) -> int:
    """How much of an IBAN-shaped value after the word IBAN is the account: its groups up to the first one without a
    digit that is not in capitals ("DE12 ABCD 0000 1111 2222 33 and" ends before "and")."""
    end = 0
    for group in _IBAN_GROUP.finditer(value):
        if end and not (any(c.isdigit() for c in group.group()) or group.group().isupper()):
            break
        end = group.end()
    return end


def _elfproef(value: str) -> bool:
    """Pre-2014 Dutch bank account numbers: 9 or 10 digits, weighted sum divisible by 11."""
    digits = digits_of(value)
    if len(digits) not in (9, 10) or len(set(digits)) == 1:
        return False
    weights = range(len(digits), 0, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


# ("bankrekening|rekening" spells out "(?:bank)?rekening": the same matches, and plain first letters for the guard)
_OLD_ACCOUNT_CUES = (
    r"bankrekening\w*|rekening\w*|reknr|rek\.\s?nr|bankrekening\w*|bank\s*account|account\s*(?:number|no)|giro\w*|bank"
)
_OLD_ACCOUNT = re.compile(
    first_letter_guard(_OLD_ACCOUNT_CUES) + r"(?<![^\W_])" + r"(?i:" + _OLD_ACCOUNT_CUES + r")"
    r"\b[^\n\d]{0,30}?(?<![\w.])(?P<v>\d{2,3}[. ]?\d{2}[. ]?\d{2}[. ]?\d{2,3}|\d{9,10})(?![\w]|[.,]\d)"
)

# (the look-behind stands after the first digit, which it then also covers, so that ``re`` skips ahead to
# digits; same matches as with it first, see tests/scrubber/recognizers/test_banking.py)
_CARD = re.compile(r"[2-6](?<![\w.,/-][2-6])\d{3}(?:[ .-]?\d){9,15}(?![\w]|[.,/-]\d)")
_CARD_CONTEXT = words(r"card", r"kaart", r"visa", r"master\s?card", r"amex", r"american express", r"maestro")
# (also with a one-digit month, as cards are typed: "exp 1/29", issue 16)
# (or with a dash, two-digit month, not inside a longer date: "5555-...-4444 / 08-27 / 737")
_EXPIRY = re.compile(
    r"(?<![\d/])(?:0[1-9]|1[0-2]|[1-9])\s?/\s?(?:20)?\d{2}(?![\d/])"
    r"|(?<![\d/.-])(?:0[1-9]|1[0-2])-(?:20)?\d{2}(?![\d/.-])"
)
# In a card's tail only (the 100 characters after a Luhn-valid number), the expiry in the other ways people write
# it after its cue ("exp 0327", "vervalt maart 2027", "geldig t/m 03-27", "gültig bis 03.2027") and a code named
# as such ("code 737"): with the card just given, they are the card's.
_MONTHS = (
    r"jan(?:uar[iy]?|vier)?|feb(?:ruar[iy]?|rier)?|mar(?:ch|s)?|m[äa]rz|maart|mrt|apr(?:il)?|avr(?:il)?|mei|ma[iy]"
    r"|juni?|june|juin|juli?|july|juillet|aug(?:ust(?:us)?)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?"
    r"|nov(?:ember|embre)?|de[cz](?:ember|embre)?|d[ée]c(?:embre)?"
)
_TAIL_EXPIRY = re.compile(
    r"(?i:exp\w*|vervalt|verloopt|vervaldatum|geldig(?:\s+(?:tot|t/m|tm))?|valid(?:\s+(?:thru|through|until))?"
    r"|g[üu]ltig(?:\s+bis)?|expire\w*)[\s.:]*(?:eind\s+|end\s+|fin\s+)?"
    r"(?:[^\w\s]{1,3}[ \t]?)?(?P<v>(?:0[1-9]|1[0-2])(?:[ ./-]?(?:20)?\d{2})|[1-9][./-](?:20)?\d{2}"
    r"|(?i:" + _MONTHS + r")\.?\s+(?:20)?\d{2})"
    r"(?![\d/.-]\d|\d)"
)
# (a card's tail value may be decorated: quoted, in backticks or brackets, after an emoji: "code `602`", "exp <02-27>")
# ("Prüfziffer", a check digit of anything, is the card's code only in the card's tail)
_TAIL_CODE = re.compile(
    r"(?i:\bcode|\bcodes?\s+is|\bpr[üu]fziffer)[\s.:]*(?:[^\w\s]{1,3}[ \t]?)?(?P<v>\d{3,4})(?![\w/]|[.,]\d)"
)
_CVC = re.compile(
    r"(?<![^\W_])(?i:cvc2?|cvv2?|csc|cid(?!:\S)|security\s+code"
    r"|(?:3|4|drie|vier|three|four)\s+(?:digits|cijfers)\s+(?:on\s+the\s+back|achterop|op\s+de\s+achterkant)"
    r"|cijfers\s+achterop|digits\s+on\s+the\s+back|beveiligingscode|kaartcode|controlecode"
    r"|code\s+(?:achterop|op\s+de\s+achterkant|on\s+the\s+back)|verificatiecode\s+van\s+de\s+kaart|cryptogramme|crypto\b"
    r"|pr[üu]fnummer|kartenpr[üu]fnummer|kartenpr[üu]fziffer|sicherheitscode|code\s+de\s+s[ée]curit[ée]"
    r"|codice\s+di\s+sicurezza)"
    r"(?:[^\n]{0,30}?|[ \t]*:?[ \t]*\n[ \t]*(?:[^\w\s]{1,3}[ \t]?)?)(?<!\d)(?P<v>\d{3,4})(?!\d)"
)
# Short cues that name a card's code only with the card before them ("..., security 088", "Controle 215", "de 3
# cijfers 904"): without a card they are anything ("security 771 updates"), so they count only when carded.
_CVC_CARDED = re.compile(
    r"(?<![^\W_])(?i:security|secure|controle|control|check|sicherheit|contr[ôo]le"
    r"|(?:de\s+|the\s+|die\s+)?(?:3|4|drie|vier|three|four|drei)\s+(?:cijfers|digits|ziffern|chiffres))"
    r"[ \t]*(?::|is|was|zijn|are)?[ \t]*(?<!\d)(?P<v>\d{3,4})(?![\d/]|[.,]\d)"
)
_CVC_CARDED_STEMS = ("secur", "contr", "check", "sicherheit", "cijfers", "digits", "ziffern", "chiffres")
# every cue word of _CVC / _EXPIRY_KEYED contains one of these (see ``may_contain``)
_CVC_STEMS = (
    "cvc", "cvv", "csc", "cid", "security", "beveiligingscode", "kaartcode", "controlecode", "code", "crypto",
    "fnummer", "digits", "cijfers", "fziffer", "codice",
)
# the CVC standing alone right after the expiry date of a card: "08/27 661", "03/29\n552"
# (also in brackets: "exp 12/31 (4294)")
# (or after a bar, semicolon or slash, as card dumps are pasted: "4007...9381|10/31|929", "... / 08-27 / 737")
_CVC_AFTER_EXPIRY = re.compile(
    r"[ \t]*(?:\n[ \t]*|[,|;/][ \t]*|[ \t]+)(?:[^\w\s]{1,3}[ \t]?)?(?P<v>\d{3,4})(?![\w/]|[.,]\d)"
)
# The card's code a few words after its expiry, under whatever cue ("valid 12/26, security 088", "tot 08/25. Controle
# 215", "de 3 cijfers 904"): with a card and its expiry just given, the next 3-4 digit number on the line is its code
# unless it is an amount, a quantity or a year (issue 16, deny by default; fresh corpora round 1: 3 codes missed)
_CVC_NEAR_EXPIRY = re.compile(
    r"(?:[^\n\d€$£]|(?<!\d)\d(?![\d/.,:-])){1,30}?(?<![\w€$£.,/:-])(?P<v>\d{3,4})(?![\w/%€]|[.,:]\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LAST_DIGITS = re.compile(
    r"(?i)(?:eindigend|eindigt|ending|ends|endet|endend|terminant|termin[ée]e?|finissant|laatste|last|letzten|derniers)"
    r"\b[^\n\d]{0,20}$"
)


def _cvc_near_expiry(text: str, pos: int) -> re.Match[str] | None:
    m = _CVC_NEAR_EXPIRY.match(text, pos)
    if m is None or _YEAR.fullmatch(m.group("v")) or _LAST_DIGITS.search(text, max(pos, m.start("v") - 30),
                                                                      m.start("v")):
        return None  # ("De oude (eindigend op 4663) is verlopen": the last digits of another card)
    span = explainers.Span(text, m.start("v"), m.end("v"))
    if explainers.amount(span) or explainers.measurement(span) or explainers.date_or_time(span):
        return None
    return m


# An account number next to its bank's code (UK sort code, US routing/ABA number, German BLZ, Canadian transit):
# the digits named as the account are the bank account, whichever country's
_BANK_CODE = r"sort\s*code|routing(?:\s*(?:number|no|nr))?|aba\b|blz\b|bankleitzahl|transit(?:\s*number)?"
_ACCOUNT_WORD = (
    r"\b(?:account|acc|a/c|acct|konto(?:nummer|nr)?)(?:\s*(?:number|no|nr|#))?\.?\s*:?\s*[\"'\u201c\u2018(\[]?"
)
_UK_ACCOUNT = re.compile(
    r"(?is:(?:" + _BANK_CODE + r").{0,80}?" + _ACCOUNT_WORD + r")(?P<v>\d{6,17})(?!\d)"
    r"|(?is:" + _ACCOUNT_WORD + r")(?P<w>\d{6,17})(?!\d)(?=(?is:.{0,80}?(?:" + _BANK_CODE + r")))"
)
_BANK_CODE_STEMS = ("sort", "routing", "aba", "blz", "bankleitzahl", "transit")
_EXPIRY_STEMS = ("exp", "vervaldatum", "verloopdatum", "valid")
_EXPIRY_KEYED = re.compile(
    r"(?<![^\W_])(?i:exp(?:iry|ires|iration)?(?:\s+date)?|vervaldatum|verloopdatum|valid\s+(?:thru|through|until))"
    r"[^\n\d]{0,8}?(?P<v>(?:0[1-9]|1[0-2]|[1-9])\s?/\s?(?:20)?\d{2})(?![\d/])"
)


# A card number with some digits hidden ("5123 8170 7847 xxxx", "4111 1111 1111 11**"): PCI DSS lets the first six
# and last four show, so a number that shows more than ten digits is still the customer's card (a few hundred
# candidates at most); one that shows ten or fewer is masked and stays.
_MASKED_CARD = re.compile(r"[2-6](?<![\w.,/-][2-6])(?:[ .-]?[\dxX*•]){12,18}(?![\w*•]|[.,/-]\d)")
_MASK_CHARS = frozenset("xX*•")
_MASK_HINT = re.compile(r"\d[ .-]?[xX*•]")  # (a masked card starts with a digit and holds a mask: this follows)


def _masked_card(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    masked = sum(c in _MASK_CHARS for c in value)
    return masked > 0 and digits > 10 and 13 <= digits + masked <= 19


def _valid_card(value: str) -> bool:
    return card_digits(digits_of(value))


class CardRecognizer(SingleEntityRecognizer):
    """Luhn-valid card numbers plus the expiry date and CVC that follow them."""

    ENTITY = "CREDIT_CARD"

    def find(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for m in _CARD.finditer(text):
            if not _valid_card(m.group()):
                continue
            left = text[max(0, m.start() - 40) : m.start()]
            carded = bool(_CARD_CONTEXT.search(left))
            if not carded and explainers.kept_cue(explainers.Span(text, m.start(), m.end())):
                continue  # a payment reference named as such is Luhn-valid one time in ten: "betaalkenmerk 5012 ..."
            score = 1.0 if carded else 0.9
            results.append(RecognizerResult("CREDIT_CARD", m.start(), m.end(), score))
            tail_end = min(len(text), m.end() + 100)
            for rx in (_TAIL_EXPIRY, _TAIL_CODE):
                for t in rx.finditer(text, m.end(), tail_end):
                    results.append(RecognizerResult("CREDIT_CARD", t.start("v"), t.end("v"), 0.9))
            for e in _EXPIRY.finditer(text, m.end(), tail_end):
                results.append(RecognizerResult("CREDIT_CARD", e.start(), e.end(), 0.9))
                cvc = _CVC_AFTER_EXPIRY.match(text, e.end()) or _cvc_near_expiry(text, e.end())
                if cvc:
                    results.append(RecognizerResult("CREDIT_CARD", cvc.start("v"), cvc.end("v"), 0.9))
        results.extend(RecognizerResult("CREDIT_CARD", s, e, 0.9) for s, e in split_card_groups(text))
        if _MASK_HINT.search(text):
            for m in _MASKED_CARD.finditer(text):
                if _masked_card(m.group()):
                    results.append(RecognizerResult("CREDIT_CARD", m.start(), m.end(), 0.85))
        lowered = lowered_for_stems(text)
        for rx, stems in ((_CVC, _CVC_STEMS), (_EXPIRY_KEYED, _EXPIRY_STEMS), (_CVC_CARDED, _CVC_CARDED_STEMS)):
            if not may_contain(lowered, stems):
                continue  # no cue word, so no match (speed-up only)
            for c in rx.finditer(text):
                left = text[max(0, c.start() - 150) : c.start()]
                carded = bool(_CARD_CONTEXT.search(left) or _CARD.search(left))
                if rx is _CVC or carded:
                    # with a card nearby the code is the card's, not a password ("Security code: 4912")
                    results.append(RecognizerResult("CREDIT_CARD", c.start("v"), c.end("v"), 0.93 if carded else 0.9))
        return results

# A Postbank giro number (before 2014: one to seven digits, no check) after the word giro itself, not a year
# right after it ("acceptgiro" is a payment slip: the cue starts a word; "un giro di 500 metri" is no account)
_GIRO = re.compile(
    r"(?<![^\W_])(?i:giro(?:nummer|rekening|nr\.?)?|postgiro)\b[ \t:#]*(?i:(?:is|was|nummer|nr\.?)[ \t:#]*)?"
    r"(?P<v>P?\d{3,7})(?!\w|[.,/-]\d)"
)

# A French RIB: bank (5), branch (5), account (11, letters allowed), clé RIB (2), together or spaced as printed on
# the relevé d'identité bancaire; the key (97 - (89 bank + 15 branch + 3 account) mod 97) says it is one.
_FR_RIB = re.compile(r"\d(?<![\w.,/-]\d)\d{4}(?P<s>[ ]?)\d{5}(?P=s)[0-9A-Z]{11}(?P=s)\d{2}(?![\w]|[.,/-]\d)")
_RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")


def _valid_rib(value: str) -> bool:
    compact = re.sub(r"\s", "", value).translate(_RIB_LETTERS)
    bank, branch, account, key = int(compact[:5]), int(compact[5:10]), int(compact[10:21]), int(compact[21:])
    return 97 - (89 * bank + 15 * branch + 3 * account) % 97 == key


# A Swiss postal account ("Postkonto 30-38151-2", "PC 80-2-2"): prefix, number of up to six digits and a check digit
# (mod 10 recursive over the prefix and the number padded to six), after its cue only: the shape is a score's too.
_CH_POSTAL = re.compile(
    r"(?<![^\W_])(?i:post(?:check)?-?konto|pc(?:-konto)?|ccp|compte\s+postal|conto\s+postale)"
    r"[ \t:.#]*(?i:n(?:r|o)\.?[ \t:]*)?(?P<v>\d{2}-\d{1,6}-\d)(?![\w-]|[.,/]\d)"
)
_MOD10_RECURSIVE = (0, 9, 4, 6, 8, 2, 7, 1, 3, 5)


def _valid_ch_postal(value: str) -> bool:
    prefix, number, check = value.split("-")
    carry = 0
    for ch in prefix + number.zfill(6):
        carry = _MOD10_RECURSIVE[(carry + int(ch)) % 10]
    return (10 - carry) % 10 == int(check)


RULES = (
    Rule("IBAN", _FR_RIB, score=0.9, validate=_valid_rib),
    Rule("IBAN", _CH_POSTAL, score=0.92, group="v", validate=_valid_ch_postal,
         stems=("post", "pc", "ccp", "compte", "conto")),
    Rule("IBAN", _OLD_ACCOUNT, score=0.92, group="v", validate=_elfproef,
         stems=("rekening", "reknr", "rek.", "bank", "account", "giro")),
    Rule("IBAN", _GIRO, score=0.92, group="v", validate=lambda v: not re.fullmatch(r"(?:19|20)\d\d", v),
         stems=("giro",)),
)


class UkAccountRecognizer(SingleEntityRecognizer):
    """Bank account numbers named as such next to a bank code (sort code, routing/ABA number, BLZ)."""

    ENTITY = "IBAN"

    def find(self, text: str) -> list[RecognizerResult]:
        lowered = text.lower()
        if not any(stem in lowered for stem in _BANK_CODE_STEMS):
            return []
        out = []
        for m in _UK_ACCOUNT.finditer(text):
            group = "v" if m.group("v") else "w"
            out.append(RecognizerResult("IBAN", m.start(group), m.end(group), 0.97))
        return out


def banking_recognizers(lang: str) -> list[EntityRecognizer]:
    return [
        IbanMod97Recognizer(lang), CardRecognizer(lang), UkAccountRecognizer(lang),
        RuleRecognizer("OldAccountRecognizer", RULES, lang),
    ]
