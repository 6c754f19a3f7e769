"""A compact, immutable set of words for the lexicon's rarely asked large lists (issue 16: memory).

A ``frozenset`` of the lexicon's 160,000 street names cost 17.5 MB: one string object per word (about 60
bytes) and a hash table around them. A ``WordSet`` keeps the same words in a few thousand strings (2.6 MB):
each word goes to one of ``len(words) // 8`` buckets by a CRC-32 of its UTF-8 bytes (stable across
processes, unlike ``hash``, so the buckets are made once, when the lexicon cache is built, and unpickled as
they are), and a bucket is its words joined by newlines, with a newline before the first and after the
last. A lookup is one CRC-32 and one substring search in about eight words: about ten times a
``frozenset``'s (0.5-1 us against 0.1 us), so it suits lists asked less than once per message (streets,
multi-word places); the names and the vocabulary, asked 30-40 times per message, stay ``frozenset``
(measured on the pii dev tune parts: all seven large lists as ``WordSet`` cost about 5% of the CPU).

It is a ``collections.abc.Set`` (``in``, ``len``, iteration, ``<=``, ``|``, ``&``, ``-``, comparison with
other sets), so code written for the frozensets reads it unchanged, with one exception: ``set.difference``
and friends with a ``WordSet`` as argument walk the whole ``WordSet`` (they take a fast path for real sets
only), so test the members of the small side with ``in`` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any
from zlib import crc32

# words per bucket on average: the substring search reads about this many words
_PER_BUCKET = 8


def _bucket(word: str, count: int) -> int:
    # "surrogatepass": a lone surrogate in a message is a word like any other, not an error
    return crc32(word.encode("utf-8", "surrogatepass")) % count


class WordSet(Set[str]):
    """An immutable set of strings without newlines, held in newline-joined buckets (see the module docstring)."""

    __slots__ = ("_buckets", "_size")

    def __init__(self, words: Iterable[str] = ()) -> None:
        unique = sorted(set(words))
        if any("\n" in w for w in unique):
            raise ValueError("a WordSet holds no word with a newline")
        count = max(1, len(unique) // _PER_BUCKET)
        groups: list[list[str]] = [[] for _ in range(count)]
        for word in unique:
            groups[_bucket(word, count)].append(word)
        self._buckets: tuple[str, ...] = tuple("\n" + "\n".join(g) + "\n" if g else "\n" for g in groups)
        self._size = len(unique)

    @classmethod
    def _from_buckets(cls, buckets: tuple[str, ...], size: int) -> WordSet:
        new = cls.__new__(cls)
        new._buckets, new._size = buckets, size
        return new

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as its buckets: unpickling makes a few thousand strings, not one per word
        return (WordSet._from_buckets, (self._buckets, self._size))

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:
        # what ``|``, ``&`` and ``-`` return: a plain frozenset
        return frozenset(it)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        buckets = self._buckets
        return f"\n{word}\n" in buckets[_bucket(word, len(buckets))]

    def __iter__(self) -> Iterator[str]:
        for bucket in self._buckets:
            if len(bucket) > 1:
                yield from bucket[1:-1].split("\n")

    def __len__(self) -> int:
        return self._size

    def __hash__(self) -> int:
        return self._hash()  # as frozenset's: equal sets hash equal, whatever their class

    def __repr__(self) -> str:
        return f"<WordSet of {self._size} words>"
