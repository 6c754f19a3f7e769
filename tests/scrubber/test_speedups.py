"""The scanning short-cuts (``Rule.hint``/``runs_with``, ``Rule.stems``/``may_contain``) never change results."""

from __future__ import annotations

import random
import re
import string
from typing import Any

import pytest

from scrubber import engine
from scrubber.recognizers import (
    addresses,
    banking,
    base,
    contact,
    credentials,
    dates,
    documents,
    kept,
    names,
    national_ids,
    plates,
)

_STEMMED = [
    *((r.pattern, r.stems) for m in (kept, documents, banking) for r in m.RULES if r.stems),
    (banking._CVC, banking._CVC_STEMS),
    (banking._EXPIRY_KEYED, banking._EXPIRY_STEMS),
    (credentials._CUE, credentials._CUE_STEMS),
    (credentials._LIST_CUE, credentials._LIST_CUE_STEMS),
    (credentials._AUTH_HEADER, credentials._AUTH_HEADER_STEMS),
    (credentials._ENV, credentials._ENV_STEMS),
    (names._ATTRIBUTION_RE, names._ATTRIBUTION_STEMS),
    (names._INTRO_STRONG_RE, names._INTRO_STRONG_STEMS),
    (addresses._POBOX, addresses._POBOX_STEMS),
]
_HINTED = [r for m in (kept, plates, contact) for r in m.RULES if r.hint is not None]


def test_case_guard_lists_every_character_that_folds_to_ascii() -> None:
    letter = re.compile(r"(?i)[a-z]")
    guard = base._CASE_GUARD
    for cp in range(128, 0x110000):
        c = chr(cp)
        if letter.match(c) or any(ch in string.ascii_letters for ch in c.lower()):
            assert guard.match(c), hex(cp)


def _samples(pattern: re.Pattern[str], extra: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = sorted(set(re.findall(r"[A-Za-z][A-Za-z'.-]+", pattern.pattern))) + list(extra)
    glue = [" ", ": ", " nr ", "\n", "-", " is ", "", ".", "\t", "@", "://"]
    values = ["12345678", "0612345678", "F2025-004317", "AB-12-CD", "12/27", "192.168.1.1", "fe80::1", "a@b.nl",
              "www.x.nl", "secret!9", "K", "İ", "ſ", "é", ""]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 4)):
            word = rng.choice(pieces)
            parts += ["".join(c.upper() if rng.random() < 0.3 else c for c in word), rng.choice(glue),
                      rng.choice(values), rng.choice(glue)]
        out.append("".join(parts))
    return out


@pytest.mark.parametrize(("pattern", "stems"), _STEMMED, ids=lambda v: getattr(v, "pattern", "")[:30])
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    for text in _samples(pattern, ("t.n.v.", "T.N.V", "tn.v", "t.nv"), 3000, 1):
        if pattern.search(text):
            assert base.may_contain(base.lowered_for_stems(text), stems), text


@pytest.mark.parametrize("rule", _HINTED, ids=lambda r: r.pattern.pattern[:30])
def test_hinted_runs_find_the_same_matches(rule: base.Rule) -> None:
    assert rule.hint is not None
    for text in _samples(rule.pattern, (), 3000, 2):
        whole = [m.span() for m in rule.pattern.finditer(text)]
        runs = [m.span() for s, e in base.runs_with(text, rule.hint) for m in rule.pattern.finditer(text, s, e)]
        assert runs == whole, text


_ADDRESS_PIECES = (
    "Dorpsstraat", "Laan van Nieuw Oost-Indië", "Kanaaldijk-Zuid", "12", "14-2", "92 bis", "187-III", "9a", "12 A",
    " bus 3", ", 1234 AB Amsterdam", "\n", " ", "\t", "221B", "Baker Street", "Flat 3,", "SW1A 1AA", "GIR\n0AA",
    "D02 X285", "van de", "Rue de la Loi", "12\n-3", "12 -\n3", "1234\nAB", "Hoofdweg", "-", "/", "12/1", ",",
    "Straße", "Sint Jansstraat", "é", "٣", "Kerkstr.", "Hofweg-Noord", "Parkhof-Zuid-Oost", "'s-Gravendijkwal",
    "d'", "’t", "ſtraat", "STRAßE", "DijkKweg", "Laan", "Wegweg", "tuinen", "Tuin", ".", "'",
    "Flat 2, 14 High Street", "Unit 4 7B Mill Lane", "3, Station Rd.", "St.", "SW1A\n1AA", "EC1A 1BB", "GIR 0AA",
)


