"""The name and place lexicon: built once at install time, loaded in well under a second.

Without a trained NER model (none can be installed from the registries this project uses, and nothing
may be downloaded at run time) names are found by lookup plus context. The word lists come from
packages that ship them as data:

- ``deduce`` (LGPL-3.0-or-later): Dutch first names, surnames, tussenvoegsels, streets and places,
  with deduce's own exception lists applied;
- ``names`` (MIT): the US Census 1990 first-name and surname distributions;
- ``faker`` (MIT): first names and surnames of all its person locales, for the international names
  a Dutch web host meets (Turkish, Moroccan, Polish, Indian, Ghanaian, Indonesian, Irish, ...): Latin
  script as it stands, romanised Chinese and Japanese names, Cyrillic names (Ukrainian, Russian,
  Bulgarian) transliterated the way their bearers write them in Latin letters; and its country and
  city names, so that "Sri Lanka" or "Costa Rica" is no person;
- a short list of given names and surnames of origins those packages miss (Surinamese Hindustani and
  Javanese, Moroccan, Ghanaian, Indonesian, Chinese given names in pinyin; general knowledge);
- ``pycountry`` (LGPL-2.1) and ``babel``'s CLDR territory names (BSD; data Unicode licence): country names
  in English, Dutch, German and French, for the address blocks;
- ``wordfreq`` (Apache-2.0, data CC BY-SA 4.0): the most frequent Dutch and English words, so that a
  name that is also an everyday word ("Mark as read", "Will you", "Bos", "Van") needs context before
  it counts as a name; and the most frequent German and French words, which are never taken for a
  name part when no name list has them ("Sie", "Grüße", "Rechnung", "Bien").

Every name is also kept without its diacritics ("Ozturk", "Wisniewski"), as people type them.

Reading and normalising ~400k entries takes seconds, so ``python -m scrubber.lexicon build`` writes
one pickle (the lead's install step runs it) and ``load_lexicon()`` reads it. The file name carries a
digest of the source package versions and of this module's format, so an upgrade builds a new file
instead of loading a stale one. The cache lives in ``scrubber/data/`` or in ``$SCRUBDESK_CACHE_DIR``.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import importlib
import importlib.metadata
import logging
import os
import pickle
import pkgutil
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from scrubber.word_set import WordSet

log = logging.getLogger(__name__)

# Bump when the content rules below change: the digest in the cache file name follows it.
FORMAT = 7
CACHE_ENV = "SCRUBDESK_CACHE_DIR"
_SOURCE_PACKAGES = ("deduce", "names", "faker", "wordfreq", "pycountry", "babel")
# Everyday words are taken from these languages' frequency lists (names are checked against nl/en
# only: a German or French word that is also a name list's entry stays a possible name).
_COMMON_LANGS = ("nl", "en")
_FOREIGN_LANGS = ("de", "fr")

# How many of each language's most frequent words count as "everyday words" for names. 3000 covers
# the words that appear capitalised at a sentence start in support mail without swallowing rarer
# surnames that happen to be words (Bakker, Visser).
_COMMON_TOP_N = 3000
# Ordinary words: frequent enough that an unknown capitalised one is a sentence start, not a name.
_VOCABULARY_TOP_N = 30000
# German and French words this frequent are function words ("sie", "aus", "bien", "pour").
_FOREIGN_FUNCTION_TOP_N = 400
# Census surnames beyond this rank are mostly one-family names and noise.
_CENSUS_SURNAME_RANK = 30000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent words that are predominantly personal names, kept as names although wordfreq ranks them
# among the common words (its counts ignore case). General knowledge, not taken from any corpus.
_NAME_DOMINANT = _words(
    """
    john david james michael george paul peter william robert thomas chris mike richard joe mary charles
    henry harry steve tony sam alex daniel jim kevin matt dan tim edward joseph andrew adam ryan nick
    kim anna hans willem piet koos albert alexander eric louis simon henk jean marc anne charlie sarah
    bart johan laura jan martin scott lee jack sophie emma lisa maria linda karin kees gerrit dirk
    """
)

# Frequent German and French words that are names first of all.
_FOREIGN_NAMES = _words("jean weiss lange ton bas an ans vos petit france")
# Only German and French words this long are "vocabulary": shorter ones collide with short Dutch given
# names that no list has ("Cor", "Jos", "Wim").
_FOREIGN_VOCABULARY_MIN = 5

# Everyday words that are also in some name list, beyond what the frequency lists catch: months,
# weekdays, greetings, closings and words common in hosting support. General vocabulary.
_EXTRA_COMMON = _words(
    """
    hoi hallo hey hi hello dear beste groet groeten groetjes cheers regards thanks thank bedankt dank
    mvg gr best kind warm many sincerely yours vriendelijke hartelijke met van de der den het een
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday
    friday saturday sunday januari februari maart mei juni juli augustus oktober november december
    january february march may june july august october sept april
    mark will bill sue grace hope faith joy rose may summer winter autumn dawn faye bay sky ray chase
    drew miles lance gene guy art rich frank max bos kok vos klok wit visser bakker smit mulder
    hosting mail server domain website site account login support team admin info sales office
    chrome safari firefox outlook gmail windows mac linux apple android iphone ping chat cache spam
    there all allemaal iedereen everyone folks guys sir madam heer dames heren klantenservice helpdesk
    servicedesk directie collega collega's colleague
    """
)

# Tussenvoegsels and particles that join a first name and a surname ("van der", "el", "O'").
_EXTRA_INTERFIXES = ("el", "al", "abu", "bin", "ibn", "da", "das", "dos", "di", "du", "le", "la", "von", "zu")

# Titles and forms of address, stripped with the name or standing in front of it (pii-policy: PERSON
# is the name itself without a title).
_EXTRA_TITLES = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mevrouw", "meneer", "heer", "dhr", "herr", "frau",
    "monsieur", "madame", "mme", "mlle",
)

# Given names and surnames of people a Dutch host hears from that the packages above lack (general
# knowledge, spelled as their bearers write them in Latin letters).
_EXTRA_FIRST = _words(
    """
    sri iwan soenita chandni rishi anjali radjesh kiran shanti ranjiet sunil anand sharmila reshma sarita
    ashwin navin ritesh sandhya rakesh dinesh sanjay soekarni sarinah wagiman paimin sumiati soeparman
    darmi tinah karijo ramon
    khadija youssef hamza nadia hamid rachid karim samira bilal soufiane ilham latifa noureddine anouar
    imane soukaina houda hafsa ayoub zakaria othman mimoun driss fouad hicham jamal mustapha naima rachida
    fadoua meryem oumaima salma yasmina nordin mohammed abdelkader redouan khalid najib siham loubna
    kwabena kwadwo kwaku kwasi kwesi kofi yaw kojo kwame akua afia ama abena adwoa yaa esi efia akosua
    ekua araba efua kweku adjoa
    wahyu budi siti dewi agus putri rina sari bambang eko ratna indah ayu yudi hendra rudi andi fitri
    nur joko
    xiaoming xiaoli jiahui zihan yuxuan haoran yichen xinyi jiayi yutong junjie zhiwei weiming lihua
    meiling xiuying guiying jianguo jianhua guohua xiaohong xiaoyan yanling wenjun jun xiu hao
    büşra esra kübra şeyma rabia betül tuğba gamze
    mykola yurii yuriy kateryna yuliia yuliya mykhailo serhii serhiy vitalii oleh halyna
    małgorzata
    riet truus joop henk kees sjaak ria cor jos wim ton ad ko
    """
)
_EXTRA_SURNAMES = _words(
    """
    ramdin ramsaran jairam bhagwandin mahabier sewdien ramautar sitaldin doekhie ramdas ramlal ramkisoen
    ramsoekh soekhai sewnath jagessar bisessar baldew chotkan kalloe lachmon mathoera narain persad
    rampersad ramcharan sardjoe tewarie autar ramjiawan ramnath hanoeman jhinkoe kanhai mangal nanhkoe
    oedit parbhoe raghoebier kartodikromo kromodimedjo sarmo soemodihardjo pawiroredjo wongsodikromo
    sastrodihardjo atmodikoro moestadja soekatma sodikin setroredjo kartosen redjosentono pinas
    brunings doelwijt sabajo kanteman vaseur
    amrani azzouzi bouzid benali bakkali idrissi tahiri ziani bennani ouali haddou chaouch boukhari
    khatib ouahabi lamrani amghar aarab aboutaleb achahbar ahmadi bouali boukhris hajji kaddouri yassini
    essaidi mokhtari ouazzani saidi tabit zaoui moussaoui boujnane haddaoui abdellaoui benhaddou
    bouchtaoui benmoussa
    adjei agyeman amoah owusu osei ofori asamoah antwi boakye danquah frimpong gyamfi kusi nkrumah obeng
    opoku quaye sarpong tetteh yeboah ansah annan bonsu darko nyarko amponsah addo ampofo afriyie agyei
    hartono susanto kusuma tanoto sutanto wibowo hidayat nugroho saputra pratama wijaya halim setiadi
    kurniawan sugianto tanjung siregar nasution simanjuntak hutapea
    öztürk çelik şahin aydın yıldız yıldırım özdemir arslan doğan kılıç aslan çetin kara koç kurt özkan
    şimşek polat korkmaz karataş özer güneş aktaş erdem tekin bulut keskin ünal güler uçar avcı taş akın
    bozkurt karakaya kaplan turan acar sarı tunç güven yavuz ateş ekinci altun çakır sönmez uysal coşkun
    bayram yücel demirci ışık
    kravchenko kovalchuk boiko tkachuk savchenko rudenko polishchuk marchenko sydorenko
    """
)

# Cities people name in support mail that faker's city lists lack (general knowledge; some are given
# names too, which ``place_words`` keeps: "in Florence" is the city, "Florence Dupont" a person).
_EXTRA_PLACES = _words(
    """
    paris london lyon marseille nice toulouse bordeaux lille nantes strasbourg brussel brussels bruxelles antwerp
    antwerpen gent ghent luik liège brugge bruges leuven charleroi namur hasselt mechelen berlin hamburg münchen
    munich köln cologne frankfurt stuttgart düsseldorf dortmund essen bremen hannover leipzig dresden aachen bonn
    münster wenen wien vienna zürich zurich genève geneva basel bern rome roma milaan milan milano napels naples
    turijn turin florence firenze venetië venice madrid barcelona valencia sevilla seville málaga malaga lissabon
    lisbon lisboa porto dublin edinburgh glasgow manchester liverpool birmingham leeds bristol cardiff belfast
    oxford cambridge brighton kopenhagen copenhagen stockholm oslo helsinki warschau warsaw kraków krakow gdańsk
    gdansk wrocław poznań łódź praag prague boedapest budapest boekarest bucharest sofia athene athens istanbul
    ankara izmir antalya kayseri konya bursa tanger tangier casablanca rabat marrakech fes nador oujda agadir
    tetouan paramaribo willemstad oranjestad kralendijk jakarta surabaya bandung yogyakarta semarang medan bali
    mumbai delhi bangalore chennai kolkata hyderabad pune beijing shanghai shenzhen guangzhou taipei tokyo osaka
    seoul bangkok singapore manila dubai doha accra kumasi lagos abuja nairobi kyiv kiev kharkiv lviv odesa
    odessa dnipro moskou moscow sydney melbourne toronto montreal vancouver chicago boston seattle austin dallas
    houston miami denver atlanta
    """
)

# Multi-word place names (cities the country lists lack) whose first word is also a given name.
_EXTRA_PLACE_PHRASES = (
    "sri lanka", "costa rica", "san francisco", "san diego", "san jose", "san marino", "santa cruz",
    "santa monica", "los angeles", "las vegas", "new york", "new jersey", "new delhi", "hong kong",
    "buenos aires", "rio de janeiro", "são paulo", "sao paulo", "tel aviv", "kuala lumpur", "abu dhabi",
    "cape town", "el salvador", "puerto rico", "saint lucia", "sint maarten", "sint eustatius", "den haag",
    "den bosch", "den helder", "la paz", "le havre", "st helens",
)

# Cyrillic to Latin as people with these names write them: the Ukrainian national system (2010) and
# the BGN/PCGN system for Russian and Bulgarian, with the popular variants of both ("Andriy", "Yuliya").
_CYRILLIC_COMMON = dict(
    zip(
        "абвдезклмнопрстуфцчшщьъ'’",
        ["a", "b", "v", "d", "e", "z", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "ts", "ch", "sh",
         "shch", "", "", "", ""],
        strict=True,
    )
)
_CYRILLIC = {
    "uk": {**_CYRILLIC_COMMON, "г": "h", "ґ": "g", "ж": "zh", "и": "y", "і": "i", "ї": "yi", "й": "y",
           "х": "kh", "є": "ye", "ю": "yu", "я": "ya"},
    "ru": {**_CYRILLIC_COMMON, "г": "g", "ж": "zh", "и": "i", "й": "y", "х": "kh", "ё": "yo", "ы": "y",
           "э": "e", "е": "e", "ю": "yu", "я": "ya"},
    "bg": {**_CYRILLIC_COMMON, "г": "g", "ж": "zh", "и": "i", "й": "y", "х": "h", "ъ": "a", "щ": "sht",
           "ю": "yu", "я": "ya"},
}
# the official Ukrainian forms inside a word: "Yuliia", "Andrii", "Nataliia"
_UK_INNER = {"ї": "i", "й": "i", "є": "ie", "ю": "iu", "я": "ia"}
_CYRILLIC_LOCALES = {"uk_UA": "uk", "ru_RU": "ru", "bg_BG": "bg", "mk_MK": "bg"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-cased word sets for name and place lookup: ``frozenset[str]``, except the street names and the
    multi-word place names, which are asked less than once per message: ``WordSet`` (compact, issue 16)."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    # Surnames that follow a tussenvoegsel ("jong" of "de Jong", "heuvel" of "van den Heuvel").
    interfix_surnames: frozenset[str]
    interfixes: frozenset[str]
    titles: frozenset[str]
    streets: WordSet
    places: frozenset[str]
    # Words that are everyday nl/en words although a name list contains them.
    common_words: frozenset[str]
    # The few hundred most frequent nl/en words: never part of a name chain.
    function_words: frozenset[str]
    # Frequent nl/en/de/fr words that are in no name list ("unfortunately", "factuur", "Rechnung"): not a
    # name part.
    vocabulary: frozenset[str]
    # Single-word country and city names of the world ("Lyon", "Warszawa"); some are names too ("Florence").
    place_words: frozenset[str]
    # Multi-word place names ("sri lanka", "costa rica"), lower-cased, words joined by one space.
    place_phrases: WordSet
    # Country names in English, Dutch, German and French, lower-cased (address blocks end in one).
    countries: frozenset[str]
    version: str

    def is_first_name(self, word: str) -> bool:
        return word.lower() in self.first_names

    def is_surname(self, word: str) -> bool:
        return word.lower() in self.surnames

    def is_common(self, word: str) -> bool:
        return word.lower() in self.common_words


def _deduce_src() -> Path:
    import deduce  # local: only the build needs it

    return Path(deduce.__file__).parent / "data" / "lookup" / "src"


def _read_list(folder: Path) -> set[str]:
    """A deduce list: items.txt minus exceptions.txt, lower-cased."""
    items = _lines(folder / "items.txt")
    exceptions = _lines(folder / "exceptions.txt") if (folder / "exceptions.txt").exists() else set()
    return items - exceptions


def _lines(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as f:
        return {line.strip().lower() for line in f if line.strip()}


_LATIN_NAME = re.compile(r"^[a-zà-ɏ][a-zà-ɏ'’-]*$")
# faker's person attributes that hold names, and the ones that look alike but do not
_NAME_ATTR = re.compile(r"first_names|last_names|romanized_names")
_NOT_NAME_ATTR = re.compile(r"kana|pairs|middle|language|formats")


def _faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of faker's person locales, lower-cased, Cyrillic transliterated."""
    import faker.providers.person as person  # local: only the build needs it

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        script = _CYRILLIC_LOCALES.get(info.name)
        for attr, value in vars(provider).items():
            if not (_NAME_ATTR.search(attr) and not _NOT_NAME_ATTR.search(attr)):
                continue
            if not isinstance(value, (list, tuple, dict, set, frozenset)):
                continue
            target = last if "last" in attr else first
            values = [v for v in value if isinstance(v, str)]
            if script is not None:
                values = [t for v in values for t in _transliterations(v.lower(), script)]
            names = set(_latin(values))
            # romanised Chinese given names come as syllables joined by a hyphen: "Chia-Hao", also "Chiahao"
            names |= {n.replace("-", "") for n in names if "romanized" in attr and "-" in n}
            if attr == "male_last_names":  # Polish: Kowalski -> Kowalska
                names |= {n[:-1] + "a" for n in names if n.endswith(("ski", "cki", "dzki"))}
            target.update(names)
    return first, last


