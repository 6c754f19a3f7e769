"""Names, addresses and the look-alikes around them, generated in the forms people write them.

Sources: Faker's person and address providers of many locales (MIT), deduce's Dutch first names,
surnames, tussenvoegsels, streets and places (LGPL-3.0-or-later, a dependency of the project), and a
few short hand-written lists below (general knowledge: common names of origins Faker lacks in Latin
script, real towns, hosting vocabulary). Nothing here is read from the evaluation corpora.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

_LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’ -]*$")

def _words(text: str) -> list[str]:
    return text.split()


def _bars(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", "").split("|")]


# Names of origins a Dutch host sees that Faker has no Latin-script locale for.
_MOROCCAN_FIRST = _words("""Mohamed Mohammed Ahmed Youssef Said Mustafa Karim Hamza Bilal Anouar Rachid Nordin
Soufiane Ayoub Ilias Yassine Mehdi Khalid Brahim Fatima Khadija Naima Samira Nadia Hanane Latifa Malika Amina
Salma Imane Souad Loubna Zineb Hafsa Meryem Ikram Siham Asmae""")
_MOROCCAN_LAST = _bars("""el Amrani|el Idrissi|Bouzid|Benali|Ait Taleb|el Khattabi|Bakkali|Haddou|Azzouzi|
Boukhari|Ouali|el Ouardi|Tahiri|Chaoui|Ziani|Bennani|Lahlou|el Hamdaoui|Amezian|Essafi|Ouchen|Achahbar|Ben Hadi|
Boutaleb|el Bouazzati|Mokhtari|Aarab""")
_SURINAMESE_FIRST = _words("""Ravi Sunil Radjesh Anita Shanti Priya Soerin Dewkoemarie Ramesh Wiendra Sarmo
Soekarno Sri Wagiman Kasmira Roy Marlon Gerold Ruth Ingrid Lucretia Ramon Iwan Ricardo Sharon Rachel""")
_SURINAMESE_LAST = _bars("""Ramdin|Soekhai|Jagessar|Ramautar|Mahabier|Kartodikromo|Sarmo|Wongsoredjo|
Kromodimedjo|Sitaldin|Bhagwandin|Ramlal|Doekhie|Tjon A Fong|Pinas|Brunings|Kanhai|Mangroelal|Baldewsingh|Sardjoe|
Jadnanansing|Pengel|Biswamitre""")
_CHINESE_LAST = _words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo")
_CHINESE_FIRST = _words("Wei Fang Na Min Jing Lei Yan Jie Tao Hao Xin Ying Yu Hui Ming Lan Chen Jun Qiang Lin")
_GHANAIAN_FIRST = _words("Kwame Kofi Kwaku Yaw Kojo Kwabena Akosua Ama Abena Efua Adwoa Yaa Afia Esi Nana")
_GHANAIAN_LAST = _words("Mensah Owusu Boateng Asante Osei Appiah Agyeman Ofori Darko Danso Addo Amoah Frimpong")

# Real towns per country, for addresses (general knowledge).
_TOWNS = {
    "uk": _bars("""London|Manchester|Brighton|Leeds|Bristol|Liverpool|Glasgow|Edinburgh|Cardiff|Norwich|Oxford|
Cambridge|York|Bath|Reading|Slough|Sheffield|Nottingham|Leicester|Coventry|Exeter|Plymouth|Southampton|Belfast|
Aberdeen|Swansea|Derby|Luton|Ipswich|Canterbury"""),
    "de": _bars("""Berlin|Hamburg|München|Köln|Düsseldorf|Essen|Dortmund|Bochum|Kleve|Herford|Bielefeld|Münster|
Aachen|Bonn|Hannover|Bremen|Leipzig|Dresden|Halle (Saale)|Frankfurt am Main|Stuttgart|Nürnberg|Emmerich|Gronau|
Nordhorn|Oldenburg|Wesel|Goch"""),
    "fr": _bars("""Paris|Lyon|Marseille|Lille|Bordeaux|Nantes|Toulouse|Nice|Strasbourg|Montpellier|Rennes|Reims|
Montreuil|Grenoble|Dijon|Angers|Rouen|Nancy|Metz|Amiens"""),
    "be": _bars("""Antwerpen|Gent|Brugge|Leuven|Mechelen|Hasselt|Genk|Brussel|Bruxelles|Liège|Namur|Turnhout|
