"""agents' workspace: agents, sessions, API tokens, macros, due times, auto-acks, queue and search indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:45:00

Written by hand (parallel feature branches of the schema). Full-text search: SQLite gets FTS5
external-content tables kept in step by triggers; PostgreSQL gets a generated ``search_vector``
column (Dutch and English lexemes) with a GIN index on messages and tickets. These exist only in
the database, not in the ORM models: autogenerate would propose dropping them, so do not accept that.
"""
from alembic import op
import sqlalchemy as sa
import models


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')

_SQLITE_FTS = [
    # unicode61 with diacritics removed: "cafe" finds "café"; placeholders (<PERSON_1>) stay searchable.
    "CREATE VIRTUAL TABLE ticket_fts USING fts5(subject, content='tickets', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE message_fts USING fts5(text, content='messages', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN "
    "INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject); END",
    "CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN "
    "INSERT INTO ticket_fts(ticket_fts, rowid, subject) VALUES ('delete', old.id, old.subject); END",
    "CREATE TRIGGER ticket_fts_au AFTER UPDATE OF subject ON tickets BEGIN "
    "INSERT INTO ticket_fts(ticket_fts, rowid, subject) VALUES ('delete', old.id, old.subject); "
    "INSERT INTO ticket_fts(rowid, subject) VALUES (new.id, new.subject); END",
    "CREATE TRIGGER message_fts_ai AFTER INSERT ON messages BEGIN "
    "INSERT INTO message_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER message_fts_ad AFTER DELETE ON messages BEGIN "
    "INSERT INTO message_fts(message_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER message_fts_au AFTER UPDATE OF text ON messages BEGIN "
    "INSERT INTO message_fts(message_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO message_fts(rowid, text) VALUES (new.id, new.text); END",
    # Rows that existed before this migration.
    "INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')",
    "INSERT INTO message_fts(message_fts) VALUES ('rebuild')",
]

# A stored tsvector per row with both configurations' lexemes (Dutch and English stems side by side),
# queried with (to_tsquery('dutch', q) || to_tsquery('english', q)). Stored rather than an expression
# index so that "newest matches first" can walk the primary key backwards and test each row cheaply:
# a common word then costs a few ms instead of fetching every matching row (bench/queue.py).
_PG_FTS = [
    "ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('dutch'::regconfig, text) || to_tsvector('english'::regconfig, text)) STORED",
    "CREATE INDEX ix_messages_search_vector ON messages USING gin (search_vector)",
    "ALTER TABLE tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('dutch'::regconfig, subject) || to_tsvector('english'::regconfig, subject)) STORED",
    "CREATE INDEX ix_tickets_search_vector ON tickets USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table('agents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('role', sa.Enum('agent', 'privacy_officer', 'admin', name='role', native_enum=False, length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('password_changed_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agents')),
    sa.UniqueConstraint('username', name=op.f('uq_agents_username'))
    )
    op.create_table('agent_sessions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_agent_sessions_agent_id_agents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_sessions'))
    )
    with op.batch_alter_table('agent_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_sessions_agent_id'), ['agent_id'], unique=False)

    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_api_tokens_agent_id_agents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_agent_id'), ['agent_id'], unique=False)

    op.create_table('macros',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_macros'))
    )
    op.create_table('ticket_due',
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('due_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_due_ticket_id_tickets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_ticket_due'))
    )
    with op.batch_alter_table('ticket_due', schema=None) as batch_op:
        batch_op.create_index('ix_ticket_due_due', ['due_at', 'ticket_id'], unique=False)

    op.create_table('auto_acks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_auto_acks_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auto_acks'))
    )
    with op.batch_alter_table('auto_acks', schema=None) as batch_op:
        batch_op.create_index('ix_auto_acks_contact_created', ['contact_id', 'created_at'], unique=False)

    # Plain CREATE INDEX (no batch table rebuild): the tickets table may already be large.
    op.create_index('ix_tickets_assignee_status_activity', 'tickets', ['assignee_id', 'status', 'last_activity_at', 'id'])
    op.create_index('ix_tickets_channel_status_activity', 'tickets', ['channel', 'status', 'last_activity_at', 'id'])
    op.create_index('ix_tickets_activity', 'tickets', ['last_activity_at', 'id'])

    statements = _SQLITE_FTS if op.get_bind().dialect.name == 'sqlite' else _PG_FTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('ticket_fts_ai', 'ticket_fts_ad', 'ticket_fts_au', 'message_fts_ai', 'message_fts_ad',
                     'message_fts_au'):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS ticket_fts")
        op.execute("DROP TABLE IF EXISTS message_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_messages_search_vector")
        op.execute("DROP INDEX IF EXISTS ix_tickets_search_vector")
        op.execute("ALTER TABLE messages DROP COLUMN IF EXISTS search_vector")
        op.execute("ALTER TABLE tickets DROP COLUMN IF EXISTS search_vector")
    op.drop_index('ix_tickets_activity', table_name='tickets')
    op.drop_index('ix_tickets_channel_status_activity', table_name='tickets')
    op.drop_index('ix_tickets_assignee_status_activity', table_name='tickets')
    op.drop_table('auto_acks')
    op.drop_table('ticket_due')
    op.drop_table('macros')
    op.drop_table('api_tokens')
    op.drop_table('agent_sessions')
    op.drop_table('agents')
