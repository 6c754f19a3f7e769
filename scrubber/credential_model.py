"""The learned credential scorer's vote: it adds CREDENTIAL strips where the rules found nothing (issue 16).

Why this module exists: the credential rules are cue lists and shapes written from our own tuning corpora's misses,
and for three sessions they did not carry over to other authors' phrasing. This is a learned signal where the rules
run out: a logistic regression over ``scrubber.credential_features`` (a token's shape and the character n-grams
of the words before it), trained by ``training/credentials/train.py`` and shipped as plain weights in
``scrubber/data/credential_model.json`` (no scikit-learn, no numpy at run time; loaded once).

The vote only adds: a token that any recognizer reported (stripped or kept), that an explainer recognises (a date,
a version, a host name, a kept number after its cue ...), or that lies in an allow-listed span is never touched.
Of the rest, a token is stripped as CREDENTIAL (recognizer ``CredentialModel``, so "why was this removed" names
it) when the model's probability reaches the threshold chosen by cross-validation on the training data, and only
where a gate holds: the words before it are a credential context by the model's own context weights, or the
token has a secret's shape (letters with digits or symbols, or mixed case inside, six characters or more).
Everyday words are not scored at all (which is also most of what keeps the vote cheap).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from scrubber.credential_features import (
    candidates,
    context_of,
    explainer_feature,
    nearest_grams,
    rank_bucket,
    shape_features,
    word_grams,
)
from scrubber.resolve import Candidate

MODEL_FILE = Path(__file__).parent / "data" / "credential_model.json"
RECOGNIZER = "CredentialModel"
ENTITY = "CREDENTIAL"
# Features that describe the context, not the token: their weights alone decide the context gate.
_CONTEXT_PREFIXES = ("c:", "n:", "sep:", "next:")
_MIN_LEN = 4
# A longer token is a blob: of the cross-validated false strips on the tune parts, a DKIM public key, a SHA-256
# fingerprint, a certificate hash and a masked example key; real long keys are the key-format rules' (key_formats).
_MAX_LEN = 39
_UNEXPLAINED = "expl:none"
_WORD_SUMS_MAX = 50_000
_JOINED = re.compile(r"[^\w]|_")
_PLACEHOLDER = re.compile(r"(.)\1{5}|(?i:example)")


@dataclass(frozen=True)
class CredentialModel:
    """Weights, intercept, the vote's probability threshold and the context gate's least context score."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    context_gate: float
    # each context word's summed gram weights, as a window word and as the nearest word (the vote's hot path)
    _word_sums: dict[tuple[str, bool], float] = field(default_factory=dict, compare=False, repr=False)

    def logit(self, feats: Sequence[str]) -> float:
        return self.intercept + self.weight_sum(feats)

    def weight_sum(self, feats: Sequence[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def context_score(self, feats: Sequence[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats if f.startswith(_CONTEXT_PREFIXES))

    def probability(self, feats: Sequence[str]) -> float:
        return _sigmoid(self.logit(feats))

    def _word_sum(self, word: str, nearest: bool) -> float:
        key = (word, nearest)
        total = self._word_sums.get(key)
        if total is None:
            w = self.weights
            total = sum(w.get(g, 0.0) for g in (nearest_grams(word) if nearest else word_grams(word)))
            if len(self._word_sums) > _WORD_SUMS_MAX:
                self._word_sums.clear()  # (a bound on memory; a race only recomputes a sum)
            self._word_sums[key] = total
        return total

    def context_sum(self, words: Sequence[str], sep: str, after: str) -> float:
        """``context_score`` of ``context_features`` from its parts, each word's gram weights summed once."""
        total = sum(self._word_sum(word, False) for word in words)
        if words:
            total += self._word_sum(words[-1], True)
        w = self.weights
        return total + w.get(f"sep:{sep}", 0.0) + (w.get(f"next:{after}", 0.0) if after != "-" else 0.0)

    def rest_logit(self, words: Sequence[str], lang: str) -> float:
        """What the logit adds to the shape's and the context's weights: intercept, language, bias, no words."""
        w = self.weights
        return (self.intercept + w.get(f"lang:{lang}", 0.0) + w.get("bias", 0.0)
                + (0.0 if words else w.get("nowords", 0.0)))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def load(path: Path = MODEL_FILE) -> CredentialModel:
    """The model in ``path`` (the training script's JSON)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return CredentialModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        context_gate=float(data["context_gate"]),
    )


@lru_cache(maxsize=1)
def shipped() -> CredentialModel:
    """The shipped model, read once per process."""
    return load()


def secret_shape(token: str) -> bool:
    """Letters with digits or symbols, or capitals inside a word, in six characters or more; not everyday words
    joined by symbols ("Pouvez-vous", "aujourd'hui", "Upper+lower+digit+symbol": those need a cue before them)."""
    if len(token) < 6:
        return False
    letters = any(c.isalpha() for c in token)
    digits = any(c.isdigit() for c in token)
    symbols = any(not c.isalnum() for c in token)
    inner_caps = any(c.isupper() for c in token[1:]) and any(c.islower() for c in token)
    if letters and not digits and symbols and not inner_caps:
        parts = [p for p in _JOINED.split(token) if p]
        if all(rank_bucket(p) != "r5" for p in parts if len(p) > 2):
            return False
    return letters and (digits or symbols or inner_caps)


def worth_scoring(token: str) -> bool:
    """Cheap filter before any feature is computed: not too short or long, not an everyday word, not a year, not a
    documentation placeholder (a run of one character: "4b1dXXXXXXXX...", "******"; "...EXAMPLE")."""
    if not _MIN_LEN <= len(token) <= _MAX_LEN:
        return False
    if token.isalpha():
        return rank_bucket(token) == "r5"  # an everyday word is no secret worth a false strip
    if _PLACEHOLDER.search(token):
        return False
    return not (len(token) == 4 and token.isdigit() and token.startswith(("19", "20")))


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def vote(
    text: str, lang: str, taken: Sequence[tuple[int, int]], model: CredentialModel | None = None
) -> list[Candidate]:
    """CREDENTIAL candidates for the tokens of ``text`` outside ``taken`` that the model and the gate agree on."""
    model = model or shipped()
    out: list[Candidate] = []
    for start, end in candidates(text):
        token = text[start:end]
        if not worth_scoring(token) or _overlaps(start, end, taken):
            continue
        shape = secret_shape(token)
        words, sep, after = context_of(text, start, end)
        context = model.context_sum(words, sep, after)
        if not shape and context < model.context_gate:
            continue
        # scored as if no explainer knew it (the only case it may be stripped in); the explainers, the costly part,
        # run only for a token the model would strip. The same sum as ``model.probability(features(...))``.
        p = _sigmoid(model.rest_logit(words, lang) + context + model.weight_sum([*shape_features(token), _UNEXPLAINED]))
        if p < model.threshold or explainer_feature(text, start, end) != _UNEXPLAINED:
            continue  # below the threshold, or an explainer knows it: a date, a path, a version, a kept number ...
        out.append(Candidate(ENTITY, start, end, round(p, 3), RECOGNIZER))
    return out
