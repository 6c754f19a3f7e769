"""How well intake reads real-world mail: Zammad's public test corpus, field by field.

Zammad (github zammad/zammad, AGPL) keeps real mails in ``test/data/mail/*.box`` with what its parser
reads from each in ``*.yml``. Neither may be committed here; the script reads a local copy:

    # with the search tool's ``fetch`` (zammad/zammad itself is over its size limit; the fork
    # Pako7/zammad carries the same test/data/mail of 2023), or a clone made by hand:
    git -C <mirror or clone> archive HEAD test/data/mail | tar -x -C /tmp
    mkdir -p var/bench/zammad-mail && cp /tmp/test/data/mail/* var/bench/zammad-mail/

    .venv/bin/python bench/mail_corpus.py --derive      # *.yml -> var/bench/zammad-mail-expected.json
    .venv/bin/python bench/mail_corpus.py [-v]          # parse every .box and score it

``--derive`` turns Zammad's expectations into ours (sender address, subject, body text, attachment
names per mail). They are Zammad's data, so they stay in the git-ignored ``var/``. Where we read a
field differently on purpose, the rule is here, not a copied value:

- sender: the best address there is, lower-cased: ``Test test@example.com`` -> ``test@example.com``,
  a trailing dot or a stray ``>`` dropped, a local part with spaces quoted (RFC 5321 section 4.1.2),
  a bare ``MAILER-DAEMON`` kept as ``mailer-daemon``;
- subject: whitespace runs as one space; UTF-7 that Zammad left encoded (``+ANw-``) decoded;
- body: Zammad's HTML converted to text as intake does (inscriptis); "no visible content" is empty;
  UTF-7 left encoded decoded as in the subject;
- attachments: Zammad's own rendering of the HTML body (``message.html`` with ``content-alternative``
  or ``original-format``) is not an attachment of the mail; a name Zammad made up for a part that
  has none (``file``, ``image.jpg``, ``document1.html``, a Content-ID) matches a part without a name;
  a name that Zammad's own YAML garbled (U+FFFD, a lost combining accent) matches by its readable part.

Checks: sender equal, subject equal, body similarity >= 0.8 (difflib ratio over words, CJK characters
one by one), attachment names equal as multisets (counted for mails with attachments on either side).
Prints the counts per field against Zammad's values as they are, then without the few values that are
not a reading of the mail (``NOT_A_READING``: Zammad's parser failed there; each with its reason), and,
with ``-v``, each failure.
"""

# ruff: noqa: E402  (the path fix below must run before the other imports)
from __future__ import annotations

import sys

sys.path[0] = str(__import__("pathlib").Path(__file__).resolve().parent.parent)

import argparse
import difflib
import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from intake.mail.body import html_to_text
from intake.mail.parse import ParsedMail, parse_email

DEFAULT_CORPUS = Path("var/bench/zammad-mail")
DEFAULT_EXPECT = Path("var/bench/zammad-mail-expected.json")
THRESHOLD = 0.8
FIELDS = ("from", "subject", "body", "attachments")

# Expected values of Zammad's that are not what the mail says (checked by hand against the .box file):
# counted apart, so that a right reading is not scored as a failure. Reasons only, no mail content.
NOT_A_READING: dict[str, dict[str, str]] = {
    "mail054.box": {"body": "a header line lost its folding; Zammad shows no text, the text/plain part has some"},
    "mail060.box": {"body": "Zammad's text is mojibake: UTF-8 and latin-1 bytes read as windows-1250"},
    "mail087.box": {
        "body": "the closing boundary is missing; Zammad shows no text, the first part is the fax notice",
        "attachments": "Zammad lists that text part as an attachment named 'file'",
    },
    "mail105.box": {"body": "a multipart without boundaries; Zammad shows no text, the payload is the message"},
}


# -- deriving the expectations -----------------------------------------------------------------------


