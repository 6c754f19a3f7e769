"""The rating page speaks the ticket's language once its signed link checked out (page, thank-you,
errors), whatever the browser asks for; a wrong link answers in the visitor's language with the same page
for every ticket number, so ``?lang=`` and Accept-Language tell nothing about a ticket. Over real HTTP."""

from __future__ import annotations

import httpx

from models import ticket_id_of
from tests.support.browser import serve_app
from tests.web.conftest import Env
from tickets import satisfaction

ENGLISH_BROWSER = {"Accept-Language": "en-GB,en;q=0.9"}
DUTCH_BROWSER = {"Accept-Language": "nl-NL,nl;q=0.9"}


def _link(number: int) -> str:
    ticket_id = ticket_id_of(number)
    assert ticket_id is not None
    return satisfaction.link_path(ticket_id)


def _forged(link: str) -> str:
    return link[:-1] + ("0" if link[-1] != "0" else "1")


def test_the_page_speaks_the_tickets_language(env: Env) -> None:
    dutch = _link(env.mail("klant@example.nl", "Printer", "Mijn printer doet het niet", lang="nl"))
    english = _link(env.mail("customer@example.com", "Printer", "My printer is broken", lang="en"))
    with serve_app(env.client.app) as url, httpx.Client(base_url=url) as client:
        page = client.get(dutch, headers=ENGLISH_BROWSER, params={"lang": "en"})
        assert page.status_code == 200 and 'lang="nl"' in page.text and "Bent u goed geholpen?" in page.text
        assert page.headers["content-language"] == "nl"
        error = client.post(dutch, data={"rating": "meh"}, headers=ENGLISH_BROWSER)
        assert error.status_code == 422 and "Kies een van de twee antwoorden." in error.text
        thanks = client.post(dutch, data={"rating": "good"}, headers=ENGLISH_BROWSER)
        assert thanks.status_code == 200 and "Dank u voor uw antwoord." in thanks.text and 'lang="nl"' in thanks.text
        client.cookies.set("sd_lang", "nl")  # a Dutch workspace cookie changes nothing either
        page = client.get(english, headers=DUTCH_BROWSER, params={"lang": "nl"})
        assert page.status_code == 200 and 'lang="en"' in page.text and "Were you helped well?" in page.text
        thanks = client.post(english, data={"rating": "bad"}, headers=DUTCH_BROWSER)
        assert "Thank you for your answer." in thanks.text and "Dank u" not in thanks.text


def test_a_wrong_link_tells_nothing_about_the_ticket(env: Env) -> None:
    dutch_number = env.mail("klant@example.nl", "Printer", "Mijn printer doet het niet", lang="nl")
    english_number = env.mail("customer@example.com", "Printer", "My printer is broken", lang="en")
    dutch, english = _link(dutch_number), _link(english_number)
    unknown = f"/rate/{english_number + 50}/{english.rsplit('/', 1)[1]}"
    with serve_app(env.client.app) as url, httpx.Client(base_url=url) as client:
        for headers, params, words in ((ENGLISH_BROWSER, {}, "This link is not valid."),
                                       (DUTCH_BROWSER, {}, "Deze link is niet geldig."),
                                       (ENGLISH_BROWSER, {"lang": "nl"}, "Deze link is niet geldig.")):
            answers = [client.get(_forged(dutch), headers=headers, params=params),
                       client.get(_forged(english), headers=headers, params=params),
                       client.get(unknown, headers=headers, params=params),
                       client.post(_forged(dutch), data={"rating": "good"}, headers=headers, params=params)]
            assert {a.status_code for a in answers} == {404}
            assert len({a.text for a in answers}) == 1, "a wrong link's page differs by ticket"
            assert words in answers[0].text and str(dutch_number) not in answers[0].text
            assert 'name="rating"' not in answers[0].text
        # The rate limit answers before the link is checked: in the visitor's language, for any link.
        codes = [client.post(_forged(dutch), data={"rating": "good"}, headers=ENGLISH_BROWSER).status_code
                 for _ in range(12)]
        assert codes[-1] == 429
        limited = client.post(dutch, data={"rating": "good"}, headers=ENGLISH_BROWSER)
        assert limited.status_code == 429 and "Too many answers" in limited.text and "Te veel" not in limited.text
        assert limited.headers["retry-after"] == "600"
