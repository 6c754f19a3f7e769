"""the workspace agents want to live in (issue 21): senders, a timeline with actors, exact search by
address, agents' own settings, notifications, drafts and presence

- ``agents``: signature, language, landing view, single-key shortcuts on/off, notification settings;
- ``macros.updated_at`` (canned replies can be edited);
- ``messages.sender_name``: the sender's display name, scrubbed like the text;
- ``ticket_events.actor``: who did it (older events keep NULL: "not recorded");
- ``contacts.address_digest``: a keyed digest of the address (``models.keys``, purpose
  "contact-address"), filled here for existing contacts, so the exact search by address uses an index;
- ``notifications``, ``drafts`` (sealed text), ``presence``;
- SQLite: ``fts5vocab`` tables over the full-text indexes, so a search word is expanded to the indexed
  words with the same Dutch or English stem (``tickets.search``). PostgreSQL stems in its own indexes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-09 09:00:00
"""
import sqlalchemy as sa
from alembic import op

import models
from models import keys

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_VOCAB = (
    "CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, 'row')",
    "CREATE VIRTUAL TABLE ticket_fts_vocab USING fts5vocab(ticket_fts, 'row')",
)


def _address_digest(channel: str, address: str) -> str:
    # The same rule as tickets.store.address_digest (a migration must not import the app).
    value = address.strip().lower() if channel in ("email", "webform") else address.strip()
    return keys.digest("contact-address", value)


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signature', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('lang', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('landing_view', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('shortcuts', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('notify', sa.JSON(), server_default='{}', nullable=False))
    op.add_column('macros', sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=True))
    op.add_column('messages', sa.Column('sender_name', sa.Text(), nullable=True))
    op.add_column('ticket_events', sa.Column('actor', sa.String(length=128), nullable=True))
    op.add_column('contacts', sa.Column('address_digest', sa.String(length=64), nullable=True))
    op.create_index(op.f('ix_contacts_address_digest'), 'contacts', ['address_digest'], unique=False)
    rows = conn.execute(sa.text("SELECT id, channel, address FROM contacts")).all()
    if rows and not keys.installed():
        raise RuntimeError("migration 0011 computes keyed digests with the deployment key: run it through "
                           "`scrubdesk db upgrade` (which installs the key), not plain alembic")
    for row_id, channel, address in rows:
        conn.execute(sa.text("UPDATE contacts SET address_digest = :d WHERE id = :id"),
                     {"d": _address_digest(channel, address), "id": row_id})

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('ticket_id', _ID, nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=160), nullable=True),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_notifications_agent_id_agents'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_notifications_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_notifications_dedupe_key'))
    )
    op.create_index('ix_notifications_agent_unread', 'notifications', ['agent_id', 'read_at', 'id'], unique=False)
    op.create_index(op.f('ix_notifications_ticket_id'), 'notifications', ['ticket_id'], unique=False)

    op.create_table('drafts',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_drafts_agent_id_agents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_drafts_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', 'ticket_id', 'kind', name=op.f('pk_drafts'))
    )
    op.create_table('presence',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('typing', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('seen_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_presence_agent_id_agents'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_presence_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', 'ticket_id', name=op.f('pk_presence'))
    )
    op.create_index('ix_presence_ticket_seen', 'presence', ['ticket_id', 'seen_at'], unique=False)
    if conn.dialect.name == 'sqlite':
        for statement in _VOCAB:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TABLE IF EXISTS message_fts_vocab")
        op.execute("DROP TABLE IF EXISTS ticket_fts_vocab")
    op.drop_index('ix_presence_ticket_seen', table_name='presence')
    op.drop_table('presence')
    op.drop_table('drafts')
    op.drop_index(op.f('ix_notifications_ticket_id'), table_name='notifications')
    op.drop_index('ix_notifications_agent_unread', table_name='notifications')
    op.drop_table('notifications')
    op.drop_index(op.f('ix_contacts_address_digest'), table_name='contacts')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_column('address_digest')
    with op.batch_alter_table('ticket_events', schema=None) as batch_op:
        batch_op.drop_column('actor')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('sender_name')
    with op.batch_alter_table('macros', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
    with op.batch_alter_table('agents', schema=None) as batch_op:
        for column in ('notify', 'shortcuts', 'landing_view', 'lang', 'signature'):
            batch_op.drop_column(column)
