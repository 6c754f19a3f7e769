"""Retention on a store with 10,000 generated tickets: exactly what the policy says goes, the dry run
deletes nothing, legal holds are kept and listed, and intake keeps committing while the run deletes.

The store was 50,000 tickets deleted in batches of 500; it is 10,000 in batches of 100 now (a fifth of
the time), which keeps what the test shows: over a thousand tickets to delete, so still more than ten
batches with intake committing between them, every status, customer and hold case, and the set-based
deletes checked row by row against the policy.

The expected outcome is computed here in Python from the generated rows, independently of the SQL
in ``privacy.retention``.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select, text

from intake.message import InboundMessage
from intake.pipeline import Intake
from models import TICKET_NUMBER_OFFSET, Attachment, Channel, Contact, Customer, Message, RetentionHold, Ticket
from privacy import retention
from tests.support.fakes import FakeScrubber
from tickets import audit
from tickets.store import TicketStore

N_TICKETS = 10_000
N_CUSTOMERS = 400
NOW = datetime(2030, 6, 15, 12, 0, tzinfo=UTC)
STATUSES = ("new", "open", "pending", "solved", "closed")


@dataclass
class Generated:
    ticket_deleted: set[int]
    held_listed: set[int]
    attachments_deleted: set[int]
    audit_deleted: int
    n_attachments: int
    n_audit: int


def _generate(store: TicketStore, seed: int = 9) -> Generated:
    rng = random.Random(seed)
    contract_end: dict[int, date] = {}
    customers = []
    for cid in range(1, N_CUSTOMERS + 1):
        customers.append({"id": cid, "number": f"C{cid:05d}", "created_at": NOW, "updated_at": NOW})
        if rng.random() < 0.4:
            contract_end[cid] = (NOW - timedelta(days=rng.randint(100, 12 * 365))).date()
    contacts, tickets, messages, attachments, holds, audits = [], [], [], [], [], []
    held: set[int] = set()
    ticket_deleted: set[int] = set()
    held_listed: set[int] = set()
    cut2 = NOW.replace(year=NOW.year - 2)
    cut7 = NOW.replace(year=NOW.year - 7).date()
    att_cut = NOW - timedelta(days=365)
    attachments_deleted: set[int] = set()
    att_id = 0
    for tid in range(1, N_TICKETS + 1):
        customer = rng.randint(1, N_CUSTOMERS) if rng.random() < 0.5 else None
        status = rng.choice(STATUSES)
        activity = NOW - timedelta(days=rng.uniform(0, 11 * 365))
        solved = None
        if status in ("solved", "closed") and rng.random() < 0.8:
            solved = activity - timedelta(days=rng.uniform(0, 30))
        if solved is not None and rng.random() < 0.05:
            solved = activity + timedelta(days=rng.uniform(0, 3 * 365))  # solved after the last message
        contacts.append({"id": tid, "channel": "email", "address": f"c{tid}@example.nl", "customer_id": None,
                         "unreachable": False, "created_at": activity - timedelta(days=1)})
        tickets.append({"id": tid, "contact_id": tid, "subject": "", "status": status, "priority": "normal",
                        "channel": "email",
                        "customer_id": customer, "created_at": activity, "updated_at": activity,
                        "last_activity_at": activity, "solved_at": solved, "version": 1})
        messages.append({"id": tid, "ticket_id": tid, "contact_id": tid, "direction": "in", "channel": "email",
                         "external_id": f"gen-{tid}@test", "text": "<PERSON_1> vroeg iets", "redactions": {},
                         "auto_submitted": False, "received_at": activity, "created_at": activity})
        if rng.random() < 0.02:
            live = rng.random() < 0.8
            holds.append({"ticket_id": tid, "basis": "financial", "created_by": "test", "created_at": NOW,
                          "retain_until": (NOW + timedelta(days=400)).date() if live
                          else (NOW - timedelta(days=1)).date()})
            if live:
                held.add(tid)
        closed = status in ("solved", "closed") and activity < cut2 and (solved is None or solved < cut2)
        customer_gone = customer is None or (customer in contract_end and contract_end[customer] < cut7)
        if closed and customer_gone:
            (held_listed if tid in held else ticket_deleted).add(tid)
        if rng.random() < 0.1:
            att_id += 1
            created = activity + timedelta(minutes=1)
            attachments.append({"id": att_id, "message_id": tid, "filename": None, "content_type": "image/png",
                                "size": 3, "sha256": "0" * 64, "content": b"png", "stored": True,
                                "created_at": created})
            if created < att_cut and tid not in held:
                attachments_deleted.add(att_id)
    audit_deleted = 0
    for i in range(500):
        at = NOW - timedelta(days=rng.uniform(0, 9 * 365))
        audits.append({"at": at, "actor": "system", "action": "login", "target_kind": "agent", "target_id": str(i),
                       "detail": {}})
        audit_deleted += at < NOW.replace(year=NOW.year - 7)
    with store.writing() as session:
        session.execute(insert(Customer), customers)
        session.execute(insert(retention.CustomerContract),
                        [{"customer_id": c, "ended_on": d, "updated_at": NOW} for c, d in contract_end.items()])
        for start in range(0, N_TICKETS, 5_000):
            session.execute(insert(Contact.__table__), contacts[start:start + 5_000])
            session.execute(insert(Ticket.__table__), tickets[start:start + 5_000])
            session.execute(insert(Message.__table__), messages[start:start + 5_000])
        session.execute(insert(Attachment.__table__), attachments)
        session.execute(insert(RetentionHold), holds)
        session.execute(insert(audit.AuditEntry), audits)
        if store.engine.dialect.name == "postgresql":
            for table in ("tickets", "messages", "attachments", "customers", "contacts"):
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
    return Generated(ticket_deleted, held_listed, attachments_deleted, audit_deleted, len(attachments), len(audits))


def _ids(store: TicketStore, column):  # type: ignore[no-untyped-def]
    with store.reading() as session:
        return set(session.scalars(select(column)))


def test_retention_on_10000_tickets_deletes_exactly_the_policy(ticket_store: TicketStore) -> None:
    t0 = time.perf_counter()
    gen = _generate(ticket_store)
    generated_in = time.perf_counter() - t0
    assert len(gen.ticket_deleted) > 1_000 and gen.held_listed and gen.attachments_deleted  # the data is varied
    policy = retention.RetentionPolicy(batch_size=100, pause_seconds=0.02)
    all_tickets = _ids(ticket_store, Ticket.id)
    all_attachments = _ids(ticket_store, Attachment.id)

    dry = retention.run(ticket_store, policy, now=NOW, actor="test")
    assert dry.dry_run
    assert dry.counts["former_customer_tickets"] + dry.counts["tickets_without_customer"] == len(gen.ticket_deleted)
    assert dry.counts["attachments"] == len(gen.attachments_deleted)
    assert dry.counts["audit_entries"] == gen.audit_deleted
    # each generated ticket has its own contact: it goes exactly when its ticket goes
    assert dry.counts["contacts_without_tickets"] == len(gen.ticket_deleted)
    assert set(dry.held_tickets) == {t + TICKET_NUMBER_OFFSET for t in gen.held_listed}
    # the dry run deleted nothing
    assert _ids(ticket_store, Ticket.id) == all_tickets
    assert _ids(ticket_store, Attachment.id) == all_attachments

    # intake submits while the run deletes: wait for its first batch, then submit
    intake = Intake(ticket_store, FakeScrubber())
    first_batch = threading.Event()
    result: dict[str, object] = {}

    def run() -> None:
        result["report"] = retention.run(ticket_store, policy, apply=True, now=NOW, actor="test",
                                         on_batch=lambda kind, n: first_batch.set())

    worker = threading.Thread(target=run)
    t1 = time.perf_counter()
    worker.start()
    assert first_batch.wait(60)
    submitted: list[float] = []
    while worker.is_alive() and len(submitted) < 5:
        s0 = time.perf_counter()
        outcome = intake.submit(InboundMessage(channel=Channel.EMAIL, external_id=f"during-{len(submitted)}@test",
                                               sender="new@example.nl", subject="Hallo", text="Mail 123456789"))
        assert outcome.status == "stored"
        submitted.append(time.perf_counter() - s0)
        still_running = worker.is_alive()
        time.sleep(0.1)
    worker.join(300)
    run_seconds = time.perf_counter() - t1
    assert submitted and still_running, "the run ended before intake could submit during it"
    report = result["report"]
    assert isinstance(report, retention.RetentionReport)
    print(f"\n[{ticket_store.engine.dialect.name}] generated {N_TICKETS} tickets in {generated_in:.1f}s; "
          f"run deleted {report.counts} in {run_seconds:.1f}s; {len(submitted)} submits during the run, "
          f"slowest {max(submitted) * 1000:.0f} ms")

    remaining_tickets = _ids(ticket_store, Ticket.id)
    new_tickets = remaining_tickets - all_tickets
    assert len(new_tickets) == len(submitted)
    assert remaining_tickets - new_tickets == all_tickets - gen.ticket_deleted
    assert report.counts["former_customer_tickets"] + report.counts["tickets_without_customer"] == len(
        gen.ticket_deleted)
    assert report.counts == dry.counts
    # attachments: the expired ones, plus those that went with their deleted ticket
    with ticket_store.reading() as session:
        att_left = set(session.execute(select(Attachment.id, Message.ticket_id).join(Message)).all())
    assert {a for a, _ in att_left} <= all_attachments - gen.attachments_deleted
    assert not {t for _, t in att_left} & gen.ticket_deleted
    assert {t for t in gen.held_listed} <= remaining_tickets
    # messages went with their tickets (ON DELETE CASCADE)
    with ticket_store.reading() as session:
        orphans = session.scalar(select(func.count()).select_from(Message).where(~Message.ticket_id.in_(
            select(Ticket.id))))
        runs = session.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.RETENTION_RUN)
                               .order_by(audit.AuditEntry.id)).all()
        old_audit = session.scalar(select(func.count()).select_from(audit.AuditEntry).where(
            audit.AuditEntry.at < NOW.replace(year=NOW.year - 7)))
    assert orphans == 0
    contacts_left = _ids(ticket_store, Contact.id)
    assert {c for c in contacts_left if c <= N_TICKETS} == set(range(1, N_TICKETS + 1)) - gen.ticket_deleted
    assert old_audit == 0
    assert [r.detail["dry_run"] for r in runs] == [True, False]
    assert runs[-1].detail["counts"] == report.counts
