"""A group commit's batch writes its SLA clocks, due rows and new tickets' placeholder keys as one
statement per table (``models.db.insert_later``), and the report summary of a ticket it opened from what
it inserted (``models.reports``), issue 19. Correctness first: a later message of the same batch that
reads those rows (a follow-up threaded into a ticket the batch opened: its placeholder book, its SLA
clock) sees them, and every stored row equals what one message per transaction writes."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import Connection, event, select

from intake import writer as w
from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, SubmitOutcome, prepare
from models import Channel, Direction, Message, PlaceholderKey, TicketDue, VaultEntry, migrate
from models.db import make_engine
from models.reports import TicketReport, TicketReportRemoved, rebuild
from models.sla import TicketSla
from outbound.acknowledge import AckConfig
from privacy.cipher import Keyring, Sealed, binding, generate_key
from privacy.vault import SqlVault
from tests.support.fakes import FakeScrubber
from tickets.replies import MailIdentity
from tickets.store import TicketStore


def _chat(n: int, sender: str, text: str, attachments: tuple[InboundAttachment, ...] = ()) -> InboundMessage:
    return InboundMessage(channel=Channel.TELEGRAM, external_id=f"tg{n}", sender=sender, text=text,
                          attachments=attachments)


def _messages() -> list[InboundMessage]:
    note = InboundAttachment("notes.txt", "text/plain", b"Mijn bsn is 123456789.")
    return [
        _chat(1, "4711", "Hallo, mail jan@example.nl", (note,)),
        _chat(2, "4712", "Bel 0612345678 of piet@example.nl"),
        # A follow-up into the ticket message 1 opened: the same address keeps its number, a new one is next.
        _chat(3, "4711", "Nog eens: jan@example.nl en ook kees@example.nl"),
        _chat(4, "4713", "Geen gegevens hier"),
    ]


def _write(ticket_store: TicketStore, messages: list[InboundMessage], batch: int) -> tuple[list[SubmitOutcome],
                                                                                           Counter[str]]:
    """``messages`` through the writer's one-transaction path, ``batch`` at a time; the outcomes and the
    statements run, by kind and table."""
    return _run(ticket_store, Intake(ticket_store, FakeScrubber(), after_commit=[DueTimeHook(ticket_store)]),
                messages, batch)


def _run(ticket_store: TicketStore, intake: Intake, messages: list[InboundMessage], batch: int
         ) -> tuple[list[SubmitOutcome], Counter[str]]:
    """``messages`` through ``intake`` on the writer's one-transaction path, ``batch`` at a time (then closed);
    the outcomes and the statements run, by kind and table."""
    statements: Counter[str] = Counter()

    def count(conn: Any, cursor: Any, sql: str, *rest: Any) -> None:
        table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", sql)
        statements[f"{sql.split()[0].upper()} {table.group(1) if table else ''}"] += 1

    outcomes: list[SubmitOutcome] = []
    event.listen(ticket_store.engine, "before_cursor_execute", count)
    try:
        for first in range(0, len(messages), batch):
            jobs: list[Any] = [w._Job(lambda m=m: intake._store(m, prepare(m, intake.scrubber, intake.limits), None),
                                      lambda done, m=m: intake._run_hooks(m, done.outcome))
                               for m in messages[first:first + batch]]
            assert w._in_one_go(ticket_store, jobs), "the batch needed the careful path"
            outcomes += [job.result.outcome for job in jobs]
    finally:
        event.remove(ticket_store.engine, "before_cursor_execute", count)
        intake.close()
    return outcomes, statements


def _stored(conn: Connection) -> dict[str, list[Any]]:
    """Every row the batch path must write alike, without ids and times that differ from run to run."""
    texts = [tuple(r) for r in conn.execute(select(Message.ticket_id, Message.text).order_by(Message.id))]
    keys = sorted(tuple(r) for r in conn.execute(
        select(PlaceholderKey.ticket_id, PlaceholderKey.entity_type, PlaceholderKey.number)))
    clocks = [(r.ticket_id, r.policy_id, r.response_used, r.resolution_used, r.running_since is not None,
               r.response_due_at is not None, r.resolution_due_at is not None)
              for r in conn.execute(select(TicketSla).order_by(TicketSla.ticket_id))]
    dues = [r.ticket_id for r in conn.execute(select(TicketDue.ticket_id).order_by(TicketDue.ticket_id))]
    return {"texts": texts, "keys": keys, "clocks": clocks, "dues": dues}


def _summary(conn: Connection) -> list[Any]:
    rows = [tuple(r) for model in (TicketReport, TicketReportRemoved)
            for r in conn.execute(select(*(c for c in model.__table__.columns if c.name != "id")))]
    return sorted(rows, key=repr)


def test_a_batch_stores_what_one_message_per_transaction_stores(ticket_store: TicketStore) -> None:
    outcomes, _ = _write(ticket_store, _messages(), batch=4)
    assert [o.new_ticket for o in outcomes] == [True, True, False, True]
    assert outcomes[2].ticket_id == outcomes[0].ticket_id
    with ticket_store.engine.connect() as conn:
        batched = _stored(conn)
        # The follow-up's book read the keys the batch deferred: jan@ keeps number 1, kees@ is number 2.
        first_ticket = outcomes[0].ticket_id
        assert [n for t, kind, n in batched["keys"] if t == first_ticket and kind == "EMAIL_ADDRESS"] == [1, 2]
        # Its clock was read too: one per ticket, still running from the first message.
        assert len(batched["clocks"]) == 3 and len(batched["dues"]) == 3
        kept = _summary(conn)
        assert any(r[0] == first_ticket for r in kept)
        rebuild(conn)  # the summary written from what the batch inserted equals one read back from the rows
        assert _summary(conn) == kept
        conn.rollback()
    ticket_store.engine.dispose()


def test_the_same_messages_one_per_transaction(ticket_store: TicketStore) -> None:
    """The reference for the test above: the same figures when each message commits alone."""
    outcomes, _ = _write(ticket_store, _messages(), batch=1)
    assert [o.new_ticket for o in outcomes] == [True, True, False, True]
    with ticket_store.engine.connect() as conn:
        stored = _stored(conn)
        first_ticket = outcomes[0].ticket_id
        assert [n for t, kind, n in stored["keys"] if t == first_ticket and kind == "EMAIL_ADDRESS"] == [1, 2]
        assert len(stored["clocks"]) == 3 and len(stored["dues"]) == 3
        kept = _summary(conn)
        rebuild(conn)
        assert _summary(conn) == kept
        conn.rollback()


def test_one_statement_per_table_for_a_batch_of_new_tickets(ticket_store: TicketStore) -> None:
    messages = [_chat(n, f"47{n:02d}", f"Mail me: klant{n}@example.nl") for n in range(6)]
    outcomes, statements = _write(ticket_store, messages, batch=6)
    assert all(o.new_ticket for o in outcomes)
    assert statements["INSERT ticket_sla"] == 1
    assert statements["INSERT ticket_due"] == 1
    assert statements["INSERT placeholder_keys"] == 1
    # The summary of tickets opened in this transaction is computed from what was inserted, not read back.
    assert statements["SELECT messages"] == 0
    assert statements["INSERT ticket_report"] == 1


def test_a_failing_batch_leaves_no_deferred_rows_behind(ticket_store: TicketStore) -> None:
    """A batch rolled back (here: a message stored twice, whose second copy's constraint fails) leaves
    nothing of its deferred rows for the careful path that writes it again."""
    intake = Intake(ticket_store, FakeScrubber(), after_commit=[DueTimeHook(ticket_store)])
    messages = [_chat(1, "4711", "jan@example.nl"), _chat(2, "4712", "piet@example.nl")]

    def boom(msg: InboundMessage, outcome: SubmitOutcome) -> None:
        if msg.external_id == "tg2":
            with ticket_store.writing():
                raise RuntimeError("a hook that fails")

    intake.after_commit.append(boom)
    jobs: list[Any] = [w._Job(lambda m=m: intake._store(m, prepare(m, intake.scrubber, intake.limits), None),
                              lambda done, m=m: intake._run_hooks(m, done.outcome)) for m in messages]
    try:
        assert not w._in_one_go(ticket_store, jobs)
        writer = w.GroupCommitWriter(ticket_store)
        writer._careful(jobs)
        writer.close()
    finally:
        intake.close()
    with ticket_store.engine.connect() as conn:
        stored = _stored(conn)
        assert len(stored["clocks"]) == 2 and len(stored["dues"]) == 2
        assert len(stored["keys"]) == 2
        kept = _summary(conn)
        rebuild(conn)
        assert _summary(conn) == kept
        conn.rollback()


def _vaulted(ticket_store: TicketStore, scrubber: Any, messages: list[InboundMessage], batch: int
             ) -> tuple[list[SubmitOutcome], Counter[str], list[tuple[int, str, int, str]]]:
    """``messages`` through a vaulting intake, ``batch`` at a time; the outcomes, the statements, and
    every vault entry as (message index of its ticket's first message, type, number, value revealed)."""
    keyring = Keyring({"k1": generate_key()})
    intake = Intake(ticket_store, scrubber, vault=SqlVault(keyring), after_commit=[DueTimeHook(ticket_store)])
    outcomes, statements = _run(ticket_store, intake, messages, batch)
    first_of = {o.ticket_id: i for i, o in reversed(list(enumerate(outcomes)))}
    with ticket_store.reading() as session:
        entries = session.execute(select(VaultEntry.ticket_id, VaultEntry.entity_type, VaultEntry.number,
                                         VaultEntry.sealed)).all()
        found = sorted((first_of[t], kind, n, keyring.open(Sealed("k1", sealed), binding(t, kind, n)))
                       for t, kind, n, sealed in entries)
    return outcomes, statements, found


def test_a_batch_vaults_what_one_message_per_transaction_vaults(ticket_store: TicketStore, real_scrubber: Any,
                                                                 tmp_path: Any) -> None:
    """The vault's rows of a batch go in one INSERT; a follow-up of a ticket the batch opened vaults only
    its new values, as it does when each message commits alone (a second store is the reference)."""
    messages = [
        _chat(1, "4711", "Bel me op 06-12345678 of mail piet.jansen@gmail.com"),
        _chat(2, "4712", "Mijn rekening is NL91 ABNA 0417 1643 00, groet Klaas de Vries"),
        _chat(3, "4711", "Nogmaals: 06-12345678, of thuis 020-7654321"),
    ]
    outcomes, statements, batched = _vaulted(ticket_store, real_scrubber, messages, batch=3)
    assert outcomes[2].ticket_id == outcomes[0].ticket_id and len(batched) >= 4
    assert statements["INSERT vault_entries"] == 1
    reference = TicketStore(make_engine(f"sqlite:///{tmp_path / 'reference.sqlite3'}"))
    migrate.upgrade(reference.engine)
    try:
        _, _, alone = _vaulted(reference, real_scrubber, [_chat(n + 10, m.sender, m.text) for n, m in
                                                           enumerate(messages)], batch=1)
    finally:
        reference.engine.dispose()
    assert batched == alone


def test_a_batch_with_acknowledgements_keeps_the_summary_exact(ticket_store: TicketStore) -> None:
    """An acknowledgement is an outgoing message flushed on the ticket intake just opened: its summary is
    then read back, not computed from intake's inserts, and equals a rebuild."""
    identity = MailIdentity("support.test")
    intake = Intake(ticket_store, FakeScrubber(), after_commit=[
        DueTimeHook(ticket_store), AutoAcknowledger(ticket_store, AckConfig(), identity)])
    messages = [InboundMessage(channel=Channel.EMAIL, external_id=f"<m{n}@example.nl>", sender=f"klant{n}@example.nl",
                               subject="Vraag", text=f"Mail terug naar klant{n}@example.nl") for n in range(3)]
    jobs: list[Any] = [w._Job(lambda m=m: intake._store(m, prepare(m, intake.scrubber, intake.limits), None),
                              lambda done, m=m: intake._run_hooks(m, done.outcome)) for m in messages]
    try:
        assert w._in_one_go(ticket_store, jobs)
    finally:
        intake.close()
    with ticket_store.engine.connect() as conn:
        acks = conn.execute(select(Message.id).where(Message.direction == Direction.OUT)).all()
        assert len(acks) == 3
        kept = _summary(conn)
        assert len([r for r in kept if len(r) == 15]) == 3
        rebuild(conn)
        assert _summary(conn) == kept
        conn.rollback()
