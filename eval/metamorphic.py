"""Metamorphic invariance of the scrubber: does a value stay stripped when the message around it changes shape?

Why this file exists: new tuning corpora written by us raise our own scores and leave unseen recall flat,
because rules catch what their authors imagine (issue 16). This tool needs no new imagination: it takes
every gold span of the chosen types from the TUNE parts of the existing corpora (``eval/split.py``; never
the test parts, never the test-only corpora) and renders variants of its message that must not change
whether the value is stripped -- the value in quotes or markup, glued to punctuation, on its own line,
the cue in other case or language or with a typo, the message wrapped, quoted or signed. Each
transformation is a small named function of (text, start, end, rng); the tool reports per transformation
and per type how often a value found in the original message is still found (>= 80% of its non-space
characters stripped, the shared scorer's rule), how often a missed one is found now, and the precision
effect: the share of variants in which something outside the value is newly stripped.

    python eval/metamorphic.py --types CREDENTIAL
    python eval/metamorphic.py --types NATIONAL_ID,IBAN --corpus eval/pii_tune_ids.jsonl --show-failures 20
    python eval/metamorphic.py --types CREDENTIAL --json > /tmp/inv.json

Seeded and deterministic (``--seed``). Messages are never logged; ``--show-failures`` prints the value's
line of TUNE records only (the only records ever read).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_CORPORA = [
    SHARED_EVAL / "pii_dev.jsonl",
    SHARED_EVAL / "pii_dev2.jsonl",
    ROOT / "eval" / "pii_tune_extra.jsonl",
    ROOT / "eval" / "pii_tune_secrets.jsonl",
    ROOT / "eval" / "pii_tune_world2.jsonl",
    ROOT / "eval" / "pii_probe_world.jsonl",
]
FOUND = 0.8  # the shared scorer's rule: a span is found when >= 80% of its non-space characters are stripped


@dataclass(frozen=True, slots=True)
class Variant:
    """A rendered message and where the value now stands in it."""

    text: str
    start: int
    end: int


Transform = Callable[[str, int, int, random.Random], Variant | None]

# Cue words per concept and language, for the case, typo, abbreviation and language transformations. The
# first entry of each language is the one written when a cue is translated into it.
CUES: dict[str, dict[str, list[str]]] = {
    "password": {"en": ["password", "passwd", "pass"], "nl": ["wachtwoord"], "de": ["Passwort", "Kennwort"],
                 "fr": ["mot de passe"]},
    "pin": {"en": ["PIN code", "pin"], "nl": ["pincode"], "de": ["PIN-Code", "Geheimzahl"], "fr": ["code PIN"]},
    "wifi": {"en": ["wifi password", "network key"], "nl": ["wifi-wachtwoord", "netwerksleutel"],
             "de": ["WLAN-Schlüssel", "WLAN-Passwort"], "fr": ["clé wifi", "clé WPA"]},
    "api_key": {"en": ["API key"], "nl": ["API-sleutel"], "de": ["API-Schlüssel"], "fr": ["clé API"]},
    "token": {"en": ["token", "access token"], "nl": ["token"], "de": ["Token"], "fr": ["jeton"]},
    "recovery": {"en": ["recovery code", "backup code"], "nl": ["herstelcode", "back-upcode"],
                 "de": ["Wiederherstellungscode"], "fr": ["code de récupération"]},
    "bsn": {"en": ["citizen service number"], "nl": ["burgerservicenummer", "BSN"], "de": ["Bürgerservicenummer"],
            "fr": ["numéro BSN"]},
    "passport": {"en": ["passport number"], "nl": ["paspoortnummer"], "de": ["Reisepassnummer"],
                 "fr": ["numéro de passeport"]},
    "iban": {"en": ["account number"], "nl": ["rekeningnummer"], "de": ["Kontonummer"], "fr": ["numéro de compte"]},
    "card": {"en": ["card number"], "nl": ["kaartnummer", "creditcardnummer"], "de": ["Kartennummer"],
             "fr": ["numéro de carte"]},
    "id_card": {"en": ["ID card number"], "nl": ["ID-kaartnummer"], "de": ["Ausweisnummer"],
                "fr": ["numéro de carte d'identité"]},
    "licence": {"en": ["driving licence number"], "nl": ["rijbewijsnummer"], "de": ["Führerscheinnummer"],
                "fr": ["numéro de permis"]},
    "ssn": {"en": ["social security number"], "nl": ["sofinummer"], "de": ["Sozialversicherungsnummer"],
            "fr": ["numéro de sécurité sociale"]},
}
ABBREVIATIONS = {"password": "pw", "wachtwoord": "ww", "passwort": "PW", "mot de passe": "mdp", "passwd": "pwd",
                 "pincode": "pin", "burgerservicenummer": "bsn-nr", "paspoortnummer": "paspoortnr",
                 "rekeningnummer": "rek.nr", "account number": "acct no", "passport number": "passport no",
                 "recovery code": "recov. code", "herstelcode": "herst.code", "kontonummer": "Kto-Nr",
                 "reisepassnummer": "Pass-Nr", "numéro de passeport": "n° passeport", "api key": "apikey"}
SIGNATURES = {"nl": "\n\n--\nVerstuurd vanaf mijn iPhone", "de": "\n\n--\nVon meinem iPhone gesendet",
              "fr": "\n\n--\nEnvoyé de mon iPhone", "en": "\n\n--\nSent from my iPhone"}
REPLY_LEAD = {"nl": "Nog iets gehoord?\n\n", "de": "Gibt es schon Neuigkeiten?\n\n",
              "fr": "Des nouvelles ?\n\n", "en": "Any news on this?\n\n"}


def _wrap(left: str, right: str) -> Transform:
    def transform(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
        if text[start - 1:start] == left and text[end:end + 1] == right:
            return None  # already rendered so: no variant
        return Variant(text[:start] + left + text[start:end] + right + text[end:], start + len(left),
                       end + len(left))
    return transform


_CLOSERS = {"'": "'’", '"': '"”', "“": "”", "‘": "’", "`": "`", "[": "]", "(": ")", "<": ">"}


def _wrapper_width(text: str, start: int, end: int) -> int:
    """1 when the value stands in quotes or brackets of its own ('"Zomer2024!"'): words added around it go outside."""
    opener, closer = text[start - 1:start], text[end:end + 1]
    return 1 if opener in _CLOSERS and closer and closer in _CLOSERS[opener] else 0


def _suffix(tail: str) -> Transform:
    def transform(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
        at = end + _wrapper_width(text, start, end)  # ('"X" pls', '"X".', not '"X pls"')
        if text[at:at + len(tail)] == tail:
            return None
        return Variant(text[:at] + tail + text[at:], start, end)
    return transform


_SEPARATOR = re.compile(r"[ \t:=\-–>]*$")


def _separator(sep: str) -> Transform:
    """The separator between cue and value (``: ``, `` ``, ``=``) replaced by ``sep``."""
    def transform(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
        line_start = text.rfind("\n", 0, start) + 1
        m = _SEPARATOR.search(text, line_start, start)
        head = text[:m.start()] if m else text[:start]
        if not head[line_start:].strip():
            return None  # the value opens its line: there is no cue to separate it from
        new = head + sep
        return Variant(new + text[start:], len(new), len(new) + end - start)
    return transform


def at_end(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """Everything after the value cut off: the value ends the message."""
    if not text[end:].strip():
        return None
    return Variant(text[:end], start, end)


def _cue_span(text: str, start: int) -> tuple[int, int] | None:
    """The cue before the value: the text of its line in front of it (at most 40 characters)."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 40)
    m = _SEPARATOR.search(text, line_start, start)
    cue_end = m.start() if m else start
    return (line_start, cue_end) if text[line_start:cue_end].strip() else None


