"""How long privacy-request recognition takes per message (rules, model and vote), in ms/message.

    python bench/privacy_recognition.py [--repeat 3]

Runs ``privacy.recognition.recognize`` over the hand-written training messages (training/privacy) and
the TUNE parts of the evaluation corpora (never the test parts), several times, and prints the mean and
the slowest message. The budget is 5 ms per message (issue 18).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training" / "privacy"))

from privacy.recognition import recognize  # noqa: E402
from privacy.recognition.model import load  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import train  # training/privacy/train.py: the same loading of texts

    texts = [d.text for d in train.load_docs()]
    load()  # the model is read once per process; that is not the time per message
    recognize("warm-up")
    timings = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            recognize(text)
            timings.append(time.perf_counter() - start)
    mean = 1000 * sum(timings) / len(timings)
    worst = 1000 * max(timings)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} messages (mean {chars:.0f} characters) x {args.repeat}: {mean:.2f} ms/message, "
          f"slowest {worst:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
