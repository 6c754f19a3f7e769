"""Engine behaviour: placeholders, offsets into the original text, policy configuration, bad input, the
long-token blanking and chunking that keep it linear."""

from __future__ import annotations

import random
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from scrubber import Scrubber, ScrubberConfig, engine, language
from scrubber.config import CustomPattern
from scrubber.engine import chunks, get_scrubber
from scrubber.types import MemoryBook
from tests.scrubber.checks import check_rewritten_pattern, fuzz_texts

KEY = "test-key-not-secret"


def test_placeholders_stable_per_value_within_a_book(scrubber: Scrubber) -> None:
    book = MemoryBook()
    first = scrubber.scrub("Bel 06-12345678 of 06-87654321.", book).text
    second = scrubber.scrub("Nogmaals: 06 1234 5678, en mail a@b.nl", book).text
    assert first == "Bel <PHONE_NUMBER_1> of <PHONE_NUMBER_2>."
    assert second == "Nogmaals: <PHONE_NUMBER_1>, en mail <EMAIL_ADDRESS_1>"


def test_placeholders_restart_in_a_new_book(scrubber: Scrubber) -> None:
    assert scrubber.scrub("bel 06-87654321").text == "bel <PHONE_NUMBER_1>"


def test_offsets_index_the_original_text_with_zero_width_characters(scrubber: Scrubber) -> None:
    text = "Mijn BSN is 111\u200b222\u200b333 en tel 06-\u200d12345678."
    analysis = scrubber.analyze(text)
    spans = {e.type: text[e.start : e.end] for e in analysis.entities}
    assert spans["NATIONAL_ID"] == "111\u200b222\u200b333"
    assert spans["PHONE_NUMBER"] == "06-\u200d12345678"
    out = scrubber.redact(text, analysis, MemoryBook())
    assert out == "Mijn BSN is <NATIONAL_ID_1> en tel <PHONE_NUMBER_1>."


def test_soft_hyphen_and_nbsp_inside_iban(scrubber: Scrubber) -> None:
    text = "IBAN NL91\u00a0ABNA\u00ad0417\u00a01643\u00a000 graag"
    out = scrubber.scrub(text).text
    assert out == "IBAN <IBAN_1> graag"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "\x00\x01\x02\x1b[31m\x7f",
        "🙂🙂🙂 👍🏽 \U0001f9d1\u200d\U0001f4bb",
        "\ud800 lone surrogate \udfff",
        "مرحبا، رقمي هو 06-12345678 شكرا",
        "\u202eBSN 111222333\u202c",
        bytes(random.Random(7).randrange(256) for _ in range(5000)).decode("latin-1"),
        bytes(random.Random(8).randrange(256) for _ in range(5000)).decode("utf-8", errors="surrogateescape"),
        "a" * 50_000,
        "1" * 50_000,
        "- " * 30_000,
        "06-" * 20_000,
        ("x@" * 10_000) + ".nl",
    ],
)
def test_bad_input_never_crashes(scrubber: Scrubber, text: str) -> None:
    result = scrubber.scrub(text)
    for e in result.analysis.entities:
        assert 0 <= e.start < e.end <= len(text)


def test_rtl_and_emoji_keep_offsets(scrubber: Scrubber) -> None:
    text = "שלום 🙂 mijn nummer: 06-12345678 🙏 תודה"
    ents = [e for e in scrubber.analyze(text).entities if e.type == "PHONE_NUMBER"]
    assert [text[e.start : e.end] for e in ents] == ["06-12345678"]


def test_time_grows_linearly(scrubber: Scrubber) -> None:
    unit = (
        "Hoi, mijn BSN is 111222333 en IBAN NL91 ABNA 0417 1643 00. Bel 06-12345678.\n"
        "Kerkstraat 12, 5038 AB Tilburg. wachtwoord: Zomer2024! klantnummer 104233\n\n"
    )
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    big = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    t = time.perf_counter()
    scrubber.analyze(small)
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    analysis = scrubber.analyze(big)
    t_big = time.perf_counter() - t
    assert t_big < 30 * max(t_small, 0.05)  # ~10x expected (noisy shared machine); quadratic would be ~100x
    assert sum(e.type == "NATIONAL_ID" for e in analysis.entities) >= 1_000_000 // len(unit)


