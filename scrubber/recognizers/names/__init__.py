"""Presidio recognizers for person names (PERSON, stripped) and organisations (ORGANIZATION, kept).

No trained NER model can be installed from the registries this project uses, so names are found from
signals that each say "this is probably a name", combined per candidate (one module per signal):

- ``lexicon`` (``lexicon_signal``): name-shaped words (capitalised chains, initials, tussenvoegsels)
  whose parts are in the install-time lexicon (``scrubber.lexicon``), with everyday words ("Mark as
  read") needing more;
- ``greeting`` (``greetings``): the words right after a greeting or introduction ("Hoi Sanne", "Dear Mr
  O'Neill", "hoi, met sanne", "mijn naam is ...", "Naam: ...");
- ``signature`` (``signatures``): the line(s) after a closing ("Met vriendelijke groet", "Cheers",
  "Best,"), and a name-shaped last line;
- ``header`` (``headers``): quoted and forwarded headers ("From: A B <a@b>", "Op ... schreef A B <...>:",
  "A B <a@b> wrote:"), the display name before an ``<address>``;
- ``ner`` (``finder``): PER/PERSON and ORG entities from a spaCy pipeline with NER, when the operator
  installed one;
- ``propagate`` (``propagation``): every other occurrence of a name (or a part of it) found by the
  signals above.

Organisations (``organizations``) are found first; a person candidate inside one is dropped, so
"Bakkerij Jansen B.V." is kept whole rather than losing "Jansen" (pii-policy.md annotation rules).
The signals share the tokens (``tokens``, ``view``), the lexicon word tests (``words``) and name chains
(``chains``); ``finder`` runs them, ``recognizer`` is the Presidio recognizer. Everything runs in
linear time over a precomputed token list; lookups are frozenset membership tests.
"""

from scrubber.recognizers.names.candidates import ALL_SIGNALS
from scrubber.recognizers.names.finder import NameFinder
from scrubber.recognizers.names.recognizer import NameRecognizer, name_recognizers

__all__ = ["ALL_SIGNALS", "NameFinder", "NameRecognizer", "name_recognizers"]
