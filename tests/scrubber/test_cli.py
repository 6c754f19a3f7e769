"""The CLI in both modes, as a user runs it: ``python -m scrubber [--jsonl]`` in a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from scrubber.cli import run_scrub
from scrubber.config import ScrubberConfig

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrubber", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, timeout=120, check=False,
    )


def test_plain_text_mode() -> None:
    proc = _run([], "Hoi, bel me op 06-12345678 of mail jan@example.nl.\nKlantnummer 104233.\n")
    assert proc.returncode == 0
    assert proc.stdout == "Hoi, bel me op <PHONE_NUMBER_1> of mail <EMAIL_ADDRESS_1>.\nKlantnummer 104233.\n"


def test_jsonl_mode_offsets_and_errors() -> None:
    text = "Mijn BSN is 111\u200b222\u200b333, IBAN NL91 ABNA 0417 1643 00 🙂"
    lines = [
        json.dumps({"id": "a", "text": text, "lang": "nl"}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps(["x"]),
        json.dumps({"id": 5, "text": "Call 020 7946 0018 please"}),
    ]
    proc = _run(["--jsonl"], "\n".join(lines) + "\n")
    assert proc.returncode == 0
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c", 4, 5]
    first = out[0]
    assert first["lang"] == "nl"
    assert first["text"] == "Mijn BSN is <NATIONAL_ID_1>, IBAN <IBAN_1> 🙂"
    spans = {e["type"]: text[e["start"] : e["end"]] for e in first["entities"]}
    assert spans == {"NATIONAL_ID": "111\u200b222\u200b333", "IBAN": "NL91 ABNA 0417 1643 00"}
    assert all(set(e) == {"type", "start", "end", "action", "score"} for e in first["entities"])
    assert "error" in out[1] and "error" in out[2] and "error" in out[3]
    assert "{not json" not in proc.stdout  # errors never echo input
    assert out[4]["lang"] == "en" and out[4]["text"] == "Call <PHONE_NUMBER_1> please"


def test_run_scrub_in_process_with_config() -> None:
    config = ScrubberConfig(actions={"DOMAIN": "redact"}, placeholder_key="k")  # type: ignore[arg-type]
    out = io.StringIO()
    assert run_scrub(io.StringIO('{"id": 1, "text": "site jansen.nl"}\n'), out, jsonl=True, config=config) == 0
    assert json.loads(out.getvalue())["text"] == "site <DOMAIN_1>"
