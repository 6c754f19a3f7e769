"""The public pages' per-client rate limit: the one check the web form, the privacy desk's links and the
satisfaction rating call (counted in the database by ``tickets.rate_limits``, so every ``serve`` process
shares the count)."""

from __future__ import annotations

from fastapi import HTTPException, Request, status
from sqlalchemy.exc import SQLAlchemyError

from tickets import rate_limits
from tickets.rate_limits import Rate
from tickets.store import TicketStore
from web.auth import client_address

__all__ = ["Rate", "within_rate"]


def within_rate(request: Request, store: TicketStore, bucket: str, rate: Rate) -> bool:
    """Count this request of its client (``web.auth.client_address``) in ``bucket``: False when over the rate.

    Blocking (a write transaction): async routes call it through ``run_in_threadpool``. When the store
    cannot count, the request is refused with 503 rather than let through uncounted: the limits guard
    code guessing and flooding, and every one of these pages needs the store anyway.
    """
    try:
        with store.writing() as session:
            return rate_limits.hit(session, bucket, client_address(request), rate)
    except SQLAlchemyError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the store is unavailable; try again later",
                            headers={"Retry-After": "30"}) from exc
