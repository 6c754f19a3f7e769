"""The sender's display name, stored only as the scrubber leaves it (issue 21: every message names its sender).

A display name ("Hannah Pryce" in a From header, a Telegram or WhatsApp profile name) is chosen by the
sender and is usually their own name, often written as nobody writes a name in running text ("hannah
pryce" in a chat app). Two rules keep it from resting in clear:

1. It is analysed in a header context (``From: <name>``), where the name finder reads any words as a
   sender's name, not as running text where lower-case words are ordinary words.
2. Deny by default: it is kept only when the scrubber explains every word in it, as a value it strips
   (a person: the stored name is then a placeholder of the ticket's book, the same number as the
   signature in the body) or one the policy keeps (an organisation). A name with any word the scrubber
   does not explain ("Support Team", a nickname) is not stored at all; the ticket then names the sender
   by the channel and address it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scrubber import Analysis, Entity

Analyze = Callable[[str, str | None], Analysis]

_CONTEXT = "From: "
_WORD = re.compile(r"[^\W\d_]+")


def prepare_sender_name(name: str | None, analyze: Analyze, lang: str | None) -> tuple[str, Analysis] | None:
    """The display name and the analysis (offsets into it) to redact it with, or None: not to be stored."""
    if not name or not name.strip():
        return None
    analysis = analyze(_CONTEXT + name, lang)
    shift = len(_CONTEXT)
    entities = tuple(
        Entity(e.type, max(e.start - shift, 0), e.end - shift, e.action, e.score, e.recognizer)
        for e in analysis.entities
        if e.end > shift
    )
    for word in _WORD.finditer(name):
        if not any(e.start <= word.start() and word.end() <= e.end for e in entities):
            return None
    return name, Analysis(analysis.lang, entities)
