"""The NER models' tokenizer: the language's punctuation rules without its special cases.

spaCy's default Dutch tokenizer holds about 9,000 special cases (abbreviations) and builds a lexeme for
each: loading a pipeline with it took about 1 s (twice: at construction and from disk). The models are
trained and run with this tokenizer instead (prefix, suffix and infix rules, URL and token matches of the
language; no special cases), which loads in milliseconds. The shipped ``config.cfg`` names it, so it is
registered here, before any model is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

TOKENIZER = "scrubdesk.ner_tokenizer.v1"


def ner_tokenizer() -> Callable[[Any], Tokenizer]:
    def create(nlp: Any) -> Tokenizer:
        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return create


registry.tokenizers.register(TOKENIZER, func=ner_tokenizer)
