"""Server time of the agents' queue and search at 200,000 tickets, on SQLite and PostgreSQL.

Generates tickets (one or two messages each, Dutch/English support vocabulary with placeholders)
with bulk inserts into a fresh database migrated to head, then times what the queue page and the
API do per request: the view query, the counts per view, a deep page through the keyset cursor,
the due-time order, and full-text search; plus the whole rendered page through the app. Prints the
median and the 95th percentile in milliseconds (target: under 100 ms per page).

    .venv/bin/python bench/queue_views.py                       # SQLite, 200,000 tickets
    .venv/bin/python bench/queue_views.py --pg postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/queue_views.py --tickets 20000 --no-sqlite --pg ...
"""

# ruff: noqa: E402  (the path fix below must run before the other imports)
from __future__ import annotations

import sys

# This file is named like the standard library's ``queue``; keep its directory off the import path so
# that ``import queue`` (anyio, concurrent.futures) finds the real one, and import the repo instead.
sys.path[0] = str(__import__("pathlib").Path(__file__).resolve().parent.parent)

import argparse
import itertools
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert, select, text

from models import Agent, Contact, Customer, Message, Ticket, TicketDue, keys, migrate, ticket_number
from models.db import make_engine
from tests.support.scratch_schema import scratch_schema
from tickets import presence, queue, search
from tickets.store import TicketStore, address_digest
from web.app import create_app

_PROSE = (
    "website offline foutmelding factuur betaling domein verhuizen mailbox wachtwoord inloggen dns record "
    "certificaat ssl backup database trage webshop wordpress plugin update hosting pakket upgrade opzeggen "
    "contract mail komt niet aan spam filter doorsturen alias server storing vraag graag snel mogelijk "
    "invoice payment domain transfer password login slow error certificate renewal backup restore email "
    "bounce forwarding nameserver php version memory limit cronjob ftp account access denied timeout"
)
WORDS = _PROSE.split()
PLACEHOLDERS = ["<PERSON_1>", "<EMAIL_ADDRESS_1>", "<PHONE_NUMBER_1>", "<IBAN_1>", "<ADDRESS_1>"]
STATUSES = [("new", 3), ("open", 7), ("pending", 5), ("solved", 25), ("closed", 60)]
CHANNELS = [("email", 70), ("telegram", 15), ("whatsapp", 10), ("webform", 5)]
PRIORITIES = [("normal", 80), ("low", 8), ("high", 10), ("urgent", 2)]
AGENTS = 20
CHUNK = 10_000


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


# Real text follows Zipf's law: a few words are everywhere, most are rare. The support words above get
# the top ranks, thousands of filler words the tail, so a search for "factuur" hits a realistic share.
VOCABULARY = WORDS + [f"w{i}" for i in range(20_000)]
ZIPF = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(VOCABULARY))))


def _text(rng: random.Random, n: int) -> str:
    words = rng.choices(VOCABULARY, cum_weights=ZIPF, k=n)
    for _ in range(rng.randint(0, 2)):
        words.insert(rng.randrange(len(words)), rng.choice(PLACEHOLDERS))
    return " ".join(words)


def _customer_of(contact_id: int) -> int | None:
    """Every tenth contact (by id) belongs to a customer of the directory."""
    return (contact_id - 1) // 10 if (contact_id - 1) % 10 == 0 and contact_id > 1 else None


