"""Citizen and tax numbers (NATIONAL_ID) of the countries a Dutch host's customers come from.

Each scheme is a pattern in the notations people write it in, the issuer's check (python-stdnum where it
has one) and cue words in the languages it is named in. A checksum-valid value of a distinctive shape is
a NATIONAL_ID without a cue; one that any number could be (nine or eleven plain digits) scores lower alone
and high after its cue. Checks: the BSN's 11-proef (stdnum.nl.bsn), the Belgian national number's mod-97
(stdnum.be.nn, be.bis), the German Steuer-ID (de.idnr) and Rentenversicherungsnummer (the weights 2,1,2,5,7,
1,2,1,2,1,2,1 of the Deutsche Rentenversicherung), the UK NINO's HMRC prefix rules (NIM39110) and the NHS
number's mod 11 (gb.nhs), the US SSN's SSA rules and ITIN (us.ssn, us.itin), the French NIR (fr.nir), the
Spanish DNI/NIE letters (es.dni, es.nie), the Polish PESEL (pl.pesel), the Turkish T.C. kimlik no
(tr.tckimlik), the Italian codice fiscale (it.codicefiscale), the Portuguese NIF and Cartão de Cidadão
(pt.nif, pt.cc), the Irish PPS (ie.pps), the Swiss AHV (ch.ssn), the Austrian SVNR (at.vnr), the Finnish
henkilötunnus (fi.hetu), the Swedish personnummer (se.personnummer), the Norwegian fødselsnummer
(no.fodselsnummer) and the Canadian SIN (ca.sin).

After the cue of a citizen number without a public check ("NIK", "V-nummer", "persoonsnummer", "national
ID", "tax ID", ...) the first number there is a NATIONAL_ID. A value whose check fails is no NATIONAL_ID,
but it is stripped all the same, as NUMBER (``scrubber.recognizers.numbers``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from stdnum.at import vnr as at_vnr
from stdnum.be import bis as be_bis
from stdnum.be import nn as be_nn
from stdnum.ca import sin as ca_sin
from stdnum.ch import ssn as ch_ssn
from stdnum.de import idnr as de_idnr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nif as fr_nif
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.gb import utr as gb_utr
from stdnum.ie import pps as ie_pps
from stdnum.in_ import pan as in_pan
from stdnum.it import codicefiscale as it_cf
from stdnum.mu import nid as mu_nid
from stdnum.mx import curp as mx_curp
from stdnum.mx import rfc as mx_rfc
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import cc as pt_cc
from stdnum.pt import nif as pt_nif
from stdnum.se import personnummer as se_pnr
from stdnum.tr import tckimlik as tr_tckimlik
from stdnum.us import itin as us_itin
from stdnum.us import ptin as us_ptin
from stdnum.us import ssn as us_ssn

from scrubber.recognizers.base import Rule, RuleRecognizer, digits_of, first_letter_guard, words
from scrubber.recognizers.explainers import Span, kept_cue, personal_cue_names, tracking_code
from scrubber.recognizers.explainers_refs import column_header

# The look-behinds of _BSN, _BE_NN and _NINO stand after the first character (which they then also
# cover) rather than before it: a pattern that starts with a character class lets ``re`` skip ahead to
# candidates instead of trying the look-behind at every position. The plain forms, with the look-behind
# first, are in tests/scrubber/recognizers/test_national_ids.py, which checks that both find the same matches.
_BSN = re.compile(
    r"\d(?<![\w.,/+-]\d)(?:\d{8}|\d{2}([ .-])\d{3}\1\d{3}|\d{3}([ .])\d{2}\2\d{3}|\d\.\d{3}\.\d{2}\.\d{2})"
    r"(?!\w|[.,/-]\d)"
)
_BSN_CONTEXT = words(r"bsn", r"burger\s?service", r"sofi", r"citizen\s+service", r"persoonsnummer", r"fiscaal nummer")

_BE_NN = re.compile(r"\d(?<![\w.,/+-]\d)\d[. ]?\d{2}[. ]?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\w|[.,/-]\d)")
_BE_NN_CONTEXT = words(r"rijksregister", r"national\s+(?:register|number)", r"num[ée]ro\s+national", r"insz", r"nn\b",
                       r"bis-?nummer")

# HMRC: first letter not D F I Q U V; second not D F I O Q U V; some prefixes never issued. Grouped 2-2-2-2-1,
# 2-6-1 (as printed on letters: "AB 123456 C") or not at all; in capitals or, the whole of it, in lower case
# (chat: "ab123456c"), so that a mixed-case product code is no NI number.
_NINO_DIGITS = r"(?:(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)|[ ]\d{6}[ ])"
_NINO = re.compile(
    r"[A-CEGHJ-PR-TW-Z](?<![\w][A-CEGHJ-PR-TW-Z])[A-CEGHJ-NPR-TW-Z](?<!BG|GB|NK|KN|TN|NT|ZZ)"
    + _NINO_DIGITS + r"[A-D](?!\w)"
)
_NINO_LOWER = re.compile(
    r"[a-cegh-pr-tw-z](?<![\w][a-cegh-pr-tw-z])[a-cegh-npr-tw-z](?<!bg|gb|nk|kn|tn|nt|zz)"
    + _NINO_DIGITS + r"[a-d](?!\w)"
)
# (the capitals "NI" alone name it in any language: "numéro NI britannique", "NI-Nummer")
_NINO_CONTEXT = words(r"national\s+insurance", r"ni[- ]?(?:number|no|nr|nummer|num[ée]ro)", r"nino", r"ni:",
                      r"num[ée]ro\s+ni\b", r"(?-i:NI)\b")
# after its cue, any two letters (HMRC's own QQ specimen prefix) and any case
_NINO_ANY = re.compile(
    r"[A-Za-z](?<![\w][A-Za-z])[A-Za-z](?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-Da-d](?!\w)"
)

_END = r"(?!\w|[.,/-]\d)"
# (the look-behinds stand after the first character, see above: same matches, faster)
_D = r"\d(?<![\w.,/+-]\d)"
_DE_IDNR = re.compile(_D + r"\d(?P<s>[ ]?)\d{3}(?P=s)\d{3}(?P=s)\d{3}" + _END)
_DE_IDNR_CONTEXT = words(r"steuer", r"idnr", r"id-nr", r"tax\s+id", r"identifikationsnummer", r"tin\b")
_DE_RVNR = re.compile(r"\d(?<![\w]\d)\d[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{2}[ ]?\d(?!\w)")
_DE_RVNR_CONTEXT = words(r"sozialversicherung\w*", r"rentenversicherung\w*", r"sv-?n(?:umme)?r\w*", r"rvnr",
                         r"versicherungsnummer")
_NHS = re.compile(_D + r"\d{2}(?P<s>[ -]?)\d{3}(?P=s)\d{4}" + _END)
_NHS_CONTEXT = words(r"nhs", r"chi\s+number", r"health\s+(?:service|number)")
_SSN_DASHED = re.compile(_D + r"\d{2}-\d{2}-\d{4}" + _END)
_SSN_ANY = re.compile(_D + r"\d{2}(?P<s>[ -]?)\d{2}(?P=s)\d{4}" + _END)
_SSN_CONTEXT = words(r"ssn", r"social(?:\s+security)?", r"itin", r"tin\b", r"taxpayer", r"w-?9", r"tax\s+id")
_NIR = re.compile(
    r"[12](?<![\w][12])(?P<s>[ ]?)\d{2}(?P=s)(?:0[1-9]|1[0-2]|[2-9]\d)(?P=s)(?:\d{2}|2[ABab])(?P=s)\d{3}(?P=s)\d{3}"
    r"(?:(?P=s)\d{2})?(?!\w)"
)
_NIR_CONTEXT = words(r"s[ée]cu\w*", r"nir\b", r"insee", r"carte\s+vitale", r"social\s+security", r"num[ée]ro\s+social")
_DNI = re.compile(r"\d(?<![\w]\d)\d{7}-?[A-Za-z](?!\w)")
_NIE = re.compile(r"[XYZxyz](?<![\w][XYZxyz])[- ]?\d{7}[- ]?[A-Za-z](?!\w)")
_ES_CONTEXT = words(r"dni", r"nie\b", r"nif\b", r"documento", r"identidad", r"extranjero")
_PESEL_CONTEXT = words(r"pesel")
_TCKN_CONTEXT = words(r"kimlik", r"tckn", r"t\.\s?c\.", r"tc\b", r"turkish\s+id", r"nüfus")
_ELEVEN = re.compile(_D + r"\d{10}" + _END)
_CF = re.compile(r"[A-Za-z](?<![\w][A-Za-z])[A-Za-z]{5}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z](?!\w)")
_PT_NIF = re.compile(_D + r"\d{2}(?P<s>[ ]?)\d{3}(?P=s)\d{3}" + _END)
# (not "NIPC", a company's number, kept like a KvK number; issue 16, round 4)
_PT_CONTEXT = words(r"nif\b", r"contribuinte", r"n[úu]mero\s+fiscal")
_PT_CC = re.compile(r"\d(?<![\w]\d)\d{7}[ ]?\d[ ]?[A-Za-z0-9]{2}[ ]?\d(?!\w)")  # ("04521224 4 ZZ 7": stdnum)
# India's PAN (stdnum.in_.pan: five letters, the fourth the holder's kind, four digits, a letter), the UK's Unique
# Taxpayer Reference (gb.utr, ten digits with a check) and the French numéro fiscal (fr.nif, thirteen digits): after
# their cue words only, the shapes alone are too common.
_PAN = re.compile(r"[A-Za-z](?<![\w][A-Za-z])[A-Za-z]{4}\d{4}[A-Za-z](?!\w)")
_UTR = re.compile(_D + r"\d{4}(?P<s>[ ]?)\d{5}" + _END)
_FR_NIF = re.compile(r"[0-3](?<![\w.,/+-][0-3])\d(?P<s>[ ]?)\d{2}(?P=s)\d{3}(?P=s)\d{3}(?P=s)\d{3}" + _END)
_PPS = re.compile(r"\d(?<![\w]\d)\d{6}[A-Wa-w][ABWTHXabwthx]?(?!\w)")
_PPS_CONTEXT = words(r"pps", r"personal\s+public\s+service", r"rsi\b")
_AHV = re.compile(r"7(?<![\w.]7)56(?P<s>[.]?)\d{4}(?P=s)\d{4}(?P=s)\d{2}(?!\w|[.]\d)")
_AT_VNR = re.compile(_D + r"\d{3}[ ]?\d{6}" + _END)
# Nordic personal numbers: birth date, separator (FI: the century sign), serial and check
_FI_HETU = re.compile(r"\d(?<![\w]\d)\d{5}[-+AaBCDEFUVWXY]\d{3}[0-9A-Ya-y](?![\w-])")
_SE_PNR = re.compile(_D + r"\d{5}[-+]\d{4}" + _END)
_NORDIC_CONTEXT = words(r"personnummer", r"personal\s+(?:identity\s+)?number", r"f[øo]dselsnummer", r"henkil[öo]tunnus",
                        r"hetu", r"swedish", r"norwegian", r"finnish", r"cpr", r"national\s+id", r"\bid\b")
_NO_FNR = re.compile(_D + r"\d{5}[ ]?\d{5}" + _END)
_SIN = re.compile(_D + r"\d{2}(?P<s>[ -]?)\d{3}(?P=s)\d{3}" + _END)
_SIN_CONTEXT = words(r"sin\b", r"social\s+insurance", r"nas\b", r"assurance\s+sociale")
# Mexico's CURP (four letters, birth date, sex, state, three consonants, check) and a person's RFC (four letters,
# birth date, homoclave with its check digit), Mauritius's national ID (initial, birth date, six digits, check): in
# capitals, the letters and the birth date and check together a shape of their own, so no cue is needed; the RFC's
# three blocks may stand apart ("GODE-561231-GR8"). CURP and RFC score above a citizen cue's first number (0.93),
# which would otherwise take "561231 GR8" alone. The US preparer's PTIN ("P" and eight digits) after its cue only.
_CURP = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]{3}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d(?!\w)")
_RFC = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]{3}(?P<s>[ -]?)\d{6}(?P=s)[A-Z0-9]{2}[0-9A](?!\w)")
_MU_NID = re.compile(r"[A-Z](?<![\w][A-Z])\d{12}[0-9A-Z](?!\w)")
_PTIN = re.compile(r"[Pp](?<![\w][Pp])-?\d{8}(?!\w)")
_AT_CONTEXT = words(r"versicherungsnummer", r"svnr", r"sv-?nummer", r"sozialversicherung\w*")

# After the cue of a citizen number that has no public check, the first number with 6+ digits is one.
# (Numbers with a check that fails are left to the deny-by-default NUMBER rule.)
_CITIZEN_CUES = (
    r"nik|nomor\s+induk|v-?nummer|vreemdelingennummer|persoonsnummer|national\s+id(?:\s+number)?"
    r"|citizen\s+(?:id|number)|identity\s+number|id\s+number|tax\s+id|tin|aadhaar|cpr|cnp|personnummer"
    r"|h[eé]tu|fødselsnummer|kimlik\s+(?:no|numarası)|cédula|curp|rut|emirates\s+id"
)
# Speed-up only (issue 19): what every cue of _CITIZEN_CUES holds in ``str.lower()``, so that a text holding none is not
# scanned (``Rule.stems``; most bench mails hold none, and the two cue rules were the costliest of the recognizer: a
# search of a case-insensitive alternation tried at every place). "hétu": é has no case-insensitive equal but É,
# whose lower case it is; "dula" of "cédula" (ASCII). tests/scrubber/recognizers/test_national_ids.py checks each cue.
_CITIZEN_STEMS = (
    "nik", "nomor", "nummer", "national", "citizen", "identity", "number", "tax", "tin", "aadhaar", "cpr", "cnp",
    "hetu", "hétu", "kimlik", "dula", "curp", "rut", "emirates",
)
_CITIZEN = re.compile(
    first_letter_guard(_CITIZEN_CUES) + r"(?<![^\W_])" + r"(?i:" + _CITIZEN_CUES + r")\b[^\n\d]{0,40}?"
    r"(?<![\w.])(?P<v>(?=(?:[^\d\n]{0,2}\d){6})[0-9A-Za-z]"
    r"(?:[0-9A-Za-z]|[.-](?=[0-9A-Za-z])|[ ](?=[A-Za-z]{0,3}\d)){5,22})"
    r"(?![\w]|[.,/-]\d)"
)

# Right after a citizen or tax cue and its filler ("PAN card number: ", "PAN '"), an identifier that mixes letters
# with four or more digits is the number even when no check confirms it: India's PAN whose fourth letter names no
# holder kind, a number with a letter too many (text labelled by others, issue 16). Such values hold too few digits
# for the deny-by-default NUMBER rule, and a product code is not written right after these cue words.
_CITIZEN_ALNUM_CUES = r"pan|permanent\s+account\s+number|" + _CITIZEN_CUES
_CITIZEN_ALNUM = re.compile(
    first_letter_guard(_CITIZEN_ALNUM_CUES) + r"(?<![^\W_])" + r"(?i:" + _CITIZEN_ALNUM_CUES + r")\b"
    r"(?i:\s+(?:card|kaart|karte|carte))?(?i:\s+(?:number|no|nr|num|nummer|numéro))?\.?(?i:\s+is)?[ \t]*[:=]?[ \t]*"
    r"[\"'\u2018\u201c(]?"
    r"(?P<v>(?=\d*[A-Za-z])(?=(?:[A-Za-z]*\d){4})[A-Za-z0-9]{8,16})(?![\w-])"
)
_FOUR_DIGITS_MIXED = re.compile(r"\d(?:[A-Za-z]*\d){3}")


def _valid(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """A validator over the value without spaces, dots and dashes (the notations differ, the number not)."""

    def validate(value: str) -> bool:
        try:
            return bool(check(re.sub(r"[\s.-]", "", value).upper()))
        except Exception:  # stdnum raises on some malformed input besides returning False
            return False

    return validate


def _valid_bsn(value: str) -> bool:
    digits = digits_of(value)
    return len(digits) == 9 and digits != "000000000" and bool(nl_bsn.is_valid(digits))


def _valid_be_nn(value: str) -> bool:
    digits = digits_of(value)
    return bool(be_nn.is_valid(digits) or be_bis.is_valid(digits))


def _valid_rvnr(value: str) -> bool:
    """The Deutsche Rentenversicherung's check digit: area, birth date, letter (as 01-26), serial."""
    compact = re.sub(r"\s", "", value).upper()
    digits = compact[:8] + f"{ord(compact[8]) - 64:02d}" + compact[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, weights, strict=True))
    day, month = int(compact[2:4]), int(compact[4:6])
    return total % 10 == int(compact[11]) and 1 <= day <= 31 + 40 and 1 <= month <= 12


