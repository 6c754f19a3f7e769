"""What the learned credential scorer sees of a candidate token: its shape and the words before it.

Why this module exists: the credential rules (``scrubber.recognizers.credentials``, ``secrets``, ``secret_*``) are
cue lists and shapes written from our tuning corpora's misses, and they did not carry over to other authors' text
(issue 16). The scorer in ``scrubber.credential_model`` adds a learned signal where the rules run out; this module
is the one feature function it shares with its training script (``training/credentials/train.py``), so that the
two cannot drift apart (the same practice as ``privacy.recognition.model``).

A candidate is a whitespace-delimited token (brackets, quotes and trailing punctuation trimmed), or the value part
of ``label:value`` / ``label=value``. Its features are plain strings:

- shape: length, character classes and their transitions, a collapsed class pattern, entropy, the digit share,
  how frequent the token and its letter parts are in wordfreq's lists (nl, en, de, fr), and which of the
  deny-by-default explainers (``scrubber.recognizers.explainers``: a date, an address or path, a version, a hash,
  an IP, an amount, a kept number after its cue ...) recognises it;
- context: character 3- to 5-grams of the words before it on its line, or the line above when it starts its line
  (so an unseen compound such as "toegangswachtwoord" or "inlogcode" lights up by its pieces), the nearest word
  whole, the separator right before the token (":", "=", "is", "->"), the word after it, and the language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from scrubber.lexicon import fold
from scrubber.recognizers.explainers import Span, explain_span
from scrubber.word_frequency import top_words

# Characters trimmed from a token's ends (as ``explainers.Span.token`` trims them).
_TRIM_BOTH = "()[]{}<>\"'`,;*“”‘’«»"
_TRIM_RIGHT = ".:!?"
# (tokens of four characters or more: a shorter one is never scored, and the regex skips it without a Python step)
_TOKEN = re.compile(r"(?<!\S)\S{4,}")
# "wachtwoord:Hund1234", "pw=abc": the value after a label glued to it.
_GLUED = re.compile(r"([^\W\d_]{2,24})[:=](?=\S)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|->|=>|[:=#]")
_CONTEXT_WORDS = 6
_WORDS_PER_LANG = 20000
_LANGS = ("nl", "en", "de", "fr")
# Separators between the window's last word and the candidate that say "here comes the value".
_SEPARATORS = (":", "=", "->", "=>", "-", "–", "/", "|")


def candidates(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every candidate token of ``text``, in order."""
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        token = m.group()
        stripped = token.lstrip(_TRIM_BOTH)
        start += len(token) - len(stripped)
        token = stripped.rstrip(_TRIM_BOTH + _TRIM_RIGHT)
        end = start + len(token)
        if not token:
            continue
        glued = _GLUED.match(token) if ":" in token or "=" in token else None
        if glued is not None and "//" not in token:
            start += glued.end()
        yield start, end


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    """Each frequent word (folded) with its best rank over the four languages' wordfreq lists."""
    ranks: dict[str, int] = {}
    for lang in _LANGS:
        for rank, word in enumerate(top_words(lang, _WORDS_PER_LANG)):
            key = fold(word)
            if rank < ranks.get(key, _WORDS_PER_LANG):
                ranks[key] = rank
    return ranks


def rank_bucket(word: str) -> str:
    """How frequent a word is: r1 (top 300), r2 (2,000), r3 (8,000), r4 (20,000) or r5 (not listed)."""
    rank = _ranks().get(word.lower() if word.isascii() else fold(word))  # (fold's own ASCII case, inlined)
    if rank is None:
        return "r5"
    return "r1" if rank < 300 else "r2" if rank < 2000 else "r3" if rank < 8000 else "r4"


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "u" if ch.isupper() else "l"
    return "s"


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


