"""Presidio recognizers for person names (PERSON, stripped) and organisations (ORGANIZATION, kept).

No trained NER model can be installed from the registries this project uses, so names are found from
signals that each say "this is probably a name", combined per candidate:

- ``lexicon``: name-shaped words (capitalised chains, initials, tussenvoegsels) whose parts are in the
  install-time lexicon (``scrubber.lexicon``), with everyday words ("Mark as read") needing more;
- ``greeting``: the words right after a greeting or introduction ("Hoi Sanne", "Dear Mr O'Neill",
  "hoi, met sanne", "mijn naam is ...", "Naam: ...");
- ``signature``: the line(s) after a closing ("Met vriendelijke groet", "Cheers", "Best,"), and a
  name-shaped last line;
- ``header``: quoted and forwarded headers ("From: A B <a@b>", "Op ... schreef A B <...>:",
  "A B <a@b> wrote:"), the display name before an ``<address>``;
- ``ner``: PER/PERSON and ORG entities from a spaCy pipeline with NER, when the operator installed one;
- ``propagate``: every other occurrence of a name (or a part of it) found by the signals above.

Organisations (``organizations.py``) are found first; a person candidate inside one is dropped, so
"Bakkerij Jansen B.V." is kept whole rather than losing "Jansen" (pii-policy.md annotation rules).
Everything runs in linear time over a precomputed token list; lookups are frozenset membership tests.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.recognizers.base import lowered_for_stems, may_contain
from scrubber.recognizers.organizations import OrgSpan, Token, find_organizations, is_sector_word, tokenize


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALL_SIGNALS = frozenset({"lexicon", "greeting", "signature", "header", "ner", "propagate", "organization"})

# Scores: an ORGANIZATION outranks any PERSON so that overlap resolution in the engine keeps it.
SCORE_STRONG = 0.85  # context + name shape, or a full name from the lexicon
SCORE_MEDIUM = 0.7
SCORE_WEAK = 0.55

_GREETINGS = _words(
    """
    hoi hallo hi hey hello dear beste lieve geachte goedemorgen goedemiddag goedenavond goedendag
    morning afternoon evening dag ha hee heey hoihoi yo hiya howdy
    """
)
_GREETING_PAIRS = frozenset({("good", "morning"), ("good", "afternoon"), ("good", "evening")})
_GREETING_PAIR_FIRST = frozenset(first for first, _ in _GREETING_PAIRS)
_GREETING_STARTS = _GREETINGS | _GREETING_PAIR_FIRST
# Phrases after which a name follows. Strong ones ("mijn naam is", "Naam:") announce a name and take
# any non-everyday word; weak ones ("ik ben", "met", "collega") need a name-shaped word after them.
# The look-aheads after the look-behinds below list the first letters of the alternatives (a speed-up
# only: under IGNORECASE a class and a literal accept the same characters).
_INTRO_STRONG_RE = re.compile(
    r"(?<![^\s,.:;!(])(?=[mniujtacfvohg])"
    r"(?:(?:mijn |my )?na(?:am|me) is|ik heet|my name's|u spreekt met|je spreekt met|"
    r"t\.a\.v\.?|ter attentie van|attn:?|contactpersoon:?|contact person:?|naam:|name:|full name:|"
    r"volledige naam:|afzender:|name on the account:|account holder:|tenaamstelling:|t\.?n\.?v\.?|ten name van|"
    r"op naam van|naam op (?:de )?(?:factuur|rekening|pas|kaart):|heet|genaamd)[ \t]*",
    re.IGNORECASE,
)
# one of these is in every _INTRO_STRONG_RE match ("t.n.v." in its four spellings; see ``may_contain``)
_INTRO_STRONG_STEMS = (
    "naam", "name", "heet", "spreekt", "t.a.v", "attentie", "attn", "contact", "afzender", "holder", "tenaamstelling",
    "tnv", "t.nv", "tn.v", "t.n.v", "genaamd",
)
_RELATIVES = (
    r"collega|colleague|vrouw|man|wife|husband|partner|zoon|dochter|son|daughter|broer|zus|brother|sister|vader"
    r"|moeder|father|mother|buurman|buurvrouw|neighbour|medewerker|employee"
)
# (?<![^\s,.:;!(])(?:ik ben|i am|i'm|this is|dit is|namens|on behalf of|(?:mijn|my|onze|our) (?:relative)
# |collega|colleague|met)[ \t]+ case-insensitively, written to start with a plain character class: the
# first letter in every case form that re.IGNORECASE equates with it (İ and ı with i), then the look-behind
# for the character before it, then each alternative without its first letter behind a look-behind for
# that letter, in the original order. ``re`` then skips ahead to those letters instead of trying the
# pattern at every position; tests/scrubber/test_speedups.py checks both forms find the same matches.
_INTRO_WEAK_RE = re.compile(
    r"[itdnomcITDNOMC\u0130\u0131](?<![^\s,.:;!(][itdnomcITDNOMC\u0130\u0131])"
    r"(?i:(?<=i)k ben|(?<=i) am|(?<=i)'m|(?<=t)his is|(?<=d)it is|(?<=n)amens|(?<=o)n behalf of"
    r"|(?:(?<=m)ijn|(?<=m)y|(?<=o)nze|(?<=o)ur) (?:" + _RELATIVES + r")"
    r"|(?<=c)ollega|(?<=c)olleague|(?<=m)et)[ \t]+"
)
_CLOSING_RE = re.compile(
    r"^\s*[>|\s]*(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme|lieve|zonnige)\s+groet(?:en|jes)?|"
    r"groet(?:en|jes)?|gr\.?|mvg\.?|m\.v\.g\.?|vr\.?\s*gr\.?|liefs|doei|"
    r"(?:alvast\s+)?(?:bedankt|dank(?:\s+je|\s+u)?(?:\s+wel)?)(?:\s+alvast)?|"
    r"thanks?(?:\s+(?:again|a lot|so much|in advance))?|thank\s+you(?:\s+(?:again|in advance))?|"
    r"many\s+thanks|thx|tx|ta|cheers|(?:kind|best|warm|warmest|many)\s+regards|regards|"
    r"best(?:\s+wishes)?|all\s+the\s+best|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|"
    r"take\s+care|speak\s+soon|tot\s+(?:snel|zo|later)|hoogachtend)"
    r"\s*[,.!:;-]*\s*",
    re.IGNORECASE,
)
# Header lines of quoted and forwarded mail (RFC 5322 section 3.6.2 originator fields and the
# attribution lines mail clients write above a quote).
_HEADER_FIELD_RE = re.compile(r"^[>\s]*(?:from|van|to|aan|cc|sender|reply-to|afzender)\s*:\s*", re.IGNORECASE)
_ATTRIBUTION_RE = re.compile(r"\b(?:schreef|wrote|écrit|schrieb)\b\s*:?", re.IGNORECASE)
_ATTRIBUTION_STEMS = ("schreef", "wrote", "crit", "schrieb")  # one is in every match (see ``may_contain``)
# A signature line with a phone number, address, e-mail, URL or a VAT/KvK number.
_CONTACT_LINE_RE = re.compile(
    r"\d{3}|(?:\d[\s().-]*){6}|@|https?://|www\.|\b(?:tel|gsm|mob|btw|kvk|vat)\b", re.IGNORECASE
)
_SIG_SEPARATOR_RE = re.compile(r"^\s*(?:--\s*|__+|—)\s*$")
_PAREN_OPEN = frozenset({"(", '"', "“", "'"})
_PAREN_CLOSE = frozenset({")", '"', "”", "'"})
_JOINERS = frozenset({"en", "and", "&"})


# add(first_token, last_token, score, signal): records a PERSON candidate.
_Adder = Callable[[int, int, float, str], None]


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    score: float
    signals: set[str] = field(default_factory=set)


class NameFinder:
    """Finds PERSON and ORGANIZATION spans in one text. Stateless apart from the lexicon."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        signals: Iterable[str] = ALL_SIGNALS,
        organizations: Iterable[str] = (),
    ) -> None:
        self.lex = lexicon or load_lexicon()
        self.signals = frozenset(signals)
        self.organizations = tuple(organizations)

    # --- word tests ------------------------------------------------------------------------------
    def _key(self, word: str) -> str:
        return word.lower().replace("’", "'")

    def _known_first(self, word: str) -> bool:
        k = self._key(word)
        return k in self.lex.first_names or (("-" in k) and all(p in self.lex.first_names for p in k.split("-")))

    def _known_surname(self, word: str) -> bool:
        k = self._key(word)
        if k in self.lex.surnames or k.replace("'", "") in self.lex.surnames:
            return True
        # double-barrelled: "Mulder-Kramer", "Marsh-Taylor"
        return "-" in k and all(p in self.lex.surnames or p in self.lex.first_names for p in k.split("-"))

    def _is_known_name(self, word: str) -> bool:
        return self._known_first(word) or self._key(word) in self.lex.surnames

    def _first_before_surname(self, text: str, toks: Sequence[Token], i: int) -> bool:
        tok = toks[i]
        if i + 1 >= len(toks) or tok.kind != "word" or not tok.text[0].isupper() or tok.lower in _GREETINGS:
            return False
        nxt = toks[i + 1]
        return (
            self._known_first(tok.text)
            and nxt.kind == "word"
            and nxt.text[0].isupper()
            and _same_line_gap(text, tok, nxt)
            and self._known_surname(nxt.text)
            and not self.lex.is_common(nxt.text)
            and nxt.lower not in self.lex.vocabulary
            and nxt.lower not in self.lex.function_words
        )

    def _surname_after_interfix(self, tok: Token) -> bool:
        """ "de Groot", "de Jong", "van Dam": after a tussenvoegsel an everyday word is a surname."""
        return tok.kind == "word" and tok.text[0].isupper() and self._known_surname(tok.text)

    def _is_name_word(self, tok: Token, lowercase_ok: bool, relaxed: bool = False) -> bool:
        """A token that may be a part of a name (not an interfix).

        ``relaxed`` is for places where a name is all but certain (the rest of a closing line, after
        "mijn naam is"): any word that is not an everyday word counts, and known first names count
        even when they are everyday words ("Ben", "mark").
        """
        if tok.kind == "ini":
            return True
        if relaxed and tok.kind == "word" and tok.lower not in _GREETINGS and not is_sector_word(tok.lower):
            if self._known_first(tok.text) and (tok.text[0].isupper() or tok.lower not in self.lex.function_words):
                return True
            if (
                tok.lower not in self.lex.function_words
                and tok.lower not in self.lex.vocabulary
                and 1 < len(tok.text) <= 20
                and not is_sector_word(tok.lower)
            ):
                return True
        if tok.kind != "word" or tok.lower in self.lex.function_words or tok.lower in self.lex.vocabulary:
            return False
        if tok.lower in _GREETINGS or is_sector_word(tok.lower):
            return False
        if tok.text[0].isupper():
            return len(tok.text) > 1
        return lowercase_ok and (self._known_first(tok.text) or self._known_surname(tok.text))

    # --- chains ---------------------------------------------------------------------------------
    def _chain(
        self, text: str, toks: Sequence[Token], i: int, lowercase_ok: bool, relaxed: bool = False
    ) -> tuple[int, int] | None:
        """The longest name-shaped run of tokens starting at i: parts, interfixes, '(Hans)', '"Peggy"'.

        Returns (first, last) token indexes of the run, or None when token i cannot start a name.
        """
        n = len(toks)
        titles = self.lex.titles
        while i < n and toks[i].lower.rstrip(".") in titles and toks[i].kind in ("word", "ini"):
            nxt = i + 1
            if nxt < n and toks[nxt].text == "." and _adjacent(text, toks[i], toks[nxt]):
                nxt += 1
            if nxt >= n or not _same_line_gap(text, toks[nxt - 1], toks[nxt]):
                return None
            i = nxt
            relaxed = True  # after "dr." or "mevrouw" even "An" is a name
        if i >= n or not self._is_name_word(toks[i], lowercase_ok, relaxed):
            return None
        first = last = i
        parts = 1
        j = i + 1
        while j < n and parts < 5:
            prev, tok = toks[j - 1], toks[j]
            if not _same_line_gap(text, prev, tok):
                break
            if tok.kind == "word" and tok.lower in self.lex.interfixes:
                # tussenvoegsels: "van der", "de", "el" need a name part after them.
                k = j
                while k < n and toks[k].kind == "word" and toks[k].lower in self.lex.interfixes and k - j < 3:
                    k += 1
                if (
                    k < n
                    and _same_line_gap(text, toks[k - 1], toks[k])
                    and (self._is_name_word(toks[k], lowercase_ok, relaxed) or self._surname_after_interfix(toks[k]))
                ):
                    last = k
                    j = k + 1
                    parts += 1
                    continue
                break
            if tok.text in _PAREN_OPEN and j + 2 < n and toks[j + 2].text in _PAREN_CLOSE:
                if self._known_first(toks[j + 1].text):  # "Johannes (Hans) Dijkstra"
                    last = j + 2
                    j += 3
                    continue
                break
            if self._is_name_word(tok, lowercase_ok, relaxed) and (
                relaxed or tok.kind == "ini" or not self.lex.is_common(tok.text) or self._known_surname(tok.text)
            ):
                if lowercase_ok and not relaxed and not tok.text[0].isupper() and toks[first].text[0].isupper():
                    break
                last = j
                parts += 1
                j += 1
                continue
            break
        return first, last

    def _parts(self, toks: Sequence[Token], first: int, last: int) -> list[Token]:
        return [t for t in toks[first : last + 1] if t.kind in ("word", "ini") and t.lower not in self.lex.interfixes]

    def _lexicon_score(self, toks: Sequence[Token], first: int, last: int, titled: bool) -> float:
        """How name-like a chain is from the lexicon alone (0 when not enough)."""
        parts = self._parts(toks, first, last)
        if not parts:
            return 0.0
        head = parts[0]
        has_interfix = any(t.lower in self.lex.interfixes for t in toks[first : last + 1])
        if titled:
            return SCORE_STRONG
        if head.kind == "ini":
            # "M.J. Verstappen", "j. de vries": initials then a surname.
            tail = parts[1:]
            if tail and (tail[-1].text[0].isupper() or has_interfix) and tail[-1].kind == "word":
                return SCORE_STRONG
            return 0.0
        if not head.text[0].isupper():
            return 0.0
        first_known = self._known_first(head.text)
        common = self.lex.is_common(head.text)
        if len(parts) >= 2:
            rest_known = any(self._known_surname(t.text) or self._known_first(t.text) for t in parts[1:])
            if first_known and not common:
                return SCORE_STRONG
            if first_known and (rest_known or has_interfix):
                return SCORE_MEDIUM
            if rest_known and not common and not self.lex.is_common(parts[-1].text):
                return SCORE_WEAK
            return 0.0
        if first_known and not common:
            return SCORE_WEAK + 0.05
        return 0.0

    # --- the signals ------------------------------------------------------------------------------
    def find(
        self, text: str, ner: Sequence[tuple[str, int, int]] = ()
    ) -> tuple[list[tuple[int, int, float, set[str]]], list[OrgSpan]]:
        """PERSON candidates (start, end, score, signals) and organisation spans for one text."""
        toks = tokenize(text)
        orgs = (
            find_organizations(text, toks, self.organizations, self.lex.function_words, self._is_known_name)
            if "organization" in self.signals
            else []
        )
        lines = text.split("\n")
        line_starts = [0]
        for ln in lines[:-1]:
            line_starts.append(line_starts[-1] + len(ln) + 1)
        cands: dict[tuple[int, int], _Candidate] = {}

        def add(first: int, last: int, score: float, signal: str) -> None:
            parts = self._parts(toks, first, last)
            if not parts:
                return
            start, end = parts[0].start, parts[-1].end
            if toks[last].text in _PAREN_CLOSE and toks[last].end > end:
                end = toks[last].end if text[start:].count("(") else end
            c = cands.get((start, end))
            if c is None:
                cands[(start, end)] = _Candidate(start, end, score, {signal})
            else:
                c.score = max(c.score, score)
                c.signals.add(signal)

        n = len(toks)
        tok_starts = [t.start for t in toks]
        # token indexes per line, shared by the greeting, signature and header signals
        tok_by_line = _by_line(toks)
        first_on_line = {line: idxs[0] for line, idxs in tok_by_line.items()}

        # lexicon: every chain start in running text
        if "lexicon" in self.signals:
            titles = self.lex.titles
            # Only these tokens can start a chain: a symbol cannot, nor a lower-case word that is no title
            # (without lower-case names ``_chain``/``_is_name_word`` reject it, and it cannot be a
            # capitalised first name for ``_first_before_surname``); the others are skipped unseen.
            starts = [
                idx
                for idx, t in enumerate(toks)
                # (a word token holds no ".", so its lower-case form is its title form)
                if t.kind == "ini" or (t.kind == "word" and (t.text[0].isupper() or t.lower in titles))
            ]
            resume = 0  # the first token index not yet taken by a found name
            for i in starts:
                if i < resume:
                    continue
                t = toks[i]
                titled = t.lower.rstrip(".") in titles
                span = self._chain(text, toks, i, lowercase_ok=False)
                if span is None:
                    # "Elke Hendriks", "Will Smith": a first name that is an everyday word, before a surname
                    tail = None
                    if self._first_before_surname(text, toks, i):
                        tail = self._chain(text, toks, i + 1, lowercase_ok=False)
                    if tail is not None:
                        add(i, tail[1], SCORE_MEDIUM, "lexicon")
                        resume = tail[1] + 1
                    continue
                first, last = span
                score = self._lexicon_score(toks, first, last, titled)
                if score and first == last and _next_to_number(text, toks[first]):
                    score = 0.0  # "14 Mar 2025", "Jun 3": a month, not a name
                if score:
                    add(first, last, score, "lexicon")
                    resume = last + 1

        # greeting and introduction
        if "greeting" in self.signals:
            # only a greeting or the start of a two-word one matters
            for i in [idx for idx, t in enumerate(toks) if t.lower in _GREETING_STARTS and t.kind == "word"]:
                t = toks[i]
                nxt = i + 1
                is_greet = (t.lower in _GREETINGS and i == first_on_line.get(t.line, -1)) or (
                    t.lower in _GREETINGS and i > 0 and toks[i - 1].text in {">", ",", "!"}
                )
                if i + 1 < n and (t.lower, toks[i + 1].lower) in _GREETING_PAIRS and i == first_on_line.get(t.line, -1):
                    is_greet, nxt = True, i + 2
                if is_greet:
                    # "hoi, met sanne" / "Hi, this is Tom": greeting, comma, intro
                    while nxt < n and toks[nxt].text in {",", "!"} and toks[nxt].line == t.line:
                        nxt += 1
                    self._context_chain(text, toks, nxt, add, "greeting", same_line_as=t.line)
            self._intro_names(text, toks, add, tok_starts)

        if "signature" in self.signals:
            self._signatures(text, toks, lines, line_starts, add, orgs, tok_by_line)
        if "header" in self.signals:
            self._headers(text, toks, lines, line_starts, add, tok_by_line)
        if "ner" in self.signals:
            for label, start, end in ner:
                if label in ("PER", "PERSON"):
                    sub = [
                        k
                        for k in range(bisect_left(tok_starts, start), bisect_left(tok_starts, end))
                        if toks[k].end <= end
                    ]
                    if sub and all(toks[k].kind != "word" or toks[k].text[0].isupper() for k in sub):
                        add(sub[0], sub[-1], SCORE_MEDIUM, "ner")
                elif label == "ORG":
                    orgs.append(OrgSpan(start, end, SCORE_MEDIUM + 0.05, "ner"))

        persons = self._resolve(list(cands.values()), orgs)
        if "propagate" in self.signals and persons:
            persons = self._propagate(text, toks, persons, orgs, tok_starts)
            persons = self._extend_left(text, toks, persons, tok_starts)
        return [(c.start, c.end, c.score, c.signals) for c in persons], orgs

    def _context_chain(
        self,
        text: str,
        toks: Sequence[Token],
        i: int,
        add: _Adder,
        signal: str,
        same_line_as: int | None = None,
        score: float = SCORE_STRONG,
        relaxed: bool = False,
    ) -> int | None:
        """A name right at token i, found by context: lower-case allowed when the lexicon knows it."""
        if i >= len(toks) or (same_line_as is not None and toks[i].line != same_line_as):
            return None
        span = self._chain(text, toks, i, lowercase_ok=True, relaxed=relaxed)
        if span is None:
            return None
        first, last = span
        parts = self._parts(toks, first, last)
        if not parts:
            return None
        # "Hi all", "Dear Sir", "Hello team": everyday words are not names even here, unless the
        # lexicon knows them as first names and they are capitalised ("Hi Mark").
        head = parts[0]
        common = head.kind == "word" and self.lex.is_common(head.text)
        if common and not ((head.text[0].isupper() or relaxed) and self._known_first(head.text)):
            return None
        lower_unknown = head.kind == "word" and head.text[0].islower() and not self._known_first(head.text)
        if lower_unknown and not relaxed and not (len(parts) > 1 and self._known_surname(parts[-1].text)):
            return None
        add(first, last, score, signal)
        return last

    def _intro_names(self, text: str, toks: Sequence[Token], add: _Adder, starts: list[int] | None = None) -> None:
        """Names right after "mijn naam is", "my name is", "Naam:", "t.n.v.", "hoi, met", "collega"."""
        if starts is None:
            starts = [t.start for t in toks]
        strong_possible = may_contain(lowered_for_stems(text), _INTRO_STRONG_STEMS)
        for pattern, relaxed in ((_INTRO_STRONG_RE, True), (_INTRO_WEAK_RE, False)):
            if pattern is _INTRO_STRONG_RE and not strong_possible:
                continue  # no match possible (speed-up only)
            for m in pattern.finditer(text):
                k = bisect_left(starts, m.end())
                if k < len(toks) and toks[k].start == m.end() and toks[k].kind in ("word", "ini"):
                    self._context_chain(text, toks, k, add, "greeting", same_line_as=toks[k].line, relaxed=relaxed)

    def _is_org_line(self, line: str, start: int, orgs: Sequence[OrgSpan]) -> bool:
        """Most of the line is an organisation name."""
        stripped = len(line.strip())
        covered = sum(max(0, min(o.end, start + len(line)) - max(o.start, start)) for o in orgs)
        return stripped > 0 and covered >= 0.6 * stripped

    def _signatures(
        self,
        text: str,
        toks: Sequence[Token],
        lines: list[str],
        line_starts: list[int],
        add: _Adder,
        orgs: Sequence[OrgSpan] = (),
        tok_by_line: dict[int, list[int]] | None = None,
    ) -> None:
        if tok_by_line is None:
            tok_by_line = _by_line(toks)
        nonempty = [k for k, ln in enumerate(lines) if ln.strip(" >\t|")]

        def name_line(k: int, score: float, require_lexicon: bool = False) -> bool:
            idxs = tok_by_line.get(k, [])
            words = [x for x in idxs if toks[x].kind in ("word", "ini")]
            if not words or len(words) > 8:
                return False
            found = False
            i = words[0]
            end_idx = idxs[-1]
            while i <= end_idx:
                if toks[i].kind not in ("word", "ini"):
                    # a separator ends the name part of the line: "Lotte | Dommelhost support"
                    break
                if toks[i].lower in _JOINERS and found:  # "Gert-Jan en Wilma Hulshof"
                    i += 1
                    continue
                span = self._chain(text, toks, i, lowercase_ok=True, relaxed=True)
                if span is None:
                    return found
                first, last = span
                parts = self._parts(toks, first, last)
                known = any(self._known_first(p.text) or self._known_surname(p.text) for p in parts)
                head = parts[0] if parts else None
                if head is None or (
                    head.kind == "word"
                    and self.lex.is_common(head.text)
                    and not (
                        (head.text[0].isupper() and known and len(parts) > 1)
                        or (self._known_first(head.text) and head.text[0].isupper())
                    )
                ):
                    return found
                if require_lexicon and not known:
                    return found
                if head.kind == "word" and head.text[0].islower() and not known:
                    return found
                add(first, last, score, "signature")
                found = True
                i = last + 1
            return found

        for pos, k in enumerate(nonempty):
            line = lines[k]
            m = _CLOSING_RE.match(line)
            if m and (m.end() == len(line) or m.group().rstrip()[-1:] in ",.!" or line[m.end() :].strip()):
                rest = line[m.end() :].strip()
                if rest:
                    # "groetjes roos", "Thanks, Tom"
                    idxs = [x for x in tok_by_line.get(k, []) if toks[x].start >= line_starts[k] + m.end()]
                    if idxs:
                        self._context_chain(text, toks, idxs[0], add, "signature", same_line_as=k, relaxed=True)
                    continue
                if pos + 1 < len(nonempty) and nonempty[pos + 1] - k <= 2:
                    name_line(nonempty[pos + 1], SCORE_STRONG)
            elif _SIG_SEPARATOR_RE.match(line) and pos + 1 < len(nonempty):
                name_line(nonempty[pos + 1], SCORE_STRONG)
        # The last line of a message is often the sender's name without a closing.
        # Contact details and a company line may follow it; look up past at most three such lines.
        for back, k in enumerate(reversed(nonempty[1:])):
            if back > 3:
                break
            if _CONTACT_LINE_RE.search(lines[k]) or self._is_org_line(lines[k], line_starts[k], orgs):
                continue
            if len(lines[k].split()) <= 4:
                name_line(k, SCORE_MEDIUM, require_lexicon=True)
            break

    def _headers(
        self,
        text: str,
        toks: Sequence[Token],
        lines: list[str],
        line_starts: list[int],
        add: _Adder,
        by_line: dict[int, list[int]] | None = None,
    ) -> None:
        """Display names in header fields and attribution lines."""
        if by_line is None:
            by_line = _by_line(toks)
        attribution_possible = may_contain(lowered_for_stems(text), _ATTRIBUTION_STEMS)
        for k, line in enumerate(lines):
            # (every header field has a ":"; testing for it first spares most lines the pattern)
            hf = _HEADER_FIELD_RE.match(line) if ":" in line else None
            if "@" not in line and not hf and not (attribution_possible and _ATTRIBUTION_RE.search(line)):
                continue
            base = line_starts[k]
            idxs = by_line.get(k, []) if len(line) < 400 else []
            if not idxs:
                continue
            if hf:
                start_tok = next((x for x in idxs if toks[x].start >= base + hf.end()), None)
                if start_tok is not None:
                    self._context_chain(text, toks, start_tok, add, "header", same_line_as=k)
            # the display name right before "<address>" and right after "schreef"/"," in attributions
            for x in idxs:
                t = toks[x]
                if t.text == "<":
                    j = x - 1
                    while j >= idxs[0] and toks[j].text in ('"', "'"):
                        j -= 1
                    first = j
                    while first - 1 >= idxs[0] and toks[first - 1].kind in ("word", "ini") and j - first < 5:
                        first -= 1
                    # skip attribution words before the name ("schreef", "wrote") and dates
                    while first <= j and (
                        toks[first].lower in ("schreef", "wrote", "from", "van", "aan", "to", "cc")
                        or (
                            toks[first].lower in self.lex.function_words
                            and toks[first].lower not in self.lex.interfixes
                        )
                    ):
                        first += 1
                    if first <= j:
                        self._context_chain(text, toks, first, add, "header", same_line_as=k)
                elif t.lower in ("schreef", "wrote") and x > idxs[0]:
                    # "Lotte van Dijk schreef:" without an address
                    j = x - 1
                    first = j
                    while first - 1 >= idxs[0] and toks[first - 1].kind in ("word", "ini") and j - first < 4:
                        first -= 1
                    while first <= j and not (toks[first].text[:1].isupper() or toks[first].kind == "ini"):
                        first += 1
                    if first <= j and toks[j].kind == "word":
                        self._context_chain(text, toks, first, add, "header", same_line_as=k, score=SCORE_MEDIUM)

    # --- resolution -----------------------------------------------------------------------------
    def _resolve(self, cands: list[_Candidate], orgs: list[OrgSpan]) -> list[_Candidate]:
        """Drop persons inside organisations; among overlapping persons keep the longest, best scored."""
        in_org = _Coverage()
        for o in orgs:
            in_org.mark(o.start, o.end, 0)
        owner = _Coverage()
        kept: list[_Candidate] = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.score)):
            if in_org.any(c.start, c.end):
                continue
            clash_at = owner.first(c.start, c.end)
            if clash_at is not None:
                clash = kept[clash_at]
                clash.signals |= c.signals
                if c.signals - {"lexicon"}:
                    clash.score = max(clash.score, c.score)
                continue
            owner.mark(c.start, c.end, len(kept))
            kept.append(c)
        return sorted(kept, key=lambda c: c.start)

    def _extend_left(
        self, text: str, toks: Sequence[Token], persons: list[_Candidate], tok_starts: list[int]
    ) -> list[_Candidate]:
        """ "Elke Mertens" once "Mertens" is known: a capitalised first name right before a found name
        belongs to it even when it is an everyday word ("elke" = "each")."""
        for c in persons:
            k = bisect_left(tok_starts, c.start) - 1
            if k < 0 or not self._parts(toks, k, k):
                continue
            prev = toks[k]
            if (
                prev.kind == "word"
                and prev.text[0].isupper()
                and prev.lower not in _GREETINGS
                and self._known_first(prev.text)
                and _same_line_gap(text, prev, toks[k + 1])
                and toks[k + 1].start == c.start
                and not any(o.start <= prev.start < o.end for o in persons if o is not c)
            ):
                c.start = prev.start
                c.signals.add("propagate")
        return persons

    def _propagate(
        self,
        text: str,
        toks: Sequence[Token],
        persons: list[_Candidate],
        orgs: list[OrgSpan],
        starts: list[int] | None = None,
    ) -> list[_Candidate]:
        """Mark the other occurrences of found names and of their distinctive parts."""
        strong = [c for c in persons if c.score >= SCORE_MEDIUM]
        forms: dict[str, float] = {}
        if starts is None:
            starts = [t.start for t in toks]
        for c in strong:
            for t in toks[bisect_left(starts, c.start) : bisect_left(starts, c.end)]:
                if t.end <= c.end and t.kind == "word":
                    if len(t.text) < 3 or t.lower in self.lex.interfixes or t.lower in self.lex.function_words:
                        continue
                    forms[t.lower] = max(forms.get(t.lower, 0.0), min(c.score, SCORE_MEDIUM))
        if not forms:
            return persons
        taken = _Coverage()
        for c in persons:
            taken.mark(c.start, c.end, 0)
        for o in orgs:
            taken.mark(o.start, o.end, 0)
        out = list(persons)
        for t in toks:
            score = forms.get(t.lower)
            if score is None or taken.any(t.start, t.end):
                continue
            if self.lex.is_common(t.text) and not t.text[0].isupper():
                continue  # "mark" lower-case after "Mark" in a signature stays a word
            out.append(_Candidate(t.start, t.end, score, {"propagate"}))
        return sorted(out, key=lambda c: c.start)


