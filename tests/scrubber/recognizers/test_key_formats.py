"""The world's key formats (``scrubber/data/key_formats.tsv``), placeholders, and real passwords after bare cues.

Issue 16: keys of formats written down by secret scanners (gitleaks, MIT) are CREDENTIAL in any setting; their
placeholders and documentation values (gitleaks' false positives) are none; a common real password right after
its cue ("ww mustang") is the value, a word that makes a phrase with the cue ("wachtwoord wijzigen") is not.
"""

from __future__ import annotations

import re

import pytest

from scrubber.engine import Scrubber
from scrubber.recognizers import key_formats
from scrubber.recognizers.secret_values import is_placeholder
from tests.scrubber.checks import TableCheck

C = "CREDENTIAL"
# formats the older vendor rules did not know (values synthetic, of each format's shape)
SENTRY = "sntryu_" + "9f0e1d2c3b4a5968" * 4
GLPTT = "glptt-" + "0a1b2c3d4e5f6a7b8c9d" * 2
DAPI = "dapi" + "0f1e2d3c4b5a69788796a5b4c3d2e1f0" + "-2"
PULUMI = "pul-" + "1a2b3c4d5e6f7a8b9c0d" * 2
HF_ORG = "api_org_" + "QmTrLpWvXsYzKaBnCdEfGhIjKl"[:26] + "MnOpQrSt"
XOXE = "xoxe-1-" + "A1B2C3D4E5F6G7H8J9K0" * 7 + "A1B2C3"
KEYS = [
    (f"SENTRY_TOKEN={SENTRY}", SENTRY),
    (f'{{"provider": "gitlab", "token": "{GLPTT}", "retries": 3}}', GLPTT),
    (f"2026-11-30 02:14:07 ERROR [databricks] request rejected (401) key={DAPI} host=web03", DAPI),
    (f"🔑 PULUMI_ACCESS_TOKEN={PULUMI}\n(vanaf de telefoon)", PULUMI),
    (f"services:\n  app:\n    environment:\n      - HF_TOKEN={HF_ORG}\n      - TZ=Europe/Amsterdam", HF_ORG),
    (f"{XOXE}\n\nbovenstaande is van het oude account", XOXE),
    (f"token pulumi:{PULUMI}", PULUMI),
    (f"curl -s https://api.example/v1 -H 'X-Api-Key: {SENTRY}'", SENTRY),
]
# gitleaks' false positives (its rule tests) and documentation values: no secret
PLACEHOLDERS = [
    ("In de documentatie staat: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("aws_access_key: AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ('"token5": "xoxp-000000000000-000000000000-000000000000-00000000000000000000000000000000"',
     "xoxp-000000000000-000000000000-000000000000-00000000000000000000000000000000"),
    ('PREFECT_API_KEY = "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', "pnu_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
]
# real common passwords (SecLists' NCSC, German and French lists) right after a cue without a marker
BARE = [
    ("ww mustang\nkunnen jullie het resetten", "mustang"),
    ("guten morgen, für den umzug:\npasswrt fussball\ndanke", "fussball"),
    ("je n'arrive plus à accéder au webmail.\nmot de pass caramel\n\ncordialement", "caramel"),
    ("Goedemorgen,\nnieuw wachtwoord azerty werkt ook niet\nAlvast dank", "azerty"),
    ("creds: support / iloveyou\ncan you reset it please", "iloveyou"),
]
# a word that makes a phrase with the cue: prose, kept
FOLLOWERS = [
    ("Onderwerp: wachtwoord wijzigen", "wijzigen"),
    ("Which password manager do you recommend?", "manager"),
    ("Passwort vergessen\nbitte zurücksetzen", "vergessen"),
    ("mot de passe oublié", "oublié"),
]


@pytest.mark.parametrize(("text", "value"), KEYS)
def test_keys_of_known_formats_are_credentials(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, C)


def test_a_glued_name_before_a_key_stays(scrubber: Scrubber) -> None:
    text = f"token pulumi:{PULUMI}"
    spans = [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.type == C]
    assert spans == [PULUMI]


@pytest.mark.parametrize(("text", "value"), PLACEHOLDERS)
def test_placeholders_are_no_credentials(assert_not_recognised_as: TableCheck, text: str, value: str) -> None:
    assert_not_recognised_as(text, value, C)


@pytest.mark.parametrize(("text", "value"), BARE)
def test_a_real_password_right_after_its_cue_is_one(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, C)


@pytest.mark.parametrize(("text", "value"), FOLLOWERS)
def test_a_word_that_makes_a_phrase_with_the_cue_is_none(
    assert_not_recognised_as: TableCheck, text: str, value: str
) -> None:
    assert_not_recognised_as(text, value, C)


def test_every_row_of_the_table_compiles_and_names_its_source() -> None:
    rows = key_formats.read_table()
    assert len(rows) >= 100
    for name, regex, source in rows:
        re.compile(regex)
        assert source in ("gitleaks", "docs"), name
    assert len({name for name, _, _ in rows}) == len(rows)


def test_placeholders_are_told_from_keys() -> None:
    assert is_placeholder("glpat-XXXXXXXXXXX-XXXXXXXX")
    assert is_placeholder("<Openverse API token>")
    assert not is_placeholder(SENTRY)
    assert not is_placeholder("00000000")  # a real, common password (NCSC's list)
    assert not is_placeholder("<Fadez2025>")  # a value in angle brackets
    assert is_placeholder("<user:password>")


# the invariance gaps of the last stop (eval/metamorphic.py: the value glued to its cue by "=", chat words after it)
GLUED = [
    ("Hoi, mijn wachtwoord=Zomer2024! werkt niet", "Zomer2024!"),
    ("wachtwoord: Zomer2024! pls", "Zomer2024!"),
    ('the ftp password="K8#mPq2x" fails', "K8#mPq2x"),
    ("pw: Hx7#pLq2vR thx", "Hx7#pLq2vR"),
    ("ik heb het wachtwoord veranderd naar=Fadez2025\nkan je kijken", "Fadez2025"),
    ("de passphrase is nog steeds '=blauwe-kaas-42' dus", "blauwe-kaas-42"),
    ("ww: N0=Acc3ss", "N0=Acc3ss"),  # (a real password with "=" in it: NCSC's list)
]


@pytest.mark.parametrize(("text", "value"), GLUED)
def test_only_the_value_is_stripped_after_a_glued_cue(scrubber: Scrubber, text: str, value: str) -> None:
    assert [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.type == C] == [value]


def test_recovery_codes_grouped_by_dots_are_credentials(scrubber: Scrubber) -> None:
    text = "herstelcodes: 482.913.557 en 120.448.396"
    assert [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.type == C] == [
        "482.913.557", "120.448.396"]
    date = "backup codes: zie mail van 06.12.2026"
    assert [e for e in scrubber.analyze(date).entities if e.type == C] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("App-wachtwoord: 🔑 qwhv tmzr kpla xneo", "qwhv tmzr kpla xneo"),
        ("MYSQL_PASSWORD: 🔑 wpUserPass_2024", "wpUserPass_2024"),
        ("Mot de passe: 🔑 purple dishwasher staple", "purple dishwasher staple"),
    ],
)
def test_an_emoji_between_cue_and_value_changes_nothing(scrubber: Scrubber, text: str, value: str) -> None:
    assert [text[e.start : e.end] for e in scrubber.analyze(text).entities if e.type == C] == [value]
