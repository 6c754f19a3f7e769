"""Transformations of an identifier itself for the invariance tool (``eval/metamorphic.py``, issue 16).

Why this file exists: the tool's own transformations move a value's setting and keep the value; numbers are also
written in other shapes by the same people (other separators, groups of two to four, broken over a line end, lower
case, a table cell, a key=value line, no cue at all, a card with some digits masked or its expiry and code glued on).
These rewrite the value (those in ``REWRITES_VALUE``: the variant's span is then the rewritten value) or its line.
They are built by ``build`` from the tool's ``Variant`` and cue helper, so that this module imports nothing of it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

_ID_SEPARATORS = re.compile(r"[ .\-]")
NAMES_NEAR = ("Sanne de Wit", "Mark Evans", "Jonas Weber", "Claire Martin")
REWRITES_VALUE = frozenset({"regroup_space4", "regroup_space3", "regroup_space2", "regroup_dots", "regroup_dashes",
                            "regroup_mixed", "compact", "value_split_line", "value_lower", "card_masked"})
Transform = Callable[[str, int, int, random.Random], Any]


def compact_id(value: str) -> str | None:
    """The value without its separators when it is identifier-shaped (6+ letters and digits, a digit), else None."""
    compact = _ID_SEPARATORS.sub("", value)
    if "\n" in value or len(compact) < 6 or not compact.isalnum() or not any(c.isdigit() for c in compact):
        return None
    return compact


def card_digits(value: str) -> str | None:
    """The digits of a card-shaped value (13-19 digits and separators), else None."""
    compact = _ID_SEPARATORS.sub("", value)
    return compact if compact.isdigit() and 13 <= len(compact) <= 19 else None


def regrouped(compact: str, size: int, seps: str) -> str:
    """``compact`` in groups of ``size`` joined by the separators ``seps`` in turn (size 0: no groups)."""
    if size == 0:
        return compact
    groups = [compact[i:i + size] for i in range(0, len(compact), size)]
    return groups[0] + "".join(seps[i % len(seps)] + g for i, g in enumerate(groups[1:]))


def masked(value: str, mask: str) -> str:
    """The 7th to 10th digit of a card number replaced by ``mask``: the rest still shows."""
    positions = {i for i, c in enumerate(value) if c.isdigit()}
    hidden = sorted(positions)[6:10]
    return "".join(mask if i in hidden else c for i, c in enumerate(value))


def build(variant: Callable[[str, int, int], Any], cue_span: Callable[[str, int], tuple[int, int] | None],
          ) -> dict[str, Transform]:
    """The transformations by name, rendering with the tool's ``Variant`` and finding cues with its ``_cue_span``."""

    def replace(text: str, start: int, end: int, new: str) -> Any:
        return None if new == text[start:end] else variant(text[:start] + new + text[end:], start, start + len(new))

    def regroup(size: int, seps: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            compact = compact_id(text[start:end])
            return None if compact is None else replace(text, start, end, regrouped(compact, size, seps))
        return transform

    def split_line(text: str, start: int, end: int, rng: random.Random) -> Any:
        compact = compact_id(text[start:end])
        if compact is None or len(compact) < 8:
            return None
        groups = [compact[i:i + 4] for i in range(0, len(compact), 4)]
        half = len(groups) // 2
        return replace(text, start, end, " ".join(groups[:half]) + "\n" + " ".join(groups[half:]))

    def lower(text: str, start: int, end: int, rng: random.Random) -> Any:
        value = text[start:end]
        return None if compact_id(value) is None else replace(text, start, end, value.lower())

    def cue_line(text: str, start: int, end: int) -> tuple[int, str] | None:
        span = cue_span(text, start)
        if span is None or compact_id(text[start:end]) is None:
            return None
        return text.rfind("\n", 0, start) + 1, text[span[0]:span[1]].strip()

    def line_replaced(layout: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            found = cue_line(text, start, end)
            if found is None:
                return None
            line_start, cue = found
            line_end = text.find("\n", end)
            tail = "" if line_end < 0 else text[line_end:]
            value = text[start:end]
            if layout == "csv":
                head, row = f"{cue};status\n", f"{value};actief"
            elif layout == "markdown":
                head, row = f"| {cue} | status |\n|---|---|\n| ", f"{value} | ok |"
            else:
                head, row = re.sub(r"\W+", "_", cue.lower()).strip("_") + "=", value
            at = line_start + len(head)
            return variant(text[:line_start] + head + row + tail, at, at + len(value))
        return transform

    def cue_dropped(text: str, start: int, end: int, rng: random.Random) -> Any:
        found = cue_line(text, start, end)
        if found is None:
            return None
        return variant(text[:found[0]] + text[start:], found[0], found[0] + end - start)

    def name_near(text: str, start: int, end: int, rng: random.Random) -> Any:
        # (the name is not gold: stripping it counts as a new strip for this transformation)
        found = cue_line(text, start, end)
        if found is None:
            return None
        head = text[:found[0]] + rng.choice(NAMES_NEAR) + "\n"
        return variant(head + text[start:], len(head), len(head) + end - start)

    def card_masked(text: str, start: int, end: int, rng: random.Random) -> Any:
        # (15+ digits: eleven and more still show, more than PCI DSS lets show, so the card must still be stripped)
        value = text[start:end]
        digits = card_digits(value)
        if digits is None or len(digits) < 15:
            return None
        return replace(text, start, end, masked(value, rng.choice("X*")))

    def card_tail(tail: str) -> Transform:
        def transform(text: str, start: int, end: int, rng: random.Random) -> Any:
            if card_digits(text[start:end]) is None:
                return None
            return variant(text[:end] + tail + text[end:], start, end)
        return transform

    return {
        "regroup_space4": regroup(4, " "), "regroup_space3": regroup(3, " "), "regroup_space2": regroup(2, " "),
        "regroup_dots": regroup(3, "."), "regroup_dashes": regroup(4, "-"), "regroup_mixed": regroup(4, " -."),
        "compact": regroup(0, ""), "value_split_line": split_line, "value_lower": lower,
        "in_csv": line_replaced("csv"), "in_markdown": line_replaced("markdown"), "key_value": line_replaced("key"),
        "cue_dropped": cue_dropped, "name_near_no_cue": name_near, "card_masked": card_masked,
        "card_exp_cvc_after": card_tail(" exp 11/29 cvc 417"), "card_glued_tail": card_tail("/1129/417"),
    }
