"""Shapes of names, addresses, phone numbers and birth dates for the invariance tool (issue 16).

Why this file exists: ``eval/metamorphic.py`` moves a value's setting and keeps the value, and
``eval/metamorphic_ids.py`` rewrites identifiers. People also write the *same* person, address, phone or birth
date in other shapes: a name in capitals or in a lower-case chat, "Surname, Firstname", with initials, a bare
surname starting with a capitalised tussenvoegsel ("De Vries", Dutch spelling rules), a name in a CSV row; an
address on one line or on two, in capitals; a phone number with other groups or with 0031 instead of +31; a birth
date with dots, slashes or a two-digit year. Each transformation rewrites the value (the variant's span is the
rewritten value) and runs through the tool's own ``run`` on the TUNE parts only, so the same rules of never
reading test parts apply.

    python eval/metamorphic_names.py --types PERSON --show-failures 20
    python eval/metamorphic_names.py --types ADDRESS,PHONE,DATE_OF_BIRTH

Seeded and deterministic; messages are never logged, ``--show-failures`` prints value lines of TUNE records only.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

Transform = Callable[[str, int, int, random.Random], Any]
TUSSEN = ("van der", "van den", "van de", "van", "de", "den", "der", "ter", "ten", "te", "in 't", "op de", "'t")
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’\-]+$")
_DATE = re.compile(r"^(\d{1,2})([-./ ])(\d{1,2})\2(\d{4})$")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def name_parts(value: str) -> tuple[str, str, str] | None:
    """(first name, tussenvoegsel, surname) of a plain "First [tussen] Surname" value, else None."""
    words = value.split()
    if len(words) < 2 or "\n" in value or not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return None
    middle = " ".join(words[1:-1])
    if middle and middle.lower() not in TUSSEN:
        return None
    return words[0], middle, words[-1]


def build(variant: Callable[[str, int, int], Any]) -> dict[str, Transform]:
    """The transformations by name, rendering with the tool's ``Variant``."""

    def replace(text: str, start: int, end: int, new: str) -> Any:
        return None if new == text[start:end] else variant(text[:start] + new + text[end:], start, start + len(new))

    def cased(how: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            value = text[start:end]
            if not any(c.isalpha() for c in value):
                return None
            if how == "lower_message":  # a chat typed without capitals: the whole message lower case
                low = text.lower()
                return None if low == text or len(low) != len(text) else variant(low, start, end)
            return replace(text, start, end, value.upper() if how == "upper" else value.lower())
        return transform

    def surname_first(text: str, start: int, end: int, rng: random.Random) -> Any:
        parts = name_parts(text[start:end])
        if parts is None:
            return None
        first, tussen, last = parts
        return replace(text, start, end, f"{last}, {first}" + (f" {tussen}" if tussen else ""))

    def initials(dots: bool) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            parts = name_parts(text[start:end])
            if parts is None:
                return None
            first, tussen, last = parts
            return replace(text, start, end, " ".join(p for p in (first[0] + ("." if dots else ""), tussen, last) if p))
        return transform

    def bare_tussen_surname(text: str, start: int, end: int, rng: random.Random) -> Any:
        # Dutch spelling: a surname without first name or initials starts with a capital ("De Vries", "Van den Berg")
        parts = name_parts(text[start:end])
        if parts is None or not parts[1]:
            return None
        return replace(text, start, end, f"{parts[1][0].upper()}{parts[1][1:]} {parts[2]}")

    def csv_row(text: str, start: int, end: int, rng: random.Random) -> Any:
        if "\n" in text[start:end]:
            return None
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        tail = "" if line_end < 0 else text[line_end:]
        head = "naam;klantnummer;status\n" if rng.random() < 0.5 else "name,customer,status\n"
        sep = head[4]
        at = line_start + len(head)
        row = f"{text[start:end]}{sep}K-2231{sep}actief"
        return variant(text[:line_start] + head + row + tail, at, at + end - start)

    def address_lines(text: str, start: int, end: int, rng: random.Random) -> Any:
        value = text[start:end]
        if "\n" in value:
            return replace(text, start, end, ", ".join(p.strip() for p in value.split("\n") if p.strip()))
        if "," in value:
            return replace(text, start, end, "\n".join(p.strip() for p in value.split(",")))
        return None

    def phone_shape(how: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            value = text[start:end]
            digits = re.sub(r"\D", "", value)
            if not 9 <= len(digits) <= 15 or len(value) - len(re.sub(r"[\d\s\-./()+]", "", value)) != len(value):
                return None
            lead = "+" if value.lstrip().startswith("+") else ("00" if value.startswith("00") else "")
            if how == "0031" and lead == "+":
                return replace(text, start, end, "00" + value.lstrip()[1:])
            if how == "compact":
                return replace(text, start, end, lead + (digits[2:] if lead == "00" else digits))
            if how == "dashes":
                body = digits[2:] if lead == "00" else digits
                groups = [body[:2], body[2:5], body[5:8], body[8:]] if lead else [body[:3], body[3:6], body[6:]]
                return replace(text, start, end, lead + "-".join(g for g in groups if g))
            return None
        return transform

    def dob_shape(how: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            m = _DATE.match(text[start:end])
            if m is None:
                return None
            day, _, month, year = m.groups()
            new = {"dots": f"{day}.{month}.{year}", "slashes": f"{day}/{month}/{year}",
                   "dashes": f"{day}-{month}-{year}", "two_digit_year": f"{day}-{month}-'{year[2:]}",
                   "iso": f"{year}-{int(month):02d}-{int(day):02d}"}[how]
            return replace(text, start, end, new)
        return transform

    return {
        "value_upper": cased("upper"), "value_lower": cased("lower"), "message_lower": cased("lower_message"),
        "surname_first": surname_first, "initials_dots": initials(True), "initials_bare": initials(False),
        "bare_tussen_surname": bare_tussen_surname, "csv_row": csv_row, "address_lines": address_lines,
        "phone_0031": phone_shape("0031"), "phone_compact": phone_shape("compact"),
        "phone_dashes": phone_shape("dashes"),
        "dob_dots": dob_shape("dots"), "dob_slashes": dob_shape("slashes"), "dob_dashes": dob_shape("dashes"),
        "dob_two_digit_year": dob_shape("two_digit_year"), "dob_iso": dob_shape("iso"),
    }


# every transformation above rewrites the value (message_lower too: the value is lowered with its message)
KEEPS_VALUE = frozenset({"csv_row"})


def main(argv: list[str] | None = None) -> int:
    tool = _load("scrubdesk_eval_metamorphic", Path(__file__).with_name("metamorphic.py"))
    known = build(tool.Variant)
    tool.REWRITES_VALUE = frozenset(known) - KEEPS_VALUE
    same_case = tool.newly_stripped  # message_lower lowers the other values too: compare runs without case
    tool.newly_stripped = lambda base, variant: same_case([b.lower() for b in base], [v.lower() for v in variant])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--types", default="PERSON", help="comma-separated gold types (default PERSON)")
    ap.add_argument("--corpus", type=Path, action="append", help="a JSONL corpus (repeatable); its TUNE part")
    ap.add_argument("--transforms", help=f"comma-separated, of: {', '.join(known)} (default: all)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    names = args.transforms.split(",") if args.transforms else list(known)
    if unknown := [n for n in names if n not in known]:
        ap.error(f"unknown transformation(s): {', '.join(unknown)}")
    types = set(args.types.split(","))
    scorer = tool._load("scrubdesk_score_pii", tool.SHARED_EVAL / "score_pii.py")
    records = tool.tune_records(args.corpus or tool.DEFAULT_CORPORA)
    from scrubber.engine import get_scrubber  # late: --help must not load the pipelines

    scrubber = get_scrubber(None)
    tallies = tool.run(records, types, {n: known[n] for n in names}, args.seed,
                       lambda text, lang: scrubber.analyze(text, lang).entities, scorer.gold_spans)
    print(f"{len(records)} tune records, types {','.join(sorted(types))}, seed {args.seed}")
    print("\n".join(tool.table(tallies, names)))
    if args.show_failures:
        for (name, kind), tally in sorted(tallies.items()):
            for rid, what, line in tally.failures[:args.show_failures]:
                print(f"{name}\t{kind}\t{rid}\t{what}\t{line!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
