"""A password the writer says holds spaces, or is exactly as typed: the whole value up to that note (issue 16).

Why this module exists: chat writers give passphrases with spaces and emoji and then say so, because they know the
spaces matter: "the password was Tulpen 1962 (with the space)", "veranderd naar\\nik hou van brood 🍞🍞\\n(met spaties
ja)", "'Zwaluw#88 Nest' (met spatie ertussen)", "Accra Rain 2022 ☔, precies zo met de paraplu". The cue readers take
one token or a shaped phrase; here the note itself is the evidence that everything between the cue and the note is one
value. Found in the fifth by-author round (authors q and r, chat); the spoken and spelled forms are ``secret_spoken``.

Only after a secret cue, within three lines and 160 characters of it; the value has two to seven words and 5 to 60
characters, and ends at the note, at a closing quote, or at an opening bracket or comma before the note.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

# the note: spaces said to be part of it, or the value said to be exactly as written
_NOTE = re.compile(
    r"(?i)\b(?:with (?:the |a |an |one )?(?:space|spaces)|incl(?:uding|\.)? (?:the )?spaces?|met (?:een |de |die )?"
    r"spaties?|mit (?:einem |dem |den )?leerzeichen|avec (?:un |l'|les |des )?espaces?|precies zo|exactly (?:like "
    r"(?:that|this)|as (?:written|typed|i typed it))|genau so|exactement (?:comme ça|ainsi|comme ceci))\b"
)
# what may stand between the cue and the value: a marker word, a colon, an opening quote
_LEAD = re.compile(r"(?i)[\s:=]*(?:(?:[\w-]+ ){0,4}?(?:is|was|ist|est|lautet|naar|to|in|werd|wordt)\b[\s:]*)?"
                   r"(?P<q>['\"‘“]?)")
_QUOTED = re.compile(r"(?:(?<=[\s:=(])|^)['\"‘“](?=\S)")  # an opening quote, not the apostrophe of "that's"
_CLOSE = {"'": "'", '"': '"', "‘": "’", "“": "”"}
_WINDOW, _LINES = 160, 3
# (a pictograph at the value's end reaches here as a space, ``CredentialRecognizer.find``, and is left: the words
# and digits are the secret)
_END_TRIM = " \t,;.-–(['\"‘“"


def spaced_value(text: str, scan_from: int, out: list[RecognizerResult]) -> bool:
    """The value after a cue when a note after it says it holds spaces or is exact; True when one was added."""
    window_end = min(len(text), scan_from + _WINDOW)
    newlines = 0
    for i in range(scan_from, window_end):
        if text[i] == "\n":
            newlines += 1
            if newlines >= _LINES:
                window_end = i
                break
    note = _NOTE.search(text, scan_from, window_end)
    if note is None:
        return False
    lead = _LEAD.match(text, scan_from, note.start())
    start = lead.end() if lead else scan_from
    quote = lead.group("q") if lead else ""
    if not quote and (opening := _QUOTED.search(text, start, note.start())):
        start, quote = opening.end(), opening.group()  # "van de FTP: 'Zwaluw#88 Nest' (met spatie)": the quoted part
    if quote:
        end = text.find(_CLOSE[quote], start, note.start())
        if end < 0:
            return False
    else:
        end = note.start()
        last_break = text.rfind("\n", start, end)
        if last_break >= 0:
            # the value on a line of its own: the note's line before the note, or the line above a note that starts
            # its line ("naar\nik hou van brood\n(met spaties ja)")
            if text[last_break + 1 : end].strip(" \t(["):
                start = last_break + 1
            else:
                end = last_break
                start = text.rfind("\n", start, end) + 1 or start
        cut = min((i for i in (text.find("(", start, end), text.find(",", start, end)) if i >= 0), default=end)
        end = cut
    while end > start and text[end - 1] in _END_TRIM:
        end -= 1
    value = text[start:end]
    words = value.split()
    if not (2 <= len(words) <= 7 and 5 <= len(value) <= 60) or "\n" in value:
        return False
    # as sure as a shaped secret: the writer says this is the value, and a shaped part of it ("Zwaluw#88" of
    # "Zwaluw#88 Nest") must not outrank the whole
    out.append(RecognizerResult("CREDENTIAL", start, end, 0.99))
    return True
