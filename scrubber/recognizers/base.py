"""Shared machinery for our regex recognizers: rules with validation and bilingual context.

Presidio's own context enhancer matches lemmas from a trained pipeline; we only have blank spaCy
pipelines (no lemmas) and messages mix Dutch and English, so each rule checks its own context: a
compiled alternation of Dutch and English cue words in a window before (and optionally after) the
match, on the same line. A rule with ``score == 0`` fires only with context.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


def first_letter_guard(alternation: str) -> str:
    """A look-ahead for the first letters of a case-insensitive alternation, or "" when they are unclear.

    Speed-up only: placed before the alternation it changes no match, but at most positions it fails on
    one character test instead of trying every alternative (``re`` tries them one by one). The letters
    are known when every top-level alternative starts with a plain letter that is not optional. Placed
    before the look-behind that usually opens such a pattern too (both test the same place): the guard is
    the cheaper test and fails at more places (issue 19).
    """
    alternatives: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2  # an escaped character is never structure
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 if alternation[i + 1 : i + 2] != "]" else 2  # "[]...]": a leading "]" is a member
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(alternation[start:i])
            start = i + 1
        i += 1
    alternatives.append(alternation[start:])
    letters = set()
    for alt in alternatives:
        if not alt[:1].isascii() or not alt[:1].isalpha() or alt[1:2] in ("?", "*", "{"):
            return ""
        letters.add(alt[0].lower())
    return "(?=(?i:[" + "".join(sorted(letters)) + "]))"


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive cue-word pattern; alternatives are regex fragments matched at word starts."""
    alternation = "|".join(alternatives)
    return re.compile(first_letter_guard(alternation) + r"(?<![^\W_])" + "(?:" + alternation + ")", re.IGNORECASE)