def _address_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        pieces = (rng.choice(_ADDRESS_PIECES) + rng.choice(("", " ", "\n", ",")) for _ in range(rng.randint(1, 10)))
        texts.append("".join(pieces))
    return texts


@pytest.mark.parametrize(
    ("pattern", "windows"),
    [
        (addresses._UK_LINE, lambda text: base.lines_with(text, addresses._UK_HINT)),
        (addresses._UK_STREET, lambda text: base.runs_with(text, addresses._UK_HINT, addresses._UK_STOP)),
    ],
    ids=["uk_line", "uk_street"],
)
def test_uk_windows_find_the_same_address_matches(pattern: re.Pattern[str], windows: Any) -> None:
    for text in _address_texts(4, 4000):
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in base.finditer_lines(pattern, text, windows(text), addresses._OVERHANG)] == whole, text


def test_postcode_patterns_equal_a_leading_look_behind() -> None:
    plain = [
        re.compile(r"(?<![\w])" + addresses._NL_POSTCODE),
        re.compile(r"(?<![\w])" + addresses._UK_POSTCODE),
    ]
    extra = ("GIR 0AA", "GIR0AA", "AIR 0AA", "BIR0AA", "xGIR 0AA", "1234AB", "1234 SA", "a1234 AB", "SW1A 1AA",
             "EC1A1BB", "M1 1AE")
    for text in [*_address_texts(6, 4000), *extra]:
        for fast, slow in zip((addresses._NL_POSTCODE_ALONE, addresses._UK_POSTCODE_ALONE), plain, strict=True):
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


@pytest.mark.parametrize(
    "pattern",
    [addresses._SUFFIX_STREET, addresses._LEADING_STREET, addresses._ANY_STREET],
    ids=lambda p: p.pattern[:30],
)
def test_street_runs_find_the_same_street_matches(pattern: re.Pattern[str]) -> None:
    for text in _address_texts(5, 4000):
        runs = base.runs_with(text, addresses._STREET_HINT, addresses._STREET_STOP)
        if pattern is addresses._SUFFIX_STREET:
            lowered = base.lowered_for_stems(text)
            runs = [run for run in runs if addresses._ends_in_suffix(text, lowered, run)]
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in base.finditer_lines(pattern, text, runs, addresses._OVERHANG)] == whole, text


def test_blanking_local_parts_in_at_runs_equals_the_whole_text_substitution() -> None:
    from scrubber.recognizers import organizations

    rng = random.Random(11)
    alphabet = "ab.@+'- \n\tx1_é\u00a0"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += ["a@b@c", "@", "x @y", "a.b@c.d@e", "'@", "é@x", "mail jan.de-vries@x.nl of p@q"]
    for text in texts:
        whole = organizations._LOCAL_PART_RE.sub(lambda m: " " * len(m.group()), text)
        assert organizations._blank_local_parts(text) == whole, repr(text)


def test_intro_weak_first_class_holds_every_case_form_of_its_letters() -> None:
    folded = re.compile("(?i)[itdnomc]")
    first = re.compile(names._INTRO_WEAK_RE.pattern[: names._INTRO_WEAK_RE.pattern.index("]") + 1])
    everything = [chr(c) for c in range(0x110000)]
    assert [c for c in everything if first.match(c)] == [c for c in everything if folded.match(c)]


def test_intro_first_letter_look_aheads_change_no_match() -> None:
    rng = random.Random(12)
    look_ahead = re.compile(r"\(\?=\[[a-z]+\]\)")
    plain_weak = re.compile(
        r"(?<![^\s,.:;!(])(?:ik ben|i am|i'm|this is|dit is|namens|on behalf of|"
        r"(?:mijn|my|onze|our) (?:" + names._RELATIVES + r")|collega|colleague|met)[ \t]+",
        re.IGNORECASE,
    )
    pairs = (
        (names._INTRO_STRONG_RE, re.compile(look_ahead.sub("", names._INTRO_STRONG_RE.pattern, count=1), re.I)),
        (names._INTRO_WEAK_RE, plain_weak),
    )
    for pattern, plain in pairs:
        assert plain.pattern != pattern.pattern
        pieces = sorted(set(re.findall(r"[A-Za-z][A-Za-z' .:-]+", plain.pattern)))
        for _ in range(5000):
            text = "".join(
                rng.choice([" ", ",", "(", "x", "\n", ".", ""])
                + "".join(c.upper() if rng.random() < 0.4 else c for c in rng.choice(pieces))
                .replace("i", rng.choice("iIİı"), 1)
                .replace("k", rng.choice(["k", "\u212a"]), 1)
                .replace("s", rng.choice("sſ"), 1)
                for _ in range(3)
            )
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_brand_shape_prefilter_changes_no_result() -> None:
    from scrubber.recognizers import organizations as org

    def slow(word: str) -> bool:
        return bool(
            (len(word) >= 7 and org._BRAND_SUFFIX_RE.match(word))
            or ("A" <= word[0] <= "Z" and org._CAMEL_RE.match(word))
        )

    rng = random.Random(13)
    words = ["Dommelhost", "EuroDomains", "LingoBridge", "McDonald", "lumenlabs", "HOSTING", "Webſhop", "Ab", "Jan"]
    for _ in range(20000):
        w = "".join(rng.choice("aAbBhHoOsStTwWeE\u212aſé") for _ in range(rng.randint(1, 12)))
        words.append(w + rng.choice(["", "host", "Labs", "WARE", "ſoft", "data"]))
    for w in words:
        assert org._brand_shaped(w) == slow(w), w