def _not_date_or_phone(value: str) -> bool:
    return not value.startswith("0")  # 11 plain digits with a leading 0 are phone numbers, not these IDs


_NINO_STEMS = ("national", "nino", "ninu", "ninr", "ni ", "ni:", "ni-", "ni\t", "ni\n", "ni\r", "ni\x0b", "ni\x0c",
               "numero", "numéro")
_NINO_HINT = re.compile(r"NI")  # (with the stems: what every match of _NINO_CONTEXT holds)
_SSN_STEMS = ("ssn", "social", "itin", "tin", "taxpayer", "w9", "w-9", "tax")

def _valid_rfc(value: str, check_digit: bool = True) -> bool:
    """A person's RFC (thirteen characters, a real birth date) whose homoclave's check digit holds, if asked."""
    compact = re.sub(r"[\s-]", "", value)
    try:
        return len(compact) == 13 and bool(mx_rfc.is_valid(compact, validate_check_digits=check_digit))
    except Exception:  # stdnum raises on some malformed input besides returning False
        return False


# speed-up gates (see ``Rule.gate``): what every match holds
_CF_GATE = re.compile(r"\d\d[A-Za-z]\d\d[A-Za-z]\d{3}[A-Za-z]")
_PPS_GATE = re.compile(r"\d{7}[A-Wa-w]")
_PAN_GATE = re.compile(r"[A-Za-z]\d{4}[A-Za-z]")
_SIX_DIGITS = re.compile(r"\d(?:[^\d\n]{0,2}\d){5}")
# every digit-pattern match below holds six digits with at most one separator between them
_SIX = re.compile(r"\d(?:[ .-]?\d){5}")
_SIX_PLAIN = re.compile(r"\d{6}")
# every _NINO_LOWER match ends in these (a pattern that starts at a digit: cheap where lower-case letters abound)
_NINO_LOWER_GATE = re.compile(r"\d\d(?:[ -]?\d\d){2}[ -]?[a-d](?!\w)")

