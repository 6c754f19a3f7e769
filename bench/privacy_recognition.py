"""How long privacy-request recognition takes per message (rules, model and vote), in ms/message.

    python bench/privacy_recognition.py [--repeat 3] [--against REV [--rounds 3]] [--smtp-bodies | --training]

Runs ``privacy.recognition.recognize`` over the messages of ``bench/privacy_recognition_identity.py``: the
hand-written training messages (training/privacy), the TUNE parts of the shared dev corpora and of the Bitext
corpus (never a test part, never the test-only corpora) and the SMTP bench's bodies; ``--smtp-bodies``: those
bodies alone, intake's bench mails (issue 19); ``--training``: the training messages alone. Several times; it
prints the mean wall time and process CPU time per message and the slowest message. The budget is 5 ms per
message (issue 18).

``--against REV`` also times the recogniser (code and shipped model) of git revision REV on the very same
messages, in a child process run from a ``git archive`` of that revision, and prints the ratio: before and
after in one run, on one machine's load. Both sides run in a child process of their own, alternately
(``--rounds`` times each, REV first), and the ratio is of the medians: on a shared machine CPU time is
the steadier of the two figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from privacy.recognition import recognize  # noqa: E402
from privacy.recognition.model import load  # noqa: E402


def time_texts(texts: list[str], repeat: int) -> dict[str, float]:
    """Mean wall and CPU ms per message, and the slowest message's wall ms, over ``repeat`` passes after
    one warm-up."""
    load()  # the model is read once per process; that is not the time per message
    recognize("warm-up")
    timings = []
    cpu_start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            recognize(text)
            timings.append(time.perf_counter() - start)
    cpu = time.process_time() - cpu_start
    return {"mean_ms": 1000 * sum(timings) / len(timings), "cpu_ms": 1000 * cpu / len(timings),
            "slowest_ms": 1000 * max(timings)}


def _archive(rev: str, tree: Path) -> Path:
    """``rev``'s privacy package and this script in ``tree``; the script to run there."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "privacy"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    (tree / "bench").mkdir()
    shutil.copy(Path(__file__), tree / "bench" / Path(__file__).name)
    return tree / "bench" / Path(__file__).name


def time_child(script: Path, texts_file: Path, repeat: int) -> dict[str, float]:
    """Time the recogniser beside ``script`` (its own imports and model) in a child process."""
    out = subprocess.run([sys.executable, str(script), "--texts", str(texts_file), "--repeat", str(repeat), "--json"],
                         check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def compare(rev: str, texts: list[str], repeat: int, rounds: int) -> tuple[list[dict[str, float]], ...]:
    """Rounds of (``rev``, this tree), alternately, each in a child process of its own."""
    with tempfile.TemporaryDirectory(prefix="bench-privacy-") as tmpdir:
        tree = Path(tmpdir)
        then_script = _archive(rev, tree / "then")
        texts_file = tree / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        then, now = [], []
        for _ in range(rounds):
            then.append(time_child(then_script, texts_file, repeat))
            now.append(time_child(Path(__file__), texts_file, repeat))
    return then, now


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--against", metavar="REV", help="also time git revision REV on the same messages")
    ap.add_argument("--rounds", type=int, default=3, help="with --against: timed runs of each side, alternately")
    only = ap.add_mutually_exclusive_group()
    only.add_argument("--smtp-bodies", action="store_true", help="time the SMTP bench's bodies only")
    only.add_argument("--training", action="store_true", help="time the hand-written training messages only")
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)  # the messages, as the parent run passes them
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.texts:
        texts = json.loads(args.texts.read_text(encoding="utf-8"))
    else:
        from bench.privacy_recognition_identity import messages, smtp_bodies, training_messages

        texts = smtp_bodies() if args.smtp_bodies else training_messages() if args.training else messages()
    if args.json:
        print(json.dumps(time_texts(texts, args.repeat)))
        return 0
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} messages (mean {chars:.0f} characters) x {args.repeat}")
    if not args.against:
        r = time_texts(texts, args.repeat)
        print(f"  {r['mean_ms']:.2f} ms/message wall, {r['cpu_ms']:.2f} ms CPU, slowest {r['slowest_ms']:.2f} ms")
        return 0
    then, now = compare(args.against, texts, args.repeat, args.rounds)
    for name, runs in ((args.against, then), ("now", now)):
        slowest = max(r["slowest_ms"] for r in runs)
        print(f"  {name:>10}: wall " + " ".join(f"{r['mean_ms']:.2f}" for r in runs) + " ms/message, CPU "
              + " ".join(f"{r['cpu_ms']:.2f}" for r in runs) + f" ms/message, slowest {slowest:.2f} ms")
    print(f"  now / {args.against} (medians): wall {_median(now, 'mean_ms') / _median(then, 'mean_ms'):.2f}, "
          f"CPU {_median(now, 'cpu_ms') / _median(then, 'cpu_ms'):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