def test_dominant_only_detection_picks_the_same_dominant_language() -> None:
    from scrubber import language

    rng = random.Random(14)
    nl = ["Hallo, ik heb een vraag over mijn factuur van vorige maand en de kosten.",
          "Kunnen jullie de website weer online zetten? Hij doet het al twee dagen niet.",
          "Met vriendelijke groet en alvast bedankt voor de moeite."]
    en = ["Hello, I have a question about my invoice from last month and the costs.",
          "Could you please bring the website back online? It has been down for two days.",
          "Kind regards and thanks in advance for your help with this."]
    codes = ("nl", "en")
    for _ in range(150):
        paragraphs = [rng.choice(rng.choice((nl, en)))[: rng.randint(20, 80)] for _ in range(rng.randint(1, 6))]
        text = "\n\n".join(paragraphs)
        full = language.detect(text, codes, "nl")
        quick = language.detect(text, codes, "nl", complete=False)
        assert quick[0] == full[0]
        assert set(quick[1]) <= set(full[1])


def _fuzz_texts(pieces: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = ("", " ", "\n", ".", ",", "-", "/", "x", "+", ":", "\t", "é")
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 8))) for _ in range(n)]


_NUMBER_PIECES = (
    "111222333", "111 222 333", "111.222.333", "111-222-333", "1112 22 333", "11.122.23.33", "85.07.30-033.61",
    "850730 033 61", "85073003361", "AB123456C", "AB 12 34 56 C", "AB-12-34-56-C", "BG123456A", "GB 12 34 56 A",
    "ZZ123456D", "QQ123456A", "4111 1111 1111 1111", "5500-0000-0000-0004", "4111111111111111", "2",
    "+31 6 12345678", "0031612345678", "(020) 123 4567", "06-12345678", "0612345678", "NL123456789B01",
    "NL 123456789 B 01", "BE0123.456.789", "BE 0123 456 789", "DE123456789", "GB123 4567 89", "FRAB123456789",
    "ATU12345678", "PL1234567890", "ESX1234567X", "IT12345678901", "LU12345678", "DK12345678", "SE123456789001",
    "FI12345678", "IE1234567X", "PT123456789", "CZ12345678", "XT12345678", "NZ12345678",
    "0", "00", "(0", "+", "123 456", "123456", "1234567", "x1", "A", "B", "G", "N", "K", "T", "Z",
)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (national_ids._BSN, r"(?<![\w.,/+-])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3}"
                            r"|\d{2}\.\d{3}\.\d{2}\.\d{2})(?!\w|[.,/-]\d)"),
        (national_ids._BE_NN, r"(?<![\w.,/+-])\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\w|[.,/-]\d)"),
        (national_ids._NINO, r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                             r"(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-D](?!\w)"),
        (contact._PHONE_CANDIDATE, r"(?<![\w+/.,:-])(?:\+|00)\d[\d \-./()]{5,22}\d(?![\w]|[.,/-]\d)"
                                   r"|(?<![\w+/.,:-])\(?0\d[\d \-./()]{6,18}\d(?![\w]|[.,/-]\d)"),
        (credentials._OTP, r"(?<![\w.,/-])(?:\d{3} \d{3}|\d{6})(?![\w]|[.,/-]\d)"),
        (engine._LONG_TOKEN, r"\S{80,}"),
        (banking._CARD, r"(?<![\w.,/-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w]|[.,/-]\d)"),
        (kept._VAT, r"(?<![\w])(?:NL\s?\d{9}\s?B\s?\d{2}|BE\s?[01]?\d{3}[. ]?\d{3}[. ]?\d{3}"
                    r"|DE\s?\d{3}\s?\d{3}\s?\d{3}|GB\s?\d{3}\s?\d{4}\s?\d{2}|FR\s?[0-9A-Z]{2}\s?\d{9}"
                    r"|(?:AT|PL|ES|IT|LU|DK|SE|FI|IE|PT|CZ)[A-Z0-9]{8,12})(?![\w])"),
    ],
    ids=["bsn", "be_nn", "nino", "phone", "otp", "long_token", "card", "vat"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    slow = re.compile(plain)
    texts = _fuzz_texts((*_NUMBER_PIECES, "a" * 79, "b" * 81, "\u00a0"), 6000, 21)
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text
        assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in slow.finditer(text)], text


