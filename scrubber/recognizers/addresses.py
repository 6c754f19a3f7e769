"""Street addresses, postcodes and P.O. boxes (ADDRESS, POSTCODE); the world's other street forms, units and
tails are in ``scrubber.recognizers.addresses_world``.

An ADDRESS is a street with a house number (and addition: 14-2, 92 bis, 187-III, 9a, "bus 3"), plus the
postcode and place that stand with it (pii-policy annotation rules). Streets are recognised by

- Dutch/Belgian/German street-name endings (-straat, -laan, -weg, -steenweg, -straße, ...) or a leading
  street word (Laan van ..., Rue ..., Avenue ...), or a known street name from the names lexicon;
- or, for any name, a following postcode;
- UK style "221B Baker Street" (number first, English street-type word), or any number-first line
  that ends in a UK postcode or Irish Eircode.

A postcode on its own (NL 1234 AB per PostNL; UK outward+inward code) is POSTCODE; the NL form is
distinctive enough alone, with a cue word it scores higher. "Postbus 123" / "P.O. Box" / "Postfach" count as
ADDRESS. Lines written all in lower case (chats) are read a second time in a capitalised view
(``scrubber.recognizers.address_case``) by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scrubber.lexicon import load_lexicon
from scrubber.recognizers import explainers
from scrubber.recognizers.address_case import (
    UNDER_CUE_SCORE,
    LineViews,
    capitalised_lines,
    capitals_view,
    evidenced,
    runs_on,
    runs_view,
    unquoted,
)
from scrubber.recognizers.addresses_world import extend_head, extend_tail, world_addresses
from scrubber.recognizers.base import (
    WORD_START,
    finditer_lines,
    lines_with,
    lowered_for_stems,
    may_contain,
    runs_with,
    words,
)
from scrubber.recognizers.street_types import NORTHERN_ENDINGS

_SUFFIXES = (
    r"straat|str\.|laan|weg|plein|kade|gracht|dijk|singel|park|hof|steeg|pad|dreef|markt|baan|ring|wal"
    r"|veld|allee|steenweg|kaai|lei|dam|haven|plantsoen|erf|oord|hout|berg|zijde|dries|wijk|boulevard"
    r"|straße|strasse|gasse|platz|damm|ufer|chaussee|stede|burcht|poort|brink|akker|kamp|horst|hoeve|veste"
    r"|vest|heuvel|dal|werf|linie|rade|meer|polder|oever|tuin|tuinen|hoek|dorp|eiland|rijk|"
    + "|".join(NORTHERN_ENDINGS)  # written as one word with the name in the Nordic and Baltic languages
)
_PARTICLE = r"(?:van|de|der|den|het|'t|la|le|du|des|d'|di|da|von|am|an|op|aan|in|bij|sur)"
_CAP = r"[A-ZÀ-Þ][\w'’-]*\.?"
_CITY_WORD = r"(?:'s-|’s-)?[A-ZÀ-Þ][\w'’-]*"  # also "'s-Hertogenbosch"
# house number with addition: 9a, 12 A, 14-2, 187-III, 92 bis, 12/1, and Belgian "bus 3"
_NUMBER = (
    # ("100 a" too, a letter in lower case, unless a word follows it: "Dorpsstraat 5 a week")
    r"\d{1,5}(?:(?:bis|ter|[a-zA-Z]{1,2})(?:-\d{1,3})?\b| [A-Z]\b| [a-z](?![\w])(?![ \t]+[a-zà-þ])"
    # (a floor after the dash may carry its letters: "210-2hg", "88-1h", issue 16)
    r"|\s?-\s?(?:\d{1,4}(?:hg|h|hoog)?(?![ \t]?[A-Z]{2}\b)|[A-Za-z]{1,3}|[IVX]{1,4})\b"
    # (an Austrian number carries stair and door: "49/3/12")
    r"| (?:bis|ter|hs|huis|boven|bg|zw|[IVX]{1,4})\b|(?:/\d{1,4}){1,3})?(?:,? (?:bus|bte|box) ?\d{1,4}[a-zA-Z]?)?"
)
# street name ending in a suffix: "Van Woustraat", "Laan van Nieuw Oost-Indië", "Kanaaldijk-Zuid"
_SUFFIX_STREET = re.compile(
    # (an ordinal may open it, "2e Hugo de Grootstraat", and "'s-" a name, "'s-Gravendijkwal")
    r"(?<![\w-])(?P<street>(?:\d{1,2}(?:e|ste|de)[ \t]+)?(?:(?:" + _CAP + r"|" + _PARTICLE + r")[ \t]){0,3}(?:'s-|’s-)?"
    r"[A-ZÀ-Þ][\w'’-]{2,}?(?i:" + _SUFFIXES
    + r")(?:-(?:Zuid|Noord|Oost|West|[A-Z][a-z]+))?)[ \t](?P<num>" + _NUMBER + r")(?![\w-])"
)
_LEADING_WORDS = (
    r"Laan|Rue|Avenue|Av\.|Boulevard|Bd\.|Chaussée|Place|Plein|Square|Quai|Via|Piazza|Kade|Rua|Calle|Avenida|Carrer"
    r"|Avinguda|Passeig|Plaça"
    r"|Dorp|Oude|Nieuwe|Korte|Lange|Hoge|Lage|Burgemeester|Dokter|Admiraal|Generaal|Koningin|Prins|Prinses|Sint"
)
_LEADING_STREET = re.compile(
    r"(?<![\w-])(?P<street>(?:" + _LEADING_WORDS + r")"
    r"(?:[ \t-](?:" + _CAP + r"|" + _PARTICLE + r")){1,4})[ \t](?P<num>" + _NUMBER + r")(?![\w-])"
)
# Where a _LEADING_STREET match can start: a capital that opens one of its words, not after a word character or dash
# (the look-behind after the letter, so that ``re`` skips ahead to those capitals). The ``starts`` of its
# ``finditer_lines``: tried only there instead of searched at every place of a run and its overhang (issue 19; the
# words are case-sensitive, and each begins with a plain capital).
_LEADING_FIRST = "[" + "".join(sorted({word[0] for word in _LEADING_WORDS.split("|")})) + "]"
_LEADING_STARTS = re.compile(_LEADING_FIRST + r"(?<![\w-]" + _LEADING_FIRST + ")")
# ("(?<![\w-])" + _CAP, written with the look-behind after the capital, which it then also covers: the pattern starts
# with a character class, so ``re`` skips ahead to capitals instead of trying the look-behind at every place; the
# same matches, 0.62x the time of a search of the bench bodies; see _NL_POSTCODE_ALONE, issue 19)
_ANY_STREET = re.compile(
    r"(?P<street>[A-ZÀ-Þ](?<![\w-][A-ZÀ-Þ])" + _CAP.removeprefix("[A-ZÀ-Þ]") + r"(?:[ \t-](?:" + _CAP + r"|" + _PARTICLE
    + r")){0,3})[ \t](?P<num>" + _NUMBER + r")(?![\w-])"
)
_NL_POSTCODE = r"[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w])"
_UK_POSTCODE = r"(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w])"
_EIRCODE = r"[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4}(?![\w])"
_CITY = r"(?:[ \t](?:" + _CITY_WORD + r"|" + _PARTICLE + r")(?:[ -](?:" + _CITY_WORD + r"|aan|den|op|de|upon)){0,3})?"
# what may follow a street + number: ", 1234 AB City" / "\n1234 AB City" / ", 9000 Gent" / ", 52062 Aachen"
_TAIL = re.compile(
    # (also Portugal's "4050-265 Porto", issue 16; a letterhead's "·" or "|" between street and place)
    r"(?:,?[ \t]*\n?[ \t]*|,\s|[ \t][-–/·|][ \t])(?:" + _NL_POSTCODE + r"|(?:B-|D-)?\d{4,5}(?=[ \t][A-ZÀ-Þ])"
    r"|\d{4}-\d{3}(?=[ \t][A-ZÀ-Þ]))" + _CITY
)
_TAIL_UK = re.compile(
    r"(?:,[ \t]*(?:" + _CAP + r"(?:[ \t]" + _CAP + r"){0,3}))*,?[ \t]+(?:" + _UK_POSTCODE + r"|" + _EIRCODE + r")"
)
_UK_STREET = re.compile(
    r"(?<![\w-])(?:(?:Flat|Unit|Apartment|Apt\.?|Suite)[ \t]+\w{1,4},?[ \t]+)?\d{1,4}[A-Za-z]?,?[ \t]+" + _CAP
    + r"(?:[ \t]" + _CAP + r"){0,3}[ \t](?:Street|St\.?|Road|Rd\.?|Lane|Ln|Avenue|Ave\.?|Park|Mews|Close|Drive"
    r"|Dr\.?|Way"
    r"|Place|Pl\.?|Gardens|Crescent|Court|Ct\.?|Square|Sq\.?|Terrace|Hill|Brow|Row|Grove|Walk|Green|Parade|Rise"
    r"|View|Yard|Wharf|Quay|Estate|Vale|Gate|Mount|Wynd|Circus|Broadway)(?![\w])"
)
_UK_LINE = re.compile(
    r"(?<![\w-])(?:(?:Flat|Unit|Apartment|Apt\.?|Suite)[ \t]+\w{1,4},[ \t]+)?\d{1,4}[A-Za-z]?,?[ \t]+" + _CAP
    # (the postcode starts a word: "R69 7267" inside an IBAN's "FR69 7267" is no Eircode)
    + r"[^\n]{0,70}?(?<![\w-])(?:" + _UK_POSTCODE + r"|" + _EIRCODE + r")"
)
# a part after a box number on its line: a place of capitalised words with a province code and postcode after it
# ("Red Deer AB T4N 5E7", "Sandton", "Stn A"), or a postcode of digits ("2196")
_POBOX_PART = (
    r"(?:[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2}(?:[ \t]+(?=[A-Z]*\d)[A-Z0-9]{2,8}(?:[ \t][A-Z0-9]{3})?)?"
    r"|\d{3,6}(?:-\d{3,5})?(?:[ \t]+[A-Z]{2}(?![\w-]))?(?:[ \t]+[A-Z][\w'-]*){0,2})"
)
_POBOX = re.compile(
    r"(?<![\w])(?i:postbus|postbox|p\.?\s?o\.?\s?box|antwoordnummer|bo[iî]te\s+postale|postfach|apartado)[ \t]+\d{1,6}"
    r"(?:[ \t]\d{2}(?![\w-])){0,3}"  # the German Postfach in pairs: "Postfach 10 12 34"
    # the box's post office code ("P.O. Box 40417-00100"), then where the box is, on its line: "PO Box 5512, Sandton,
    # 2196", "PO Box 903, Stn A, Red Deer AB T4N 5E7" (the place and postcode say where the person gets mail)
    r"(?:-\d{3,5})?(?:,[ \t]*" + _POBOX_PART + r"(?![\w-])){0,3}"
)
# Everything a street pattern (_SUFFIX_STREET, _LEADING_STREET, _ANY_STREET) matches from its start up
# to the house number's first digit is one of these characters, and "[ \t]\d" is in that stretch: so a
# match starts in a run of them that holds a space or tab before a digit (see ``runs_with``).
_STREET_STOP = re.compile(r"[^\w'’. \t-]")
_STREET_HINT = re.compile(r"\d(?<=[ \t]\d)")  # a digit after a space or tab (digits are the rarer)
# The same for the UK patterns (_UK_STREET, _UK_LINE), which start with the house number: from a match's
# start up to its first capital the characters are those below (commas too), and the stretch holds a
# digit, maybe a letter and a comma, blanks, then a capital. _UK_LINE reads on to a postcode on the same
# line, so it is searched on the lines holding that stretch rather than in the runs.
_UK_STOP = re.compile(r"[^\w'’., \t-]")
_UK_HINT = re.compile(r"\d[A-Za-z]?,?[ \t]+[A-ZÀ-Þ]")
# The street-name endings as plain lower-case words, for ``_ends_in_suffix``.
_SUFFIX_WORDS = tuple(part.replace("\\.", ".") for part in _SUFFIXES.split("|"))


def _ends_in_suffix(text: str, lowered: str | None, run: tuple[int, int]) -> bool:
    """False only when _SUFFIX_STREET cannot match in this street run (a cheap necessary condition).

    A match holds a street-name ending, then maybe "-Zuid"/"-Xxx" (no further "-"), then a space or tab
    and a digit; so the run's text before some space-and-digit ends in an ending, or does after dropping its
    last "-" part. Testing this with ``str.endswith`` saves running the case-insensitive alternation of
    some seventy endings at every position of the run. ``lowered`` is None when case folding is unsafe
    (see ``lowered_for_stems``): then the run is always searched.
    """
    if lowered is None:
        return True
    start, end = run
    for m in _STREET_HINT.finditer(text, start, end):
        before = lowered[start : m.start() - 1]  # up to the space or tab
        if before.endswith(_SUFFIX_WORDS):
            return True
        dash = before.rfind("-")
        if dash >= 0 and before[:dash].endswith(_SUFFIX_WORDS):
            return True
    return False
# How far past the end of its first line an address match (or the matcher looking at one) can reach:
# the house number's addition and "bus 3" (at most ~25 characters) or a postcode split by a newline.
_OVERHANG = 64
_POBOX_STEMS = ("postbus", "postbox", "box", "antwoordnummer", "postale", "postfach", "apartado")
# A postcode not preceded by a word character: "(?<![\w])" + _NL_POSTCODE / _UK_POSTCODE, written with the
# look-behind after the first character (which it then also covers) so that the pattern starts with a
# character class and ``re`` skips ahead to candidates instead of trying the look-behind at every position.
_NL_POSTCODE_ALONE = re.compile(r"[1-9](?<![\w][1-9])" + _NL_POSTCODE.removeprefix("[1-9]"))
_UK_POSTCODE_ALONE = re.compile(
    r"[A-PR-UWYZ](?<![\w][A-PR-UWYZ])(?:(?<=G)IR\s?0AA|[A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w])"
)
# A form's postcode-and-place field ("PLZ/Ort: 80331 München", "Code postal : 75011 Paris"): a postcode of any
# country's digits is one after this label, its street on another line or in another field.
_LABELLED_POSTCODE = re.compile(
    r"(?im)^[ \t>*•-]*(?:plz(?:[ \t]*(?:/|und|u\.)[ \t]*ort)?|postleitzahl(?:[ \t]*/[ \t]*ort)?|code[ \t]+postal"
    r"(?:[ \t]*/[ \t]*ville)?|cp|postcode(?:[ \t]*(?:/|en)[ \t]*(?:woon)?plaats)?|zip(?:[ \t]+code)?)[ \t]*:[ \t]*"
    r"(?P<v>\d{4,5}(?:[ \t]+" + _CITY_WORD + r"(?:[ \t-]" + _CITY_WORD + r"){0,2})?)(?![\w])"
)
_POSTCODE_CONTEXT = words(r"postcode", r"post\s?code", r"zip", r"postal", r"adres", r"address", r"woon\w*", r"live")
_ADDRESS_CUE = words(r"adres\w*", r"address", r"woon\w*", r"live", r"verhuisd", r"moved", r"bezorg\w*",
                     r"vestigings\w*", r"post\w*")
_NOT_STREET_START = frozenset(
    {
        "ik", "je", "we", "wij", "u", "the", "my", "mijn", "our", "ons", "onze", "een", "op", "in",
        "om", "tot", "voor", "na", "per", "nr", "no", "nummer", "number", "factuur", "invoice", "order",
        "klantnummer", "customer", "ticket", "bestelling", "offerte", "kvk", "btw", "vat", "bsn", "iban", "pin",
        "code", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december", "january", "february", "march", "may", "june", "july", "august",
        "october", "sep", "week", "dag", "day", "jaar", "year", "versie", "version", "pakket", "plan",
        "hosting", "vps", "windows", "php", "mysql", "wordpress", "ubuntu", "debian", "python", "node",
        "server", "room", "kamer", "bus", "item", "stap", "step", "page", "pagina", "hoofdstuk", "chapter",
        "artikel", "article"
    }
)


def _lexicon_streets() -> AbstractSet[str]:
    """Street names from the name and place lexicon (deduce lists; loaded once, see ``load_lexicon``)."""
    return load_lexicon().streets


class AddressRecognizer(EntityRecognizer):
    """Addresses, P.O. boxes and stand-alone postcodes."""

    # Every address holds a digit: each pattern it is found by needs one (a house number, a postcode, a box number;
    # an intersection counts only with a house number), and the case views of a text without digits are None.
    # So ``scrubber.analysis_pass`` skips a text without one (display names, "Wachtwoord vergeten", "scan.pdf");
    # tests/scrubber/recognizers/test_addresses.py checks the patterns (issue 19).
    digits_needed = 1

    def __init__(self, lang: str) -> None:
        super().__init__(
            supported_entities=["ADDRESS", "POSTCODE"], supported_language=lang, name="AddressRecognizer"
        )

    def load(self) -> None:
        _lexicon_streets()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        text = unquoted(text)  # a block quoted line by line reads as one (offsets unchanged)
        out = _find(text)
        views = LineViews()  # (the three views below share their lines' views: speed-up only)
        for offset, line in capitalised_lines(text, views):
            found = [r for r in _find(line, postcodes=False) if evidenced(line, r.start, r.end)]
            for r in found:
                r.score = min(r.score, UNDER_CUE_SCORE) if runs_on(line, r.start, r.end) else r.score
                r.start, r.end = r.start + offset, r.end + offset
            out = _merge(out, found)
        caps = capitals_view(text, views)  # lines in capitals (labels, block letters) read as mail writes them
        caps_found: list[RecognizerResult] = []
        if caps is not None:
            caps_found = [r for r in _find(caps, postcodes=False) if evidenced(caps, r.start, r.end, lines=True)]
            out = _merge(out, caps_found)
        runs = runs_view(text, views)  # an address in capitals, or in lower case, inside a line that is neither
        if runs is not None:
            # (most often, in a text written in capitals, the same view as ``caps``: ``_find`` is a function of the
            # view and ``_merge`` reads only the results' values, so its results are merged again, not found again)
            found = caps_found if runs == caps else [
                r for r in _find(runs, postcodes=False) if evidenced(runs, r.start, r.end, lines=True)
            ]
            out = _merge(out, found)
        if entities:
            out = [r for r in out if r.entity_type in entities]
        return out


def _merge(out: list[RecognizerResult], found: list[RecognizerResult]) -> list[RecognizerResult]:
    """``out`` with the addresses a view ``found``: a value inside a longer one belongs to it, so the view's address
    replaces the pieces read as written, and what was read already as written is not added again."""
    out = [
        r
        for r in out
        if not any(v.start <= r.start and r.end <= v.end and r.end - r.start < v.end - v.start for v in found)
    ]
    for r in found:
        if not any(o.entity_type == "ADDRESS" and o.start <= r.start and r.end <= o.end for o in out):
            out.append(r)
    return out


def _find(text: str, *, postcodes: bool = True) -> list[RecognizerResult]:
    """Addresses, P.O. boxes and (unless ``postcodes`` is false) postcodes in ``text`` as written."""
    out: list[RecognizerResult] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, score: float) -> None:
        end = max(_extend_tail(text, end), extend_tail(text, end)[0])
        start = extend_head(text, start)
        out.append(RecognizerResult("ADDRESS", start, end, score))
        taken.append((start, end))

    # Speed-up only: each street pattern is searched only in the lines or runs where a match can start
    # (see _STREET_HINT and _UK_HINT); a match reads at most _OVERHANG characters past them. _SUFFIX_STREET,
    # costly at every place it is tried (a lazy name before a case-insensitive alternation of the endings), is
    # tried only where a word starts (it opens with "(?<![\w-])" and a non-space character): half its time on
    # the bench's bodies; _LEADING_STREET is tried only at the capitals that open its words (_LEADING_STARTS); the
    # other patterns fail fast where no word starts and are searched as before.
    for m in finditer_lines(_UK_LINE, text, lines_with(text, _UK_HINT), _OVERHANG):
        # "19 Nov 1990, postcode M14 5RT" starts with a date, or with its year ("19 nov" not capitalised)
        if not _DATE_START.match(text, m.start()) and not _MONTH_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            add(m.start(), m.end(), 0.9)
    for m in finditer_lines(_UK_STREET, text, runs_with(text, _UK_HINT, _UK_STOP), _OVERHANG):
        add(m.start(), m.end(), 0.88)
    lowered = lowered_for_stems(text)
    street_runs = runs_with(text, _STREET_HINT, _STREET_STOP)
    suffix_runs = [run for run in street_runs if _ends_in_suffix(text, lowered, run)]
    tries = ((_SUFFIX_STREET, suffix_runs, WORD_START), (_LEADING_STREET, street_runs, _LEADING_STARTS))
    for rx, runs, starts in tries:
        for m in finditer_lines(rx, text, runs, _OVERHANG, starts):
            start = _trim_start(text, m.start("street"), m.end("street"))
            if start is None:
                continue
            add(start, m.end(), 0.9)
    streets = _lexicon_streets()
    for m in finditer_lines(_ANY_STREET, text, street_runs, _OVERHANG):
        if any(s <= m.start() < e for s, e in taken):
            continue
        start = _trim_start(text, m.start("street"), m.end("street"))
        if start is None:
            continue
        name = text[start : m.end("street")]
        tail = _TAIL.match(text, m.end())
        known = name.lower() in streets
        if tail and (_NL_POSTCODE_ALONE.search(tail.group()) or known):
            add(start, m.end(), 0.88)
        elif (known or tail) and _ADDRESS_CUE.search(text[max(0, start - 40) : start]):
            add(start, m.end(), 0.75)
        elif tail and not any(s <= start < e for s, e in taken) and _postcode_place(text, m, name, tail.group()):
            add(start, m.end(), 0.8)  # "Coupure Links 377 bus 4, 9000 Gent": the tail says it, whatever the name
        elif _place_after(text, m.end()) and _names_a_street(name, m.group("num")):
            lead = _LEADING_NUMBER.search(text, max(0, start - 8), start)  # "5049 Harjukuja 54, Seinäjoki"
            add(lead.start() if lead else start, m.end(), 0.8)
    if may_contain(lowered, _LOWER_SUFFIXES):  # speed-up only: no street ending, no match
        for start, end in _lower_case_addresses(text):
            if not any(s < end and start < e for s, e in taken):
                out.append(RecognizerResult("ADDRESS", start, end, 0.85))
                taken.append((start, end))
    if may_contain(lowered, _POBOX_STEMS):  # speed-up only: no stem, no match
        for m in _POBOX.finditer(text):
            add(m.start(), m.end(), 0.9)
    for start, end, score in world_addresses(text):
        out.append(RecognizerResult("ADDRESS", start, end, score))
        taken.append((start, end))
    if postcodes and ":" in text:
        for m in _LABELLED_POSTCODE.finditer(text):
            if not any(s <= m.start("v") < e for s, e in taken):
                out.append(RecognizerResult("POSTCODE", m.start("v"), m.end("v"), 0.9))
    for rx, base in ((_NL_POSTCODE_ALONE, 0.6), (_UK_POSTCODE_ALONE, 0.45)) if postcodes else ():
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken) or _DNS_CLASS.match(text, m.start()):
                continue
            left = text[max(0, m.start() - 40) : m.start()]
            score = 0.9 if _POSTCODE_CONTEXT.search(left[left.rfind("\n") + 1 :]) else base
            out.append(RecognizerResult("POSTCODE", m.start(), m.end(), score))
    return out


# A street of no known form and a number, then a known place at the end of the clause: "Westblaak 180, Rotterdam",
# "Meir 24 in Antwerpen". Neither the name nor the number may be an everyday thing ("Versie 3, Utrecht", "Windows
# 2019, Amsterdam"): the name holds no everyday word, the number is no year.
_PLACE_AFTER = re.compile(
    r",?[ \t]+(?:(?:te|in)[ \t]+)?(?P<place>(?:'s-|’s-)?[A-ZÀ-Þ][\w'’-]*(?:[ \t](?:[A-ZÀ-Þ][\w'’-]*|aan|den|op))?)"
    r"(?=[ \t]*(?:$|[.,;!?)\n]))"
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_LEADING_NUMBER = re.compile(r"(?<![\w.,-])\d{1,6}[ \t]+$")


def _place_after(text: str, end: int) -> bool:
    m = _PLACE_AFTER.match(text, end)
    if m is None:
        return False
    lex = load_lexicon()
    place = m.group("place").lower()
    return place in lex.places or place in lex.place_words or place in lex.place_phrases


# a numeric postcode and a place the lexicon knows, after a street of any name and its number (issue 16)
_NUMERIC_TAIL = re.compile(
    r"\W*(?:B-|D-)?\d{4,5}(?:-\d{3})?[ \t]+(?P<place>[^\W\d_][\w'’-]*(?:[ \t][A-ZÀ-Þ][\w'’-]*)?)"
)


def _postcode_place(text: str, street: re.Match[str], name: str, tail: str) -> bool:
    """Whether ``tail`` (a ``_TAIL`` match) is a numeric postcode and a known place, the street's ``name`` holds no
    function word but its particles (in capitals every word looks like a name: "MAAR DE FACTUUR 16, ..."), and the
    street's number is a house number: no year, not named by a kept cue ("Klantnummer 4412, 3000 Leuven")."""
    m = _NUMERIC_TAIL.match(tail)
    number = street.group("num")
    if m is None or _YEAR_LIKE.fullmatch(number):
        return False
    lex = load_lexicon()
    for word in name.lower().split():
        if word in lex.function_words and _PARTICLE_RE.fullmatch(word) is None:
            return False
    place = m.group("place").lower()
    if not (place in lex.places or place in lex.place_words or place.split()[0] in lex.place_words):
        return False
    return not explainers.kept_cue(explainers.Span(text, street.start("num"), street.end("num")))


