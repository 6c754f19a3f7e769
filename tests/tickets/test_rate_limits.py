"""The public pages' per-client rate limits, counted in the database (SQLite, and PostgreSQL when configured).

Before, each ``serve`` process counted in its own memory: two processes allowed twice the rate, and a
restart forgot the count. Now a hit is a row every process on the database counts; the address rests
only as a keyed digest; the window slides; parallel hits cannot all pass a count made before any of them
was written.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from models import migrate, utcnow
from models.db import make_engine
from models.workspace import RateHit
from tickets import rate_limits
from tickets.rate_limits import Rate
from tickets.store import TicketStore

HOME = "198.51.100.7"
THREE = Rate(3, timedelta(minutes=10))


def _hit(store: TicketStore, client: str = HOME, bucket: str = "webform", rate: Rate = THREE) -> bool:
    with store.writing() as session:
        return rate_limits.hit(session, bucket, client, rate)


@pytest.mark.parametrize(("notation", "rate"), [("5/10 minutes", Rate(5, timedelta(minutes=10))),
                                                ("10 per minute", Rate(10, timedelta(minutes=1))),
                                                ("2/hour", Rate(2, timedelta(hours=1)))])
def test_the_settings_notation(notation: str, rate: Rate) -> None:
    assert Rate.parse(notation) == rate


def test_a_wrong_notation_is_refused() -> None:
    with pytest.raises(ValueError):
        Rate.parse("five a minute")


def test_the_rate_per_client_and_bucket(ticket_store: TicketStore) -> None:
    assert [_hit(ticket_store) for _ in range(4)] == [True, True, True, False]
    assert _hit(ticket_store, client="203.0.113.9")  # another address counts apart
    assert _hit(ticket_store, bucket="verify")  # and another page
    with ticket_store.reading() as session:  # a refused hit is not counted (it does not extend the wait)
        assert session.scalar(select(func.count()).select_from(RateHit)) == 5


def test_the_window_slides_and_old_hits_are_swept(ticket_store: TicketStore) -> None:
    assert [_hit(ticket_store) for _ in range(3)] == [True] * 3
    with ticket_store.writing() as session:  # the first two fall out of the window
        first_two = select(RateHit.id).order_by(RateHit.id).limit(2).scalar_subquery()
        session.execute(update(RateHit).where(RateHit.id.in_(first_two)).values(at=utcnow() - timedelta(minutes=11)))
    assert [_hit(ticket_store) for _ in range(3)] == [True, True, False]
    with ticket_store.reading() as session:
        assert session.scalar(select(func.count()).select_from(RateHit)) == 3  # the stale rows are gone


def test_the_limit_holds_across_processes(db_url: str, ticket_store: TicketStore) -> None:
    # A second engine and store on the same database: what a second ``serve`` process has.
    other_engine = make_engine(db_url)
    migrate.upgrade(other_engine)
    other = TicketStore(other_engine)
    try:
        assert [_hit(ticket_store), _hit(other), _hit(ticket_store)] == [True] * 3
        assert not _hit(other) and not _hit(ticket_store)
    finally:
        other_engine.dispose()


def test_parallel_hits_cannot_all_pass(ticket_store: TicketStore) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(lambda _: _hit(ticket_store, rate=Rate(5, timedelta(minutes=1))), range(20)))
    assert allowed.count(True) == 5


def test_the_address_does_not_rest_in_the_table(ticket_store: TicketStore) -> None:
    _hit(ticket_store)
    with ticket_store.reading() as session:
        row = session.scalars(select(RateHit)).one()
    assert HOME not in f"{row.bucket} {row.key}" and len(row.key) == 64
