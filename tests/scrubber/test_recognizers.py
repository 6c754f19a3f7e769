"""Table-driven recognizer tests through the real engine: each row is a message, a value in it and the
type it must (or must not) be reported as. Values are fictional; checksummed ones are computed valid."""

from __future__ import annotations

import pytest

from scrubber.engine import Scrubber

# (message, value, expected type)
POSITIVE = [
    # NATIONAL_ID: BSN (11-proef) in several spellings, Belgian national number, UK NINO
    ("Mijn BSN is 111222333.", "111222333", "NATIONAL_ID"),
    ("burgerservicenummer: 123.456.782", "123.456.782", "NATIONAL_ID"),
    ("bsn 123 456 782 graag verwerken", "123 456 782", "NATIONAL_ID"),
    ("Rijksregisternummer 85.07.30-033.28, wonend te Gent", "85.07.30-033.28", "NATIONAL_ID"),
    ("My NI number is HZ 12 34 56 A thanks", "HZ 12 34 56 A", "NATIONAL_ID"),
    # ID_DOCUMENT after a cue word
    ("Paspoortnummer: NW1K2L3P4", "NW1K2L3P4", "ID_DOCUMENT"),
    ("my passport number is SPECI2014 and it expires soon", "SPECI2014", "ID_DOCUMENT"),
    ("Rijbewijsnummer 4912345678 (categorie B)", "4912345678", "ID_DOCUMENT"),
    ("identiteitskaart nr. 591-1234567-89", "591-1234567-89", "ID_DOCUMENT"),
    # IBAN in any spacing and case, and an old Dutch account number after a cue
    ("Graag terugstorten op NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00", "IBAN"),
    ("iban: nl91abna0417164300 t.n.v. mij", "nl91abna0417164300", "IBAN"),
    ("Please pay to GB82 WEST 1234 5698 7654 32 asap", "GB82 WEST 1234 5698 7654 32", "IBAN"),
    ("rekening BE71 0961 2345 6769", "BE71 0961 2345 6769", "IBAN"),
    ("DE89370400440532013000 is my account", "DE89370400440532013000", "IBAN"),
    ("terugboeken op mijn rekening 758957505 graag", "758957505", "IBAN"),
    # a typo in the check digits is still someone's account; two IBANs in a row are both found
    ("het is NL02 RABO 0123 4567 89 en niet NL02RABO0123456788", "NL02 RABO 0123 4567 89", "IBAN"),
    ("het is NL02 RABO 0123 4567 89 en niet NL02RABO0123456788", "NL02RABO0123456788", "IBAN"),
    # CREDIT_CARD with expiry and CVC
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "09/28", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 exp 09/28 cvc 123", "123", "CREDIT_CARD"),
    ("Mastercard 5500-0000-0000-0004", "5500-0000-0000-0004", "CREDIT_CARD"),
    ("amex 3400 000000 00009, CVV: 1234", "3400 000000 00009", "CREDIT_CARD"),
    # PHONE_NUMBER: NL/BE/DE/GB/FR and international formats
    ("bel me op 06-12345678 aub", "06-12345678", "PHONE_NUMBER"),
    ("Tel. +31 6 1234 5678", "+31 6 1234 5678", "PHONE_NUMBER"),
    ("kantoor (013) 711 37 01", "(013) 711 37 01", "PHONE_NUMBER"),
    ("GSM 0470 12 34 56", "0470 12 34 56", "PHONE_NUMBER"),
    ("ring 020 7946 0018 after five", "020 7946 0018", "PHONE_NUMBER"),
    ("Handy: +49 30 1234567", "+49 30 1234567", "PHONE_NUMBER"),
    ("portable +33 6 12 34 56 78", "+33 6 12 34 56 78", "PHONE_NUMBER"),
    ("bellen naar 0031 20 794 3318", "0031 20 794 3318", "PHONE_NUMBER"),
    # EMAIL_ADDRESS
    ("mail piet.de-vries+hosting@gmail.com graag", "piet.de-vries+hosting@gmail.com", "EMAIL_ADDRESS"),
    # ADDRESS / POSTCODE
    ("Ik woon op Kerkstraat 12, 5038 AB Tilburg sinds mei.", "Kerkstraat 12, 5038 AB Tilburg", "ADDRESS"),
    ("Nieuw adres:\nLaan van Meerdervoort 1021-B\n2564 AB Den Haag", "Laan van Meerdervoort 1021-B\n2564 AB Den Haag",
     "ADDRESS"),
    ("We moved to 221B Baker Street, London NW1 6XE last week", "221B Baker Street, London NW1 6XE", "ADDRESS"),
    ("Stuur het naar Postbus 1042, 5602 BA Eindhoven", "Postbus 1042, 5602 BA Eindhoven", "ADDRESS"),
    ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin", "ADDRESS"),
    ("Ons adres: Oudegracht 231bis, 3511 NK Utrecht.", "Oudegracht 231bis, 3511 NK Utrecht", "ADDRESS"),
    ("mijn adres is Hoofdweg 12 - 9681 AG Midwolda", "Hoofdweg 12 - 9681 AG Midwolda", "ADDRESS"),
    ("stuur het naar Van Goghlaan 3a", "Van Goghlaan 3a", "ADDRESS"),
    ("Onze postcode is 5038 AB en huisnummer 12", "5038 AB", "POSTCODE"),
    ("Postcode: SW1A 1AA", "SW1A 1AA", "POSTCODE"),
    # DATE_OF_BIRTH only with a birth cue
    ("Ik ben geboren op 3 maart 1985 in Breda", "3 maart 1985", "DATE_OF_BIRTH"),
    ("DOB: 1985-03-03", "1985-03-03", "DATE_OF_BIRTH"),
    ("geb. 03-03-1985", "03-03-1985", "DATE_OF_BIRTH"),
    ("I was born on March 3, 1985.", "March 3, 1985", "DATE_OF_BIRTH"),
    # LICENSE_PLATE
    ("mijn kenteken is 12-ABC-3", "12-ABC-3", "LICENSE_PLATE"),
    ("de auto XB-123-Z staat voor de deur", "XB-123-Z", "LICENSE_PLATE"),
    # CREDENTIAL: the secret, not the word
    ("mijn wachtwoord is Zomer2024! maar het werkt niet", "Zomer2024!", "CREDENTIAL"),
    ("password: hunter2", "hunter2", "CREDENTIAL"),
    ("ww veranderd naar Tulp#88 gisteren", "Tulp#88", "CREDENTIAL"),
    ("STRIPE_KEY=sk_live_51HabcdefGHIJKLmnop1234", "sk_live_51HabcdefGHIJKLmnop1234", "CREDENTIAL"),
    ("token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "CREDENTIAL"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU",
     "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU", "CREDENTIAL"),
    ("de sms-code was 481 223 maar die werkt niet", "481 223", "CREDENTIAL"),
    ("mijn pincode is 4821", "4821", "CREDENTIAL"),
    ("mijn ww is appeltaart", "appeltaart", "CREDENTIAL"),
    ("recovery codes:\nabcd-1234\nefgh-5678\n\nthanks", "efgh-5678", "CREDENTIAL"),
    ("DB_PASSWORD=p#ss w0rd", "p#ss", "CREDENTIAL"),
    # kept types are reported with action keep
    ("Mijn klantnummer is 123456782.", "123456782", "CUSTOMER_NUMBER"),
    ("factuur F2024-00123 klopt niet", "F2024-00123", "INVOICE_NUMBER"),
    ("Offerte 2024-0456 akkoord", "2024-0456", "INVOICE_NUMBER"),
    ("KvK 17272632", "17272632", "KVK_NUMBER"),
    ("btw-nummer NL821792234B01", "NL821792234B01", "VAT_NUMBER"),
    ("my server 178.81.101.230 is blocked", "178.81.101.230", "IP_ADDRESS"),
    ("IPv6 2001:db8::1 too", "2001:db8::1", "IP_ADDRESS"),
    ("site bakkerij-jansen.nl is down", "bakkerij-jansen.nl", "DOMAIN"),
    ("zie https://mail.example.com/login?x=1.", "https://mail.example.com/login?x=1", "DOMAIN"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    ("Mijn BSN is 111222334.", "111222334", "NATIONAL_ID"),  # fails the 11-proef
    ("Mijn klantnummer is 123456782.", "123456782", "NATIONAL_ID"),  # a customer number, not a BSN
    ("ordernummer 191069512 is betaald", "191069512", "NATIONAL_ID"),
    ("KvK 17272632", "17272632", "PHONE_NUMBER"),
    ("card 4111 1111 1111 1112", "4111 1111 1111 1112", "CREDIT_CARD"),  # Luhn fails
    ("betalingskenmerk 7002 4418 9921 0356", "7002 4418 9921 0356", "CREDIT_CARD"),
    ("Op 3 maart 2025 heb ik betaald", "3 maart 2025", "DATE_OF_BIRTH"),
    ("ik ben mijn wachtwoord vergeten, kunnen jullie helpen", "vergeten", "CREDENTIAL"),
    ("the password reset link is not working", "reset", "CREDENTIAL"),
    ("het wachtwoord is nu anders dan eerst", "nu", "CREDENTIAL"),
    ("kunnen jullie de verhuiscode sturen?", "sturen", "CREDENTIAL"),
    ("mijn paspoort is verlopen", "verlopen", "ID_DOCUMENT"),
    ("We draaien Windows 10 en PHP 8", "Windows 10", "ADDRESS"),
    ("Poort 25 of 587?", "Poort 25", "ADDRESS"),
    ("in 2024 ging het mis met 3 sites", "2024", "POSTCODE"),
    ("the server 10.0.0.1 answered", "10.0.0.1", "PHONE_NUMBER"),
    ("datum 04-09-1991 staat op de factuur", "04-09-1991", "PHONE_NUMBER"),
    ("Mijn IBAN is NL91 ABNA 0417 1643 00", "NL91", "PHONE_NUMBER"),
]


def _found(scrubber: Scrubber, text: str, value: str) -> list[tuple[str, str]]:
    start = text.index(value)
    end = start + len(value)
    return [
        (e.type, e.action) for e in scrubber.analyze(text).entities
        if e.start < end and start < e.end
    ]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(scrubber: Scrubber, text: str, value: str, etype: str) -> None:
    start = text.index(value)
    hits = [e for e in scrubber.analyze(text).entities if e.type == etype]
    # the value is covered by entities of the expected type
    covered = set()
    for e in hits:
        covered.update(range(max(e.start, start), min(e.end, start + len(value))))
    wanted = {i for i in range(start, start + len(value)) if not text[i].isspace()}
    assert wanted <= covered, (etype, value, scrubber.analyze(text).entities)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(scrubber: Scrubber, text: str, value: str, etype: str) -> None:
    assert etype not in [t for t, _ in _found(scrubber, text, value)]


def test_kept_types_are_reported_as_keep(scrubber: Scrubber) -> None:
    text = "klantnummer 104233, factuur F2025-004317, KvK 17272632, ip 178.81.101.230, site jansen.nl"
    entities = scrubber.analyze(text).entities
    assert {e.type for e in entities} >= {"CUSTOMER_NUMBER", "INVOICE_NUMBER", "KVK_NUMBER", "IP_ADDRESS", "DOMAIN"}
    assert all(e.action == "keep" for e in entities)


def test_email_contains_domain_once(scrubber: Scrubber) -> None:
    text = "schrijf naar info@bakkerij-jansen.nl"
    ents = scrubber.analyze(text).entities
    assert [(e.type, text[e.start : e.end]) for e in ents] == [("EMAIL_ADDRESS", "info@bakkerij-jansen.nl")]
