"""A capitalised view of the lower-case lines of a text, so that the address rules read chats as they read mail.

Why this module exists: the street rules (``addresses``, ``addresses_world``) lean on capitals (a street name,
a city, the letters of a Dutch or UK postcode, a US state), and chats write addresses in lower case: "ul.
mickiewicza 27/3, 60-834 poznań", "flat 7b, 44 marchmont road, edinburgh eh9 1hx", "kerkstraat 61 bus 12, 9000
gent". Instead of a lower-case twin of every rule, ``capitalised_lines`` writes each lower-case line the way
mail would (same length, so offsets carry over) and the same rules run on it, line by line:

- a word starts with a capital, except the words the rules expect in lower case (particles "van", "de", "rue
  de la", house-number additions "bis", "bus", "hs", the Polish flat "m."), the chat's own words around the
  address and every everyday word the lexicon knows that is neither a place nor an address word ("sinds vorig
  jaar" must not read as a city);
- a token mixing letters and digits is upper case ("ls1", "6ad", "7b": postcodes and house numbers);
- two letters after a four-digit number are upper case (a Dutch postcode, "1074 vj"), two letters before a
  five-digit number too (a US state and ZIP code, "wi 53703").

Lines with a capital (but for a sentence's first word and the pronoun "I") are not read again (the rules have
read them as written), nor are lines without a digit. An address found in the view counts
only with evidence that a capitalised word could not fake (``evidenced``): a postcode after its street or an
address cue before it; the view never yields a POSTCODE alone ("1024 mb" would read as one).
"""

from __future__ import annotations

import re

from scrubber.lexicon import load_lexicon
from scrubber.recognizers.base import line_spans, lowered_for_stems, may_contain
from scrubber.recognizers.street_types import USPS_SUFFIXES

# words the address rules expect in lower case (particles and house-number additions)
_KEEP_LOWER = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "la", "le", "les", "du", "des", "d'", "l'", "di", "da", "del",
        "della", "von", "am", "an", "op", "aan", "in", "bij", "sur", "sous", "en", "et", "à", "au", "aux", "te",
        "upon", "on", "im", "zu", "bis", "ter", "quater", "hs", "huis", "boven", "bg", "zw", "bus", "bte", "box",
        "m.", "lok.", "e", "do", "dos", "das",
    }
    # and the chat's own words around an address: cues, pronouns, verbs, fillers ("adres is ... pls")
    | {
        "adres", "address", "adresse", "anschrift", "is", "ist", "est", "mijn", "mn", "m'n", "my", "our", "ons", "onze",
        "meine", "unsere", "mon", "notre", "ik", "i", "we", "wij", "woon", "wonen", "live", "wohne", "at", "naar", "to",
        "nach", "send", "stuur", "sturen", "verhuisd", "moved", "new", "nieuw", "the", "het", "for", "voor",
        "pls", "plz", "please", "aub", "a.u.b.", "graag", "thanks", "thx", "bedankt", "svp", "bitte", "danke", "merci",
        "ok", "oke", "ty", "nu", "now", "jetzt", "maintenant", "hier", "here", "daar", "there", "and", "und",
    }
)
# words an address is made of although the lexicon knows them as everyday words ("road", "flat", "markt",
# "oude"): street types and units of the countries ``addresses_world`` reads, and words that open a street name
_ADDRESS_WORDS = frozenset(
    {
        "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "av", "drive", "dr", "close", "court", "ct",
        "place", "pl", "square", "sq", "terrace", "way", "row", "walk", "hill", "green", "grove", "gardens", "mews",
        "crescent", "park", "parade", "boulevard", "blvd", "highway", "hwy", "parkway", "circle", "plaza", "flat",
        "unit", "apt", "apartment", "suite", "ste", "floor", "building", "no", "no:", "mah.", "sok.", "sk.", "cad.",
        "cd.", "ul.", "al.", "os.", "markt", "plein", "laan", "weg", "straat", "gracht", "kade", "dijk", "singel",
        "rue", "allee", "platz", "gasse", "ring", "damm", "ufer", "oude", "nieuwe", "grote", "kleine", "korte",
        "lange", "hoge", "lage", "sint", "alte", "neue", "calle", "via", "piazza", "rua", "daire", "kat",
        "chaussée", "chaussee", "quai", "impasse", "allée", "steenweg", "straße", "strasse",
    }
    | {suffix.lower() for suffix in USPS_SUFFIXES}  # (USPS Publication 28's street suffixes: "keys", "view")
)
_TOKEN = re.compile(r"\S+")
_LETTERS_AND_DIGITS = re.compile(r"(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,7}")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FIVE_DIGITS = re.compile(r"\d{5}(?:-\d{4})?[,.]?")
_HAS_DIGIT = re.compile(r"\d")


