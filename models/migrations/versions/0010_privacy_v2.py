"""privacy requests v2: possible requests for the officer's triage, an owner for each outside task

``privacy_triage`` holds a message the recogniser was unsure about (ticket, time of receipt, the
suggested types with scores and rule names; never message text) until an officer confirms it with
types (a request opens on the clock from that time of receipt) or dismisses it. ``privacy_tasks.owner``
names who carries out a task outside scrubdesk. Nothing existing changes; the officer's approval of
erasure and restriction, the confirmation after the last task and four-eyes rectification keep their
state in ``privacy_requests.details`` (JSON), so they need no column.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 12:00:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('privacy_triage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('received_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('suggestion', sa.JSON(), nullable=False),
    sa.Column('state', sa.Enum('open', 'confirmed', 'dismissed', name='triagestate', native_enum=False,
                               length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=128), nullable=True),
    sa.Column('decided_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'],
                            name=op.f('fk_privacy_triage_request_id_privacy_requests')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_privacy_triage_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_triage'))
    )
    with op.batch_alter_table('privacy_triage', schema=None) as batch_op:
        batch_op.create_index('ix_privacy_triage_state', ['state', 'received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_privacy_triage_ticket_id'), ['ticket_id'], unique=False)
    with op.batch_alter_table('privacy_tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner', sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('privacy_tasks', schema=None) as batch_op:
        batch_op.drop_column('owner')
    with op.batch_alter_table('privacy_triage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_triage_ticket_id'))
        batch_op.drop_index('ix_privacy_triage_state')
    op.drop_table('privacy_triage')
