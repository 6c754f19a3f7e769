"""How the model votes with the rules: only where the rules leave doubt, and never against them.

``model_votes(text, rule_results, recognizer)`` takes one chunk and the raw results of the rules on it
(before overlap resolution) and returns the model's extra candidates, to be resolved together with the
rules' (``scrubber.resolve``):

1. Where it runs (``doubt_regions``): only on lines where the model can add something, with a short line
   before each as context (a closing, a label: ``CONTEXT_MAX``); the selected lines are joined into one
   text, so the model runs at most once per chunk, and not at all when no line is in doubt (most lines of
   most messages). A line is in doubt for PERSON when it holds a word no rule result covers that could be
   a name: capitalised and no everyday word (the lexicon's vocabulary and function words) nor a product
   (``TECH_WORDS``), or, on a line without capitals (chats), a word the lexicon knows as a first name or
   surname. It is in doubt for ADDRESS when a number of up to five digits stands next to a word and no
   rule covers it (a street address the address rules do not know).
2. What it adds: a span of the model that overlaps no result of the rules is a new candidate (score
   0.5, below every rule, above the engine's 0.4 threshold). A span that overlaps only rule results it
   may take over (``_ABSORBS``: its own type; for an ADDRESS also a POSTCODE, a PERSON (a street named
   after someone) and a NUMBER) and reaches beyond them becomes one candidate covering all of them,
   scored just above the best, so that it replaces them in overlap resolution. A span that overlaps a
   result of any other type (an organisation, e-mail address, domain, phone number, ...) is dropped:
   the rules decide there.
3. What it must look like (``plausible``): a PERSON span loses leading and trailing lower-case everyday
   words ("Ruben Smeets neemt" -> "Ruben Smeets") and everyday words in any case ("Beste Jan" -> "Jan");
   it is dropped when it holds digits or @ / : = # _, when it is one everyday word (the lexicon's
   vocabulary, function and common words: "Liefs", "She"), when it or the word next to it marks an
   organisation (a legal form, a trade word, a known brand, a product, "Team": "Jansen" of "Jansen Hosting
   B.V."), when all its words are place names and none a first name ("Amsterdam"), or when it is all lower
   case on a line that has capitals (a word, not a chat name); on an all lower-case line (chats) a
   lower-case span needs one word the lexicon knows as a first name or surname. An ADDRESS span must hold
   a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import RecognizerResult

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.ner.recognizer import NAME, NerModelRecognizer
from scrubber.recognizers.names.organizations import KNOWN_ORGANIZATIONS, LEGAL_FORMS, SECTOR_WORDS
from scrubber.recognizers.names.words import _ACRONYMS, GREETINGS  # its acronyms: IBAN, VAT, NINO
from scrubber.recognizers.prose_words import is_ordinary_word
from scrubber.recognizers.tech_words import TECH_WORDS

TYPES = ("PERSON", "ADDRESS")
_SEP = "\n\n"
# What a span of the model may take over: its own type, and for an address what an address contains (a
# postcode, a street named after a person, the house number the deny-by-default NUMBER rule caught).
_ABSORBS = {"PERSON": {"PERSON"}, "ADDRESS": {"ADDRESS", "POSTCODE", "PERSON", "NUMBER"}}
_NUMBER_NEXT_TO_WORD = re.compile(
    r"(?<![\w.,/-])(?:[^\W\d_][\w'’.-]{2,}\.?\s+\d{1,5}(?:[a-zA-Z]|-\w+)?(?![\w.,:/-]\d)"
    r"|\d{1,5}[a-zA-Z]?,?\s+[^\W\d_]{2,})"
)
# A word: a letter, then letters, digits, apostrophes, dots and hyphens ("O'Neill", "Jean-Luc", "J.").
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# The line before a line in doubt goes with it as context when it is this short (a closing, a field label,
# a greeting line): the model reads "Groet,\nJan" better than "Jan" alone; a long line would double the cost.
CONTEXT_MAX = 40


_NOT_IN_NAME = re.compile(r"[@/\\:=#_\d]")
_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:!?()[]\"'"
# Street words of English and the Romance languages, and the endings of Dutch and German street names.
_STREET_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "way", "close", "court", "ct",
    "place", "pl", "crescent", "terrace", "boulevard", "blvd", "square", "row", "mews", "grove", "gardens", "hill",
    "rue", "avenida", "calle", "via", "viale", "piazza", "rua", "ulica", "ul", "caddesi", "sokak", "cd", "sk"})
_STREET_SUFFIXES = ("straat", "laan", "weg", "plein", "kade", "gracht", "dijk", "singel", "dreef", "steeg", "hof",
                    "park", "markt", "baan", "straße", "strasse", "gasse", "platz", "allee", "steenweg", "pad")
# Greeting and closing words (GREETINGS of the name finder, and the closings): never the start of a name.
_NOT_NAMES = GREETINGS | frozenset({
    "groet", "groeten", "groetjes", "gr", "mvg", "hoogachtend", "thanks", "thx", "cheers", "regards", "bedankt",
    "dank", "merci", "danke", "liefs", "doei", "best", "bye", "sincerely", "faithfully", "kind", "warm"})
_TEAM_WORDS = frozenset({"team", "afdeling", "department", "klantenservice", "support", "helpdesk", "servicedesk"})


def _is_word(token: str, lex: Lexicon) -> bool:
    w = token.strip(_EDGE).lower()
    return w in lex.vocabulary or w in lex.function_words or w in lex.common_words


def _is_plain_word(token: str, lex: Lexicon) -> bool:
    """An everyday word in no name list ("Beste", "Dear", "Groeten"), whatever its case."""
    w = token.strip(_EDGE).lower()
    return w in lex.vocabulary or w in lex.function_words


def _edge_word(token: str, lex: Lexicon) -> bool:
    if not any(c.isalpha() for c in token):  # a dash or other punctuation ("Anna Kovács -")
        return True
    return (token.islower() and _is_word(token, lex)) or _is_plain_word(token, lex)


def _known_name(word: str, lex: Lexicon) -> bool:
    """A first name or surname of the lexicon that is no everyday word ("Sanne", "Kovács"; not "Rose")."""
    low = word.lower()
    return (low in lex.first_names or low in lex.surnames) and low not in lex.common_words and not _plain(low, lex)


def _address_span(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """An ADDRESS span with a digit and a street's word, without trailing lower-case words ("street", "last
    night": the value ends at its last name or number)."""
    tokens = [(m.start() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]
    while tokens and tokens[-1][1].islower() and is_ordinary_word(tokens[-1][1].strip(_EDGE)):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][0] + len(tokens[-1][1])
    value = text[start:end]
    return (start, end) if any(c.isdigit() for c in value) and _names_a_street(value, lex) else None


