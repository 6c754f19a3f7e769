"""The ``signature`` signal: the name under a closing ("Met vriendelijke groet", "Cheers", "Best,").

The rest of a closing line ("groetjes roos", "Thanks, Tom"), the line after a closing or a signature
separator ("--"), and a name-shaped last line of the message (contact details and a company line may
follow it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scrubber.recognizers.names.candidates import SCORE_MEDIUM, SCORE_STRONG, Candidates
from scrubber.recognizers.names.chains import chain, context_chain
from scrubber.recognizers.names.organizations import OrgSpan
from scrubber.recognizers.names.tokens import Token
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords

_CLOSING_BODY = (
    r"(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme|lieve|zonnige)\s+groet(?:en|jes)?|"
    r"groet(?:en|jes)?|gr\.?|grt[sz]?|grtz|mvg\.?|m\.v\.g\.?|vr\.?\s*gr\.?|liefs|doei|fijne\s+(?:dag|avond|weekend)|"
    r"(?:alvast\s+)?(?:bedankt|dank(?:\s+je|\s+u)?(?:\s+wel)?)(?:\s+alvast)?|"
    r"thanks?(?:\s+(?:again|a lot|so much|in advance))?|thank\s+you(?:\s+(?:again|in advance))?|"
    r"many\s+thanks|thx|tx|ta|cheers|(?:kind|best|warm|warmest|many)\s+regards|regards|rgds|kr|br|"
    r"best(?:\s+wishes)?|all\s+the\s+best|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|"
    r"take\s+care|speak\s+soon|talk\s+soon|tot\s+(?:snel|zo|later)|hoogachtend|"
    r"(?:mit\s+)?(?:freundlichen|freundliche|besten|beste|viele|liebe|herzliche|sch(?:ö|oe)ne)\s+gr(?:ü|ue)(?:ß|ss)(?:e|en)|"
    r"gr(?:ü|ue)(?:ß|ss)e|lg|vg|mfg|danke(?:\s+sch(?:ö|oe)n)?|vielen\s+dank|(?:bien\s+)?cordialement|"
    r"bien\s+(?:à|a)\s+vous|(?:sinc(?:è|e)res\s+|meilleures\s+)?salutations|merci(?:\s+(?:beaucoup|d['’]avance))?|"
    r"bonne\s+(?:journ(?:é|e)e|soir(?:é|e)e)|(?:à|a)\s+bient(?:ô|o)t)"
)
_CLOSING_RE = re.compile(r"^\s*[>|\s]*" + _CLOSING_BODY + r"(?![^\W\d_])\s*[,.!:;-]*\s*", re.IGNORECASE)
# a closing after a sentence on the same line, as chats write it: "dank je! liefs, noor"
# a second closing right after the first: "dank je! liefs, noor", "Thanks, cheers, Tom"
_NEXT_CLOSING_RE = re.compile(_CLOSING_BODY + r"(?![^\W\d_])[ \t]*[,.!:;-]*[ \t]*", re.IGNORECASE)
_INLINE_CLOSING_RE = re.compile(
    r"(?<=[.!?])[ \t]+" + _CLOSING_BODY + r"(?![^\W\d_])[ \t]*[,.!:;-]*[ \t]*", re.IGNORECASE
)
# a closing after a word or an emoji, without a sentence's end before it ("... gedaan groetjes wilma"); only the
# closings that end a message (not "dank", "bedankt", "thanks for ..." inside a sentence: those need punctuation)
_BARE_CLOSING_RE = re.compile(
    r"(?<=\s)(?:groet(?:en|jes)?|gr\.?|grt[sz]?|grtz|mvg\.?|liefs|doei|cheers|regards|thx|tnx|lg|mfg|cordialement"
    r"|thanks)(?![^\W\d_])[ \t]*[,.!:;-]*[ \t]*",
    re.IGNORECASE,
)
_TAIL = 120
# whom a chat's "thanks" addresses when it is no name ("thanks mate", "groetjes allemaal")
_ADDRESSED = frozenset({"mate", "man", "guys", "all", "team", "both", "again", "dude", "buddy", "bro", "love", "folks",
                        "allemaal", "jongens", "iedereen", "jullie", "alle", "zusammen", "tous"})
# A signature line with a phone number, address, e-mail, URL or a VAT/KvK number (or a table row's number).
_CONTACT_LINE_RE = re.compile(
    r"\d{3}|(?:\d[\s().-]*){6}|@|https?://|www\.|\b(?:tel|gsm|mob|btw|kvk|vat)\b|[,;\t|][ \t]*\d", re.IGNORECASE
)
_SIG_SEPARATOR_RE = re.compile(r"^\s*(?:--\s*|__+|—)\s*$")
_JOINERS = frozenset({"en", "and", "&"})


def find_signature_names(view: TextView, words: NameWords, cands: Candidates, orgs: Sequence[OrgSpan]) -> None:
    """Names after closings and separators, then a name on one of the last lines."""
    nonempty = [k for k, ln in enumerate(view.lines) if ln.strip(" >\t|")]
    _after_closings(view, words, cands, nonempty)
    _last_name_line(view, words, cands, nonempty, orgs)
    if nonempty:
        _trailing_name(view, words, cands, nonempty[-1])
        _dash_signed(view, words, cands, nonempty[-1])


def _after_closings(view: TextView, words: NameWords, cands: Candidates, nonempty: list[int]) -> None:
    """The rest of a closing line, or else the next non-empty line when it follows within one blank line."""
    lines, toks = view.lines, view.toks
    for pos, k in enumerate(nonempty):
        line = lines[k]
        m = _CLOSING_RE.match(line)
        if not m and pos >= len(nonempty) - 2:
            m = _tail_closing(line)
        end = m.end() if m else 0
        while m and end < len(line) and (again := _NEXT_CLOSING_RE.match(line, end)) and again.end() > end:
            end = again.end()
        if m and (end == len(line) or m.group().rstrip()[-1:] in ",.!" or line[end:].strip()):
            rest = line[end:].strip()
            if rest:
                # "groetjes roos", "Thanks, Tom"
                idxs = [x for x in view.tok_by_line.get(k, []) if toks[x].start >= view.line_starts[k] + end]
                if idxs:
                    context_chain(words, view.text, toks, idxs[0], cands.add, "signature", same_line_as=k, relaxed=True)
                continue
            if pos + 1 < len(nonempty) and nonempty[pos + 1] - k <= 2:
                _name_line(view, words, cands, nonempty[pos + 1], SCORE_STRONG)
        elif _SIG_SEPARATOR_RE.match(line) and pos + 1 < len(nonempty):
            _name_line(view, words, cands, nonempty[pos + 1], SCORE_STRONG)


def _tail_closing(line: str) -> re.Match[str] | None:
    """A closing near the end of one of the last lines, with a few words after it: after a sentence ("... nakijken?
    tnx! groetjes fenna van kapsalon knipt"), or, as phones type it, after a word or an emoji without punctuation
    ("... nog gedaan groetjes wilma", "... aan 👍 groetjes marjolein"). Only the line's tail is searched, so a
    one-line chat of any length ends the same way a short one does."""
    tail = max(0, len(line) - _TAIL)
    inline = _INLINE_CLOSING_RE.search(line, tail)
    if inline and inline.end() < len(line) and len(line[inline.end() :].split()) <= 5:
        return inline
    bare = _BARE_CLOSING_RE.search(line, tail)
    rest = line[bare.end() :].split() if bare else []
    if bare and rest and len(rest) <= 3 and rest[0].lower().strip(",.!") not in _ADDRESSED:
        return bare
    return None


def _last_name_line(
    view: TextView, words: NameWords, cands: Candidates, nonempty: list[int], orgs: Sequence[OrgSpan]
) -> None:
    """The last line of a message is often the sender's name without a closing.

    Contact details and a company line may follow it; look up past at most three such lines.
    """
    lines = view.lines
    for back, k in enumerate(reversed(nonempty[1:])):
        if back > 3:
            break
        if _CONTACT_LINE_RE.search(lines[k]) or _is_org_line(lines[k], view.line_starts[k], orgs):
            continue
        if _CLOSING_RE.match(lines[k]):
            break  # "Mvg Lars": the closing's own step took the name after it, the closing is no name
        if len(lines[k].split()) <= 4:
            _name_line(view, words, cands, k, SCORE_MEDIUM, require_lexicon=True)
        break


# A chat signs with a first name after its last sentence, on the same line: "..., thanks. Priya", "... 4471, Wendy",
# "bel me terug - joost", "Manon (client 227104)".
_TRAILING_NAME_RE = re.compile(
    r"(?P<sep>[.!?]|,|[ \t][-–])[ \t]+(?P<name>[^\W\d_]+(?:-[^\W\d_]+)?)[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*[.!]?[ \t]*$"
)


def _trailing_name(view: TextView, words: NameWords, cands: Candidates, k: int) -> None:
    """A known first name that ends the message's last line after a sentence or a comma.

    An everyday word that is also a name ("Grant", "Will") counts only capitalised after a full stop, never after a
    comma ("see you then, will").
    """
    m = _TRAILING_NAME_RE.search(view.lines[k])
    if m is None:
        return
    name = m.group("name")
    if not words.known_first(name) or name.lower() in words.lex.function_words:
        return
    if words.lex.is_common(name) and not (name[0].isupper() and m.group("sep") in ".!?"):
        return
    start = view.line_starts[k] + m.start("name")
    for x in view.tok_by_line.get(k, []):
        if view.toks[x].start == start and view.toks[x].kind == "word":
            cands.add(x, x, SCORE_MEDIUM, "signature")
            return


def _is_org_line(line: str, start: int, orgs: Sequence[OrgSpan]) -> bool:
    """Most of the line is an organisation name."""
    stripped = len(line.strip())
    covered = sum(max(0, min(o.end, start + len(line)) - max(o.start, start)) for o in orgs)
    return stripped > 0 and covered >= 0.6 * stripped


def _name_line(
    view: TextView, words: NameWords, cands: Candidates, k: int, score: float, require_lexicon: bool = False
) -> None:
    """The names that line k starts with ("Gert-Jan en Wilma Hulshof"), up to a separator or a non-name."""
    toks = view.toks
    idxs = view.tok_by_line.get(k, [])
    word_idxs = [x for x in idxs if toks[x].kind in ("word", "ini")]
    if not word_idxs or len(word_idxs) > 8:
        return
    if len(idxs) == 1 and not require_lexicon and _signs_with_initials(view, words, k, toks[idxs[0]]):
        cands.add(idxs[0], idxs[0], score, "signature")  # initials alone under a closing: "Mvg\nPJ" (issue 16)
        return
    found = False
    i = word_idxs[0]
    end_idx = idxs[-1]
    while i <= end_idx:
        if toks[i].kind not in ("word", "ini"):
            # a separator ends the name part of the line: "Lotte | Dommelhost support"
            break
        if toks[i].lower in _JOINERS and found:  # "Gert-Jan en Wilma Hulshof"
            i += 1
            continue
        span = chain(words, view.text, toks, i, lowercase_ok=True, relaxed=True)
        if span is None:
            return
        first, last = span
        if not _signs_as_name(words, words.parts(toks, first, last), require_lexicon):
            return
        cands.add(first, last, score, "signature")
        found = True
        i = last + 1


def _signs_with_initials(view: TextView, words: NameWords, k: int, tok: Token) -> bool:
    """Two or three capitals that are no acronym or word, under a closing not itself in capitals (in a text in
    capitals a team's "Ops" reads as initials: "THANKS,\nOPS")."""
    if len(tok.text) < 2 or not words.is_initial_like(tok):
        return False
    # walk up by index: slicing view.lines[:k] for every one-word line made a long text quadratic
    above = next((view.lines[j] for j in range(k - 1, -1, -1) if view.lines[j].strip()), "")
    return not above.isupper()


def _signs_as_name(words: NameWords, parts: list[Token], require_lexicon: bool) -> bool:
    """Whether a chain on a signature line is a name: an everyday word leads only with a known name."""
    known = any(words.known_first(p.text) or words.known_surname(p.text) for p in parts)
    head = parts[0] if parts else None
    if head is None or (
        head.kind == "word"
        and words.lex.is_common(head.text)
        and not (
            (head.text[0].isupper() and known and len(parts) > 1)
            or (words.known_first(head.text) and head.text[0].isupper())
        )
    ):
        return False
    if require_lexicon and not known:
        return False
    return not (head.kind == "word" and head.text[0].islower() and not known)


# A last line that signs with a dash before one to three words, as chats and forums do ("— harpreet", "-- Kev O."):
# the dash marks a signature as "--" does on a line of its own (issue 16, the fifth by-author round)
_DASH_SIGN_RE = re.compile(r"^[ \t]*(?:—|–|--?)[ \t]*(?=[^\W\d_])(?:[^\W\d_][\w'’.-]*[ \t]*){1,3}$")


def _dash_signed(view: TextView, words: NameWords, cands: Candidates, k: int) -> None:
    """The name after a dash on the message's last line (relaxed like the rest of a closing line)."""
    if _DASH_SIGN_RE.match(view.lines[k]) is None:
        return
    idxs = [x for x in view.tok_by_line.get(k, []) if view.toks[x].kind == "word"]
    if idxs:
        context_chain(words, view.text, view.toks, idxs[0], cands.add, "signature", same_line_as=k, relaxed=True)
