"""Dutch and English: the agent's choice, else Accept-Language; the catalogue covers every marked text."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from tests.web.conftest import Env, csrf_of, login
from tickets import i18n


def test_catalogue_translates_every_text() -> None:
    with (i18n.LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as f:
        catalog = read_po(f, locale="nl")
    root = Path(__file__).resolve().parents[2]
    methods = [("tickets/**.py", "python"), ("web/**.py", "python"), ("web/templates/**.html", "jinja2")]
    options = {"web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    texts = {m[2] for m in extract_from_dir(root, methods, options, keywords) if isinstance(m[2], str)}
    assert "Log out" in texts and "new" in texts  # templates and the marked data texts are both read
    untranslated = sorted(t for t in texts if t and not (catalog.get(t) and catalog.get(t).string))
    assert untranslated == []
    assert i18n.gettext("Log out", "nl") == "Uitloggen" and i18n.gettext("Log out", "en") == "Log out"
    assert i18n.negotiate("de-DE, nl;q=0.8, en;q=0.5") == "nl" and i18n.negotiate("fr") == "en"


def test_dutch_workspace_by_accept_language_and_by_choice(env: Env) -> None:
    number = env.mail("klant@example.nl", "Vraag", "Hallo")
    env.client.headers["Accept-Language"] = "nl-NL,nl;q=0.9,en;q=0.8"
    assert "Inloggen" in env.client.get("/login").text
    login(env.client, "anna")
    queue = env.client.get("/queue").text
    assert "Wachtrij" in queue and "Uitloggen" in queue and 'lang="nl"' in queue
    page = env.client.get(f"/tickets/{number}").text
    assert "Tijdlijn" in page and "Antwoord versturen" in page and ">nieuw<" in page
    # The agent's own choice wins over the browser's.
    env.client.headers["Accept-Language"] = "nl"
    settings = env.client.get("/settings").text
    r = env.client.post("/settings", data={"csrf_token": csrf_of(settings), "lang": "en"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert "Log out" in env.client.get("/queue").text
