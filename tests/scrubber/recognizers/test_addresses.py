"""ADDRESS (street, house number, postcode and place; P.O. boxes) and POSTCODE."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from scrubber.recognizers import addresses, addresses_world, base
from tests.scrubber.checks import (
    TableCheck,
    check_first_letter_guard,
    check_stems_in_every_match,
    fuzz_texts,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
    # ADDRESS / POSTCODE
    ("Ik woon op Kerkstraat 12, 5038 AB Tilburg sinds mei.", "Kerkstraat 12, 5038 AB Tilburg", "ADDRESS"),
    ("Nieuw adres:\nLaan van Meerdervoort 1021-B\n2564 AB Den Haag", "Laan van Meerdervoort 1021-B\n2564 AB Den Haag",
     "ADDRESS"),
    ("We moved to 221B Baker Street, London NW1 6XE last week", "221B Baker Street, London NW1 6XE", "ADDRESS"),
    ("Stuur het naar Postbus 1042, 5602 BA Eindhoven", "Postbus 1042, 5602 BA Eindhoven", "ADDRESS"),
    ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin", "ADDRESS"),
    ("Ons adres: Oudegracht 231bis, 3511 NK Utrecht.", "Oudegracht 231bis, 3511 NK Utrecht", "ADDRESS"),
    ("mijn adres is Hoofdweg 12 - 9681 AG Midwolda", "Hoofdweg 12 - 9681 AG Midwolda", "ADDRESS"),
    ("stuur het naar Van Goghlaan 3a", "Van Goghlaan 3a", "ADDRESS"),
    ("Onze postcode is 5038 AB en huisnummer 12", "5038 AB", "POSTCODE"),
    ("Postcode: SW1A 1AA", "SW1A 1AA", "POSTCODE"),
]

# The address formats of the countries a Dutch host's customers write from (UPU address formats), one line
# or several: (message, the whole address)
WORLD = [
    # NL: additions (3-hoog, kamer 3), a floor after it, a known place without postcode
    ("Nieuw: Stationsweg 12 3-hoog, 2312 AV Leiden.", "Stationsweg 12 3-hoog, 2312 AV Leiden"),
    ("Mijn adres is Dokter Willem Dreesweg 2 kamer 3, 1185 VA Amstelveen.",
     "Dokter Willem Dreesweg 2 kamer 3, 1185 VA Amstelveen"),
    ("Klopt het adres Stationsweg 12, 3e verdieping nog?", "Stationsweg 12, 3e verdieping"),
    ("We zitten op Stationsplein 4, Utrecht.", "Stationsplein 4, Utrecht"),
    # BE
    ("Adresse: Rue de la Loi 16, 1000 Bruxelles", "Rue de la Loi 16, 1000 Bruxelles"),
    ("Kerkstraat 12 bus 2, 8500 Kortrijk", "Kerkstraat 12 bus 2, 8500 Kortrijk"),
    # DE: the street type as its own word, "Am"/"An der" streets, a place with its river
    ("Berliner Straße 12, 10115 Berlin", "Berliner Straße 12, 10115 Berlin"),
    ("Anschrift: Am Ring 7, 50667 Köln", "Am Ring 7, 50667 Köln"),
    ("An der Alster 4\n20099 Hamburg", "An der Alster 4\n20099 Hamburg"),
    ("Lindenweg 3, 06108 Halle (Saale)", "Lindenweg 3, 06108 Halle (Saale)"),
    # FR: number first, street type in lower case, 5-digit postcode; building and flat before it
    ("Adresse : 8 rue de la Paix, 75002 Paris", "8 rue de la Paix, 75002 Paris"),
    ("au 3 bis avenue Victor Hugo, 69006 Lyon.", "3 bis avenue Victor Hugo, 69006 Lyon"),
    ("Bâtiment A, appt 5, 12 allée des Roses, 13008 Marseille",
     "Bâtiment A, appt 5, 12 allée des Roses, 13008 Marseille"),
    ("Cabinet Martin\n45 cours de la Libération, 38000 Grenoble", "45 cours de la Libération, 38000 Grenoble"),
    # UK: several lines, a floor or flat first, a house name without a number
    ("10 Downing Street\nLondon\nSW1A 2AA", "10 Downing Street\nLondon\nSW1A 2AA"),
    ("Flat 2, 14 High Street\nOxford\nOX1 4AH", "Flat 2, 14 High Street\nOxford\nOX1 4AH"),
    ("2nd Floor, 5 Market Street, Leeds LS1 6DT", "2nd Floor, 5 Market Street, Leeds LS1 6DT"),
    ("his address is The Old Mill, Mill Lane, Little Hampton, West Sussex BN17 5AB, and",
     "The Old Mill, Mill Lane, Little Hampton, West Sussex BN17 5AB"),
    # US: number, street and suffix (USPS Publication 28), unit, city, state and ZIP
    ("1600 Pennsylvania Avenue NW, Washington, DC 20500", "1600 Pennsylvania Avenue NW, Washington, DC 20500"),
    ("Office: 350 Fifth Avenue, Suite 3000, New York, NY 10118.", "350 Fifth Avenue, Suite 3000, New York, NY 10118"),
    ("ship to 123 Main St, Springfield, IL 62701", "123 Main St, Springfield, IL 62701"),
    ("Mailing address: P.O. Box 1234, Austin, TX 78701.", "P.O. Box 1234, Austin, TX 78701"),
    ("Previous address: Apt 12C, 200 West 79th Street, New York, NY 10024",
     "Apt 12C, 200 West 79th Street, New York, NY 10024"),
    ("4521 Oak Ridge Dr., Apt 3\nDenver, CO 80202", "4521 Oak Ridge Dr., Apt 3\nDenver, CO 80202"),
    ("I live at 742 Evergreen Terrace, Springfield", "742 Evergreen Terrace, Springfield"),
    # PL: ul./al./pl./os., number/flat, "m." flat, NN-NNN postcode
    ("Adres: ul. Długa 12/3, 31-147 Kraków", "ul. Długa 12/3, 31-147 Kraków"),
    ("al. Niepodległości 10 m. 5, 02-653 Warszawa", "al. Niepodległości 10 m. 5, 02-653 Warszawa"),
    # TR: Cad./Sok./Mah., "No:" and "D:" (flat), district/city
    ("Bağdat Cad. No: 12 D: 3, 34728 Kadıköy/İstanbul", "Bağdat Cad. No: 12 D: 3, 34728 Kadıköy/İstanbul"),
    ("İstiklal Caddesi No:25, 34433 Beyoğlu/İstanbul", "İstiklal Caddesi No:25, 34433 Beyoğlu/İstanbul"),
    # ES, IT
    ("Dirección: Calle Mayor 5, 3º B, 28013 Madrid", "Calle Mayor 5, 3º B, 28013 Madrid"),
    ("Via Roma 12, 00184 Roma", "Via Roma 12, 00184 Roma"),
]


@pytest.mark.parametrize(("text", "value"), WORLD)
def test_world_addresses(assert_stripped: Callable[[str, str], None], text: str, value: str) -> None:
    assert_stripped(text, value)

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("We draaien Windows 10 en PHP 8", "Windows 10", "ADDRESS"),
    ("Poort 25 of 587?", "Poort 25", "ADDRESS"),
    ("in 2024 ging het mis met 3 sites", "2024", "POSTCODE"),
    ("Wij hebben 12 rue-achtige straten", "12 rue", "ADDRESS"),
    ("we moved 200 users to the new server, NY office too", "200 users", "ADDRESS"),
    ("Upgrade naar Windows 11, 2024 versie", "Windows 11", "ADDRESS"),
    ("Order 1234 Main Course, 2 people", "1234 Main Course", "ADDRESS"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"), [(addresses._POBOX, addresses._POBOX_STEMS)], ids=lambda v: getattr(v, "pattern", "")[:30]
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize("pattern", guarded_patterns(addresses), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)


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


@pytest.mark.parametrize(
    "pattern",
    [addresses._SUFFIX_STREET, addresses._LEADING_STREET, addresses._ANY_STREET, addresses._UK_STREET,
     addresses._UK_LINE],
    ids=lambda p: p.pattern[:30],
)
def test_street_patterns_start_where_a_word_starts(pattern: re.Pattern[str]) -> None:
    """``finditer_lines`` tried at ``WORD_START`` places only finds what the search finds (issue 19)."""
    for text in _address_texts(7, 4000):
        runs = base.runs_with(text, addresses._STREET_HINT, addresses._STREET_STOP)
        if pattern in (addresses._UK_STREET, addresses._UK_LINE):
            runs = base.runs_with(text, addresses._UK_HINT, addresses._UK_STOP)
        searched = [m.span() for m in base.finditer_lines(pattern, text, runs, addresses._OVERHANG)]
        tried = [m.span() for m in base.finditer_lines(pattern, text, runs, addresses._OVERHANG, base.WORD_START)]
        assert tried == searched, text
        assert [m.span() for m in base.finditer_lines(pattern, text, [(0, len(text))], 0, base.WORD_START)] == [
            m.span() for m in pattern.finditer(text)
        ], text


def test_every_address_holds_a_digit() -> None:
    """``AddressRecognizer.digits_needed``: every pattern an address or postcode is found by needs a digit, but the
    intersection, which counts only with a house number (issue 19)."""
    patterns = [
        addresses._UK_LINE, addresses._UK_STREET, addresses._SUFFIX_STREET, addresses._LEADING_STREET,
        addresses._ANY_STREET, addresses._LOWER_STREET, addresses._POBOX, addresses._NL_POSTCODE_ALONE,
        addresses._UK_POSTCODE_ALONE, addresses_world._UK_NAMED, addresses_world._UNIT_STREET,
        addresses_world._HOUSE_NUMBER, *(street[0] for street in addresses_world.STREETS),
    ]
    need = addresses.AddressRecognizer.digits_needed
    assert need == 1
    assert all(base.min_digits(p) >= need for p in patterns)
    recognizer = addresses.AddressRecognizer("nl")
    for text in _address_texts(8, 3000):
        if not any(c.isdigit() for c in text):
            assert recognizer.analyze(text, []) == [], text
    assert recognizer.analyze("at the corner of Main Street and Elm Road", []) == []


@pytest.mark.parametrize("street", addresses_world.STREETS, ids=lambda s: s[0].pattern[:30])
def test_world_street_literals_are_in_every_match(street: tuple[re.Pattern[str], bool, tuple[str, ...], bool]) -> None:
    pattern, _, literals, lower = street
    pieces = (
        "8", "12", "3 bis", "rue", "Rue", "RUE", "allée", "ALLÉE", "Avenue", "av.", "Straße", "Berliner", "Am",
        "An der", "ul.", "Al.", "Długa", "Cad.", "No:", "No", "12/3", "m.", "Calle", "Via", "Main", "St", "Street",
        "West", "79th",
        "de la", "Paix", "ſ", "İ", "K", "\u212a", ",", " ", "\t", "\n",
    )
    for text in fuzz_texts(pieces, 4000, 81):
        if pattern.search(text):
            haystack = base.lowered_for_stems(text) if lower else text
            assert haystack is None or any(lit in haystack for lit in literals), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hoi! nieuw adres: dorpsstraat 4a 1234 ab ergenshuizen. wil je dat aanpassen?",
         "dorpsstraat 4a 1234 ab ergenshuizen"),
        ("adres: gravenstraat 114, paramaribo\nvraag: kan ik pinnen?", "gravenstraat 114, paramaribo"),
        ("ik woon op de lindelaan 3 sinds vorig jaar", "lindelaan 3"),
    ],
)
def test_lower_case_addresses_in_chats(text: str, value: str) -> None:
    found = [text[r.start : r.end] for r in addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"])]
    assert found == [value]


@pytest.mark.parametrize("text", ["de kerkstraat 12 keer gebeld maar niemand thuis", "de hoofdweg 2 uur dicht"])
def test_a_lower_case_street_and_a_number_in_prose_is_no_address(text: str) -> None:
    assert addresses.AddressRecognizer("nl").analyze(text, ["ADDRESS"]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The letter arrived at 17224 Þverbraut 66 Suite 991, Gdańsk, Poland last night.",
         "17224 Þverbraut 66 Suite 991, Gdańsk, Poland"),
        ("Billing address:\n764 Fagradalsbraut 71 Apt. 762\nEgilsstaðir", "764 Fagradalsbraut 71 Apt. 762"),
    ],
)
def test_any_street_with_a_number_and_a_unit(text: str, value: str) -> None:
    found = [text[s:e] for s, e, _ in addresses_world.world_addresses(text)]
    assert value in found, found


def test_a_product_suite_is_no_unit() -> None:
    assert addresses_world.world_addresses("We run Windows Server 2019 and the Office 365 suite 2.") == []


def test_patterns_with_the_look_behind_after_their_first_letter_equal_the_plain_ones() -> None:
    """_ANY_STREET, _LOWER_STREET (and secret_typos._WORD, banking._IBAN_SPACED) carry their leading look-behind after
    the first letter so that ``re`` skips ahead to it (issue 19); the same matches as with the look-behind first."""
    from scrubber.recognizers import banking, secret_typos

    plain = {
        addresses._ANY_STREET: r"(?<![\w-])(?P<street>" + addresses._CAP + r"(?:[ \t-](?:" + addresses._CAP + r"|"
        + addresses._PARTICLE + r")){0,3})[ \t](?P<num>" + addresses._NUMBER + r")(?![\w-])",
        addresses._LOWER_STREET: r"(?<![\w-])[a-zà-þ]" + addresses._LOWER_STREET.pattern.split(r"[a-zà-þ])", 1)[1],
        secret_typos._WORD: r"(?<![\w/.@-])[wpktivhna][^\W\d_]{5,17}(?![\w@]|[-.]\w)",
        banking._IBAN_SPACED: r"(?<![^\W_])[A-Za-z]{2}[ .-]\d{2}(?:(?:[ .-]|[ \t]*\r?\n[ \t>]*)?[A-Za-z0-9]){10,32}",
    }
    extra = ("dorpsstraat 4a", "-kerkstraat 5", "x.laan 3", "Passwrod", "/wachtwrod", "@kennwort", "Kerkstraat 12",
             "NL 94 BUNQ 0869815997", "_NL 94 BUNQ 0869815997", "é-Weg 3", "ĸ", "\u212aerkweg 2")
    for fast, slow_pattern in plain.items():
        slow = re.compile(slow_pattern, fast.flags)
        assert slow.pattern != fast.pattern
        for text in [*_address_texts(9, 3000), *fuzz_texts(extra, 2000, 23)]:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


def test_leading_street_starts_where_its_words_start() -> None:
    """``_LEADING_STREET`` tried at ``_LEADING_STARTS`` places only finds what the search finds (issue 19): every
    word of the street's opening alternative starts at such a place, and so every match."""
    for word in addresses._LEADING_WORDS.split("|"):
        opening = word.replace("\\", "")
        assert addresses._LEADING_STARTS.match(f"x {opening}", 2) is not None, word
    extra = ("Laan van Meerdervoort 12", "xLaan van Meerdervoort 12", "Rue de la Loi 16", "-Rue de la Loi 16",
             "in de Korte Nieuwstraat 8, Oude Gracht 3", "Sint Jansstraat 4", "Prinses Irenelaan 10a")
    for text in [*_address_texts(8, 4000), *extra]:
        runs = base.runs_with(text, addresses._STREET_HINT, addresses._STREET_STOP)
        pattern, starts, overhang = addresses._LEADING_STREET, addresses._LEADING_STARTS, addresses._OVERHANG
        searched = [m.span() for m in base.finditer_lines(pattern, text, runs, overhang)]
        assert [m.span() for m in base.finditer_lines(pattern, text, runs, overhang, starts)] == searched, text
        whole = base.finditer_lines(pattern, text, [(0, len(text))], 0, starts)
        assert [m.span() for m in whole] == [m.span() for m in pattern.finditer(text)], text
