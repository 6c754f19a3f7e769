"""What the acknowledgement tells a customer about the data removed from their message on arrival.

Customers keep sending their BSN, a password or a passport photo "so you can check it is me" because
nobody tells them not to. The acknowledgement is the one mail every new customer reads, so it says, in
their language, which *kinds* of data were removed and that support never needs them (issue 21). It
never repeats a value, not even masked: the mail goes over the Internet and sits in the customer's
mailbox; it also never says where in the message a value stood. Data minimisation, GDPR art. 5(1)(c):
the cheapest personal data to protect is the data that is never sent.

Words, not codes: one table for every strip type of docs/pii-policy.md (tested complete against
``scrubber.types.STRIP_TYPES``), so a type an operator names here later needs no new code.
"""

from __future__ import annotations

from collections.abc import Mapping

from tickets.i18n import language

# Per strip type, per language: the kind, with its article, so the list reads as a sentence ("een
# burgerservicenummer en een wachtwoord"). Always the singular: the counts are occurrences, not distinct
# values (one BSN quoted twice, or in the body and again in the forwarded .eml, counts two), so a plural
# would often claim more than was sent; the kind is what the customer needs to know.
WORDS: dict[str, dict[str, str]] = {
    "PERSON": {"nl": "een naam", "en": "a name"},
    "EMAIL_ADDRESS": {"nl": "een e-mailadres", "en": "an e-mail address"},
    "PHONE_NUMBER": {"nl": "een telefoonnummer", "en": "a phone number"},
    "ADDRESS": {"nl": "een adres", "en": "an address"},
    "POSTCODE": {"nl": "een postcode", "en": "a postcode"},
    "DATE_OF_BIRTH": {"nl": "een geboortedatum", "en": "a date of birth"},
    # The Dutch name for every citizen number (BSN, rijksregisternummer, NI number): the host is Dutch and
    # so are most of its customers; the English one says what it is without a country.
    "NATIONAL_ID": {"nl": "een burgerservicenummer", "en": "a citizen service number"},
    "ID_DOCUMENT": {"nl": "een nummer van een paspoort, identiteitskaart of rijbewijs",
                    "en": "a passport, identity card or driving licence number"},
    "IBAN": {"nl": "een bankrekeningnummer", "en": "a bank account number"},
    "CREDIT_CARD": {"nl": "een betaalkaartnummer", "en": "a payment card number"},
    # CREDENTIAL is also a PIN, an API key or a recovery code; "password" is the word customers know.
    "CREDENTIAL": {"nl": "een wachtwoord", "en": "a password"},
    "LICENSE_PLATE": {"nl": "een kenteken", "en": "a licence plate"},
    "NUMBER": {"nl": "een nummer", "en": "a number"},
}

# Which kinds the customer is told about, in this order. Decision: only values that are sensitive in
# themselves (identity and payment numbers, secrets, a birth date: what fraud and identity theft are
# made of) and that a customer sends on purpose, believing support needs them. Not named:
# - PERSON, EMAIL_ADDRESS, PHONE_NUMBER, ADDRESS, POSTCODE: in nearly every mail (greeting, signature)
#   and needed to write back at all; "we removed your name" would read as an accusation and bury the
#   sentence that matters;
# - NUMBER, the deny-by-default type: it also strips harmless numbers nothing explained, and "a number
#   was removed" tells the customer nothing they can act on;
# - LICENSE_PLATE: rare in a web host's support and of low risk; named only if it ever matters.
NAMED: frozenset[str] = frozenset(
    {"NATIONAL_ID", "ID_DOCUMENT", "IBAN", "CREDIT_CARD", "CREDENTIAL", "DATE_OF_BIRTH"}
)
_ORDER = ("NATIONAL_ID", "ID_DOCUMENT", "DATE_OF_BIRTH", "IBAN", "CREDIT_CARD", "CREDENTIAL")

_AND = {"nl": "en", "en": "and"}
_REMOVED = {
    "nl": "Bij ontvangst hebben wij {kinds} uit uw bericht verwijderd. Die gegevens hebben wij voor "
          "ondersteuning nooit nodig; u hoeft ze ons dus niet te sturen.",
    "en": "On arrival we removed {kinds} from your message. Support never needs such data, so there is "
          "no need to send it to us.",
}
_IDENTITY = {
    "nl": ("Een kopie van een identiteitsbewijs hebben wij niet nodig; de afbeelding is bij ontvangst "
           "verwijderd.",
           "Kopieën van identiteitsbewijzen hebben wij niet nodig; de afbeeldingen zijn bij ontvangst "
           "verwijderd."),
    "en": ("We do not need copies of identity documents; the image was deleted on arrival.",
           "We do not need copies of identity documents; the images were deleted on arrival."),
}


def named_kinds(counts: Mapping[str, int]) -> list[str]:
    """The strip types of ``counts`` the customer is told about, in a fixed order."""
    return [kind for kind in _ORDER if counts.get(kind, 0) > 0]


def paragraph(lang: str | None, counts: Mapping[str, int], identity_images: int) -> str:
    """The sentences about what was removed, or "" when there is nothing worth saying."""
    code = language(lang)
    words = [WORDS[kind][code] for kind in named_kinds(counts)]
    sentences = []
    if words:
        sentences.append(_REMOVED[code].format(kinds=_join(words, _AND[code])))
    if identity_images > 0:
        sentences.append(_IDENTITY[code][0 if identity_images == 1 else 1])
    return " ".join(sentences)


def _join(words: list[str], conjunction: str) -> str:
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
