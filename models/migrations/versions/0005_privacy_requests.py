"""privacy-right requests: requests, their audit log, external tasks, suppressions, restrictions, retention holds, downloads

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-26 10:00:00

Written by hand (parallel feature branches of the schema); tables of models.py.
"""
from alembic import op
import sqlalchemy as sa
import models


revision = '0005'
down_revision = '0001'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _dt(name: str, nullable: bool) -> sa.Column[object]:
    return sa.Column(name, models.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table('privacy_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=True),
    sa.Column('types', sa.JSON(), nullable=False),
    sa.Column('state', sa.Enum('received', 'verification_sent', 'verified', 'in_progress', 'fulfilled', 'refused',
                               'withdrawn', name='requeststate', native_enum=False, length=24), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('requester_address', sa.String(length=320), nullable=True),
    sa.Column('requester_digest', sa.String(length=64), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('lang', sa.String(length=8), nullable=False),
    _dt('received_at', False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('first_due_on', sa.Date(), nullable=False),
    _dt('extended_at', True),
    sa.Column('extension_reason', sa.Text(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('link_digest', sa.String(length=64), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('reminded_on', sa.Date(), nullable=True),
    _dt('created_at', False),
    _dt('updated_at', False),
    _dt('closed_at', True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_privacy_requests_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_privacy_requests_customer_id_customers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_privacy_requests_ticket_id_tickets'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_requests')),
    sa.UniqueConstraint('link_digest', name=op.f('uq_privacy_requests_link_digest'))
    )
    with op.batch_alter_table('privacy_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_requests_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_privacy_requests_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_privacy_requests_state_due', ['state', 'due_on', 'id'], unique=False)

    op.create_table('privacy_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    _dt('at', False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=48), nullable=False),
    sa.Column('from_state', sa.String(length=24), nullable=True),
    sa.Column('to_state', sa.String(length=24), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'], name=op.f('fk_privacy_audit_request_id_privacy_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_audit'))
    )
    with op.batch_alter_table('privacy_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_audit_request_id'), ['request_id'], unique=False)

    op.create_table('privacy_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('system', sa.String(length=64), nullable=False),
    sa.Column('instruction', sa.Text(), nullable=False),
    _dt('created_at', False),
    _dt('done_at', True),
    sa.Column('done_by', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'], name=op.f('fk_privacy_tasks_request_id_privacy_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_tasks'))
    )
    with op.batch_alter_table('privacy_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_tasks_request_id'), ['request_id'], unique=False)

    op.create_table('marketing_suppressions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address_digest', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    _dt('created_at', False),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'], name=op.f('fk_marketing_suppressions_request_id_privacy_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_marketing_suppressions')),
    sa.UniqueConstraint('address_digest', name=op.f('uq_marketing_suppressions_address_digest'))
    )

    op.create_table('privacy_restrictions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    _dt('created_at', False),
    _dt('lifted_at', True),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_privacy_restrictions_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'], name=op.f('fk_privacy_restrictions_request_id_privacy_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_restrictions'))
    )
    with op.batch_alter_table('privacy_restrictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_restrictions_customer_id'), ['customer_id'], unique=False)

    op.create_table('retention_holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('basis', sa.String(length=32), nullable=False),
    sa.Column('retain_until', sa.Date(), nullable=False),
    _dt('restricted_at', True),
    sa.Column('created_by', sa.String(length=128), nullable=False),
    _dt('created_at', False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_retention_holds_ticket_id_tickets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_holds'))
    )
    with op.batch_alter_table('retention_holds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retention_holds_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('privacy_downloads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=False),
    _dt('expires_at', False),
    _dt('used_at', True),
    _dt('created_at', False),
    sa.ForeignKeyConstraint(['request_id'], ['privacy_requests.id'], name=op.f('fk_privacy_downloads_request_id_privacy_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_downloads')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_privacy_downloads_token_digest'))
    )
    with op.batch_alter_table('privacy_downloads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_downloads_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    op.drop_table('privacy_downloads')
    op.drop_table('retention_holds')
    op.drop_table('privacy_restrictions')
    op.drop_table('marketing_suppressions')
    op.drop_table('privacy_tasks')
    op.drop_table('privacy_audit')
    op.drop_table('privacy_requests')
