"""CREDENTIAL: the secret itself (passwords, PINs, keys, tokens, one-time and recovery codes), never the word."""

from __future__ import annotations

import re

import pytest

from scrubber.recognizers import base, credentials
from tests.scrubber.checks import (
    TableCheck,
    check_first_letter_guard,
    check_rewritten_pattern,
    check_stems_in_every_match,
    fuzz_texts,
    guarded_patterns,
)

# (message, value, expected type)
POSITIVE = [
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
    # a secret in a URL's query string (the rest of the URL stays a kept DOMAIN)
    ("reset via https://shop.example.nl/login?user=5&token=Zk2Px81mQvL0aT7c ok", "Zk2Px81mQvL0aT7c", "CREDENTIAL"),
    ("https://api.example.com/v1/x?api_key=0f9e8d7c6b5a4f3e2d1c&page=2", "0f9e8d7c6b5a4f3e2d1c", "CREDENTIAL"),
    # a "label: value" line after a password cue: the rest of the line is one passphrase (issue 16)
    ("admin login\npassword: purple monkey dishwasher\nthanks", "purple monkey dishwasher", "CREDENTIAL"),
    ("het nieuwe wachtwoord wordt: Fiets op de dijk 12\ngroet", "Fiets op de dijk 12", "CREDENTIAL"),
    ("Passwort: grüne Wiese im Mai\nDanke", "grüne Wiese im Mai", "CREDENTIAL"),
    # the secret after the marker ("is", ":") that follows the cue, over a longer stretch of prose
    ("de pincode voor de telefonische dienst (die van vorig jaar) is 5093.", "5093", "CREDENTIAL"),
    ("the PIN for our voicemail box on the second line is 7720", "7720", "CREDENTIAL"),
    ("het ww van de admin is nu \"schuurdeur\"", "schuurdeur", "CREDENTIAL"),
    ("mijn wachtwoord heb ik veranderd in Zwaan!61 gisteren", "Zwaan!61", "CREDENTIAL"),
    # a PIN cue's paragraph: the other short codes in it are PINs too ("PIN ... the old one was 1288")
    ("my PIN 0000 got rejected so I chose 7391 instead", "7391", "CREDENTIAL"),
    ("pincode van de app is 2234. Daarvoor was het 8810.", "8810", "CREDENTIAL"),
    # the cue's line ends with its marker: the value is the next line
    ("het nieuwe wachtwoord voor de mail wordt\nKoffie-Kopje-Zon-19\nen de naam blijft", "Koffie-Kopje-Zon-19",
     "CREDENTIAL"),
    # a passphrase in prose after its cue and marker: the run of uncommon words is one value (issue 16)
    ("ik heb het wachtwoord veranderd in molen zomer haven appel maar het werkt niet", "molen zomer haven appel",
     "CREDENTIAL"),
    ("My password is coffee dragon apple window", "coffee dragon apple window", "CREDENTIAL"),
    ("I changed the password to purple monkey dishwasher.", "purple monkey dishwasher", "CREDENTIAL"),
    ("login: beheer / appel koffie haven kaas", "appel koffie haven kaas", "CREDENTIAL"),
    # right after the cue without a marker: a run of uncommon words that ends the clause or is followed by what is
    # said of it (issue 16)
    ("wachtwoord haven appel boterham koffie werkt niet", "haven appel boterham koffie", "CREDENTIAL"),
    ("password zebra lantern pickle orbit.", "zebra lantern pickle orbit", "CREDENTIAL"),
    ("wachtwoord molen zomer haven appel maar het werkt niet", "molen zomer haven appel", "CREDENTIAL"),
]

