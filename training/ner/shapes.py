"""The dev corpora's sentence shapes with every PERSON and ADDRESS value swapped for a generated one.

Only the TUNE part of each corpus is read (``eval/split.py``: every fifth record is TEST and is never
opened here). Of the tune records, every fifth one (tune index % 5 == 0) is held out of training as
well, so that the model's own misses can be inspected on shapes it has not seen. Other annotated
values (organisations, domains, e-mail addresses, numbers) stay as they are: they are the negatives.
Names are swapped token by token with one mapping per message, so "Marieke Hoogendoorn" and a later
"Marieke" become the same new person; casing (lower, UPPER, Title) follows the original token.
"""

from __future__ import annotations

import importlib.util
import random
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from training.ner.compose import ADDRESS, PERSON, Piece, noisy
from training.ner.values import DUTCH_INTERFIXES, ValueMaker

ROOT = Path(__file__).resolve().parents[2]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
CORPORA = (SHARED_EVAL / "pii_dev.jsonl", SHARED_EVAL / "pii_dev2.jsonl")
HOLDOUT_EVERY = 5

_PARTICLES = {w for i in DUTCH_INTERFIXES for w in i.split()} | {
    "el", "al", "von", "di", "da", "du", "le", "la", "bin", "ben", "ibn", "dos", "das", "del", "zu", "und", "y", "&"}
_INITIALS = re.compile(r"^(?:[A-Za-z]\.?-?){1,4}$")
_CORE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.UNICODE)


def _split_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scrubdesk_eval_split", ROOT / "eval" / "split.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tune_records(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, holdout) of the corpus's TUNE part; the TEST part is dropped unread by ``split``."""
    tune, _test = _split_module().split(path)
    del _test
    train = [r for i, r in enumerate(tune) if i % HOLDOUT_EVERY != 0]
    holdout = [r for i, r in enumerate(tune) if i % HOLDOUT_EVERY == 0]
    return train, holdout


def gold_spans(record: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Every occurrence of every annotated value, minus those inside a longer one (as the scorer counts)."""
    text = record["text"]
    spans: list[tuple[str, int, int]] = []
    for ent in record["entities"]:
        value = ent["value"]
        bounded = value[:1].isalnum() or value[-1:].isalnum()
        pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)" if bounded else re.escape(value)
        spans += [(ent["type"], m.start(), m.end()) for m in re.finditer(pattern, text)]
    spans = [(t, s, e) for t, s, e in spans
             if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for _, s2, e2 in spans)]
    spans.sort(key=lambda x: (x[1], -x[2]))
    out: list[tuple[str, int, int]] = []
    for t, s, e in spans:
        if out and s < out[-1][2]:
            continue
        out.append((t, s, e))
    return out


def _cased(new: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return new.upper()
    if like.islower():
        return new.lower()
    return new


class Swapper:
    """Replaces the names and addresses of one message, consistently within it."""

    def __init__(self, values: ValueMaker) -> None:
        self.values = values
        self.rng = values.rng
        self.names: dict[str, str] = {}
        self.addresses: dict[str, str] = {}

    def _token(self, token: str, role: str) -> str:
        m = _CORE.match(token)
        assert m
        lead, core, trail = m.groups()
        if not core or core.lower() in _PARTICLES:
            return token
        if _INITIALS.match(core) and (len(core) <= 2 or "." in core):
            new = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTVW") if c.isalpha() else c for c in core)
            return lead + _cased(new, core) + trail
        key = core.lower()
        if key not in self.names:
            person = self.values.person()
            if "." in core or "_" in core:  # a user name like first.last
                sep = "." if "." in core else "_"
                self.names[key] = f"{person.first}{sep}{person.last}".replace(" ", "").lower()
            else:
                self.names[key] = person.first if role == "first" else person.last
        return lead + _cased(self.names[key], core) + trail

    def name(self, value: str) -> str:
        tokens = value.split(" ")
        reversed_form = "," in value
        words = [i for i, t in enumerate(tokens) if t and t.strip(".,").lower() not in _PARTICLES]
        out = []
        for i, tok in enumerate(tokens):
            if "\n" in tok:
                out.append(tok)
                continue
            if len(words) == 1:
                role = "first" if self.rng.random() < 0.5 else "last"
            elif reversed_form:
                role = "last" if i == words[0] else "first"
            else:
                role = "first" if i == words[0] else "last"
            out.append(self._token(tok, role))
        return " ".join(out)

    def address(self, value: str) -> str:
        if value not in self.addresses:
            new = self.values.address(multiline="\n" in value)
            self.addresses[value] = _cased(new, value)
        return self.addresses[value]


def swapped(record: dict[str, Any], values: ValueMaker) -> list[Piece]:
    """The record as labelled pieces with new PERSON and ADDRESS values."""
    text = record["text"]
    swapper = Swapper(values)
    pieces: list[Piece] = []
    pos = 0
    for etype, s, e in gold_spans(record):
        if s > pos:
            pieces.append((text[pos:s], None))
        value = text[s:e]
        if etype == PERSON:
            pieces.append((swapper.name(value), PERSON))
        elif etype == ADDRESS:
            pieces.append((swapper.address(value), ADDRESS))
        else:
            pieces.append((value, None))
        pos = e
    pieces.append((text[pos:], None))
    return pieces


def shape_messages(values: ValueMaker, variants: int, corpora: tuple[Path, ...] = CORPORA) -> Iterator[list[Piece]]:
    """``variants`` swapped copies (with noise) of every tune-train record of the corpora that exist."""
    rng: random.Random = values.rng
    for path in corpora:
        if not path.is_file():
            continue
        train, _holdout = tune_records(path)
        for record in train:
            for _ in range(variants):
                yield noisy(swapped(record, values), rng)


def holdout_records(corpora: tuple[Path, ...] = CORPORA) -> list[dict[str, Any]]:
    """The held-out fifth of the tune parts, for monitoring (never trained on)."""
    out: list[dict[str, Any]] = []
    for path in corpora:
        if path.is_file():
            out += tune_records(path)[1]
    return out
