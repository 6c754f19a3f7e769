"""report rollups and duration-ordered summary indexes, issue 22

- ``ticket_report_days``: per side (created, solved), local day, mailbox (0: none) and channel, how many
  tickets, with a duration, met and breached (``models.report_rollups``);
- ``ticket_report_bins``: per side, week or month, duration bin, mailbox and channel, how many tickets
  with a duration;
- ``ix_ticket_report_created`` / ``_solved`` led by (day, duration) instead of (day, bin): a day's k-th
  duration is a seek, and a bin's durations over some days a seek per day (``tickets.report_rollups``).

Both tables are keyed by their columns (SQLite: WITHOUT ROWID) and hold no foreign key (mailbox 0 is
"none"), so nothing of an existing table is rebuilt. They are backfilled from the summary, read 5,000
rows at a time, by the function that rebuilds them afterwards (``models.report_rollups.rebuild``).
Should a later revision change these tables, that revision must freeze a copy of the backfill here.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 14:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

_INDEXES = {
    'new': (('ix_ticket_report_created', ['created_day', 'first_response_seconds', 'channel', 'mailbox_id',
                                          'assignee_id', 'first_response_bin', 'sla_first_response']),
            ('ix_ticket_report_solved', ['solved_day', 'resolution_seconds', 'channel', 'mailbox_id', 'assignee_id',
                                         'resolution_bin', 'sla_resolution'])),
    'old': (('ix_ticket_report_created', ['created_day', 'first_response_bin', 'mailbox_id', 'channel',
                                          'assignee_id', 'first_response_seconds', 'sla_first_response']),
            ('ix_ticket_report_solved', ['solved_day', 'resolution_bin', 'mailbox_id', 'channel', 'assignee_id',
                                         'resolution_seconds', 'sla_resolution'])),
}


def _counts(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Integer(), nullable=False) for name in names]


def _indexes(which: str) -> None:
    for name, columns in _INDEXES[which]:
        op.drop_index(name, table_name='ticket_report')
        op.create_index(name, 'ticket_report', columns, unique=False)


def upgrade() -> None:
    op.create_table('ticket_report_days',
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('mailbox', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    *_counts('tickets', 'timed', 'met', 'breached'),
    sa.PrimaryKeyConstraint('side', 'day', 'mailbox', 'channel', name=op.f('pk_ticket_report_days')),
    sqlite_with_rowid=False,
    )
    op.create_table('ticket_report_bins',
    sa.Column('side', sa.String(length=8), nullable=False),
    sa.Column('span', sa.String(length=8), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('bin', sa.SmallInteger(), nullable=False),
    sa.Column('mailbox', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    *_counts('tickets'),
    sa.PrimaryKeyConstraint('side', 'span', 'start', 'bin', 'mailbox', 'channel', name=op.f('pk_ticket_report_bins')),
    sqlite_with_rowid=False,
    )
    _indexes('new')
    from models.report_rollups import rebuild
    from models.reports import TicketReport

    rebuild(op.get_bind(), TicketReport.__table__)


def downgrade() -> None:
    _indexes('old')
    op.drop_table('ticket_report_bins')
    op.drop_table('ticket_report_days')
