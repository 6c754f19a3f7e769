"""Street addresses as the world writes them: the street forms, units and tails ``addresses`` does not know.

The address formats of the Universal Postal Union's members that a Dutch host's customers write from:

- France and Belgium: number first, a street type in lower case ("8 rue de la Paix", "3 bis avenue ..."),
  a 5-digit postcode and the city; building and flat before it ("Bâtiment A, appt 5, ...");
- Germany and Austria: the street type as a word of its own ("Berliner Straße 12"), streets named with
  a preposition ("Am Ring 7", "An der Alster 4"), a 5-digit postcode, a city with its river ("Halle (Saale)");
- the UK: a flat or floor first, the town and the postcode on lines of their own, a house name instead of a
  number ("The Old Mill, Mill Lane, Little Hampton, West Sussex BN17 5AB");
- the US (USPS Publication 28): number, street with its suffix and direction ("1600 Pennsylvania Avenue
  NW"), a unit ("Suite 3000", "Apt 12C"), then "City, ST 12345";
- Poland ("ul. Długa 12/3 m. 5, 31-147 Kraków"), Turkey ("Bağdat Cad. No: 12 D: 3, 34728 Kadıköy/İstanbul"),
  Spain, Italy and Portugal ("Calle Mayor 5, 3º B, 28013 Madrid", "Via Roma 12, 00184 Roma");
- the Netherlands: additions after the number ("3-hoog", "kamer 3"), a floor after it ("3e verdieping"), a
  city without postcode ("Stationsplein 4, Utrecht").

``extend`` grows any street match (these and those of ``addresses``) over the units before it and the tail
after it: units, postcode and city, state and ZIP, UK town and postcode lines, a lone city at the end of a
clause. A street form that any sentence could hold ("Am Montag 12", "Via Roma 12") counts only with a
postcode tail.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrubber.lexicon import load_lexicon
from scrubber.recognizers.base import lowered_for_stems, may_contain
from scrubber.recognizers.street_types import (
    CA_POSTAL_CODE,
    CA_PROVINCE_CODES,
    US_STATE_CODES,
    USPS_SUFFIXES,
    alternation,
)

_CAP = r"[A-ZÀ-ÞĀ-ſİ]"
_WORD = _CAP + r"[\w'’.-]*"
_CITY_WORD = r"(?:'s-|’s-)?" + _CAP + r"[\w'’-]*"  # no dots: "Tilburg. Nieuw" ends the city; "'s-Hertogenbosch"
_NUM = r"\d{1,5}[A-Za-z]?(?:\s?[-/]\s?\d{1,4}[A-Za-z]?)?(?:/\d{1,4}){0,2}"  # (Austria's stair and door: "49/3/12")

# ---- street forms -------------------------------------------------------------------------------------

_FR_TYPES = (
    r"rue|avenue|av\.|boulevard|bd\.?|place|all[ée]e|chemin|impasse|quai|cours|route|square|passage|faubourg"
    r"|cit[ée]|voie|promenade|esplanade|sentier|parvis|villa|hameau|r[ée]sidence|lotissement|rond-point|chauss[ée]e"
    r"|mont[ée]e|sq\.|pl\."
)
_FR_PARTICLE = r"(?:de|du|des|la|le|les|d'|l'|à|au|aux|et|sur|en|sous|saint|sainte|st|ste)"
_FR_STREET = re.compile(
    r"\d(?<![\w-]\d)\d{0,3}(?:[ \t]?(?:bis|ter|quater|[A-Da-d])\b)?,?[ \t]+(?i:" + _FR_TYPES + r")[ \t]+"
    r"(?:(?i:" + _FR_PARTICLE + r")[ \t]*|" + _CAP + r"[\w'’.-]*[ \t]*|\d{1,2}[ \t]+){1,7}?"
    r"(?=[,;]|[ \t]*\n|[ \t]+\d{5}\b)"
)
_DE_TYPES = (
    r"Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Steig|Pfad|Markt|Brücke|Wall|Graben|Kai"
)
_DE_STREET = re.compile(r"(?<![\w-])(?:" + _WORD + r"[ \t]+){1,3}(?:" + _DE_TYPES + r")[ \t]+" + _NUM + r"(?![\w-])")
_DE_PREP = re.compile(
    r"(?<![\w-])(?:Am|An\s+der|An\s+den|Im|In\s+der|In\s+den|Auf\s+der|Auf\s+dem|Zum|Zur|Unter\s+den|Hinter\s+der"
    r"|Vor\s+dem|Beim|Bei\s+der)[ \t]+" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}[ \t]+" + _NUM + r"(?![\w-])"
)
_PL_STREET = re.compile(
    r"(?<![\w-])(?:ul|al|pl|os|Ul|Al|Pl|Os)\.[ \t]*(?:" + _WORD + r"[ \t]+){1,4}\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?"
    r"(?:\s+(?:m|lok)\.\s*\d{1,4})?(?![\w-])"
)
_TR_TYPES = r"Cad\.|Caddesi|Cd\.|Sok\.|Sk\.|Sokak|Sokağı|Bulvarı|Blv\.|Bulv\.|Yolu"
_TR_STREET = re.compile(
    # (a street may be named by a number: "1234. Sok.")
    r"(?<![\w-])(?:" + _WORD + r"[ \t]+(?:Mah\.|Mahallesi)[ \t]+)?(?:(?:" + _WORD + r"|\d{1,5}\.)[ \t]+){1,3}"
    r"(?:" + _TR_TYPES + r")"
    r"\s*,?\s*No\s*[:.]?\s*\d{1,4}[A-Za-z]?(?:/\d{1,4})?(?:\s*,?\s*(?:D|Daire|Kat|K)\s*[:.]?\s*\d{1,3})*"
)
_SOUTH_TYPES = (
    r"Calle|C/|Avenida|Avda\.|Paseo|Plaza|Pza\.|Carrer|Camino|Ronda|Traves[ií]a|Via|Viale|Piazza|Piazzale|Corso"
    r"|Largo|Vicolo|Strada|Rua|Travessa|Praça|Estrada|Alameda"
)
_SOUTH_STREET = re.compile(
    r"(?<![\w-])(?:" + _SOUTH_TYPES + r")[ \t]+(?:(?:de|del|la|las|los|di|della|delle|dei|da|do|dos|das|e)[ \t]+|"
    + _WORD + r"[ \t]+){1,5}(?:n[º°o]\.?\s*)?\d{1,4}[A-Za-z]?(?![\w-])"
)
_USPS = alternation(USPS_SUFFIXES)
_US_STREET = re.compile(
    r"\d(?<![\w-]\d)\d{0,5}[A-Za-z]?[ \t]+(?:(?:North|South|East|West|[NSEW]\.?)[ \t]+)?(?:(?:" + _WORD
    + r"|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,4}(?:" + _USPS + r")\b\.?(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
)
_UK_POSTCODE = r"(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w])"
_UK_SUFFIX = (
    r"Lane|Road|Street|Close|Drive|Avenue|Way|Green|Row|Hill|Walk|Terrace|Crescent|Gardens|Place|Court|Mews|Grove"
    r"|Square"
)
_UK_NAMED = re.compile(
    r"(?<![\w-])(?:The[ \t]+)?(?:" + _WORD + r"[ \t]+){0,3}" + _WORD + r",[ \t]+(?:" + _WORD + r"[ \t]+){0,3}(?:"
    + _UK_SUFFIX + r")(?:,[ \t]+" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}){1,3},?[ \t]+" + _UK_POSTCODE
)

# (pattern, needs a postcode tail, literals one of which every match holds, whether they are matched in
# lower case): a form any sentence could hold counts only with a postcode after it; a text without any of
# the literals is not searched (speed-up only)
def _alternatives(alternation: str) -> tuple[str, ...]:
    return tuple(a.replace("\\.", ".").replace("\\s+", " ") for a in alternation.split("|"))


_FR_STEMS = ("rue", "avenue", "av.", "boulevard", "bd", "place", "allée", "allee", "chemin", "impasse", "quai", "cours",
             "route", "square", "passage", "faubourg", "cité", "cite", "voie", "promenade", "esplanade", "sentier",
             "parvis", "villa", "hameau", "résidence", "residence", "lotissement", "rond-point", "chaussée", "chaussee",
             "montée", "montee", "sq.", "pl.")
STREETS: tuple[tuple[re.Pattern[str], bool, tuple[str, ...], bool], ...] = (
    (_FR_STREET, True, _FR_STEMS, True),
    (_DE_STREET, False, _alternatives(_DE_TYPES), False),
    (_DE_PREP, True, ("Am ", "An ", "Im ", "In ", "Auf ", "Zum ", "Zur ", "Unter ", "Hinter ", "Vor ", "Bei"), False),
    (_PL_STREET, False, ("ul.", "al.", "pl.", "os."), True),
    (_TR_STREET, False, _alternatives(_TR_TYPES), False),
    (_SOUTH_STREET, True, _alternatives(_SOUTH_TYPES.replace("Traves[ií]a", "Traves")), False),
    (_US_STREET, True, ("",), False),
)


# ---- what stands before and after a street ------------------------------------------------------------

_UNIT_BEFORE = re.compile(
    r"(?:(?i:Flat|Unit|Apt\.?|Apartment|Suite|Ste\.?|B[âa]timent|B[âa]t\.|Appt\.?|Appartement|Escalier|Room|Floor"
    r"|Building|Bldg\.?|Kamer|Etage)\s+[\w-]{1,5}|\d{1,2}(?:st|nd|rd|th|e|er|ème|de|ste)\s+(?:[Ff]loor|[ée]tage"
    r"|verdieping|Etage))\s*,\s*$"
)
_UNIT_AFTER = re.compile(
    r"(?:[ \t]+(?:NW|NE|SW|SE|North|South|East|West)\b)?"  # ("King Street West", issue 16)
    r"(?:,?[ \t]+(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|#|Room|kamer|app\.?|appt\.?|bus|bte|boîte|m\.|lok\."
    r"|RR|R\.R\.|Rural[ \t]+Route"  # (a rural route between the road and the town: "77 Old Mill Rd, RR 2, ...")
    # (the unit word ends before any letter: "Kat" is a floor, "Kathrynhaven" a city)
    r"|D:|Daire|Kat|piso|planta|puerta|interno|int\.|scala|unit|apt\.?|appartement|apartment|Appartement|Wohnung"
    r"|Whg\.|whg\.|Top|Stiege|Tür)(?![^\W\d_])\s*[\w-]{1,6}"
    r"|[ \t]+\d{1,2}-(?:hoog|laag)|[ \t]+(?:hs|huis|boven|bg|I{1,3})\b"
    # (a unit alone on the line under its street, with a digit: "418 Maple Grove Ave\nApt 12C\nBoise, ID", issue 16)
    r"|[ \t]*\n[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Room|Floor|#)(?![^\W\d_])[ \t]*"
    r"(?=[\w-]{0,5}\d)[\w-]{1,6}(?=[ \t]*(?:\n|$))"
    r"|,[ \t]+\d{1,2}(?:e|ste|de|st|nd|rd|th|er|ème|º|ª|°)\s*(?:verdieping|etage|floor|étage|[A-Z]\b|(?:izq|dcha)\.?)"
    r"(?:\s*[A-Z]\b)?"
    # (a Spanish or Catalan floor and door: "3r 1a", "5è 2a", "2º 1ª")
    r"|,[ \t]+\d{1,2}(?:r|n|t|è|º|o)[ \t]+\d{1,2}(?:a|ª)(?![\w]))*"
)
_CITY = r"(?:" + _CITY_WORD + r"|(?:aan|den|de|op|upon|on|le|la|les|sur|am|an|der|im|in|di|del)(?=[ \t]))"
_CITY_NAME = (
    r"(?:St\.[ \t]?)?" + _CITY_WORD + r"(?:[ \t/-]" + _CITY + r"){0,3}(?:[ \t]\((?:" + _CITY_WORD + r")\))?"
    r"(?:[ \t]+(?i:cedex)(?:[ \t]\d{1,2})?)?"
)
_POSTCODE_CITY = re.compile(
    r"(?:(?:NL|B|D|F|A|CH|L|PL|TR|E|I|P)-)?(?:[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}|\d{2}-\d{3}|\d{4,5})"
    r"(?:[ \t]+|[ \t]*[;|/,][ \t]*)" + _CITY_NAME  # (cells of a CSV paste: "Molenstraat 3;6511 HJ;Nijmegen")
)
_US_STATES = "|".join(US_STATE_CODES)
# "City, ST 12345" (USPS) and "City, ON K1A 0B1" (Canada Post), the region code after the city
_CITY_STATE_ZIP = re.compile(
    r"(?:" + _CITY_NAME + r")(?:,?[ \t]+|[ \t]*;[ \t]*)(?:(?:" + _US_STATES + r")[ \t]+\d{5}(?:-\d{4})?"
    r"|(?:" + "|".join(CA_PROVINCE_CODES) + r")[ \t]+" + CA_POSTAL_CODE + r")(?![\w])"
)
_TOWN_POSTCODE = re.compile(
    r"(?:" + _CITY_NAME + r")(?:,?[ \t]*\n?[ \t]*(?:" + _WORD + r"(?:[ \t]" + _WORD + r"){0,2}))?"
    r",?[ \t]*\n?[ \t]*" + _UK_POSTCODE
)
_SEP = re.compile(r"[ \t]*(?:,[ \t]*\n?|\n|[ \t][-/·][ \t]|–|;|\|)[ \t]*|[ \t]+")
# "Napier 4110", "Toowong QLD 4066", "Fitzroy VIC 3065": a town with a four-digit postcode after it (Australia, New
# Zealand, and every country that writes the town before the code), maybe with its state between them
_AU_STATES = r"(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)"
# (not a phone's label and its first digits: "Tel 0161 496 0732")
_CITY_POSTCODE4 = re.compile(
    r"(?!(?i:tel|tél|fax|phone|mob|mobile|cell|gsm|ph|t|m|f)\b)(?:" + _CITY_NAME + r")(?:[ \t]+" + _AU_STATES + r")?"
    r",?[ \t]+\d{4}(?![\w]|[.,]\d|[ \t]*[\d(])"
)
# a suburb before the town: "Karori, Wellington 6012"
_SUBURB = re.compile(_CITY_NAME + r"[ \t]*,[ \t]*")
# a city after "te"/"in" ("Oude Rijksweg 211A te Rosmalen", "Hauptstraße 5 in Berlin")
_TE_CITY = re.compile(r"[ \t]+(?:te|in)[ \t]+")
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[.,;!?)\n])")
_COMPANY = re.compile(r"(?i)\b(?:b\.?v\.?|n\.?v\.?|gmbh|ltd|inc|llc|sarl|bv)\b")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return load_lexicon().places


def _lone_city(text: str, pos: int) -> int:
    """The end of a city standing alone at the end of a clause ("..., Utrecht."), or 0."""
    m = re.compile(_CITY_NAME).match(text, pos)
    if m is None or _COMPANY.search(m.group()) or len(m.group().split()) > 3:
        return 0
    if m.group().lower() in _places() or _CLAUSE_END.match(text, m.end()):
        return m.end()
    return 0


def extend_tail(text: str, end: int, *, lone_city: bool = True) -> tuple[int, bool]:
    """How far an address reaches past a street ending at ``end``, and whether a postcode was among it."""
    unit = _UNIT_AFTER.match(text, end)
    best = unit.end() if unit else end
    for component in range(3):
        sep = _SEP.match(text, best)
        if sep is None:
            break
        q = sep.end()
        suburb = _SUBURB.match(text, q)
        for at in (q, suburb.end()) if suburb else (q,):
            for rx in (_CITY_STATE_ZIP, _TOWN_POSTCODE, _POSTCODE_CITY, _CITY_POSTCODE4):
                m = rx.match(text, at)
                if m:
                    return _country(text, m.end()), True
        if component == 0 and lone_city and "\n" not in sep.group():
            te = _TE_CITY.match(text, best)
            city = _lone_city(text, q) or (te is not None and _lone_city(text, te.end()))
            best = _country(text, city) if city else best
        break
    return best, False


_COUNTRY = re.compile(
    r",?[ \t]*\n?[ \t]*(?:Nederland|The Netherlands|Netherlands|Belgi[ëe]|Belgium|Belgique|Deutschland|Germany"
    r"|France|United Kingdom|UK|USA|United States|Polska|Poland|T[üu]rkiye|Turkey|Espa[ñn]a|Spain|Italia|Italy"
    r"|Portugal|Suriname|Maroc|Morocco|Österreich|Austria|Schweiz|Switzerland)(?![\w])"
)


# any country's name after the city (the lexicon's countries: pycountry's English names, babel's Dutch, German and
# French ones), maybe with a postcode after it as some senders write it ("Grand-Leez, Belgium 18431")
_ANY_COUNTRY = re.compile(
    r",[ \t]*(?P<c>" + _CAP + r"[\w'’-]*(?:[ \t]+[A-Za-zÀ-ÞĀ-ſ][\w'’-]*){0,3}?)(?=[ \t]*(?:$|[,.;!?)\n]|[ \t]\d))"
    r"(?:[ \t]+\d{4,5}(?![\w]))?"
)


def _country(text: str, end: int) -> int:
    m = _ANY_COUNTRY.match(text, end)
    if m and m.group("c").lower() in load_lexicon().countries:
        return m.end()
    m = _COUNTRY.match(text, end)
    return m.end() if m else end


# a unit before the house number with a slash, as Australia and New Zealand write it: "3/27 Beach Rd"
_UNIT_SLASH = re.compile(r"(?<![\w/.-])\d{1,4}[A-Za-z]?/$")


def extend_head(text: str, start: int) -> int:
    """Where an address begins when units stand before its street ("Flat 2, ", "Bâtiment A, appt 5, ", "3/")."""
    slash = _UNIT_SLASH.search(text, max(0, start - 6), start)
    if slash is not None and text[start : start + 1].isdigit():
        start = slash.start()
    for _ in range(3):
        m = _UNIT_BEFORE.search(text, max(0, start - 40), start)
        if m is None or m.end() != start or "\n" in m.group():
            break
        start = m.start()
    return start


_A_POSTCODE = re.compile(r"\d{4}|\d{2}-\d{3}|[A-Z]\d[A-Z\d]?\s?\d[A-Z]{2}|" + CA_POSTAL_CODE)


# Any street name followed by its number and a unit ("Fagradalsbraut 71 Apt. 762", "Þverbraut 66 Suite 991",
# maybe after a leading number: "51709 Spinatsch 94 Apt. 615"): the unit says it is an address even where the
# street's form is unknown.
_UNIT_STREET = re.compile(
    r"(?<![\w-])(?:\d{1,6}[ \t]+)?" + _WORD + r"(?:[ \t]+(?:" + _WORD + r"|[a-zà-þ]{1,4}\.?)){0,4}[ \t]+" + _NUM
    + r"\.?,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]*\d{1,5}[A-Za-z]?(?![\w])"
)
_UNIT_STEMS = ("apt", "apartment", "suite", "ste", "unit", "flat")


# An intersection ("the corner of 159 Venizelou Street and Rennie Union", "intersection of ul. Grochowa 80 and
# Lahtinen Road"): two streets, each opening with a number, an abbreviation ("ul.") or a capital, the second
# ending the clause; one of them must hold a house number, so "the corner of the screen and the menu" and
# "the corner of Main and Elm" (a place, no one's door) stay.
_SIDE = (
    r"(?:\d{1,5}[A-Za-z]?[ \t]+)?(?:[a-z]{1,3}\.[ \t]*)?" + _CAP
    + r"[\w'’-]*(?:[ \t]+(?:" + _WORD + r"|\d{1,5}[A-Za-z]?\.?|str\.?|[a-z]{1,4}\.)){0,4}"
)
_CORNER = re.compile(
    r"(?<![\w-])(?i:corner|intersection|junction)[ \t]+of[ \t]+(?P<a>" + _SIDE + r")[ \t]+(?:and|&)[ \t]+(?P<b>"
    + _SIDE + r")(?=[ \t]*(?:$|[,;!?)\n]|\.(?!\w)))"
)
_CORNER_STEMS = ("corner", "intersection", "junction")
_HOUSE_NUMBER = re.compile(r"(?<![\w.])\d{1,5}[A-Za-z]?(?![\w])")


def world_addresses(text: str) -> list[tuple[int, int, float]]:
    """Addresses in the street forms of ``STREETS`` and UK addresses named by their house."""
    found: list[tuple[int, int, float]] = []
    lowered = lowered_for_stems(text)
    postcode = _A_POSTCODE.search(text) is not None
    for rx, needs_postcode, literals, lower in STREETS:
        if needs_postcode and not postcode:
            continue  # speed-up only: no match is possible
        if not (may_contain(lowered, literals) if lower else any(map(text.__contains__, literals))):
            continue
        for m in rx.finditer(text):
            end, has_postcode = extend_tail(text, m.end(), lone_city=not needs_postcode)
            if needs_postcode and not has_postcode:
                continue
            found.append((extend_head(text, m.start()), end, 0.9))
    if "," in text and postcode:
        for m in _UK_NAMED.finditer(text):
            found.append((m.start(), m.end(), 0.9))
    if may_contain(lowered, _CORNER_STEMS):
        for m in _CORNER.finditer(text):
            if _HOUSE_NUMBER.search(m.group("a")) or _HOUSE_NUMBER.search(m.group("b")):
                # (above the streets inside it, which it holds; a full stop after it ends the sentence)
                found.append((m.start(), m.end() - m.group().endswith("."), 0.92))
    if may_contain(lowered, _UNIT_STEMS):
        for m in _UNIT_STREET.finditer(text):
            found.append((m.start(), extend_tail(text, m.end())[0], 0.88))
    return found
