"""mailboxes (brands) and groups (teams), issue 22

- ``groups`` and ``group_members``: teams of agents;
- ``mailboxes`` (identity, signature, acknowledgement texts, default group) and ``mailbox_addresses``
  (the inbound addresses, lower-case, each in at most one mailbox);
- ``tickets.mailbox_id`` and ``tickets.group_id`` (NULL for every existing ticket: the default identity,
  no team);
- ``sla_policies.mailbox_id``: a policy can match one mailbox.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 11:00:00
"""
import sqlalchemy as sa
from alembic import op

import models

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


_REFERENCES = (
    ('tickets', 'mailbox_id', 'mailboxes', 'SET NULL'),
    ('tickets', 'group_id', 'groups', 'SET NULL'),
    ('sla_policies', 'mailbox_id', 'mailboxes', 'CASCADE'),
)


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table('groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_groups')),
    sa.UniqueConstraint('name', name=op.f('uq_groups_name'))
    )
    op.create_table('group_members',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agents.id'], name=op.f('fk_group_members_agent_id_agents'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_group_members_group_id_groups'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'agent_id', name=op.f('pk_group_members'))
    )
    op.create_index(op.f('ix_group_members_agent_id'), 'group_members', ['agent_id'], unique=False)
    op.create_table('mailboxes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sender_address', sa.String(length=320), nullable=False),
    sa.Column('sender_name', sa.String(length=255), nullable=False),
    sa.Column('signature', sa.Text(), nullable=True),
    sa.Column('ack_template_nl', sa.Text(), nullable=True),
    sa.Column('ack_template_en', sa.Text(), nullable=True),
    sa.Column('default_group_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['default_group_id'], ['groups.id'],
                            name=op.f('fk_mailboxes_default_group_id_groups'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailboxes')),
    sa.UniqueConstraint('name', name=op.f('uq_mailboxes_name'))
    )
    op.create_table('mailbox_addresses',
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('mailbox_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mailbox_id'], ['mailboxes.id'],
                            name=op.f('fk_mailbox_addresses_mailbox_id_mailboxes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_mailbox_addresses'))
    )
    op.create_index(op.f('ix_mailbox_addresses_mailbox_id'), 'mailbox_addresses', ['mailbox_id'], unique=False)
    # On SQLite a column with a foreign key is added in place (ALTER TABLE ... ADD COLUMN ... REFERENCES,
    # allowed when its default is NULL): a batch copy of ``tickets`` would drop its full-text triggers.
    for table, column, target, on_delete in _REFERENCES:
        if conn.dialect.name == 'sqlite':
            op.execute(f'ALTER TABLE {table} ADD COLUMN {column} INTEGER CONSTRAINT fk_{table}_{column}_{target} '
                       f'REFERENCES {target} (id) ON DELETE {on_delete}')
        else:
            op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(op.f(f'fk_{table}_{column}_{target}'), table, target, [column], ['id'],
                                  ondelete=on_delete)
    op.create_index(op.f('ix_tickets_mailbox_id'), 'tickets', ['mailbox_id'], unique=False)
    op.create_index(op.f('ix_tickets_group_id'), 'tickets', ['group_id'], unique=False)

def downgrade() -> None:
    op.drop_index(op.f('ix_tickets_group_id'), table_name='tickets')
    op.drop_index(op.f('ix_tickets_mailbox_id'), table_name='tickets')
    for table, column, target, _on_delete in reversed(_REFERENCES):
        if op.get_bind().dialect.name != 'sqlite':
            op.drop_constraint(op.f(f'fk_{table}_{column}_{target}'), table, type_='foreignkey')
        op.drop_column(table, column)
    op.drop_index(op.f('ix_mailbox_addresses_mailbox_id'), table_name='mailbox_addresses')
    op.drop_table('mailbox_addresses')
    op.drop_table('mailboxes')
    op.drop_index(op.f('ix_group_members_agent_id'), table_name='group_members')
    op.drop_table('group_members')
    op.drop_table('groups')