def shape_features(token: str) -> list[str]:
    """Length, classes, transitions, pattern, entropy and word frequency of one token."""
    classes = [_char_class(c) for c in token]
    runs = [c for i, c in enumerate(classes) if i == 0 or classes[i - 1] != c]
    present = "".join(sorted(set(classes)))
    n = len(token)
    counts: dict[str, int] = {}
    for ch in token:
        counts[ch] = counts.get(ch, 0) + 1
    entropy = -sum(k / n * math.log2(k / n) for k in counts.values()) * n
    digits = classes.count("d")
    feats = [
        f"len{_bucket(n, (4, 6, 8, 12, 20, 40))}",
        f"cls:{present}",
        f"runs{_bucket(len(runs), (2, 3, 4, 6, 9))}",
        f"pat:{''.join(runs[:6])}",
        f"ent{_bucket(entropy, (8, 16, 28, 48, 96))}",
        f"dig{_bucket(digits / n, (0.01, 0.3, 0.7, 0.99))}",
        f"cls:{present}|len{_bucket(n, (6, 10, 16))}",
    ]
    letters = re.findall(r"[^\W\d_]+", token)
    if letters:
        whole = rank_bucket(token) if len(letters) == 1 and letters[0] == token else "mixed"
        feats.append(f"tok:{whole}")
        parts = [p for p in letters if len(p) >= 3]
        if parts:
            best = min(rank_bucket(p) for p in parts)
            feats.append(f"part:{best}")
            feats.append(f"part:{best}|cls:{present}")
            if len(parts) >= 3:
                feats.append("parts3")
    if re.match(r"^[a-z]{2,5}_", token):
        feats.append("vendor_prefix")
    if token[:1].isupper() and token[1:].islower():
        feats.append("capitalised")
    return feats


def _grams(word: str, prefix: str) -> list[str]:
    padded = f"<{word}>"
    out = [f"{prefix}w:{word}"]
    for size in (3, 4, 5):
        out.extend(f"{prefix}{padded[i:i + size]}" for i in range(len(padded) - size + 1))
    return out


@lru_cache(maxsize=8192)
def word_grams(word: str) -> tuple[str, ...]:
    """The character 3- to 5-grams (and the word itself) of one folded context word."""
    return tuple(_grams(word, "c:"))


def context_words(text: str, start: int) -> list[str]:
    """Up to six folded words before ``start``: its line's, and the nearest non-blank line above's when fewer
    than two stand there (a label on its own line, the value under it)."""
    line_start = text.rfind("\n", 0, start) + 1
    words = _WORD.findall(text[max(line_start, start - 120) : start])
    if len(words) < 2 and line_start > 0:
        above = text[max(0, line_start - 240) : line_start].rstrip()
        last_line = above[above.rfind("\n") + 1 :]
        words = [*_WORD.findall(last_line[-120:]), "<nl>", *words]
    return [fold(w) for w in words[-_CONTEXT_WORDS:]]


def separator(text: str, start: int) -> str:
    """What stands between the last word before the token and the token: ':', '=', 'is', '->', ... or ''."""
    line_start = text.rfind("\n", 0, start) + 1
    left = text[max(line_start, start - 12) : start].rstrip()
    if not left:
        return "linestart"
    for sep in _SEPARATORS:
        if left.endswith(sep):
            return sep
    last = re.search(r"[^\W_]+$", left)
    if last is not None and fold(last.group()) in {"is", "ist", "est", "es", "was", "lautet", "zijn", "are"}:
        return "is"
    return ""


def explainer_feature(text: str, start: int, end: int) -> str:
    """``expl:<name>`` of the explainer that recognises the candidate, or ``expl:none``."""
    return f"expl:{explain_span(Span(text, start, end)) or 'none'}"


def nearest_grams(word: str) -> tuple[str, ...]:
    """The nearest context word's grams, apart from the window's (``n:`` instead of ``c:``)."""
    return tuple(f"n{g[1:]}" for g in word_grams(word))


def context_of(text: str, start: int, end: int) -> tuple[list[str], str, str]:
    """The candidate's context words (``context_words``), its separator and the folded word after it ('-': none)."""
    after = _WORD.match(text, end + 1) if end < len(text) and text[end : end + 1] == " " else None
    return context_words(text, start), separator(text, start), fold(after.group()) if after else "-"


def context_features(text: str, start: int, end: int, lang: str) -> list[str]:
    """The candidate's context: the words before it, the nearest one, the separator, the next word, the language."""
    words, sep, after = context_of(text, start, end)
    feats: list[str] = []
    for word in words:
        feats.extend(word_grams(word))
    if words:
        feats.extend(nearest_grams(words[-1]))
    else:
        feats.append("nowords")
    # (no feature for "nothing after": the generated messages end with their secret far more often than real text)
    feats += [f"sep:{sep}", *([f"next:{after}"] if after != "-" else []), f"lang:{lang}", "bias"]
    return feats


def features(text: str, start: int, end: int, lang: str) -> list[str]:
    """Every feature of the candidate ``text[start:end]`` (see the module docstring)."""
    return [*shape_features(text[start:end]), explainer_feature(text, start, end),
            *context_features(text, start, end, lang)]
