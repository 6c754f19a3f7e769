"""Language detection for nl/en messages with lingua (a well-kept, offline, n-gram + rule detector).

Support messages are often mixed: an English message quoting a Dutch reply, a Dutch form with an
English signature. So besides the dominant language, each paragraph long enough to judge is detected
too, and every language present is reported; the engine then runs each present language's
language-specific recognizers (names).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

_PARAGRAPH = re.compile(r"\n\s*\n")
_SAMPLE = 4000  # characters used for the dominant language: enough, and keeps long messages cheap
_MIN_PARAGRAPH = 40
_MAX_PARAGRAPHS = 40


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def warm_up(codes: tuple[str, ...]) -> None:
    """Build the detector (loads its models) so the first message is not slow."""
    _detector(codes).detect_language_of("warm up")


def _code(lang: Language | None) -> str | None:
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def detect(text: str, codes: tuple[str, ...], default: str) -> tuple[str, tuple[str, ...]]:
    """The dominant language and all languages present (dominant first)."""
    detector = _detector(codes)
    dominant = _code(detector.detect_language_of(text[:_SAMPLE])) or default
    present = [dominant]
    for i, para in enumerate(_PARAGRAPH.split(text[: _SAMPLE * 4])):
        if i >= _MAX_PARAGRAPHS:
            break
        if len(para) < _MIN_PARAGRAPH:
            continue
        code = _code(detector.detect_language_of(para))
        if code is not None and code not in present:
            present.append(code)
    return dominant, tuple(present)
