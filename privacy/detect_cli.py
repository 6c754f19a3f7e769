"""JSON-lines front end for privacy-request recognition (``scrubdesk privacy detect --jsonl``).

Reads ``{"id", "text"}`` objects, one per line, and prints ``{"id", "labels", "possible"}``: the labels in
the scorer's format (see shared/eval/score_privacy.py), and ``possible`` true when there is no label but the
recogniser is unsure (a rule fired that the model voted down, or the model's score is not low): such a
message is shown to the privacy officer as a possible request. A bad line yields ``{"id", "error"}`` and
the run goes on, so one broken record never hides the results for the rest. Nothing of the text is printed or logged.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

from privacy.recognition import recognize

log = logging.getLogger(__name__)


def _process(line: str, lineno: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {lineno}: invalid JSON ({exc.msg})"}
    if not isinstance(record, dict):
        return {"id": None, "error": f"line {lineno}: expected a JSON object"}
    doc_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return {"id": doc_id, "error": f"line {lineno}: 'text' must be a string"}
    result = recognize(text)
    log.debug("privacy detect id=%s labels=%s", doc_id, [str(label) for label in result.labels])
    return {"id": doc_id, "labels": [str(label) for label in result.labels], "possible": result.possible}


def run_detect(stdin: TextIO, stdout: TextIO) -> int:
    """Recognise requests for every JSON line of ``stdin``; return 1 if any line failed, else 0."""
    failed = 0
    for lineno, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        out = _process(line, lineno)
        failed += "error" in out
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    if failed:
        log.warning("privacy detect: %d bad line(s)", failed)
    return 1 if failed else 0


def main() -> int:
    return run_detect(sys.stdin, sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