RULES = (
    Rule("NATIONAL_ID", _BSN, score=0.55, context=_BSN_CONTEXT, context_score=0.97, validate=_valid_bsn, gate=_SIX),
    Rule("NATIONAL_ID", _BE_NN, score=0.8, context=_BE_NN_CONTEXT, context_score=0.97, validate=_valid_be_nn,
         gate=_SIX),
    Rule("NATIONAL_ID", _NINO, score=0.65, context=_NINO_CONTEXT, context_score=0.97, gate=_SIX),
    Rule("NATIONAL_ID", _NINO_LOWER, score=0.6, context=_NINO_CONTEXT, context_score=0.97, gate=_NINO_LOWER_GATE),
    Rule("NATIONAL_ID", _NINO_ANY, score=0.0, context=_NINO_CONTEXT, context_score=0.97, context_stems=_NINO_STEMS,
         context_hint=_NINO_HINT,
         gate=_SIX),
    Rule("NATIONAL_ID", _DE_IDNR, score=0.6, context=_DE_IDNR_CONTEXT, context_score=0.97,
         validate=_valid(de_idnr.is_valid), gate=_SIX),
    Rule("NATIONAL_ID", _DE_RVNR, score=0.75, context=_DE_RVNR_CONTEXT, context_score=0.97, validate=_valid_rvnr,
         gate=_SIX),
    Rule("NATIONAL_ID", _NHS, score=0.0, context=_NHS_CONTEXT, context_score=0.97, validate=_valid(gb_nhs.is_valid),
         context_stems=("nhs", "chi", "health"), gate=_SIX),
    Rule("NATIONAL_ID", _SSN_DASHED, score=0.75, context=_SSN_CONTEXT, context_score=0.97,
         validate=_valid(lambda v: us_ssn.is_valid(v) or us_itin.is_valid(v)), gate=_SIX),
    Rule("NATIONAL_ID", _SSN_ANY, score=0.0, context=_SSN_CONTEXT, context_score=0.97,
         validate=_valid(lambda v: us_ssn.is_valid(v) or us_itin.is_valid(v)), context_stems=_SSN_STEMS, gate=_SIX),
    Rule("NATIONAL_ID", _NIR, score=0.8, context=_NIR_CONTEXT, context_score=0.97, validate=_valid(fr_nir.is_valid),
         gate=_SIX),
    Rule("NATIONAL_ID", _DNI, score=0.75, context=_ES_CONTEXT, context_score=0.97, validate=_valid(es_dni.is_valid),
         gate=_SIX),
    Rule("NATIONAL_ID", _NIE, score=0.8, context=_ES_CONTEXT, context_score=0.97, validate=_valid(es_nie.is_valid),
         gate=_SIX),
    Rule("NATIONAL_ID", _ELEVEN, score=0.6, context=_PESEL_CONTEXT, context_score=0.97,
         validate=lambda v: _not_date_or_phone(v) and bool(pl_pesel.is_valid(v)), gate=_SIX),
    Rule("NATIONAL_ID", _ELEVEN, score=0.6, context=_TCKN_CONTEXT, context_score=0.97,
         validate=lambda v: bool(tr_tckimlik.is_valid(v)), gate=_SIX),
    Rule("NATIONAL_ID", _CF, score=0.85, context=words(r"codice\s+fiscale", r"cf\b", r"tax\s+code"), context_score=0.97,
         validate=_valid(it_cf.is_valid), gate=_CF_GATE),
    Rule("NATIONAL_ID", _PT_NIF, score=0.0, context=_PT_CONTEXT, context_score=0.97, validate=_valid(pt_nif.is_valid),
         context_stems=("nif", "contribuinte", "fiscal"), gate=_SIX),
    Rule("NATIONAL_ID", _PT_CC, score=0.8, context=words(r"cart[ãa]o\s+de\s+cidad[ãa]o", r"cc\b"), context_score=0.97,
         validate=_valid(pt_cc.is_valid), gate=_SIX),
    Rule("NATIONAL_ID", _PAN, score=0.0, context=words(r"pan\b", r"permanent\s+account"), context_score=0.97,
         validate=_valid(in_pan.is_valid), context_stems=("pan", "permanent"), gate=_PAN_GATE),
    Rule("NATIONAL_ID", _UTR, score=0.0, context=words(r"utr\b", r"taxpayer\s+reference"), context_score=0.97,
         validate=_valid(gb_utr.is_valid), context_stems=("utr", "taxpayer"), gate=_SIX),
    Rule("NATIONAL_ID", _FR_NIF, score=0.0, context=words(r"num[ée]ro\s+fiscal", r"spi\b"), context_score=0.97,
         validate=_valid(fr_nif.is_valid), context_stems=("fiscal", "spi"), gate=_SIX),
    Rule("NATIONAL_ID", _PPS, score=0.6, context=_PPS_CONTEXT, context_score=0.97, validate=_valid(ie_pps.is_valid),
         gate=_PPS_GATE),
    Rule("NATIONAL_ID", _AHV, score=0.85, context=words(r"ahv", r"avs", r"sozialversicherung"), context_score=0.97,
         validate=_valid(ch_ssn.is_valid), gate=_SIX),
    Rule("NATIONAL_ID", _AT_VNR, score=0.0, context=_AT_CONTEXT, context_score=0.97, validate=_valid(at_vnr.is_valid),
         context_stems=("versicherung", "svnr", "sv-n", "svn"), gate=_SIX),
    Rule("NATIONAL_ID", _FI_HETU, score=0.85, validate=lambda v: bool(fi_hetu.is_valid(v.upper())), gate=_SIX),
    Rule("NATIONAL_ID", _SE_PNR, score=0.5, context=_NORDIC_CONTEXT, context_score=0.97,
         validate=_valid(se_pnr.is_valid), gate=_SIX),
    Rule("NATIONAL_ID", _NO_FNR, score=0.5, context=_NORDIC_CONTEXT, context_score=0.97,
         validate=_valid(no_fnr.is_valid), gate=_SIX),
    Rule("NATIONAL_ID", _SIN, score=0.0, context=_SIN_CONTEXT, context_score=0.97, validate=_valid(ca_sin.is_valid),
         context_stems=("sin", "social", "nas", "assurance"), gate=_SIX),
    Rule("NATIONAL_ID", _CURP, score=0.95, validate=_valid(mx_curp.is_valid), gate=_SIX_PLAIN),
    Rule("NATIONAL_ID", _RFC, score=0.95, context=words(r"rfc\b"), context_score=0.97, validate=_valid_rfc,
         gate=_SIX_PLAIN),
    # after its cue without the check digit, which stdnum does not require either: numbers in the wild fail it
    Rule("NATIONAL_ID", _RFC, score=0.0, context=words(r"rfc\b"), context_score=0.97,
         validate=lambda v: _valid_rfc(v, check_digit=False), context_stems=("rfc",), gate=_SIX_PLAIN),
    Rule("NATIONAL_ID", _MU_NID, score=0.85, validate=_valid(mu_nid.is_valid), gate=_SIX_PLAIN),
    Rule("NATIONAL_ID", _PTIN, score=0.0, context=words(r"ptin\b", r"preparer\s+tax"), context_score=0.97,
         validate=_valid(us_ptin.is_valid), context_stems=("ptin", "preparer"), gate=_SIX_PLAIN),
    Rule("NATIONAL_ID", _CITIZEN, score=0.93, group="v", gate=_SIX_DIGITS, stems=_CITIZEN_STEMS),
    Rule("NATIONAL_ID", _CITIZEN_ALNUM, score=0.93, group="v", gate=_FOUR_DIGITS_MIXED,
         stems=("pan", "permanent", *_CITIZEN_STEMS)),
)


