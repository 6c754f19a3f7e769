"""The vote of the rules and the model, and what the recogniser is unsure about.

Per request type: a rule's label stands when the model does not reject it (its score at least
``confirm``); the model labels on its own when it is sure (``alone``). A message with no label but a
rule that fired, or a model score over ``possible``, is a *possible* request: it is shown to the privacy
officer for one click (confirm with types, or dismiss), because a missed request breaks the law while a
false alarm costs a click. Every label carries its reasons: the names of the rules that fired and
``model:<score>``. The thresholds are chosen by cross-validation on the training data
(``training/privacy/train.py --cv``) and shipped with the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy.recognition.model import ANY, load
from privacy.recognition.types import Recognition, RequestType


@dataclass(frozen=True, slots=True)
class Thresholds:
    # a rule's label stands when the model's score for that type is at least this
    confirm: float = 0.1
    # the model labels alone at or above this. 0.6 scores a little higher in cross-validation but adds
    # wrong second labels (a label is an action); below it, a message with no label is a possible request
    alone: float = 0.7
    # a rule's label also needs the model's score that the message is a request at all to reach this ...
    gate: float = 0.2
    # ... and a label of the model alone this
    alone_gate: float = 0.5
    # no label, but a rule fired or a score is at least this: a possible request
    possible: float = 0.25
    # rules that stand whatever the model says (an article cited with a request, a right named)
    strong_prefixes: tuple[str, ...] = ()


def thresholds() -> Thresholds:
    loaded = load()
    if loaded is None or not loaded.thresholds:
        return Thresholds()
    return Thresholds(**loaded.thresholds)  # type: ignore[arg-type]  # written by training/privacy/train.py


def score(text: str) -> dict[str, float]:
    """The model's probability per type (and ``request``); empty when no model is installed."""
    loaded = load()
    return loaded.scores(text) if loaded is not None else {}


def decide(found: dict[RequestType, list[str]], scores: dict[str, float], lang: str,
           limits: Thresholds | None = None, held: frozenset[RequestType] = frozenset()) -> Recognition:
    """The labels of the vote, their reasons, and whether the message is a possible request.

    ``held``: types the rules saw named but not exercised (a conditional threat, a list of rights, a
    ground): the model may not label them alone, since its n-grams cannot see the condition; they make
    the message a possible request instead."""
    t = limits or thresholds()
    if not scores:  # no model: the rules alone
        labels = tuple(sorted(found))
        return Recognition(labels=labels, reasons={k: tuple(dict.fromkeys(found[k])) for k in labels}, lang=lang,
                           possible=not labels and bool(held))
    reasons: dict[RequestType, tuple[str, ...]] = {}
    request = scores.get(ANY, 1.0)
    gate, alone_gate = request >= t.gate, request >= t.alone_gate
    for label in RequestType:
        p = scores.get(label.value, 0.0)
        rules = list(dict.fromkeys(found.get(label, [])))
        strong = any(r.split(":")[-1].startswith(t.strong_prefixes) for r in rules) if t.strong_prefixes else False
        if (rules and ((p >= t.confirm and gate) or strong)) or (p >= t.alone and alone_gate and label not in held):
            reasons[label] = (*rules, f"model:{p:.2f}")
    labels = tuple(sorted(reasons))
    unsure = bool(found) or bool(held) or max(scores.values(), default=0.0) >= t.possible
    return Recognition(labels=labels, reasons={k: reasons[k] for k in labels}, lang=lang,
                       possible=not labels and unsure, scores=dict(scores))