def _by_line(toks: Sequence[Token]) -> dict[int, list[int]]:
    """Token indexes per line number (tokens come in text order, so each line's are one stretch)."""
    by_line: dict[int, list[int]] = {}
    line_of = [t.line for t in toks]
    i, n = 0, len(line_of)
    while i < n:
        line = line_of[i]
        j = bisect_right(line_of, line, i)
        by_line[line] = list(range(i, j))
        i = j
    return by_line


class _Coverage:
    """Which characters are taken, and by which item: linear-time overlap tests on long texts."""

    __slots__ = ("_owner",)

    def __init__(self) -> None:
        self._owner: dict[int, int] = {}

    def mark(self, start: int, end: int, item: int) -> None:
        for i in range(start, end):
            self._owner.setdefault(i, item)

    def first(self, start: int, end: int) -> int | None:
        for i in range(start, end):
            item = self._owner.get(i)
            if item is not None:
                return item
        return None

    def any(self, start: int, end: int) -> bool:
        return self.first(start, end) is not None


def _next_to_number(text: str, tok: Token) -> bool:
    return bool(_DIGIT_AFTER_RE.match(text, tok.end) or _DIGIT_BEFORE_RE.search(text, max(0, tok.start - 4), tok.start))


_DIGIT_AFTER_RE = re.compile(r"[ ,.]{0,2}\d")
_DIGIT_BEFORE_RE = re.compile(r"\d[ ,.]{0,2}$")


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return a.end == b.start


