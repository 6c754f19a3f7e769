"""Words that talk about a password rather than being one (nl, en, de, fr).

``scrubber.recognizers.credentials`` takes a clause after "het wachtwoord is" as a sentence password unless one
of these stands in it: its state ("niet", "verlopen", "wrong"), whether it works, whose it is, where it is
("zie bijlage") or a discourse word ("trouwens", "anyway"). General vocabulary, not taken from any corpus.
Also the short words that are prose right after a cue (``PROSE_AFTER_CUE``) and the everyday words of wordfreq
(``is_ordinary_word``) that ``scrubber.recognizers.secrets`` and ``credentials`` both ask about.
"""

from __future__ import annotations

from functools import lru_cache

from scrubber.word_frequency import top_words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABOUT_PASSWORD: frozenset[str] = _words(
    """
    niet not nicht pas geen no none kein nooit never nog steeds still noch toujours fout wrong incorrect onjuist
    ongeldig invalid falsch faux verlopen expired abgelaufen vergeten forgot forgotten vergessen oublié werkt works
    working work worked werken functioneert funktioniert marche meer anymore more mehr plus same hetzelfde zelfde
    dezelfde gleiche même als as like zoals wie comme gewijzigd changed veranderd aangepast gereset reset
    geblokkeerd blocked locked gesperrt bloqué bekend known unknown onbekend kwijt lost verloren juist correct goed
    fine ok okay oké klopt right richtig wachtwoord password passwort ww pw je jij jullie u you your uw jouw du ihr
    sie vous tu te too zu trop kort short lang long sterk strong zwak weak veilig safe secure sicher moeilijk
    difficult makkelijk easy ander andere other another anders different nieuw nieuwe new oud oude old gelijk equal
    hier here daar there bijgevoegd attached below hieronder above hierboven sent gestuurd gemaild emailed zie see
    siehe voir bijlage attachment staat volgt follows trouwens gewoon eigenlijk namelijk btw anyway actually just
    simply basically eigentlich
    prima fijn perfect perfekt parfait top super handig nice great good gut bien bon fine nodig needed required
    vereist verplicht erforderlich nötig obligatoire optioneel optional facultatif genoeg enough assez voldoende
    """
)


# words that are prose right after a password cue ("wachtwoord is niet ...", "password for the ..."), not a value
PROSE_AFTER_CUE: frozenset[str] = _words(
    """
    is was niet not nog steeds still al ook also wel the het de een a an mijn my your uw je jouw hier here fout wrong
    incorrect onjuist ongeldig invalid verlopen expired correct juist goed klopt gereset reset veranderd changed
    aangepast gewijzigd vergeten forgotten sturen send opnieuw again and en of or werkt works working werken work via
    voor for van op on in met with
    """
)


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    """The everyday words of Dutch and English (wordfreq's frequency lists), loaded on first use."""
    return frozenset(w for lang in ("nl", "en") for w in top_words(lang, 40000, wordlist="small") if w.isalpha())


def is_ordinary_word(word: str) -> bool:
    """Whether ``word`` is an everyday Dutch or English word (case-insensitive)."""
    return word.lower() in _ordinary_words()
