"""A group commit's batch writes its SLA clocks, due rows and new tickets' placeholder keys as one
statement per table (``models.db.insert_later``), and the report summary of a ticket it opened from what
it inserted (``models.reports``), issue 19. Correctness first: a later message of the same batch that
reads those rows (a follow-up threaded into a ticket the batch opened: its placeholder book, its SLA
clock) sees them, and every stored row equals what one message per transaction writes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, select

from intake import writer as w
from intake.hooks import AutoAcknowledger, DueTimeHook
from intake.message import InboundAttachment, InboundMessage
from intake.pipeline import Intake, SubmitOutcome, prepare
from models import (
    Channel,
    Contact,
    Customer,
    Direction,
    Message,
    PlaceholderKey,
    Ticket,
    TicketDue,
    VaultEntry,
    migrate,
)
from models.db import make_engine
from models.reports import TicketReport, TicketReportRemoved, rebuild
from models.sla import TicketSla
from outbound.acknowledge import AckConfig
from privacy.cipher import Keyring, Sealed, binding, generate_key
from privacy.vault import SqlVault
from tests.support.fakes import FakeScrubber
from tests.support.writer_batches import write_in_batches
from tickets import store
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
    try:
        return write_in_batches(intake, messages, batch)
    finally:
        intake.close()


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


def _mail(n: int, sender: str) -> InboundMessage:
    return InboundMessage(channel=Channel.EMAIL, external_id=f"<b{n}@example.nl>", sender=sender, subject="Vraag",
                          text=f"Bericht {n}")


def _contacts(ticket_store: TicketStore, messages: list[InboundMessage], batch: int
              ) -> tuple[Counter[str], list[tuple[str, str, str | None, int]]]:
    """Two senders known beforehand (one message each, alone), then ``messages`` ``batch`` at a time; the
    statements of the latter, and every contact as (channel, address, its customer's number, tickets)."""
    with ticket_store.writing() as session:
        store.upsert_customers(session, [store.CustomerRecord(number="C1", name="Een", email="Klant1@Example.nl"),
                                          store.CustomerRecord(number="C3", name="Drie", email="klant3@example.nl")])
    _run(ticket_store, Intake(ticket_store, FakeScrubber()), [_mail(90, "klant0@example.nl"),
                                                             _mail(91, "klant1@example.nl")], 1)
    _, statements = _run(ticket_store, Intake(ticket_store, FakeScrubber(), after_commit=[DueTimeHook(ticket_store)]),
                         messages, batch)
    with ticket_store.engine.connect() as conn:
        rows = conn.execute(select(Contact.channel, Contact.address, Customer.number, func.count(Ticket.id))
                            .outerjoin(Customer, Customer.id == Contact.customer_id)
                            .outerjoin(Ticket, Ticket.contact_id == Contact.id)
                            .group_by(Contact.channel, Contact.address, Customer.number)
                            .order_by(Contact.address)).all()
    return statements, [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_batch_reads_its_senders_contacts_and_their_customers_in_one_statement_each(
        ticket_store: TicketStore, tmp_path: Any) -> None:
    """Known senders, new ones (one of them a customer on file, one writing twice in the batch, one in
    capitals): one SELECT of contacts and one of customers for the batch, and the same contacts, linked
    to the same customers, as when each message commits alone (a second store is the reference)."""
    messages = [_mail(1, "klant0@example.nl"), _mail(2, "klant2@example.nl"), _mail(3, "KLANT3@example.nl"),
                _mail(4, "klant1@example.nl"), _mail(5, "klant2@example.nl"), _mail(6, "klant3@example.nl")]
    statements, batched = _contacts(ticket_store, messages, batch=6)
    assert statements["SELECT contacts"] == 1
    assert statements["SELECT customers"] == 1
    assert statements["INSERT contacts"] == 2
    assert ("email", "klant3@example.nl", "C3", 2) in batched and ("email", "klant1@example.nl", "C1", 2) in batched
    reference = TicketStore(make_engine(f"sqlite:///{tmp_path / 'reference.sqlite3'}"))
    migrate.upgrade(reference.engine)
    try:
        _, alone = _contacts(reference, messages, batch=1)
    finally:
        reference.engine.dispose()
    assert batched == alone


def test_a_lone_message_reads_its_contact_no_more_often_than_before(ticket_store: TicketStore) -> None:
    """A batch of one (PostgreSQL's writers, a message on a quiet SQLite) asks for its sender once, and a
    new sender's customer once, as ``get_or_create_contact`` alone did."""
    statements, _ = _contacts(ticket_store, [_mail(1, "klant0@example.nl")], batch=1)
    assert statements["SELECT contacts"] == 1 and statements["SELECT customers"] == 0
    _, statements = _run(ticket_store, Intake(ticket_store, FakeScrubber()), [_mail(2, "klant5@example.nl")], 1)
    assert statements["SELECT contacts"] == 1 and statements["SELECT customers"] == 1


def test_a_contact_made_in_the_batch_after_its_senders_were_read_is_found(ticket_store: TicketStore) -> None:
    """A sender read as absent at the batch's start, then created by an earlier message of the same batch
    from another spelling of the address: the later message uses that contact, no second one."""
    messages = [_mail(1, "Nieuw@Example.nl"), _mail(2, "nieuw@example.nl")]
    _, statements = _run(ticket_store, Intake(ticket_store, FakeScrubber()), messages, 2)
    assert statements["INSERT contacts"] == 1
    with ticket_store.engine.connect() as conn:
        assert conn.execute(select(func.count(Contact.id))).scalar() == 1
