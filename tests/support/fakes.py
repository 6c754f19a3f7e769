"""Fakes for unit tests of the seams (never the only test of a capability)."""

from __future__ import annotations

import hashlib
import re

from scrubber import Analysis, Entity, PlaceholderBook, ScrubbedText

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DIGITS = re.compile(r"\b\d{9}\b")


class FakeScrubber:
    """Finds e-mail addresses and nine-digit numbers; enough to see the pipeline call redact()."""

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        entities = [Entity("EMAIL_ADDRESS", m.start(), m.end(), "redact", 1.0) for m in _EMAIL.finditer(text)]
        entities += [Entity("NATIONAL_ID", m.start(), m.end(), "redact", 1.0) for m in _DIGITS.finditer(text)]
        entities.sort(key=lambda e: e.start)
        return Analysis(lang=lang or "nl", entities=tuple(entities))

    def redact(self, text: str, analysis: Analysis, book: PlaceholderBook) -> ScrubbedText:
        out, last = [], 0
        for e in analysis.entities:
            if e.action != "redact":
                continue
            digest = hashlib.sha256(text[e.start:e.end].lower().encode()).hexdigest()
            out += [text[last:e.start], f"<{e.type}_{book.number_for(e.type, digest)}>"]
            last = e.end
        out.append(text[last:])
        return ScrubbedText("".join(out))