def populate(engine: Engine, n: int, seed: int = 42) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        # One customer in the directory per ten contacts; the contacts carry their address digest as
        # intake writes it, so the exact search by address goes through its index.
        conn.execute(insert(Customer), [{"number": f"C{i:06d}", "name": f"Klant {i}", "created_at": now,
                                         "updated_at": now} for i in range(1, n // 40 + 1)])
        contacts = [{"channel": "email", "address": f"klant{i}@example.nl", "unreachable": False, "created_at": now,
                     "address_digest": address_digest("email", f"klant{i}@example.nl"),
                     "customer_id": _customer_of(i + 1)}
                    for i in range(n // 4)]
        conn.execute(insert(Contact), contacts)
    store = TicketStore(engine)
    with store.writing() as session:
        for i in range(AGENTS):
            session.add(Agent(username=f"agent{i}", display_name=f"Agent {i}", role="agent",
                                       password_hash="x", active=True))
    ticket_id = message_id = 0
    for start in range(0, n, CHUNK):
        tickets, messages, dues = [], [], []
        for _ in range(min(CHUNK, n - start)):
            ticket_id += 1
            status = _pick(rng, STATUSES)
            at = now - timedelta(minutes=rng.randint(0, 365 * 24 * 60))
            assignee = rng.randint(1, AGENTS) if status != "new" and rng.random() < 0.7 else None
            contact = rng.randint(1, n // 4)
            tickets.append({"id": ticket_id, "subject": _text(rng, rng.randint(3, 6)), "status": status,
                            "priority": _pick(rng, PRIORITIES), "channel": _pick(rng, CHANNELS),
                            "contact_id": contact, "assignee_id": assignee,
                            "customer_id": _customer_of(contact), "created_at": at,
                            "updated_at": at, "last_activity_at": at, "version": 1})
            for _ in range(rng.choice((1, 1, 2))):
                message_id += 1
                messages.append({"id": message_id, "ticket_id": ticket_id, "direction": "in", "channel": "email",
                                 "external_id": f"{uuid.UUID(int=rng.getrandbits(128))}@bench",
                                 "text": _text(rng, rng.randint(20, 60)), "redactions": {},
                                 "auto_submitted": False, "received_at": at, "created_at": at})
            if status in ("new", "open"):
                dues.append({"ticket_id": ticket_id, "due_at": at + timedelta(hours=24)})
        with engine.begin() as conn:
            conn.execute(insert(Ticket), tickets)
            conn.execute(insert(Message), messages)
            if dues:
                conn.execute(insert(TicketDue), dues)
    if engine.dialect.name == "postgresql":
        # What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
        # counts use index-only scans.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm the caches once
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def bench(label: str, engine: Engine, n: int, runs: int) -> None:
    t0 = time.perf_counter()
    populate(engine, n)
    print(f"\n{label}: {n:,} tickets generated and indexed in {time.perf_counter() - t0:.1f} s")
    store = TicketStore(engine)
    with store.reading() as session:
        deep_cursor = None
        for _ in range(50):  # page 51 of the busiest view
            deep_cursor = queue.list_queue(session, queue.View.ALL, cursor=deep_cursor, limit=50).next_cursor

    def q(view: queue.View, **kw: Any) -> Callable[[], Any]:
        def run() -> Any:
            with store.reading() as session:
                return queue.list_queue(session, view, agent_id=3, **kw)
        return run

    def counts() -> Any:
        with store.reading() as session:
            return queue.counts(session, agent_id=3)

    def find(words: str) -> Callable[[], Any]:
        def run() -> Any:
            with store.reading() as session:
                ids = search.matching_ticket_ids(session, words)
                return queue.list_queue(session, queue.View.ALL, ticket_ids=ids)
        return run

    def find_page(query: str) -> Callable[[], Any]:
        """What the search box does: every kind of match, the page, its requester/preview and snippets."""
        def run() -> Any:
            with store.reading() as session:
                found = search.find(session, query)
                page = queue.list_queue(session, queue.View.ALL, ticket_ids=found.ticket_ids)
                queue.enrich(session, page.rows)
                search.add_snippets(session, page.rows, found)
                assert page.rows, query
                return page
        return run

    def live() -> Any:
        with store.reading() as session:
            return presence.changes(session, 3)

    with store.reading() as session:
        hits_common = len(search.matching_ticket_ids(session, "factuur"))
        hits_rare = len(search.matching_ticket_ids(session, "w1234"))
        linked = session.execute(select(Ticket.id, Contact.address, Customer.number)
                                 .join(Contact, Contact.id == Ticket.contact_id)
                                 .join(Customer, Customer.id == Ticket.customer_id)
                                 .where(Ticket.id > n // 2).order_by(Ticket.id).limit(1)).one()
    app = create_app(store, lambda: "bench-token")
    client = TestClient(app)
    headers = {"Authorization": "Bearer bench-token"}

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("view open, page 1", q(queue.View.OPEN)),
        ("view new, page 1", q(queue.View.NEW)),
        ("view solved, page 1", q(queue.View.SOLVED)),
        ("view mine (agent 3)", q(queue.View.MINE)),
        ("view unassigned", q(queue.View.UNASSIGNED)),
        ("view all, channel telegram", q(queue.View.ALL, channel="telegram")),
        ("view all, page 51 (keyset)", q(queue.View.ALL, cursor=deep_cursor)),
        ("view open, sort by due", q(queue.View.OPEN, sort=queue.Sort.DUE)),
        ("counts of all views", counts),
        (f"search 'factuur' ({hits_common:,} hits, cap {search.MAX_MATCHES})", find("factuur")),
        (f"search 'w1234' ({hits_rare:,} hits)", find("w1234")),
        ("search 'timeout denied' (two words)", find("timeout denied")),
        ("search box: a ticket number", find_page(str(ticket_number(linked[0])))),
        ("search box: a contact address (keyed digest)", find_page(linked[1])),
        ("search box: a customer number", find_page(linked[2])),
        ("search box: 'facturen' (stemmed, snippets)", find_page("facturen")),
        ("search box: 'inloggen wachtwoord' (snippets)", find_page("inloggen wachtwoord")),
        ("live marker (one query per agent per poll)", live),
        ("API /api/tickets?view=open (whole request)",
         lambda: client.get("/api/tickets", params={"view": "open"}, headers=headers).raise_for_status()),
        ("API /api/tickets?q=wachtwoord (whole request)",
         lambda: client.get("/api/tickets", params={"q": "wachtwoord"}, headers=headers).raise_for_status()),
    ]
    print(f"{'case':<58} {'median ms':>10} {'p95 ms':>8}")
    for name, fn in cases:
        median, p95 = timed(fn, runs)
        flag = "" if p95 < 100 else "  > 100 ms"
        print(f"{name:<58} {median:>10.1f} {p95:>8.1f}{flag}")


def main() -> None:
    keys.install(os.urandom(32))  # what app.core does from the data directory
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pg", help="PostgreSQL URL (a throw-away schema is created in it)")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
            migrate.upgrade(engine)
            bench("SQLite", engine, args.tickets, args.runs)
            engine.dispose()
    if args.pg:
        with scratch_schema(args.pg, "bench") as url:
            engine = make_engine(url)
            migrate.upgrade(engine)
            bench("PostgreSQL", engine, args.tickets, args.runs)
            engine.dispose()


if __name__ == "__main__":
    main()