def _transliterations(word: str, script: str) -> set[str]:
    """A Cyrillic name in Latin letters: the official form and, for Ukrainian, the popular one."""
    table = _CYRILLIC[script]
    popular = "".join(table.get(ch, ch) for ch in word)
    if script != "uk":
        return {popular}
    official = "".join((_UK_INNER.get(ch) if k > 0 else None) or table.get(ch, ch) for k, ch in enumerate(word))
    return {popular, official}


def _latin(values: Iterable[str]) -> Iterator[str]:
    for v in values:
        low = v.strip().lower()
        # Two-letter "names" in some locales are romanised syllables that collide with words.
        if len(low) > 2 and _LATIN_NAME.match(low):
            yield low


_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """A word without its diacritics, as people type names on a keyboard without them ("Öztürk" -> "ozturk")."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _with_folded(names: set[str]) -> set[str]:
    return names | {fold(n) for n in names}


def _faker_places() -> tuple[set[str], set[str]]:
    """Country and city names of faker's address locales: single words, and multi-word names."""
    import faker.providers.address as address  # local: only the build needs it

    words: set[str] = set(_EXTRA_PLACES)
    phrases: set[str] = set(_EXTRA_PLACE_PHRASES)
    for info in pkgutil.iter_modules(address.__path__):
        provider = importlib.import_module(f"{address.__name__}.{info.name}").Provider
        for attr in ("countries", "cities", "city_names", "real_city_names"):
            value = vars(provider).get(attr)
            if not isinstance(value, (list, tuple, dict, set, frozenset)):
                continue
            for v in value:
                if not isinstance(v, str):
                    continue
                low = re.sub(r"\s*\(.*", "", v.strip().lower())
                parts = low.split()
                if len(parts) == 1 and _LATIN_NAME.match(low):
                    words.add(low)
                elif 1 < len(parts) <= 3 and all(_LATIN_NAME.match(part) for part in parts):
                    phrases.add(" ".join(parts))
    return words, phrases


