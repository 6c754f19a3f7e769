"""ORGANIZATION spans (kept): legal forms, sector words, partnerships, known and configured names, domain labels."""

from __future__ import annotations

import random

import pytest

from scrubber.recognizers.names import NameFinder
from tests.scrubber.recognizers.names.spans import orgs, persons

# (text, organisation that must be kept whole, a person-looking word inside it)
ORGANIZATIONS = [
    ("Met vriendelijke groet,\n\nMarieke Hoogendoorn\nFysiotherapie Hoogendoorn", "Fysiotherapie Hoogendoorn"),
    ("Groet,\nKees de Boer\nTuincentrum De Boer\n0251-672 340", "Tuincentrum De Boer"),
    ("Cheers,\nHannah Pryce\nGreenleaf Ceramics Ltd", "Greenleaf Ceramics Ltd"),
    ("De factuur is voor Bakkerij Jansen B.V. in Tilburg.", "Bakkerij Jansen B.V."),
    ("Our lawyer is at Patel & Vermeulen in Amsterdam.", "Patel & Vermeulen"),
    ("Wij zijn Peeters Verhuur bv uit Gent.", "Peeters Verhuur bv"),
    ("Ik betaal via Rabobank.", "Rabobank"),
    # trade nouns and departments (issue 16)
    ("Groet,\nHenk Mulder\nSmederij Mulder", "Smederij Mulder"),
    ("Mvg\nSalesteam Brouwer Tegels", "Salesteam Brouwer Tegels"),
    ("De rekening staat op Tuinbouw Van Leeuwen.", "Tuinbouw Van Leeuwen"),
    ("De garage heet Auto Demir, in Zwolle.", "Auto Demir"),
]


@pytest.mark.parametrize(("text", "org"), ORGANIZATIONS)
def test_organization_kept(finder: NameFinder, text: str, org: str) -> None:
    assert org in orgs(finder, text)
    start = text.index(org)
    end = start + len(org)
    found, _ = finder.find(text)
    assert not any(s < end and start < e for s, e, _, _ in found), "a person overlaps the organisation"


def test_domain_label_is_an_organization(finder: NameFinder) -> None:
    text = "Hoi,\n\nIk ben klant bij Dommelhost, zie dommelhost.nl."
    assert "Dommelhost" in orgs(finder, text)
    assert "Dommelhost" not in persons(finder, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Best,\nRyan from WP Booking Pro\nwpbookingpro.com", "WP Booking Pro"),  # a two-letter first word
        ("Groet,\nGreenleaf Ceramics\nshop.greenleafceramics.co.uk", "Greenleaf Ceramics"),
    ],
)
def test_capitalised_words_spelling_a_domain_label_are_an_organization(
    finder: NameFinder, text: str, org: str
) -> None:
    assert org in orgs(finder, text)


def test_configured_organization(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUBDESK_ORGANIZATIONS", "Brightdesk")
    text = "Dear Brightdesk,\n\nplease help."
    finder = NameFinder()
    assert "Brightdesk" in orgs(finder, text)
    assert persons(finder, text) == []


def test_blanking_local_parts_in_at_runs_equals_the_whole_text_substitution() -> None:
    from scrubber.recognizers.names import organizations

    rng = random.Random(11)
    alphabet = "ab.@+'- \n\tx1_é\u00a0"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    texts += ["a@b@c", "@", "x @y", "a.b@c.d@e", "'@", "é@x", "mail jan.de-vries@x.nl of p@q"]
    for text in texts:
        whole = organizations._LOCAL_PART_RE.sub(lambda m: " " * len(m.group()), text)
        assert organizations._blank_local_parts(text) == whole, repr(text)


def test_brand_shape_prefilter_changes_no_result() -> None:
    from scrubber.recognizers.names import organizations as org

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