Kortrijk|Oostende|Aalst|Lier|Geel|Mol|Lokeren"""),
    "pl": _bars("Warszawa|Kraków|Łódź|Wrocław|Poznań|Gdańsk|Szczecin|Lublin|Katowice|Białystok|Gdynia|Toruń"),
    "tr": _bars("İstanbul|Ankara|İzmir|Bursa|Antalya|Konya|Adana|Gaziantep|Kayseri|Eskişehir|Trabzon|Samsun"),
    "es": _bars("Madrid|Barcelona|Valencia|Sevilla|Málaga|Bilbao|Zaragoza|Alicante|Granada|Palma"),
    "it": _bars("Roma|Milano|Napoli|Torino|Bologna|Firenze|Genova|Verona|Padova|Bari"),
    "sr": _bars("Paramaribo|Lelydorp|Nieuw-Nickerie|Moengo|Albina|Wageningen|Paramaribo-Noord"),
}
_US_PLACES = _bars("""Austin, TX|Chicago, IL|New York, NY|Savannah, GA|Seattle, WA|Denver, CO|Boston, MA|
Portland, OR|Miami, FL|Atlanta, GA|Phoenix, AZ|San Diego, CA|Madison, WI|Columbus, OH|Raleigh, NC|Brooklyn, NY""")
_TR_STREETS = _bars("Atatürk|İstiklal|Cumhuriyet|Bağdat|Barbaros|Gazi|Fevzi Çakmak|Mimar Sinan|Kazım Karabekir")
_SR_STREETS = _bars("Kwattaweg|Indira Gandhiweg|Henck Arronstraat|Verlengde Gemenelandsweg|Marienburg|Wanicastraat")

DUTCH_INTERFIXES = ["van", "de", "van der", "van den", "van de", "ter", "ten", "den", "der", "van 't", "in 't",
                    "op de", "van het", "te", "'t"]
_NL_SUFFIXES = ["a", "b", "c", "A", "B", "-1", "-2", "-II", "-III", " bis", " hs", " I", "-huis", " 2-hoog",
                " 3hg", " zw", " rd", "-bis", " bus 3", " bus 12"]


def _lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _deduce_dir() -> Path:
    import deduce

    return Path(deduce.__file__).parent / "data" / "lookup" / "src"


def _latin_names(values: Sequence[str]) -> list[str]:
    return sorted({v.strip() for v in values if len(v.strip()) > 1 and _LATIN.match(v.strip())})


def _faker_list(locale: str, attr: str) -> list[str]:
    """A person provider's name list (``first_names`` or ``last_names``, with the gendered variants)."""
    import importlib

    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    found: list[str] = []
    kind = attr.removesuffix("_names")
    for name in (attr, f"{attr}_male", f"{attr}_female", f"unisex_{kind}_names", f"male_{kind}_names"):
        value = vars(provider).get(name)
        if value is None or isinstance(value, property):
            continue
        found += list(value)  # tuples, or dicts of name -> weight
    return _latin_names(found)


@dataclass(frozen=True)
class Pools:
    """Name and place lists, loaded once."""

    first: dict[str, list[str]]  # origin -> first names
    last: dict[str, list[str]]  # origin -> surnames (Dutch ones without tussenvoegsel)
    nl_interfix_last: list[str]  # Dutch surnames that take a tussenvoegsel
    nl_streets: list[str]
    nl_places: list[str]
    companies: list[str]


