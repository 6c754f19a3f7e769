"""The invariance tool's identifier transformations (eval/metamorphic_ids.py): the value is rewritten as named."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str, file: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


mm = _load("scrubdesk_eval_metamorphic", "metamorphic.py")
ids = _load("scrubdesk_eval_metamorphic_ids", "metamorphic_ids.py")
T = ids.build(mm.Variant, mm._cue_span)
TEXT = "Hallo,\nMijn paspoortnummer is: NW1K2L3P4 graag.\nGroet"
CARD = "Betaal met kaartnummer 4111 1111 1111 1111 aub"


def _apply(name: str, text: str = TEXT, value: str = "NW1K2L3P4") -> Any:
    start = text.index(value)
    return T[name](text, start, start + len(value), random.Random(1))


@pytest.mark.parametrize(("name", "value"), [
    ("regroup_space4", "NW1K 2L3P 4"), ("regroup_space3", "NW1 K2L 3P4"), ("regroup_space2", "NW 1K 2L 3P 4"),
    ("regroup_dots", "NW1.K2L.3P4"), ("regroup_dashes", "NW1K-2L3P-4"), ("regroup_mixed", "NW1K 2L3P-4"),
    ("value_split_line", "NW1K\n2L3P 4"), ("value_lower", "nw1k2l3p4"),
])
def test_value_rewrites(name: str, value: str) -> None:
    v = _apply(name)
    assert v.text[v.start:v.end] == value
    assert v.text.startswith("Hallo,\nMijn paspoortnummer is: ") and v.text.endswith(" graag.\nGroet")
    assert name in ids.REWRITES_VALUE


def test_compact_and_card_rewrites() -> None:
    v = _apply("compact", CARD, "4111 1111 1111 1111")
    assert v.text[v.start:v.end] == "4111111111111111"
    masked = _apply("card_masked", CARD, "4111 1111 1111 1111")
    shown = masked.text[masked.start:masked.end]
    assert sum(c.isdigit() for c in shown) == 12 and shown[:7] == "4111 11"
    tail = _apply("card_exp_cvc_after", CARD, "4111 1111 1111 1111")
    assert tail.text == "Betaal met kaartnummer 4111 1111 1111 1111 exp 11/29 cvc 417 aub"
    assert _apply("card_masked") is None  # not a card


def test_line_layouts() -> None:
    assert _apply("in_csv").text == "Hallo,\nMijn paspoortnummer is;status\nNW1K2L3P4;actief\nGroet"
    assert _apply("in_markdown").text.split("\n")[1:4] == ["| Mijn paspoortnummer is | status |", "|---|---|",
                                                           "| NW1K2L3P4 | ok |"]
    assert _apply("key_value").text.split("\n")[1] == "mijn_paspoortnummer_is=NW1K2L3P4"
    assert _apply("cue_dropped").text == "Hallo,\nNW1K2L3P4 graag.\nGroet"
    near = _apply("name_near_no_cue")
    assert near.text.split("\n")[1] in ids.NAMES_NEAR and near.text.split("\n")[2] == "NW1K2L3P4 graag."


def test_no_variant_for_words_or_without_cue() -> None:
    assert _apply("regroup_space4", "Mijn naam is Jansen", "Jansen") is None
    assert T["cue_dropped"]("NW1K2L3P4", 0, 9, random.Random(1)) is None