def test_shapes_hint_runs_find_every_token_shape() -> None:
    pieces = ("sk_live_" + "a" * 12, "ghp_" + "b" * 22, "glpat-" + "c" * 18, "xoxb-" + "d" * 12, "AKIA" + "E" * 16,
              "AIza" + "f" * 35, "eyJabcdef.eyJabcdef.abcdef", "my_pat_" + "g" * 16, "whsec_" + "h" * 12, "x", "-")
    for text in _fuzz_texts(pieces, 4000, 22):
        whole = [m.span() for m in credentials._SHAPES.finditer(text)]
        runs = [(0, len(text))] if "AIza" in text else base.runs_with(text, credentials._SHAPES_HINT)
        assert [m.span() for s, e in runs for m in credentials._SHAPES.finditer(text, s, e)] == whole, text


@pytest.mark.parametrize(
    "rule", [r for m in (dates, plates) for r in m.RULES if r.context_stems], ids=lambda r: r.entity
)
def test_context_stems_or_hint_are_in_every_context_match(rule: base.Rule) -> None:
    assert rule.context is not None and rule.score <= 0
    pieces = sorted(set(re.findall(r"[A-Za-zé][A-Za-zé.]+", rule.context.pattern)))
    rng = random.Random(23)
    extra = ("12", "40", " ", "GEB", "Née", "NÉE\tLe", "ne  le", "D.O.B", "ſ", "\u212a", "İ")
    for text in _fuzz_texts((*pieces, *extra), 3000, 24):
        lowered = base.lowered_for_stems(text)
        hinted = base.may_contain(lowered, rule.context_stems) or bool(
            rule.context_hint and rule.context_hint.search(text)
        )
        for _ in range(5):  # the rule searches context in windows of the text, cut anywhere
            i = rng.randint(0, len(text))
            j = rng.randint(i, len(text))
            if rule.context.search(text[i:j]):
                assert hinted, (text, i, j)


def _guarded_patterns() -> list[re.Pattern[str]]:
    found = {}
    for module in (addresses, banking, contact, credentials, dates, documents, kept, names, national_ids, plates):
        candidates = [v for v in vars(module).values() if isinstance(v, re.Pattern)]
        candidates += [p for r in getattr(module, "RULES", ()) for p in (r.pattern, r.context) if p is not None]
        for p in candidates:
            if "(?=(?i:[" in p.pattern:
                found[(p.pattern, p.flags)] = p
    return list(found.values())


def test_first_letter_guard_reads_the_alternation() -> None:
    guard = base.first_letter_guard
    assert guard("wachtwoord|Pin(?:code)?|code") == "(?=(?i:[cpw]))"
    assert guard(r"a\|b|c") == "(?=(?i:[ac]))"
    assert guard("x[]|]|y") == "(?=(?i:[xy]))"
    for unclear in ("abc|d(e|f)|[(|]x", "ab|c?d", "(?:bank)?x|y", "é|a", r"\d+|a", "a*b"):
        assert guard(unclear) == "", unclear