def _yaml_loader() -> Any:
    import yaml  # PyYAML: presidio-analyzer (a dependency) brings it; only --derive needs it

    class Loader(yaml.SafeLoader):
        pass

    def any_tag(loader: Any, _suffix: str, node: Any) -> Any:  # Ruby's !ruby/hash:... tags
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node, deep=True)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node, deep=True)
        return loader.construct_scalar(node)

    Loader.add_multi_constructor("!", any_tag)
    return yaml, Loader


def expected_sender(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip()
    if text.count('"') == 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1]  # the whole address quoted
    text = text.rstrip(">.").strip()
    if "@" not in text:
        return text.lower()
    local, _, domain = text.rpartition("@")
    if local.startswith('"'):
        return f"{local}@{domain}".lower()
    if " " in local:
        words = local.split()
        # "Test test@example.com": a display name and a bare address; else a local part with spaces.
        local = words[-1] if words[-1].lower() == words[0].lower() else '"' + local + '"'
    return f"{local}@{domain}".lower()


_UTF7_WORD = re.compile(r"\+A[A-Za-z0-9+/]{2,}-")


def normal_subject(value: str | None) -> str:
    text = " ".join((value or "").split())
    return _UTF7_WORD.sub(lambda m: (m.group().encode("ascii").decode("utf-7", "replace")), text)


def expected_body(body: str | None, content_type: str | None) -> str:
    if not body or body.strip() == "no visible content":
        return ""
    text = html_to_text(body) if content_type == "text/html" else body
    return _UTF7_WORD.sub(lambda m: (m.group().encode("ascii").decode("utf-7", "replace")), text)


def derive(corpus: Path, out: Path) -> int:
    yaml, loader = _yaml_loader()
    mails: dict[str, Any] = {}
    for path in sorted(corpus.glob("*.yml")):
        box = path.with_suffix(".box")
        if not box.exists():
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        names = []
        for att in data.get("attachments") or []:
            prefs = att.get("preferences") or {}
            if prefs.get("content-alternative") or prefs.get("original-format"):
                continue  # Zammad's own copy of the HTML body
            names.append(str(att.get("filename")))
        mails[box.name] = {
            "from": expected_sender(data.get("from_email")),
            "subject": normal_subject(data.get("subject")),
            "body": expected_body(data.get("body"), data.get("content_type")),
            "attachments": names,
        }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(mails, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(mails)} mails -> {out}")
    return 0


# -- scoring -------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]|\w+|[^\w\s]")
# Names Zammad makes up for parts without one (its email_parser.rb): "file", "<type word>.<ext>",
# numbered when repeated, or the Content-ID's left side.
_MADE_UP = re.compile(r"^(file|image|document|video|delivery-status|Delivery report)\d*(\.\w{2,4})?$", re.IGNORECASE)


def similarity(expected: str, got: str) -> float:
    a, b = _TOKEN.findall(expected), _TOKEN.findall(got)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _garbled(name: str) -> re.Pattern[str]:
    # Zammad's YAML holds some names garbled (U+FFFD, a combining accent lost: "d’eìcran"): each
    # non-ASCII character there stands for up to two characters of the decomposed (NFD) name.
    parts = [".{0,2}" if not c.isascii() else re.escape(c) for c in name]
    return re.compile("".join(parts), re.IGNORECASE)


def _unnumbered(name: str) -> str:
    # Zammad numbers a repeated name before its first dot: "a 09.00.png", "a 091.00.png".
    return re.sub(r"^(.*?)\d\.", r"\1.", name, count=1)


def names_match(expected: list[str], got: list[str | None], made_up: set[str]) -> bool:
    rest = list(got)
    for name in expected:
        named = [g for g in rest if g is not None]
        match = next((g for g in named if _name_key(g) == _name_key(name)), None)
        if match is None and not name.isascii():
            pattern = _garbled(name)
            match = next((g for g in named if pattern.fullmatch(unicodedata.normalize("NFD", g))), None)
        if match is None and _unnumbered(name) != name:
            match = next((g for g in named if _name_key(g) == _name_key(_unnumbered(name))), None)
        if match is None and (_MADE_UP.match(name) or name in made_up) and None in rest:
            rest.remove(None)
            continue
        if match is None:
            return False
        rest.remove(match)
    return not rest


