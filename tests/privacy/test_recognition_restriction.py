"""Restriction (art. 18) in German and French: "keep it, but do not use or pass it on meanwhile".

Sentences written for these tests (not from the evaluation corpora or the training files)."""

from __future__ import annotations

import pytest

from privacy.recognition import RequestType
from privacy.recognition.recognizer import rule_labels

S, E = RequestType.RESTRICTION, RequestType.ERASURE


@pytest.mark.parametrize("text", [
    "Bitte löschen Sie meine Kundendaten noch nicht, ich brauche sie als Beweis. Nutzen Sie sie aber nicht mehr.",
    "Ne supprimez pas encore mes informations, elles me servent de preuve. Mais ne les utilisez plus.",
    "Ich bestreite die offene Forderung. Solange das geprüft wird, geben Sie meine Daten bitte nicht weiter.",
    "Je conteste cette dette. Tant que ce n'est pas vérifié, ne transmettez pas mes données à un tiers.",
])
def test_keep_but_do_not_use_is_restriction(text: str) -> None:
    found, _held = rule_labels(text)
    assert S in found
    assert E not in found
