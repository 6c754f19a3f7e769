"""Every message template renders in Dutch and English, and an operator's own copy replaces the built-in one."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy.config import PrivacyStatement
from privacy.handlers import Kept
from privacy.texts import Texts
from tests.support.paths import REPO

CONTEXT = {
    "ask_identifier": {"ticket_number": 100042},
    "code_sent": {},
    "verification_code": {"ticket_number": 100042, "types": "erasure", "link": "http://x/privacy/verify/t",
                          "code": "123456", "minutes": 15},
    "code_invalid": {"status": "locked", "attempts": 5, "attempts_left": 0},
    "verified": {"types": "access", "due_on": "2027-03-01"},
    "extension": {"types": "access", "reason": "Many systems.", "due_on": "2027-05-01", "first_due_on": "2027-03-01"},
    "erasure_done": {"erased": ["2 tickets"], "kept": [Kept("ticket 100043", "financial", "2033-11-26")],
                     "tasks": ["billing"]},
    "access_ready": {"link": "http://x/privacy/download/t", "hours": 72, "s": PrivacyStatement()},
    "rectification_done": {"fields": ["address"]},
    "restriction_done": {},
    "restriction_lifting": {"on": "2027-01-01", "reason": "Checked."},
    "objection_done": {},
    "complaint_ack": {},
    "refused": {"types": "access", "reason": "Unfounded."},
    "reminder": {"requests": [{"id": 1, "types": "access", "ticket": 100042, "state": "received",
                               "due_on": "2027-03-01", "overdue": True}], "days": 7, "dashboard": "http://x/privacy"},
}
BUILTIN = REPO / "privacy" / "templates"


def test_every_template_has_a_context_here() -> None:
    for lang in ("nl", "en"):
        assert {p.stem for p in (BUILTIN / lang).glob("*.txt")} == set(CONTEXT)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(CONTEXT))
def test_template_renders(name: str, lang: str) -> None:
    rendered = Texts().render(name, lang, **CONTEXT[name])
    assert rendered.subject and "\n" not in rendered.subject
    assert "{{" not in rendered.text and "{%" not in rendered.text
    for value in ("123456", "Many systems.", "ticket 100043", "http://x/privacy/download/t", "Unfounded."):
        if any(value == str(v) or value in str(v) for v in CONTEXT[name].values()):
            assert value in rendered.text


def test_language_choice_and_operator_override(tmp_path: Path) -> None:
    assert "Beste klant" in Texts().render("code_sent", "nl-NL").text
    assert "Hello" in Texts().render("code_sent", "de").text  # other languages get English
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "code_sent.txt").write_text("Check your mail\n---\nOur own words.\n")
    texts = Texts(tmp_path)
    assert texts.render("code_sent", "en").text == "Our own words.\n"
    assert "Beste klant" in texts.render("code_sent", "nl").text  # not overridden: the built-in one