@pytest.mark.parametrize("pattern", _guarded_patterns(), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    plain = re.compile(re.sub(r"\(\?=\(\?i:\[[a-z]+\]\)\)", "", pattern.pattern), pattern.flags)
    assert plain.pattern != pattern.pattern
    for text in _samples(pattern, ("KVK 12345678", "ſecret", "\u212aey", "İnlogcode", "ı"), 3000, 31):
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_token_start_class_is_everything_but_blanks_digits_and_underscore() -> None:
    from scrubber.recognizers import organizations

    start = re.compile(organizations._LEADING_CLASS)
    plain = re.compile(r"[^\s\d_]|\n")
    everything = [chr(c) for c in range(0x110000)]
    assert [c for c in everything if start.match(c)] == [c for c in everything if plain.match(c)]


def test_token_pattern_equals_its_plain_form() -> None:
    from scrubber.recognizers import organizations

    plain = re.compile(
        r"(?P<ini>(?:[^\W\d_]\.){1,4})(?![^\W\d_])|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*)"
        r"|(?P<nl>\n)|(?P<sym>[^\s\w])"
    )
    pieces = ("M.J.", "j.", "A.B.C.D.E.", "O'Neill", "Mulder-Kramer", "d’Hondt", "x", "é", "½", "_", "12", "\u00a0",
              "\u2028", "-", "'", "’", ".", "\t", "a.b.c", "Ø.", "ß")
    for text in _fuzz_texts(pieces, 5000, 41):
        fast = [(m.span(), m.lastgroup) for m in organizations._TOKEN_RE.finditer(text)]
        assert fast == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text


def test_skip_spans_and_domain_labels_equal_whole_text_scans() -> None:
    from scrubber.recognizers import organizations as org

    pieces = ("a@b.nl", "jan.de-vries@x.co.uk", "https://x.nl/a", "HTTP://Y", "www.(", "WWW.x", "sub.host.nl", "einde.",
              "10:30", "M.J.", "a.b", ".-b.nl", "shop.greenleafceramics.co.uk", "x", "-", "ftp://h")
    for text in _fuzz_texts(pieces, 5000, 51):
        whole = [m.span() for m in org._SKIP_RE.finditer(text) if not org._is_initials_only(m.group())]
        runs = [s for s in base.runs_with(text, org._SKIP_HINT) if not org._may_skip(text[s[0] : s[1]])]
        assert not [m for s, e in runs for m in org._SKIP_RE.finditer(text, s, e)], text
        kept = [m.span() for s, e in base.runs_with(text, org._SKIP_HINT) if org._may_skip(text[s:e])
                for m in org._SKIP_RE.finditer(text, s, e) if not org._is_initials_only(m.group())]
        assert kept == whole, text
        dots = [m.group() for s, e in base.runs_with(text, org._DOT) for m in org._DOMAIN_RE.finditer(text, s, e)]
        assert dots == [m.group() for m in org._DOMAIN_RE.finditer(text)], text


def test_old_account_cues_spelled_out_find_the_same_matches() -> None:
    plain = re.compile(
        r"(?<![^\W_])(?i:(?:bank)?rekening\w*|reknr|bankrekening\w*|bank\s*account|account\s*(?:number|no)"
        r"|giro\w*|bank)\b[^\n\d]{0,30}?(?<![\w.])(?P<v>\d{2,3}[. ]?\d{2}[. ]?\d{2}[. ]?\d{2,3}|\d{9,10})"
        r"(?![\w]|[.,]\d)"
    )
    extra = ("bankrekening", "Rekeningnummer", "BANK", "123456789", "12.34.56.789", "bankrekeningnr: 0123456789")
    for text in _samples(plain, extra, 4000, 61):
        assert [m.span("v") for m in banking._OLD_ACCOUNT.finditer(text)] == [m.span("v") for m in plain.finditer(text)]


def test_ascii_invisible_class_is_the_unicode_one_within_ascii() -> None:
    from scrubber import textmap

    for c in map(chr, range(128)):
        assert bool(textmap._INVISIBLE_ASCII.fullmatch(c)) == bool(textmap._INVISIBLE.fullmatch(c)), repr(c)


def test_iban_candidates_from_the_check_digits_equal_the_plain_pattern() -> None:
    plain = re.compile(r"(?<![^\W_])[A-Za-z]{2}\d{2}(?:[ .-]?[A-Za-z0-9]){10,32}")
    pieces = ("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "BE68539007547034", "xNL91",
              "GB29 NWBK 6016 1331 9268 19", "_NL91ABNA0417164300", "AB12", "12", "A", "é", "٣")
    for text in _fuzz_texts(pieces, 5000, 71):
        for pos in range(0, len(text) + 1, 7):
            slow = plain.search(text, pos)
            fast = banking._IBAN_CANDIDATE.search(text, pos + 2)
            assert (slow.span() if slow else None) == ((fast.start() - 2, fast.end()) if fast else None), text


def test_long_tokens_are_blanked_as_the_plain_substitution_does() -> None:
    plain = re.compile(r"\S{80,}")
    for text in _fuzz_texts(("a" * 79, "b" * 80, "c" * 200, " ", "\n", "\u2028", "\u00a0", "x"), 3000, 72):
        assert engine._blank_long_tokens(text) == plain.sub(lambda m: " " * len(m.group()), text), text