def _recase(upper: bool) -> Transform:
    def transform(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
        span = _cue_span(text, start)
        if span is None:
            return None
        cue = text[span[0]:span[1]]
        new = cue.upper() if upper else cue.lower()
        if new == cue or len(new) != len(cue):
            return None
        return Variant(text[:span[0]] + new + text[span[1]:], start, end)
    return transform


def cue_typo(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """Two neighbouring letters of the cue's longest word swapped (``wachtowrd``)."""
    span = _cue_span(text, start)
    if span is None:
        return None
    words = [m for m in re.finditer(r"[^\W\d_]{5,}", text[span[0]:span[1]])]
    if not words:
        return None
    word = max(words, key=lambda m: len(m.group()))
    i = rng.randrange(1, len(word.group()) - 2)
    w = word.group()
    typo = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    at = span[0] + word.start()
    return Variant(text[:at] + typo + text[at + len(w):], start, end) if typo != w else None


def _find_cue(text: str, start: int) -> tuple[int, int, str] | None:
    """The last known cue word in the value's line before it: (start, end, concept)."""
    span = _cue_span(text, start)
    if span is None:
        return None
    window = text[span[0]:span[1]].lower()
    best: tuple[int, int, str] | None = None
    for concept, langs in CUES.items():
        for words in langs.values():
            for word in words:
                at = window.rfind(word.lower())
                # the cue nearest the value wins, the longer one on a tie ("wifi password" over "password")
                if at >= 0 and (best is None or (at + len(word), -at) > (best[1], -best[0])):
                    best = (at, at + len(word), concept)
    return (span[0] + best[0], span[0] + best[1], best[2]) if best else None


def cue_abbreviated(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """A known cue shortened as people do (wachtwoord -> ww, password -> pw, paspoortnummer -> paspoortnr)."""
    span = _cue_span(text, start)
    if span is None:
        return None
    window = text[span[0]:span[1]]
    for long, short in ABBREVIATIONS.items():
        at = window.lower().rfind(long)
        if at >= 0:
            cut = span[0] + at
            return Variant(text[:cut] + short + text[cut + len(long):], start + len(short) - len(long),
                           end + len(short) - len(long))
    return None


def cue_other_language(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """A known cue replaced by the same concept's cue in another of nl/en/de/fr."""
    found = _find_cue(text, start)
    if found is None:
        return None
    cue_start, cue_end, concept = found
    current = text[cue_start:cue_end].lower()
    options = [words[0] for words in CUES[concept].values() if words[0].lower() != current]
    new = rng.choice(sorted(options))
    shift = len(new) - (cue_end - cue_start)
    return Variant(text[:cue_start] + new + text[cue_end:], start + shift, end + shift)


def chat_line(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """The message shortened to a chat line: the value's line from its known cue on (else its last three words
    before the value), lower-cased, and the value. A cue further back than the line is no chat line's."""
    line_start = text.rfind("\n", 0, start) + 1
    cue = _find_cue(text, start)
    if cue is not None and cue[0] >= line_start:
        line_start = cue[0]
    words = text[line_start:start].split()
    if not words:
        return None
    kept = words if cue is not None and cue[0] == line_start else words[-3:]
    glued = not text[start - 1:start].isspace()  # ("ww 'X": the opening quote stays on the value)
    head = " ".join(kept).lower() + ("" if glued else " ")
    new = head + text[start:end]
    return None if new == text else Variant(new, len(head), len(head) + end - start)


def _occurrence(text: str, start: int, end: int) -> int:
    """Which occurrence of the value (0-based) stands at ``start``."""
    return text.count(text[start:end], 0, start) if text[start:end] else 0


def _locate(new: str, value: str, nth: int) -> Variant | None:
    at = -1
    for _ in range(nth + 1):
        at = new.find(value, at + 1)
        if at < 0:
            return None
    return Variant(new, at, at + len(value))


def line_wrapped(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """Every paragraph wrapped at 40 columns, as some mail clients send it (a value with spaces may break)."""
    paragraphs = text.split("\n")
    new = "\n".join(textwrap.fill(p, 40, break_long_words=False, break_on_hyphens=False) if p else p
                    for p in paragraphs)
    if new == text:
        return None
    return _locate(new, text[start:end], _occurrence(text, start, end))


def quoted_reply(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """The message quoted below a one-line follow-up, every line behind ``> ``."""
    lead = REPLY_LEAD[_lang_of(text)]
    new = lead + "\n".join("> " + line for line in text.split("\n"))
    return _locate(new, text[start:end], _occurrence(text, start, end))


def signature_after(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
    """The value's line followed by a mail client's signature (the rest of the message dropped)."""
    line_end = text.find("\n", end)
    head = text if line_end < 0 else text[:line_end]
    return Variant(head + SIGNATURES[_lang_of(text)], start, end)


def _lang_of(text: str) -> str:
    """A rough language for the inserted lines (the record's ``lang`` is not passed to transformations)."""
    low = text.lower()
    scores = {"nl": sum(low.count(w) for w in (" de ", " het ", " een ", " ik ", "mijn")),
              "de": sum(low.count(w) for w in (" der ", " die ", " und ", " ich ", " ist ")),
              "fr": sum(low.count(w) for w in (" le ", " la ", " est ", " je ", " mon ")),
              "en": sum(low.count(w) for w in (" the ", " is ", " my ", " and ", " i "))}
    return max(sorted(scores), key=lambda k: scores[k])


def _insert_before(word: str) -> Transform:
    def transform(text: str, start: int, end: int, rng: random.Random) -> Variant | None:
        at = start - _wrapper_width(text, start, end)
        return Variant(text[:at] + word + text[at:], start + len(word), end + len(word))
    return transform


TRANSFORMS: dict[str, Transform] = {
    "quote_double": _wrap('"', '"'),
    "quote_single": _wrap("'", "'"),
    "quote_curly": _wrap("“", "”"),
    "backticks": _wrap("`", "`"),
    "brackets": _wrap("[", "]"),
    "parens": _wrap("(", ")"),
    "bold_md": _wrap("**", "**"),
    "bold_html2text": _wrap("*", "*"),
    "angle": _wrap("<", ">"),
    "trail_dot": _suffix("."),
    "trail_comma": _suffix(","),
    "trail_bang": _suffix("!"),
    "trail_paren": _suffix(")"),
    "nbsp_before": _separator(":\u00a0"),
    "at_end": at_end,
    "next_line": _separator(":\n"),
    "bare_next_line": _separator("\n"),
    "after_tab": _separator("\t"),
    "after_dash": _separator(" - "),
    "after_equals": _separator("="),
    "cue_upper": _recase(True),
    "cue_lower": _recase(False),
    "cue_typo": cue_typo,
    "cue_abbreviated": cue_abbreviated,
    "cue_other_language": cue_other_language,
    "emoji_after": _suffix(" 🙏"),
    "emoji_before": _insert_before("🔑 "),
    "pls_after": _suffix(" pls"),
    "thx_after": _suffix(" thx!"),
    "chat_line": chat_line,
    "line_wrapped": line_wrapped,
    "quoted_reply": quoted_reply,
    "signature_after": signature_after,
}
# the identifier rewritten (eval/metamorphic_ids.py): run by default with the rest, listed apart from TRANSFORMS
ID_TRANSFORMS: dict[str, Transform] = {}
REWRITES_VALUE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Tally:
    """Counts for one (transformation, type) cell."""

    applicable: int = 0
    base_found: int = 0
    kept_found: int = 0  # found in the original and in the variant: the invariance numerator
    gained: int = 0  # missed in the original, found in the variant
    new_strips: int = 0  # variants in which something outside the value is newly stripped
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, kind, value's line)

    def as_dict(self) -> dict[str, Any]:
        rate = self.kept_found / self.base_found if self.base_found else None
        return {"applicable": self.applicable, "base_found": self.base_found, "kept_found": self.kept_found,
                "invariance": rate, "gained": self.gained, "new_strips": self.new_strips,
                "new_strip_rate": self.new_strips / self.applicable if self.applicable else None}


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tune_records(corpora: Iterable[Path]) -> list[dict[str, Any]]:
    """The TUNE records of each corpus (``eval/split.py``); a test-only corpus is refused."""
    split = _load("scrubdesk_eval_split", Path(__file__).with_name("split.py"))
    records: list[dict[str, Any]] = []
    for corpus in corpora:
        if corpus.name in split.TEST_ONLY:  # refused whatever the command line says
            raise SystemExit(f"{corpus.name} is a test-only corpus: the invariance tool never reads it")
        records += [json.loads(line) for line in split.part_lines(corpus, "tune")]
    return records


def stripped_mask(text: str, entities: Sequence[Any]) -> list[bool]:
    mask = [False] * len(text)
    for e in entities:
        if e.action != "keep":
            for i in range(max(0, e.start), min(len(text), e.end)):
                mask[i] = True
    return mask


def coverage(text: str, mask: Sequence[bool], start: int, end: int) -> float:
    idx = [i for i in range(start, end) if not text[i].isspace()]
    return sum(mask[i] for i in idx) / len(idx) if idx else 1.0


def stripped_runs(text: str, mask: Sequence[bool], skip: tuple[int, int]) -> list[str]:
    """The stripped stretches of ``text`` outside ``skip``, trimmed of spaces and punctuation."""
    runs: list[str] = []
    i = 0
    while i < len(text):
        if mask[i] and not skip[0] <= i < skip[1]:
            j = i
            while j < len(text) and mask[j] and not skip[0] <= j < skip[1]:
                j += 1
            run = text[i:j].strip(" \t\n\r.,;:!?\"'()[]<>*`“”")
            if run:
                runs.append(run)
            i = j
        else:
            i += 1
    return runs


def newly_stripped(base: list[str], variant: list[str]) -> bool:
    """Whether a stripped run of the variant is no part of (and holds no) run stripped in the original."""
    return any(not any(v in b or b in v for b in base) for v in variant)


def run(records: Sequence[dict[str, Any]], types: set[str], transforms: dict[str, Transform], seed: int,
        analyze: Callable[[str, str | None], Sequence[Any]], gold_spans: Callable[[dict[str, Any]], list[Any]],
        ) -> dict[tuple[str, str], Tally]:
    """Tallies per (transformation, type) over every gold span of ``types`` in ``records``."""
    tallies: dict[tuple[str, str], Tally] = {}
    for record in records:
        spans = [(t, s, e) for t, s, e in gold_spans(record) if t in types]
        if not spans:
            continue
        text, lang = record["text"], record.get("lang")
        base_mask = stripped_mask(text, analyze(text, lang))
        for kind, start, end in spans:
            base_found = coverage(text, base_mask, start, end) >= FOUND
            base_runs = stripped_runs(text, base_mask, (start, end))
            for name, transform in transforms.items():
                # one generator per (record, span, transformation): adding one leaves the others' draws alone
                rng = random.Random(f"{seed}:{record['id']}:{start}:{name}")
                variant = transform(text, start, end, rng)
                if variant is None or (name not in REWRITES_VALUE
                                       and variant.text[variant.start:variant.end] != text[start:end]):
                    continue
                mask = stripped_mask(variant.text, analyze(variant.text, lang))
                found = coverage(variant.text, mask, variant.start, variant.end) >= FOUND
                tally = tallies.setdefault((name, kind), Tally())
                tally.applicable += 1
                tally.base_found += base_found
                tally.kept_found += base_found and found
                tally.gained += found and not base_found
                new = newly_stripped(base_runs, stripped_runs(variant.text, mask, (variant.start, variant.end)))
                tally.new_strips += new
                if (base_found and not found) or new:
                    line_start = variant.text.rfind("\n", 0, variant.start) + 1
                    line_end = variant.text.find("\n", variant.end)
                    line = variant.text[line_start:line_end if line_end >= 0 else None]
                    tally.failures.append((str(record["id"]), "lost" if base_found and not found else "new", line))
    return tallies


def table(tallies: dict[tuple[str, str], Tally], names: Sequence[str]) -> list[str]:
    """One line per transformation (all types together) and a total line."""
    out = [f"{'transformation':<20}{'n':>6}{'base':>6}{'kept':>6}{'invar':>8}{'gained':>8}{'new':>6}{'new%':>7}"]
    total = Tally()
    for name in names:
        cell = Tally()
        for (tname, _), t in tallies.items():
            if tname == name:
                for attr in ("applicable", "base_found", "kept_found", "gained", "new_strips"):
                    setattr(cell, attr, getattr(cell, attr) + getattr(t, attr))
                    setattr(total, attr, getattr(total, attr) + getattr(t, attr))
        out.append(_row(name, cell))
    out.append(_row("ALL", total))
    return out


def _row(name: str, t: Tally) -> str:
    d = t.as_dict()
    inv = f"{d['invariance']:.3f}" if d["invariance"] is not None else "-"
    new = f"{d['new_strip_rate']:.3f}" if d["new_strip_rate"] is not None else "-"
    return (f"{name:<20}{t.applicable:>6}{t.base_found:>6}{t.kept_found:>6}{inv:>8}{t.gained:>8}"
            f"{t.new_strips:>6}{new:>7}")


def _load_id_transforms() -> None:
    ids = _load("scrubdesk_eval_metamorphic_ids", Path(__file__).with_name("metamorphic_ids.py"))
    ID_TRANSFORMS.update(ids.build(Variant, _cue_span))
    globals()["REWRITES_VALUE"] = ids.REWRITES_VALUE


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--types", default="CREDENTIAL", help="comma-separated gold types (default CREDENTIAL)")
    ap.add_argument("--corpus", type=Path, action="append", help="a JSONL corpus (repeatable); its TUNE part")
    ap.add_argument("--transforms", help="comma-separated transformation names (default: all)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="print up to N lost values and new strips per transformation (TUNE records only)")
    ap.add_argument("--json", action="store_true", help="one JSON object: per transformation and type")
    args = ap.parse_args(argv)
    _load_id_transforms()
    known = {**TRANSFORMS, **ID_TRANSFORMS}
    names = args.transforms.split(",") if args.transforms else list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        ap.error(f"unknown transformation(s): {', '.join(unknown)}; known: {', '.join(known)}")
    types = set(args.types.split(","))
    scorer = _load("scrubdesk_score_pii", SHARED_EVAL / "score_pii.py")
    records = tune_records(args.corpus or DEFAULT_CORPORA)
    from scrubber.engine import get_scrubber  # late: --help must not load the pipelines

    scrubber = get_scrubber(None)
    tallies = run(records, types, {n: known[n] for n in names}, args.seed,
                  lambda text, lang: scrubber.analyze(text, lang).entities, scorer.gold_spans)
    if args.json:
        print(json.dumps({f"{n}|{t}": tally.as_dict() for (n, t), tally in sorted(tallies.items())}))
        return 0
    print(f"{len(records)} tune records, types {','.join(sorted(types))}, seed {args.seed}")
    print("\n".join(table(tallies, names)))
    for kind in sorted(types):
        print(f"\n[{kind}]")
        print("\n".join(table({k: v for k, v in tallies.items() if k[1] == kind}, names)[-1:]))
    if args.show_failures:
        for (name, _), tally in sorted(tallies.items()):
            for rid, what, line in tally.failures[:args.show_failures]:
                print(f"{name}\t{rid}\t{what}\t{line!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
