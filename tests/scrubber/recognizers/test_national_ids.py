"""NATIONAL_ID: citizen and tax numbers of NL, BE, DE, UK, US, FR, ES, PL, TR, IT, PT and more.

Values are the documented examples of python-stdnum (its doctests) and of the issuers' specifications
(HMRC's specimen NINO, the German Rentenversicherung's example), checksummed ones valid; each with and
without a cue word, in the notations people write them in.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable

import pytest

from scrubber.recognizers import national_ids
from scrubber.recognizers.base import Rule
from tests.scrubber.checks import (
    NUMBER_PIECES,
    TableCheck,
    check_context_stems,
    check_first_letter_guard,
    check_rewritten_pattern,
    fuzz_texts,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
    # a PAN (India's tax number) after its cue whose fourth letter names no holder kind, or an identifier mixing
    # letters and four or five digits after a citizen cue: stripped without the check (text labelled by others,
    # issue 16)
    ("his PAN number 'BQRMK4821L' was visible", "BQRMK4821L", "NATIONAL_ID"),
    ("PAN card number: KLMNOP7214Z", "KLMNOP7214Z", "NATIONAL_ID"),
    ("the PAN 'TRAVELQ38271' leaked", "TRAVELQ38271", "NATIONAL_ID"),
    # NATIONAL_ID: BSN (11-proef) in several spellings, Belgian national number, UK NINO
    ("Mijn BSN is 111222333.", "111222333", "NATIONAL_ID"),
    ("burgerservicenummer: 123.456.782", "123.456.782", "NATIONAL_ID"),
    ("bsn 123 456 782 graag verwerken", "123 456 782", "NATIONAL_ID"),
    ("Rijksregisternummer 85.07.30-033.28, wonend te Gent", "85.07.30-033.28", "NATIONAL_ID"),
    ("My NI number is HZ 12 34 56 A thanks", "HZ 12 34 56 A", "NATIONAL_ID"),
    ("BSN 1112.22.333 graag", "1112.22.333", "NATIONAL_ID"),
    ("Rijksregisternummer 85 07 30 033 28", "85 07 30 033 28", "NATIONAL_ID"),
    ("zie 85073003328 in het dossier", "85073003328", "NATIONAL_ID"),
    # DE: steuerliche Identifikationsnummer (stdnum.de.idnr), Sozialversicherungsnummer (Rentenversicherung)
    ("Steuer-ID: 36 574 261 809", "36 574 261 809", "NATIONAL_ID"),
    ("meine IdNr 36574261809 bitte löschen", "36574261809", "NATIONAL_ID"),
    ("Sozialversicherungsnummer: 15 070649 C 103", "15 070649 C 103", "NATIONAL_ID"),
    ("SV-Nummer 15070649C103", "15070649C103", "NATIONAL_ID"),
    # UK: NINO in any case (HMRC's QQ specimen prefix after a cue), NHS number (mod 11)
    ("oh and my ni number is ab123456c lol", "ab123456c", "NATIONAL_ID"),
    ("National Insurance number: QQ 12 34 56 C", "QQ 12 34 56 C", "NATIONAL_ID"),
    ("his NHS number 943 476 5870 is on the letter", "943 476 5870", "NATIONAL_ID"),
    # US: SSN (dashed it is distinctive alone), ITIN
    ("my SSN is 536-90-4399", "536-90-4399", "NATIONAL_ID"),
    ("ssn: 536 90 4399", "536 90 4399", "NATIONAL_ID"),
    ("Social Security number 536904399", "536904399", "NATIONAL_ID"),
    ("for the W-9: 536-90-4399", "536-90-4399", "NATIONAL_ID"),
    ("ITIN 912-90-3456", "912-90-3456", "NATIONAL_ID"),
    # FR: NIR (numéro de sécurité sociale), with and without spaces
    ("numéro de sécurité sociale : 2 95 10 99 126 111 93", "2 95 10 99 126 111 93", "NATIONAL_ID"),
    ("n° de sécu 295109912611193, au cas où", "295109912611193", "NATIONAL_ID"),
    # ES: DNI and NIE
    ("DNI 54362315-K", "54362315-K", "NATIONAL_ID"),
    ("mi NIE es X2482300W", "X2482300W", "NATIONAL_ID"),
    ("Please put X-2482300-W on the invoice", "X-2482300-W", "NATIONAL_ID"),
    # PL: PESEL; TR: T.C. kimlik no; IT: codice fiscale; PT: NIF and Cartão de Cidadão
    ("PESEL: 44051401359", "44051401359", "NATIONAL_ID"),
    ("my PESEL 44051401359 is on the invoice", "44051401359", "NATIONAL_ID"),
    ("T.C. kimlik no: 17291716060", "17291716060", "NATIONAL_ID"),
    ("TC Kimlik: 17291716060", "17291716060", "NATIONAL_ID"),
    ("Codice fiscale RCCMNL83S18D969H, grazie", "RCCMNL83S18D969H", "NATIONAL_ID"),
    ("cf: rccmnl83s18d969h", "rccmnl83s18d969h", "NATIONAL_ID"),
    ("NIF 501 964 843", "501 964 843", "NATIONAL_ID"),
    ("Cartão de Cidadão 00000000 0 ZZ4", "00000000 0 ZZ4", "NATIONAL_ID"),
    # IE: PPS; CH: AHV; AT: Sozialversicherungsnummer
    ("My PPS number is 6433435F if needed", "6433435F", "NATIONAL_ID"),
    ("AHV-Nummer 756.9217.0769.85", "756.9217.0769.85", "NATIONAL_ID"),
    ("Versicherungsnummer 1237 010180", "1237 010180", "NATIONAL_ID"),
    # Nordic and Canadian numbers (issue 16): FI henkilötunnus (distinctive: century sign and check
    # character), SE personnummer (Luhn), NO fødselsnummer (two mod-11 checks), CA SIN (Luhn) after its cue
    ("our contractor in Helsinki, 240787-123J, needs access", "240787-123J", "NATIONAL_ID"),
    ("Swedish ID 720315-1001 for the invoice", "720315-1001", "NATIONAL_ID"),
    ("fødselsnummer 15039010043", "15039010043", "NATIONAL_ID"),
    ("her Norwegian number is 150390 10043", "150390 10043", "NATIONAL_ID"),
    ("Social Insurance Number 210 000 006", "210 000 006", "NATIONAL_ID"),
    ("my SIN: 210-000-006", "210-000-006", "NATIONAL_ID"),
    # a sole trader's Dutch VAT number of before 2020 holds the BSN (11-proef): stripped after a sole-trader cue
    ("ik ben zzp'er, btw-nummer NL123456782B01", "NL123456782B01", "NATIONAL_ID"),
    ("VAT NL 123456782 B01 (I am a sole trader)", "NL 123456782 B01", "NATIONAL_ID"),
    # Mexico's CURP and a person's RFC (birth date and check: a shape of their own, no cue needed), Mauritius's
    # national ID (stdnum.mu.nid), the US preparer's PTIN after its cue (stdnum's examples; issue 16, probe corpus)
    ("Mis datos: Ciudad de México, BOXW310820HNERXN09", "BOXW310820HNERXN09", "NATIONAL_ID"),
    ("My details: Leeds, GODE561231GR8, customer since 2019", "GODE561231GR8", "NATIONAL_ID"),
    ("RFC : GODE-561231-GR8\nCordialement", "GODE-561231-GR8", "NATIONAL_ID"),
    ("my personal identity number GODE 561231 GR8, cheers", "GODE 561231 GR8", "NATIONAL_ID"),
    ("Infos: J2906201304089", "J2906201304089", "NATIONAL_ID"),
    ("PTIN: P00634642", "P00634642", "NATIONAL_ID"),
    # after its cue an RFC whose homoclave's check digit fails is one all the same (stdnum: numbers in the wild do)
    ("RFC: GODE561231GR9\nThanks", "GODE561231GR9", "NATIONAL_ID"),
    ("meine RFC GODE 561231 GR9", "GODE 561231 GR9", "NATIONAL_ID"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("the pan PX2000 is on sale", "PX2000", "NATIONAL_ID"),  # a frying pan's model: too short, too few digits
    ("pan naar links met CAM2 camera", "CAM2", "NATIONAL_ID"),
    ("Verhagen Beheer B.V., btw NL123456782B01", "NL123456782B01", "NATIONAL_ID"),  # a company's VAT number
    # a cue's value stops at the next word without a digit ("Ausweisnummer X mit")
    ("meine Ausweisnummer LZ6311T47 mit der Post", "mit der Post", "NATIONAL_ID"),
    ("order 720315-1002 shipped", "720315-1002", "NATIONAL_ID"),  # fails the Luhn check
    ("Mijn BSN is 111222334.", "111222334", "NATIONAL_ID"),  # fails the 11-proef
    ("Mijn klantnummer is 123456782.", "123456782", "NATIONAL_ID"),  # a customer number, not a BSN
    ("ordernummer 191069512 is betaald", "191069512", "NATIONAL_ID"),
    ("Steuer-ID: 36 574 261 890", "36 574 261 890", "NATIONAL_ID"),  # check digit wrong (still NUMBER)
    ("factuur 2025-0412 van 536-90-4399?", "2025-0412", "NATIONAL_ID"),
    ("PESEL 44051401358", "44051401358", "NATIONAL_ID"),  # check digit wrong
    ("part GODE561231GR9 in stock", "GODE561231GR9", "NATIONAL_ID"),  # an RFC's shape, its check digit wrong
    ("part BOXW310820HNERXN08 in stock", "BOXW310820HNERXN08", "NATIONAL_ID"),  # a CURP's shape, check wrong
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Mijn BSN is 111222334.", "111222334"), ("Steuer-ID: 36 574 261 890", "36 574 261 890"),
     ("PESEL 44051401358", "44051401358"), ("NIK saya 3174012505850007", "3174012505850007"),
     ("V-nummer 4192837465", "4192837465")],
)
def test_failed_checks_and_unchecked_numbers_after_cues_are_stripped(
    assert_stripped: Callable[[str, str], None], text: str, value: str
) -> None:
    assert_stripped(text, value)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (national_ids._BSN, r"(?<![\w.,/+-])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3}"
                            r"|\d{2}\.\d{3}\.\d{2}\.\d{2})(?!\w|[.,/-]\d)"),
        (national_ids._BE_NN, r"(?<![\w.,/+-])\d{2}[. ]?\d{2}[. ]?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\w|[.,/-]\d)"),
        (national_ids._NINO, r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                             r"(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-D](?!\w)"),
    ],
    ids=["bsn", "be_nn", "nino"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (national_ids._DE_IDNR, r"(?<![\w.,/+-])\d{2}(?P<s>[ ]?)\d{3}(?P=s)\d{3}(?P=s)\d{3}(?!\w|[.,/-]\d)"),
        (national_ids._SSN_ANY, r"(?<![\w.,/+-])\d{3}(?P<s>[ -]?)\d{2}(?P=s)\d{4}(?!\w|[.,/-]\d)"),
        (national_ids._ELEVEN, r"(?<![\w.,/+-])\d{11}(?!\w|[.,/-]\d)"),
        (national_ids._NIE, r"(?<![\w])[XYZxyz][- ]?\d{7}[- ]?[A-Za-z](?!\w)"),
        (national_ids._CF, r"(?<![\w])[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z](?!\w)"),
        (national_ids._AHV, r"(?<![\w.])756(?P<s>[.]?)\d{4}(?P=s)\d{4}(?P=s)\d{2}(?!\w|[.]\d)"),
    ],
    ids=["de_idnr", "ssn", "eleven", "nie", "cf", "ahv"],
)
def test_rewritten_world_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize(
    "rule", [r for r in national_ids.RULES if r.context_stems], ids=lambda r: r.pattern.pattern[:30]
)
def test_context_stems_or_hint_are_in_every_context_match(rule: Rule) -> None:
    check_context_stems(rule)


@pytest.mark.parametrize("pattern", guarded_patterns(national_ids), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)


@pytest.mark.parametrize(
    "rule", [r for r in national_ids.RULES if r.gate is not None], ids=lambda r: r.pattern.pattern[:30]
)
def test_gates_hold_in_every_match(rule: Rule) -> None:
    pieces = (*NUMBER_PIECES, "RCCMNL83S18D969H", "rccmnl83s18d969h", "6433435F", "6433435FT", "NIK ", "V-nummer ",
              "persoonsnummer: ", "tax ID ", "12-34", "1 2 3 4 5 6", "\n")
    for text in fuzz_texts(pieces, 3000, 91):
        if rule.pattern.search(text):
            assert rule.gate is not None and rule.gate.search(text), text


# Every cue of ``_CITIZEN_ALNUM_CUES`` (which holds ``_CITIZEN_CUES``), spelled out with each optional part both ways.
_CUE_SPELLINGS = {
    "pan": ["pan"],
    r"permanent\s+account\s+number": ["permanent account number", "permanent\taccount\nnumber"],
    "nik": ["nik"],
    r"nomor\s+induk": ["nomor induk"],
    "v-?nummer": ["v-nummer", "vnummer"],
    "vreemdelingennummer": ["vreemdelingennummer"],
    "persoonsnummer": ["persoonsnummer"],
    r"national\s+id(?:\s+number)?": ["national id", "national id number"],
    r"citizen\s+(?:id|number)": ["citizen id", "citizen number"],
    r"identity\s+number": ["identity number"],
    r"id\s+number": ["id number"],
    r"tax\s+id": ["tax id"],
    "tin": ["tin"],
    "aadhaar": ["aadhaar"],
    "cpr": ["cpr"],
    "cnp": ["cnp"],
    "personnummer": ["personnummer"],
    "h[eé]tu": ["hetu", "hétu"],
    "fødselsnummer": ["fødselsnummer"],
    r"kimlik\s+(?:no|numarası)": ["kimlik no", "kimlik numarası"],
    "cédula": ["cédula"],
    "curp": ["curp"],
    "rut": ["rut"],
    r"emirates\s+id": ["emirates id"],
}


def _top_level_alternatives(source: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(source):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    return [*parts, source[start:]]


def _stems_of(pattern: re.Pattern[str]) -> tuple[str, ...]:
    return next(rule.stems for rule in national_ids.RULES if rule.pattern is pattern)


def test_citizen_cue_rules_have_a_stem_for_every_cue() -> None:
    """``Rule.stems`` of the two cue rules (issue 19, speed-up only): every spelling of every cue, in any case, holds
    one of them in ``str.lower()`` (a new cue must be spelled out above)."""
    assert sorted(_top_level_alternatives(national_ids._CITIZEN_ALNUM_CUES)) == sorted(_CUE_SPELLINGS)
    citizen_cues = set(_top_level_alternatives(national_ids._CITIZEN_CUES))
    for pattern, cues in ((national_ids._CITIZEN_ALNUM, set(_CUE_SPELLINGS)), (national_ids._CITIZEN, citizen_cues)):
        stems = _stems_of(pattern)
        for cue in cues:
            for spelling in _CUE_SPELLINGS[cue]:
                assert re.fullmatch(cue, spelling, re.IGNORECASE), spelling
                for form in (spelling, spelling.upper(), spelling.title(), spelling.swapcase()):
                    if re.fullmatch(cue, form, re.IGNORECASE):
                        assert any(stem in form.lower() for stem in stems), form
    # the one stem that is not ASCII: "é" equals only "É" case-insensitively, and "É".lower() is "é"
    assert [chr(c) for c in range(0x110000) if re.fullmatch("(?i:é)", chr(c))] == ["É", "é"]


def test_citizen_cue_rules_find_the_same_with_and_without_stems() -> None:
    """The recognizer with the stems finds what it finds without them (fuzzed texts of the cues)."""
    rng = random.Random(19)
    plain = national_ids.NationalIdRecognizer(
        "plain", tuple(dataclasses.replace(rule, stems=()) for rule in national_ids.RULES), "en"
    )
    stemmed = national_ids.NationalIdRecognizer("stemmed", national_ids.RULES, "en")
    words = [*(s for spellings in _CUE_SPELLINGS.values() for s in spellings), "mijn", "is", "the", ":", "nummer",
             "ABCDE1234F", "1234567", "85.01.01-123.45", "12345678901", "X1234567L", "station", "truth", "HÉTU"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 8)))
        text = rng.choice((text, text.upper(), text.title()))
        spans = sorted((r.entity_type, r.start, r.end, r.score) for r in stemmed.analyze(text, []))
        assert spans == sorted((r.entity_type, r.start, r.end, r.score) for r in plain.analyze(text, [])), text
