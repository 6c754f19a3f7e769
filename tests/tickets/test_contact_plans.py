"""Intake's contact look-ups find their rows by an index, not by reading every row (issue 19).

A batch of the writer reads its new senders' customers by ``lower(customers.email)``
(``tickets.contacts``); a plain index on ``email`` cannot serve that expression, so SQLite scanned the
whole customer directory once per batch (and once per lone new sender). Migration 0023 adds the index
on the expression; SQLite's query plan names it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select

from tickets import contacts
from tickets.store import TicketStore


def _plan(store: TicketStore, statement: Select[Any], params: dict[str, object]) -> str:
    with store.engine.connect() as conn:
        state = statement.compile(dialect=conn.dialect).construct_expanded_state(params)
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {state.statement}", tuple(state.positional_parameters)).all()
    return " | ".join(str(row[-1]) for row in rows)


def test_customers_by_email_use_the_lower_email_index(ticket_store: TicketStore) -> None:
    if ticket_store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's planner scans a table this small whatever the index; the migration is tested there
    one = _plan(ticket_store, contacts._CUSTOMER_BY_EMAIL, {"email": "a@example.org"})
    many = _plan(ticket_store, contacts._CUSTOMERS_OF, {"emails": ["a@example.org", "b@example.org"]})
    assert "ix_customers_email_lower" in one, one
    assert "ix_customers_email_lower" in many, many
