"""A generated ticket store for the reports (issue 22): seeded random tickets, messages, attachments and
privacy requests written with bulk Core inserts, and the very rows it wrote returned as plain Python,
so a test (or ``bench/reports.py``) can count the figures independently of the SQL under test.

Whole seconds everywhere, so durations are exact on both backends. Some tickets carry the awkward
cases of the definitions in ``tickets.reports``: an agent's message before the first inbound one (does
not count as the first response), notes and automatic acknowledgements (never a response), tickets
never answered, requests extended or closed late.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from models import Agent, Attachment, Message, PrivacyRequest, Ticket
from models.mailboxes import Mailbox
from models.reports import rebuild
from privacy import deadline

CHANNELS = (("email", 60), ("telegram", 15), ("whatsapp", 10), ("webform", 15))
STATUSES = (("new", 5), ("open", 8), ("pending", 7), ("solved", 30), ("closed", 50))
ENTITY_TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN", "ADDRESS", "NATIONAL_ID", "NUMBER")
REQUEST_TYPES = ("access", "erasure", "rectification", "restriction", "portability", "objection", "complaint")
FINAL = ("fulfilled", "refused", "withdrawn")


@dataclass
class Generated:
    """What was written, as the dicts handed to the inserts (ids included)."""

    now: datetime
    agent_ids: list[int]
    mailbox_ids: list[int] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _redactions(rng: random.Random) -> dict[str, int]:
    if rng.random() < 0.45:
        return {}
    return {kind: rng.randint(1, 3) for kind in rng.sample(ENTITY_TYPES, rng.randint(1, 3))}


class _Ids:
    def __init__(self, engine: Engine) -> None:
        with engine.connect() as conn:
            self.next = {table: (conn.scalar(select(func.max(table.id))) or 0) + 1
                         for table in (Ticket, Message, Attachment, PrivacyRequest)}

    def take(self, table: Any) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


def _message(gen: Generated, ids: _Ids, ticket: dict[str, Any], direction: str, at: datetime, *,
             auto: bool = False, author: int | None = None, redactions: dict[str, int] | None = None) -> dict[str, Any]:
    row = {"id": ids.take(Message), "ticket_id": ticket["id"], "direction": direction,
           "channel": "note" if direction == "note" else ticket["channel"], "external_id": "",
           "text": "generated", "redactions": redactions or {}, "auto_submitted": auto, "author_id": author,
           "received_at": at, "created_at": at}
    row["external_id"] = f"gen-{row['id']}"
    gen.messages.append(row)
    return row


def _inbound(gen: Generated, ids: _Ids, rng: random.Random, ticket: dict[str, Any], at: datetime) -> None:
    msg = _message(gen, ids, ticket, "in", at, redactions=_redactions(rng))
    if rng.random() < 0.15:
        red: dict[str, int] | None = _redactions(rng) if rng.random() < 0.8 else None
        gen.attachments.append({"id": ids.take(Attachment), "message_id": msg["id"], "content_type": "text/plain",
                                "size": 10, "sha256": "0" * 64, "stored": False, "redactions": red,
                                "created_at": at})


def _ticket(gen: Generated, ids: _Ids, rng: random.Random, days: int) -> None:
    created = gen.now - timedelta(seconds=rng.randint(0, days * 86400))
    status = _pick(rng, STATUSES)
    assignee = rng.choice(gen.agent_ids) if rng.random() < 0.8 else None
    ticket = {"id": ids.take(Ticket), "subject": "generated", "status": status, "priority": "normal",
              "channel": _pick(rng, CHANNELS), "assignee_id": assignee, "created_at": created,
              "updated_at": created, "last_activity_at": created, "solved_at": None, "version": 1}
    gen.tickets.append(ticket)
    if rng.random() < 0.03:  # an agent wrote first (a call-back): not a response to the customer
        _message(gen, ids, ticket, "out", created - timedelta(seconds=rng.randint(60, 7200)), author=assignee)
    _inbound(gen, ids, rng, ticket, created)
    at = created
    if ticket["channel"] == "email":
        _message(gen, ids, ticket, "out", at + timedelta(seconds=5), auto=True)
    if rng.random() < 0.2:
        _message(gen, ids, ticket, "note", at + timedelta(seconds=rng.randint(10, 600)), author=assignee)
    if status != "new" and rng.random() < 0.9:
        at += timedelta(seconds=int(rng.expovariate(1 / 14400)) + 1)
        _message(gen, ids, ticket, "out", at, author=assignee)
        if rng.random() < 0.3:
            at += timedelta(seconds=rng.randint(600, 86400))
            _inbound(gen, ids, rng, ticket, at)
            at += timedelta(seconds=rng.randint(60, 20000))
            _message(gen, ids, ticket, "out", at, author=assignee)
    if status in ("solved", "closed"):
        ticket["solved_at"] = at + timedelta(seconds=rng.randint(60, 5 * 86400))
    if rng.random() < 0.02:
        _request(gen, ids, rng, ticket)


def _request(gen: Generated, ids: _Ids, rng: random.Random, ticket: dict[str, Any]) -> None:
    received: datetime = ticket["created_at"]
    due = deadline.first_deadline(deadline.received_on(received))
    row: dict[str, Any] = {
        "id": ids.take(PrivacyRequest), "ticket_id": ticket["id"], "channel": ticket["channel"],
        "types": rng.sample(REQUEST_TYPES, rng.choice((1, 1, 1, 2))), "state": "in_progress",
        "source": "recognised", "requester_digest": "0" * 64, "lang": "nl", "received_at": received,
        "due_on": due, "first_due_on": due, "evidence": {}, "details": {}, "created_at": received,
        "updated_at": received, "closed_at": None}
    if rng.random() < 0.15:
        row["due_on"] = deadline.extended_deadline(deadline.received_on(received))
    if rng.random() < 0.75:
        row["state"] = rng.choice(FINAL)
        late = rng.random() < 0.2
        local_due = datetime.combine(row["due_on"], datetime.min.time(), deadline.OPERATOR_TZ)
        # Closed on the due day itself (23:30 local) is in time; the day after is late.
        closed = (local_due + timedelta(days=1, minutes=30) if late
                  else received + (local_due + timedelta(hours=23, minutes=30) - received) * rng.random())
        row["closed_at"] = closed.astimezone(UTC).replace(microsecond=0)
    gen.requests.append(row)


def generate(engine: Engine, tickets: int, *, seed: int = 22, days: int = 365, agents: int = 8,
             now: datetime | None = None, chunk: int = 10_000) -> Generated:
    """Write ``tickets`` tickets created over the last ``days`` days (and their messages, attachments and
    privacy requests) into the migrated store behind ``engine``; returns exactly what was written."""
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    with engine.begin() as conn:
        first = (conn.scalar(select(func.max(Agent.id))) or 0) + 1
        conn.execute(insert(Agent), [{"id": first + i, "username": f"gen{seed}-{first + i}", "password_hash": "x",
                                      "display_name": f"Agent {i + 1}", "role": "agent", "active": True,
                                      "shortcuts": True, "notify": {}, "created_at": now,
                                      "password_changed_at": now} for i in range(agents)])
        # Two mailboxes; a quarter of the tickets has none (the default identity). A generator of its own,
        # so the tickets themselves are the same as before mailboxes existed.
        boxes = (conn.scalar(select(func.max(Mailbox.id))) or 0) + 1
        conn.execute(insert(Mailbox), [{"id": boxes + i, "name": f"Mailbox {seed}-{boxes + i}",
                                        "sender_address": f"box{boxes + i}@example.nl", "sender_name": "Support",
                                        "active": True, "created_at": now, "updated_at": now} for i in range(2)])
    gen = Generated(now=now, agent_ids=list(range(first, first + agents)), mailbox_ids=[boxes, boxes + 1])
    boxes_rng = random.Random(seed + 1)
    ids = _Ids(engine)
    written = {"t": 0, "m": 0, "a": 0, "r": 0}
    for start in range(0, tickets, chunk):
        for _ in range(min(chunk, tickets - start)):
            _ticket(gen, ids, rng, days)
            gen.tickets[-1]["mailbox_id"] = boxes_rng.choice([None, *gen.mailbox_ids, gen.mailbox_ids[0]])
        with engine.begin() as conn:
            for key, table, rows in (("t", Ticket, gen.tickets), ("m", Message, gen.messages),
                                     ("a", Attachment, gen.attachments), ("r", PrivacyRequest, gen.requests)):
                if rows[written[key]:]:
                    conn.execute(insert(table), rows[written[key]:])
                written[key] = len(rows)
    _after_load(engine)
    return gen


def _after_load(engine: Engine) -> None:
    """The report summary (bulk Core inserts bypass the ORM hook that keeps it: rebuilt as migration
    0019 backfills it), sequences past the explicit ids (PostgreSQL), and statistics as autovacuum would
    soon gather them."""
    with engine.begin() as conn:
        rebuild(conn)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in ("agents", "mailboxes", "tickets", "messages", "attachments", "privacy_requests"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 1) FROM {table}))"))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def local_day(at: datetime) -> date:
    return at.astimezone(deadline.OPERATOR_TZ).date()