def _upper_first(token: str) -> str:
    """``token`` with the first letter of each letter run after a start, dot, dash, slash or colon upper-cased."""
    chars = list(token)
    start = True
    for i, ch in enumerate(chars):
        if ch.isalpha():
            if start:
                up = ch.upper()
                chars[i] = up if len(up) == 1 else ch  # ("ß" upper-cases to two letters: left as it is)
            start = False
        else:
            start = ch in ".-/:(" or ch.isdigit()
    return "".join(chars)


def _prose(word: str) -> bool:
    """An everyday word that is neither an address word nor a place: it stays in lower case in the view."""
    w = word.lower().strip(",;")
    if w in _ADDRESS_WORDS or w.rstrip(".:") in _ADDRESS_WORDS or w.endswith(_SUFFIXED):
        return False
    lex = load_lexicon()
    if w in lex.places or w in lex.place_words:
        return False
    return w in lex.vocabulary or w in lex.function_words


_NUMBER_TOKEN = re.compile(r"\d[\d-]{2,}[,;]?")  # a postcode of digits ("3000", "85521", "30-007")
_SUFFIXED = ("straat", "laan", "weg", "gracht", "plein", "straße", "strasse", "str.", "steenweg", "dreef", "singel")


def _in_address(prev: str, nxt: str) -> bool:
    """Whether a word stands where an address puts a name: after a postcode (the city), before a street type."""
    if _NUMBER_TOKEN.fullmatch(prev):
        return True
    return nxt.lower().rstrip(",;") in _ADDRESS_WORDS


# words that open a street name: the first word after them (past particles) is the street's name, an everyday
# word too ("rue de la loi", "chaussée de gand", "avenue de la liberté")
_LEADING_WORDS = frozenset({"rue", "avenue", "av.", "chaussée", "chaussee", "boulevard", "bd", "quai", "place",
                            "impasse", "allée", "allee", "via", "viale", "piazza", "calle", "avenida", "rua", "laan"})


def _line_view(line: str) -> str:
    tokens = list(_TOKEN.finditer(line))
    out = list(line)
    lead = False  # a leading street word stood before this word, particles between
    for i, m in enumerate(tokens):
        word = m.group()
        bare = word.rstrip(",;")
        prev = tokens[i - 1].group() if i else ""
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        after_lead, lead = lead, bare.lower() in _LEADING_WORDS or (lead and bare in _KEEP_LOWER)
        if _LETTERS_AND_DIGITS.fullmatch(bare) or (
            _TWO_LETTERS.fullmatch(bare) and (_FOUR_DIGITS.fullmatch(prev) or _FIVE_DIGITS.fullmatch(nxt))
        ):  # (before the words kept in lower case: "5037 le" is a postcode)
            new = "".join(c.upper() if len(c.upper()) == 1 else c for c in word)
        elif bare in _KEEP_LOWER or (_prose(bare) and not after_lead and not _in_address(prev, nxt)):
            continue
        else:
            new = _upper_first(word)
        out[m.start() : m.end()] = new
    return "".join(out)


