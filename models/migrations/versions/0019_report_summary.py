"""report summary, issue 22

- ``ticket_report``: one row per ticket with what the reports measure (filters, created/solved,
  first-response and resolution seconds, SLA outcomes), with covering indexes per period;
- ``ticket_report_removed``: per inbound message (or its attachments) and entity type, how many values
  intake removed.

Both are backfilled here from the existing tickets, 2,000 tickets a batch, by the same function that
keeps them in step afterwards (``models.reports.rebuild``). Should a later revision change these
tables, that revision must freeze a copy of the backfill here instead.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 11:30:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False)


def _ticket_id() -> sa.Column:
    return sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True)


def upgrade() -> None:
    op.create_table('ticket_report',
    _id(),
    _ticket_id(),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('mailbox_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('solved_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_day', sa.Date(), nullable=False),
    sa.Column('solved_day', sa.Date(), nullable=True),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.Column('first_response_seconds', sa.Float(), nullable=True),
    sa.Column('resolution_seconds', sa.Float(), nullable=True),
    sa.Column('first_response_bin', sa.SmallInteger(), nullable=True),
    sa.Column('resolution_bin', sa.SmallInteger(), nullable=True),
    sa.Column('sla_first_response', sa.String(length=8), nullable=True),
    sa.Column('sla_resolution', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'], name=op.f('fk_ticket_report_mailbox_id_mailboxes'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_report_ticket_id_tickets'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_report'))
    )
    op.create_index('ix_ticket_report_created', 'ticket_report',
                    ['created_day', 'first_response_bin', 'mailbox_id', 'channel', 'assignee_id',
                     'first_response_seconds', 'sla_first_response'], unique=False)
    op.create_index('ix_ticket_report_solved', 'ticket_report',
                    ['solved_day', 'resolution_bin', 'mailbox_id', 'channel', 'assignee_id', 'resolution_seconds',
                     'sla_resolution'],
                    unique=False)
    op.create_index('ix_ticket_report_open', 'ticket_report',
                    ['open', 'created_at', 'channel', 'mailbox_id', 'assignee_id', 'ticket_id'], unique=False)
    op.create_index('uq_ticket_report_ticket_id', 'ticket_report', ['ticket_id'], unique=True)
    op.create_table('ticket_report_removed',
    _id(),
    _ticket_id(),
    sa.Column('received_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('attachment', sa.Boolean(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('mailbox_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'],
                            name=op.f('fk_ticket_report_removed_mailbox_id_mailboxes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_report_removed_ticket_id_tickets'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_report_removed'))
    )
    op.create_index('ix_ticket_report_removed_received', 'ticket_report_removed',
                    ['received_at', 'attachment', 'kind', 'count', 'channel', 'mailbox_id', 'assignee_id'],
                    unique=False)
    op.create_index('ix_ticket_report_removed_kind', 'ticket_report_removed',
                    ['attachment', 'kind', 'received_at', 'count', 'channel', 'mailbox_id', 'assignee_id'],
                    unique=False)
    op.create_index('ix_ticket_report_removed_ticket_id', 'ticket_report_removed', ['ticket_id'], unique=False)
    from models.reports import rebuild

    rebuild(op.get_bind(), rollups=False)  # the rollups came with 0021


def downgrade() -> None:
    op.drop_index('ix_ticket_report_removed_ticket_id', table_name='ticket_report_removed')
    op.drop_index('ix_ticket_report_removed_kind', table_name='ticket_report_removed')
    op.drop_index('ix_ticket_report_removed_received', table_name='ticket_report_removed')
    op.drop_table('ticket_report_removed')
    op.drop_index('uq_ticket_report_ticket_id', table_name='ticket_report')
    op.drop_index('ix_ticket_report_open', table_name='ticket_report')
    op.drop_index('ix_ticket_report_solved', table_name='ticket_report')
    op.drop_index('ix_ticket_report_created', table_name='ticket_report')
    op.drop_table('ticket_report')