def _name_run(tokens: list[tuple[int, str]], lex: Lexicon) -> list[tuple[int, str]]:
    """The run of a span's tokens that holds the name, where a lower-case everyday word other than a name
    particle splits it ("Estately songwriter Michele Østrem" -> "Michele Østrem"): the last run the lexicon
    backs."""
    runs: list[list[tuple[int, str]]] = [[]]
    for token in tokens:
        low = token[1].strip(_EDGE).lower()
        if token[1].islower() and _is_word(token[1], lex) and low not in lex.interfixes:
            runs.append([])
        else:
            runs[-1].append(token)
    backed = [run for run in runs if any(_backs(t.strip(_EDGE), lex) for _, t in run)]
    return backed[-1] if backed else []


def _name_shaped(words: list[str], comma: bool, lex: Lexicon) -> bool:
    """Forms of a company more than of a person: "Ezxbrl, Henderson" (in a reversed name or a list of
    names every word is a name the lexicon knows) and "Valentine-Murray" alone (two joined names, no other
    word: the rules decide there)."""
    if not words:
        return False
    lows = [w.lower() for w in words]
    if comma:  # a reversed name ("Bakker, Jan") or a list of names ("donna, andrea"): every word a name
        return all(_backs(w.rstrip(","), lex) or w.rstrip(",") in lex.interfixes for w in lows)
    # the lexicon's first names and surnames overlap too much to tell "Anne-Marie" from "Valentine-Murray"
    return not (len(words) == 1 and "-" in lows[0])


