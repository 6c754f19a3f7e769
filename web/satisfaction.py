"""The public satisfaction page (issue 22): ``/rate/<ticket number>/<signature>`` from the solve mail,
with 👍/👎 and an optional comment.

Public, like the privacy verification links: the signed link is the only key (``tickets.satisfaction``),
and an unknown number and a wrong signature both answer 404. There is no CSRF token: whoever can make a
browser post here already holds the link and could post it themselves. A per-client moving-window rate
limit (``limits``) bounds what one host can post; answering twice changes nothing (one rating per ticket,
the last answer counts). The comment is scrubbed with the workspace's scrubber before it is stored.
The routes are mounted through ``web.reports``'s router (the reports slice's place in ``web.app``).
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from limits import parse as parse_rate
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy.exc import IntegrityError

from tickets import i18n, satisfaction
from web.auth import client_address
from web.pages import language_of, render
from web.workspace import ticket_store, workspace

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
# Per client address: enough for a customer changing their mind, not for a script.
RATE = parse_rate("10/10 minutes")


def _limiter(request: Request) -> MovingWindowRateLimiter:
    """The app's own limiter (made on first use), so two apps in one process count apart."""
    state = request.app.state
    if not hasattr(state, "rating_limiter"):
        state.rating_limiter = MovingWindowRateLimiter(MemoryStorage())
    limiter: MovingWindowRateLimiter = state.rating_limiter
    return limiter


def _not_found() -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, i18n.gettext("This link is not valid."))


@router.get("/rate/{number}/{token}")
def rating_page(request: Request, number: int, token: str) -> HTMLResponse:
    i18n.current.set(language_of(request))
    with ticket_store(request).reading() as session:
        ticket = satisfaction.ticket_for_link(session, number, token)
        if ticket is None:
            raise _not_found()
        row = satisfaction.current(session, ticket.id)
        return render(request, "rate.html", {"who": None, "number": number, "token": token,
                                             "given": row.rating if row else None, "done": False})


@router.post("/rate/{number}/{token}")
def rate(request: Request, number: int, token: str, rating: Annotated[str, Form(max_length=8)],
         comment: Annotated[str, Form(max_length=satisfaction.MAX_COMMENT * 2)] = "") -> HTMLResponse:
    i18n.current.set(language_of(request))
    if not _limiter(request).hit(RATE, "rate", client_address(request)):
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, i18n.gettext("Too many answers; try again later."),
                            headers={"Retry-After": "600"})
    if rating not in satisfaction.RATINGS:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, i18n.gettext("Choose one of the two answers."))
    scrubber = workspace(request).scrubber
    if scrubber is None and comment.strip():
        # Nothing a customer wrote is stored unscrubbed.
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, i18n.gettext("Comments cannot be taken now."))
    for attempt in (1, 2):
        try:
            with ticket_store(request).writing() as session:
                ticket = satisfaction.ticket_for_link(session, number, token)
                if ticket is None:
                    raise _not_found()
                ticket_id = ticket.id
                changed = satisfaction.record(session, ticket, rating, comment, scrubber)
            break
        except IntegrityError:  # two first answers at once: the second finds the first's row
            if attempt == 2:
                raise
    log.info("satisfaction: ticket=%d rating=%s changed=%s", ticket_id, rating, changed)
    return render(request, "rate.html", {"who": None, "number": number, "token": token, "given": rating,
                                         "done": True})
