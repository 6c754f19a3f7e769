"""The learned signal: a small spaCy NER for PERSON and ADDRESS, measured and NOT used by the engine.

Why this module exists: issue #16 asked for a learned signal where the rules run out, kept only if it
earns its keep. It does not, so far. Second attempt (2026-12-06, ``bench/ner_ablation.py``; models of
1.4 MB per language: tok2vec 32 wide, 2 CNN layers, 5,000/2,000/2,000/500 hash rows, two epochs, trained
with hard negatives: companies, products, "Team X", places without a street). The vote now runs the
model only on lines with an uncovered word the lexicon knows as a name part or an unexplained number
beside a street-like word (7% of the characters of the dev tune messages, 63 of 384 messages) and
drops company forms. Against the rules alone, TUNE parts only (eval/split.py):

- our corpora, records the model never trained on (453: dev held-out fifths, pii_tune_names,
  pii_tune_places, pii_tune_world2): recall 0.9931 -> 0.9961 (+0.003: three names of 479), precision
  0.9932 -> 0.9927, keep rate unchanged; no group loses more than 0.0022 precision;
- Presidio's synthetic benchmark, tune part (1,200 en): recall 0.7975 -> 0.8177 (+0.0202; PERSON 567 ->
  576/690, ADDRESS 316 -> 336/467), precision 0.9581 -> 0.9585, keep rate 0.8908 -> 0.8908;
- CPU time on bench/scrub.py's texts (pii_dev, 5 interleaved rounds): 1.12x (the first attempt: about
  3x); on the short Presidio texts 1.4-1.7x;
- memory and start-up: peak RSS of a fresh process 301 -> 315 MB (+14 MB); loading both models 0.66 s
  on a quiet moment (0.4 + 0.27 s), 2-3.5 s on the loaded machine of the measurement.

The decision rule written before these numbers (in ``bench/ner_ablation.py``) asks for recall +0.005 on
our tune records or +0.02 on Presidio's, precision loss <= 0.005 and keep loss <= 0.003 on every tune
group, CPU <= 1.3x, and start-up under 2 s and the process under 300 MB with the models loaded. The
first three hold (Presidio's +0.0202 only just, after the vote's filters were tuned on that same part);
the fourth does not (315 MB; the process is at 301 MB without the models, and another change is cutting
memory). Re-measured after that cut (``--part startup --rounds 3``, the same evening, a test run beside
it): peak RSS 162 -> 173 MB, so memory now holds; start-up 2.21-2.65 s without the models and 2.45-2.80 s
with them, so the 2 s limit does not (it is missed without the models too: about 1.4 s of it is
importing Presidio and spaCy). The rule was not met, so the engine still does not load it and no model
ships: on the messages we actually get (nl/en support mail) it finds three more names in 453 messages,
for 11 MB and about a quarter of a second of start-up. Worth another look once start-up is under 2 s
with room to spare: the wiring is a ``ScrubberConfig``
switch, ``model_votes`` added to ``Scrubber._chunk_results``' raw results for the dominant language,
and the two model folders under ``scrubber/ner/models`` (already package data in pyproject.toml).

First attempt (same day, wider gate, no hard negatives): on the tune part no recall gain and precision
0.9966 -> 0.9767; on Presidio's benchmark recall 0.558 -> 0.731 but keep 0.897 -> 0.784 (organisations
taken for people), at about 3-8 times the time per message.

So ``scrubber.engine`` does not load it and no model ships in the package (``scrubber/ner/models`` is
where ``ner_recognizer`` looks; ``python -m training.ner --out var/ner/<lang>`` and ``bench/ner_ablation.py
--models var/ner`` measure it).

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