_SENTENCE_END = (".", "!", "?", ":")
_PRONOUNS = frozenset({"I", "I'm", "I’m", "I'll", "I've", "I'd"})
_DUTCH_POSTCODE_LETTERS = re.compile(r"(?:\d{4})?[A-Z]{2}")


def _chat_line(line: str) -> bool:
    """A line in lower case, but for the capital of a sentence's first word and the pronoun "I"."""
    if line.islower():
        return True  # (speed-up only: the common case)
    if not any(c.islower() for c in line):
        return False
    prev = ""
    for m in _TOKEN.finditer(line):
        word = m.group()
        capital = not word.islower() and any(c.isupper() for c in word) and word not in _PRONOUNS
        if capital and _DUTCH_POSTCODE_LETTERS.fullmatch(word) and ((prev.isdigit() and len(prev) == 4)
                                                                   or word[0].isdigit()):
            capital = False  # a Dutch postcode's letters in a chat line ("vechtstraat 88 3521 ZH utrecht"; round 5)
        if capital and ((prev and not prev.endswith(_SENTENCE_END)) or any(c.isupper() for c in word[1:])):
            return False
        prev = word
    return True


class LineViews:
    """The chat test and the capitalised view of the lines of one text, each worked out once per line.

    Why: ``capitalised_lines``, ``capitals_view`` and ``runs_view`` read the same text, and the same line often
    reaches more than one of them (a text in capitals or in lower case: every line is read by two or three), and
    ``_line_view`` and ``_chat_line`` walk every token of it in Python (issue 19). Both are functions of the line
    alone, so each answer is kept, for one ``AddressRecognizer.analyze`` only (a message's raw text is not kept
    past it).
    """

    __slots__ = ("_chat", "_evidence", "_views")

    def __init__(self) -> None:
        self._views: dict[str, str] = {}
        self._chat: dict[str, bool] = {}
        self._evidence: tuple[str, bool] | None = None

    def may_hold_evidence(self, text: str) -> bool:
        """``_may_hold_evidence(text)`` (asked by ``capitals_view`` and ``runs_view`` of the same text)."""
        last = self._evidence
        if last is None or last[0] is not text:
            last = self._evidence = (text, _may_hold_evidence(text))
        return last[1]

    def view(self, line: str) -> str:
        """``_line_view(line)``."""
        view = self._views.get(line)
        if view is None:
            view = self._views[line] = _line_view(line)
        return view

    def chat(self, line: str) -> bool:
        """``_chat_line(line)``."""
        chat = self._chat.get(line)
        if chat is None:
            chat = self._chat[line] = _chat_line(line)
        return chat


# ``_POSTCODE_IN`` as the line stands (before capitalising); the stems of ``_CUE``; two groups of digits on a line
# (a superset: every postcode of ``_POSTCODE_IN`` holds one of these digit-led tokens, "vj" of "1074 vj" read with it,
# a UK postcode's inward code "6ad"; starting with a digit, the scan skips ahead instead of testing a look-behind)
_POSTCODE_AS_WRITTEN = re.compile(r"\d(?<![\w-]\d)(?:\d{3}[ \t]?[A-Za-z]{2}|\d-\d{3}|\d{3,4}|[A-Za-z]{2})(?![\w-])")
_CUE_STEMS = ("adres", "address", "anschrift", "woon", "live", "wohne", "habite", "ship", "deliver", "bezorg",
              "verhuisd", "moved", "postbus", "postfach")
_TWO_GROUPS = re.compile(r"\d[^\d\n]+\d")


