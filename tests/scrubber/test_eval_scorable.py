"""eval/evaluate.py leaves gold types the shared scorer does not know out of the gold, and counts them.

Why: the policy's deny-by-default type NUMBER is newer than ``../shared/eval/score_pii.py``, which stops at an
unknown gold type; a corpus annotating it must still be scored, and the report must say what was left out.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scrubdesk_eval_evaluate", ROOT / "eval" / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_unknown_gold_types_are_left_out_and_counted(tmp_path: Path) -> None:
    scorer = tmp_path / "score_pii.py"
    scorer.write_text('STRIP = {"PERSON", "IBAN"}\nKEEP = {"DOMAIN"}\n', encoding="utf-8")
    kept_line = json.dumps({"id": "a", "text": "Jan", "entities": [{"type": "PERSON", "value": "Jan"}]})
    mixed = {"id": "b", "text": "Jan 48213775 x.nl", "entities": [
        {"type": "PERSON", "value": "Jan"}, {"type": "NUMBER", "value": "48213775"},
        {"type": "DOMAIN", "value": "x.nl"}]}
    lines, dropped = _evaluate().scorable_lines([kept_line, json.dumps(mixed)], scorer)
    assert dropped == 1
    assert lines[0] == kept_line  # untouched records keep their exact line
    assert [e["type"] for e in json.loads(lines[1])["entities"]] == ["PERSON", "DOMAIN"]
