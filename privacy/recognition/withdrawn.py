"""An earlier request the writer withdraws in this message: its report makes no request (issue 18, round 15).

Why this module exists: "Please ignore my email of this morning asking you to erase my account" and "Yesterday I
asked you to delete my account. Please disregard that" hold every word of an erasure request, in a sentence the rules
read as one; but the writer takes it back. A data subject may withdraw a request as freely as make it (art. 12(3)
GDPR sets no form): acting on it would erase an account its owner wants to keep. Two authors of the round-15 tuning
corpora wrote such a message, independently.

The hold is narrow: only a sentence that *reports* the writer's earlier asking ("I asked you to", "asking you to",
"vroeg ik", "hatte ich Sie gebeten", "je vous ai demandé") is held, and only when the message also withdraws
("ignore / disregard / forget that", "vergeet dat maar", "ignorieren Sie das", "oubliez ça", "no longer needed").
A new request beside the withdrawal of something else ("ignore the typo in my last mail. Delete my account") is
no report and stays; a reminder of a request still open withdraws nothing and stays.
"""

from __future__ import annotations

import re

from privacy.recognition.prefilter import Cue, Folded

# The writer takes something back (not "don't ignore me again", not "you ignored my request").
WITHDRAWS = re.compile(
    r"(?<!\bnot )(?<!n't )(?<!\bnever )(?<!\byou )(?<!\bthey )(?<!\bstill )\b(?:ignore|disregard)\b(?! (?:me|us)\b)"
    r"|\bforget (?:about )?(?:it|that|this|my (?:previous|earlier|last|other) (?:e-?mail|mail|message|request))\b"
    r"|\b(?:never ?mind|nothing needs to be (?:deleted|erased|removed|done)"
    r"|(?:i|we) (?:hereby )?withdraw (?:my|our|the|this|that) (?:\w+ )?(?:request|e-?mail|mail|message)"
    r"|please cancel my (?:\w+ )?request)\b"
    # Dutch: the imperative only ("negeer", not "u negeert"); consent taken back is an objection, not this
    r"|\b(?:negeer|vergeet (?:dat|het|mijn (?:vorige|eerdere|laatste) (?:mail|e-?mail|bericht|verzoek))|"
    r"laat (?:dat |het )?maar (?:zitten|zo)|trek\w* (?:ik )?(?:mijn|het|dat) (?:\w+ )?(?:verzoek|mail|bericht) in)\b"
    r"|\b(?:ignorieren sie|vergessen sie (?:das|es|meine)|hat sich erledigt|ziehe (?:ich )?(?:meine|die|diese) "
    r"(?:\w+ )?(?:anfrage|nachricht|mail|e-mail) zurück|betrachten sie (?:\w+ ){0,4}als (?:gegenstandslos|erledigt))\b"
    r"|(?:^|[.!?,;:]\s*|\bveuillez |\bmerci d')(?:oubliez|ignorez)\b|\bne tenez pas compte\b|\bannulez ma demande\b"
    r"|\bje retire ma demande\b",
    re.IGNORECASE | re.MULTILINE,
)

# A sentence that reports the writer's own earlier asking, in the past or as a reference to the earlier mail.
REPORTS_EARLIER_ASK = re.compile(
    r"\b(?:i|we) (?:had |have )?(?:\w+ )?(?:asked|requested|wrote|sent|e-?mailed)\b|\basking (?:you )?(?:to|for)\b"
    r"|\b(?:vroeg|vroegen) (?:ik|wij|we)\b|\b(?:ik|wij|we) (?:heb|had|hebben|hadden) (?:\w+ ){0,4}gevraagd\b"
    r"|\bwaarin (?:ik|wij|we) (?:\w+ ){0,3}(?:vroeg|vroegen|verzocht\w*)\b"
    r"|\b(?:hatte|habe|hatten|haben) (?:ich|wir) (?:\w+ ){0,6}(?:gebeten|verlangt|angefragt|geschrieben)\b"
    r"|\b(?:je|nous) vous (?:ai|avais|avons|avions) (?:\w+ )?demandé\b|\bj'avais demandé\b",
    re.IGNORECASE,
)


# Asked only whether it occurs: each alternative runs only when its literal is in the text (``prefilter.Cue``); the
# plain search tries every alternative and look-behind at every position, about 280 us for a 240-character mail (issue
# 19)
_WITHDRAWS = Cue(WITHDRAWS)


def withdraws(message: str | Folded) -> bool:
    """Whether the writer takes something back in ``message`` (their own text, folded if the caller has it)."""
    return _WITHDRAWS.found_in(message if isinstance(message, Folded) else Folded(message))


def reports_earlier_ask(sentence: str) -> bool:
    """Whether ``sentence`` reports the writer's own earlier asking rather than asking now."""
    return REPORTS_EARLIER_ASK.search(sentence) is not None
