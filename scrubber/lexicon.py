"""The name and place lexicon: built once at install time, loaded in well under a second.

Without a trained NER model (none can be installed from the registries this project uses, and nothing
may be downloaded at run time) names are found by lookup plus context. The word lists come from
packages that ship them as data:

- ``deduce`` (LGPL-3.0-or-later): Dutch first names, surnames, tussenvoegsels, streets and places,
  with deduce's own exception lists applied;
- ``names`` (MIT): the US Census 1990 first-name and surname distributions;
- ``faker`` (MIT): first names and surnames of its Latin-script locales, for the international names
  a Dutch web host meets (Turkish, Moroccan, Polish, Indian, Irish, ...);
- ``wordfreq`` (Apache-2.0, data CC BY-SA 4.0): the most frequent Dutch and English words, so that a
  name that is also an everyday word ("Mark as read", "Will you", "Bos", "Van") needs context before
  it counts as a name.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Bump when the content rules below change: the digest in the cache file name follows it.
FORMAT = 4
CACHE_ENV = "SCRUBDESK_CACHE_DIR"
_SOURCE_PACKAGES = ("deduce", "names", "faker", "wordfreq")

# How many of each language's most frequent words count as "everyday words" for names. 3000 covers
# the words that appear capitalised at a sentence start in support mail without swallowing rarer
# surnames that happen to be words (Bakker, Visser).
_COMMON_TOP_N = 3000
# Ordinary words: frequent enough that an unknown capitalised one is a sentence start, not a name.
_VOCABULARY_TOP_N = 30000
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
    chrome safari firefox outlook gmail windows mac linux apple android iphone
    there all allemaal iedereen everyone folks guys sir madam heer dames heren klantenservice helpdesk
    servicedesk directie collega collega's colleague
    """
)

# Tussenvoegsels and particles that join a first name and a surname ("van der", "el", "O'").
_EXTRA_INTERFIXES = ("el", "al", "abu", "bin", "ibn", "da", "das", "dos", "di", "du", "le", "la", "von", "zu")

# Titles and forms of address, stripped with the name or standing in front of it (pii-policy: PERSON
# is the name itself without a title).
_EXTRA_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mevrouw", "meneer", "dhr")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-cased word sets for name and place lookup. All members are ``frozenset[str]``."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    interfixes: frozenset[str]
    titles: frozenset[str]
    streets: frozenset[str]
    places: frozenset[str]
    # Words that are everyday nl/en words although a name list contains them.
    common_words: frozenset[str]
    # The few hundred most frequent nl/en words: never part of a name chain.
    function_words: frozenset[str]
    # Frequent nl/en words that are in no name list ("unfortunately", "factuur"): not a name part.
    vocabulary: frozenset[str]
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


def _faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of faker's Latin-script person locales, lower-cased."""
    import faker.providers.person as person  # local: only the build needs it

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr, target in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("last_names", last),
        ):
            value = vars(provider).get(attr)
            if value is None or isinstance(value, property):
                continue
            target.update(_latin(value))
    return first, last


def _latin(values: Iterable[str]) -> Iterator[str]:
    for v in values:
        low = v.strip().lower()
        # Two-letter "names" in some locales are romanised syllables that collide with words.
        if len(low) > 2 and _LATIN_NAME.match(low):
            yield low


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


def _frequent_words(n: int) -> set[str]:
    from wordfreq import top_n_list  # local: only the build needs it

    return {w for lang in ("nl", "en") for w in top_n_list(lang, n)}


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

    first_names = ded_first | census_first | faker_first
    surnames = ded_last | census_last | faker_last
    for s in interfix_surnames:
        surnames.add(s.split()[-1])

    streets = _read_list(src / "locations" / "lst_street")
    streets |= _lines(src / "locations" / "lst_street" / "streets_bag.txt")
    places: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= _read_list(src / "locations" / "lst_placename" / sub)

    stop = _read_list(src / "whitelist" / "lst_stop_word")
    dutch_common = _read_list(src / "whitelist" / "lst_common_word")
    frequent = _frequent_words(_COMMON_TOP_N)
    names_all = first_names | surnames
    common = ((frequent & names_all) - _NAME_DOMINANT) | stop | dutch_common | _EXTRA_COMMON
    function_words = (_frequent_words(400) - _NAME_DOMINANT) | stop | set(interfixes)
    function_words -= {"el", "al", "abu", "bin", "ibn"}

    vocabulary = _frequent_words(_VOCABULARY_TOP_N) - names_all - {w.lower() for w in _NAME_DOMINANT}

    return Lexicon(
        first_names=frozenset(first_names),
        surnames=frozenset(surnames),
        interfixes=frozenset(interfixes),
        titles=frozenset(titles),
        streets=frozenset(streets),
        places=frozenset(places),
        common_words=frozenset(common),
        function_words=frozenset(function_words),
        vocabulary=frozenset(vocabulary),
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
    for name in ("first_names", "surnames", "interfixes", "titles", "streets", "places", "common_words"):
        print(f"{name}: {len(getattr(lex, name))}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
