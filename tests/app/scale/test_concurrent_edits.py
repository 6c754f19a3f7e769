"""Two agents editing one ticket at once never lose an edit (optimistic locking on ``tickets.version``).

The edits go through the workspace's own code path (web/actions.py, which the pages and the
JSON API both call), each agent on its own engine, as two ``serve`` processes would be. The second
save is refused with HTTP 409 and a message to reload; after reloading, the agent's edit lands too.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import HTTPException
from sqlalchemy import event, func, select

from models import Priority, Role, Ticket, TicketEvent, TicketStatus, utcnow
from models.db import make_engine
from scrubber import ScrubbedText
from tests.app.scale.serve_procs import start_serve, stop_all
from tickets import store
from tickets.accounts import Principal
from tickets.store import TicketStore
from web import actions

EDITS = 25  # saves per agent in the two-process test


@pytest.fixture
def two_agents(ticket_store: TicketStore, db_url: str) -> Iterator[tuple[TicketStore, TicketStore]]:
    """Two stores on one database, each with its own engine (connection pool), like two processes."""
    other = TicketStore(make_engine(db_url))
    yield ticket_store, other
    other.engine.dispose()


# The deployment's API token acting (the actions record who acted, issue 21).
API = Principal(agent_id=None, username="api", display_name="API", role=Role.ADMIN, via="token")


def new_ticket(ticket_store: TicketStore) -> tuple[int, int]:
    """(number, version) of a fresh e-mail ticket."""
    with ticket_store.writing() as session:
        contact = store.get_or_create_contact(session, "email", "klant@example.nl")
        ticket = store.open_ticket(session, channel="email", contact=contact, lang="nl", at=utcnow())
        store.set_subject(ticket, ScrubbedText("Factuur klopt niet"))
    with ticket_store.reading() as session:
        fresh = session.get(Ticket, ticket.id)
        assert fresh is not None
        return fresh.number, fresh.version


def state(ticket_store: TicketStore, number: int) -> tuple[TicketStatus, Priority, int, int]:
    with ticket_store.reading() as session:
        ticket = store.ticket_by_number(session, number)
        assert ticket is not None
        events = session.scalar(select(func.count()).select_from(TicketEvent).where(TicketEvent.ticket_id == ticket.id))
        return TicketStatus(ticket.status), Priority(ticket.priority), ticket.version, int(events or 0)


def test_save_on_a_stale_version_is_refused_with_a_message(two_agents: tuple[TicketStore, TicketStore]) -> None:
    first, second = two_agents
    number, seen = new_ticket(first)  # both agents opened the ticket at this version
    actions.set_status(first, API, number, TicketStatus.PENDING, seen)
    with pytest.raises(HTTPException) as refused:
        actions.set_priority(second, API, number, Priority.URGENT, seen)
    assert refused.value.status_code == 409 and "reload" in str(refused.value.detail)
    status, priority, version, _ = state(second, number)
    assert (status, priority) == (TicketStatus.PENDING, Priority.NORMAL)  # the first edit stands, untouched
    actions.set_priority(second, API, number, Priority.URGENT, version)  # reloaded: now it lands
    status, priority, _, events = state(first, number)
    assert (status, priority, events) == (TicketStatus.PENDING, Priority.URGENT, 2)


def test_saves_at_the_same_moment_one_wins_the_other_gets_a_conflict(
    two_agents: tuple[TicketStore, TicketStore], db_url: str
) -> None:
    """Both transactions read the ticket before either writes: the version check in Python passes for
    both, so it is the ``UPDATE … WHERE version = ?`` that must refuse the second one."""
    if not db_url.startswith("postgres"):
        pytest.skip("SQLite write transactions start with BEGIN IMMEDIATE, so they never overlap")
    first, second = two_agents
    number, seen = new_ticket(first)
    both_read = threading.Barrier(2, timeout=10)

    def hold_update(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE TICKETS"):
            both_read.wait()  # both have loaded the ticket at ``seen``; now both write

    for ts in two_agents:
        event.listen(ts.engine, "before_cursor_execute", hold_update)
    outcomes: dict[str, object] = {}

    def edit(name: str, call: Any) -> None:
        try:
            outcomes[name] = call()
        except Exception as exc:
            outcomes[name] = exc

    threads = [
        threading.Thread(target=edit, args=("status", lambda: actions.set_status(
            first, API, number, TicketStatus.SOLVED, seen))),
        threading.Thread(target=edit, args=("priority", lambda: actions.set_priority(
            second, API, number, Priority.HIGH, seen))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for ts in two_agents:
        event.remove(ts.engine, "before_cursor_execute", hold_update)
    refused = [name for name, result in outcomes.items() if isinstance(result, Exception)]
    assert len(refused) == 1, outcomes
    error = outcomes[refused[0]]
    assert isinstance(error, HTTPException) and error.status_code == 409, repr(error)
    assert "reload" in str(error.detail)
    status, priority, version, events = state(first, number)
    won = "status" if refused == ["priority"] else "priority"
    assert (status == TicketStatus.SOLVED) == (won == "status")
    assert (priority == Priority.HIGH) == (won == "priority")
    assert (version, events) == (seen + 1, 1)
    # The refused agent reloads and saves again: both edits are reflected.
    if won == "status":
        actions.set_priority(second, API, number, Priority.HIGH, version)
    else:
        actions.set_status(first, API, number, TicketStatus.SOLVED, version)
    assert state(first, number)[:2] == (TicketStatus.SOLVED, Priority.HIGH)


@pytest.mark.slow
def test_two_agents_on_two_processes_lose_no_edit(ticket_store: TicketStore, db_url: str, tmp_path: Path) -> None:
    """Agent A changes the priority through one ``serve`` process, agent B the status through another,
    each always from the version it just read: every save answers 200 or 409, and every 200 is kept."""
    if not db_url.startswith("postgres"):
        pytest.skip("several serve processes share one store only on PostgreSQL")
    number, initial = new_ticket(ticket_store)
    token = "scale-test-token"
    procs = [start_serve(db_url, tmp_path, f"p{n}", toml='[smtp]\naccept = ["support@scale.test"]\n',
                         log_level="WARNING", env={"SCRUBDESK_WEB__API_TOKEN": token}) for n in range(2)]
    results: dict[str, list[tuple[int, str, str]]] = {"priority": [], "status": []}

    def agent(field: str, port: int) -> None:
        choices = [p.value for p in Priority] if field == "priority" else ["open", "pending"]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30,
                          headers={"Authorization": f"Bearer {token}"}) as web:
            for _ in range(EDITS):
                seen = web.get(f"/api/tickets/{number}").json()
                value = next(c for c in choices if c != seen[field])  # always a real change
                r = web.post(f"/api/tickets/{number}/{field}", json={field: value, "version": seen["version"]})
                results[field].append((r.status_code, value, r.text))

    try:
        for p in procs:
            p.wait_ready()
        threads = [threading.Thread(target=agent, args=(f, p.web_port)) for f, p in zip(results, procs, strict=True)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        stop_all(procs)
    codes = collections.Counter(code for rs in results.values() for code, _, _ in rs)
    print(f"\nsaves: {dict(codes)}")
    assert set(codes) <= {200, 409}, [r for rs in results.values() for r in rs if r[0] not in (200, 409)][:3]
    assert all("reload" in text for rs in results.values() for code, _, text in rs if code == 409)
    status, priority, version, events = state(ticket_store, number)
    saved = codes[200]
    assert version - initial == saved == events  # each accepted save is one version and one event
    last = {f: [v for code, v, _ in rs if code == 200] for f, rs in results.items()}
    if last["priority"]:
        assert priority == last["priority"][-1]
    if last["status"]:
        assert status == last["status"][-1]
