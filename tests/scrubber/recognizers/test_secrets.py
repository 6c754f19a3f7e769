"""CREDENTIAL, deny by default: tokens shaped like passwords and keys, without a cue word, and the hard negatives.

Key formats come from the providers' documentation (their published example keys: Stripe, AWS, Slack,
SendGrid, Mailgun, Mollie, Telegram, jwt.io) and RFC 4648/6238 (base32 TOTP secrets); the hard negatives
are what support mail is full of: product names and versions, file names and paths, code, public keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import secrets

Check = Callable[[str, str, str], None]
Plain = Callable[[str, str], None]

# (message, value): a secret without any cue word
SECRETS = [
    ("user,pass\nsales,Vk9#mP2!qL\n", "Vk9#mP2!qL"),  # a secret cell of a CSV row
    ("STRIPE=sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
    ("aws: AKIAJ4QRZ7TMW2XPLK5D / tB8kQz1LmR7vNx3PwYc9Hs2DfG6aJeUo4iKbTq0W", "AKIAJ4QRZ7TMW2XPLK5D"),
    ("aws: AKIAJ4QRZ7TMW2XPLK5D / tB8kQz1LmR7vNx3PwYc9Hs2DfG6aJeUo4iKbTq0W",
     "tB8kQz1LmR7vNx3PwYc9Hs2DfG6aJeUo4iKbTq0W"),
    ("the bot uses xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy now",
     "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"),
    ("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 werkt niet",
     "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"),
    ("mailgun key-3ax6xnjp29jd6fds4gc373sgvjxteol0 is rejected", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),
    ("Mollie geeft een fout met live_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM", "live_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"),
    ("bot 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11 stopt", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
    ("openai sk-proj-Qx8Lm2Wv9Rt4Xp7Kz1Nc5Hb3Yd6Fs0Ge2Ua8Io4Pk7Qw1Er9",
     "sk-proj-Qx8Lm2Wv9Rt4Xp7Kz1Nc5Hb3Yd6Fs0Ge2Ua8Io4Pk7Qw1Er9"),
    ("shopify 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 in the app", "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"),
    ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
     ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
    # the password inside a connection URL (RFC 3986 userinfo)
    ("DATABASE_URL=mysql://shop:S3cr3t!pw@localhost:3306/shop", "S3cr3t!pw"),
    ("git clone https://x-access-token:Qm9v4Ht7Kp2Lx9Zw@github.com/acme/site.git", "Qm9v4Ht7Kp2Lx9Zw"),
    # passwords: a word with digits and symbols, leet speak, random strings
    ("ik heb Zomer2024! geprobeerd", "Zomer2024!"),
    ("en daarna Kaas&Wijn42 maar ook dat niet", "Kaas&Wijn42"),
    ("P@ssw0rd werkt niet", "P@ssw0rd"),
    ("I tried Tr0ub4dor&3 as well", "Tr0ub4dor&3"),
    ("root: St4g1ngR00t!", "St4g1ngR00t!"),
    ("x9#Lq@Vt2$Wm is wat ik kreeg", "x9#Lq@Vt2$Wm"),
    ("het nieuwe is Xk9vLm2QpR7tWz4N", "Xk9vLm2QpR7tWz4N"),
    # a capitalised word with a year or a few digits is how people make passwords
    ("- Tulpen2019\n- Tulpen2020", "Tulpen2019"),
    ("probeer Jeroen1975 eens", "Jeroen1975"),
    # TOTP secrets (RFC 4648 base32 in groups of four) and dash-grouped recovery or licence codes
    ("de sleutel was JBSW Y3DP EHPK 3PXP, scan ik die opnieuw?", "JBSW Y3DP EHPK 3PXP"),
    ("codes: 7F2K-93QX-LM4D-0R8T", "7F2K-93QX-LM4D-0R8T"),
    ("mijn licentie 4K9M-2XQP-7TRW", "4K9M-2XQP-7TRW"),
]

# (message, value): passphrases and pairs after login cues are whole values
AFTER_CUES = [
    ('mijn wachtwoord is "paard-batterij-nietje-correct", werkt niet', "paard-batterij-nietje-correct"),
    ("passphrase: correct horse battery staple", "correct horse battery staple"),
    ("het wachtwoord dat ik gebruik, het is fietsbel-ketting-zadel", "fietsbel-ketting-zadel"),
    ('she says the password she wrote down was "Dumpling Moon Festival" but no luck', "Dumpling Moon Festival"),
    ('Het wachtwoord van info@bakkerij.nl heeft mijn collega opgeschreven als "Zeilboot-Haven-Anker", maar nee.',
     "Zeilboot-Haven-Anker"),
    ("inloggegevens: admin / Welkom01", "Welkom01"),
    ("login jan.jansen / Geheim!123", "Geheim!123"),
    ("mot de passe : Croissant", "Croissant"),
    ("Passwort: Schokolade99", "Schokolade99"),
    ("Kennwort ist Brezel#7", "Brezel#7"),
    ("I tried to log in with my password, tried tulp1234 and tulp12345", "tulp12345"),
]

# (message, value): must not be a CREDENTIAL
HARD_NEGATIVES = [
    # a CSV row is cells, not one token: the name and number cells are no secret (issue 16)
    ("sku,colour,size,stock\nTS-104,navy,XL,+12\n", "navy"),
    ("product;maat;voorraad\nshirt;XL;+12\n", "shirt"),
    ("We draaien WordPress 6.5 op PHP8.2", "WordPress"),
    ("We draaien WordPress 6.5 op PHP8.2", "PHP8.2"),
    ("Office365 en Windows11 werken wel", "Office365"),
    ("Office365 en Windows11 werken wel", "Windows11"),
    ("op mijn iPhone15 lukt het niet", "iPhone15"),
    ("staat in wp-config.php regel 12", "wp-config.php"),
    ("naar /wp-login.php gaat fout", "/wp-login.php"),
    ("de build is voor x86_64 en arm64", "x86_64"),
    ("zet de charset op utf-8 of utf8mb4_unicode_ci", "utf8mb4_unicode_ci"),
    ("hash is SHA256 in base64", "SHA256"),
    ("hash is SHA256 in base64", "base64"),
    ("const userName2 = getElementById('x'); let myVariable3 = 1;", "userName2"),
    ("uuid 550e8400-e29b-41d4-a716-446655440000 in de log", "550e8400-e29b-41d4-a716-446655440000"),
    ("Server2019 en Drupal10 moeten mee", "Server2019"),
    ("TLSv1.3 en HTTP/1.1 en IPv6", "TLSv1.3"),
    ("upgrade naar Python3.12 aub", "Python3.12"),
    ("Synology DS920+ als backup", "DS920+"),
    ("onze shop heeft de B2B module voor 4K video", "B2B"),
    ("zie IMG_20240618_123456.jpg in de bijlage", "IMG_20240618_123456.jpg"),
    ("backup_2024-06-18.tar.gz is te groot", "backup_2024-06-18.tar.gz"),
    ("regio eu-central-1 in AWS", "eu-central-1"),
    ("SQLSTATE[HY000] [2002] Connection refused", "SQLSTATE[HY000]"),
    ("kleur #1a2b3c in de css", "#1a2b3c"),
    ('"lodash": "^4.17.21" in package.json', "^4.17.21"),
    ("factuur F2025-004317 klopt niet", "F2025-004317"),
    ("hostnames web01 en srv-ams-03 draaien", "srv-ams-03"),
    ("mijn gebruikersnaam is user123", "user123"),
    ("COVID-19 maatregelen", "COVID-19"),
    # a plan, model or product named by its cue word is no password ("Tulpen2019" after no cue still is)
    ("Het abonnement Pro2024 kost 9,95 per maand", "Pro2024"),
    ("we nemen het pakket Zakelijk2025 af", "Zakelijk2025"),
    ("the printer model Brother2270 keeps jamming", "Brother2270"),
    # payment providers' object ids (a transaction, a charge, a mandate) are references, not keys
    ("Mollie transactie tr_7UhSN1zuXS is betaald", "tr_7UhSN1zuXS"),
    ("The Stripe charge ch_3PQxYzAbCdEf1234 failed", "ch_3PQxYzAbCdEf1234"),
    ("payment_intent pi_3MtwBwLkdIwHu7ix28a3tqPa was created", "pi_3MtwBwLkdIwHu7ix28a3tqPa"),
    # public keys, fingerprints and verification tokens are published on purpose
    ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq3Zt8Rv1Nc5Hb4Yd6Fs0Ue9Kx2Lm7Wp4Qz1Xc8Vb3 jan@laptop",
     "AAAAC3NzaC1lZDI1NTE5AAAAIGq3Zt8Rv1Nc5Hb4Yd6Fs0Ue9Kx2Lm7Wp4Qz1Xc8Vb3"),
    ("Fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
     "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"),
    ("TXT google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ",
     "rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ"),
    ("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq8Jx2",
     "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq8Jx2"),
    ("STRIPE_PUBLISHABLE_KEY = pk_live_51H8zXyQ2bC3dE4fG5hI6jK7lM8nO9pQ0", "pk_live_51H8zXyQ2bC3dE4fG5hI6jK7lM8nO9pQ0"),
    ("Received: from mx.example.com\n\tby mx2.example.nl (Postfix) with ESMTPS id 4Wq8Hc1Xz9z9sT\n", "4Wq8Hc1Xz9z9sT"),
    ("Message-ID: <CAF7xQ2Lm9Vp3Kn7Yb1Hc4Fd6Gs0Ue@mail.gmail.com>", "CAF7xQ2Lm9Vp3Kn7Yb1Hc4Fd6Gs0Ue"),
]


@pytest.mark.parametrize(("text", "value"), SECRETS)
def test_secret_shapes_are_credentials(assert_recognised: Check, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), AFTER_CUES)
def test_passphrases_and_pairs_after_cues(assert_recognised: Check, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), HARD_NEGATIVES)
def test_hard_negatives_are_not_credentials(assert_not_recognised_as: Check, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, "CREDENTIAL")


def test_hard_negatives_stay_in_the_text(assert_untouched: Plain) -> None:
    for text, value in HARD_NEGATIVES:
        if not text.startswith("Message-ID"):  # an address-shaped Message-ID is an EMAIL_ADDRESS
            assert_untouched(text, value)


def test_ordinary_words_are_known_in_both_languages() -> None:
    assert secrets.is_ordinary_word("wachtwoord")
    assert secrets.is_ordinary_word("Festival")
    assert not secrets.is_ordinary_word("Xk9vLm2Q")


def test_the_reason_is_named(scrubber: Scrubber) -> None:
    text = "ik heb Zomer2024! geprobeerd"
    (entity,) = [e for e in scrubber.analyze(text).entities if e.type == "CREDENTIAL"]
    assert entity.recognizer == "SecretShapeRecognizer"


def test_vendor_keys_are_found_in_their_runs() -> None:
    """The speed-ups of ``find`` (hinted runs, the letter-first plain keys) find what a whole-text scan finds."""
    from scrubber.recognizers import base
    from tests.scrubber.checks import fuzz_texts

    pieces = (
        "sk_live_" + "a1" * 9, "live_" + "Ab3" * 9, "key-" + "a1" * 16, "1234567:" + "Ab3_" * 9, "AKIA" + "A1" * 8,
        "SG." + "ab1" * 6 + "." + "Cd-" * 11, "ya29." + "x" * 22, "EAA" + "b" * 31, "SK" + "a" * 32, "-", "_", " ",
        "x", "A", "S", "E", "y", ".", ":",
    )
    plain = re.compile(
        r"(?<![\w-])(?:(?:ASIA|AKIA|AROA|AIDA)[0-9A-Z]{16}|EAA[A-Za-z0-9]{30,}|SK[0-9a-f]{32}"
        r"|SG\.[\w-]{16,32}\.[\w-]{30,50}|ya29\.[\w-]{20,})(?![\w-])"
    )
    for text in fuzz_texts(pieces, 3000, 57):
        hinted = [m.span() for s, e in base.runs_with(text, secrets._VENDOR_HINT)
                  for m in secrets._VENDOR_KEYS.finditer(text, s, e)]
        assert hinted == [m.span() for m in secrets._VENDOR_KEYS.finditer(text)], text
        plain_spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in secrets._VENDOR_PLAIN.finditer(text)] == plain_spans, text