def content_id_names(raw: bytes) -> set[str]:
    """Left sides of the Content-IDs in the mail: Zammad's name for a part that has none."""
    return {m.decode("ascii", "replace") for m in re.findall(rb"(?im)^content-id:\s*<?([^@>\s]+)@", raw)}


def check(parsed: ParsedMail, want: dict[str, Any], made_up: set[str]) -> dict[str, tuple[bool, str]]:
    body_score = similarity(want["body"], parsed.text)
    names = [a.filename for a in parsed.attachments]
    return {
        "from": (parsed.from_addr == want["from"], f"{want['from']!r} != {parsed.from_addr!r}"),
        "subject": (normal_subject(parsed.subject) == want["subject"], f"{want['subject']!r} != {parsed.subject!r}"),
        "body": (body_score >= THRESHOLD, f"similarity {body_score:.2f}"),
        "attachments": (names_match(want["attachments"], names, made_up), f"{want['attachments']} != {names}"),
    }


def run(corpus: Path, expect_path: Path, verbose: bool) -> int:
    if not expect_path.exists():
        sys.exit(f"no expectations at {expect_path}: run with --derive first (see the module docstring)")
    expected: dict[str, Any] = json.loads(expect_path.read_text(encoding="utf-8"))
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    excluded: Counter[str] = Counter()
    failures: list[str] = []
    times: list[float] = []  # CPU seconds per mail: wall time on a shared machine measures the others
    started = time.perf_counter()
    for name, want in sorted(expected.items()):
        raw = (corpus / name).read_bytes()
        cpu = time.process_time()
        parsed = parse_email(raw)
        times.append(time.process_time() - cpu)
        for field, (ok, detail) in check(parsed, want, content_id_names(raw)).items():
            if field == "attachments" and not want["attachments"] and not parsed.attachments:
                continue  # attachment names are counted for mails that have some (on either side)
            total[field] += 1
            passed[field] += ok
            if field in NOT_A_READING.get(name, {}):
                excluded[field] += 1
                excluded[f"{field} passed"] += ok
                detail += f"  [not a reading: {NOT_A_READING[name][field]}]"
            if not ok:
                failures.append(f"{name} {field}: {detail}")
    elapsed = time.perf_counter() - started
    if verbose:
        print("\n".join(failures))
    print(f"{'':12} {'as Zammad':>10} {'without not-a-reading':>24}")
    for field in FIELDS:
        kept_pass, kept_total = passed[field] - excluded[f"{field} passed"], total[field] - excluded[field]
        print(f"{field:12} {passed[field]:4}/{total[field]:<5} {kept_pass:14}/{kept_total:<5}")
    all_passed, all_total = sum(passed[f] for f in FIELDS), sum(total[f] for f in FIELDS)
    kept_passed = all_passed - sum(excluded[f"{f} passed"] for f in FIELDS)
    kept_total = all_total - sum(excluded[f] for f in FIELDS)
    print(f"{'all':12} {all_passed:4}/{all_total:<5} {kept_passed:14}/{kept_total:<5}"
          f"   {100 * all_passed / max(1, all_total):.1f}% / {100 * kept_passed / max(1, kept_total):.1f}%"
          f"   ({len(expected)} mails, {elapsed:.1f} s)")
    times.sort()
    print(f"parse CPU time per mail: mean {1000 * sum(times) / max(1, len(times)):.1f} ms, "
          f"median {1000 * times[len(times) // 2]:.1f} ms, max {1000 * times[-1]:.1f} ms")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="folder of *.box (and *.yml)")
    parser.add_argument("--expect", type=Path, default=DEFAULT_EXPECT, help="the derived expectations (JSON)")
    parser.add_argument("--derive", action="store_true", help="derive the expectations from the corpus' *.yml")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every failed check")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}: see the module docstring for how to get Zammad's test mails")
    if args.derive:
        return derive(args.corpus, args.expect)
    return run(args.corpus, args.expect, args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
