"""ADDRESS without a known street form: blocks ending in a country, US military mail, the value after a cue."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.recognizers.address_blocks import AddressBlockRecognizer, PostcodeCueRecognizer

Check = Callable[[str, str], None]

STRIPPED = [
    # a delivery line, short lines of unit and town, a country line last (with or without its postcode)
    (
        "Rebecca Hides\n\n07960 Aqqusinersuaq 111\n Suite 201\n Sisimiut\n Greenland 26364",
        "07960 Aqqusinersuaq 111\n Suite 201\n Sisimiut\n Greenland 26364",
    ),
    (
        ">Marta Palermo\n>1072 Pohlstrasse 9\n>Suite 858\n>Börßum\n>Germany 74285",
        "1072 Pohlstrasse 9\n>Suite 858\n>Börßum\n>Germany 74285",
    ),
    (
        "It's in 0269 Stensås terrasse 38\n Suite 621\n ARENDAL\n Norway",
        "0269 Stensås terrasse 38\n Suite 621\n ARENDAL\n Norway",
    ),
    ("Groeten,\nAyşe\nAtatürk Bulvarı 112 D:4\nÇankaya\nTurkije", "Atatürk Bulvarı 112 D:4\nÇankaya\nTurkije"),
    # US military mail (USPS Publication 28)
    ("Dreux Joly\nPSC 3294, Box 9168\nAPO AA 61487\nthanks", "PSC 3294, Box 9168\nAPO AA 61487"),
    ("send a new one to USNS Sekerková\nFPO AA 65728? I am away", "USNS Sekerková\nFPO AA 65728"),
]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Address:     594 Hegedûs Gyula utca 76. Apt. 289 Mogyorósbánya Hungary",
            "594 Hegedûs Gyula utca 76. Apt. 289 Mogyorósbánya Hungary",
        ),
        ("Ciset lives on Rua Mina 50 street.", "Rua Mina 50 street"),
        ("mijn nieuwe adres is Marienburg 12, Commewijne. Groet", "Marienburg 12, Commewijne"),
    ],
)
def test_the_value_after_an_address_cue_is_an_address(text: str, value: str) -> None:
    # the recognizer's own guess (in the engine, any other recognizer overlapping it wins)
    found = [(text[r.start : r.end], r.score) for r in AddressBlockRecognizer("en").find(text)]
    assert found == [(value, 0.5)]


@pytest.mark.parametrize(("text", "value"), STRIPPED)
def test_address_is_stripped(assert_stripped: Check, text: str, value: str) -> None:
    assert_stripped(text, value)


NOT_ADDRESS = [
    ("Order 12345\nQty 2\nTotal 45.00\nNetherlands", "12345"),
    ("the address is the same as before, 2 weeks ago", "2 weeks ago"),
    ("We had 3 issues today\nfirst one\nsecond one\nGermany won", "3 issues today"),
    ("my address: see invoice 2024-118", "see invoice 2024-118"),
    ("Version 3.2 released\nchangelog\nFrance", "3.2"),
]


@pytest.mark.parametrize(("text", "value"), NOT_ADDRESS)
def test_not_an_address(text: str, value: str) -> None:
    start = text.index(value)
    found = AddressBlockRecognizer("en").find(text)
    assert not [r for r in found if r.start < start + len(value) and start < r.end], found


def test_a_street_found_by_its_form_wins_over_the_guess_after_a_cue(scrubber) -> None:  # type: ignore[no-untyped-def]
    text = "my address is 9 Bridge Street, Keswick CA12 5AZ and my phone is 017687 72 113"
    spans = {(e.type, text[e.start : e.end]) for e in scrubber.analyze(text, lang="en").entities}
    assert ("ADDRESS", "9 Bridge Street, Keswick CA12 5AZ") in spans
    assert ("PHONE_NUMBER", "017687 72 113") in spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ZIP: 394 13", "394 13"),
        ("My zip code is 2200", "2200"),
        ("PLZ 80331 München", "80331"),
        ("code postal : 75008", "75008"),
    ],
)
def test_a_postcode_after_its_cue(assert_recognised: Callable[[str, str, str], None], text: str, value: str) -> None:
    assert_recognised(text, value, "POSTCODE")


def test_zip_as_a_verb_is_no_postcode_cue(assert_untouched: Check) -> None:
    assert_untouched("please zip the 2 folders and send them", "2")


@pytest.mark.parametrize(
    ("text", "value"),
    [("My zip code is 30303 but the form wants another", "30303"), ("mijn postcode is 3512 jk", "3512 jk"),
     ("postcode 3512 en huisnummer 8", "3512"), ("PLZ 80331 München", "80331"), ("ZIP: 394 13", "394 13")],
)
def test_a_postcode_after_its_cue_ends_before_a_word(text: str, value: str) -> None:
    found = [text[r.start : r.end] for r in PostcodeCueRecognizer("en").find(text)]
    assert found == [value]