def _backs(word: str, lex: Lexicon) -> bool:
    """A word of which the lexicon knows a part as a name ("Jean-Luc", "Smit-Kovács")."""
    return any(_known_name(part, lex) for part in word.split("-"))


def _names_a_street(value: str, lex: Lexicon) -> bool:
    """An ADDRESS span of the model must hold a street's word: a street suffix ("Kerkstraat", "Main Street")
    or a capitalised word that is no everyday word ("Kwattaweg", "Rua das Flores"); not "300 seconds"."""
    for word in _WORD.findall(value):
        low = word.rstrip(".").lower()
        if low in _STREET_WORDS or (len(low) > 4 and low.endswith(_STREET_SUFFIXES)):
            return True
        if word[0].isupper() and len(low) >= 3 and not _plain(low, lex) and not is_ordinary_word(low):
            return True
    return False


def _org_word(token: str, lex: Lexicon) -> bool:
    """A legal form, a trade word, a well-known brand, a product or "team": the mark of an organisation
    (whole words only: a trade ending like "-huis" is in surnames too, "Oosterhuis"); written in lower case
    it counts only when it is no everyday word ("as", "co", "zorg", "word" are words first)."""
    low = token.strip(_EDGE).lower()
    mark = (
        low.replace(".", "") in LEGAL_FORMS or low in SECTOR_WORDS or low in KNOWN_ORGANIZATIONS
        or low in TECH_WORDS or low in _TEAM_WORDS
    )
    return mark and not (token.islower() and _is_plain_word(token, lex))


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The word before and the word after a span on its line ("" where there is none)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].split()
    after = text[end : len(text) if line_end < 0 else line_end].split()
    return (before[-1] if before else ""), (after[0] if after else "")


def _organisation_or_place(text: str, start: int, end: int, words: list[str], lex: Lexicon) -> bool:
    """A PERSON span that is an organisation, a product or a place (the model's usual false positives)."""
    before, after = _neighbours(text, start, end)
    if any(_org_word(w, lex) for w in (*words, before, after) if w):
        return True
    lows = [w.lower() for w in words]
    return all(w in lex.place_words for w in lows) and not any(w in lex.first_names for w in lows)