def _names_a_street(name: str, number: str) -> bool:
    if _YEAR_LIKE.fullmatch(number):
        return False
    lex = load_lexicon()
    words_ = [w.strip(".,'’").lower() for w in name.split()]
    return all(
        w not in lex.vocabulary
        and w not in lex.common_words
        and (w not in lex.function_words or _PARTICLE_RE.fullmatch(w) is not None)
        for w in words_
    )


_NON_SPACE_RUN = re.compile(r"\S+")
_DATE_START = re.compile(
    r"\d{1,2}[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mrt|mei|okt)[a-z]*\.?[ \t,]+(?:19|20)\d{2}"
)
_MONTH_BEFORE = re.compile(
    r"\d{1,2}[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mrt|mei|okt)[a-z]*\.?[ \t,]+$"
)
# a zone-file line "_dmarc.example.nl. 3600 IN TXT ..." (TTL and class), not a postcode
_DNS_CLASS = re.compile(r"\d{4}[ \t]IN[ \t]+(?:TXT|A|AAAA|MX|CNAME|NS|SOA|SRV|CAA|PTR|DS|DNSKEY|TLSA)\b")
_PARTICLE_RE = re.compile(_PARTICLE)


def _trim_start(text: str, start: int, end: int) -> int | None:
    """Drop leading prose words ("It's", "Mijn", "Adres") from a captured street name."""
    tokens = list(_NON_SPACE_RUN.finditer(text[start:end]))
    for i, tok in enumerate(tokens):
        word = tok.group().lower().strip(".,:;'’")
        if i == len(tokens) - 1:
            return start + tok.start() if word not in _NOT_STREET_START else None
        if word in _NOT_STREET_START or word.endswith(("'s", "’s", ":", "adres", "address", "adresse", "anschrift")):
            continue
        if _PARTICLE_RE.fullmatch(word) and not text[start + tok.start()].isupper():
            continue  # "aan de Dorpsstraat": lower-case particles before the name are prose
        return start + _after_preposition(text[start:end], tokens, i)
    return None


