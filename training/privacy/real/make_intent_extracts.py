"""Sample and label extracts of two public intent corpora (Banking77, CLINC150) for false-alarm scoring.

Why this file exists: our own hard negatives do not look like what trips the privacy recogniser on
text we did not write (issue 18), and Bitext's extract (``make_bitext_extract.py``) showed that other
people's customer-service utterances find false alarms ours do not. This script turns two more public
corpora into ``eval/banking77_en.jsonl`` and ``eval/clinc150_en.jsonl`` in the format of
``../shared/eval/score_privacy.py``. It runs once, by hand, on local copies of the sources (nothing is
downloaded at run time); the committed extracts are what is scored.

Sources (see ``eval/README.md`` for URLs, blobs and licences):

* Banking77 (PolyAI-LDN/task-specific-datasets, ``banking_data/train.csv`` + ``test.csv``, CC BY 4.0):
  13,083 online-banking customer queries, 77 intents.
* CLINC150 (clinc/oos-eval, ``data/data_full.json``, all six splits, CC BY 3.0): 23,700 assistant
  queries, 150 intents in ten domains (banking, credit cards, travel, work, home, small talk ...) and
  out-of-scope queries.

Labels come from the intents, mapped before the recogniser was run on the extracts. No intent of
either corpus is an unambiguous privacy request under our label policy
(``training/privacy/README.md``), so every record is **no request** except:

* Banking77 ``terminate_account`` ("how do I close my account"): a bare account closure names no
  personal data; our policy leaves it open (as Bitext's ``delete_account``), so ``ambiguous``;
* Banking77 ``edit_personal_details`` ("I need to change my address / name"): correcting personal
  details reads as rectification or as a self-service how-to question, so ``ambiguous``;
* CLINC150 ``change_user_name`` ("change the name you call me"): changing the name an assistant
  keeps for the user is close to rectification, so ``ambiguous``;
* any utterance of any intent (out-of-scope ones included) that asks to delete the writer's data or
  information, what data is held about the writer, or names the GDPR or data protection: read as a
  possible request, so ``ambiguous`` (a guard written before the first run, by wording, not by record).

Ambiguous records are left out of the scores by ``score_privacy.py`` (unless ``--include-ambiguous``).
Each corpus is de-duplicated by its lower-cased, space-normalised text, then ``SIZE`` records are
drawn with ``random.Random(SEED)`` and kept in source order; the split is ``eval/split.py``'s rule.

    python training/privacy/real/make_intent_extracts.py banking77 TRAIN.csv TEST.csv eval/banking77_en.jsonl
    python training/privacy/real/make_intent_extracts.py clinc150 data_full.json eval/clinc150_en.jsonl
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys

SEED = 18  # issue 18; fixed so each extract can be re-made from the same source files
SIZE = 1500
AMBIGUOUS_INTENTS = {
    "terminate_account": "bare account closure, no personal data named",
    "edit_personal_details": "changing personal details: rectification or self-service",
    "change_user_name": "changing the name an assistant keeps: close to rectification",
}
# Wording of a possible request whatever the intent (written before the first run).
PRIVACY_WORDS = re.compile(
    r"\b(delete|erase|remove|wipe|forget)\b.{0,30}\bmy\b.{0,20}\b(data|information|info|details|records?)\b"
    r"|\bwhat\b.{0,20}\b(data|information|info)\b.{0,30}\b(have|hold|keep|store|collect)\b"
    r"|\bgdpr\b|\bdata protection\b|\bprivacy\b",
    re.I,
)


def label(intent: str, utterance: str) -> tuple[bool, str]:
    """(ambiguous, note) for one utterance, by the mapping in the module docstring; labels are []."""
    if intent in AMBIGUOUS_INTENTS:
        return True, AMBIGUOUS_INTENTS[intent]
    if PRIVACY_WORDS.search(utterance):
        return True, "names deleting or holding the writer's data, or privacy: a possible request"
    return False, ""


def _banking77(train: str, test: str) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for name in (train, test):
        with open(name, encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f)):
                rows.append((row["text"], row["category"], f"banking77 {name.rsplit('/', 1)[-1]} row {n + 2}"))
    return rows


def _clinc150(path: str) -> list[tuple[str, str, str]]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows: list[tuple[str, str, str]] = []
    for split in ("train", "val", "test", "oos_train", "oos_val", "oos_test"):
        for n, (text, intent) in enumerate(data[split]):
            rows.append((text, intent, f"clinc150 data_full {split} #{n}"))
    return rows


def _dedupe(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    kept = []
    for row in rows:
        key = " ".join(row[0].lower().split())
        if key and key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def main(argv: list[str]) -> int:
    corpus, out = argv[1], argv[-1]
    rows = _dedupe(_banking77(argv[2], argv[3]) if corpus == "banking77" else _clinc150(argv[2]))
    prefix = {"banking77": "b77", "clinc150": "cl"}[corpus]
    picked = sorted(random.Random(SEED).sample(range(len(rows)), SIZE))
    with open(out, "w", encoding="utf-8") as f:
        for n, i in enumerate(picked):
            text, intent, where = rows[i]
            ambiguous, note = label(intent, text)
            record = {
                "id": f"{prefix}-{n:04d}",
                "lang": "en",
                "channel": "chat",
                "text": text.strip(),
                "labels": [],
                "ambiguous": ambiguous,
                "note": note,
                "source": f"{where} intent {intent}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {SIZE} of {len(rows)} distinct records to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
