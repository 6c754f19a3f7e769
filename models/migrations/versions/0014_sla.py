"""SLA policies, business hours and the SLA clock (issue 22)

- ``sla_business_hours``: weekly hours in a time zone with a country's public holidays off;
- ``sla_policies``: first-response, next-response and resolution targets for the tickets a policy
  matches (priority, channel; None is any), with what to do after a breach;
- ``ticket_sla``: each ticket's clock (business seconds used, running or paused, due times).

Seeded so that nothing changes until an admin edits: one policy per priority answering within 2, 8, 24
and 72 hours around the clock (no business hours, no resolution target), the fixed times scrubdesk had.
"Office hours" (Monday to Friday 09:00-17:00 Amsterdam, Dutch holidays off) is there to choose.
Tickets waiting for an answer keep their stored due time; their clock starts at the next change.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 07:20:00
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import models

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_DEFAULT_HOURS = {'urgent': 2, 'high': 8, 'normal': 24, 'low': 72}
_OFFICE = ['09:00-17:00'] * 5 + ['', '']


def upgrade() -> None:
    hours = op.create_table('sla_business_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('weekly', sa.JSON(), nullable=False),
    sa.Column('holidays', sa.String(length=8), nullable=True),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sla_business_hours')),
    sa.UniqueConstraint('name', name=op.f('uq_sla_business_hours_name'))
    )
    policies = op.create_table('sla_policies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('business_hours_id', sa.Integer(), nullable=True),
    sa.Column('first_response_minutes', sa.Integer(), nullable=True),
    sa.Column('next_response_minutes', sa.Integer(), nullable=True),
    sa.Column('resolution_minutes', sa.Integer(), nullable=True),
    sa.Column('escalate_priority', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('escalate_tag', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['business_hours_id'], ['sla_business_hours.id'],
                            name=op.f('fk_sla_policies_business_hours_id_sla_business_hours'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sla_policies'))
    )
    op.create_table('ticket_sla',
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=True),
    sa.Column('running_since', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('response_since', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('response_used', sa.Integer(), nullable=False),
    sa.Column('resolution_used', sa.Integer(), nullable=False),
    sa.Column('response_due_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolution_due_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('first_response_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('response_escalated', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('resolution_escalated', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['policy_id'], ['sla_policies.id'], name=op.f('fk_ticket_sla_policy_id_sla_policies'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_sla_ticket_id_tickets'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ticket_id', name=op.f('pk_ticket_sla'))
    )
    op.create_index('ix_ticket_sla_resolution_due', 'ticket_sla', ['resolution_escalated', 'resolution_due_at'],
                    unique=False)
    op.create_index('ix_ticket_sla_response_due', 'ticket_sla', ['response_escalated', 'response_due_at'], unique=False)
    now = datetime.now(UTC)
    op.bulk_insert(hours, [{'name': 'Office hours', 'timezone': 'Europe/Amsterdam', 'weekly': _OFFICE,
                            'holidays': 'NL', 'updated_at': now}])
    op.bulk_insert(policies, [
        {'name': f'{priority.capitalize()} priority', 'priority': priority, 'channel': None, 'position': position,
         'business_hours_id': None, 'first_response_minutes': hours_ * 60, 'next_response_minutes': hours_ * 60,
         'resolution_minutes': None, 'escalate_priority': False, 'escalate_tag': 'sla-breached', 'active': True,
         'updated_at': now}
        for position, (priority, hours_) in enumerate(_DEFAULT_HOURS.items())
    ])


def downgrade() -> None:
    op.drop_index('ix_ticket_sla_response_due', table_name='ticket_sla')
    op.drop_index('ix_ticket_sla_resolution_due', table_name='ticket_sla')
    op.drop_table('ticket_sla')
    op.drop_table('sla_policies')
    op.drop_table('sla_business_hours')