def plausible(text: str, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span trimmed to what can be a value of its type, or None (see the module docstring, 3)."""
    value = text[start:end]
    if label == "ADDRESS":
        return _address_span(text, start, end, lex)
    if value.endswith(("'s", "’s")):  # a possessive: "Erik's laptop"
        end -= 2
        value = value[:-2]
    if _NOT_IN_NAME.search(value):
        return None
    tokens = [(m.start() + start, m.group()) for m in _TOKEN.finditer(value)]
    # edges: lower-case everyday words ("Ruben Smeets neemt"), greetings in any case ("Beste Jan"), dashes
    while tokens and _edge_word(tokens[-1][1], lex):
        tokens.pop()
    while tokens and _edge_word(tokens[0][1], lex):
        tokens.pop(0)
    tokens = _name_run(tokens, lex)
    if not tokens:
        return None
    words = [token.strip(_EDGE) for _, token in tokens]
    if not _name_shaped(words, "," in text[tokens[0][0] : tokens[-1][0] + len(tokens[-1][1])], lex):
        return None
    # the lexicon must know one word as a name part: the model finds names in contexts the rules do not
    # read, not words no list knows ("Backupcodes", "Burgerservicenummer", "Saludos")
    if not any(_backs(w, lex) for w in words):
        return None
    start, end = tokens[0][0], tokens[-1][0] + len(tokens[-1][1])
    if _organisation_or_place(text, start, end, words, lex):
        return None
    if all(w.islower() for w in words):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if any(c.isupper() for c in line):
            return None
        if not any(w in lex.first_names or w in lex.surnames for w in words):
            return None
    return start, end


def _covered(results: Sequence[RecognizerResult], start: int, end: int) -> bool:
    return any(r.start <= start and end <= r.end for r in results)


def _plain(low: str, lex: Lexicon) -> bool:
    """An everyday word, a product or a greeting/closing word: in no way the start of a name."""
    return low in lex.function_words or low in lex.vocabulary or low in TECH_WORDS or low in _NOT_NAMES


def _name_candidate(word: str, lower_line: bool, lex: Lexicon) -> bool:
    """Whether a word the rules did not cover could make a vote (the PERSON gate, 1): a vote needs a name
    part the lexicon knows (``plausible``), so only such a word can; on a line with capitals, a capitalised one."""
    if not lower_line and not word[0].isupper():
        return False
    if any(c.isdigit() or c == "_" for c in word):
        return False
    if word.isupper() and len(word) <= 5 and word.lower() in _ACRONYMS:  # IBAN, VAT, NINO: no name in capitals
        return False
    return _backs(word, lex)


def _person_doubt(line: str, start: int, results: Sequence[RecognizerResult], lex: Lexicon) -> bool:
    lower_line = not any(c.isupper() for c in line)
    for m in _WORD.finditer(line):
        word = m.group().rstrip(".'’-")
        if len(word) < 2 or line[m.end() : m.end() + 1] == ":":  # a field label ("E-mail:", "Klantnummer:")
            continue
        if not _name_candidate(word, lower_line, lex):
            continue
        if not _covered(results, start + m.start(), start + m.start() + len(word)):
            return True
    return False


def _street_word(word: str, lex: Lexicon) -> bool:
    """A word that may name a street: capitalised and no everyday word or product ("Kerkstraat", "Baker")."""
    return word[:1].isupper() and not _plain(word.lower(), lex)


def _address_doubt(line: str, start: int, results: Sequence[RecognizerResult], lex: Lexicon) -> bool:
    for m in _NUMBER_NEXT_TO_WORD.finditer(line):
        digits = [i for i, c in enumerate(m.group(), start=start + m.start()) if c.isdigit()]
        if _covered(results, digits[0], digits[-1] + 1):
            continue
        # the word before the number ("Kerkstraat 12") or the words after it ("12 Baker Street")
        words = _WORD.findall(m.group()) + _WORD.findall(line[m.end() : m.end() + 40])
        if any(_street_word(w.rstrip(".'’-"), lex) for w in words[:3]):
            return True
    return False


def _lines(text: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


def doubt_regions(
    text: str, results: Sequence[RecognizerResult], types: Iterable[str] = TYPES
) -> list[tuple[int, int]]:
    """(start, end) of the stretches the model is run on for ``types`` (see the module docstring, 1)."""
    types = frozenset(types)
    lex = load_lexicon()
    lines = _lines(text)
    chosen = [False] * len(lines)
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip() or not any(c.isalpha() for c in line):
            continue
        # only the results on this line: the checks below ask about its words alone
        here = [r for r in results if r.start < end and start < r.end]
        if ("PERSON" in types and _person_doubt(line, start, here, lex)) or (
            "ADDRESS" in types and _address_doubt(line, start, here, lex)
        ):
            chosen[i] = True
            if i and len(text[lines[i - 1][0] : lines[i - 1][1]]) <= CONTEXT_MAX:
                chosen[i - 1] = True  # context for the model: a short line before (a closing, a label)
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