def _country_names() -> frozenset[str]:
    """Country names in English (pycountry) and in Dutch, German and French (babel's territory names).

    Made here, with the lexicon, rather than at start-up: babel's locale data took 0.1-0.15 s of CPU and kept
    6.5 MB (issue 16).
    """
    import pycountry  # local: only the build needs it
    from babel import Locale

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.lower())
    for lang in ("en", "nl", "de", "fr"):
        for code, value in Locale(lang).territories.items():
            if code.isalpha() and len(code) == 2:
                names.add(value.lower())
    names |= {"usa", "uk", "england", "scotland", "wales", "the netherlands", "holland", "great britain"}
    return frozenset(n for n in names if len(n) >= 4 or n in {"usa", "uk"})


def _census_names() -> tuple[set[str], set[str]]:
    names = importlib.import_module("names")  # local: only the build needs it

    root = Path(str(names.__file__)).parent
    first: set[str] = set()
    for fname in ("dist.male.first", "dist.female.first"):
        first |= {line.split()[0].lower() for line in (root / fname).read_text().splitlines() if line}
    last = set()
    for line in (root / "dist.all.last").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= _CENSUS_SURNAME_RANK:
            last.add(parts[0].lower())
    return first, last


def _frequent_words(n: int, langs: tuple[str, ...] = _COMMON_LANGS) -> set[str]:
    from wordfreq import top_n_list  # local: only the build needs it

    return {w for lang in langs for w in top_n_list(lang, n)}


