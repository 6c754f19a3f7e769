"""Sample an extract of German assistant utterances (not written by us) as false-alarm material.

Why this file exists: the privacy recogniser's corpora were written by this project, and its German false
alarms had only our own hard negatives to learn from (issue 18). This script turns the German sentences of
"NLU Evaluation Data - German and English + Similarity" (T-Systems on site services, 2022:
``NLU-Data-Home-Domain-similarity-de.csv``, 1,127 sentence pairs; DeepL translations of the crowd-sourced
utterances of xliuhw/NLU-Evaluation-Data, Liu et al. 2019; licence CC BY 4.0) into
``eval/nlu_home_de.jsonl`` in the format of ``../shared/eval/score_privacy.py``. It is run once, by hand, on
a local copy of the CSV; nothing is downloaded at run time, and the committed extract is what is scored.

Labels: every utterance is a command or question to a home assistant (alarms, calendars, shopping lists,
e-mail, music, weather, tweets "complaining" to a shop): **no request** under our policy
(``training/privacy/README.md``). They carry the words of one all the same ("löschen Sie alle Termine",
"ich möchte, dass alle meine Termine gelöscht werden", "eine Beschwerde an ... schreiben", "Konto"), which
is what makes them useful. The labelling was checked once by reading every sentence with a privacy word
(81 of 2,254) before the recogniser ran on them; none is a request to us.

    python training/privacy/real/make_nlu_home_de_extract.py SOURCE.csv eval/nlu_home_de.jsonl
"""

from __future__ import annotations

import csv
import json
import random
import sys

SEED = 18  # issue 18; fixed so the extract can be re-made from the same CSV
SIZE = 1500


def main(argv: list[str]) -> int:
    source, out = argv[1], argv[2]
    sentences: list[str] = []
    seen: set[str] = set()
    with open(source, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for key in ("sentence1", "sentence2"):
                text = row[key].strip()
                if text and text not in seen:  # first appearance order: the extract is reproducible
                    seen.add(text)
                    sentences.append(text)
    picked = sorted(random.Random(SEED).sample(range(len(sentences)), min(SIZE, len(sentences))))
    with open(out, "w", encoding="utf-8") as f:
        for n, i in enumerate(picked):
            record = {
                "id": f"nh-{n:04d}",
                "lang": "de",
                "channel": "chat",
                "text": sentences[i],
                "labels": [],
                "ambiguous": False,
                "note": "",
                "source": f"NLU-Data-Home-Domain-similarity-de sentence {i} (CC BY 4.0)",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(picked)} of {len(sentences)} sentences to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
