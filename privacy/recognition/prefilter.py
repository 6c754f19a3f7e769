"""Which rules can fire in a text at all: a keyword prefilter derived from the rules' own triggers.

Why this exists: the recogniser tried every rule's trigger on every sentence, and those triggers are
case-insensitive alternations that begin with ``\\b``, for which Python's regex engine has no fast
scan: it tries every branch at every position. That was the largest self time of intake's profile
(issue 19). Most rules have none of their trigger words in a given message, so a rule is now run only
when one of its *required literals* occurs in the text.

The literals are read from the compiled trigger itself (``re._parser``, the parser ``re.compile``
uses): every branch of a trigger must contain one literal run ("verwijder", "right to ", "lösch"), so a
trigger that matches a sentence has one of its literals in that sentence, and hence in the text the
sentences were cut from. A trigger with a branch without a literal gets no filter (always run). Text
and literals are compared after ``fold``, which maps every character that the regex engine's
IGNORECASE equates with a literal character to that character's fold (``tests/privacy`` checks this
for every code point), so the prefilter never drops a rule that would have fired: the labels,
reasons and ``possible`` flags are exactly those of the full scan (also tested over every training
and tuning message).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined, unused-ignore]  # the regex parser's node kinds
from re import _parser as sre_parse  # type: ignore[attr-defined, unused-ignore]  # which one mypy knows varies by run
from typing import Any, Generic, Protocol, TypeVar

# Characters the regex engine's IGNORECASE equates with an ASCII letter although str.lower() does not
# map them to it: dotted and dotless I, the long s. (The Kelvin sign lowers to "k" already.)
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """Lower case, with the few characters above folded as the regex engine's IGNORECASE folds them."""
    return text.translate(_FOLD).lower()


def _weakest(options: frozenset[str]) -> int:
    return min(len(s) for s in options)