# (message, value that must NOT be reported as this type)
NEGATIVE = [
    # a run of words right after the cue that the sentence goes on from is prose about the password, not a passphrase
    # (text written by others, issue 16)
    ("the forgotten password scenario involving user credentials from the forum", "scenario involving user credentials",
     "CREDENTIAL"),
    ("after the password rotation deadline passed without warning we", "rotation deadline passed", "CREDENTIAL"),
    ("ik ben mijn wachtwoord vergeten, kunnen jullie helpen", "vergeten", "CREDENTIAL"),
    ("the password reset link is not working", "reset", "CREDENTIAL"),
    ("het wachtwoord is nu anders dan eerst", "nu", "CREDENTIAL"),
    ("kunnen jullie de verhuiscode sturen?", "sturen", "CREDENTIAL"),
    ("https://example.com/search?q=password&page=2", "password", "CREDENTIAL"),
    ("mijn pincode werkt sinds 2023 niet meer", "2023", "CREDENTIAL"),
    ("PIN reset requested, ticket 4471 and costs EUR 1500", "1500", "CREDENTIAL"),
    ("mijn pincode werkt niet meer, ik heb 1250 euro op de rekening", "1250", "CREDENTIAL"),
    ("de pincode is geblokkeerd om 1430 uur", "1430", "CREDENTIAL"),
    ("we betalen met pin, bon 88123", "88123", "CREDENTIAL"),
    ("password: I forgot it again", "forgot it again", "CREDENTIAL"),
    ("wachtwoord: zie de bijlage van gisteren", "bijlage", "CREDENTIAL"),
    ("the PIN for the card reader in shop number 2 is broken since 2023", "2023", "CREDENTIAL"),
    # prose after a password cue and marker is no passphrase (common words end the run)
    ("my password is not working since the update", "working since the update", "CREDENTIAL"),
    ("het wachtwoord is verlopen sinds gisteren", "verlopen sinds gisteren", "CREDENTIAL"),
    ("the password is case sensitive, right?", "case sensitive", "CREDENTIAL"),
    ("wachtwoord is gereset door jullie helpdesk", "gereset door jullie helpdesk", "CREDENTIAL"),
]


@pytest.mark.parametrize(("text", "value", "etype"), POSITIVE)
def test_recognised(assert_recognised: TableCheck, text: str, value: str, etype: str) -> None:
    assert_recognised(text, value, etype)


@pytest.mark.parametrize(("text", "value", "etype"), NEGATIVE)
def test_not_recognised_as(assert_not_recognised_as: TableCheck, text: str, value: str, etype: str) -> None:
    assert_not_recognised_as(text, value, etype)


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (credentials._CUE, credentials._CUE_STEMS),
        (credentials._LIST_CUE, credentials._LIST_CUE_STEMS),
        (credentials._AUTH_HEADER, credentials._AUTH_HEADER_STEMS),
        (credentials._ENV, credentials._ENV_STEMS),
    ],
    ids=lambda v: getattr(v, "pattern", "")[:30],
)
def test_stems_are_in_every_match(pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
    check_stems_in_every_match(pattern, stems)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [(credentials._OTP, r"(?<![\w.,/-])(?<!\d )(?:\d{3} \d{3}|\d{6}|\d{2} \d{2} \d{2}|\d(?: \d){5}(?! \d))"
                        r"(?![\w]|[.,/-]\d)")],
    ids=["otp"],
)
def test_rewritten_patterns_find_what_their_plain_form_finds(fast: re.Pattern[str], plain: str) -> None:
    check_rewritten_pattern(fast, plain)


@pytest.mark.parametrize("pattern", guarded_patterns(credentials), ids=lambda p: p.pattern[:40])
def test_first_letter_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    check_first_letter_guard(pattern)


def test_shapes_hint_runs_find_every_token_shape() -> None:
    pieces = ("sk_live_" + "a" * 12, "ghp_" + "b" * 22, "glpat-" + "c" * 18, "xoxb-" + "d" * 12, "AKIA" + "E" * 16,
              "AIza" + "f" * 35, "eyJabcdef.eyJabcdef.abcdef", "my_pat_" + "g" * 16, "whsec_" + "h" * 12, "x", "-")
    for text in fuzz_texts(pieces, 4000, 22):
        whole = [m.span() for m in credentials._SHAPES.finditer(text)]
        runs = [(0, len(text))] if "AIza" in text else base.runs_with(text, credentials._SHAPES_HINT)
        assert [m.span() for s, e in runs for m in credentials._SHAPES.finditer(text, s, e)] == whole, text