def digits_of(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


_LEAD_TAGS = re.compile(r"(?:<[a-zA-Z][\w-]{0,12}>)+")
_TRAIL_TAGS = re.compile(r"(?:</?[a-zA-Z][\w-]{0,12}/?>)+$")


def html_tag_edges(token: str) -> tuple[int, int]:
    """Where a token starts and ends inside the HTML tags around it ("<pre>x</pre>", "<p>x<br>": HTML left in a
    mail's text); (0, len(token)) when it has none."""
    lead = _LEAD_TAGS.match(token)
    start = lead.end() if lead else 0
    trail = _TRAIL_TAGS.search(token, start)
    return start, trail.start() if trail else len(token)


def line_window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """The text before and after a span, limited to ``before``/``after`` characters and the same line."""
    left = text[max(0, start - before) : start]
    nl = left.rfind("\n")
    if nl >= 0:
        left = left[nl + 1 :]
    right = text[end : end + after]
    nl = right.find("\n")
    if nl >= 0:
        right = right[:nl]
    return left, right


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern for one entity type.

    ``score`` applies without context, ``context_score`` when ``context`` matches near the value.
    ``group`` selects the value inside the match (so a pattern may include its keyword).
    """

    entity: str
    pattern: re.Pattern[str]
    score: float = 0.5
    context: re.Pattern[str] | None = None
    context_score: float = 0.9
    validate: Callable[[str], bool] | None = None
    group: str | int = 0
    before: int = 45
    after: int = 0
    # Optional speed-up, no change in results: when every match of ``pattern`` is free of whitespace and
    # contains a match of ``hint``, only the whitespace-delimited runs holding a hint are scanned.
    hint: re.Pattern[str] | None = None
    # Optional speed-up, no change in results: lower-case ASCII literals one of which every match
    # contains (its cue word), so a text holding none of them is not scanned; see ``may_contain``.
    stems: tuple[str, ...] = ()
    # Optional speed-up for a rule that fires only with context (``score == 0``), no change in results:
    # every match of ``context`` in any part of the text contains one of ``context_stems`` (as ``stems``)
    # or a match of ``context_hint``, so a text holding neither is not scanned. (Stems are tested first:
    # a substring test is far cheaper than a search for a case-insensitive alternation.)
    context_stems: tuple[str, ...] = ()
    context_hint: re.Pattern[str] | None = None
    # Optional speed-up, no change in results: a pattern that matches somewhere in every text holding a match
    # (a cheap necessary condition, e.g. the digits every value holds), so a text without it is not scanned.
    gate: re.Pattern[str] | None = None


_SPACE = re.compile(r"\s")
# Non-ASCII characters that re.IGNORECASE equates with an ASCII letter, or whose lower-case form holds
# one (Kelvin sign, long s, dotless/dotted i, sharp s, ligatures; found by scanning all of Unicode).
_CASE_GUARD = re.compile("[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]")


# (text, its ``lowered_for_stems``) of the last text lowered: most recognizers of an analysis pass ask about the same
# text object, some seventeen times per message (compared by identity; a tuple is read and replaced atomically, so
# threads at worst lower again). ``forget_count`` drops it when the pass is over.
_last_lowered: tuple[str, str | None] = ("", "")


def lowered_for_stems(text: str) -> str | None:
    """``text.lower()`` for ``may_contain``; None when a character above makes stem tests unsafe."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower() if text.isascii() or not _CASE_GUARD.search(text) else None
    _last_lowered = (text, lowered)
    return lowered


def may_contain(lowered: str | None, stems: Sequence[str]) -> bool:
    """False only when no case-insensitive match of a cue containing one of ``stems`` can be in the text.

    A case-insensitive match of an ASCII letter is that letter in either case or a character of
    ``_CASE_GUARD``; without those, the matched cue shows as the lower-case stem in ``text.lower()``.
    """
    return lowered is None or any(map(lowered.__contains__, stems))  # (map: no generator frame per stem)


def runs_with(text: str, hint: re.Pattern[str], stop: re.Pattern[str] = _SPACE) -> list[tuple[int, int]]:
    """The whitespace-delimited runs of ``text`` that contain a match of ``hint``, in order.

    ``stop`` (one character class) may name other delimiters than whitespace; the runs are then those
    between two characters of that class, and what is said below of whitespace holds for that class.
    A ``hint`` match must not hold a delimiter (each run is searched for its first hint only).

    A pattern whose every match is free of whitespace and contains a ``hint`` match finds exactly the
    same spans with ``pattern.finditer(text, start, end)`` over these runs as over the whole text: a
    match cannot start in another run, look-behinds still see the text before ``start``, and a run ends
    at whitespace or at the end of the text, where look-aheads and ``\b`` behave alike (the pattern must
    not test for whitespace or ``$`` after the match). Scanning only the runs is much cheaper for
    patterns that begin with a look-behind or are case-insensitive (no fast prefix search in ``re``).
    """
    runs: list[tuple[int, int]] = []
    rev: str | None = None
    n = len(text)
    search = hint.search
    m = search(text)
    while m is not None:
        p = m.start()
        if rev is None:
            rev = text[::-1]
        before = stop.search(rev, n - p)  # the nearest delimiter before p
        after = stop.search(text, p)
        end = after.start() if after else n
        runs.append((n - before.start() if before else 0, end))
        # the next run's hint: a hint match starting in this run only finds this run again
        m = search(text, end) if end < n else None
    return runs


def lines_with(text: str, hint: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` holding a ``hint`` match; ``end`` is the newline's index.

    A ``hint`` match must not hold a newline (each line is searched for its first hint only).
    """
    lines: list[tuple[int, int]] = []
    n = len(text)
    search = hint.search
    m = search(text)
    while m is not None:
        p = m.start()
        line_end = text.find("\n", p)
        line_end = n if line_end < 0 else line_end
        lines.append((text.rfind("\n", 0, p) + 1, line_end))
        m = search(text, line_end + 1) if line_end < n else None
    return lines



def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, split at "\\n"; ``end`` is the newline's index."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans

def finditer_lines(
    pattern: re.Pattern[str],
    text: str,
    lines: Sequence[tuple[int, int]],
    overhang: int,
    starts: re.Pattern[str] | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when no match can start on a line outside ``lines`` (see ``lines_with``).

    Also required: matching from any start on a line reads at most ``overhang`` characters past the
    line's end (patterns whose start and hint stay on one line and whose tail is bounded). Then each
    search, limited to ``end + overhang``, finds what a search of the whole text would from that line.

    ``starts`` (optional, speed-up only): a pattern whose matches start wherever a match of ``pattern`` can
    start (e.g. ``WORD_START`` for a pattern opening with ``(?<![\\w-])`` and a non-space character). Then
    ``pattern`` is tried only at those places on the line (``match``, in order: the first that matches is
    what ``search`` finds) instead of a search that also tries every place of the ``overhang`` after the
    line in vain (issue 19: most of the address rules' time on a long line of short runs).
    """
    n = len(text)
    pos = 0
    for line_start, line_end in lines:
        start = max(line_start, pos)
        stop = min(n, line_end + overhang)
        while start <= line_end:
            m: re.Match[str] | None
            if starts is None:
                m = pattern.search(text, start, stop)
                if m is None or m.start() > line_end:
                    break
            else:
                for w in starts.finditer(text, start, line_end + 1):
                    m = pattern.match(text, w.start(), stop)
                    if m is not None:
                        break
                else:
                    break
            yield m
            pos = start = m.end() if m.end() > m.start() else m.end() + 1


# Where a word can start: after no word character or dash (what ``(?<![\w-])`` asks), at a non-space character;
# the ``starts`` of ``finditer_lines`` for patterns that begin so.
WORD_START = re.compile(r"(?<![\w-])\S")


# ``re``'s parser and its opcodes, for the parse tree ``min_digits`` reads (typeshed has no stubs for them)
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
_DIGITS = range(ord("0"), ord("9") + 1)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def min_digits(pattern: re.Pattern[str] | None) -> int:
    """The fewest decimal digits (``\\d``) a text holding a match of ``pattern`` holds (0 for None).

    Read from the pattern's parse tree, conservatively: the digit-only items every match passes (an
    optional part counts 0, alternatives their smallest count, a repeat its minimum times its body), added
    up since they are different characters of the text; a look-around that must hold counts on its own
    (its characters may be the match's). Lets a recognizer skip a text with fewer digits than any of its
    results needs (``scrubber.analysis_pass``): subjects ("Vraag 12"), names, file names.
    """
    if pattern is None:
        return 0
    consumed, asserted = _digit_counts(sre_parse.parse(pattern.pattern, pattern.flags).data)
    return max(consumed, asserted)


_DIGIT = re.compile(r"\d")
# the most digits ``count_digits`` counts (every ``min_digits`` figure a recognizer or rule uses is capped to it)
DIGITS_CAP = 16
_SHORT_TEXT = 2000
# (text, its ``count_digits``) of the last text counted: the analysis pass and then each rule recognizer ask about
# the same text object, so it is counted once (compared by identity; a tuple is read and replaced atomically, so
# threads at worst count again)
_last_count: tuple[str, int] = ("", 0)


def forget_count(text: str) -> None:
    """Drop the remembered count of ``text`` and the last lowered text when its analysis pass is over, so that this
    module's globals do not keep a message's raw, unscrubbed text alive after the message was handled (the lowered
    one may be a view or a line of it: dropped whatever it is)."""
    global _last_count, _last_lowered
    if _last_count[0] is text:
        _last_count = ("", 0)
    _last_lowered = ("", "")


def count_digits(text: str) -> int:
    """The decimal digits (``re``'s ``\\d``) ``text`` holds, or some figure of at least ``DIGITS_CAP`` when more.

    A short ASCII text is counted by ``str.count`` (in ASCII ``\\d`` is 0-9), a few microseconds less than walking
    the matches; a longer one stops at the cap, which is soon reached where digits are many.
    """
    global _last_count
    last = _last_count
    if last[0] is text:
        return last[1]
    if len(text) <= _SHORT_TEXT and text.isascii():
        count = sum(map(text.count, "0123456789"))
    else:
        count = 0
        for _ in _DIGIT.finditer(text):
            count += 1
            if count >= DIGITS_CAP:
                break
    _last_count = (text, count)
    return count


def _digit_only(members: Any) -> bool:
    return bool(members) and all(
        (kind is sre.CATEGORY and arg is sre.CATEGORY_DIGIT)
        or (kind is sre.RANGE and arg[0] in _DIGITS and arg[1] in _DIGITS)
        or (kind is sre.LITERAL and arg in _DIGITS)
        for kind, arg in members
    )


def _digit_counts(items: Any) -> tuple[int, int]:
    """(digits the items consume at least, digits a look-around among them sees at least)."""
    consumed = asserted = 0
    for op, av in items:
        if op is sre.IN:
            consumed += _digit_only(av)
        elif op is sre.LITERAL:
            consumed += av in _DIGITS
        elif op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            c, a = _digit_counts(av[3] if op is sre.SUBPATTERN else av)  # (group, add_flags, del_flags, items)
            consumed, asserted = consumed + c, max(asserted, a)
        elif op in _REPEATS:  # (min, max, items)
            c, a = _digit_counts(av[2])
            consumed, asserted = consumed + av[0] * c, max(asserted, a if av[0] else 0)
        elif op is sre.BRANCH:  # (None, branches): whichever matched
            counts = [_digit_counts(branch) for branch in av[1]]
            consumed += min(c for c, _ in counts)
            asserted = max(asserted, min(a for _, a in counts))
        elif op is sre.ASSERT:  # a look-ahead or look-behind that must hold: (direction, items)
            asserted = max(asserted, *_digit_counts(av[1]))
    return consumed, asserted


# One rule's precomputed tests in ``RuleRecognizer``: the rule, the fewest digits a text holds where it fires
# (``min_digits`` of its pattern and gate, capped at ``DIGITS_CAP``), its stems (None: no stem test), its context
# stems when they decide whether it can fire (a rule with ``score <= 0``; else None), and the slots of its
# gate, shared pattern and hint (-1: none).
_Step = tuple[Rule, int, tuple[str, ...] | None, tuple[str, ...] | None, int, int, int]


class RuleRecognizer(EntityRecognizer):
    """Runs a list of ``Rule``s; language-independent (cue words of both languages are in each rule)."""

    def __init__(self, name: str, rules: Sequence[Rule], lang: str) -> None:
        self.rules = tuple(rules)
        # Per rule: the slot of its pattern when another rule has the same pattern (scanned once, shared),
        # else -1; the slot of its hint's runs; the slot of its gate (a gate shared by several rules is
        # searched once). Slots are list indexes fixed here: hashing a compiled pattern hashes its whole
        # program, too costly to repeat for every rule of every message.
        patterns = [r.pattern for r in self.rules]
        repeated = [p for i, p in enumerate(patterns) if patterns.count(p) > 1 and patterns.index(p) == i]
        shared_slot = [repeated.index(p) if p in repeated else -1 for p in patterns]
        hints = list(dict.fromkeys(r.hint for r in self.rules if r.hint is not None))
        hint_slot = [hints.index(r.hint) if r.hint is not None else -1 for r in self.rules]
        gates = list(dict.fromkeys(r.gate for r in self.rules if r.gate is not None))
        self._hints = tuple(hints)
        self._gates = tuple(gates)
        self._n_shared = len(repeated)
        # the fewest digits a text holds where each rule fires: its match needs its pattern's, the text its gate's
        needs = [max(min_digits(r.pattern), min_digits(r.gate)) for r in self.rules]
        # The per-rule tests that decide, before any scan, whether a rule can fire, worked out once here
        # rather than read from the rule's fields for every message (on short texts, subjects and names,
        # that bookkeeping was most of these recognizers' time).
        self._steps: tuple[_Step, ...] = tuple(
            (
                r,
                min(DIGITS_CAP, needs[i]),
                r.stems or None,
                r.context_stems if r.score <= 0 and r.context_stems else None,
                gates.index(r.gate) if r.gate is not None else -1,
                shared_slot[i],
                hint_slot[i],
            )
            for i, r in enumerate(self.rules)
        )
        # the steps of the rules whose entity is asked for, per requested entity list (a few fixed lists)
        self._plans: dict[tuple[str, ...], tuple[_Step, ...]] = {}
        # The fewest digits a text holds where some rule fires (read by ``scrubber.analysis_pass``, which counts a
        # text's digits once for all recognizers). Only for this class's own ``analyze``, since a subclass's may find
        # more than its rules (one that only filters their results may set ``digits_needed`` from
        # ``rules_digits_needed``).
        self.rules_digits_needed = min(needs, default=0)
        self.digits_needed = self.rules_digits_needed if type(self).analyze is RuleRecognizer.analyze else 0
        super().__init__(
            supported_entities=sorted({r.entity for r in self.rules}),
            supported_language=lang,
            name=name,
        )

    def load(self) -> None:
        """Nothing to load: patterns are compiled at import."""

    def _plan(self, entities: list[str]) -> tuple[_Step, ...]:
        """The steps of the rules whose entity is in ``entities`` (all of them when it is empty), in rule order."""
        key = tuple(entities) if entities else ()
        plan = self._plans.get(key)
        if plan is None:  # (a race builds the same tuple twice; dict assignment is atomic)
            wanted = set(key)
            plan = self._plans[key] = tuple(s for s in self._steps if not wanted or s[0].entity in wanted)
        return plan

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        runs: list[list[tuple[int, int]] | None] = [None] * len(self._hints)
        lowered: str | None = None
        lowered_done = False
        shared: list[list[re.Match[str]] | None] = [None] * self._n_shared
        gates: list[bool | None] = [None] * len(self._gates)
        digits = -1  # the text's ``count_digits``, once a rule needs digits
        for rule, least, stems, context_stems, gate_slot, shared_slot, hint_slot in self._plan(entities):
            if least:
                # (speed-up only, issue 19: a rule needing more digits than the text holds finds nothing; NationalId's
                # thirty rules need 4 to 13, most texts hold fewer than most of them)
                if digits < 0:
                    digits = count_digits(text)
                if digits < least:
                    continue
            if stems is not None or context_stems is not None:
                if not lowered_done:
                    lowered, lowered_done = lowered_for_stems(text), True
                # (``may_contain`` written out: this runs for most rules of every message)
                if lowered is not None:
                    if stems is not None and not any(map(lowered.__contains__, stems)):
                        continue
                    if (
                        context_stems is not None
                        and not any(map(lowered.__contains__, context_stems))
                        and (rule.context_hint is None or rule.context_hint.search(text) is None)
                    ):
                        continue
            if gate_slot >= 0:
                open_gate = gates[gate_slot]
                if open_gate is None:
                    open_gate = gates[gate_slot] = self._gates[gate_slot].search(text) is not None
                if not open_gate:
                    continue
            matches: Iterable[re.Match[str]]
            found = shared[shared_slot] if shared_slot >= 0 else None
            if found is not None:
                matches = found
            elif hint_slot < 0:
                matches = rule.pattern.finditer(text)
            else:
                spans = runs[hint_slot]
                if spans is None:
                    spans = runs[hint_slot] = runs_with(text, self._hints[hint_slot])
                matches = (m for start, end in spans for m in rule.pattern.finditer(text, start, end))
            if shared_slot >= 0 and found is None:  # the same pattern in several rules: scan once
                matches = shared[shared_slot] = list(matches)
            for m in matches:
                start, end = m.span(rule.group)
                if start >= end:
                    continue
                if rule.validate is not None and not rule.validate(text[start:end]):
                    continue
                score = rule.score
                if rule.context is not None and score < rule.context_score:
                    left, right = line_window(text, m.start(), m.end(), rule.before, rule.after)
                    if rule.context.search(left) or (right and rule.context.search(right)):
                        score = rule.context_score
                if score > 0:
                    results.append(RecognizerResult(rule.entity, start, end, score))
        return results


class SingleEntityRecognizer(EntityRecognizer):
    """A recognizer of one entity type with nothing to load: a subclass sets ``ENTITY`` and writes ``find``.

    Its Presidio name is its class name; ``analyze`` returns nothing when ``ENTITY`` is not asked for.
    """

    ENTITY: ClassVar[str]

    def __init__(self, lang: str) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=lang, name=type(self).__name__)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        """Every ``ENTITY`` in the text."""
        raise NotImplementedError