# A lower-case preposition inside a captured street name ends the prose before it ("Rechnung an
# Kaiserstrasse 112", "Factuur naar Molenweg 3"), unless a street word stands before it ("Laan op Zuid").
_PREPOSITIONS = frozenset({"an", "am", "in", "im", "op", "aan", "bij", "naar", "sur", "to", "at", "nach", "bei"})
_STREET_WORDS = frozenset({"laan", "rue", "kade", "plein", "dorp", "weg", "straat", "avenue", "place", "via", "piazza"})


def _after_preposition(name: str, tokens: list[re.Match[str]], first: int) -> int:
    """The offset in ``name`` where the street begins: after the last prose preposition, else token ``first``."""
    begin = tokens[first].start()
    for j in range(first + 1, len(tokens) - 1):
        word = tokens[j].group()
        if word in _PREPOSITIONS and tokens[j - 1].group().lower().strip(".,") not in _STREET_WORDS:
            begin = tokens[j + 1].start()
    return begin


# Chats write addresses in lower case ("dorpsstraat 4a 1234 ab ergenshuizen", "gravenstraat 114, paramaribo").
# Only unmistakable street endings count there (not "park", "dam", "berg": words in their own right), the
# postcode must be a Dutch one or the place a known one, and no prose word may be taken for the place.
_LOWER_SUFFIXES = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dreef", "straße", "strasse", "steeg",
                   "dijk", "gasse", "allee")
