"""reports (issue 22): indexes for the report queries; satisfaction ratings

- ``ix_tickets_created_at``, ``ix_tickets_solved_at``: a period's tickets without reading the others,
  covering the filtered columns (channel, assignee);
- ``ix_messages_ticket_reply`` (ticket, direction, automatic, received): first response per ticket
  from the index alone;
- ``ix_messages_direction_received``: a period's inbound messages (what was removed on arrival).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 07:20:00
"""
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tickets_created_at', 'tickets', ['created_at', 'channel', 'assignee_id'], unique=False)
    op.create_index('ix_tickets_solved_at', 'tickets', ['solved_at', 'created_at', 'channel', 'assignee_id'],
                    unique=False)
    op.create_index('ix_messages_ticket_reply', 'messages',
                    ['ticket_id', 'direction', 'auto_submitted', 'received_at'], unique=False)
    op.create_index('ix_messages_direction_received', 'messages', ['direction', 'received_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_messages_direction_received', table_name='messages')
    op.drop_index('ix_messages_ticket_reply', table_name='messages')
    op.drop_index('ix_tickets_solved_at', table_name='tickets')
    op.drop_index('ix_tickets_created_at', table_name='tickets')
