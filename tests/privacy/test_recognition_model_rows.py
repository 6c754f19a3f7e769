"""The model's run-time shortcuts (issue 19) give the very features training uses, in the same order.

``LinearModel.rows`` (character n-gram rows cached per vocabulary word) must equal the vocabulary rows of
``features`` one by one, in order, since the scores add up in that order; ``normalise`` skips substitutions
that cannot match and the diacritic folding of an ASCII text, and must equal the plain pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from privacy.recognition import model

ROOT = Path(__file__).resolve().parents[2]
EDGE_CASES = [
    "", "0", "12345 678", "Löschen Sie meine Daten, s’il vous plaît", "Mail me at jan@voorbeeld.nl or WWW.example.org",
    "HTTPS://Example.org/a?b=1 and http://x.y", "İstanbul ſtraße Ǆ ﬁle", "naïve café résumé 𝐁𝐨𝐥𝐝", "a b",
    "don’t delete it’s", "x@y", "@@ www", "ﬀ ½ ² Ⅻ",
]


def _reference_normalise(text: str) -> str:
    """``normalise`` as it was written before the shortcuts."""
    text = text[:4000].lower()
    text = re.sub(r"(?:https?://|www\.)\S+", " urltoken ", re.sub(r"\S+@\S+\.\w+", " emailtoken ", text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\d+", "0", text.replace("’", "'"))


def _texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in sorted((ROOT / "training" / "privacy").glob("*.txt")):
        blocks = re.split(r"^=== .*$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        texts.extend(b.strip() for b in blocks[1:] if b.strip())
    return texts


def test_normalise_equals_the_plain_pipeline() -> None:
    texts = _texts()
    assert len(texts) > 1000
    differ = [i for i, t in enumerate(texts) if model.normalise(t) != _reference_normalise(t)]
    assert not differ, f"{len(differ)} texts differ, first at {differ[:5]}"


def test_rows_are_the_vocabulary_rows_of_the_features_in_order() -> None:
    loaded = model.load()
    assert loaded is not None
    texts = _texts()
    for _ in range(2):  # the second pass reads the rows cached by the first
        for i, text in enumerate(texts):
            expected = [r for r in map(loaded.vocab.get, model.features(text)) if r is not None]
            assert [r for r in loaded.rows(text) if r is not None] == expected, i
    # only vocabulary words are cached: no other word of a message stays in memory
    assert loaded._char_rows and all(f"w:{w}" in loaded.vocab for w in loaded._char_rows)
