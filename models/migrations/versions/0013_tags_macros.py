"""tags on tickets and macros that act (issue 22, first slice)

- ``tags``: the team's vocabulary, names in a safe charset (``tickets.tags.normalize``);
- ``ticket_tags``: which ticket carries which tag, indexed by tag for the queue's filter;
- ``macros.actions``: what a macro does besides its text (status, priority, assignee, tags to add and
  remove), ``macros.reply_mode``: "insert" (into the reply box) or "send". Existing canned replies keep
  no actions and "insert", which is what they did.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-11 09:00:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('ticket_tags',
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_ticket_tags_tag_id_tags'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_tags_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', 'tag_id', name=op.f('pk_ticket_tags'))
    )
    op.create_index('ix_ticket_tags_tag_ticket', 'ticket_tags', ['tag_id', 'ticket_id'], unique=False)
    with op.batch_alter_table('macros', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actions', sa.JSON(), server_default='{}', nullable=False))
        batch_op.add_column(sa.Column('reply_mode', sa.String(length=8), server_default='insert', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('macros', schema=None) as batch_op:
        batch_op.drop_column('reply_mode')
        batch_op.drop_column('actions')
    op.drop_index('ix_ticket_tags_tag_ticket', table_name='ticket_tags')
    op.drop_table('ticket_tags')
    op.drop_table('tags')
