"""Migration 0009 on a database written before it: clear Message-IDs, open outbox payloads and
unkeyed address digests are converted; SQLite's tickets table gets AUTOINCREMENT and keeps search."""

from __future__ import annotations

import hashlib
import json

from alembic import command
from sqlalchemy import text

from models import keys, migrate
from models.db import make_engine

NOW = "2026-01-01 00:00:00"


def test_existing_rows_are_converted(db_url: str) -> None:
    engine = make_engine(db_url)
    cfg = migrate.alembic_config(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO contacts (id, channel, address, unreachable, created_at) "
                          "VALUES (1, 'email', 'klaas@example.nl', false, :t)"), {"t": NOW})
        conn.execute(text("INSERT INTO tickets (id, subject, status, priority, channel, contact_id, created_at, "
                          "updated_at, last_activity_at, version) VALUES (1, 'Vraag', 'new', 'normal', 'email', 1, "
                          ":t, :t, :t, 1)"), {"t": NOW})
        conn.execute(text("INSERT INTO messages (id, ticket_id, direction, channel, external_id, subject, text, "
                          "redactions, in_reply_to, auto_submitted, received_at, created_at) VALUES (1, 1, 'in', "
                          "'email', 'bsn111222333@example.nl', 'Vraag', 'Hallo', '{}', 'prev.111222333@x', false, "
                          ":t, :t)"), {"t": NOW})
        for entry_id, status in ((1, "pending"), (2, "sent")):
            conn.execute(text("INSERT INTO outbox (id, channel, kind, payload, status, attempts, next_attempt_at, "
                              "created_at) VALUES (:i, 'email', 'reply', :p, :s, 0, :t, :t)"),
                         {"i": entry_id, "s": status, "t": NOW, "p": json.dumps({"to": "klaas@example.nl"})})
        conn.execute(text("INSERT INTO privacy_requests (id, types, state, source, channel, requester_address, "
                          "requester_digest, lang, received_at, due_on, first_due_on, evidence, details, "
                          "created_at, updated_at) VALUES (1, '[]', 'received', 'recognised', 'email', "
                          "'klaas@example.nl', :d, 'nl', :t, '2026-02-01', '2026-02-01', '{}', '{}', :t, :t)"),
                     {"t": NOW, "d": hashlib.sha256(b"klaas@example.nl").hexdigest()})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        external_id, in_reply_to, mail_ref = conn.execute(
            text("SELECT external_id, in_reply_to, mail_ref FROM messages")).one()
        assert external_id.startswith("mid:") and in_reply_to.startswith("mid:")
        assert keys.unseal(mail_ref, purpose="message-id") == b"bsn111222333@example.nl"
        payloads = dict(conn.execute(text("SELECT id, payload FROM outbox")).all())
        assert json.loads(keys.unseal(payloads[1], purpose="outbox")) == {"to": "klaas@example.nl"}
        assert json.loads(keys.unseal(payloads[2], purpose="outbox")) == {}  # sent: nothing kept
        digest = conn.execute(text("SELECT requester_digest FROM privacy_requests")).scalar_one()
        assert digest == keys.digest("address", "klaas@example.nl")
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'tickets'")).scalar_one() == 1
            assert conn.execute(text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH 'Vraag'")).all() == [(1,)]
    with engine.begin() as conn:  # the rebuilt table still feeds search and still cascades to its messages
        conn.execute(text("INSERT INTO tickets (id, subject, status, priority, channel, created_at, updated_at, "
                          "last_activity_at, version) VALUES (2, 'Nieuw', 'new', 'normal', 'email', :t, :t, :t, 1)"),
                     {"t": NOW})
        conn.execute(text("DELETE FROM tickets WHERE id = 1"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM messages")).scalar_one() == 0
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH 'Nieuw'")).all() == [(2,)]
    engine.dispose()