def build_lexicon() -> Lexicon:
    """Read every source list and build the lexicon (seconds; use ``load_lexicon`` at run time)."""
    src = _deduce_src()
    ded_first = _read_list(src / "names" / "lst_first_name")
    ded_last = _read_list(src / "names" / "lst_surname")
    # "van der Vries" -> the surname part after the interfix also counts as a surname.
    interfix_surnames = _read_list(src / "names" / "lst_interfix_surname")
    interfixes = _read_list(src / "names" / "lst_interfix") | set(_EXTRA_INTERFIXES)
    titles = {t.rstrip(".") for t in _read_list(src / "names" / "lst_prefix")} | set(_EXTRA_TITLES)
    census_first, census_last = _census_names()
    faker_first, faker_last = _faker_names()

    first_names = _with_folded(ded_first | census_first | faker_first | set(_EXTRA_FIRST))
    surnames = ded_last | census_last | faker_last | set(_EXTRA_SURNAMES)
    for s in interfix_surnames:
        surnames.add(s.split()[-1])
    surnames = _with_folded(surnames)

    streets = _read_list(src / "locations" / "lst_street")
    streets |= _lines(src / "locations" / "lst_street" / "streets_bag.txt")
    places: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= _read_list(src / "locations" / "lst_placename" / sub)

    stop = _read_list(src / "whitelist" / "lst_stop_word")
    dutch_common = _read_list(src / "whitelist" / "lst_common_word")
    frequent = _frequent_words(_COMMON_TOP_N)
    names_all = first_names | surnames
    name_dominant = {w.lower() for w in _NAME_DOMINANT}
    common = ((frequent & names_all) - name_dominant) | stop | dutch_common | _EXTRA_COMMON
    # the most frequent German and French words ("sie", "aus", "bien") are never a name part either
    foreign_function = _frequent_words(_FOREIGN_FUNCTION_TOP_N, _FOREIGN_LANGS) - name_dominant - _FOREIGN_NAMES
    function_words = (_frequent_words(400) - name_dominant) | stop | set(interfixes) | foreign_function
    function_words -= {"el", "al", "abu", "bin", "ibn"}

    foreign = {w for w in _frequent_words(_VOCABULARY_TOP_N, _FOREIGN_LANGS) if len(w) >= _FOREIGN_VOCABULARY_MIN}
    # wordfreq case-folds "ß" to "ss": keep both spellings ("grüsse", "grüße")
    foreign |= {w.replace("ss", "ß") for w in foreign if "ss" in w}
    vocabulary = (_frequent_words(_VOCABULARY_TOP_N) | foreign) - names_all - name_dominant
    place_words, place_phrases = _faker_places()

    return Lexicon(
        first_names=frozenset(first_names),
        surnames=frozenset(surnames),
        interfix_surnames=frozenset(_with_folded({s.split()[-1] for s in interfix_surnames})),
        interfixes=frozenset(interfixes),
        titles=frozenset(titles),
        streets=WordSet(streets),
        places=frozenset(places),
        common_words=frozenset(common),
        function_words=frozenset(function_words),
        vocabulary=frozenset(vocabulary),
        place_words=frozenset(place_words),
        place_phrases=WordSet(place_phrases),
        countries=_country_names(),
        version=lexicon_version(),
    )