@functools.lru_cache(maxsize=1)
def load_pools() -> Pools:
    src = _deduce_dir()
    first: dict[str, list[str]] = {}
    last: dict[str, list[str]] = {}
    nl_first = [n for n in _lines_of(src / "names/lst_first_name/items.txt") if n.isalpha() and len(n) > 2]
    first["nl"] = _latin_names(nl_first + _faker_list("nl_NL", "first_names") + _faker_list("nl_BE", "first_names"))
    last["nl"] = _latin_names(
        [n for n in _lines_of(src / "names/lst_surname/items.txt") if " " not in n]
        + [n for n in _faker_list("nl_NL", "last_names") if " " not in n and "," not in n]
        + _faker_list("nl_BE", "last_names")
    )
    interfix_last = _latin_names(_lines_of(src / "names/lst_interfix_surname/items.txt"))
    english = ("en_GB", "en_US", "en_IE")
    first["en"] = _latin_names([n for loc in english for n in _faker_list(loc, "first_names")])
    last["en"] = _latin_names([n for loc in english for n in _faker_list(loc, "last_names")])
    for origin, loc in (("de", "de_DE"), ("fr", "fr_FR"), ("tr", "tr_TR"), ("pl", "pl_PL"), ("es", "es_ES"),
                        ("it", "it_IT"), ("pt", "pt_PT"), ("id", "id_ID"), ("in", "en_IN")):
        first[origin] = _faker_list(loc, "first_names")
        last[origin] = _faker_list(loc, "last_names")
    first["ma"], last["ma"] = _MOROCCAN_FIRST, _MOROCCAN_LAST
    first["sr"], last["sr"] = _SURINAMESE_FIRST, _SURINAMESE_LAST
    first["cn"], last["cn"] = _CHINESE_FIRST, _CHINESE_LAST
    first["gh"], last["gh"] = _GHANAIAN_FIRST, _GHANAIAN_LAST
    streets = [s for s in _lines_of(src / "locations/lst_street/streets_bag.txt") if _LATIN.match(s) and len(s) > 3]
    places = [p for p in _lines_of(src / "locations/lst_placename/lst_residence/items.txt")
              if _LATIN.match(p) and not p.startswith("'")]
    companies = _latin_names([Faker(loc).company() for loc in ("nl_NL", "en_GB", "en_US", "de_DE") for _ in range(300)])
    return Pools(first, last, interfix_last, streets, places, companies)


