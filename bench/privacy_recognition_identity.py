"""Does a change to how recognition runs change what it answers? Every answer of ``recognize``, before and after.

    python bench/privacy_recognition_identity.py --against REV

Why this exists: speed work on the recogniser (issue 19: literal gates, caches, the model's features
computed once) must leave its output exactly as it was. This runs ``privacy.recognition.recognize`` of git
revision REV (its code and shipped model, from a ``git archive`` in a temporary directory) and of this tree,
each in a child process of its own, over the same messages, and compares per message the labels, reasons,
language, possible flag and every score (floats compared exactly). It prints counts only, and the positions of
the first messages that differ: never a message.

The messages: every hand-written training message (training/privacy/*.txt), the TUNE parts
(``eval/split.py``) of the shared privacy dev corpora and of the Bitext and NLU corpora (those present), and
the SMTP bench's bodies (``bench/smtp_intake.py`` BODIES, as its 350 mails format them). Test parts and the
test-only corpora are never read.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
# the corpora whose TUNE parts are read; the test-only files (eval/*_unseen, *_letters, *_heldout) never are
TUNE_CORPORA = (SHARED_EVAL / "privacy_dev.jsonl", SHARED_EVAL / "privacy_dev2.jsonl",
                ROOT / "eval" / "bitext_support_en.jsonl", ROOT / "eval" / "nlu_home_de.jsonl")
BENCH_MAILS = 350  # bench/smtp_intake.py's default count


def _blocks(path: Path) -> list[str]:
    """The message bodies of one training file (``=== lang channel labels`` headers, as train.py reads them)."""
    texts: list[str] = []
    body: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            if body is not None:
                texts.append("\n".join(body).strip())
            body = []
        elif body is not None:
            body.append(line)
    if body is not None:
        texts.append("\n".join(body).strip())
    return texts


def smtp_bodies() -> list[str]:
    """The bodies of the SMTP bench's mails (``bench/smtp_intake.py``), as it formats them."""
    sys.path.insert(0, str(ROOT))
    from bench.smtp_intake import BODIES

    return [BODIES[n % len(BODIES)].format(n=n) for n in range(BENCH_MAILS)]


def training_messages() -> list[str]:
    """Every hand-written training message (training/privacy/*.txt), in file order."""
    return [t for path in sorted((ROOT / "training" / "privacy").glob("*.txt")) for t in _blocks(path)]


def messages() -> list[str]:
    """The messages the identity is checked on (see the module docstring), in a fixed order."""
    sys.path.insert(0, str(ROOT))
    from eval.split import part_lines

    texts = training_messages()
    for corpus in TUNE_CORPORA:
        if corpus.is_file():
            texts.extend(json.loads(line)["text"] for line in part_lines(corpus, "tune"))
    return texts + smtp_bodies()


def answers(texts: list[str]) -> list[list[Any]]:
    """Every answer of the recogniser importable here, in a form JSON keeps exactly (floats round-trip)."""
    from privacy.recognition import recognize

    out = []
    for text in texts:
        r = recognize(text)
        out.append([[str(x) for x in r.labels], {str(k): list(v) for k, v in r.reasons.items()}, r.lang,
                    r.possible, {k: float(v) for k, v in r.scores.items()}])
    return out


def _child(tree: Path, texts_file: Path, out: Path) -> list[list[Any]]:
    """The answers of the recogniser in ``tree``, computed in a child process run from there."""
    subprocess.run([sys.executable, str(tree / "bench" / Path(__file__).name), "--texts", str(texts_file),
                    "--out", str(out)], check=True, cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
    result: list[list[Any]] = json.loads(out.read_text(encoding="utf-8"))
    return result


def compare(rev: str, texts: list[str]) -> list[int]:
    """The positions of the messages that ``rev`` and this tree answer differently."""
    with tempfile.TemporaryDirectory(prefix="recognition-identity-") as tmpdir:
        tmp = Path(tmpdir)
        then = tmp / "then"
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "privacy"],
                                 check=True, capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(then, filter="data")
        (then / "bench").mkdir()
        (then / "bench" / Path(__file__).name).write_bytes(Path(__file__).read_bytes())
        texts_file = tmp / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        before = _child(then, texts_file, tmp / "before.json")
        after = _child(ROOT, texts_file, tmp / "after.json")
    return [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", metavar="REV", help="compare with git revision REV's recogniser")
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)  # in a child: the messages ...
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)  # ... and where its answers go
    args = ap.parse_args()
    if args.texts:
        sys.path.insert(0, str(ROOT))
        args.out.write_text(json.dumps(answers(json.loads(args.texts.read_text(encoding="utf-8")))), "utf-8")
        return 0
    if not args.against:
        ap.error("--against REV is required")
    texts = messages()
    differ = compare(args.against, texts)
    print(f"{len(texts)} messages; {len(differ)} answered differently than {args.against}"
          + (f", first at positions {differ[:10]}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
