"""outgoing webhooks and their delivery cursor (issue 22); reserved, filled in by the webhooks work

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 07:20:00
"""

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
