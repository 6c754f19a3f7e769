"""queue indexes of groups and mailboxes, issue 22

The queue narrowed to a group or a mailbox is ordered by last activity. With only the single-column
indexes of 0018 the planner walked ``ix_tickets_activity`` and filtered, which is quick for a group
holding many tickets and slow for one holding few or none: 0.5 to 1 s a page on SQLite at 200,000
tickets for an empty group, and the group views' counts read every unsolved ticket (120 to 170 ms).
These composite indexes replace the single-column ones (their first column still serves the foreign
keys' ON DELETE SET NULL): a group's range in activity order, with the status last so its unsolved
tickets are counted from the index; a mailbox's range in activity order.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 11:40:00
"""
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tickets_group_activity', 'tickets', ['group_id', 'last_activity_at', 'id', 'status'],
                    unique=False)
    op.create_index('ix_tickets_mailbox_activity', 'tickets', ['mailbox_id', 'last_activity_at', 'id'], unique=False)
    op.drop_index(op.f('ix_tickets_group_id'), table_name='tickets')
    op.drop_index(op.f('ix_tickets_mailbox_id'), table_name='tickets')


def downgrade() -> None:
    op.create_index(op.f('ix_tickets_mailbox_id'), 'tickets', ['mailbox_id'], unique=False)
    op.create_index(op.f('ix_tickets_group_id'), 'tickets', ['group_id'], unique=False)
    op.drop_index('ix_tickets_mailbox_activity', table_name='tickets')
    op.drop_index('ix_tickets_group_activity', table_name='tickets')
