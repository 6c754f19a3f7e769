"""Attachment file names, deny-by-default for identifiers (issue 15, finding 5).

A file name is written by the customer like any text, but the scrubber's word boundaries do not split
on ``-``, ``_`` or ``.``, so ``notes-111222333.txt`` or ``paspoort_jan_de_vries.jpg`` passed it
whole. ``prepare_filename`` therefore:

1. analyses the name as sent and a word view of its stem (separators to spaces, camel case split,
   lower-case words capitalised, offsets mapped back), so the scrubber sees words;
2. replaces, in the stem, every run of 7 or more digits (single separators between them allowed) and
   every token that mixes letters with 6 or more digits by ``<NUMBER>``, unless the scrubber already
   redacts it (then its typed placeholder is used) or recognises it as a number the policy keeps
   (docs/pii-policy.md: invoice, customer, KvK and VAT numbers) that, on its own, reads as nothing
   the policy strips: ``factuur-2024-0012.pdf`` stays, ``factuur-111222333.pdf`` (a valid BSN) does not;
3. keeps the extension as it is, so the agent still sees the file's type.

Dates count as digit runs: ``Screenshot 2024-03-05 at 10.15.32.png`` keeps its time but not its date
(a date in a file name may be a birth date; the rule cannot tell, so it denies).

The result is the (masked) name and an ``Analysis`` whose offsets index it: the pipeline redacts it like
any text, and the vault (when on) receives only the typed values, never a masked one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scrubber import Analysis, Entity

MASK = "<NUMBER>"
# Kept by the policy and useful to support when the scrubber recognises them in a name.
_KEPT_NUMBERS = frozenset({"INVOICE_NUMBER", "CUSTOMER_NUMBER", "KVK_NUMBER", "VAT_NUMBER", "IP_ADDRESS"})
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ ._-]?\d){6,}(?!\d)")
_TOKEN = re.compile(r"[^\W_]+")
# A type suffix: a letter and up to 7 letters or digits (pdf, jpeg, mp4, docx). Anything longer or
# starting with a digit is treated as part of the stem, and so is checked like it.
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}$")
_SEPARATORS = frozenset("-_.")

Analyze = Callable[[str, str | None], Analysis]


def prepare_filename(name: str, analyze: Analyze, lang: str | None) -> tuple[str, Analysis]:
    """The name with identifiers masked, and the analysis of what the scrubber redacts in it."""
    ext = _EXTENSION.search(name)
    stem_end = ext.start() if ext else len(name)
    whole = analyze(name, lang)
    # A value the scrubber reads across the dot ("Zomer2024!.txt") is cut at the stem: the type stays.
    found = [_clipped(e, stem_end) for e in whole.entities if e.start < stem_end]
    view, index = _word_view(name[:stem_end])
    view_analysis = analyze(view, lang) if view.strip() and view != name else Analysis(lang or "", ())
    found += [e for e in (_mapped(e, index) for e in view_analysis.entities) if e is not None]
    redacted = [(e.start, e.end, e) for e in found if e.action == "redact"]
    kept = [(e.start, e.end) for e in found if e.action == "keep" and e.type in _KEPT_NUMBERS]
    extra: list[tuple[int, int, Entity | None]] = []
    for start, end in _identifiers(name[:stem_end]):
        if any(s <= start and end <= e for s, e, _ in redacted):
            continue
        if any(s <= start and end <= e for s, e in kept):
            stripped, typed = _alone(name[start:end], analyze, lang)
            if not stripped:
                continue  # a kept number (an invoice number) that reads as nothing stripped on its own
            extra.append((start, end, typed))
        else:
            extra.append((start, end, None))
    return _apply(name, _merged(redacted + extra), whole.lang)


def _clipped(entity: Entity, end: int) -> Entity:
    if entity.end <= end:
        return entity
    return Entity(entity.type, entity.start, end, entity.action, entity.score, entity.recognizer)


def _identifiers(stem: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DIGIT_RUN.finditer(stem)]
    for token in _TOKEN.finditer(stem):
        value = token.group()
        if sum(c.isdigit() for c in value) >= 6 and any(c.isalpha() for c in value):
            spans.append(token.span())
    return spans


def _alone(value: str, analyze: Analyze, lang: str | None) -> tuple[bool, Entity | None]:
    """Whether the number on its own is something the policy strips, and its type when the scrubber
    redacts the whole of it alone (a BSN under "factuur"); None there means a plain mask."""
    alone = [e for e in analyze(value, lang).entities if e.action == "redact"]
    whole = len(alone) == 1 and alone[0].start == 0 and alone[0].end == len(value)
    return bool(alone), alone[0] if whole else None


def _word_view(stem: str) -> tuple[str, list[int]]:
    """The stem as words for the scrubber, and for each character of the view its index in ``stem``
    (-1 for an inserted space). ``-`` and ``.`` between digits stay: they belong to a number's format
    (2024-0012, 123.456.782)."""
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(stem):
        before, after = stem[i - 1 : i], stem[i + 1 : i + 2]
        if c in _SEPARATORS or c.isspace():
            between_digits = c in "-." and before.isdigit() and after.isdigit()
            c = c if between_digits else " "
        elif before and c.isupper() and (before.islower() or (before.isupper() and after.islower())):
            chars.append(" ")  # camel case: "JanDeVries" -> "Jan De Vries", "PDFScan" -> "PDF Scan"
            index.append(-1)
        chars.append(c)
        index.append(i)
    # Names are recognised by their capitals; in a file name everything is often lower case.
    words = re.sub(r"\S+", lambda m: _capitalised(m.group()), "".join(chars))
    return words, index


def _capitalised(word: str) -> str:
    first = word[0].upper()
    return first + word[1:] if word.islower() and len(first) == 1 else word


def _mapped(entity: Entity, index: list[int]) -> Entity | None:
    """``entity`` of the word view with offsets in the original name (None if it covers only spaces)."""
    positions = [index[i] for i in range(entity.start, entity.end) if index[i] >= 0]
    if not positions:
        return None
    return Entity(entity.type, positions[0], positions[-1] + 1, entity.action, entity.score, entity.recognizer)


def _merged(spans: list[tuple[int, int, Entity | None]]) -> list[tuple[int, int, Entity | None]]:
    """Overlapping spans as one: a group with a mask is masked, else the longest entity's type spans it."""
    out: list[tuple[int, int, Entity | None]] = []
    for start, end, entity in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            s0, e0, ent0 = out[-1]
            longest = ent0 if ent0 is not None and (entity is None or e0 - s0 >= end - start) else entity
            masked = ent0 is None or entity is None
            out[-1] = (s0, max(e0, end), None if masked else longest)
        else:
            out.append((start, end, entity))
    return out


def _apply(name: str, spans: list[tuple[int, int, Entity | None]], lang: str) -> tuple[str, Analysis]:
    parts: list[str] = []
    entities: list[Entity] = []
    pos = shift = 0
    for start, end, entity in spans:
        parts.append(name[pos:start])
        if entity is None:
            parts.append(MASK)
            shift += len(MASK) - (end - start)
        else:
            parts.append(name[start:end])
            entities.append(Entity(entity.type, start + shift, end + shift, "redact", entity.score, entity.recognizer))
        pos = end
    parts.append(name[pos:])
    return "".join(parts), Analysis(lang, tuple(entities))
