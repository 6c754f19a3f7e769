"""The public satisfaction page (issue 22): ``/rate/<ticket number>/<signature>`` from the solve mail,
with 👍/👎 and an optional comment.

Public, like the privacy verification links: the signed link is the only key (``tickets.satisfaction``),
and an unknown number and a wrong signature both answer 404. There is no CSRF token: whoever can make a
browser post here already holds the link and could post it themselves. A per-client moving-window rate
limit (``limits``) bounds what one host can post; answering twice changes nothing (one rating per ticket,
the last answer counts). The comment is scrubbed with the workspace's scrubber before it is stored.
The routes are mounted through ``web.reports``'s router (the reports slice's place in ``web.app``).

Language: once the link's signature checked out, the page, the thank-you and its errors speak the
ticket's language (Dutch for a Dutch ticket, else English), whatever the browser asks for. Before that
(the 404 of a wrong link, the 429 of the rate limit) they speak the visitor's (``?lang=``, else the
language cookie or Accept-Language) and never the ticket's: otherwise a forged link for any number
would tell which tickets are Dutch. A wrong link's page is the same for every number.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import IntegrityError

from models import Ticket
from tickets import i18n, satisfaction
from web.pages import language_of, templates
from web.rate_limit import Rate, within_rate
from web.workspace import ticket_store, workspace

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
# Per client address: enough for a customer changing their mind, not for a script.
RATE = Rate.parse("10/10 minutes")


def _visitor_language(request: Request) -> str:
    """The visitor's own choice, for answers given before the link is checked: ``?lang=``, else the
    language cookie or Accept-Language."""
    chosen = request.query_params.get("lang")
    return i18n.language(chosen) if chosen else language_of(request)


def _ticket_language(ticket: Ticket) -> str:
    """The ticket's language as the solve mail speaks it: Dutch, else English."""
    return "nl" if i18n.language(ticket.lang) == "nl" else "en"


def _page(request: Request, lang: str, context: dict[str, Any], code: int = 200,
          headers: dict[str, str] | None = None) -> HTMLResponse:
    """``rate.html`` in ``lang`` (``web.pages.render`` would take the visitor's language)."""
    i18n.current.set(lang)
    response = templates.TemplateResponse(
        request, "rate.html", {"lang": lang, "who": None, "number": None, "token": None, "given": None,
                               "done": False, "error": None, "code": code, **context}, status_code=code)
    # The visitor's headers choose the language of a wrong link's page (RFC 9110 section 12.5.5).
    response.headers.update({"Content-Language": lang, "Vary": "Accept-Language, Cookie", **(headers or {})})
    return response


def _not_found(request: Request) -> HTMLResponse:
    """The same page for an unknown number and a wrong signature, in the visitor's language."""
    lang = _visitor_language(request)
    return _page(request, lang, {"error": i18n.gettext("This link is not valid.", lang)},
                 status.HTTP_404_NOT_FOUND)


@router.get("/rate/{number}/{token}")
def rating_page(request: Request, number: int, token: str) -> HTMLResponse:
    with ticket_store(request).reading() as session:
        ticket = satisfaction.ticket_for_link(session, number, token)
        if ticket is None:
            return _not_found(request)
        row = satisfaction.current(session, ticket.id)
        return _page(request, _ticket_language(ticket), {"number": number, "token": token,
                                                         "given": row.rating if row else None})


@router.post("/rate/{number}/{token}")
def rate(request: Request, number: int, token: str, rating: Annotated[str, Form(max_length=8)] = "",
         comment: Annotated[str, Form(max_length=satisfaction.MAX_COMMENT * 2)] = "") -> HTMLResponse:
    if not within_rate(request, ticket_store(request), "rate", RATE):
        lang = _visitor_language(request)  # before the link is checked: nothing of the ticket
        return _page(request, lang, {"error": i18n.gettext("Too many answers; try again later.", lang)},
                     status.HTTP_429_TOO_MANY_REQUESTS, {"Retry-After": "600"})
    with ticket_store(request).reading() as session:
        ticket = satisfaction.ticket_for_link(session, number, token)
        if ticket is None:
            return _not_found(request)
        lang, ticket_id = _ticket_language(ticket), ticket.id
    shown = {"number": number, "token": token}
    if rating not in satisfaction.RATINGS:
        return _page(request, lang, {**shown, "error": i18n.gettext("Choose one of the two answers.", lang)},
                     status.HTTP_422_UNPROCESSABLE_CONTENT)
    scrubber = workspace(request).scrubber
    if scrubber is None and comment.strip():
        # Nothing a customer wrote is stored unscrubbed.
        return _page(request, lang, {**shown, "error": i18n.gettext("Comments cannot be taken now.", lang)},
                     status.HTTP_503_SERVICE_UNAVAILABLE)
    for attempt in (1, 2):
        try:
            with ticket_store(request).writing() as session:
                ticket = satisfaction.ticket_for_link(session, number, token)
                if ticket is None:  # erased since the read above
                    return _not_found(request)
                changed = satisfaction.record(session, ticket, rating, comment, scrubber)
            break
        except IntegrityError:  # two first answers at once: the second finds the first's row
            if attempt == 2:
                raise
    log.info("satisfaction: ticket=%d rating=%s changed=%s", ticket_id, rating, changed)
    return _page(request, lang, {**shown, "given": rating, "done": True})
