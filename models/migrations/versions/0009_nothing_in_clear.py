"""nothing in clear at rest: Message-IDs as keyed digests, sealed outbox payloads, keyed address
digests, ticket numbers never reused, the deployment key's check value

Existing rows are converted with the deployment key (``models.keys``, installed by ``app`` before
it upgrades): e-mail Message-IDs become ``mid:`` digests with the id itself sealed beside them,
outbox payloads are sealed (and emptied once sent or given up), requesters' address digests become
keyed where the address is still known. SQLite's ``tickets`` table is rebuilt with AUTOINCREMENT
(its full-text triggers are rebuilt with it); PostgreSQL's sequence never reused numbers.

The transformations are written out here rather than imported from the code that does the same
today, so this revision keeps doing what it did when the code moves on.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:10:00
"""
import hashlib
import json

import sqlalchemy as sa
from alembic import op

from models import keys

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_TICKET_FTS_TRIGGERS = (
    "CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN "
    "INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject); END",
    "CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN "
    "INSERT INTO ticket_fts(ticket_fts, rowid, subject) VALUES ('delete', old.id, old.subject); END",
    "CREATE TRIGGER ticket_fts_au AFTER UPDATE OF subject ON tickets BEGIN "
    "INSERT INTO ticket_fts(ticket_fts, rowid, subject) VALUES ('delete', old.id, old.subject); "
    "INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject); END",
)


def _mail_key(message_id: str) -> str:
    return "mid:" + keys.digest("message-id", message_id.strip().strip("<>").strip())


def _address_digest(address: str) -> str:
    return keys.digest("address", address.strip().lower())


def _require_key(conn: sa.Connection, query: str) -> None:
    if conn.execute(sa.text(query)).first() is not None and not keys.installed():
        raise RuntimeError("migration 0009 converts stored values with the deployment key: run it through "
                           "`scrubdesk db upgrade` (which installs the key), not plain alembic")


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    op.create_table('deployment_settings',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_deployment_settings'))
    )
    op.add_column('messages', sa.Column('mail_ref', sa.Text(), nullable=True))
    if sqlite:
        # Only a rebuild gives a SQLite table AUTOINCREMENT; dropping the old table drops its triggers.
        with op.batch_alter_table('tickets', recreate='always', table_kwargs={'sqlite_autoincrement': True}):
            pass
        for statement in _TICKET_FTS_TRIGGERS:
            op.execute(statement)
        with op.batch_alter_table('outbox', recreate='always') as batch_op:
            batch_op.alter_column('payload', type_=sa.Text(), existing_nullable=False)
    else:
        op.alter_column('outbox', 'payload', type_=sa.Text(), postgresql_using='payload::text',
                        existing_nullable=False)
    _convert_message_ids(conn)
    _seal_outbox(conn)
    _key_address_digests(conn)


def _convert_message_ids(conn: sa.Connection) -> None:
    _require_key(conn, "SELECT 1 FROM messages WHERE channel = 'email' AND external_id NOT LIKE 'mid:%' LIMIT 1")
    rows = conn.execute(sa.text(
        "SELECT id, external_id, in_reply_to FROM messages WHERE channel = 'email' AND external_id NOT LIKE 'mid:%'"
    )).all()
    for row_id, external_id, in_reply_to in rows:
        ref = None if external_id.startswith("sha256:") else keys.seal(external_id.encode(), purpose="message-id")
        conn.execute(sa.text("UPDATE messages SET external_id = :e, mail_ref = :r, in_reply_to = :i WHERE id = :id"),
                     {"e": _mail_key(external_id), "r": ref, "id": row_id,
                      "i": _mail_key(in_reply_to) if in_reply_to and not in_reply_to.startswith("mid:") else in_reply_to})
    events = conn.execute(sa.text(
        "SELECT id, dedupe_key FROM ticket_events WHERE dedupe_key LIKE 'email:%' AND dedupe_key NOT LIKE 'email:mid:%'"
    )).all()
    for row_id, key in events:
        conn.execute(sa.text("UPDATE ticket_events SET dedupe_key = :k WHERE id = :id"),
                     {"k": "email:" + _mail_key(key[len("email:"):]), "id": row_id})


def _seal_outbox(conn: sa.Connection) -> None:
    _require_key(conn, "SELECT 1 FROM outbox WHERE payload NOT LIKE 's1:%' LIMIT 1")
    for row_id, payload, status in conn.execute(sa.text(
            "SELECT id, payload, status FROM outbox WHERE payload NOT LIKE 's1:%'")).all():
        # Sent or given up: nothing of it is needed any more (the ticket's thread keeps the record).
        value = json.loads(payload) if status in ("pending", "sending") else {}
        conn.execute(sa.text("UPDATE outbox SET payload = :p WHERE id = :id"),
                     {"p": keys.seal(json.dumps(value, separators=(",", ":")).encode(), purpose="outbox"),
                      "id": row_id})


def _key_address_digests(conn: sa.Connection) -> None:
    _require_key(conn, "SELECT 1 FROM privacy_requests LIMIT 1")
    for row_id, address in conn.execute(sa.text("SELECT id, requester_address FROM privacy_requests")).all():
        # An erased requester's address is gone; an unkeyed digest of it must not stay behind either.
        value = _address_digest(address) if address else hashlib.sha256(f"erased:{row_id}".encode()).hexdigest()
        conn.execute(sa.text("UPDATE privacy_requests SET requester_digest = :d WHERE id = :id"),
                     {"d": value, "id": row_id})
    for row_id, address in conn.execute(sa.text(
            "SELECT s.id, r.requester_address FROM marketing_suppressions s "
            "JOIN privacy_requests r ON r.id = s.request_id WHERE r.requester_address IS NOT NULL")).all():
        conn.execute(sa.text("UPDATE marketing_suppressions SET address_digest = :d WHERE id = :id"),
                     {"d": _address_digest(address), "id": row_id})


def downgrade() -> None:
    raise NotImplementedError("0009 converts values with a one-way digest; restore a backup to go back")
