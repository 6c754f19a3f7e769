"""Which words may be part of a name: lexicon look-ups with everyday words held back.

A word the lexicon knows as a first name or surname is a name part unless it is also an everyday word
("Mark as read", "Will you", "Bos"); then the signal that found it decides, with ``relaxed`` tests for
places where a name is all but certain (after "mijn naam is", on a closing line).
"""

from __future__ import annotations

from collections.abc import Sequence

from scrubber.lexicon import Lexicon
from scrubber.recognizers.names.organizations import SECTOR_WORDS, is_sector_word
from scrubber.recognizers.names.tokens import Token, same_line_gap


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GREETINGS = _words(
    """
    hoi hallo hi hey hello dear beste lieve geachte goedemorgen goedemiddag goedenavond goedendag
    morning afternoon evening dag ha hee heey heyy hoihoi yo hiya howdy bonjour salut moin servus hej liebe
    lieber cher chère chere
    """
)
# Acronyms that look like initials ("IT Bakker", "HR Jansen") or a name in capitals ("IBAN", "NINO"): never
# a name part.
_ACRONYMS = _words(
    """
    it ict hr pr bv nv vof cv ceo cto cfo coo dns ssl tls php kpn ing abn sns asn ns rtl ah gdpr avg faq
    api cms seo sql ftp vps url www pdf usb sms btw kvk iban bsn nl be de uk us eu fyi asap pm am tv ok
    nino dob ssn vat bic swift pin puk imei cvc cvv ean sku utc gmt cet cest dkim spf dmarc smtp imap pop
    mvg grt gr lg vg mfg kr br rgds thx tx
    """
)
# Words of greetings and closings that follow a greeting word: never a name ("Beste Grüße", "Sehr geehrte
# Damen und Herren").
# dotted abbreviations that the tokenizer reads as initials: cues and phrases, never a name's initials
_DOTTED_ABBREVIATIONS = _words(
    "t.a.v. t.n.v. i.o.v. i.v.m. m.b.t. z.o.z. a.u.b. s.v.p. o.a. n.a.v. m.v.g. m.vr.gr. p.s. n.b. e.g. i.e. "
    "p.o. u.s. a.k.a. c.q. d.w.z. m.a.w. b.v. n.v. v.o.f. e.k. z.s.m. t.z.t. i.p.v. v.w.b. p.p. c.c. z.b. u.a. d.h. "
    "t.c."  # (Türkiye Cumhuriyeti, before "Kimlik" on a Turkish identity card)
)
_ADDRESS_UNITS = _words("apt apartment suite ste flat unit box bus po postbus floor fl room rm")
_NEVER_NAMES = _words(
    """
    grüße grüsse gruesse groeten groetjes groet regards wishes damen herren dames heren ladies gentlemen
    mesdames messieurs madame monsieur sirs
    kimlik nüfus cüzdanı doğum tarihi soyadı cartão cidadão identidade dowód osobisty
    """
)
# (the last line: the names of identity cards and of a form's fields in Turkish, Portuguese and Polish, which
# customers copy from their documents: "T.C. Kimlik No", "Doğum Tarihi", "Cartão de Cidadão", "Dowód osobisty")
# Tussenvoegsels that start a bare surname with a capital (Dutch spelling: "Van der Berg", "De Jong"
# when no first name or initial precedes them; Belgian names keep the capital always).
BARE_SURNAME_PARTICLES = frozenset(
    {"van", "de", "den", "der", "ter", "ten", "vd", "v.d.", "v/d", "op", "in", "uit", "el", "von", "da", "du", "le"}
)
PAREN_OPEN = frozenset({"(", '"', "“", "'"})
PAREN_CLOSE = frozenset({")", '"', "”", "'"})


# Given names that are also greeting words ("Lieve", Flemish, and "lieve", dear): a name where one is all but certain
# (under a closing, after "tenaamstelling:"), capitalised.
_GREETING_NAMES = frozenset({"lieve"})
# A family signing or addressed as one ("Fam. Pieterse", "Familie de Groot", "la famille Martin"): a title before
# a surname (not the English "family", which names plans and rooms: "Family Plan").
_FAMILY_TITLES = frozenset({"fam", "familie", "famille"})