def _candidate_lines(text: str, lowered: str | None) -> list[tuple[int, int]]:
    """The lines (start, end) that may hold evidence for ``evidenced``: a postcode after a digit on its line, or
    an address cue and a digit. Speed-up only: the other lines are not read twice."""
    starts = set()
    for m in _POSTCODE_AS_WRITTEN.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if _HAS_DIGIT.search(text, start, m.start()):
            starts.add(start)
    if lowered is None:
        lowered = text.lower()  # (only to find the ASCII stems; a rare length change is handled line by line)
    if len(lowered) != len(text):
        starts.update(s for s, e in line_spans(text) if may_contain(text[s:e].lower(), _CUE_STEMS))
    else:
        for stem in _CUE_STEMS:
            pos = lowered.find(stem)
            while pos >= 0:
                starts.add(text.rfind("\n", 0, pos) + 1)
                pos = lowered.find(stem, pos + 1)
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _HAS_DIGIT.search(text, start, end):
            out.append((start, end))
    return out


def capitalised_lines(text: str, views: LineViews | None = None) -> list[tuple[int, str]]:
    """The lower-case (chat) lines of ``text`` that may hold an address, capitalised: (offset, line) pairs.

    ``views``: the text's ``LineViews`` when other views of it are read too (speed-up only)."""
    if not _HAS_DIGIT.search(text):
        return []
    lowered = lowered_for_stems(text)
    if not may_contain(lowered, _CUE_STEMS) and not _TWO_GROUPS.search(text):
        return []  # speed-up only: no line can hold evidence
    views = views or LineViews()
    return [(s, views.view(text[s:e])) for s, e in _candidate_lines(text, lowered) if views.chat(text[s:e])]


# what an address found in the view must hold: a postcode after the house number (NL, UK, PL, or 4-5 digits),
# or an address cue before it
_POSTCODE_IN = re.compile(
    r"\d[^\n]*?(?<![\w-])(?:[1-9]\d{3}[ \t]?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3}|\d{4,5})(?![\w-])"
)
_CUE = re.compile(
    r"(?i)(?:adres\w*|address|anschrift|adresse|woon\w*|live[sd]?|wohne|j'habite|ship\s+to|deliver\w*|bezorg\w*"
    r"|verhuisd|moved|postbus|postfach)\W{0,3}(?:\w+\W+){0,3}$"
)


def after_cue(view: str, start: int) -> bool:
    """Whether an address cue stands shortly before ``start`` on its line."""
    line_start = view.rfind("\n", 0, start) + 1
    return _CUE.search(view[max(line_start, start - 40) : start]) is not None


_CLAUSE_REST = re.compile(r"[^.;!?\n]*")
_FILLERS = re.compile(
    r"(?i)(?:[ \t,]+(?:pls|plz|please|aub|graag|thanks|thx|ty|bedankt|svp|merci|bitte|danke|ok|oke))*[ \t,]*"
)


def runs_on(view: str, start: int, end: int) -> bool:
    """Whether an address found at ``view[start:end]`` after a cue stops short of its clause's end."""
    if not after_cue(view, start):
        return False
    rest = _CLAUSE_REST.match(view, end)
    tail = rest.group() if rest else ""
    filler = _FILLERS.match(tail)
    return filler is None or filler.end() < len(tail)


def evidenced(view: str, start: int, end: int, *, lines: bool = False) -> bool:
    """Whether an address found at ``view[start:end]`` holds a postcode or follows an address cue; with ``lines``
    the postcode may stand on a later line of the address than its house number (a block)."""
    postcode = (_POSTCODE_IN_BLOCK if lines else _POSTCODE_IN).search(view, start, end)
    return postcode is not None or after_cue(view, start)


_POSTCODE_IN_BLOCK = re.compile(_POSTCODE_IN.pattern.replace(r"\d[^\n]*?", r"\d[\s\S]*?", 1))


# After an address cue the clause that follows is the address (``address_blocks``' guess, scored 0.5), and it
# may run on past what the view's rules know ("88 king st w toronto on m5h 1j9"): where the view's address stops
# short of the clause's end it scores just below the guess, which then wins; elsewhere it keeps its score.
UNDER_CUE_SCORE = 0.49


