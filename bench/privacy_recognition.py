"""How long privacy-request recognition takes per message (rules, model and vote), in ms/message.

    python bench/privacy_recognition.py [--repeat 3] [--against REV]

Runs ``privacy.recognition.recognize`` over the hand-written training messages (training/privacy) and
the TUNE parts of the evaluation corpora (never the test parts), several times, and prints the mean and
the slowest message. The budget is 5 ms per message (issue 18).

``--against REV`` also times the recogniser (code and shipped model) of git revision REV on the very same
messages, in a child process run from a ``git archive`` of that revision, and prints the ratio: before and
after in one run, on one machine's load.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training" / "privacy"))

from privacy.recognition import recognize  # noqa: E402
from privacy.recognition.model import load  # noqa: E402


def time_texts(texts: list[str], repeat: int) -> tuple[float, float]:
    """(mean, slowest) ms per message over ``repeat`` passes, after one warm-up."""
    load()  # the model is read once per process; that is not the time per message
    recognize("warm-up")
    timings = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            recognize(text)
            timings.append(time.perf_counter() - start)
    return 1000 * sum(timings) / len(timings), 1000 * max(timings)


def time_revision(rev: str, texts: list[str], repeat: int) -> tuple[float, float]:
    """Time revision ``rev``'s recogniser on ``texts`` in a child process (its own imports and model)."""
    with tempfile.TemporaryDirectory(prefix="bench-privacy-") as tmpdir:
        tree = Path(tmpdir)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "privacy"],
            check=True, capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        (tree / "bench").mkdir()
        shutil.copy(Path(__file__), tree / "bench" / Path(__file__).name)
        (tree / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(tree / "bench" / Path(__file__).name), "--texts", str(tree / "texts.json"),
             "--repeat", str(repeat), "--json"], check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return result["mean_ms"], result["slowest_ms"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--against", metavar="REV", help="also time git revision REV on the same messages")
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)  # the messages, as the parent run passes them
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.texts:
        texts = json.loads(args.texts.read_text(encoding="utf-8"))
    else:
        import train  # type: ignore[import-not-found]  # training/privacy/train.py: the same loading of texts

        texts = [d.text for d in train.load_docs()]
    mean, worst = time_texts(texts, args.repeat)
    if args.json:
        print(json.dumps({"mean_ms": mean, "slowest_ms": worst}))
        return 0
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} messages (mean {chars:.0f} characters) x {args.repeat}: {mean:.2f} ms/message, "
          f"slowest {worst:.2f} ms")
    if args.against:
        before, before_worst = time_revision(args.against, texts, args.repeat)
        print(f"{args.against}: {before:.2f} ms/message, slowest {before_worst:.2f} ms; "
              f"now / then = {mean / before:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
