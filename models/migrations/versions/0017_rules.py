"""automation rules (issue 22); the event feed's cursors shared by every consumer

- ``rules``: the triggers' rules (trigger, position, enabled, conditions and actions as JSON, a time
  rule's wait);
- ``webhook_cursors.source`` and ``webhook_seen.source`` widen to 64 characters: the shared event feed
  (``tickets.event_feed``) keys them by consumer and source table (``rules:messages``); the webhooks'
  rows keep their plain table names;
- the rules consumer's cursor starts at the highest message id already there, so an upgrade applies
  rules to what happens from now on, not to the history.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 08:20:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('trigger', sa.String(length=24), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('conditions', sa.JSON(), nullable=False),
    sa.Column('actions', sa.JSON(), nullable=False),
    sa.Column('wait_minutes', sa.Integer(), nullable=True),
    sa.Column('since', sa.String(length=24), nullable=True),
    sa.Column('business_time', sa.Boolean(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rules'))
    )
    for table in ('webhook_cursors', 'webhook_seen'):
        with op.batch_alter_table(table) as batch:
            batch.alter_column('source', existing_type=sa.String(length=16), type_=sa.String(length=64),
                               existing_nullable=False)
    bind = op.get_bind()
    highest = bind.execute(sa.text('SELECT MAX(id) FROM messages')).scalar()
    op.bulk_insert(sa.table('webhook_cursors', sa.column('source', sa.String), sa.column('position', sa.BigInteger),
                            sa.column('updated_at', models.UTCDateTime(timezone=True))),
                   [{'source': 'rules:messages', 'position': int(highest or 0), 'updated_at': models.utcnow()}])


def downgrade() -> None:
    op.execute("DELETE FROM webhook_seen WHERE source LIKE '%:%'")
    op.execute("DELETE FROM webhook_cursors WHERE source LIKE '%:%'")
    for table in ('webhook_seen', 'webhook_cursors'):
        with op.batch_alter_table(table) as batch:
            batch.alter_column('source', existing_type=sa.String(length=64), type_=sa.String(length=16),
                               existing_nullable=False)
    op.drop_table('rules')
