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
# a sentence that ends in a question mark (the question may run over a comma or two)
_QUESTION = re.compile(r"[^.?!\n]*\?")


def asks_about_own_privacy(text: str) -> bool:
    """Whether a question in ``text`` asks about the writer's own privacy (not a policy or a setting)."""
    return any(_OWN_PRIVACY.search(q.group()) for q in _QUESTION.finditer(text))