def test_chunks_cover_text_exactly() -> None:
    text = ("abc def\n" * 5000) + ("x" * 30_000) + "\n\nend"
    parts = list(chunks(text, 10_000))
    assert "".join(p for _, p in parts) == text
    assert all(text[o : o + len(p)] == p for o, p in parts)


def test_analyze_is_thread_safe(scrubber: Scrubber) -> None:
    texts = [f"Bel {n} of mail user{i}@example.nl, BSN 111222333" for i, n in
             enumerate(["06-12345678", "+31 20 794 3318", "(013) 711 37 01", "0470 12 34 56"] * 10)]
    expected = [scrubber.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(scrubber.analyze, texts))
    assert got == expected


def test_language_detection_and_mixed(scrubber: Scrubber) -> None:
    assert scrubber.analyze("Hallo, ik kan niet inloggen op mijn account sinds gisteren.").lang == "nl"
    assert scrubber.analyze("Hello, I cannot log in to my account since yesterday.").lang == "en"
    assert scrubber.analyze("Hello there", lang="nl").lang == "nl"


def test_a_given_language_is_not_detected_and_changes_no_result(
    scrubber: Scrubber, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the language given (subjects, names, attachments: the body's language), detection is skipped: the
    other languages present change no result without NER. Checked against the full detection's results."""
    texts = [
        "Re: Inloggen lukt niet, call me at +44 7700 900123",
        "Hoi, met sanne van der berg. mijn BSN is 111222333.\n\nHi Peter, my password Zomer2024! no longer works."
        "\n\nMet vriendelijke groet,\nMarieke Hoogendoorn\nKerkstraat 12, 5038 AB Tilburg",
        "Gerda Smit (14-8-1942) " + "x" * 90 + " Jan de Vries, tel 06-12345678",
    ]
    expected = {}
    monkeypatch.setattr(scrubber, "_dominant_only", False)
    for text in texts:
        for lang in ("nl", "en"):
            expected[text, lang] = scrubber.analyze(text, lang)
    monkeypatch.setattr(scrubber, "_dominant_only", True)

    def no_detection(*args: object, **kwargs: object) -> None:
        raise AssertionError("detected although the language was given")

    monkeypatch.setattr(language, "detect", no_detection)
    for (text, lang), analysis in expected.items():
        assert scrubber.analyze(text, lang) == analysis


def test_config_actions_allow_list_and_custom_patterns() -> None:
    config = ScrubberConfig(
        actions={"DOMAIN": "redact", "PHONE_NUMBER": "redact", "CUSTOMER_NUMBER": "keep"},
        allow_list=("013 711 37 01",),
        custom_patterns=(
            CustomPattern(type="CUSTOMER_NUMBER", regex=r"\bDC-\d{5}\b"),
            CustomPattern(type="INVOICE_NUMBER", regex=r"\b\d{7}\b", context=("bon",)),
        ),
        placeholder_key=KEY,  # type: ignore[arg-type]
    )
    s = get_scrubber(config)
    assert s is get_scrubber(config)
    text = "Bel ons op 013 711 37 01 of mij op 06-12345678; site jansen.nl; DC-12345; bon 1234567"
    result = s.scrub(text)
    assert result.text.startswith("Bel ons op 013 711 37 01 of mij op <PHONE_NUMBER_1>; site <DOMAIN_1>;")
    types = {text[e.start : e.end]: (e.type, e.action) for e in result.analysis.entities}
    assert types["DC-12345"] == ("CUSTOMER_NUMBER", "keep")
    assert types["1234567"] == ("INVOICE_NUMBER", "keep")
    assert result.counts == {"PHONE_NUMBER": 1, "DOMAIN": 1}


def test_unknown_type_fails_closed() -> None:
    assert ScrubberConfig().action_for("SOMETHING_NEW") == "redact"


def test_invalid_custom_regex_is_rejected() -> None:
    with pytest.raises(ValueError, match="regex"):
        CustomPattern(type="CUSTOMER_NUMBER", regex="([")


def test_no_digits_of_high_risk_values_survive(scrubber: Scrubber) -> None:
    text = "BSN 111222333, IBAN NL91ABNA0417164300, card 4111111111111111 exp 12/27, ww: Geheim!99"
    out = scrubber.scrub(text).text
    for secret in ("111222333", "0417164300", "4111111111111111", "12/27", "Geheim!99"):
        assert secret not in out
    assert not re.search(r"\d{6,}", out)


def test_works_without_name_recognizers(monkeypatch: pytest.MonkeyPatch) -> None:
    import scrubber.engine

    monkeypatch.setattr(scrubber.engine, "language_recognizers", lambda lang: [])
    s = Scrubber(ScrubberConfig(placeholder_key=KEY))  # type: ignore[arg-type]
    assert s.scrub("Hoi Jan, bel 06-12345678").text == "Hoi Jan, bel <PHONE_NUMBER_1>"


def test_placeholders_pairs_match_redact(scrubber: Scrubber) -> None:
    text = "Bel 06-12345678 of 06-87654321, nogmaals 06 1234 5678."
    book = MemoryBook()
    analysis = scrubber.analyze(text)
    out = scrubber.redact(text, analysis, book)
    pairs = scrubber.placeholders(text, analysis, book)
    assert [(text[e.start : e.end], n) for e, n in pairs] == [
        ("06-12345678", 1), ("06-87654321", 2), ("06 1234 5678", 1),
    ]
    assert out == "Bel <PHONE_NUMBER_1> of <PHONE_NUMBER_2>, nogmaals <PHONE_NUMBER_1>."


@pytest.mark.parametrize(
    ("fast", "plain"), [(engine._LONG_TOKEN, r"\S{80,}")], ids=["long_token"]
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


def test_long_tokens_are_blanked_as_the_plain_substitution_does() -> None:
    plain = re.compile(r"\S{80,}")
    for text in fuzz_texts(("a" * 79, "b" * 80, "c" * 200, " ", "\n", "\u2028", "\u00a0", "x"), 3000, 72):
        assert engine._blank_long_tokens(text) == plain.sub(lambda m: " " * len(m.group()), text), text


def test_a_span_cutting_a_word_does_not_split_a_longer_value(scrubber: Scrubber) -> None:
    # the name recognizers read "NboCrq" inside the random password as a name; the piece of the
    # token must not win over the token (a value inside a longer value belongs to the longer one)
    text = "I used h0Xjj7NboCrq as the password."
    spans = [(e.type, text[e.start : e.end], e.action) for e in scrubber.analyze(text, lang="en").entities]
    assert spans == [("CREDENTIAL", "h0Xjj7NboCrq", "redact")]


def test_word_cutters_are_dropped_as_the_pairwise_definition_drops_them() -> None:
    # drop_word_cutters uses prefix maxima instead of comparing every pair; same result on random spans
    from scrubber.resolve import Candidate, drop_word_cutters

    def pairwise(cands: list[Candidate], text: str) -> list[Candidate]:
        def cuts(c: Candidate) -> bool:
            s, e = c.start, c.end
            return (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                e < len(text) and text[e].isalnum() and text[e - 1].isalnum())

        drop = {id(c) for c in cands if cuts(c) and any(
            d is not c and d.start <= c.start and c.end <= d.end and d.end - d.start > c.end - c.start for d in cands)}
        return [c for c in cands if id(c) not in drop]

    rng = random.Random(16)
    for _ in range(2000):
        text = "".join(rng.choice("ab 1.") for _ in range(40))
        cands = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 38)
            cands.append(Candidate("X", start, rng.randint(start + 1, 40), 0.5, "r"))
        assert drop_word_cutters(cands, text) == pairwise(cands, text)
