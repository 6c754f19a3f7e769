"""verification codes (privacy/verification.py), shared by Telegram /link and privacy requests

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26 09:50:00
"""
from alembic import op
import sqlalchemy as sa
import models


revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('verifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('salt', sa.String(length=32), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', models.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verifications'))
    )
    with op.batch_alter_table('verifications', schema=None) as batch_op:
        batch_op.create_index('ix_verifications_purpose_subject', ['purpose', 'subject', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('verifications', schema=None) as batch_op:
        batch_op.drop_index('ix_verifications_purpose_subject')
    op.drop_table('verifications')
