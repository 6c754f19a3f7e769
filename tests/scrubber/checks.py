"""Checks shared by the recognizer modules' tests.

``TableCheck`` is the type of the recognizer-table fixtures (``tests/scrubber/conftest.py``). The rest
check that the scanning short-cuts change no result: ``Rule.stems``/``may_contain``,
``Rule.hint``/``runs_with``, ``Rule.context_stems``, first-letter guards, and patterns rewritten to
start with a plain character (their plain forms stay in the tests), each on random texts against a
scan of the whole text or the plain pattern. (Their asserts are rewritten by pytest, see conftest.py.)
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from types import ModuleType

from scrubber.recognizers import base

# check(text, value, entity type): one row of a recognizer table
TableCheck = Callable[[str, str, str], None]


def samples(pattern: re.Pattern[str], extra: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = sorted(set(re.findall(r"[A-Za-z][A-Za-z'.-]+", pattern.pattern))) + list(extra)
    glue = [" ", ": ", " nr ", "\n", "-", " is ", "", ".", "\t", "@", "://"]
    values = ["12345678", "0612345678", "F2025-004317", "AB-12-CD", "12/27", "192.168.1.1", "fe80::1", "a@b.nl",
              "www.x.nl", "secret!9", "K", "İ", "ſ", "é", ""]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 4)):
            word = rng.choice(pieces)
            parts += ["".join(c.upper() if rng.random() < 0.3 else c for c in word), rng.choice(glue),
                      rng.choice(values), rng.choice(glue)]
        out.append("".join(parts))
    return out


def fuzz_texts(pieces: tuple[str, ...], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = ("", " ", "\n", ".", ",", "-", "/", "x", "+", ":", "\t", "é")
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 8))) for _ in range(n)]


NUMBER_PIECES = (
    "111222333", "111 222 333", "111.222.333", "111-222-333", "1112 22 333", "11.122.23.33", "85.07.30-033.61",
    "850730 033 61", "85073003361", "AB123456C", "AB 12 34 56 C", "AB-12-34-56-C", "BG123456A", "GB 12 34 56 A",
    "ZZ123456D", "QQ123456A", "4111 1111 1111 1111", "5500-0000-0000-0004", "4111111111111111", "2",
    "+31 6 12345678", "0031612345678", "(020) 123 4567", "06-12345678", "0612345678", "NL123456789B01",
    "NL 123456789 B 01", "BE0123.456.789", "BE 0123 456 789", "DE123456789", "GB123 4567 89", "FRAB123456789",
    "ATU12345678", "PL1234567890", "ESX1234567X", "IT12345678901", "LU12345678", "DK12345678", "SE123456789001",
    "FI12345678", "IE1234567X", "PT123456789", "CZ12345678", "XT12345678", "NZ12345678",
    "0", "00", "(0", "+", "123 456", "123456", "1234567", "x1", "A", "B", "G", "N", "K", "T", "Z",
)


def check_stems_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    for text in samples(pattern, ("t.n.v.", "T.N.V", "tn.v", "t.nv"), 3000, 1):
        if pattern.search(text):
            assert base.may_contain(base.lowered_for_stems(text), stems), text


def check_hinted_runs(rule: base.Rule) -> None:
    assert rule.hint is not None
    for text in samples(rule.pattern, (), 3000, 2):
        whole = [m.span() for m in rule.pattern.finditer(text)]
        runs = [m.span() for s, e in base.runs_with(text, rule.hint) for m in rule.pattern.finditer(text, s, e)]
        assert runs == whole, text


def check_context_stems(rule: base.Rule) -> None:
    assert rule.context is not None and rule.score <= 0
    pieces = sorted(set(re.findall(r"[A-Za-zé][A-Za-zé.]+", rule.context.pattern)))
    rng = random.Random(23)
    extra = ("12", "40", " ", "GEB", "Née", "NÉE\tLe", "ne  le", "D.O.B", "ſ", "\u212a", "İ")
    for text in fuzz_texts((*pieces, *extra), 3000, 24):
        lowered = base.lowered_for_stems(text)
        hinted = base.may_contain(lowered, rule.context_stems) or bool(
            rule.context_hint and rule.context_hint.search(text)
        )
        for _ in range(5):  # the rule searches context in windows of the text, cut anywhere
            i = rng.randint(0, len(text))
            j = rng.randint(i, len(text))
            if rule.context.search(text[i:j]):
                assert hinted, (text, i, j)


def guarded_patterns(module: ModuleType) -> list[re.Pattern[str]]:
    """The patterns of a module (and of its ``RULES``) that hold a ``base.first_letter_guard``."""
    found = {}
    candidates = [v for v in vars(module).values() if isinstance(v, re.Pattern)]
    candidates += [p for r in getattr(module, "RULES", ()) for p in (r.pattern, r.context) if p is not None]
    for p in candidates:
        if "(?=(?i:[" in p.pattern:
            found[(p.pattern, p.flags)] = p
    return list(found.values())


def check_first_letter_guard(pattern: re.Pattern[str]) -> None:
    plain = re.compile(re.sub(r"\(\?=\(\?i:\[[a-z]+\]\)\)", "", pattern.pattern), pattern.flags)
    assert plain.pattern != pattern.pattern
    for text in samples(pattern, ("KVK 12345678", "ſecret", "\u212aey", "İnlogcode", "ı"), 3000, 31):
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def check_rewritten_pattern(fast: re.Pattern[str], plain: str) -> None:
    slow = re.compile(plain)
    texts = fuzz_texts((*NUMBER_PIECES, "a" * 79, "b" * 81, "\u00a0"), 6000, 21)
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text
        assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in slow.finditer(text)], text
