"""Write ``eval/privacy_webhost.jsonl`` from ``eval/webhost_messages.txt``: a web host's support mail in customers'
own words, each situation as a privacy request and as a look-alike that is none (issue 18, round 9).

Why this file exists: recognition stays flat on unseen web-host mail (issue 18: false alarms on hard negatives in
privacy words, short requests missed). This corpus was written by hand (December 2026, a session helper; all
people, companies, domains and numbers fictional) **before** the recogniser was run on it, in nl and en (and some
de and fr): cancellations with and without erasure; deleting mailboxes, databases, websites and DNS records versus
deleting the writer's own data; objections to invoices versus to marketing; downtime complaints versus a complaint
filed with the supervisory authority (art. 77); DPA (verwerkersovereenkomst, art. 28) and cookie-banner questions
versus access; a customer's own customers' requests forwarded to the host versus the writer's own; requests already
answered versus reminders of unanswered ones; the host's newsletter versus the customer's own mailing list;
requests above quoted replies versus quoted old requests under a new question; signatures naming every right;
chat, voice-to-text, typos and mixed languages. Many messages have a near-twin in another language.

Labels follow ``training/privacy/README.md`` and the dev corpora: a complaint threatened on a condition is none;
a reminder of an unanswered request carries its type; the writer's own customers' requests are none; leaving the
host's newsletter or marketing is objection (art. 21(2)); a copy in a machine-readable format to hand to another
provider is portability (art. 20); contested accuracy or data kept for a legal claim but not used is restriction
(art. 18(1)(a), (c)).

The split is ``eval/split.py``'s: the record at index i is TEST when i % 5 == 4. Records keep the order of the
text file, so appending never moves the split of earlier ones.

    python eval/make_privacy_webhost.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "webhost_messages.txt"
TARGET = HERE / "privacy_webhost.jsonl"
TYPES = {"access", "rectification", "erasure", "portability", "restriction", "objection", "complaint"}


def records(text: str) -> list[dict[str, object]]:
    """The blocks of ``text`` (``=== LANG CHANNEL LABELS | situation``, then the message) as corpus records."""
    out: list[dict[str, object]] = []
    head: str | None = None
    body: list[str] = []

    def flush() -> None:
        if head is None:
            return
        fields, _, situation = head.partition(" | ")
        lang, channel, labels = fields.split()
        wanted = [] if labels == "-" else labels.split(",")
        if set(wanted) - TYPES:
            raise SystemExit(f"unknown labels in {head!r}")
        out.append({"id": f"wh-{len(out):03d}", "lang": lang, "channel": channel, "text": "\n".join(body).strip(),
                    "labels": wanted, "ambiguous": False, "situation": situation.strip()})

    for line in text.splitlines():
        if line.startswith("=== "):
            flush()
            head, body = line[4:], []
        else:
            body.append(line)
    flush()
    return out


def main() -> int:
    rows = records(SOURCE.read_text(encoding="utf-8"))
    TARGET.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} records -> {TARGET.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
