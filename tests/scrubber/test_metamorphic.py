"""The invariance tool's transformations (eval/metamorphic.py): each keeps the value and moves only its setting."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scrubdesk_eval_metamorphic", ROOT / "eval" / "metamorphic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


mm = _load()
TEXT = "Hoi,\nMijn wachtwoord is: Zomer2024x en de rest.\nGroet"
START = TEXT.index("Zomer2024x")
END = START + len("Zomer2024x")


def _apply(name: str, text: str = TEXT, start: int = START, end: int = END) -> Any:
    return mm.TRANSFORMS[name](text, start, end, random.Random(1))


@pytest.mark.parametrize("name", sorted(mm.TRANSFORMS))
def test_every_transformation_keeps_the_value_where_it_says(name: str) -> None:
    v = _apply(name)
    assert v is not None, name
    assert v.text[v.start:v.end] == "Zomer2024x"
    assert v.text != TEXT


@pytest.mark.parametrize(("name", "line"), [
    ("quote_double", 'Mijn wachtwoord is: "Zomer2024x" en de rest.'),
    ("backticks", "Mijn wachtwoord is: `Zomer2024x` en de rest."),
    ("trail_paren", "Mijn wachtwoord is: Zomer2024x) en de rest."),
    ("after_dash", "Mijn wachtwoord is - Zomer2024x en de rest."),
    ("after_tab", "Mijn wachtwoord is\tZomer2024x en de rest."),
    ("cue_upper", "MIJN WACHTWOORD IS: Zomer2024x en de rest."),
    ("cue_abbreviated", "Mijn ww is: Zomer2024x en de rest."),
])
def test_transformations_render_as_named(name: str, line: str) -> None:
    assert _apply(name).text.split("\n")[1] == line


def test_structural_transformations() -> None:
    assert _apply("at_end").text == "Hoi,\nMijn wachtwoord is: Zomer2024x"
    assert _apply("next_line").text.startswith("Hoi,\nMijn wachtwoord is:\nZomer2024x en")
    assert _apply("chat_line").text == "wachtwoord is: Zomer2024x"  # from the known cue on
    quoted = 'WW "Kaas2024x" ok'
    at = quoted.index("Kaas")
    for name, rendered in (("pls_after", 'WW "Kaas2024x" pls ok'), ("emoji_before", 'WW 🔑 "Kaas2024x" ok'),
                           ("trail_dot", 'WW "Kaas2024x". ok'), ("chat_line", 'ww "Kaas2024x')):
        assert mm.TRANSFORMS[name](quoted, at, at + 9, random.Random(1)).text == rendered, name  # outside the quotes
    assert _apply("quoted_reply").text.split("\n")[2:4] == ["> Hoi,", "> Mijn wachtwoord is: Zomer2024x en de rest."]
    assert _apply("signature_after").text.endswith("en de rest.\n\n--\nVerstuurd vanaf mijn iPhone")
    other = _apply("cue_other_language").text
    assert "wachtwoord" not in other and any(c in other for c in ("password", "Passwort", "mot de passe"))


def test_transformations_without_a_cue_give_no_variant() -> None:
    text = "Zomer2024x"
    for name in ("after_dash", "cue_upper", "cue_typo", "cue_abbreviated", "cue_other_language", "chat_line"):
        assert mm.TRANSFORMS[name](text, 0, len(text), random.Random(1)) is None, name


def test_seeded_and_deterministic() -> None:
    a = [_apply("cue_typo").text for _ in range(3)]
    assert len(set(a)) == 1 and a[0] != TEXT


class _E:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end, self.action = start, end, "redact"


def test_run_counts_invariance_and_new_strips() -> None:
    record = {"id": "r1", "lang": "nl", "text": TEXT, "entities": [{"type": "CREDENTIAL", "value": "Zomer2024x"}]}

    def analyze(text: str, lang: str | None) -> list[_E]:
        at = text.find("Zomer2024x")
        out = [] if "`" in text else [_E(at, at + 10)]  # loses the value in backticks
        if "pls" in text:  # strips an inserted word
            out.append(_E(text.index("pls"), text.index("pls") + 3))
        return out

    def gold(doc: dict[str, Any]) -> list[tuple[str, int, int]]:
        return [("CREDENTIAL", START, END)]

    names = ("backticks", "pls_after", "quote_double")
    tallies = mm.run([record], {"CREDENTIAL"}, {n: mm.TRANSFORMS[n] for n in names}, 1, analyze, gold)
    assert tallies[("backticks", "CREDENTIAL")].kept_found == 0
    assert tallies[("quote_double", "CREDENTIAL")].as_dict()["invariance"] == 1.0
    assert tallies[("pls_after", "CREDENTIAL")].new_strips == 1
    assert tallies[("quote_double", "CREDENTIAL")].new_strips == 0


def test_test_only_corpora_are_refused() -> None:
    with pytest.raises(SystemExit):
        mm.tune_records([ROOT / "eval" / "pii_blind.jsonl"])
