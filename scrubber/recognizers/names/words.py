"""Which words may be part of a name: lexicon look-ups with everyday words held back.

A word the lexicon knows as a first name or surname is a name part unless it is also an everyday word
("Mark as read", "Will you", "Bos"); then the signal that found it decides, with ``relaxed`` tests for
places where a name is all but certain (after "mijn naam is", on a closing line).
"""

from __future__ import annotations

from collections.abc import Sequence

from scrubber.lexicon import Lexicon
from scrubber.recognizers.names.organizations import is_sector_word
from scrubber.recognizers.names.tokens import Token, same_line_gap


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GREETINGS = _words(
    """
    hoi hallo hi hey hello dear beste lieve geachte goedemorgen goedemiddag goedenavond goedendag
    morning afternoon evening dag ha hee heey hoihoi yo hiya howdy
    """
)
PAREN_OPEN = frozenset({"(", '"', "“", "'"})
PAREN_CLOSE = frozenset({")", '"', "”", "'"})


class NameWords:
    """Word tests against the lexicon; every signal asks these."""

    __slots__ = ("lex",)

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def _key(self, word: str) -> str:
        return word.lower().replace("’", "'")

    def known_first(self, word: str) -> bool:
        k = self._key(word)
        return k in self.lex.first_names or (("-" in k) and all(p in self.lex.first_names for p in k.split("-")))

    def known_surname(self, word: str) -> bool:
        k = self._key(word)
        if k in self.lex.surnames or k.replace("'", "") in self.lex.surnames:
            return True
        # double-barrelled: "Mulder-Kramer", "Marsh-Taylor"
        return "-" in k and all(p in self.lex.surnames or p in self.lex.first_names for p in k.split("-"))

    def is_known_name(self, word: str) -> bool:
        return self.known_first(word) or self._key(word) in self.lex.surnames

    def first_before_surname(self, text: str, toks: Sequence[Token], i: int) -> bool:
        """A capitalised known first name right before a known surname that is no everyday word."""
        tok = toks[i]
        if i + 1 >= len(toks) or tok.kind != "word" or not tok.text[0].isupper() or tok.lower in GREETINGS:
            return False
        nxt = toks[i + 1]
        return (
            self.known_first(tok.text)
            and nxt.kind == "word"
            and nxt.text[0].isupper()
            and same_line_gap(text, tok, nxt)
            and self.known_surname(nxt.text)
            and not self.lex.is_common(nxt.text)
            and nxt.lower not in self.lex.vocabulary
            and nxt.lower not in self.lex.function_words
        )

    def surname_after_interfix(self, tok: Token) -> bool:
        """ "de Groot", "de Jong", "van Dam": after a tussenvoegsel an everyday word is a surname."""
        return tok.kind == "word" and tok.text[0].isupper() and self.known_surname(tok.text)

    def is_name_word(self, tok: Token, lowercase_ok: bool, relaxed: bool = False) -> bool:
        """A token that may be a part of a name (not an interfix).

        ``relaxed`` is for places where a name is all but certain (the rest of a closing line, after
        "mijn naam is"): any word that is not an everyday word counts, and known first names count
        even when they are everyday words ("Ben", "mark").
        """
        if tok.kind == "ini":
            return True
        if relaxed and tok.kind == "word" and tok.lower not in GREETINGS and not is_sector_word(tok.lower):
            if self.known_first(tok.text) and (tok.text[0].isupper() or tok.lower not in self.lex.function_words):
                return True
            if (
                tok.lower not in self.lex.function_words
                and tok.lower not in self.lex.vocabulary
                and 1 < len(tok.text) <= 20
                and not is_sector_word(tok.lower)
            ):
                return True
        if tok.kind != "word" or tok.lower in self.lex.function_words or tok.lower in self.lex.vocabulary:
            return False
        if tok.lower in GREETINGS or is_sector_word(tok.lower):
            return False
        if tok.text[0].isupper():
            return len(tok.text) > 1
        return lowercase_ok and (self.known_first(tok.text) or self.known_surname(tok.text))

    def parts(self, toks: Sequence[Token], first: int, last: int) -> list[Token]:
        """The name parts of tokens first..last: words and initials, without the interfixes."""
        return [t for t in toks[first : last + 1] if t.kind in ("word", "ini") and t.lower not in self.lex.interfixes]