def lexicon_version() -> str:
    """A short digest of the source packages' versions and of this module's format."""
    parts = [f"format={FORMAT}", f"py={sys.version_info[0]}.{sys.version_info[1]}"]
    for pkg in _SOURCE_PACKAGES:
        try:
            parts.append(f"{pkg}={importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{pkg}=missing")
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:12]


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path(__file__).parent / "data"


def cache_path() -> Path:
    return cache_dir() / f"lexicon.{lexicon_version()}.pickle"


def write_cache(lexicon: Lexicon, path: Path | None = None) -> Path:
    """Write atomically, so a concurrent reader never sees half a file."""
    target = path or cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".lexicon-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            # A plain dict, not the dataclass: loadable whether this module ran as __main__ or not.
            pickle.dump(dataclasses.asdict(lexicon), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


@functools.cache
def load_lexicon() -> Lexicon:
    """The lexicon, read from the install-time cache; built (and written) once if the cache is missing."""
    path = cache_path()
    if path.exists():
        with path.open("rb") as f:
            # The file is written by our own install step into our own package or cache dir.
            data = pickle.load(f)  # noqa: S301
        if isinstance(data, dict) and data.get("version") == lexicon_version():
            return Lexicon(**data)
    log.warning("name lexicon cache missing at %s; building it (`python -m scrubber.lexicon build`)", path)
    lexicon = build_lexicon()
    try:
        write_cache(lexicon, path)
    except OSError as exc:
        log.warning("could not write the lexicon cache (%s); set %s to a writable dir", exc, CACHE_ENV)
    return lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrubber.lexicon", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "path", "stats"])
    args = parser.parse_args(argv)
    if args.command == "path":
        print(cache_path())
        return 0
    if args.command == "build":
        started = time.perf_counter()
        path = write_cache(build_lexicon())
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB) in {time.perf_counter() - started:.1f}s")
        # Remove caches of other versions: they can never be loaded again.
        for old in path.parent.glob("lexicon.*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        return 0
    lex = load_lexicon()
    for name in (
        "first_names", "surnames", "interfixes", "titles", "streets", "places", "common_words", "function_words",
        "vocabulary", "place_words", "place_phrases", "countries",
    ):
        print(f"{name}: {len(getattr(lex, name))}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