class NationalIdRecognizer(RuleRecognizer):
    """The rules above; a plain number found by its checksum alone (no cue word of its own) that a kept or tracking
    cue names is what that cue says: "numéro de commande 720250171", "SIREN 350792008", "zendingnummer 111222333"
    pass the 11-proef by chance (one in eleven).
    A value with letters or a century sign in it (hetu, NINO, DNI) has a shape of its own and stays."""

    def __init__(self, name: str, rules: tuple[Rule, ...], lang: str) -> None:
        super().__init__(name, rules, lang)
        # ``analyze`` only drops some of the rules' results, so a text with fewer digits than every rule needs
        # can be skipped as for a plain RuleRecognizer (``scrubber.analysis_pass``)
        self.digits_needed = self.rules_digits_needed

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        return [
            r for r in results
            if r.score >= _CUED
            or not _PLAIN_NUMBER.fullmatch(text, r.start, r.end)
            or not _named_otherwise(Span(text, r.start, r.end))
        ]


def _named_otherwise(span: Span) -> bool:
    """A kept cue names the value, or a carrier's tracking cue does and no personal cue stands nearer ("DHL
    Sendungsnummer 36574261809", "Track & Trace: 111222333"; not "pakket kwijt, mijn nummer 111222333"). Only in
    the value's own line: a table's column header is a whole sentence pasted as a header as often as a label, and
    its last kept word ("SSN for the contract") is no better evidence than the checksum."""
    if column_header(span.text, span.line_start, span.start, span.end) is not None:
        return False
    return kept_cue(span) or (tracking_code(span) and not personal_cue_names(span))


_CUED = 0.9  # every rule's score after its cue word is at least this; alone, every rule scores below it
_PLAIN_NUMBER = re.compile(r"[\d .-]+")


def national_id_recognizers(lang: str) -> list[EntityRecognizer]:
    return [NationalIdRecognizer("NationalIdRecognizer", RULES, lang)]
