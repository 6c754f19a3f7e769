"""Identifiers support needs (kept by default): customer, invoice/order/ticket numbers, domains and URLs,
IP addresses, KvK/enterprise numbers, VAT numbers, and the operator's own formats.

They are recognised so they win overlaps against look-alike stripped types: a customer number after
"klantnummer" is not a BSN, a KvK number is not a phone number, a payment reference is not a card.
Their action comes from configuration, so an operator can strip any of them without new code.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer
from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat

from scrubber.config import CustomPattern
from scrubber.recognizers.base import Rule, RuleRecognizer, digits_of, first_letter_guard, words

# (not over a table's cell separator: in "Naam;BSN / klant;195096976" the cell before names nothing; the
# column's header does, see ``scrubber.recognizers.explainers``)
# ("bei Ihnen", "bij jullie", "with you": whose number it is, between the cue and the value)
_FILLER = (
    r"[^\n\w;|\t]{0,6}(?:(?i:is|was|ist|lautet|est|nr\.?|no\.?|number|nummer|van|of|bei|ihnen|bij|jullie|u|with"
    r"|you|chez|vous)\W{1,4}){0,3}"
)


def _keyed(keywords: str, value: str, filler: str = _FILLER) -> re.Pattern[str]:
    """A cue word, a little filler ("nr.", "is", ": "), then the value in group ``v``."""
    return re.compile(
        first_letter_guard(keywords) + r"(?<![^\W_])" + r"(?i:" + keywords + r")" + filler + r"(?P<v>" + value
        + r")(?![\w]|[-/.]\w)"
    )


_CUSTOMER = _keyed(
    r"klant(?:en)?(?:nummer|nr|[- ]nr|[- ]nummer|[- ]id)?|relatie(?:nummer|nr)|debiteur(?:nummer|nr)?|lidnummer"
    r"|kunden(?:nummer|nr|[- ]nr|[- ]nummer)|kd\.?-?nr"
    r"|customer(?:\s+(?:id|number|no|nr|ref))?|client(?:\s+(?:id|number|no))?"
    # (not right after a bank's name: "Bank: Zenith Bank, account 2087734519", "Rabobank, account ...")
    r"|(?<!bank )(?<!bank, )(?<!bank: )(?<!savings )(?<!checking )(?<!current )account(?:\s+(?:id|number|no|nr))?|acct"
    r"|klantnummer:\s+relatienummer",
    r"[A-Z]{0,3}-?\d{4,10}",
)
_INVOICE = _keyed(
    r"factu(?:ur|ren)(?:nummer|nr)?|invoice(?:\s+(?:number|no|nr))?|order(?:nummer|nr)?(?:\s+(?:number|no|nr))?"
    r"|bestel(?:ling|nummer|nr|bon)|offerte(?:nummer|nr)?|quot(?:e|ation)(?:\s+(?:number|no))?|ticket(?:nummer|nr)?"
    r"(?:\s+(?:reference|number|no|id))?|referentie|(?<!taxpayer )(?<!taxpayer_)reference|ref|kenmerk"
    r"|betalingskenmerk|creditnota"
    r"|dossier(?:nummer)?"
    r"|case(?:\s+(?:number|no|id))?|zaaknummer|contract(?:nummer)?|mededeling|payment\s+reference",
    r"#?[A-Z]{0,4}[-/]?\d[\d-]{2,16}\d|\d{4}(?: \d{4}){2,4}",
)
# A list of numbers after a plural cue ("ordernummers 2024001, 2024002 en 2024003", "invoices 1 and 2"): all of it is
# kept, so that a listed order number that happens to pass a citizen number's checksum stays an order number.
# (Customer numbers come one to a message: no list rule for them.)
_LIST_VALUE = r"#?[A-Z]{0,4}[-/]?\d[\d-]{2,16}\d"
_LIST_JOIN = r"(?:[ \t]*[,&+/][ \t]*(?:(?i:en|and|und|et)[ \t]+)?|[ \t]+(?i:en|and|und|et|of|or|oder|ou)[ \t]+)"
_INVOICE_LIST = _keyed(
    r"(?:factu(?:ur|ren)(?:nummer|nr)?|invoice|order(?:nummer|nr)?|bestel(?:ling|nummer)|offerte(?:nummer)?"
    r"|ticket(?:nummer)?|dossier(?:nummer)?|case|zaaknummer|contract(?:nummer)?|rechnung(?:snummer)?|facture"
    r"|commande)(?:s|en|e)?",
    _LIST_VALUE + r"(?:" + _LIST_JOIN + _LIST_VALUE + r"){1,5}",
)
_LIST_ITEM = re.compile(_LIST_VALUE)
# every list match holds a value's last digit, a join and the next value's first digit (a gate that starts at a digit)
_LIST_GATE = re.compile(r"\d" + _LIST_JOIN + r"#?[A-Z]{0,4}[-/]?\d")


def _one_kind(value: str) -> bool:
    """The numbers of a list are of one kind: their digit counts differ by one at most (not "12345 and 123456782")."""
    counts = [sum(c.isdigit() for c in m.group()) for m in _LIST_ITEM.finditer(value)]
    return max(counts) - min(counts) <= 1


# A letter prefix with a year and a serial ("F2025-004317", "DH-58213") is an invoice or ticket number
# in practice; an operator with a different format adds a custom pattern.
# A year, a letter code and a serial ("2025-RG-30417", "2024-INV-0081") is one too.
_INVOICE_SHAPE = re.compile(
    r"(?<![\w-])#?(?:[A-Z]{1,3}(?:19|20)\d{2}-\d{3,7}|[A-Z]{2,4}-\d{4,8}|(?:19|20)\d{2}-[A-Z]{2,4}-\d{3,7})(?![\w-])"
)
# A reference's own noun before it on its line ("the ticket I opened (#HLP-55120)") makes the shape certain enough
# to win over a secret's shape.
_INVOICE_CONTEXT = words(r"ticket", r"invoice", r"factuur", r"rechnung", r"facture", r"order", r"bestelling",
                         r"commande", r"auftrag", r"referentie", r"reference", r"kenmerk", r"case", r"dossier")
# Belgian structured communication (OGM/VCS): +++123/4567/89012+++, mod-97 check on the last 2 digits.
_OGM = re.compile(r"(?:\+\+\+|\*\*\*)\d{3}/\d{4}/\d{5}(?:\+\+\+|\*\*\*)")


def _valid_ogm(value: str) -> bool:
    d = digits_of(value)
    check = int(d[:10]) % 97 or 97
    return check == int(d[10:])


_KVK = _keyed(
    r"kvk(?:[- ]?(?:nummer|nr|number|no))?|k\.v\.k\.?|handelsregister|chamber\s+of\s+commerce|coc(?:\s+number)?"
    r"|ondernemingsnummer|kbo(?:[- ]nummer)?"
    r"|company\s+(?:number|no\b\.?|nr\b\.?|reg(?:istration|\.)?(?:\s+(?:number|no\b\.?))?)"
    r"|registration\s+number|btw-id"
    # the Belgian enterprise number under its English, French and German names, the Portuguese company number
    # (NIPC): a company's, kept like a KvK number (issue 16, round 4)
    r"|enterprise\s+(?:number|no\b\.?)|num[ée]ro\s+d'entreprise|bce|unternehmensnummer|nipc",
    r"\d{8}|0?\d{3}\.?\d{3}\.?\d{3}|[5-9]\d{2} \d{3} \d{3}",
)
_BE_ENTERPRISE = re.compile(r"(?<![\w.])[01]\d{3}\.\d{3}\.\d{3}(?![\w]|\.\d)")

# EU VAT numbers by country prefix, not after a word character. The look-behind stands after the first
# letter (which it then also covers) and each alternative checks that letter with a look-behind, in the
# original order, so that ``re`` skips ahead to capitals instead of trying every position; the plain form
# is in tests/scrubber/recognizers/test_kept.py, which checks that both find the same matches.
_VAT = re.compile(
    r"[A-Z](?<![\w][A-Z])(?:(?<=N)L\s?\d{9}\s?B\s?\d{2}|(?<=B)E\s?[01]?\d{3}[. ]?\d{3}[. ]?\d{3}"
    r"|(?<=D)E\s?\d{3}\s?\d{3}\s?\d{3}|(?<=G)B\s?\d{3}\s?\d{4}\s?\d{2}|(?<=F)R\s?[0-9A-Z]{2}\s?\d{9}"
    r"|(?:(?<=A)T|(?<=P)L|(?<=E)S|(?<=I)T|(?<=L)U|(?<=D)K|(?<=S)E|(?<=F)I|(?<=I)E|(?<=P)T|(?<=C)Z)[A-Z0-9]{8,12})"
    r"(?![\w])"
)
_VAT_CONTEXT = words(r"btw", r"vat", r"tva", r"ust", r"mwst", r"tax", r"omzetbelasting", r"intracom")


_SPACE_OR_DOT = re.compile(r"[\s.]")


def _valid_vat(value: str) -> bool:
    compact = _SPACE_OR_DOT.sub("", value)
    return compact.startswith("NL") or bool(eu_vat.is_valid(compact))


def _valid_be_enterprise(value: str) -> bool:
    return bool(be_vat.is_valid("BE" + digits_of(value)))


_URL = re.compile(r"(?i)\b(?:https?|ftp|sftp|ssh)://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")
_TLDS = (
    "nl|be|com|net|org|eu|de|fr|uk|ie|info|biz|io|dev|app|nu|shop|store|online|site|tech|cloud|photo|art|design"
    "|studio|xyz|me|tv|cc|co|es|it|pl|at|ch|lu|dk|se|no|fi|pt|us|ca|au|amsterdam|frl|brussels|vlaanderen|email"
    "|agency|blog|media|email|host|website|space|digital|page|live|life|nz|in|tr|gr|cz|hu|ro|sk|si|hr|bg|lt|lv|ee"
)
_DOMAIN = re.compile(
    r"(?<![\w@.-])(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+(?i:" + _TLDS + r")"
    r"(?::\d{2,5})?(?:/[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])?(?![\w@-]|\.\w)"
)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2})?(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}(?:/\d{1,3})?(?![\w:])")


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_interface(value)
    except ValueError:
        return False
    return True


# Speed-up stems (see ``Rule.stems``): every cue word above contains one of these.
_CUSTOMER_STEMS = ("klant", "relatie", "debiteur", "lidnummer", "customer", "client", "account", "acct", "kunden", "kd")
_INVOICE_STEMS = (
    "factu", "invoice", "order", "bestel", "offerte", "quot", "ticket", "ref", "kenmerk", "creditnota", "dossier",
    "case", "zaaknummer", "contract", "mededeling",
)
_KVK_STEMS = (
    "kvk", "k.v.k", "handelsregister", "chamber", "coc", "ondernemingsnummer", "kbo", "company", "registration",
    "btw-id", "enterprise", "entreprise", "bce", "unternehmensnummer", "nipc",
)
_LIST_STEMS = (
    "factu", "invoice", "order", "bestel", "offerte", "ticket", "dossier", "case", "zaaknummer", "contract", "rechnung",
    "facture", "commande",
)
# Speed-up hints (see ``Rule.hint``): these values are written without spaces and hold this character.
_DASH = re.compile(r"-")
_DOT = re.compile(r"\.\w")  # a dot inside a value, not a sentence's last
_COLON = re.compile(r":")

RULES = (
    Rule("CUSTOMER_NUMBER", _CUSTOMER, score=0.96, group="v", stems=_CUSTOMER_STEMS),
    Rule("INVOICE_NUMBER", _INVOICE, score=0.96, group="v", stems=_INVOICE_STEMS),
    Rule("INVOICE_NUMBER", _INVOICE_LIST, score=0.96, group="v", validate=_one_kind, stems=_LIST_STEMS,
         gate=_LIST_GATE),
    Rule("INVOICE_NUMBER", _INVOICE_SHAPE, score=0.9, hint=_DASH, context=_INVOICE_CONTEXT, context_score=0.97),
    Rule("INVOICE_NUMBER", _OGM, score=0.97, validate=_valid_ogm),
    Rule("KVK_NUMBER", _KVK, score=0.96, group="v", stems=_KVK_STEMS),
    Rule("KVK_NUMBER", _BE_ENTERPRISE, score=0.6, validate=_valid_be_enterprise, hint=_DOT),
    # a country prefix and the national format are distinctive; the checksum or a cue word confirms
    Rule("VAT_NUMBER", _VAT, score=0.85, context=_VAT_CONTEXT, context_score=0.97),
    Rule("VAT_NUMBER", _VAT, score=0.95, validate=_valid_vat),
    Rule("DOMAIN", _URL, score=0.95, hint=_COLON),
    Rule("DOMAIN", _DOMAIN, score=0.85, hint=_DOT),
    Rule("IP_ADDRESS", _IPV4, score=0.95, validate=_valid_ip, hint=_DOT),
    Rule("IP_ADDRESS", _IPV6, score=0.95, validate=_valid_ip, hint=_COLON),
)


def custom_rules(patterns: Sequence[CustomPattern]) -> list[Rule]:
    """Rules for the operator's own formats; with context words they fire only after one of them."""
    rules: list[Rule] = []
    for p in patterns:
        context = words(*(re.escape(w) for w in p.context)) if p.context else None
        rules.append(
            Rule(p.type, re.compile(p.regex), score=0.0 if context else p.score, context=context,
                 context_score=p.score)
        )
    return rules


def kept_recognizers(lang: str, patterns: Sequence[CustomPattern] = ()) -> list[EntityRecognizer]:
    recognizers: list[EntityRecognizer] = [RuleRecognizer("KeptIdentifierRecognizer", RULES, lang)]
    if patterns:
        recognizers.append(RuleRecognizer("OperatorPatternRecognizer", custom_rules(patterns), lang))
    return recognizers
