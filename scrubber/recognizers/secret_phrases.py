"""CREDENTIAL values that are phrases: a passphrase on a "password: ..." label line, after the cue's marker, or a
sentence used as a password.

Why this module exists: a passphrase is one value (issue 16), but prose after a password cue ("wachtwoord: zie
bijlage", "my password is not working") is none; telling them apart takes the word lists and rules below, which
``scrubber.recognizers.credentials`` (the cue rules) and its user/password pairs share. Split from that module when
it reached the 600-line limit; the rules are unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.prose_words import ABOUT_PASSWORD as _ABOUT_PASSWORD
from scrubber.recognizers.prose_words import PROSE_AFTER_CUE as _PROSE
from scrubber.recognizers.secret_values import looks_secret as _looks_secret
from scrubber.recognizers.secret_values import strip_token as _strip_token
from scrubber.recognizers.secret_values import unwrap
from scrubber.word_frequency import top_words

# "password: purple monkey dishwasher": a label line whose whole value is a phrase (issue 16: passphrases are
# whole values). Only after a colon or "=" (or "wordt:"/"is:") and only when the rest of the line is a few
# words that do not start like prose ("password: I forgot it", "wachtwoord: zie bijlage").
_LABEL = re.compile(r"[ \t]*(?:(?i:wordt|is|was|ist|est|nu|now))?[ \t]*[:=]")
_PHRASE_WORD = re.compile(r"[^\W_]+[!?#*&.-]?")
_NOT_A_PHRASE_START = frozenset(
    {
        "i", "ik", "we", "wij", "you", "je", "u", "it", "het", "de", "the", "zie", "see", "staat", "stuur", "send",
        "volgt", "follows", "geen", "no", "none", "onbekend", "unknown", "vergeten", "forgot", "forgotten",
        "hetzelfde", "same", "dezelfde", "als", "as", "zoals", "like", "in", "bij", "attached", "bijgevoegd",
        "siehe", "voir", "ich", "nvt", "leeg", "empty", "heb", "have", "has", "kan", "can",
    }
) | (_PROSE - {"correct", "juist", "goed", "reset", "again", "opnieuw"})  # words a passphrase may start with


def label_phrase(text: str, cue_end: int, scan_from: int, line_end: int, out: list[RecognizerResult]) -> bool:
    """The rest of a "password: ..." line (or the next line) as one value when it is a phrase of 2-6 words.

    A cue alone on its line without ":" is a label too ("Password\nzebra komkommer correct rocket"), when the
    next line is 3-6 words of which at most one is a common word or one about the password."""
    label = _LABEL.match(text, cue_end, line_end)
    bare = label is None and scan_from > line_end
    if label is None and not bare:
        return False
    start = label.end() if label is not None and scan_from == cue_end else scan_from
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    value = unwrap(text[start:end].strip().rstrip(".,;"))[0]  # ("Wachtwoord: `zebra ijsbeer staple`")
    words_ = value.split()
    if not 2 <= len(words_) <= 6 or len(value) > 60 or words_[0].lower() in _NOT_A_PHRASE_START:
        return False
    if not all(_PHRASE_WORD.fullmatch(w) for w in words_):
        return False
    if _said_of_a_value(words_):
        return False  # a value and what the customer says of it: "wachtwoord=Zomer2024! werkt niet", "... pls"
    if bare and (len(words_) < 3 or sum(w.lower() in _common_words() or w.lower() in _ABOUT_PASSWORD
                                        for w in words_) > 1):
        return False
    begin = text.index(value, start)
    out.append(RecognizerResult("CREDENTIAL", begin, begin + len(value), 0.96))  # over the .env rule's first word
    return True


# A passphrase in prose after its cue and a marker ("ik heb het wachtwoord veranderd in molen zomer haven appel
# maar ...", "my password is coffee dragon apple window"): the run of 3-6 uncommon words right after the
# marker is one value. Common words (wordfreq's 600 most frequent of nl/en/de/fr) end the run, so prose after a
# cue ("is not working", "is still wrong", "werkt niet meer") never makes one; "in"/"naar"/"to" count as a
# marker only after a verb of changing ("my password in Outlook ..." is no value).
_PHRASE_MARKER = re.compile(
    r"(?i)[^\n.!?]{0,30}?(?:[:=]|\b(?:is|was|wordt|becomes|ist|est|(?:veranderd|gewijzigd|aangepast|changed|updated"
    r"|set|reset|ge[äa]ndert)(?:\s+\w+)?\s+(?:in|naar|to|into|auf|en))\b)"
    r"(?:[ \t]+(?:nu|now|momenteel|currently|inmiddels|jetzt|maintenant|d[ée]sormais)\b)?[ \t]*"
)
_CHANGED_BEFORE = re.compile(r"(?i)\b(?:veranderd|gewijzigd|aangepast|changed|updated|set|reset|ge[äa]ndert)\b(?=\D*$)")
_TO_MARKER = re.compile(r"(?i)[ \t]+(?:in|naar|to|into|auf|en)[ \t]+")
_PLAIN_WORD = re.compile(r"[\"'“‘`\[]?([^\W\d_]{2,}(?:-[^\W\d_]{2,})*)[\"'”’`\]]?")
_PHRASE_STOP = re.compile(r"[ \t]*(?:$|[\n.,;!?)(]|\S)")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The 600 most frequent words of nl, en, de and fr (wordfreq): prose, not a passphrase's picks."""
    return frozenset(w for lang in ("nl", "en", "de", "fr") for w in top_words(lang, 600)) | _PROSE