def _same_line_gap(text: str, a: Token, b: Token) -> bool:
    """Only spaces (no newline, no punctuation) between two tokens."""
    return a.line == b.line and (b.start - a.end) <= 3 and text[a.end : b.start].strip() == ""


RECOGNIZER_NAME = "NameRecognizer"


class NameRecognizer(EntityRecognizer):
    """PERSON and ORGANIZATION from lexicon, context, signatures, headers and optional spaCy NER."""

    ENTITIES = ("PERSON", "ORGANIZATION")

    def __init__(self, lang: str, finder: NameFinder | None = None) -> None:
        self._finder = finder
        super().__init__(supported_entities=list(self.ENTITIES), supported_language=lang, name=RECOGNIZER_NAME)

    def load(self) -> None:
        if self._finder is None:
            self._finder = NameFinder()

    @property
    def finder(self) -> NameFinder:
        if self._finder is None:
            self._finder = NameFinder()
        return self._finder

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        want_person = "PERSON" in entities
        want_org = "ORGANIZATION" in entities
        if not (want_person or want_org):
            return []
        ner: list[tuple[str, int, int]] = []
        if nlp_artifacts is not None and getattr(nlp_artifacts, "entities", None):
            ner = [(e.label_, e.start_char, e.end_char) for e in nlp_artifacts.entities]
        persons, orgs = self.finder.find(text, ner)
        results: list[RecognizerResult] = []
        if want_org:
            for o in orgs:
                results.append(self._result("ORGANIZATION", o.start, o.end, o.score, {o.signal}))
        if want_person:
            for start, end, score, signals in persons:
                results.append(self._result("PERSON", start, end, score, signals))
        return results

    def _result(self, entity: str, start: int, end: int, score: float, signals: set[str]) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=RECOGNIZER_NAME,
            original_score=score,
            textual_explanation="signals: " + ",".join(sorted(signals)),
        )
        return RecognizerResult(
            entity,
            start,
            end,
            score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "signals": sorted(signals),
            },
        )


def name_recognizers(lang: str, organizations: Iterable[str] = ()) -> list[EntityRecognizer]:
    """The PERSON/ORGANIZATION recognizers for one language ("nl" or "en").

    ``organizations``: extra organisation names to keep (the operator's own company); the env var
    ``SCRUBDESK_ORGANIZATIONS`` (comma-separated) is read too.
    """
    return [NameRecognizer(lang, NameFinder(organizations=organizations))]
