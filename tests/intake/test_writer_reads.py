"""Issue 19, the write path's reads: the duplicate check on a reused autocommit connection
(``tickets.read_connections``) and the contacts a transaction remembers (``tickets.store``)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, event, func, select, text
from sqlalchemy.exc import DBAPIError

from intake.message import InboundMessage
from intake.pipeline import Intake, SubmitOutcome
from intake.writer import GroupCommitWriter
from models import Channel, Contact, Customer, Message, Notification
from tests.intake.test_writer import submit_all
from tests.support.fakes import FakeScrubber
from tickets import accounts, store
from tickets.read_connections import ReadConnections
from tickets.store import TicketStore


def mail(n: int, sender: str = "klant@example.nl") -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=f"r{n}@x", sender=sender, text=f"Bericht {n}.",
                          subject=f"Vraag {n}")


def test_duplicate_check_sees_every_commit_and_stays_off_the_store_engine(ticket_store: TicketStore) -> None:
    intake = Intake(ticket_store, FakeScrubber())
    on_store: list[str] = []

    @event.listens_for(ticket_store.engine, "before_cursor_execute")
    def note(_c: Any, _cur: Any, sql: str, *_rest: Any) -> None:
        if "FROM messages" in sql and "external_id" in sql:
            on_store.append(sql)

    try:
        first = intake.submit(mail(1))
        again = intake.submit(mail(1))  # a commit since the connection's last read is seen
        assert (again.status, again.message_id) == ("duplicate", first.message_id)
        assert intake.submit(mail(2)).status == "stored"
    finally:
        intake.close()
    assert on_store == []  # the checks ran on the read connections
    with ticket_store.reading() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 2


def test_a_read_is_its_own_transaction_and_reuses_its_connection(ticket_store: TicketStore) -> None:
    reads = ReadConnections(ticket_store.engine)
    held: list[Connection] = []

    def read(conn: Connection) -> int:
        held.append(conn)
        return int(conn.execute(text("SELECT 1")).scalar_one())

    assert reads.run(read) == reads.run(read) == 1
    assert held[0] is held[1]  # reused, not checked out anew
    driver: Any = held[0].connection.driver_connection
    if ticket_store.engine.dialect.name == "sqlite":
        assert not driver.in_transaction  # no snapshot kept between reads, no BEGIN left open
    else:
        assert driver.autocommit
    ticket_store.engine.dispose()  # closes the idle ones
    assert held[0].closed


def test_a_failing_read_closes_its_connection_and_raises(ticket_store: TicketStore) -> None:
    reads = ReadConnections(ticket_store.engine)
    held: list[Connection] = []

    def broken(conn: Connection) -> None:
        held.append(conn)
        conn.execute(text("SELECT * FROM no_such_table"))

    with pytest.raises(DBAPIError):
        reads.run(broken)
    assert held[0].closed
    assert reads.run(lambda conn: conn.execute(text("SELECT 2")).scalar()) == 2


def test_a_contact_is_looked_up_once_per_transaction_and_forgotten_with_a_rolled_back_savepoint(
        ticket_store: TicketStore) -> None:
    selects: list[str] = []

    @event.listens_for(ticket_store.engine, "before_cursor_execute")
    def note(_c: Any, _cur: Any, sql: str, *_rest: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "FROM contacts" in sql:
            selects.append(sql)

    with ticket_store.writing() as session:
        made = store.get_or_create_contact(session, "email", "Klant@Example.nl")
        session.add(Customer(number="c-1"))
        session.flush()  # as the message's own step does before its hooks ask again
        assert store.find_contact(session, "email", "klant@example.nl") is made
        assert store.get_or_create_contact(session, "email", "klant@example.nl") is made
        assert len(selects) == 1
        with session.begin_nested() as savepoint:
            other = store.get_or_create_contact(session, "email", "ander@example.nl")
            savepoint.rollback()
        assert store.find_contact(session, "email", "ander@example.nl") is None  # asked again: gone
        assert other not in session
    with ticket_store.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 1


def test_a_lost_postgresql_connection_is_replaced_without_an_error(ticket_store: TicketStore) -> None:
    if ticket_store.engine.dialect.name != "postgresql":
        pytest.skip("a server that drops a connection: PostgreSQL")
    reads = ReadConnections(ticket_store.engine)

    def pid(conn: Connection) -> int:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())

    first = reads.run(pid)
    with ticket_store.engine.connect() as admin:  # as a restart does to every idle connection
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        admin.commit()
    assert reads.run(pid) != first


def test_a_group_commit_reads_the_subscribers_once_per_batch_and_tells_of_every_new_ticket(
        ticket_store: TicketStore) -> None:
    with ticket_store.writing() as session:
        agent = accounts.add_agent(session, "anna", "correct horse battery staple")
        agent.notify = {"new_ticket": ["app"]}
        session.flush()
        anna = agent.id
    writer = GroupCommitWriter(ticket_store)
    intake = Intake(ticket_store, FakeScrubber(), writer=writer)
    reads: list[str] = []

    @event.listens_for(ticket_store.engine, "before_cursor_execute")
    def note(_c: Any, _cur: Any, sql: str, *_rest: Any) -> None:
        if " ".join(sql.split()).startswith("SELECT agents.id, agents.notify FROM agents"):  # the settings
            reads.append(sql)

    try:
        outcomes = submit_all(intake, [mail(n, sender=f"k{n}@example.nl") for n in range(8)])
    finally:
        intake.close()
    tickets = {o.ticket_id for o in outcomes if isinstance(o, SubmitOutcome)}
    assert len(tickets) == 8
    assert len(reads) == writer.batches  # once per transaction, however many tickets it opened
    with ticket_store.reading() as s:
        told = s.execute(select(Notification.agent_id, Notification.ticket_id)).all()
    assert sorted(told) == sorted((anna, t) for t in tickets)