def plain_phrase(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The span of 3-6 uncommon plain words from ``pos`` (a passphrase), or None."""
    common = _common_words()
    count, last = 0, pos
    while count < 7:
        m = _PLAIN_WORD.match(text, last, end)
        if m is None or m.group(1).lower() in common or any(p in common for p in m.group(1).lower().split("-")):
            break
        count, last = count + 1, m.end()
        if text[last : last + 1] != " ":
            break
        last += 1
    last = pos + len(text[pos:last].rstrip())
    if not 3 <= count <= 6:
        return None
    value = text[pos:last].strip("\"'“”‘’`[]")
    start = text.index(value, pos)
    return start, start + len(value)


def _skips_a_secret(text: str, start: int, end: int) -> bool:
    """Whether the words between a cue and its marker hold a secret-shaped token: that token is the value, not the
    words after the marker ("wachtwoord (Zw4luw§Dak) wordt geweigerd door Outlook")."""
    return any(_looks_secret(_strip_token(tok)[0]) for tok in text[start:end].split()[:-1])


def marker_phrase(text: str, scan_from: int, line_end: int, out: list[RecognizerResult]) -> bool:
    """A passphrase after the cue's marker (see ``_PHRASE_MARKER``), or right after the cue."""
    m = _PHRASE_MARKER.match(text, scan_from, line_end)
    if m is not None and _skips_a_secret(text, scan_from, m.end()):
        return False
    if m is None and _CHANGED_BEFORE.search(text, max(0, scan_from - 50), scan_from):
        m = _TO_MARKER.match(text, scan_from, line_end)  # "I changed the password to ..."
    # (with no marker, the words right after the cue: "wachtwoord haven apple boterham coffee werkt niet")
    rest = text[scan_from:line_end]
    begin = m.end() if m is not None else scan_from + len(rest) - len(rest.lstrip(" \t"))
    span = plain_phrase(text, begin, line_end)
    if span is None and m is not None and _CHANGED_TO.search(m.group()):
        span = _two_words(text, begin, line_end)  # "veranderd in onzehond Bobbie maar ...": two, then the clause ends
    if span is None or (m is None and _sentence_goes_on(text, span[1], line_end)):
        return False
    out.append(RecognizerResult("CREDENTIAL", span[0], span[1], 0.9))
    return True


_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# (only after a verb of changing and its "in"/"to": after "is"/"wordt" two words are a state, "wordt telkens afgewezen")
_CHANGED_TO = re.compile(r"(?i)\b(?:in|naar|to|into|auf|en)[ \t]*$")
_TWO_WORDS = re.compile(
    r"([^\W\d_]{3,})[ \t]+([^\W\d_]{3,})(?=[ \t]*(?:$|[\n.,;!?)(]|(?i:maar|but|aber|mais|en|and|und|et)\b))"
)


def _two_words(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Two uncommon plain words after a marker that end the clause: a passphrase of two (issue 16, fresh corpora)."""
    m = _TWO_WORDS.match(text, pos, end)
    if m is None or any(w.lower() in _common_words() or w.lower() in _ABOUT_PASSWORD for w in m.groups()):
        return None
    return m.start(), m.end()


def _sentence_goes_on(text: str, end: int, line_end: int) -> bool:
    """Whether the sentence goes on after a run of words right after the cue (no marker) with a word that says
    nothing of the password: then the run is prose about it ("the forgotten password scenario involving user
    credentials from the forum"), not a passphrase, which ends its clause (also with "maar", "but") or is followed
    by what is said of it ("wachtwoord haven appel boterham koffie werkt niet")."""
    nxt = _NEXT_WORD.match(text, end, line_end)
    if nxt is None or _CLAUSE_TAIL.match(text, end):
        return False  # the line or the clause ends (punctuation, a quote, a digit, "maar", "but", "pls")
    word = nxt.group(1).lower()
    return word not in _ABOUT_PASSWORD and word not in _CHAT_TAIL


# A password that is a sentence ("haar wachtwoord is ik hou van mijn kat", "the password (...) is correct horse
# battery staple, pls ..."): after a password cue and its marker, 3-7 plain words up to the clause's end, none of
# them a word that talks about the password (its state, whether it works, whose it is) and none a secret by itself.
_SENTENCE_CUE = re.compile(r"(?i)wacht?w|wachtzin|pas+w|pss?w|passphrase|^ww$|^pw$|kennwort")
_CLAUSE = re.compile(r"[^\n,;.!?()\"'“”:=`\[\]]{5,80}")


def sentence_phrase(text: str, cue: re.Match[str], scan_from: int, line_end: int, out: list[RecognizerResult]) -> bool:
    """A sentence used as a password after its cue and marker (see ``_SENTENCE_CUE``), as one value."""
    if not _SENTENCE_CUE.search(cue.group()):
        return False
    m = _PHRASE_MARKER.match(text, scan_from, line_end)
    if m is None or m.group().rstrip().endswith((":", "=")) or _skips_a_secret(text, scan_from, m.end()):
        return False  # a "password: ..." label line is ``label_phrase``'s ("wachtwoord: zie de bijlage")
    opened = text[m.end() : m.end() + 1] in ("`", "[")  # (a wrapped sentence: "is nu [paarse olifant ...]")
    clause = _CLAUSE.match(text, m.end() + opened, line_end)
    if clause is None:
        return False
    value = clause.group()
    cut = _CLAUSE_TAIL.search(value)  # "... is paarse olifant fietst snel maar die pakt ie niet"
    if cut is not None:
        value = value[: cut.start()]
    elif text[clause.end() : clause.end() + 1] not in ("", "\n", ",", ";", ".", "!", "?", ")", "`", "]"):
        return False  # (not a clause that goes on after a quote: "is literally my dog's name")
    words_ = value.split()
    if not 3 <= len(words_) <= 7 or not all(w.isalnum() for w in words_) or not _phrase_words(words_):
        return False
    if any(_looks_secret(w) for w in words_):
        return False  # "hunter2hunter2 lol dont judge": the secret is the token, found alone
    value = value.strip()
    start = text.index(value, m.end())
    out.append(RecognizerResult("CREDENTIAL", start, start + len(value), 0.85))
    return True


# where a sentence password's clause ends: a conjunction or a chat word after it ("..., maar", "lol", "pls")
_CLAUSE_TAIL = re.compile(
    r"(?i)\s(?:maar|but|aber|mais|lol|haha\w*|hihi|xd|pls|please|plz|graag|svp|bitte|dus|want|because|omdat|weil"
    r"|car|sinds|since|seit|depuis)\b"
)


# chat words that end a message after a value ("pls", "thx"): with the state words, no part of a passphrase
_CHAT_TAIL = frozenset({"pls", "plz", "please", "graag", "svp", "bitte", "thx", "thanks", "bedankt", "dank", "danke",
                        "merci", "lol", "haha", "ty"})


def _said_of_a_value(words_: list[str]) -> bool:
    """Whether the words of a label line after its first say something of the value instead of being part of it: a
    chat word ("pls"), or words about the password that end the line or follow each other ("werkt niet", "fout");
    one inside a passphrase is its word ("zebra komkommer correct rocket")."""
    bare = [w.lower().strip("!?.,") for w in words_]
    about = [w in _ABOUT_PASSWORD for w in bare]
    last = len(bare) - 1
    return any(bare[i] in _CHAT_TAIL or (about[i] and (i == last or about[i + 1])) for i in range(1, len(bare)))


def _phrase_words(words_: list[str]) -> bool:
    """No word that talks about the password, except a first one before three uncommon words (a passphrase may
    start with one: "correct horse battery staple", where "password is correct" is prose)."""
    about = [w.lower() in _ABOUT_PASSWORD for w in words_]
    if not any(about):
        return True
    common = _common_words()
    rest = words_[1:]
    return not any(about[1:]) and len(rest) >= 3 and not any(w.lower() in common for w in rest)