# (the look-behind after the first letter, as in _ANY_STREET: 0.75x the time)
_LOWER_STREET = re.compile(
    r"[a-zà-þ](?<![\w-][a-zà-þ])[a-zà-þ'’-]{1,30}(?:" + "|".join(_LOWER_SUFFIXES) + r")"
    r"[ \t](?:\d{1,5}(?:[ \t]?[a-z]\b|-\d{1,3})?)(?![\w-])"
)
_LOWER_TAIL = re.compile(
    # a postcode: Dutch, or of 4-5 digits (BE, DE, FR, ...) or the Polish NN-NNN when a place follows it
    r"(?P<pc>,?[ \t]+(?:[1-9]\d{3}[ \t]?(?!sa|sd|ss)[a-z]{2}|(?:\d{4,5}|\d{2}-\d{3})(?=[ \t]+[a-zà-þ]))(?![\w]))?"
    r"(?P<city>,?[ \t]+[a-zà-þ][\w'’-]+)?"
)


def _lower_case_addresses(text: str) -> list[tuple[int, int]]:
    """Lower-case street + number, with a Dutch postcode and a place, or a known place after a comma."""
    lex = load_lexicon()
    out = []
    for m in _LOWER_STREET.finditer(text):
        end = m.end()
        tail = _LOWER_TAIL.match(text, end)
        if tail and tail.group("pc"):
            end = tail.end("pc")
        if tail and tail.group("city"):
            city = tail.group("city").strip(", \t")
            known = city in lex.places or city in lex.place_words
            if known or (tail.group("pc") and city not in lex.function_words and city not in lex.vocabulary):
                end = tail.end("city")
        if end > m.end() or _ADDRESS_CUE.search(text[max(0, m.start() - 40) : m.start()]):
            out.append((m.start(), end))
    return out


def _extend_tail(text: str, end: int) -> int:
    tail = _TAIL.match(text, end) or _TAIL_UK.match(text, end)
    return tail.end() if tail else end


def address_recognizers(lang: str) -> list[EntityRecognizer]:
    return [AddressRecognizer(lang)]
