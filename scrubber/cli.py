"""Command-line scrubbing: plain text in, scrubbed text out; or JSON lines for evaluation and batch use.

``run_scrub`` is what ``scrubdesk scrub [--jsonl]`` calls; ``python -m scrubber`` calls it too. A bad
input line never stops the run: it yields an error object for that line. Errors never echo the input.
"""

from __future__ import annotations

import json
import logging
from typing import Any, TextIO

from scrubber.config import ScrubberConfig
from scrubber.engine import get_scrubber
from scrubber.types import MemoryBook

log = logging.getLogger(__name__)


def _entity_json(e: Any) -> dict[str, Any]:
    return {"type": e.type, "start": e.start, "end": e.end, "action": e.action, "score": e.score}


def run_scrub(stdin: TextIO, stdout: TextIO, *, jsonl: bool, config: ScrubberConfig | None = None) -> int:
    """Scrub stdin to stdout; returns the exit status. Bad JSON lines are reported in-band and skipped."""
    scrubber = get_scrubber(config)
    if not jsonl:
        text = stdin.read()
        stdout.write(scrubber.scrub(text).text)
        stdout.flush()
        return 0
    for lineno, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        ident: Any = lineno
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise _BadLine("line is not a JSON object")
            ident = obj.get("id", lineno)
            body = obj.get("text")
            if not isinstance(body, str):
                raise _BadLine("missing or non-string 'text'")
            lang = obj.get("lang")
            result = scrubber.scrub(body, MemoryBook(), lang if isinstance(lang, str) else None)
            out = {
                "id": ident,
                "lang": result.analysis.lang,
                "text": str(result.text),
                "entities": [_entity_json(e) for e in result.analysis.entities],
            }
        except Exception as exc:  # one bad line must not stop the batch
            log.warning("scrub failed for line %d: %s", lineno, type(exc).__name__)
            out = {"id": ident, "line": lineno, "error": _safe_message(exc)}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


class _BadLine(ValueError):
    """An input line of the wrong shape; its message never contains input content."""


def _safe_message(exc: Exception) -> str:
    # Only messages we wrote ourselves are echoed: an exception text might quote message content.
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at column {exc.colno}"
    if isinstance(exc, _BadLine):
        return f"invalid input: {exc}"
    return f"could not scrub this line ({type(exc).__name__})"
