"""scrubber.ner.vote: where the model runs and how its spans vote with the rules (a stub model)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from presidio_analyzer import RecognizerResult

from scrubber.lexicon import load_lexicon
from scrubber.ner.vote import _address_doubt, doubt_regions, model_spans, model_votes, plausible


@dataclass
class StubModel:
    """Finds the given values wherever they occur in the text it is run on; records what it was given."""

    values: dict[str, str]
    scores: dict[str, float] = field(default_factory=lambda: {"PERSON": 0.5, "ADDRESS": 0.5})
    name: str = "NerModelRecognizer"
    id: str = "stub"
    seen: list[str] = field(default_factory=list)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        self.seen.append(text)
        out = []
        for value, label in self.values.items():
            start = text.find(value)
            while start >= 0:
                out.append((start, start + len(value), label))
                start = text.find(value, start + 1)
        return out


def rr(text: str, value: str, etype: str, score: float = 0.85) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(etype, start, start + len(value), score)


LONG_FILLER = "De server gaf vanochtend weer een foutmelding bij het uploaden van bestanden.\n" * 6


def test_chat_line_with_a_lexicon_name_is_in_doubt() -> None:
    text = "hoi ik ben lieke, mn site ligt eruit"
    assert doubt_regions(text, []) == [(0, len(text))]


def test_lines_without_an_uncovered_candidate_are_not_run() -> None:
    # everyday words only (capitalised at a sentence start, or in a chat), or the name already a rule's
    assert doubt_regions("De server ligt eruit. Kunnen jullie kijken?", []) == []
    assert doubt_regions("mn site ligt eruit sinds vanochtend", []) == []
    text = "Groeten van Sanne"
    assert doubt_regions(text, [rr(text, "Sanne", "PERSON")]) == []
    assert doubt_regions(text, []) == [(0, len(text))]


def test_products_labels_acronyms_and_places_are_no_candidates() -> None:
    assert doubt_regions("Na de update van WordPress werkt Outlook niet meer.", []) == []
    assert doubt_regions("Klantnummer: 12345\nIBAN en VAT staan in Amsterdam op de factuur.", []) == []
    assert doubt_regions("Het pakket is 15 GB en draait PHP 8.", []) == []  # numbers, but no street


def test_long_text_runs_on_doubt_lines_only() -> None:
    text = f"Beste Lotte,\n\n{LONG_FILLER}\nWe zitten nu op Kwattaweg 188, Paramaribo.\n{LONG_FILLER}\nGroet,\nRavi"
    regions = doubt_regions(text, [])
    picked = "".join(text[s:e] for s, e in regions)
    assert "Beste Lotte" in picked and "Kwattaweg 188" in picked and "Ravi" in picked
    assert len(picked) < len(text) / 3  # the filler is left out


def test_explained_numbers_are_no_doubt() -> None:
    line = "Kwattaweg 188 is het adres."
    assert _address_doubt(line, 0, [], load_lexicon())
    assert not _address_doubt(line, 0, [rr(line, "188", "INVOICE_NUMBER")], load_lexicon())


def test_spans_map_back_to_the_text() -> None:
    text = f"{LONG_FILLER}Mijn vrouw Sanne belt morgen.\n{LONG_FILLER}Groet,\nRavi Ramdin"
    model = StubModel({"Sanne": "PERSON", "Ravi Ramdin": "PERSON"})
    spans = model_spans(text, doubt_regions(text, []), model)  # type: ignore[arg-type]
    assert sorted(text[s:e] for s, e, _ in spans) == ["Ravi Ramdin", "Sanne"]
    assert len(model.seen) == 1  # one run per chunk


def test_votes_add_extend_and_defer() -> None:
    text = ("Hoi, ik ben Cor van Hoof van Bakkerij Jansen. Ons adres: 12 rue des Lilas, 75011 Paris. "
            "Mail naar info@jansen.nl of bel Zwanet.")
    rules = [rr(text, "Cor", "PERSON"), rr(text, "Bakkerij Jansen", "ORGANIZATION", 0.9),
             rr(text, "75011", "POSTCODE", 0.6), rr(text, "info@jansen.nl", "EMAIL_ADDRESS", 1.0)]
    model = StubModel({"Cor van Hoof": "PERSON", "Jansen": "PERSON", "12 rue des Lilas, 75011 Paris": "ADDRESS",
                       "Zwanet": "PERSON", "Hoi": "PERSON"})
    votes = {(text[v.start : v.end], v.entity_type, v.score) for v in model_votes(text, rules, model)}  # type: ignore[arg-type]
    assert ("Cor van Hoof", "PERSON", 0.86) in votes  # extends the rules' "Cor", wins over it
    assert ("12 rue des Lilas, 75011 Paris", "ADDRESS", 0.61) in votes  # swallows the POSTCODE
    assert ("Zwanet", "PERSON", 0.5) in votes  # new: below every rule
    assert not any(v[0] == "Hoi" for v in votes)  # an everyday word
    assert not any(v[0] == "Jansen" for v in votes)  # inside an organisation and an e-mail address: rules decide


@pytest.mark.parametrize(
    ("text", "value", "label", "kept"),
    [
        ("Groet, Ruben Smeets neemt contact op", "Ruben Smeets neemt", "PERSON", "Ruben Smeets"),
        ("Vraag het de beheerder.", "de beheerder", "PERSON", None),
        ("Liefs,\nAnna", "Liefs", "PERSON", None),
        ("We gaan nu installeren.", "installeren", "PERSON", None),
        ("ssh arun@laptop werkt niet", "arun@laptop", "PERSON", None),
        ("hoi ik ben lieke", "lieke", "PERSON", "lieke"),  # a chat: the lexicon knows the name
        ("jaaa eindelijk het werkt", "jaaa", "PERSON", None),  # a chat word the lexicon does not know as a name
        ("Mijn collega Zwanet Oosterhuis belt", "Zwanet Oosterhuis", "PERSON", "Zwanet Oosterhuis"),
        ("Zie GDPR Article 15", "GDPR Article 15", "ADDRESS", None),  # no street word
        ("Na 300 seconds stopt het", "300 seconds", "ADDRESS", None),
        ("We wonen op Kwattaweg 188", "Kwattaweg 188", "ADDRESS", "Kwattaweg 188"),
        ("Lees Backupcodes goed", "Backupcodes", "PERSON", None),  # no name the lexicon knows
        ("Dat was Erik's laptop", "Erik's", "PERSON", "Erik"),
        ("Beste Jan,", "Beste Jan", "PERSON", "Jan"),  # a greeting is no part of the name
        ("Ik werk bij Jansen Hosting B.V. sinds mei", "Jansen", "PERSON", None),  # a company's name
        ("Groeten van Team Webshop", "Webshop", "PERSON", None),
        ("Ons kantoor in Amsterdam is dicht", "Amsterdam", "PERSON", None),  # a place
        ("Stichting Hoogendoorn betaalt", "Stichting Hoogendoorn", "PERSON", None),
        ("Zie de Kerkstraat", "Kerkstraat", "ADDRESS", None),
    ],
)
def test_plausible(text: str, value: str, label: str, kept: str | None) -> None:
    start = text.index(value)
    span = plausible(text, start, start + len(value), label, load_lexicon())
    assert (text[span[0] : span[1]] if span else None) == kept
