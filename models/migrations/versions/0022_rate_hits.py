"""rate_hits: the public pages' per-client rate limits counted in the database

The web form, the privacy desk's verification and download links and the satisfaction rating counted
their per-client limits in each process's memory; several ``serve`` processes each allowed the whole rate
and a restart forgot the count. ``rate_hits`` holds one row per counted hit: the bucket, a keyed digest of
the client address (never the address), the time (``tickets.rate_limits``). Nothing is backfilled.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 17:15:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rate_hits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_hits'))
    )
    op.create_index('ix_rate_hits_bucket_key_at', 'rate_hits', ['bucket', 'key', 'at'], unique=False)
    op.create_index('ix_rate_hits_bucket_at', 'rate_hits', ['bucket', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_rate_hits_bucket_at', table_name='rate_hits')
    op.drop_index('ix_rate_hits_bucket_key_at', table_name='rate_hits')
    op.drop_table('rate_hits')
