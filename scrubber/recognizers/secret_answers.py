"""CREDENTIAL: the answer to a security question or a memorable word, given after the question is named.

Why this module exists: a security answer is a secret of the account (``../shared/docs/pii-policy.md``), yet it is
an ordinary word or a place or family name ("Biscuit", "Hoogeveen", "Penzance") that no shape rule takes, and
people give the question before the answer ("the secret question is my mother's maiden name, it's Ashworth",
"geheime vraag was meisjesnaam moeder: Hoogeveen", "Het antwoord (naam van mijn eerste huisdier) was Snuffie").
After the cue, the first marker (":", "is", "was", "it's", "antwoord", ...) followed by a word that is neither
everyday vocabulary nor a word of the question itself ("naam", "mother", "school") gives the answer, up to the
clause's end; remarks in brackets are skipped. A question talked about without an answer ("ik weet het antwoord op
mijn geheime vraag niet meer") gives none: every word after its markers is everyday vocabulary (issue 16, fresh
corpora round 1: 5 answers missed). General vocabulary of nl/en/de/fr; the values are never listed.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from scrubber.recognizers.base import words
from scrubber.recognizers.prose_words import ABOUT_PASSWORD
from scrubber.recognizers.secret_phrases import _common_words

_QUESTION_CUE = words(
    r"security\s+(?:question|answer)s?", r"secret\s+(?:question|answer)s?", r"memorable\s+(?:word|name|place|answer)",
    r"(?:mother'?s\s+)?maiden\s+name", r"beveiligingsvra(?:ag|gen)", r"veiligheidsvra(?:ag|gen)",
    r"controlevra(?:ag|gen)", r"geheime\s+vra(?:ag|gen)", r"geheim\s+antwoord", r"beveiligingsantwoord",
    r"sicherheitsfragen?", r"sicherheitsantwort", r"geheime\s+frage", r"geheimfrage",
    r"questions?\s+(?:secr[èe]tes?|de\s+s[ée]curit[ée])", r"r[ée]ponse\s+secr[èe]te",
)
STEMS = ("question", "answer", "memorable", "maiden", "vraag", "vragen", "antwoord", "frage", "antwort")
_REACH = 220
_BRACKETS = re.compile(r"\([^()\n]{0,80}\)")
_MARKER = re.compile(
    r"(?i)(?:[:=→]|[ \t][-–][ \t]|\b(?:is|was|were|ist|war|lautet|est|c'est|it'?s|that'?s|dat\s+is|het\s+is"
    r"|antwoord|answer|antwort|r[ée]ponse)\b)[ \t]*"
)
# (letters only: an answer is a word or name; "SEC-Q-03" after "le message d'erreur est" is an error code)
_VALUE = re.compile(r"[\"'“‘]?(?P<v>[^\W\d_](?:[^\W\d_]|['’-]){1,40}(?:[ \t]+[A-Z](?:[^\W\d_]|['’-]){1,40}){0,2})"
                    r"[\"'”’]?")
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[\n.,;!?()]|(?i:and|en|und|et|but|maar|aber|mais|with|met|mit|avec)\b)")
# the words of a question itself ("naam van mijn eerste huisdier", "ville de naissance"): not its answer
_TOPIC_WORDS = """
    name names naam nom namen moeder mother mère mere mutter vader father père pere vater pet pets huisdier haustier
    animal school schule école ecole stad city town ville stadt geboorteplaats birthplace plaats place street straat
    rue straße strasse car auto voiture wagen favourite favorite favoriete lievelings lieblings first eerste erste
    premier première maiden meisjesnaam mädchenname jeune fille born geboren née geboorte birth naissance geburt
    teacher leraar juf meester lehrer professeur friend vriend freund ami book boek buch livre movie film food eten
    colour color kleur farbe couleur team club brand merk holiday vakantie urlaub vacances word woord wort mot
    question questions vraag vragen frage fragen answer answers antwoord antwort réponse reponse memorable maiden's
    mother's mothers father's secret secrète geheime geheim security beveiligingsvraag sicherheitsfrage
"""
_TOPIC = frozenset(_TOPIC_WORDS.split())


def _is_answer(word: str) -> bool:
    low = word.lower().strip("'’")
    return not (low in _common_words() or low in _TOPIC or low in ABOUT_PASSWORD)


def security_answers(text: str, out: list[RecognizerResult]) -> None:
    """Append the answer after each security-question cue of ``text`` (see the module docstring)."""
    for cue in _QUESTION_CUE.finditer(text):
        end = text.find("\n\n", cue.end())
        end = min(len(text) if end < 0 else end, cue.end() + _REACH)
        # remarks in brackets are no answer, and no marker inside them counts: blanked in a copy of equal length
        window = _BRACKETS.sub(lambda b: " " * len(b.group()), text[: end])
        for marker in _MARKER.finditer(window, cue.end(), end):
            m = _VALUE.match(window, marker.end(), end)
            if m is None or not _CLAUSE_END.match(window, m.end()):
                continue
            first = m.group("v").split()[0]
            if _is_answer(first):
                out.append(RecognizerResult("CREDENTIAL", m.start("v"), m.end("v"), 0.9))
                break
