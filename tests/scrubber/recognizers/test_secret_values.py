"""A value wrapped in quotes, backticks, brackets, Markdown or angle brackets is the same value (secret_values)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scrubber.recognizers.secret_values import looks_secret, strip_token, unwrap
from tests.scrubber.checks import TableCheck


@pytest.mark.parametrize(("tok", "value"), [
    ("`Zomer2024!`", "Zomer2024!"),
    ('`"tiger lily 77"`', "tiger lily 77"),
    ("[purple dishwasher staple]", "purple dishwasher staple"),
    ("**Kaas&Wijn42**", "Kaas&Wijn42"),
    ("<Fadez2025>", "Fadez2025"),
    ("«Tulpen2019»", "Tulpen2019"),
])
def test_unwrap(tok: str, value: str) -> None:
    inner, off = unwrap(tok)
    assert (inner, tok[off : off + len(inner)]) == (value, value)


@pytest.mark.parametrize(("tok", "value"), [
    ("`qv7Rk2pLx9`.", "qv7Rk2pLx9"),
    ('("Zomer2024!"),', "Zomer2024!"),
    ("<pre>Vl!nd3r-Z0m3r</pre>", "Vl!nd3r-Z0m3r"),
    ("<b>", "<b>"[0:0] or "b"),  # a bare tag is no value: nothing of it but its name survives
])
def test_strip_token(tok: str, value: str) -> None:
    inner, off = strip_token(tok)
    assert tok[off : off + len(inner)] == inner
    if tok != "<b>":
        assert inner == value


def test_a_html_tag_in_angle_brackets_is_not_unwrapped() -> None:
    assert unwrap("<span>")[1] == 0 and unwrap("<strong>")[1] == 0


def test_shape_is_unchanged_by_the_move() -> None:
    assert looks_secret("Zomer2024!") and looks_secret("4471") and not looks_secret("FRITZ!Box")
    assert not looks_secret("bakkerij-hoek.nl") and not looks_secret("5.1.1")


WRAPPED = [
    ("wachtwoord: `Fietsbel88`", "Fietsbel88"),
    ("het ww is nu [paarse olifant zwemt] maar die pakt ie niet", "paarse olifant zwemt"),
    ("Mot de passe: `purple dishwasher staple`", "purple dishwasher staple"),
    ("the door code is `2580`?", "2580"),
    ("password heb ik veranderd naar <Fadez2025>", "Fadez2025"),
    ("App-wachtwoord: [qwhv tmzr kpla xneo]", "qwhv tmzr kpla xneo"),
]


@pytest.mark.parametrize(("text", "value"), WRAPPED)
def test_wrapped_values_are_stripped(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


def test_the_wrapper_is_left_in_the_text(scrubber: object) -> None:
    text = "the username is `admin` and password is `qv7Rk2pLx9`, still no login"
    spans = [text[e.start : e.end] for e in scrubber.analyze(text).entities  # type: ignore[attr-defined]
             if e.type == "CREDENTIAL"]
    assert spans == ["qv7Rk2pLx9"]


@pytest.mark.parametrize(("text", "value"), [
    ("Wo finde ich den Netzwerkschlüssel? Auf der FRITZ!Box 7590 steht nur das Modell.", "7590"),
    ("Where is the wifi password? The router is a TP-Link Archer C6 v3.2 and I rebooted it 3 times", "C6"),
])
def test_a_question_about_the_secret_gives_no_value(assert_untouched: Callable[[str, str], None], text: str,
                                                     value: str) -> None:
    assert_untouched(text, value)


# the token after a cue is read whole even where the cue's window ends inside it; a domain is no passphrase; a
# UUID after a key's cue is the key; a hash named as a commit is none; a secret between cue and marker is the value
@pytest.mark.parametrize(("text", "value"), [
    ("Onze API-sleutel voor de koppeling met de webshop: 3f9a7c2e-81b4-4d6a-9e05-c7d2b8a4f611. Sinds gisteren 401",
     "3f9a7c2e-81b4-4d6a-9e05-c7d2b8a4f611"),
    ("Mijn nieuwe wachtwoord (Zw4luw§Dak) wordt geweigerd door Outlook", "Zw4luw§Dak"),
    ("connexion admin/Camembert2029 impossible depuis hier soir", "Camembert2029"),
    ('curl localhost:8080/login --data "gebruiker=beheer&wachtwoord=Zandloper19" geeft 401', "Zandloper19"),
])
def test_values_found_whole(assert_recognised: TableCheck, text: str, value: str) -> None:
    assert_recognised(text, value, "CREDENTIAL")


@pytest.mark.parametrize(("text", "value"), [
    ("en geen wachtwoord. Pakket Webhosting L, bakkerij-hoek.nl.", "bakkerij-hoek.nl"),
    ("The leaked key was in commit 0400885809f116c18117bb8ec5480ede0009bd3c of app/constants.js",
     "0400885809f116c18117bb8ec5480ede0009bd3c"),
    ("Mijn nieuwe wachtwoord (Zw4luw§Dak) wordt geweigerd door Outlook", "geweigerd door"),
    ("I can't log in with admin/Brq55!mole on the new install.", "admin/"),
    ("see docs/Install2024 and src/main.py", "docs/Install2024"),
])
def test_what_is_left(assert_untouched: Callable[[str, str], None], text: str, value: str) -> None:
    assert_untouched(text, value)


def test_a_chat_word_after_a_listed_code_stays(scrubber: object) -> None:
    text = "mijn back-upcodes:\n7364-2918 pls\n0482-6613"
    spans = [text[e.start : e.end] for e in scrubber.analyze(text).entities  # type: ignore[attr-defined]
             if e.type == "CREDENTIAL"]
    assert spans == ["7364-2918", "0482-6613"]
