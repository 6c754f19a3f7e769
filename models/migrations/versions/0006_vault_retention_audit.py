"""vault, retention and the audit trail: audit_log (append-only), vault_entries, customer_contracts, an index on messages.contact_id

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-26 10:00:00

Written by hand (parallel feature branches of the schema); tables of tickets/audit.py,
privacy/vault.py and privacy/retention.py. The trigger refuses UPDATE on audit_log at the database,
so the append-only rule holds for any client, not only our ORM.
"""
from alembic import op
import sqlalchemy as sa
import models


revision = '0006'
down_revision = '0001'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _dt(name: str, nullable: bool) -> sa.Column:
    return sa.Column(name, models.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    _dt('at', False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=48), nullable=False),
    sa.Column('target_kind', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at', 'id'], unique=False)
        batch_op.create_index('ix_audit_log_target', ['target_kind', 'target_id'], unique=False)
        batch_op.create_index('ix_audit_log_actor_at', ['actor', 'at'], unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        op.execute("CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$")
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    else:
        op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")

    op.create_table('vault_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', _ID, nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    _dt('created_at', False),
    _dt('expires_at', False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_vault_entries_ticket_id_tickets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vault_entries')),
    sa.UniqueConstraint('ticket_id', 'entity_type', 'number', name=op.f('uq_vault_entries_ticket_id_entity_type_number'))
    )
    with op.batch_alter_table('vault_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vault_entries_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vault_entries_key_id'), ['key_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vault_entries_expires_at'), ['expires_at'], unique=False)

    op.create_table('customer_contracts',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=False),
    _dt('updated_at', False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_contracts_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_contracts'))
    )
    # retention deletes contacts; their messages' contact_id is set NULL through this index
    # (a plain CREATE INDEX, never a batch table rebuild: messages carries the full-text triggers of 0002)
    op.create_index('ix_messages_contact_id', 'messages', ['contact_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_messages_contact_id', table_name='messages')
    op.drop_table('customer_contracts')
    op.drop_table('vault_entries')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table('audit_log')
