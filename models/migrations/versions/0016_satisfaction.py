"""reports (issue 22): indexes for the report queries; satisfaction ratings

- ``ix_tickets_created_at``, ``ix_tickets_solved_at``: a period's tickets without reading the others,
  covering the filtered columns (channel, assignee);
- ``ix_messages_ticket_reply`` (ticket, direction, automatic, received): first response per ticket
  from the index alone;
- ``ix_messages_direction_received``: a period's inbound messages (what was removed on arrival);
- ``satisfaction_ratings``: one rating (good/bad) per ticket with its scrubbed comment.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 07:20:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('satisfaction_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('rating', sa.String(length=8), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('redactions', sa.JSON(), nullable=False),
    sa.Column('rated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_satisfaction_ratings_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_satisfaction_ratings')),
    sa.UniqueConstraint('ticket_id', name=op.f('uq_satisfaction_ratings_ticket_id'))
    )
    op.create_index('ix_satisfaction_ratings_rated_at', 'satisfaction_ratings', ['rated_at'], unique=False)
    op.create_index('ix_tickets_created_at', 'tickets', ['created_at', 'channel', 'assignee_id'], unique=False)
    op.create_index('ix_tickets_solved_at', 'tickets', ['solved_at', 'created_at', 'channel', 'assignee_id'],
                    unique=False)
    op.create_index('ix_messages_ticket_reply', 'messages',
                    ['ticket_id', 'direction', 'auto_submitted', 'received_at'], unique=False)
    op.create_index('ix_messages_direction_received', 'messages', ['direction', 'received_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_satisfaction_ratings_rated_at', table_name='satisfaction_ratings')
    op.drop_table('satisfaction_ratings')
    op.drop_index('ix_messages_direction_received', table_name='messages')
    op.drop_index('ix_messages_ticket_reply', table_name='messages')
    op.drop_index('ix_tickets_solved_at', table_name='tickets')
    op.drop_index('ix_tickets_created_at', table_name='tickets')
