"""A question about the writer's own privacy with us: a possible request for the officer (issue 18, triage).

"What happens to my privacy if I cancel?" exercises no right yet, but it may be the start of one, and a missed
request breaks the one-month deadline of art. 12(3) GDPR while a false alarm costs an officer a click. The
model's request score for such a question sits near the ``possible`` level (round 14's retrained model put one
just under it), so this rule makes the message possible whatever the score; it never labels a type.

Only a question (a sentence ending in "?") about "my privacy" in nl/en/de/fr counts: the writer's privacy
*policy*, statement or settings (their own site's or their dashboard's), and their customers' privacy, are
ordinary support.
"""

from __future__ import annotations

import re

from privacy.recognition.lexicon import rx

# "mijn privacy", "my privacy", "meine(r) Privatsphäre", "ma vie privée": not followed by a word that makes it a
# document or a setting ("mijn privacyverklaring" is one word and does not match; "my privacy policy" is stopped)
_OWN_PRIVACY = rx(
    r"\b(?:mijn|m'n|mn) privacy\b(?![-\s]*(?:verklaring|statement|policy|beleid|instelling|pagina|page|tekst))",
    r"\bmy privacy\b(?![-\s]*(?:policy|statement|notice|settings?|page|text|banner))",
    r"\bmeine[rmn]? privatsphäre\b",
    r"\bma vie priv[ée]e\b",
)
# the rest of a sentence up to its end: a question when that end is a question mark
_SENTENCE_END = re.compile(r"[^.?!\n]*(?P<end>[.?!\n]?)")


def asks_about_own_privacy(text: str) -> bool:
    """Whether a question in ``text`` asks about the writer's own privacy (not a policy or a setting).

    The phrase is looked for first and only its own sentence is read on: scanning every sentence for a question
    mark would retry at each character of a long line without one (quadratic in a large body, and this runs on
    most messages, the unlabelled ones)."""
    for m in _OWN_PRIVACY.finditer(text):
        end = _SENTENCE_END.match(text, m.end())
        if end is not None and end.group("end") == "?":
            return True
    return False