# ---- whole-text views: quoted replies and lines in capitals --------------------------------------------------

# the quote markers that open a line of a quoted reply ("> ", ">> ", " > "): spaces in the view, so that an address
# block quoted line by line ("Kerkstraat 12\n> 1234 AB Utrecht") reads as the block it was
_QUOTE_PREFIX = re.compile(r"(?m)^[ \t]*>[ \t>]*")


def unquoted(text: str) -> str:
    """``text`` with the quote markers at its line starts replaced by spaces (same length, so offsets carry over)."""
    if ">" not in text:
        return text  # speed-up only: nothing to replace
    return _QUOTE_PREFIX.sub(lambda m: " " * len(m.group()), text)


_MIN_CAPS_LETTERS = 4
# a line with a digit and no lower-case letter of the Latin alphabets (a superset of the lines in capitals with a
# digit, found without a Python loop over every line)
# (possessive, so that a long line is read once: linear time)
_CAPS_DIGIT_LINE = re.compile(r"(?m)^(?=[^a-zß-öø-ÿ\n\d]*+\d)[^a-zß-öø-ÿ\n]*+$")


def _caps_line(line: str) -> bool:
    """A line written in capitals (a shipping label, a form's block letters): letters, none in lower case."""
    if not line.isupper():
        return False
    letters = 0
    for c in line:  # (counted only up to the least: a line in capitals is read for every view of a text)
        if c.isalpha():
            letters += 1
            if letters >= _MIN_CAPS_LETTERS:
                return True
    return False


def _lower_same_length(line: str) -> str:
    if line.isascii():
        return line.lower()  # (the usual case, and the same: every ASCII letter lower-cases to one letter)
    # ("İ" lower-cases to two characters: left as it is, so that offsets carry over)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in line)


def capitals_view(text: str, views: LineViews | None = None) -> str | None:
    """``text`` with its lines in capitals written the way mail would ("KERKSTRAAT 12" -> "Kerkstraat 12"), the
    chat view's rules applied to them, and its lower-case lines too when two of them stand together (a block
    written in a chat: "kerkstraat 12\n1234 ab utrecht"; ``capitalised_lines`` reads chat lines one by one);
    None when no such line is there (speed-up only). ``views``: as for ``capitalised_lines``."""
    caps = any(_caps_line(m.group()) for m in _CAPS_DIGIT_LINE.finditer(text))
    chat = "\n" in text and _HAS_DIGIT.search(text) is not None and _CHAT_PAIR.search(text) is not None
    if not caps and not chat:
        return None  # speed-up only: an address in capitals has a line in capitals with a digit (its number)
    views = views or LineViews()
    if not views.may_hold_evidence(text):
        return None  # speed-up only: what the view finds counts only with a postcode or a cue (``evidenced``)
    out: list[str] = []
    changed = False
    for s, e in line_spans(text):
        line = text[s:e]
        if caps and _caps_line(line):
            line = views.view(_lower_same_length(line))
            changed = True
        elif chat and _HAS_DIGIT.search(line) and views.chat(line):
            line = views.view(line)
            changed = True
        out.append(line)
    return "\n".join(out) if changed else None


# a UK postcode's inward code after its outward code without a space ("NW16XE"), which ``_POSTCODE_AS_WRITTEN``
# does not see (a superset)
_GLUED_INWARD = re.compile(r"\d[A-Za-z]{2}(?![\w-])")


def _may_hold_evidence(text: str) -> bool:
    """False only when no address in a view of ``text`` can be ``evidenced`` (a cheap necessary condition): every
    postcode of ``_POSTCODE_IN`` holds a token of ``_POSTCODE_AS_WRITTEN`` or ``_GLUED_INWARD`` in any case, and
    every cue of ``_CUE`` one of ``_CUE_STEMS``."""
    lowered = lowered_for_stems(text)
    return (
        _POSTCODE_AS_WRITTEN.search(text) is not None
        or _GLUED_INWARD.search(text) is not None
        or lowered is None
        or may_contain(lowered, _CUE_STEMS)
    )


