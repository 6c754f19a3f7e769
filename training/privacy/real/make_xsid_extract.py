"""Turn xSID's Dutch and German utterances (not written by us) into false-alarm material.

Why this file exists: every Dutch non-request the privacy recogniser was measured on was written by this
project (issue 18), and the audit of its rules (``training/privacy/audit_rules.py``) needs Dutch and German
text by other hands. xSID (van der Goot et al., NAACL 2021, "From Masked Language Modeling to Translation";
https://github.com/mainlp/xsid, commit 761d926, ``data/xSID-0.7/{nl,de}.{valid,test}.conll``; licence
CC BY-SA 4.0, the repository's LICENSE) holds 800 utterances per language, translated by native speakers from
Facebook's multilingual task-oriented set and Snips: alarms and reminders (set, show, **cancel/delete**),
weather, music, restaurants, books, films. The cancel and delete commands ("verwijder al mijn alarmen",
"lösche meine Erinnerung") are erasure words about no personal data; nothing here is a request to us, so every
record is no request. It is run once, by hand, on local copies of the four files; the committed extract is
what is scored. Its first use was committed before the recogniser ran on it.

    python training/privacy/real/make_xsid_extract.py DIR eval/xsid_nlde.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILES = ("nl.valid", "nl.test", "de.valid", "de.test")  # a fixed order: the extract's split never moves


def utterances(path: Path) -> list[tuple[str, str]]:
    """(text, intent) of each sentence of one CoNLL file of xSID."""
    found: list[tuple[str, str]] = []
    text = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :].strip()
        elif line.startswith("# intent = ") and text:
            found.append((text, line[len("# intent = ") :].strip()))
            text = ""
    return found


def main(argv: list[str]) -> int:
    source, out = Path(argv[1]), Path(argv[2])
    seen: set[str] = set()
    lines: list[str] = []
    for name in FILES:
        lang = name.split(".")[0]
        for text, intent in utterances(source / f"{name}.conll"):
            if text.lower() in seen:
                continue
            seen.add(text.lower())
            record = {
                "id": f"xs-{lang}-{len(lines):04d}",
                "lang": lang,
                "channel": "chat",
                "text": text,
                "labels": [],
                "ambiguous": False,
                "note": "",
                "source": f"xSID 0.7 {name} ({intent}; CC BY-SA 4.0)",
            }
            lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} utterances to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
