"""``NameFinder``: every signal over one text, then overlaps resolved and names propagated."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from scrubber.lexicon import Lexicon, load_lexicon
from scrubber.recognizers.names.candidates import ALL_SIGNALS, SCORE_MEDIUM, Candidates
from scrubber.recognizers.names.greetings import (
    find_greeting_names,
    find_here_names,
    find_intro_names,
    find_label_names,
    find_lower_cue_names,
    find_speaker_names,
)
from scrubber.recognizers.names.headers import find_header_names
from scrubber.recognizers.names.inverted import find_inverted_names
from scrubber.recognizers.names.lexicon_signal import find_lexicon_names
from scrubber.recognizers.names.lists import drop_street_names, find_list_names
from scrubber.recognizers.names.logins import find_login_names
from scrubber.recognizers.names.organizations import OrgSpan, find_organizations
from scrubber.recognizers.names.propagation import extend_left, propagate, resolve_persons
from scrubber.recognizers.names.recipients import find_recipient_names
from scrubber.recognizers.names.signatures import find_signature_names
from scrubber.recognizers.names.tables import find_table_names
from scrubber.recognizers.names.view import TextView
from scrubber.recognizers.names.words import NameWords

# (start, end, score, signals) of one PERSON
PersonSpan = tuple[int, int, float, set[str]]


class NameFinder:
    """Finds PERSON and ORGANIZATION spans in one text. Stateless apart from the lexicon."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        signals: Iterable[str] = ALL_SIGNALS,
        organizations: Iterable[str] = (),
    ) -> None:
        self.lex = lexicon or load_lexicon()
        self.words = NameWords(self.lex)
        self.signals = frozenset(signals)
        self.organizations = tuple(organizations)

    def find(self, text: str, ner: Sequence[tuple[str, int, int]] = ()) -> tuple[list[PersonSpan], list[OrgSpan]]:
        """PERSON candidates (start, end, score, signals) and organisation spans for one text."""
        view = TextView(text)
        words, signals = self.words, self.signals
        orgs = (
            find_organizations(text, view.toks, self.organizations, self.lex.function_words, words.is_known_name)
            if "organization" in signals
            else []
        )
        cands = Candidates(view, words)
        if "lexicon" in signals:
            find_lexicon_names(view, words, cands)
            find_inverted_names(view, words, cands)
        if "greeting" in signals:
            find_greeting_names(view, words, cands)
            find_intro_names(view, words, cands)
            find_here_names(view, words, cands)
            find_speaker_names(view, words, cands)
            find_label_names(view, words, cands)
            find_lower_cue_names(view, words, cands)
        if "signature" in signals:
            find_signature_names(view, words, cands, orgs)
            find_recipient_names(view, words, cands)
        if "header" in signals:
            find_header_names(view, words, cands)
        if "table" in signals:
            find_table_names(view, words, cands)
        if "ner" in signals:
            orgs += _ner_names(view, cands, ner)
        persons = drop_street_names(view, resolve_persons(list(cands.by_span.values()), orgs))
        if "lexicon" in signals:  # the other items of a list that holds a name, or a list of known names
            listed = find_list_names(view, words, persons)
            if listed:
                persons = drop_street_names(view, resolve_persons(persons + listed, orgs))
        if "login" in signals:
            taken = sorted([(c.start, c.end) for c in persons] + [(o.start, o.end) for o in orgs])
            logins = find_login_names(view, words, persons, taken)
            if logins:
                persons = sorted(persons + logins, key=lambda c: c.start)
        if "propagate" in signals and persons:
            persons = propagate(view, words, persons, orgs)
            persons = extend_left(view, words, persons)
        return [(c.start, c.end, c.score, c.signals) for c in persons], orgs


def _ner_names(view: TextView, cands: Candidates, ner: Sequence[tuple[str, int, int]]) -> list[OrgSpan]:
    """The ``ner`` signal: PER/PERSON entities of an installed spaCy pipeline as candidates (when every word
    in them is capitalised); its ORG entities are returned as organisation spans."""
    toks, tok_starts = view.toks, view.tok_starts
    orgs: list[OrgSpan] = []
    for label, start, end in ner:
        if label in ("PER", "PERSON"):
            sub = [k for k in range(bisect_left(tok_starts, start), bisect_left(tok_starts, end)) if toks[k].end <= end]
            if sub and all(toks[k].kind != "word" or toks[k].text[0].isupper() for k in sub):
                cands.add(sub[0], sub[-1], SCORE_MEDIUM, "ner")
        elif label == "ORG":
            orgs.append(OrgSpan(start, end, SCORE_MEDIUM + 0.05, "ner"))
    return orgs