# two lines in a row without a capital, one holding a digit (a superset of a block written in lower case)
# (possessive, so that a long line is read once: linear time)
_DIGIT_LINE = r"(?=[^A-Z\n\d]*+\d)[^A-Z\n]*+"
_LOWER_LINE = r"(?=[^A-Z\na-z]*+[a-z])[^A-Z\n]*+"
_CHAT_PAIR = re.compile(
    r"(?m)^(?:" + _DIGIT_LINE + r"\n" + _LOWER_LINE + "|" + _LOWER_LINE + r"\n" + _DIGIT_LINE + r")$"
)


# ---- runs in another case than their line ----------------------------------------------------------------------

# A stretch of a line in capitals with a digit ("Adres: KORTE NIEUWSTRAAT 8 BUS 3, 2000 ANTWERPEN", a form's block
# letters pasted into a sentence), or in lower case with a digit after capitals elsewhere on the line ("Ons adres:
# dorpsstraat 17, 6711 ab ede."): the line views above skip such lines, which are neither in capitals nor a chat's.
# A run starts and ends at a letter or digit; inside it only the characters an address holds (no lower-case letter in
# a run in capitals, no capital in one in lower case). (Possessive: each stretch is read once, linear time.)
_RUN_SEPARATORS = r"['’ ,./°ºª:-]*+"
_CAPS_RUN = re.compile(r"(?<![\w'’])[A-ZÀ-Þ0-9]++(?:" + _RUN_SEPARATORS + r"[A-ZÀ-Þ0-9]++)*+(?![\w'’])")
_LOWER_RUN = re.compile(r"(?<![\w'’])[a-zß-ÿ0-9]++(?:" + _RUN_SEPARATORS + r"[a-zß-ÿ0-9]++)*+(?![\w'’])")
_WORDS_IN_RUN = re.compile(r"(?<![\w'’])[^\W\d_]{2,}(?![\w'’])")  # words of letters only ("IBAN FR69": one)


def _run_view(run: str, caps: bool, views: LineViews) -> str | None:
    """A run written the way mail would, or None when it cannot be an address (two words and a digit at least)."""
    if not _HAS_DIGIT.search(run) or len(_WORDS_IN_RUN.findall(run)) < 2:
        return None
    return views.view(_lower_same_length(run) if caps else run)


def runs_view(text: str, views: LineViews | None = None) -> str | None:
    """``text`` with its runs in another case than their line written the way mail would, and its lines in capitals
    or in lower case with them (so that a block "Nieuw adres: jachtlaan 14-2\n7312 gl apeldoorn" reads as one);
    same length. None when nothing changed or nothing could be evidenced (speed-up only). ``views``: as for
    ``capitalised_lines``."""
    views = views or LineViews()
    if not _HAS_DIGIT.search(text) or not views.may_hold_evidence(text):
        return None
    out = list(text)
    changed = False
    for s, e in line_spans(text):
        line = text[s:e]
        caps_line = _caps_line(line)
        if caps_line or views.chat(line):
            # (read whole as the line views read it, so that a block across such lines reads as one)
            view = views.view(_lower_same_length(line) if caps_line else line)
            if view != line:
                out[s:e] = view
                changed = True
            continue
        if not _HAS_DIGIT.search(line):
            continue
        for rx, caps in ((_CAPS_RUN, True), (_LOWER_RUN, False)):
            for m in rx.finditer(line):
                if caps and sum(c.isalpha() for c in m.group()) < _MIN_CAPS_LETTERS:
                    continue
                run = _run_view(m.group(), caps, views)
                if run is not None and run != m.group():
                    out[s + m.start() : s + m.end()] = run
                    changed = True
    return "".join(out) if changed else None