class NameWords:
    """Word tests against the lexicon; every signal asks these."""

    __slots__ = ("lex", "place_heads", "titles")

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # the lexicon's titles and the family titles (lower case, without their dot)
        self.titles = lex.titles | _FAMILY_TITLES
        # the first words of the multi-word place names ("sri" of "sri lanka")
        self.place_heads = frozenset(phrase.split(" ", 1)[0] for phrase in lex.place_phrases)

    def _key(self, word: str) -> str:
        key = word.lower().replace("’", "'")
        return key[:-2] if key.endswith("'s") and len(key) > 4 else key  # "Daniel's": the name in the possessive

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

    def is_initial_like(self, tok: Token) -> bool:
        """Initials without dots: "J" of "J P de Groot", "JP" of "JP de Groot" (a two- or three-letter word
        in capitals that is no known name, everyday word or acronym). The caller checks a surname follows."""
        text = tok.text
        if tok.kind == "ini":
            return self.is_initial(tok)
        if tok.kind != "word" or not text.isupper() or len(text) > 3:
            return False
        if len(text) == 1:
            return text != "I"
        low = tok.lower
        return (
            low not in _ACRONYMS
            and low not in self.lex.function_words
            and low not in self.lex.common_words
            and not self.is_known_name(text)
        )

    def bare_surname(self, particle: Token, surname: Token) -> bool:
        """A capitalised tussenvoegsel before a capitalised surname it takes ("Van Dijk", "De Jong", "TER HORST")."""
        if not (particle.text[0].isupper() and particle.lower in BARE_SURNAME_PARTICLES):
            return False
        if surname.kind != "word" or not surname.text[0].isupper():
            return False
        k = self._key(surname.text)
        if k in self.lex.interfix_surnames:
            return True
        return self.known_surname(surname.text) and not self.lex.is_common(surname.text) and not self.is_place(surname)

    def is_place(self, tok: Token) -> bool:
        """A place name (world countries and cities, Dutch places) that is no known personal name."""
        low = tok.lower
        if low in self.lex.places:  # "Tilburg", "Breda": Dutch places are places first, also when surnames
            return not self.known_first(tok.text)
        return low in self.lex.place_words and not self.is_known_name(tok.text)

    def first_before_surname(self, text: str, toks: Sequence[Token], i: int) -> bool:
        """A capitalised known first name right before a known surname that is no everyday word."""
        tok = toks[i]
        if i + 1 >= len(toks) or tok.kind != "word" or not tok.text[0].isupper() or tok.lower in GREETINGS:
            return False
        if tok.text.isupper() and tok.lower in self.lex.function_words:
            return False  # "IK BEN PIETER": a shouted word, not "Elke Hendriks"
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
        even when they are everyday words ("Ben", "mark"). A word in capitals ("JANSEN") is written so
        in a shouted line or a form: it counts when the lexicon knows it as a name (any word in a relaxed
        place), as capitals say nothing about it being a name.
        """
        if tok.kind == "ini":
            return self.is_initial(tok)
        if tok.kind != "word":
            return False
        low = tok.lower
        if (
            (low in GREETINGS and not (relaxed and low in _GREETING_NAMES and tok.text[0].isupper()))
            or low in _NEVER_NAMES
            or (is_sector_word(low) and not self.trade_surname(tok.text))
        ):
            return False
        if tok.text.isupper() and low in _ACRONYMS:
            return False
        lex = self.lex
        if relaxed:
            if self.known_first(tok.text) and (tok.text[0].isupper() or low not in lex.function_words):
                return not (tok.text.isupper() and len(tok.text) > 1 and low in lex.function_words)
            if (
                low not in lex.function_words
                and low not in lex.vocabulary
                and 1 < len(tok.text) <= 20
            ):
                return True
        if low in lex.function_words or low in lex.vocabulary:
            return False
        text = tok.text
        if text[0].isupper():
            if len(text) == 1:
                return False
            if text.isupper():
                return self.is_known_name(text)
            return not self.is_place(tok)
        return lowercase_ok and (self.known_first(text) or self.known_surname(text))

    def trade_surname(self, word: str) -> bool:
        """A known surname that only ends in a trade word ("Oosterhuis", -huis; "Timmerman"), not one itself."""
        return word.lower() not in SECTOR_WORDS and self.known_surname(word)

    def is_initial(self, tok: Token) -> bool:
        """An initials token ("J.", "M.J."), not a dotted abbreviation ("t.a.v.", "i.o.v.", "e.g.")."""
        return tok.kind == "ini" and tok.lower not in _DOTTED_ABBREVIATIONS

    def titled_word(self, tok: Token) -> bool:
        """A capitalised word right after a title ("Mr. Baker", "Dr. Justin Beet"): a name unless it is a
        function word, a greeting or an acronym; vocabulary words count here, as surnames often are words."""
        if tok.kind != "word" or len(tok.text) < 2 or not tok.text[0].isupper():
            return False
        low = tok.lower
        if low in GREETINGS or low in _NEVER_NAMES or low in self.lex.function_words or is_sector_word(low):
            return False
        if low in _ADDRESS_UNITS:
            return False  # "Dr. Cindy Holinka Apt. 117": the address goes on
        return not (tok.text.isupper() and (low in _ACRONYMS or not self.is_known_name(tok.text)))

    def parts(self, toks: Sequence[Token], first: int, last: int) -> list[Token]:
        """The name parts of tokens first..last: words and initials, without the interfixes."""
        return [t for t in toks[first : last + 1] if t.kind in ("word", "ini") and t.lower not in self.lex.interfixes]

    def place_phrase_at(self, text: str, toks: Sequence[Token], i: int) -> int:
        """The last token index of a multi-word place name starting at token i ("Sri Lanka"), or -1."""
        key = toks[i].lower
        if key not in self.place_heads:
            return -1
        phrases = self.lex.place_phrases
        for j in range(i + 1, min(i + 3, len(toks))):
            if not same_line_gap(text, toks[j - 1], toks[j]):
                break
            key += " " + toks[j].lower
            if key in phrases:
                return j
        return -1
