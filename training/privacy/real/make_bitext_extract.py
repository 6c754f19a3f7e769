"""Sample and label an extract of Bitext's public customer-service utterances (not written by us).

Why this file exists: every corpus of the privacy recogniser was written by this project, so its
false-alarm rate on other people's support text was unknown (issue 18). This script turns Bitext's
"Sample Customer Service Training Dataset" (English, 8,175 utterances, CDLA-Sharing-1.0; see
``eval/README.md``) into ``eval/bitext_support_en.jsonl`` in the format of
``../shared/eval/score_privacy.py``. It is run once, by hand, on a local copy of the CSV; nothing is
downloaded at run time, and the committed extract is what is scored.

Labels come from Bitext's intents, mapped only where unambiguous under our label policy
(``training/privacy/README.md``):

* every intent about orders, invoices, payments, refunds, shipping, contact, reviews, registration,
  passwords, creating or switching accounts, and "complaint" (a complaint to the shop, not to a
  supervisory authority, art. 77) is **no request**;
* ``delete_account`` ("help me delete my account") names no personal data: our policy makes "delete my
  account and my data" an erasure, a bare account closure is not settled, so these are ``ambiguous``;
* ``newsletter_subscription``: subscribing or asking the status is no request; unsubscribing (mostly
  "how do I unsubscribe") is an objection to direct marketing only when asked of us, which a how-to
  question leaves open, so these are ``ambiguous``;
* ``edit_account``: editing an account or profile is self-service support (no request), unless the
  utterance asks to correct *personal* information, which reads as rectification or as a how-to
  question, so those are ``ambiguous``;
* ``change_shipping_address``: changing the shipping or delivery address of an order is no request, but
  an utterance that names no shipping or delivery ("I want help to update my address", "I put my old
  address by mistake") is what our policy labels rectification ("please update my address"), so those
  are ``ambiguous``. (This case was added after the first run on the tune part showed such utterances
  among the false alarms: a slip of the mapping, fixed by the same rule for every record.)

Ambiguous records are left out of the scores by ``score_privacy.py`` (unless ``--include-ambiguous``).

    python training/privacy/real/make_bitext_extract.py SOURCE.csv eval/bitext_support_en.jsonl
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys

SEED = 18  # issue 18; fixed so the extract can be re-made from the same CSV
SIZE = 1500
UNSUBSCRIBE = re.compile(r"unsubscri|cancel|stop|remov|opt.?out", re.I)
PERSONAL = re.compile(r"personal|personla|persnal", re.I)
SHIPPING = re.compile(r"ship|deliver", re.I)


def label(intent: str, utterance: str) -> tuple[list[str], bool, str]:
    """(labels, ambiguous, note) for one Bitext utterance, by the mapping in the module docstring."""
    if intent == "delete_account":
        return [], True, "bare account closure, no personal data named"
    if intent == "newsletter_subscription" and UNSUBSCRIBE.search(utterance):
        return [], True, "unsubscribing: objection to marketing or a how-to question"
    if intent == "edit_account" and PERSONAL.search(utterance):
        return [], True, "correcting personal information: rectification or self-service"
    if intent == "change_shipping_address" and not SHIPPING.search(utterance):
        return [], True, "an address change that names no shipping: rectification under our policy"
    return [], False, ""


def main(argv: list[str]) -> int:
    source, out = argv[1], argv[2]
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["utterance"].strip()]
    picked = sorted(random.Random(SEED).sample(range(len(rows)), SIZE))
    with open(out, "w", encoding="utf-8") as f:
        for n, i in enumerate(picked):
            row = rows[i]
            labels, ambiguous, note = label(row["intent"], row["utterance"])
            record = {
                "id": f"bx-{n:04d}",
                "lang": "en",
                "channel": "chat",
                "text": row["utterance"].strip(),
                "labels": labels,
                "ambiguous": ambiguous,
                "note": note,
                "source": f"bitext-8k row {i + 2} intent {row['intent']}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {SIZE} records to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
