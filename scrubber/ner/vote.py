"""How the model votes with the rules: only where the rules leave doubt, and never against them.

``model_votes(text, rule_results, recognizer)`` takes one chunk and the raw results of the rules on it
(before overlap resolution) and returns the model's extra candidates, to be resolved together with the
rules' (``scrubber.resolve``):

1. Where it runs (``doubt_regions``): the model is run only on lines where the rules leave doubt about
   the asked types, with the line before each as context; the selected lines are joined into one text,
   so the model runs at most once per chunk, and not at all when no line is in doubt. A line is in
   doubt for ADDRESS when the rules found an ADDRESS or POSTCODE on it (the model may find the rest of
   the value), or when a number of up to five digits stands next to a word and no rule explains it (a
   street address the address rules do not know); for PERSON when the rules found a PERSON on it, when
   it is a greeting, a closing or one of the three lines after a closing (signatures), or when it holds
   a cue for a person (relatives, colleagues, "naam:", "ik ben", "this is", "namens", "t.a.v.", ...);
   a short text (a chat message: under ``SHORT_TEXT`` characters) is in doubt for PERSON as a whole.
2. What it adds: a span of the model that overlaps no result of the rules is a new candidate (score
   0.5, below every rule, above the engine's 0.4 threshold). A span that overlaps only rule results it
   may take over (``_ABSORBS``: its own type; for an ADDRESS also a POSTCODE, a PERSON (a street named
   after someone) and a NUMBER) and reaches beyond them becomes one candidate covering all of them,
   scored just above the best, so that it replaces them in overlap resolution. A span that overlaps a
   result of any other type (an organisation, e-mail address, domain, phone number, ...) is dropped:
   the rules decide there.
3. What it must look like (``plausible``): a PERSON span loses leading and trailing lower-case everyday
   words ("Ruben Smeets neemt" -> "Ruben Smeets"); it is dropped when it holds digits or @ / : = # _,
   when it is one everyday word (the lexicon's vocabulary, function and common words: "Liefs", "She"),
   or when it is all lower case on a line that has capitals (a word, not a chat name); on an all
   lower-case line (chats) a lower-case span needs one word the lexicon knows as a first name or
   surname. An ADDRESS span must hold a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import RecognizerResult

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.ner.recognizer import NAME, NerModelRecognizer

SHORT_TEXT = 300
TYPES = ("PERSON", "ADDRESS")
_SEP = "\n\n"
# What a span of the model may take over: its own type, and for an address what an address contains (a
# postcode, a street named after a person, the house number the deny-by-default NUMBER rule caught).
_ABSORBS = {"PERSON": {"PERSON"}, "ADDRESS": {"ADDRESS", "POSTCODE", "PERSON", "NUMBER"}}
_NUMBER_NEXT_TO_WORD = re.compile(
    r"(?<![\w.,/-])(?:[^\W\d_][\w'’.-]{2,}\.?\s+\d{1,5}(?:[a-zA-Z]|-\w+)?(?![\w.,:/-]\d)"
    r"|\d{1,5}[a-zA-Z]?,?\s+[^\W\d_]{2,})"
)
_LINE_CUE = re.compile(  # at the start of a line: greetings, header and form fields
    r"(?i)^\s*(?:>\s*)*(?:hoi|hi|hallo|hello|hey|hiya|beste|dear|geachte|goedemorgen|goedemiddag|goedenavond|"
    r"morning|dag|van:|from:|aan:|to:|cc:|naam|name|contact\w*|gebruiker\w*|user\w*|login|t\.a\.v|fao|attn)\b"
)
_CUE = re.compile(  # anywhere: self-introductions, titles, relatives and colleagues
    r"(?i)(?<!\w)(?:ik ben|i am|i'm|this is|it's|dit is|hier is|namens|on behalf of|op naam van|in the name of|"
    r"account van|ter attentie|t\.a\.v|fao|attn|mevrouw|meneer|de heer|dhr|mevr|mr|mrs|ms|miss|dr|"
    r"(?:mijn|mn|m'n|onze|ons|zijn|haar|my|our|his|her)\s+(?:vrouw|man|echtgeno\w+|partner|vriend\w*|dochter|"
    r"zoon|moeder|vader|broer|zus|oom|tante|opa|oma|buur\w*|collega\w*|schoon\w+|wife|husband|girlfriend|"
    r"boyfriend|daughter|son|mother|mum|mom|father|dad|brother|sister|uncle|aunt|neighbou?r|colleague|"
    r"\w+-in-law))(?!\w)"
)
_CLOSING = re.compile(
    r"(?i)^\s*(?:>\s*)*(?:met vriendelijke groet\w*|vriendelijke groet\w*|groet\w*|gr\.?|mvg|hartelijke groet\w*|"
    r"kind regards|best regards|regards|best|cheers|thanks|many thanks|thank you|yours \w+|warm regards|"
    r"all the best|alvast bedankt|bedankt|dank je wel|liefs|thx)\b"
)


_NOT_IN_NAME = re.compile(r"[@/\\:=#_\d]")
_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:!?()[]\"'"


def _is_word(token: str, lex: Lexicon) -> bool:
    w = token.strip(_EDGE).lower()
    return w in lex.vocabulary or w in lex.function_words or w in lex.common_words


def plausible(text: str, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span trimmed to what can be a value of its type, or None (see the module docstring, 3)."""
    value = text[start:end]
    if label == "ADDRESS":
        return (start, end) if any(c.isdigit() for c in value) else None
    if _NOT_IN_NAME.search(value):
        return None
    tokens = [(m.start() + start, m.group()) for m in _TOKEN.finditer(value)]
    while tokens and tokens[-1][1].islower() and _is_word(tokens[-1][1], lex):
        tokens.pop()
    while tokens and tokens[0][1].islower() and _is_word(tokens[0][1], lex):
        tokens.pop(0)
    if not tokens:
        return None
    words = [token.strip(_EDGE) for _, token in tokens]
    if len(words) == 1 and _is_word(words[0], lex):
        return None
    if all(w.islower() for w in words):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if any(c.isupper() for c in line):
            return None
        if not any(w in lex.first_names or w in lex.surnames for w in words):
            return None
    return tokens[0][0], tokens[-1][0] + len(tokens[-1][1])


