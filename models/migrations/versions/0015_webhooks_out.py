"""outgoing webhooks and their delivery cursor (issue 22)

- ``webhook_endpoints``: where signed POSTs go; the URL and the HMAC secret sealed (models.keys), and the
  last attempt's outcome in words for the admin page;
- ``webhook_cursors``: the dispatcher's low-water mark per source table (``messages``,
  ``ticket_events``). Set here to the highest id already there, so an upgrade announces what happens
  from now on and does not replay the history to a first endpoint;
- ``webhook_seen``: ids above the mark already handled (ids can commit out of order on PostgreSQL).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 07:20:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('webhook_endpoints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('url', models.SealedText('webhook-url'), nullable=False),
    sa.Column('secret', models.SealedText('webhook-secret'), nullable=False),
    sa.Column('format', sa.Enum('json', 'slack', name='webhookformat', native_enum=False, length=8),
              nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('include_text', sa.Boolean(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('last_result', sa.String(length=120), nullable=True),
    sa.Column('last_attempt_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_endpoints'))
    )
    cursors = op.create_table('webhook_cursors',
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('position', _ID, nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('source', name=op.f('pk_webhook_cursors'))
    )
    op.create_table('webhook_seen',
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('row_id', _ID, nullable=False),
    sa.Column('seen_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('source', 'row_id', name=op.f('pk_webhook_seen'))
    )
    bind = op.get_bind()
    now = models.utcnow()
    rows = []
    for table in ('messages', 'ticket_events'):
        highest = bind.execute(sa.text(f'SELECT MAX(id) FROM {table}')).scalar()  # noqa: S608 (fixed names)
        rows.append({'source': table, 'position': int(highest or 0), 'updated_at': now})
    op.bulk_insert(cursors, rows)


def downgrade() -> None:
    op.drop_table('webhook_seen')
    op.drop_table('webhook_cursors')
    op.drop_table('webhook_endpoints')
