"""The ``login`` signal: user names that are a person's name ("jdevries", "s.bakker84", "pieter.jansen").

People make their logins and mailbox names from their names: initial + surname ("jdevries",
"hvanleeuwen"), first.last ("pieter.jansen", "emma_clarke"), first + surname ("ilsebiemans"), digits after
("s.bakker84"). pii-policy: a value inside an e-mail address is not annotated on its own (the address is
stripped whole), but the same login standing alone is a PERSON. A login is taken as a name when

- it is derived from a name found in the same message, or from an e-mail local part there that is a name;
- it follows a login cue ("gebruikersnaam", "username", "login:") and the lexicon reads it as a name;
- its shape alone says so: first.last of known names, initial.surname with digits, initial + tussenvoegsel
  + surname ("jdevries"), or known first name + surname run together ("ilsebiemans").

The candidates are the word tokens, initials glued to a word ("s.bakker"), words joined by "_", and the
host-name-shaped runs the tokenizer skipped ("pieter.jansen"), all known after tokenizing: no extra pass
over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from scrubber.lexicon import fold
from scrubber.recognizers.base import first_letter_guard, may_contain
from scrubber.recognizers.names.candidates import SCORE_MEDIUM, SCORE_STRONG, Candidate
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords

_CUE_WORDS = (
    r"gebruikersnaam|gebruiker|inlognaam|loginnaam|inlog|login|log-in|username|user ?name|user ?id|user|uid"
    r"|accountnaam|benutzername|benutzer|identifiant|utilisateur"
)
_CUE_RE = re.compile(
    first_letter_guard(_CUE_WORDS) + r"(?<![^\W\d_])" + "(?:" + _CUE_WORDS + r")(?![^\W\d_])", re.IGNORECASE
)
_CUE_STEMS = (
    "gebruik", "inlog", "login", "log-in", "user", "uid", "accountnaam", "benutzer", "identifiant", "utilisateur",
)
# a password cue ends the search for a login after a login cue
_SECRET_WORDS = frozenset({"wachtwoord", "password", "pass", "pw", "pwd", "passwort", "kennwort", "mdp", "pin"})
_CUE_REACH = 4  # logins looked at after a cue, on its line
# tussenvoegsels as they are run together in a login ("jdevries", "hvanleeuwen", "kvdlinden"), longest first
_JOINED_INTERFIXES = (
    "vander", "vanden", "vande", "vant", "van", "der", "den", "de", "ter", "ten", "vd", "op", "el", "al", "le",
    "la", "da", "di", "du", "von",
)
_SPLIT = re.compile(r"[._]")
# a login-shaped run: a lower-case letter, lower-case letters and digits, up to three "." "_" "-" joins
# (logins are ASCII and lower case); not part of an e-mail address, a path, a host name or a longer
# identifier (``_BEFORE`` and ``_AFTER`` are its boundaries)
# (?<![\w@./\\-])[a-z][a-z0-9]*(?:[._-][a-z0-9]+){0,3}(?![\w@/\\-]|\.\w), written first letter first (the
# look-behind after it), so that ``re`` skips ahead to a lower-case letter instead of trying the look-behind at
# every position; tests/scrubber/test_scan_forms.py checks that both forms find the same matches
_LOGINISH = re.compile(r"[a-z](?<![\w@./\\-][a-z])[a-z0-9]*(?:[._-][a-z0-9]+){0,3}(?![\w@/\\-]|\.\w)")
_BEFORE = re.compile(r"[\w@./\\-]")
_AFTER = re.compile(r"[\w@/\\-]|\.\w")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# logins of systems and roles, never a person's
_SYSTEM_LOGINS = _words(
    """
    root admin administrator webmaster hostmaster postmaster info support test demo guest user users noreply
    sales contact office ftp www mail database wordpress beheer beheerder
    """
)
# the words of a found name, for the logins made of it (compiled here, not through ``re.findall``'s cache:
# the number recognizers compile a pattern per number, so that cache turns over and this was compiled again)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_LOGIN_SHAPE = re.compile(r"[^\W\d_][^\W_]*(?:[._-][^\W_]+){0,3}")

# how a login reads as a name: (given name or initial, tussenvoegsel, surname)
Parsed = tuple[str, str, str]


def find_login_names(
    view: TextView, words: NameWords, persons: Sequence[Candidate], taken: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """PERSON candidates for the logins of the text; ``taken``: sorted spans already decided (persons,
    organisations), which no login may overlap."""
    text = view.text
    values = _values(text, words)
    cue_ends = _cue_ends(view)
    if not values and not cue_ends:
        return []
    forms = _derived_forms(view, words, persons)
    found_parts = _found_parts(view, words, persons)
    scores: dict[str, float] = {}
    for value in values:
        core = _core(value)
        if core in forms or _from_found_part(core, found_parts):
            scores[value] = SCORE_STRONG
        elif _reads_as_name(words, core, cue=False, digits=value[-1].isdigit()):
            scores[value] = SCORE_MEDIUM
    spans = [(start, end, scores[value]) for value in scores for start, end in _occurrences(text, value)]
    for start, end, value in _after_cues(view, cue_ends):
        if _core(value) in forms or _reads_as_name(words, _core(value), cue=True):
            spans.append((start, end, SCORE_STRONG))
    taken_starts = [s for s, _ in taken]
    found: dict[tuple[int, int], Candidate] = {}
    for start, end, score in spans:
        k = bisect_right(taken_starts, start) - 1
        if (k >= 0 and taken[k][1] > start) or (k + 1 < len(taken) and taken[k + 1][0] < end):
            continue
        if (start, end) not in found or found[(start, end)].score < score:
            found[(start, end)] = Candidate(start, end, score, {"login"})
    return list(found.values())


def _values(text: str, words: NameWords) -> set[str]:
    """The distinct login-shaped values of the text worth a look: runs joined by "." or "_" ("s.bakker84",
    "pieter.jansen") and single words that are no everyday word or plain name ("jdevries"); one scan of the
    text, then set operations."""
    values = set(_LOGINISH.findall(text))
    if not values:
        return values
    joined = {v for v in values if "." in v or "_" in v or "-" in v}
    lex = words.lex
    # (one set at a time: ``difference`` with several sets walks each of them whole)
    singles = (values - joined).difference(lex.vocabulary).difference(lex.first_names).difference(lex.surnames)
    return joined | {v for v in singles if len(v) >= 4 and v not in lex.function_words}


def _occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    """Where ``value`` stands in the text as a whole login (``_LOGINISH``'s boundaries)."""
    pos = text.find(value)
    while pos >= 0:
        end = pos + len(value)
        if _bounded(text, pos, end):
            yield pos, end
        pos = text.find(value, end)


def _after_cues(view: TextView, cue_ends: list[int]) -> Iterator[tuple[int, int, str]]:
    """ "gebruiker lieke": the login-shaped words right after a login cue on its line (no password cue between),
    and a host-name-shaped one ("user grace.adeyemi"), which has no tokens."""
    text, toks, tok_starts = view.text, view.toks, view.tok_starts
    skipped = view.skipped
    skipped_starts = [s for s, _ in skipped]
    for cue_end in cue_ends:
        k = bisect_left(skipped_starts, cue_end)
        if k < len(skipped) and skipped[k][0] - cue_end <= 20 and not text[cue_end : skipped[k][0]].strip(" \t:=,"):
            start, end = skipped[k]
            if _LOGINISH.fullmatch(text, start, end):
                yield start, end, text[start:end]
        k = bisect_left(tok_starts, cue_end)
        for tok in toks[k : k + _CUE_REACH]:
            if tok.start - cue_end > 40 or "\n" in text[cue_end : tok.start] or tok.lower in _SECRET_WORDS:
                break
            if tok.kind != "word":
                continue
            m = _LOGINISH.match(text, tok.start)
            if m and _bounded(text, tok.start, m.end()):
                yield tok.start, m.end(), m.group()


def _bounded(text: str, start: int, end: int) -> bool:
    """The same boundaries as ``_LOGINISH``: not inside an address, a path or a longer identifier."""
    if start and _BEFORE.match(text, start - 1):
        return False
    return not (end < len(text) and _AFTER.match(text, end))


def _core(value: str) -> str:
    """The login without digits at its end and without diacritics: "S.Bakker84" -> "s.bakker"."""
    value = value.rstrip("0123456789").rstrip("._-")
    return value.lower() if value.isascii() else fold(value)


def _cue_ends(view: TextView) -> list[int]:
    if not may_contain(view.lowered, _CUE_STEMS):
        return []
    return [m.end() for m in _CUE_RE.finditer(view.text)]


def parse(words: NameWords, core: str) -> Parsed | None:
    """(given name or initial, tussenvoegsel, surname) when the login is made of them, else None."""
    pieces = _SPLIT.split(core)
    if len(pieces) == 2:
        given, rest = pieces
        split = _surname(words, rest)
        if split and (len(given) == 1 or words.known_first(given)):
            return given, split[0], split[1]
        return None
    if (
        len(pieces) == 3
        and pieces[1] in _JOINED_INTERFIXES
        and words.known_surname(pieces[2])
        and (len(pieces[0]) == 1 or words.known_first(pieces[0]))
    ):
        return pieces[0], pieces[1], pieces[2]  # "jan.de.vries", "jan-willem.vd.berg"
    if len(pieces) != 1:
        return None
    for p in (1, 2):  # initials, then the surname: "jdevries", "pjansen"
        split = _surname(words, core[p:])
        if split and (split[0] or len(split[1]) >= 4):
            return core[:p], split[0], split[1]
    for p in range(3, len(core) - 2):  # a given name run together with the surname: "ilsebiemans"
        if core[:p] in words.lex.first_names:
            split = _surname(words, core[p:])
            if split:
                return core[:p], split[0], split[1]
    return None


def _surname(words: NameWords, rest: str) -> tuple[str, str] | None:
    """(tussenvoegsel, surname) of ``rest`` ("devries" -> ("de", "vries")), or None."""
    lex = words.lex
    for interfix in _JOINED_INTERFIXES:
        if rest.startswith(interfix) and len(rest) - len(interfix) >= 3:
            sur = rest[len(interfix) :]
            if sur in lex.interfix_surnames:
                return interfix, sur
    if len(rest) >= 3 and rest in lex.surnames:
        return "", rest
    return None


def _reads_as_name(words: NameWords, core: str, cue: bool, digits: bool = False) -> bool:
    """Whether the lexicon reads the login as a name: after a cue loosely, standing alone by its shape only."""
    lex = words.lex
    plain = core.replace(".", "").replace("_", "").replace("-", "")
    if plain in _SYSTEM_LOGINS or plain in lex.vocabulary or plain in lex.function_words or plain in lex.common_words:
        return False
    if cue and plain in lex.first_names and len(plain) >= 3:
        return True  # "gebruiker lieke"
    pieces = _SPLIT.split(core)
    if cue and len(pieces) == 2 and pieces[0] in lex.first_names and pieces[1].isalpha() and len(pieces[1]) > 2:
        return True  # "user grace.adeyemi": a given name, then a surname the lexicon need not know
    parsed = parse(words, core)
    if parsed is None:
        return False
    given, interfix, sur = parsed
    if cue:
        return True
    dotted = core != plain
    # an everyday surname ("bakker") with digits after it is a login too: "s.bakker84"
    surname_plain = sur not in lex.common_words or bool(interfix) or digits
    if len(given) == 1:
        # "jdevries", "s.bakker84" (digits), "j.jansen": an initial alone needs a tussenvoegsel, a separator
        return bool(interfix) or (dotted and surname_plain)
    return given not in lex.common_words and surname_plain and (dotted or len(given) >= 4)


def _derived_forms(view: TextView, words: NameWords, persons: Sequence[Candidate]) -> set[str]:
    """The logins people make of the names found in the text and of the e-mail local parts that are names."""
    text, lex = view.text, words.lex
    forms: set[str] = set()
    for c in persons:
        parts = [fold(w) for w in _NAME_WORD.findall(text, c.start, c.end)]
        names = [w for w in parts if w not in lex.interfixes and w not in lex.titles]
        if len(names) < 2:
            continue
        interfix = "".join(w for w in parts[parts.index(names[0]) + 1 :] if w in lex.interfixes)
        forms |= _forms(names[0], interfix, names[-1])
    for start, end in view.skipped:
        value = text[start:end]
        at = value.find("@")
        if at > 0:
            parsed = parse(words, _core(value[:at]))
            if parsed is not None:
                forms |= _forms(*parsed)
    return forms


def _found_parts(view: TextView, words: NameWords, persons: Sequence[Candidate]) -> frozenset[str]:
    """The name words (four letters or more, folded) of every person found, also of one-word names: in a
    CSV paste given name and surname stand in cells of their own ("Ananya,Iyer,aiyer")."""
    text, lex = view.text, words.lex
    out: set[str] = set()
    for c in persons:
        for w in _NAME_WORD.findall(text, c.start, c.end):
            f = fold(w)
            if len(f) >= 4 and f not in lex.interfixes and f not in lex.titles and f not in lex.function_words:
                out.add(f)
    return frozenset(out)


def _from_found_part(core: str, parts: frozenset[str]) -> bool:
    """A login made of one or two initials (maybe a joined tussenvoegsel) and a found name word: "mhuang",
    "ah.elkhattabi", "s_kulkarni", "m.vdberg"; or of two found name words ("ananya.iyer")."""
    if not parts:
        return False
    pieces = _SPLIT.split(core)
    if len(pieces) == 2:
        head, tail = pieces
        if head in parts and tail in parts:
            return True
        return len(head) <= 2 and _tail_found(tail, parts)
    return len(pieces) == 1 and any(_tail_found(core[p:], parts) for p in (1, 2))


def _tail_found(tail: str, parts: frozenset[str]) -> bool:
    if tail in parts:
        return True
    return any(tail.startswith(i) and tail[len(i) :] in parts for i in _JOINED_INTERFIXES)


def _forms(given: str, interfix: str, surname: str) -> set[str]:
    """The usual logins of one name: "jdevries", "j.devries", "jan.devries", "janvries", "devriesj", ..."""
    out: set[str] = set()
    for sur in {interfix + surname, surname} if interfix else {surname}:
        for head in {given, given[:1]}:
            out |= {head + sur, head + "." + sur, head + "_" + sur, head + "-" + sur, sur + head, sur + "." + head}
    if len(given) > 1:
        out.add(given + "." + interfix + "." + surname if interfix else given + surname[:1])
    return out