def _covered(results: Sequence[RecognizerResult], start: int, end: int) -> bool:
    return any(r.start <= start and end <= r.end for r in results)


def _person_doubt(line: str, start: int, end: int, results: Sequence[RecognizerResult]) -> bool:
    if any(r.entity_type == "PERSON" and r.start < end and start < r.end for r in results):
        return True
    return bool(_LINE_CUE.match(line) or _CUE.search(line))


def _address_doubt(line: str, start: int, end: int, results: Sequence[RecognizerResult]) -> bool:
    if any(r.entity_type in ("ADDRESS", "POSTCODE") and r.start < end and start < r.end for r in results):
        return True
    for m in _NUMBER_NEXT_TO_WORD.finditer(line):
        digits = [i for i, c in enumerate(m.group(), start=start + m.start()) if c.isdigit()]
        if not _covered(results, digits[0], digits[-1] + 1):
            return True
    return False


def doubt_regions(
    text: str, results: Sequence[RecognizerResult], types: Iterable[str] = TYPES
) -> list[tuple[int, int]]:
    """(start, end) of the stretches the model is run on for ``types`` (see the module docstring, 1)."""
    types = frozenset(types)
    if "PERSON" in types and len(text) < SHORT_TEXT:
        return [(0, len(text))] if text.strip() else []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    chosen = [False] * len(lines)
    after_closing = 0
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        if "PERSON" in types and _CLOSING.match(line):
            after_closing = 4
        if (
            ("PERSON" in types and (after_closing or _person_doubt(line, start, end, results)))
            or ("ADDRESS" in types and _address_doubt(line, start, end, results))
        ):
            chosen[i] = True
            if i:
                chosen[i - 1] = True  # context for the model: the line before
        after_closing = max(0, after_closing - 1)
    regions: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(lines):
        if not chosen[i] or not text[start:end].strip():
            continue
        if regions and text[regions[-1][1] : start].strip() == "":
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return regions


def model_spans(text: str, regions: Sequence[tuple[int, int]], recognizer: NerModelRecognizer
                ) -> list[tuple[int, int, str]]:
    """The model's spans in ``regions``, run once on the regions joined, offsets in ``text``."""
    if not regions:
        return []
    placed: list[tuple[int, int, int]] = []  # (start, end) in the joined text, start in ``text``
    pos = 0
    for start, end in regions:
        placed.append((pos, pos + end - start, start))
        pos += end - start + len(_SEP)
    joined = _SEP.join(text[start:end] for start, end in regions)
    out = []
    for start, end, label in recognizer.spans(joined):
        for j_start, j_end, origin in placed:
            if j_start <= start and end <= j_end:  # a span across two regions is not a span of the text
                out.append((start - j_start + origin, end - j_start + origin, label))
                break
    return out


def model_votes(
    text: str,
    results: Sequence[RecognizerResult],
    recognizer: NerModelRecognizer,
    types: Iterable[str] = TYPES,
    gate: bool = True,
) -> list[RecognizerResult]:
    """The model's candidates of ``types`` for ``text``, given the rules' raw ``results`` on it (see the
    module docstring); ``gate=False`` runs the model on the whole text."""
    types = frozenset(types) & frozenset(recognizer.scores)
    regions = doubt_regions(text, results, types) if gate else [(0, len(text))]
    votes: list[RecognizerResult] = []
    lex = load_lexicon()
    for found_start, found_end, label in model_spans(text, regions, recognizer):
        span = plausible(text, found_start, found_end, label, lex) if label in types else None
        if span is None:
            continue
        start, end = span
        overlapping = [r for r in results if r.start < end and start < r.end]
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id}
        if not overlapping:
            votes.append(RecognizerResult(label, start, end, recognizer.scores[label], recognition_metadata=metadata))
        elif all(r.entity_type in _ABSORBS[label] for r in overlapping):
            lo = min(start, *(r.start for r in overlapping))
            hi = max(end, *(r.end for r in overlapping))
            if (lo, hi) != (min(r.start for r in overlapping), max(r.end for r in overlapping)):
                score = min(1.0, max(r.score for r in overlapping) + 0.01)
                votes.append(RecognizerResult(label, lo, hi, score, recognition_metadata=metadata))
    return votes
