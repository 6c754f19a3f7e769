"""The learned half of recognition: one linear classifier per request type over character and word n-grams.

Trained by ``training/privacy/train.py`` (scikit-learn's ``TfidfVectorizer`` with this module's ``features``
as its analyzer, then one ``LogisticRegression`` per type) and shipped as plain numbers in ``model.json``
beside this file: the vocabulary, the idf of each feature and the weights, no pickle and nothing
downloaded at run time. Scoring one message is a sparse dot product: well under a millisecond.

The features are the same function at training and at run time, so the two cannot drift apart:
lower-cased text with diacritics folded ("löschen" = "loschen", typos in accents do not matter),
digits collapsed, addresses and links replaced by a token; word unigrams and bigrams, and character
3- to 5-grams inside words (which carry typos, compounds and inflections: "verwijdert", "verwijderd").
"""

from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).with_name("model.json")
TYPES = ("access", "rectification", "erasure", "restriction", "portability", "objection", "complaint")
# The extra output "request": is this message a privacy-right request of any type?
ANY = "request"

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[a-z0-9_]+(?:'[a-z]+)?")
# The first screens of a message: a request is made there, and this bounds the time per message.
_MAX_CHARS = 4000


def normalise(text: str) -> str:
    """Lower case, diacritics folded, links and addresses as tokens, digits as 0."""
    text = text[:_MAX_CHARS].lower()
    # (the substitutions run only where they can match: each tries every position, which is most of the time
    # normalising takes; an ASCII text has no diacritics to decompose and drop)
    if "@" in text:
        text = _EMAIL.sub(" emailtoken ", text)
    if "http" in text or "www." in text:
        text = _URL.sub(" urltoken ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return _DIGITS.sub("0", text)


def _words(text: str) -> list[str]:
    """The words ``features`` makes n-grams of."""
    # numbers carry no intent ("0" after folding): as features they taught the model that a bare one-time
    # code or a line of digits is a rectification (house numbers, dates of birth in the training data)
    return [w for w in _WORD.findall(normalise(text)) if not w.isdigit()]


def _char_grams(word: str) -> list[str]:
    """The character 3- to 5-grams of a word, padded with a space on either side (in ``features``' order)."""
    padded = f" {word} "
    out: list[str] = []
    for n in (3, 4, 5):
        if len(padded) < n:
            break
        out.extend(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return out


def features(text: str) -> list[str]:
    """The n-grams of a text (the analyzer of the vectorizer, at training and at run time)."""
    words = _words(text)
    out = [f"w:{w}" for w in words]
    out.extend(f"b:{a} {b}" for a, b in pairwise(words))
    for w in words:
        out.extend(_char_grams(w))
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Vocabulary (feature -> row), idf per row, a weight per row and output, and a bias per output."""

    vocab: dict[str, int]
    idf: np.ndarray
    outputs: tuple[str, ...]
    weights: np.ndarray  # rows: features, columns: outputs
    bias: np.ndarray
    # the vote's thresholds chosen with this model (privacy.recognition.vote.Thresholds)
    thresholds: dict[str, object]
    # per word of the vocabulary (a "w:" feature; nothing else, so no message's other words stay in memory): the
    # rows of its character n-grams, made once instead of for every message that has the word
    _char_rows: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def rows(self, text: str) -> list[int | None]:
        """The vocabulary row of each of the ``features`` of ``text``, in their order (None: not in the vocabulary)."""
        words = _words(text)
        get = self.vocab.get
        out = [get(f"w:{w}") for w in words]
        out.extend(get(f"b:{a} {b}") for a, b in pairwise(words))
        known = self._char_rows
        for w, row in zip(words, out[:len(words)], strict=True):
            grams = known.get(w)
            if grams is None:
                grams = tuple(r for r in map(get, _char_grams(w)) if r is not None)
                if row is not None:
                    known[w] = grams
            out.extend(grams)
        return out

    def scores(self, text: str) -> dict[str, float]:
        """The probability per output (each request type, and ``request``) for ``text``."""
        # (feature rows in the order first seen, as before: the sums below add up in the same order)
        counts: Counter[int | None] = Counter(self.rows(text))
        counts.pop(None, None)
        if not counts:
            z = self.bias
        else:
            rows = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            # sublinear tf times idf, L2-normalised: sklearn's TfidfVectorizer(sublinear_tf=True)
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[rows]
            values /= math.sqrt(float(values @ values)) or 1.0
            z = self.bias + values @ self.weights[rows]
        probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return {name: float(p) for name, p in zip(self.outputs, probs, strict=True)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LinearModel:
        vocab, idf, outputs = data["vocab"], data["idf"], data["outputs"]
        assert isinstance(vocab, list) and isinstance(idf, list) and isinstance(outputs, list)
        scale = float(data["scale"])  # type: ignore[arg-type]
        # int8-quantised weights, one row per output, base64 (see training/privacy/train.py)
        raw = base64.b64decode(str(data["weights"]))
        quantised = np.frombuffer(raw, dtype=np.int8).reshape(len(outputs), len(vocab)).astype(np.float64)
        limits = data.get("thresholds") or {}
        assert isinstance(limits, dict)
        if "strong_prefixes" in limits:
            limits = {**limits, "strong_prefixes": tuple(limits["strong_prefixes"])}
        return cls(vocab={f: i for i, f in enumerate(vocab)}, idf=np.array(idf, dtype=np.float64),
                   outputs=tuple(outputs), weights=(quantised * scale).T.copy(),
                   bias=np.array(data["bias"], dtype=np.float64), thresholds=limits)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_FILE) -> LinearModel | None:
    """The shipped model, or None when there is none (recognition then runs on its rules alone)."""
    if not path.is_file():
        return None
    return LinearModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
