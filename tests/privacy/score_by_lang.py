"""Score privacy-request predictions per language: shared/eval/score_privacy.py has no such option.

Splits the gold file on its ``lang`` field and runs the shared scorer on each part (the scorer only
reads the gold ids it is given, so the prediction file is passed whole).

    python3 tests/privacy/score_by_lang.py GOLD.jsonl PRED.jsonl [--scorer PATH] [--include-ambiguous]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score_privacy.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold")
    parser.add_argument("pred")
    parser.add_argument("--scorer", default=str(DEFAULT_SCORER))
    parser.add_argument("--include-ambiguous", action="store_true")
    args = parser.parse_args()
    docs = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    for lang in sorted({str(d.get("lang", "und")) for d in docs}):
        with tempfile.TemporaryDirectory() as tmp:
            part = Path(tmp) / f"gold_{lang}.jsonl"
            part.write_text(
                "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs if d.get("lang", "und") == lang),
                encoding="utf-8",
            )
            cmd = [sys.executable, args.scorer, "--gold", str(part), "--pred", args.pred, "--json"]
            if args.include_ambiguous:
                cmd.append("--include-ambiguous")
            result = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        per_type = {t: (v["f1"], v["support"]) for t, v in result["per_type"].items() if v["support"]}
        print(
            f"{lang}: n={result['messages']} macro_f1={result['macro_f1']} "
            f"false_alarm_rate={result['false_alarm_rate']} detection_p={result['detection_precision']} "
            f"detection_r={result['detection_recall']} exact={result['exact_match']}"
        )
        print(f"    per type (f1, support): {per_type}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
