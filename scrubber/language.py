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
_SAMPLE = 1500  # characters split into paragraphs for the dominant language: keeps long messages cheap
# lingua's time grows linearly with the text (about 0.5 µs a character in low-accuracy mode), and a
# couple of dozen words of a paragraph tell Dutch from English as well as 1500 characters do, so a paragraph is
# judged on its start only (measured on the dev and held-out corpora, 364 messages: the same language on
# every Dutch or English one at these sizes; fewer characters began to err).
_SINGLE_SAMPLE = 160
_MIN_PARAGRAPH = 40
_MAX_PARAGRAPHS = 12
_PARAGRAPH_SAMPLE = 80  # of each of several paragraphs


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    # Low-accuracy mode (trigrams only) is several times faster and tells Dutch from English reliably on
    # a sentence or more; very short texts fall back to the configured default language anyway.
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_preloaded_language_models()
        .with_low_accuracy_mode()
        .build()
    )


def warm_up(codes: tuple[str, ...]) -> None:
    """Build the detector (loads its models) so the first message is not slow."""
    _detector(codes).detect_language_of("warm up")


def _code(lang: Language | None) -> str | None:
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def detect(
    text: str, codes: tuple[str, ...], default: str, complete: bool = True
) -> tuple[str, tuple[str, ...]]:
    """The dominant language and all languages present (dominant first).

    ``complete=False`` stops detecting paragraphs once the rest cannot change the dominant language
    (it leads by more than the remaining paragraphs weigh): the dominant language is the same, but the
    languages present may then miss one that only a later paragraph would have added.
    """
    detector = _detector(codes)
    sample = text[:_SAMPLE]
    paragraphs = [p for p in _PARAGRAPH.split(sample) if len(p) >= _MIN_PARAGRAPH][:_MAX_PARAGRAPHS]
    if len(paragraphs) < 2:
        code = _code(detector.detect_language_of(sample[:_SINGLE_SAMPLE]))
        return (code or default), (code or default,)
    # Each paragraph once; the dominant language is the one covering most characters (a tie goes to the
    # language met first in the text). The longest paragraphs are judged first: they weigh most, so with
    # ``complete=False`` the lead is usually certain after one or two of them.
    weight: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    remaining = sum(len(para) for para in paragraphs)
    for index in sorted(range(len(paragraphs)), key=lambda i: -len(paragraphs[i])):
        para = paragraphs[index]
        remaining -= len(para)
        code = _code(detector.detect_language_of(para[:_PARAGRAPH_SAMPLE]))
        if code is not None:
            weight[code] = weight.get(code, 0) + len(para)
            first_seen[code] = min(first_seen.get(code, index), index)
            if not complete:
                lead, second = sorted((*weight.values(), 0), reverse=True)[:2]
                if lead > second + remaining:  # strictly: no later paragraph can even tie it
                    break
    if not weight:
        return default, (default,)
    ranked = sorted(weight, key=lambda c: (-weight[c], first_seen[c]))
    return ranked[0], tuple(ranked)
