"""The install-time lexicon knows the names of the people a Dutch web host hears from (issue #16).

General knowledge of common given names and surnames per origin, spelled as people type them (with and
without diacritics, Cyrillic names in Latin transliteration).
"""

from __future__ import annotations

import pytest

from scrubber.lexicon import load_lexicon
from scrubber.recognizers.names.words import NameWords

FIRST = {
    "turkish": "mehmet ayşe ayse fatma emre elif zeynep mustafa yusuf merve büşra busra gökhan gokhan",
    "moroccan": "mohamed fatima khadija youssef hamza nadia hamid rachid karim samira bilal soufiane",
    "surinamese": "iwan soenita chandni rishi anjali radjesh kiran shanti sri",
    "indonesian": "wahyu budi siti dewi agus putri rina sari bambang",
    "polish": "agnieszka małgorzata malgorzata katarzyna krzysztof piotr tomasz wojciech łukasz lukasz",
    "indian": "priya rahul arjun sunita deepak pooja ravi vikram lakshmi aditi rohan",
    "chinese": "hao wei fang xiaoming jing lei ling jun ying xiuying",
    "ghanaian": "kwame kofi ama akosua yaw kwaku abena adwoa kojo efua afua",
    "ukrainian": "oleksandr olena taras bohdan oksana andriy iryna dmytro mykola volodymyr",
    "dutch": "sanne daan noor sem lieke bram femke jeroen anouk thijs",
}
SURNAMES = {
    "turkish": "yılmaz yilmaz öztürk ozturk kaya demir çelik celik şahin sahin aydın aydin yıldız yildiz",
    "moroccan": "amrani azzouzi bouzid benali bakkali idrissi tahiri ziani bennani",
    "surinamese": "ramdin mahabier kartodikromo ramsaran pinas jairam bhagwandin kromodimedjo sewdien",
    "indonesian": "hartono setiawan wijaya susanto santoso kusuma gunawan",
    "polish": "kowalski kowalska nowak wiśniewski wisniewski wiśniewska zieliński zielinski wójcik kamiński",
    "indian": "sharma patel singh gupta reddy iyer kumar nair rao mehta",
    "chinese": "zhang wang chen liu huang zhao zhou xu",
    "ghanaian": "mensah owusu boateng asante adjei osei appiah agyeman ofori",
    "ukrainian": "kovalenko shevchenko bondarenko tkachenko kravchenko melnyk lysenko",
    "dutch": "jansen visser bakker de vries van leeuwen",
}


@pytest.mark.parametrize("origin", sorted(FIRST))
def test_first_names_of_every_origin(origin: str) -> None:
    words = NameWords(load_lexicon())
    missing = [w for w in FIRST[origin].split() if not words.known_first(w)]
    assert missing == []


@pytest.mark.parametrize("origin", sorted(SURNAMES))
def test_surnames_of_every_origin(origin: str) -> None:
    words = NameWords(load_lexicon())
    missing = [w for w in SURNAMES[origin].split() if w not in ("de", "van") and not words.known_surname(w)]
    assert missing == []


def test_names_that_are_everyday_words_elsewhere_stay_common() -> None:
    lex = load_lexicon()
    # German and French everyday words are no names in running text
    assert {"sie", "aus", "bien"} <= lex.common_words | lex.function_words | lex.vocabulary
