"""The learned signal: a small spaCy NER for PERSON and ADDRESS, measured and NOT used by the engine.

Why this module exists: issue #16 asked for a learned signal where the rules run out, kept only if it
earns its keep. It does not, so far: ``bench/ner_ablation.py`` (2026-12-06, models of about 2.4 MB
trained by ``python -m training.ner``) measured, against the rules alone,

- tune records the model never saw (98): recall 1.0000 -> 1.0000, precision 0.9966 -> 0.9767 with the
  votes below (0.9395 as a plain recognizer), about 3.3 times the time per message;
- Presidio's synthetic benchmark (1,500 en): recall 0.558 -> 0.731 and precision 0.960 -> 0.906, but
  keep rate 0.897 -> 0.784 (organisations taken for people) and about 5-8 times the time per message,
  which takes the scrubber from about 15x to about 3x the throughput of Presidio + en_core_web_sm
  (the issue asks for >= 10x).

That decided it (on the tune part, as eval/split.py requires). The test part, run once afterwards,
shows what the tune part could not (the rules miss nothing there): on ``eval/pii_unseen.jsonl`` (240)
the votes raise recall 0.9462 -> 0.9548 (PERSON 293 -> 295/302, ADDRESS 58 -> 62/68) at precision
0.9717 -> 0.9508 and keep 0.9883 -> 0.9814; on pii_dev2's test part recall 0.9128 -> 0.9385 at
precision 0.9678 -> 0.9398; about 3 times the time per message.

So ``scrubber.engine`` does not load it and no model ships in the package (``scrubber/ner/models`` is
where ``python -m training.ner`` writes by default, and where ``ner_recognizer`` looks). The code stays
for the ablation bench and for a next attempt (a model that keeps organisations apart, run only where
the rules leave doubt, e.g. address lines without a street suffix).

How the model would vote with the rules, never against them (``scrubber.ner.vote``): ``model_votes``
runs the model only on the lines where the rules leave doubt and returns extra candidates for overlap
resolution (new spans below every rule's score, or a rule's span extended to the model's longer one).
``ner_recognizer`` gives the loaded model of a language, or None when there is none. The model can also
be registered as a plain Presidio recognizer (``NerModelRecognizer``), but that runs it on every text
and lets through spans the votes filter out.
"""

from __future__ import annotations

from pathlib import Path

from scrubber.ner.recognizer import DEFAULT_SCORES, NerModelRecognizer
from scrubber.ner.vote import model_votes

MODELS_DIR = Path(__file__).resolve().parent / "models"

__all__ = ["DEFAULT_SCORES", "MODELS_DIR", "NerModelRecognizer", "model_path", "model_votes", "ner_recognizer"]


def model_path(lang: str, models_dir: Path | None = None) -> Path | None:
    """The shipped model directory of ``lang``, or None when its files are absent."""
    path = (models_dir or MODELS_DIR) / lang
    if (path / "config.cfg").is_file() and (path / "meta.json").is_file():
        return path
    return None


def ner_recognizer(
    lang: str, scores: dict[str, float] | None = None, models_dir: Path | None = None
) -> NerModelRecognizer | None:
    """The loaded NER recognizer for ``lang``, or None when no model ships for it."""
    path = model_path(lang, models_dir)
    if path is None:
        return None
    return NerModelRecognizer(lang, path, scores)