def _required(nodes: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals of which every match of the node sequence contains at least one, or None if unknown.

    Consecutive literal characters are contiguous in every match; a group is required as a whole; an
    alternation requires one literal of each branch; a repeat at least once requires its body's.
    Assertions (look-arounds, ``\\b``) are skipped: they add no characters to the match."""
    best: frozenset[str] | None = None
    runs: list[str] = []
    run: list[str] = []
    for op, arg in [*nodes, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            runs.append("".join(run))
            run = []
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            found = _required(arg[-1])
        elif op is sre.BRANCH:
            branches = [_required(b) for b in arg[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            found = _required(arg[2])
        if found and (best is None or _weakest(found) > _weakest(best)):
            best = found
    if runs:
        longest = max(runs, key=len)
        if best is None or len(longest) >= _weakest(best):
            best = frozenset((longest,))
    return best


def raw_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literals, as written, one of which occurs in every match of ``pattern``; None when some match
    may contain none of them (then the pattern cannot be prefiltered)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser the next Python may change: no filter, never a wrong one
        return None
    literals = _required(list(parsed))
    if not literals or any(not s.strip() for s in literals):
        return None
    return literals


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """``raw_literals``, folded: what to look for in a folded text."""
    literals = raw_literals(pattern)
    return None if literals is None else frozenset(fold(s) for s in literals)


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _prefixes(nodes: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which every match of the node sequence begins with, or None if unknown.

    Zero-width items (``\\b``, look-arounds) before the first character are skipped; a short literal run is
    extended by the group or alternation right after it ("m" + "ijn"/"'n"/"n")."""
    i = 0
    while i < len(nodes) and nodes[i][0] in _ZERO_WIDTH:
        i += 1
    run: list[str] = []
    while i < len(nodes) and nodes[i][0] is sre.LITERAL:
        run.append(chr(nodes[i][1]))
        i += 1
    if not run:
        if i == len(nodes):
            return None
        op, arg = nodes[i]
        if op is sre.SUBPATTERN:
            return _prefixes(arg[-1])
        if op is sre.BRANCH:
            branches = [_prefixes(b) for b in arg[1]]
            return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        return None
    head = "".join(run)
    if len(head) < 3 and i < len(nodes) and nodes[i][0] in (sre.SUBPATTERN, sre.BRANCH):
        tails = _prefixes([nodes[i]])
        if tails is not None:
            return frozenset(head + t for t in tails)
    return frozenset((head,))


def raw_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literals, as written, one of which every match of ``pattern`` starts with (None: unknown)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser the next Python may change: no anchoring, never a wrong one
        return None
    prefixes = _prefixes(list(parsed))
    return prefixes if prefixes and all(prefixes) else None


def _opens_at_boundary(nodes: Sequence[tuple[Any, Any]]) -> bool:
    """Whether every match of the node sequence starts with ``\\b`` (its first item, or that of each branch)."""
    if not nodes:
        return False
    op, arg = nodes[0]
    if op is sre.AT:
        return bool(arg is sre.AT_BOUNDARY)
    if op is sre.SUBPATTERN:  # (group, add_flags, del_flags, items): flags could change what \b means
        return not arg[1] and not arg[2] and _opens_at_boundary(list(arg[3]))
    if op is sre.BRANCH:
        return all(_opens_at_boundary(list(branch)) for branch in arg[1])
    return False


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the first characters of its matches (the same matches, the same groups),
    or ``pattern`` itself when they are unknown.

    Speed-up only (issue 19), for a big alternation searched in a whole text: ``re`` has no fast scan for it and
    tries every branch at every place; behind the look-ahead most places fail on one character test. The class is
    case-insensitive whatever the pattern's flags (a superset is safe), and a ``\\b`` that every match opens with
    is tested before it.
    """
    prefixes = raw_prefixes(pattern)
    if prefixes is None:
        return pattern
    firsts = "".join(sorted({re.escape(prefix[0]) for prefix in prefixes}))
    lead = r"\b" if _opens_at_boundary(list(sre_parse.parse(pattern.pattern, pattern.flags))) else ""
    try:
        return re.compile(lead + "(?=(?i:[" + firsts + "]))(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:  # e.g. global flags inside the source, which may not be wrapped
        return pattern


class HasTrigger(Protocol):
    @property
    def trigger(self) -> re.Pattern[str]: ...


R = TypeVar("R", bound=HasTrigger)


class TriggerIndex(Generic[R]):
    """The rules of a table, with the literals that let each one be skipped; built once per table.

    ``present`` lists the literals a text holds (all of them checked once per message, then only those
    among its sentences), ``select`` the rules those literals leave. ``prefilter=False`` selects every
    rule every time: the full scan, which the prefiltered one must equal (tests/privacy)."""

    def __init__(self, rules: Sequence[R], *, prefilter: bool = True) -> None:
        self.rules = tuple(rules)
        self.literals = tuple(required_literals(rule.trigger) if prefilter else None for rule in self.rules)
        self.words: frozenset[str] = frozenset().union(*(s for s in self.literals if s is not None))
        self._keyed = _Keyed((s, s) for s in self.words)
        # per literal the positions of the rules that need it, and the rules without a filter: ``select`` then reads
        # the few literals a sentence holds instead of testing every rule of the table (issue 19)
        by_literal: dict[str, set[int]] = {}
        for i, literals in enumerate(self.literals):
            for literal in literals or ():
                by_literal.setdefault(literal, set()).add(i)
        self._by_literal = {literal: frozenset(rules) for literal, rules in by_literal.items()}
        self._always = frozenset(i for i, literals in enumerate(self.literals) if literals is None)

    def present(self, text: str | Folded, among: frozenset[str] | None = None) -> frozenset[str]:
        """The literals (of ``among``, or of every rule) that occur in ``text``. Of every rule, in a ``Folded``
        text, only those whose key (``_key``) is among its trigrams are searched for."""
        if isinstance(text, str):
            text = Folded(text)
        if among is None:  # (a sentence is asked for the few literals ``among`` of its message: no trigrams then)
            return frozenset(self._keyed.holding(text, text))
        folded = text.folded
        return frozenset(s for s in among if s in folded)

    def select(self, present: frozenset[str]) -> tuple[R, ...]:
        """The rules (in table order) whose trigger may match a text holding the literals ``present``."""
        chosen = set(self._always)
        for literal in present:
            chosen.update(self._by_literal.get(literal, ()))
        return tuple(self.rules[i] for i in sorted(chosen))


def _top_level(source: str) -> list[str] | None:
    """``source`` cut at its top-level ``|``; None when it cannot be read (an unbalanced bracket)."""
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: "]" right after "[" or "[^" is a member, not its end
            i += 2 if source.startswith("[^", i) else 1
            i += 1 if i < n and source[i] == "]" else 0
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    if depth or i > n:
        return None
    parts.append(source[start:])
    return parts


def alternatives(source: str) -> list[str]:
    """The alternatives of a regex source, a non-capturing group that is a whole alternative opened up in turn
    ("(?:a|b)|c" -> a, b, c): the pattern matches somewhere in a text exactly when one of them does."""
    parts = _top_level(source)
    if parts is None:
        return [source]
    out: list[str] = []
    for part in parts:
        inner = part[3:-1] if part.startswith("(?:") and part.endswith(")") else None
        # "(?:a)|(?:b)" is one group only if its "(" closes at the very end: "(?:a)(?:b)" is none
        if inner is not None and _top_level(inner) is not None:
            out.extend(alternatives(inner))
        else:
            out.append(part)
    return out


# Characters from common to rare in the four languages' lower-cased text: a literal is looked up by its rarest
# trigram (``_key``), the one a text that lacks the literal most likely lacks too.
_COMMON = " etnaroisdlhgkumvcwbpfjzyxq"


def _key(literal: str) -> str:
    """The trigram of a folded literal by which it is first looked up (the literal itself when shorter)."""
    if len(literal) < 3:
        return literal
    rarity = {c: _COMMON.find(c) % (len(_COMMON) + 1) for c in literal}  # a character not listed: rarest
    return max((literal[i:i + 3] for i in range(len(literal) - 2)), key=lambda g: sum(rarity[c] for c in g))


class Folded:
    """A text as the literal gates read it: folded (``fold``) once, with the set of its character trigrams, so
    that a table's literals are looked up with one set intersection in C instead of a substring search each
    (issue 19)."""

    __slots__ = ("_grams", "answers", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self._grams: frozenset[str] | None = None
        # whether each cue part (by its ``_part_id``) matches this text: several cues share parts (PD_STRONG, PD_WEAK
        # and PD_FIELD are parts of DATA_CUE, of the complaint topic and of the rectification object), and a cue is
        # often asked twice of one text, so each part is run at most once per text (issue 19)
        self.answers: dict[int, bool] = {}

    @property
    def grams(self) -> frozenset[str]:
        """The folded text's character trigrams, made at the first question (most sentences are asked none)."""
        if self._grams is None:
            folded = self.folded
            self._grams = frozenset(map("".join, zip(folded, folded[1:], folded[2:], strict=False)))
        return self._grams


T = TypeVar("T")


class _Keyed(Generic[T]):
    """Items filed under the literals they need: those whose literal may be in a text, found by the literals' keys
    (``_key``) among the text's trigrams; a literal shorter than a trigram is searched for as it is."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        by_key: dict[str, dict[str, set[T]]] = {}
        for literal, item in items:
            by_key.setdefault(_key(literal), {}).setdefault(literal, set()).add(item)
        # per key, its literals and the items each is needed by (a literal shorter than a trigram is its own key)
        self.by_key = {k: tuple((literal, frozenset(v)) for literal, v in pairs.items())
                       for k, pairs in by_key.items() if len(k) >= 3}
        self.keys = frozenset(self.by_key)
        self.short = tuple((literal, frozenset(v)) for k, pairs in by_key.items() if len(k) < 3
                           for literal, v in pairs.items())

    def holding(self, source: Folded, text: Folded) -> set[T]:
        """The items one of whose literals is in ``text``. Only the literals whose key is among the trigrams of
        ``source``, a text that holds ``text`` (a sentence's message, or ``text`` itself), are searched for: a literal
        in ``text`` has its key among ``text``'s trigrams and so among ``source``'s (issue 19: the literals of the
        matched keys only, where each item's every literal was searched for)."""
        out: set[T] = set()
        folded = text.folded
        for key in self.keys.intersection(source.grams):
            for literal, items in self.by_key[key]:
                if literal in folded:
                    out |= items
        for literal, items in self.short:
            if literal in folded:
                out |= items
        return out


_PART_IDS: dict[tuple[str, int], int] = {}


def _part_id(pattern: re.Pattern[str]) -> int:
    """One number per regex source and flags: the same part of two cues is one answer in ``Folded.answers``."""
    return _PART_IDS.setdefault((pattern.pattern, pattern.flags), len(_PART_IDS))


class Cue:
    """A big alternation asked only *whether* it occurs in a text (``recognizer.model_may_label``'s cues).

    Each alternative is its own pattern with its own literals: only those whose literal the folded text holds
    are run, so a text runs the few branches that can match instead of every branch at every position. The
    literals are looked up by their rarest trigram first, all of the cue's at once (``Folded``), then whole."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        parts = [re.compile(source, pattern.flags) for source in alternatives(pattern.pattern)]
        if pattern.groups or any(p.groups for p in parts):  # a group a back-reference could name: leave it whole
            parts = [pattern]
        self.parts = tuple((required_literals(p), p) for p in parts)
        # per part, the folded literals its every match starts with: where they occur is where a match may start
        self._starts = tuple(None if (raw := raw_prefixes(p)) is None else tuple(sorted({fold(x) for x in raw}))
                             for _, p in self.parts)
        self._always = frozenset(i for i, (literals, _) in enumerate(self.parts) if literals is None)
        self._keyed = _Keyed((s, i) for i, (literals, _) in enumerate(self.parts) for s in literals or ())
        self._ids = tuple(_part_id(p) for _, p in self.parts)

    def found_in(self, text: Folded, within: Folded | None = None) -> bool:
        """Whether ``pattern`` matches somewhere in ``text``; ``within``: a text that holds ``text`` (a sentence's
        message), whose trigrams are looked up instead (made once, where a sentence's would be made per sentence)."""
        # the parts with a literal in the text, and those without literals: no other part can match
        candidates = self._keyed.holding(within or text, text) | self._always
        answers = text.answers
        for i in sorted(candidates):  # (any order gives the same answer; this one is the pattern's)
            found = answers.get(self._ids[i])
            if found is None:
                found = answers[self._ids[i]] = _occurs(self.parts[i][1], self._starts[i], text)
            if found:
                return True
        return False


def _occurs(part: re.Pattern[str], starts: tuple[str, ...] | None, text: Folded) -> bool:
    """``part.search(text.text)``, as a match at each place one of the literals ``starts`` (folded) begins when
    those are known: a few attempts where a full search tries every position of the text."""
    folded = text.folded
    if starts is None or len(folded) != len(text.text):  # (fold keeps the length: the places are the text's)
        return part.search(text.text) is not None
    match = part.match
    for literal in starts:
        at = folded.find(literal)
        while at >= 0:
            if match(text.text, at):  # (``\\b`` and look-behinds still see the text before ``at``)
                return True
            at = folded.find(literal, at + 1)
    return False