@dataclass
class Person:
    """One person: parts of the name, so that a message can refer to them in several forms."""

    first: str
    interfix: str  # Dutch tussenvoegsel ("van der"), or ""
    last: str
    origin: str
    second_first: str = ""

    def full(self) -> str:
        return " ".join(p for p in (self.first, self.interfix, self.last) if p)

    def bare_last(self) -> str:
        """The surname standing alone: a Dutch tussenvoegsel is capitalised (De Vries)."""
        if not self.interfix:
            return self.last
        return f"{self.interfix[0].upper()}{self.interfix[1:]} {self.last}"

    def initials(self, rng: random.Random) -> str:
        letters = [self.first[0].upper()] + ([self.second_first[0].upper()] if self.second_first else [])
        style = rng.random()
        if style < 0.6:
            init = "".join(f"{c}." for c in letters)
        elif style < 0.8:
            init = " ".join(f"{c}." for c in letters)
        else:
            init = "".join(letters)
        surname = " ".join(p for p in (self.interfix, self.last) if p)
        sep = "" if (init.endswith(".") and rng.random() < 0.12) else " "
        return f"{init}{sep}{surname}"

    def reversed(self, rng: random.Random) -> str:
        given = self.first if rng.random() < 0.7 else f"{self.first[0].upper()}."
        if self.interfix and rng.random() < 0.5:
            return f"{self.last}, {given} {self.interfix}"
        return f"{self.bare_last()}, {given}"

    def any_form(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.5:
            return self.full()
        if r < 0.65:
            return self.initials(rng)
        if r < 0.75 and self.second_first:
            return f"{self.first} {self.second_first} {self.interfix + ' ' if self.interfix else ''}{self.last}"
        if r < 0.85:
            return self.bare_last()
        if r < 0.92:
            return self.reversed(rng)
        return f"{self.first} {self.last[0]}."  # "Sanne V." in chats


_ORIGINS = {
    # model language -> (origin, weight)
    "nl": [("nl", 52), ("en", 8), ("de", 4), ("fr", 3), ("tr", 6), ("pl", 4), ("ma", 7), ("sr", 4), ("es", 2),
           ("it", 2), ("pt", 1), ("id", 2), ("in", 2), ("cn", 2), ("gh", 1)],
    "en": [("en", 45), ("nl", 20), ("de", 4), ("fr", 4), ("tr", 4), ("pl", 4), ("ma", 4), ("sr", 2), ("es", 3),
           ("it", 3), ("pt", 1), ("id", 2), ("in", 4), ("cn", 3), ("gh", 2)],
}


class ValueMaker:
    """Random values for one model language (``nl`` or ``en``), drawing from ``Pools``."""

    def __init__(self, lang: str, rng: random.Random, pools: Pools | None = None) -> None:
        self.lang = lang
        self.rng = rng
        self.pools = pools or load_pools()
        self._origins = [o for o, _ in _ORIGINS[lang]]
        self._weights = [w for _, w in _ORIGINS[lang]]
        self._fakers = {loc: Faker(loc) for loc in ("nl_NL", "nl_BE", "en_GB", "en_US", "de_DE", "fr_FR", "pl_PL",
                                                    "es_ES", "it_IT")}
        for i, fk in enumerate(self._fakers.values()):
            fk.seed_instance(rng.randrange(1 << 30) + i)

    # --- people -------------------------------------------------------------------------------------
    def person(self, origin: str | None = None) -> Person:
        rng = self.rng
        origin = origin or rng.choices(self._origins, self._weights)[0]
        first = rng.choice(self.pools.first[origin])
        if rng.random() < 0.04:
            first = f"{first}-{rng.choice(self.pools.first[origin])}"
        second = rng.choice(self.pools.first[origin]) if rng.random() < 0.12 else ""
        interfix = ""
        if origin == "nl" and rng.random() < 0.3:
            interfix = rng.choice(DUTCH_INTERFIXES[:9] if rng.random() < 0.9 else DUTCH_INTERFIXES)
            last = rng.choice(self.pools.nl_interfix_last)
        else:
            last = rng.choice(self.pools.last[origin])
        if rng.random() < 0.05:  # double surname
            other = self.person("nl" if origin == "nl" else origin)
            last = f"{last}-{' '.join(p for p in (other.interfix, other.last) if p)}"
        return Person(first, interfix, last, origin, second)

    # --- places -------------------------------------------------------------------------------------
    def _country(self) -> str:
        weights = {"nl": [("nl", 55), ("be", 9), ("de", 8), ("uk", 8), ("us", 5), ("fr", 5), ("pl", 3), ("tr", 3),
                          ("es", 1), ("it", 1), ("sr", 2)],
                   "en": [("uk", 30), ("us", 20), ("nl", 26), ("be", 4), ("de", 6), ("fr", 5), ("pl", 2), ("tr", 2),
                          ("es", 2), ("it", 1), ("sr", 1)]}[self.lang]
        return self.rng.choices([c for c, _ in weights], [w for _, w in weights])[0]

    def house_number(self, country: str = "nl") -> str:
        rng = self.rng
        r = rng.random()
        n = rng.randint(1, 30) if r < 0.5 else rng.randint(1, 250) if r < 0.88 else rng.randint(1, 2500)
        if country in ("nl", "be", "sr") and rng.random() < 0.22:
            return f"{n}{rng.choice(_NL_SUFFIXES)}"
        if country in ("de", "pl", "fr", "uk", "it", "es") and rng.random() < 0.12:
            return f"{n}{rng.choice(['a', 'b', 'A', 'B', '/2', '/14', ' bis'])}"
        return str(n)

    def nl_street(self) -> str:
        return self.rng.choice(self.pools.nl_streets)

    def nl_postcode(self) -> str:
        rng = self.rng
        digits = f"{rng.randint(1000, 9999)}"
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in range(2))
        return f"{digits}{rng.choices([' ', '', '  '], [80, 18, 2])[0]}{letters}"

    def city(self, country: str | None = None) -> str:
        country = country or self._country()
        if country == "nl":
            return self.rng.choice(self.pools.nl_places)
        if country == "us":
            return self.rng.choice(_US_PLACES).split(",")[0]
        return self.rng.choice(_TOWNS[country])

    def street(self, country: str = "nl") -> str:
        """A street name without number (not an ADDRESS on its own)."""
        if country == "nl":
            return self.nl_street()
        return self._street_nr(country, number=False)

    def _street_nr(self, country: str, number: bool = True) -> str:
        rng, fk = self.rng, self._fakers
        nr = self.house_number(country) if number else ""
        if country in ("nl", "be", "sr"):
            name = rng.choice(_SR_STREETS) if country == "sr" else self.nl_street()
            return f"{name} {nr}".strip()
        if country == "de":
            return f"{fk['de_DE'].street_name()} {nr}".strip()
        if country == "uk":
            name = fk["en_GB"].street_name()
            return f"{nr} {name}".strip()
        if country == "us":
            return f"{nr} {fk['en_US'].street_name()}".strip()
        if country == "fr":
            name = fk["fr_FR"].street_name()
            return f"{nr}{rng.choice([' ', ', '])}{name}".strip(" ,") if nr else name
        if country == "pl":
            return f"{rng.choice(['ul. ', 'ul. ', 'al. ', ''])}{fk['pl_PL'].street_name()} {nr}".strip()
        if country == "tr":
            kind = rng.choice(["Cad.", "Caddesi", "Sok.", "Sokak", "Blv."])
            base = f"{rng.choice(_TR_STREETS)} {kind}"
            return f"{base} No: {nr}" + (f" D: {rng.randint(1, 20)}" if rng.random() < 0.5 else "") if nr else base
        if country == "es":
            return f"{rng.choice(['Calle', 'Avenida', 'Plaza', 'C.'])} {fk['es_ES'].last_name()} {nr}".strip()
        return f"{rng.choice(['Via', 'Piazza', 'Corso'])} {fk['it_IT'].last_name()}{', ' if nr else ''}{nr}".strip()

    def _postcode_city(self, country: str) -> str:
        rng, fk = self.rng, self._fakers
        city = self.city(country)
        if country == "nl":
            return f"{self.nl_postcode()} {city}" if rng.random() < 0.85 else f"{self.nl_postcode()}  {city.upper()}"
        if country == "be":
            return f"{rng.randint(1000, 9999)} {city}"
        if country == "sr":
            return city
        if country == "de":
            return f"{fk['de_DE'].postcode()} {city}"
        if country == "uk":
            return f"{city} {fk['en_GB'].postcode()}"
        if country == "us":
            place = rng.choice(_US_PLACES)
            return f"{place} {fk['en_US'].zipcode()}"
        if country == "fr":
            return f"{rng.randint(1000, 95999):05d} {city}"
        if country == "pl":
            return f"{fk['pl_PL'].postcode()} {city}"
        if country == "tr":
            return f"{rng.randint(10000, 81999)} {rng.choice(['Kadıköy/', 'Çankaya/', 'Konak/', ''])}{city}"
        return f"{rng.randint(10000, 52999):05d} {city}"

    def _unit(self, country: str) -> str:
        rng = self.rng
        if country == "uk":
            return rng.choice([f"Flat {rng.randint(1, 40)}", f"Apartment {rng.randint(1, 90)}", "Ground Floor",
                               f"{rng.choice(['1st', '2nd', '3rd'])} Floor", f"Unit {rng.randint(1, 30)}",
                               f"Studio {rng.randint(1, 20)}"])
        if country == "us":
            return rng.choice([f"Suite {rng.randint(100, 990)}", f"Apt {rng.randint(1, 30)}{rng.choice('ABCD')}",
                               f"Unit {rng.randint(1, 50)}", f"# {rng.randint(1, 400)}"])
        if country == "fr":
            return rng.choice([f"Bâtiment {rng.choice('ABC')}", f"appt {rng.randint(1, 60)}",
                               f"Résidence {self._fakers['fr_FR'].last_name()}"])
        return rng.choice([f"{rng.randint(1, 5)}e verdieping", f"kamer {rng.randint(1, 300)}", "achterhuis",
                           f"unit {rng.randint(1, 30)}"])

    def address(self, multiline: bool | None = None, country: str | None = None) -> str:
        """A street address with number, mostly with postcode and town; one line or several."""
        rng = self.rng
        country = country or self._country()
        if multiline is None:
            multiline = rng.random() < 0.3
        if rng.random() < 0.04:  # PO box
            box = rng.randint(1, 9999)
            street = f"Postbus {box}" if country in ("nl", "be") else f"P.O. Box {box}"
        else:
            street = self._street_nr(country)
        parts = [street]
        if rng.random() < (0.25 if country in ("uk", "us", "fr") else 0.06):
            unit = self._unit(country)
            if country in ("uk", "fr"):
                parts.insert(0, unit)
            else:
                parts.append(unit)
        tail = rng.random()
        if tail < 0.78:
            if country == "uk" and multiline and rng.random() < 0.6:
                town, _, pc = self._postcode_city("uk").rpartition(" ")
                town, _, pc1 = town.rpartition(" ")
                parts += [town, f"{pc1} {pc}"]
            else:
                parts.append(self._postcode_city(country))
        elif tail < 0.93:
            parts.append(self.city(country))
        if rng.random() < 0.05 and not multiline:
            parts.append({"nl": "Nederland", "be": "België", "de": "Deutschland", "uk": "United Kingdom",
                          "us": "USA", "fr": "France"}.get(country, "Nederland"))
        if multiline and len(parts) > 1:
            return "\n".join(parts)
        sep = rng.choices([", ", " ", " - "], [85, 12, 3])[0]
        return sep.join(parts)

    def street_nr(self) -> str:
        return self._street_nr(self._country())

    # --- look-alikes (never labelled) ---------------------------------------------------------------
    def company(self, person: Person | None = None) -> str:
        rng = self.rng
        p = person or self.person()
        surname = p.bare_last() if rng.random() < 0.5 else p.last
        if rng.random() < 0.45:
            return rng.choice(self.pools.companies)
        forms: list[Callable[[], str]] = [
            lambda: f"{surname} Hosting B.V.", lambda: f"Bakkerij {surname}", lambda: f"{surname} & Zn.",
            lambda: f"Installatiebedrijf {surname}", lambda: f"{surname} Advocaten", lambda: f"{surname} Ltd",
            lambda: f"Huisartsenpraktijk {surname}", lambda: f"{surname} Consultancy", lambda: f"{surname} BV",
            lambda: f"{surname} Transport", lambda: f"Tandartspraktijk {surname}", lambda: f"{surname} & Partners",
            lambda: f"{surname} Schilderwerken", lambda: f"Fysiotherapie {surname}", lambda: f"{surname} GmbH",
            lambda: f"{p.first}'s Kitchen", lambda: f"Kapsalon {p.first}", lambda: f"{surname} Makelaardij",
            # hard negatives of issue 16: a place or a first name in a company name is no person either
            lambda: f"{self.city('nl')} Hosting B.V.", lambda: f"Studio {p.first}", lambda: f"{surname} Webdesign",
            lambda: f"{surname} Groep", lambda: f"{surname} IT Services", lambda: f"Stichting {surname}",
        ]
        return rng.choice(forms)()

    def domain(self, person: Person | None = None) -> str:
        rng = self.rng
        tld = rng.choice([".nl", ".nl", ".nl", ".com", ".eu", ".be", ".co.uk", ".de", ".net", ".org", ".shop"])
        if person and rng.random() < 0.4:
            base = _ascii(person.last).lower().replace(" ", "")
        else:
            base = rng.choice(["bakkerij", "webshop", "fietsen", "kapper", "praktijk", "studio", "design", "auto",
                               "bloemen", "hosting", "media", "tuin", "kinderopvang", "atelier", "greenleaf"])
            base += rng.choice(["", "-", ""]) + _ascii(self.city("nl")).lower().replace(" ", "-")[:12].strip("-")
        sub = rng.choice(["", "", "", "www.", "mail.", "shop.", "webmail."])
        return f"{sub}{base}{tld}"

    def email(self, person: Person | None = None) -> str:
        rng = self.rng
        p = person or self.person()
        first, last = _ascii(p.first).lower(), _ascii(p.last).lower().replace(" ", "")
        inter = _ascii(p.interfix).replace(" ", "").replace("'", "").lower()
        local = rng.choice([f"{first}.{inter}{last}", f"{first[0]}{inter}{last}", first, f"{first}{rng.randint(1, 99)}",
                            f"{first}.{last}", "info", "administratie", "support", f"{last}{first[0]}"])
        host = rng.choice(["gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl",
                           "icloud.com", "yahoo.co.uk", self.domain(p).removeprefix("www.")])
        return f"{local}@{host}"

    def phone(self) -> str:
        rng = self.rng
        return rng.choice([
            f"06-{rng.randint(10000000, 99999999)}", f"06 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            f"+31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}", f"013-{rng.randint(1000000, 9999999)}",
            f"(013) {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"+44 7700 {rng.randint(100000, 999999)}", f"07700 {rng.randint(100000, 999999)}",
            f"+32 {rng.randint(470, 499)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"(555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}"])


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c in " '"))
