"""customers: an index on lower(email), the expression contacts find their customer by

``tickets.contacts`` asks for a new sender's customer by ``lower(customers.email)`` (one statement per
batch of intake's writer, or per lone new sender); the plain index on ``email`` cannot serve the
expression, so each look-up read the whole customer directory (issue 19). Nothing is backfilled.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 06:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_customers_email_lower', 'customers', [sa.text('lower(email)')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_customers_email_lower', table_name='customers')
