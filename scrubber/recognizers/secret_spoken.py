"""CREDENTIAL read aloud: a password spelled one character at a time, or said in number and symbol words (issue 16).

Why this module exists: people dictate to their phone or type as they would say it: "het wachtwoord is nu K o e k 7 7",
"de code voor de deur is 5 2 8 1", "mijn wachtwoord is zonnehoed drie drie uitroepteken". No token of that has a
secret's shape, and the cue rules (``scrubber.recognizers.credentials``) take one token after the cue's marker. Here,
after a cue word (``secret_cues.CUE``) and its marker ("is", "was", "=", ":") on the same line, within
``_CUE_TO_MARKER`` characters ("de code voor de deur van het kantoor is ..."):

- a run of four or more single characters separated by spaces is one value;
- a run of words up to the clause's end (a comma, a full stop, "maar", "dat", "and", ...) is one value when it holds
  a number word or a symbol's name (nl, en, de, fr: "drie", "thousand", "uitroepteken", "hashtag", "Sternchen") and is
  no statement about the password ("twee keer geweigerd", "drie dagen kwijt", "acht tekens": a unit, a count or a
  state word in it ends it as prose).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.base import lowered_for_stems, may_contain
from scrubber.recognizers.secret_cues import CUE, CUE_STEMS
from scrubber.recognizers.spelled import number_word

_CUE_TO_MARKER = 60
_MARKER = re.compile(
    r"(?i)[ \t]*(?:\b(?:is|was|wordt|ist|war|lautet|est|=)\b|[:=])(?:[ \t]+(?:nu|now|jetzt|maintenant))?[ \t]+"
)
_SPELLED = re.compile(r"(?:[^\s,.;](?: [^\s,.;]){3,15})(?=[ \t]*(?:$|[\n,.;!?)]|[ \t][^\s]{2,}))")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SYMBOL_WORDS = frozenset({
    "uitroepteken", "sterretje", "apenstaartje", "hekje", "dollarteken", "streepje", "underscore", "hoofdletter",
    "exclamation", "asterisk", "hashtag", "hash", "dollar", "dash", "hyphen", "capital", "ausrufezeichen",
    "sternchen", "klammeraffe", "raute", "bindestrich", "unterstrich", "großbuchstabe", "étoile", "arobase", "dièse",
    "tiret", "majuscule", "plusteken", "plus",
})
# words that end a spoken value: the clause goes on about the password ("... dat heeft mijn zoon gedaan")
_STOP = frozenset({
    "maar", "dat", "die", "als", "en", "want", "omdat", "met", "aan", "but", "and", "that", "which", "because", "with",
    "if", "aber", "und", "das", "weil", "mit", "wenn", "mais", "et", "que", "parce", "avec", "si",
})
# a count, a unit or a state: the words say something of the password, they are none ("twee keer geweigerd")
_PROSE = frozenset({
    "keer", "keren", "times", "time", "mal", "fois", "dagen", "days", "tagen", "jours", "weken", "weeks", "uur",
    "hours", "tekens", "characters", "zeichen", "caractères", "letters", "cijfers", "digits", "of", "van", "the", "de",
    "het", "a", "an", "letter", "number", "nummer", "al", "nog", "niet", "not", "geweigerd", "kwijt", "verlopen",
    "te", "too", "lang", "kort", "long", "short", "minimaal", "minimum", "maximaal", "in", "geleden", "ago",
})
# articles and everyday words of another language that are number words too ("onze": French 11, Dutch "our")
_ARTICLES = frozenset({"een", "één", "one", "un", "eins", "ein", "une", "onze", "oh", "null", "elf", "neun"})
_MAX_WORDS = 8
# Dictation (issue 16, speech-to-text): letters read one by one do not count against ``_MAX_WORDS`` (a phone writes
# "hoofdletter K o e k o e k 7 7 uitroepteken"), up to ``_MAX_TOKENS`` in all; a letter's case and a symbol's "sign"
# or "mark" are part of the value, "then" joins its pieces, and after "as in" the next word only spells a letter
# ("capital B as in bravo").
_MAX_TOKENS = 40
_CASE_WORDS = frozenset({"capital", "capitals", "uppercase", "lowercase", "small", "hoofdletter", "hoofdletters",
                         "kleine", "großbuchstabe", "kleinbuchstabe", "majuscule", "minuscule"})
_JOINERS = frozenset({"then", "sign", "mark", "teken", "all", "letter"})  # (not Dutch "dan": "bel dan ...")
_SPELL_AS = frozenset({"as", "als", "wie", "comme"})


def spoken_passwords(text: str, out: list[RecognizerResult]) -> None:
    """Spelled and read-aloud values after a cue and its marker (see the module docstring)."""
    if not may_contain(lowered_for_stems(text), CUE_STEMS):
        return  # no cue can be in the text (speed-up only: most texts name no secret)
    for cue in CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        stop = len(text) if line_end < 0 else line_end
        window_end = min(stop, cue.end() + _CUE_TO_MARKER)
        marker = _MARKER.search(text, cue.end(), window_end)
        if marker is None:
            continue
        start = marker.end()
        spelled = _SPELLED.match(text, start)
        if spelled:
            out.append(RecognizerResult("CREDENTIAL", start, spelled.end(), 0.9))
            continue
        end = _read_aloud(text, start, stop)
        if end:
            out.append(RecognizerResult("CREDENTIAL", start, end, 0.9))


def _read_aloud(text: str, start: int, stop: int) -> int:
    """The end of a run of words from ``start`` that holds a number word or a symbol's name, or 0."""
    pos, end, words, strong, tokens, previous, spelling, spelled = start, 0, 0, False, 0, "", 0, 0
    while words < _MAX_WORDS and tokens < _MAX_TOKENS:
        m = _WORD.match(text, pos)
        if m is None or m.start() >= stop:
            break
        word = m.group().lower()
        tokens += 1
        after_then = previous == "then" and word in ("a", "an")  # "then a hashtag"
        dictated = (len(word) == 1 or word in _CASE_WORDS or word in _JOINERS or spelling > 0 or after_then
                    or (word == "at" and text[m.end() : m.end() + 5].lower() == " sign"))
        if spelling:
            spelling -= 1  # "as in bravo": "in" and the spelling word
        elif word in _SPELL_AS and len(previous) == 1 and text[m.end() : m.end() + 4].lower() == " in ":
            spelling, dictated = 2, True  # "B as in bravo"
        spelled += len(word) == 1
        if word in _STOP and not dictated:
            break
        if word in _PROSE and not dictated:
            if strong and spelled >= 4:
                break  # a dictated value ends where the sentence goes on ("... capital T the site is down")
            return 0
        previous = word
        if not dictated:
            words += 1
        if word in _SYMBOL_WORDS or word in _CASE_WORDS or (number_word(word) and word not in _ARTICLES) or (
                word.isdigit() and len(word) == 1):
            strong, end = True, m.end()
        elif not strong or dictated:
            end = m.end()
        nxt = pos = m.end()
        while nxt < stop and text[nxt] in " \t":
            nxt += 1
        if nxt == pos or nxt >= stop or not (text[nxt].isalnum()):
            break  # a comma, a full stop or the line's end closes the clause
        pos = nxt
    return end if strong and (words >= 2 or spelled >= 4) else 0
