"""Writing a generated tuning corpus: the one way every ``eval/make_*_tune.py`` script writes its JSONL.

A message is (lang, channel, text, [(type, value), ...]). Each record gets ``<prefix>-NNN`` as its id (in
the order given, so a corpus that grows at its end keeps its split, ``eval/split.py``), and its entities as
``{"type", "value"}``, a repeated pair listed once (the scorer finds every occurrence of a value itself). A
value that does not stand in its text is a slip of the generator: refused before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

Msg = tuple[str, str, str, list[tuple[str, str]]]  # lang, channel, text, [(type, value)]


def write_corpus(out: Path, prefix: str, msgs: Iterable[Msg]) -> int:
    """Write ``msgs`` to ``out`` as the shared dev corpora's JSONL; returns how many records were written."""
    records = []
    for n, (lang, channel, text, ents) in enumerate(msgs, start=1):
        for typ, value in ents:
            if value not in text:
                raise SystemExit(f"{prefix}-{n:03d}: {typ} {value!r} is not in its text")
        records.append({"id": f"{prefix}-{n:03d}", "lang": lang, "channel": channel, "text": text,
                        "entities": [{"type": t, "value": v} for t, v in dict.fromkeys(ents)]})
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)
