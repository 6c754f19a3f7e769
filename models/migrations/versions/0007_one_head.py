"""merge the four branches of 0001 (0002 workspace, 0003 verification, 0005 privacy, 0006 vault) into one head

From here on revisions are linear: each new one revises the single head before it, so
``scrubdesk db upgrade`` goes to ``head`` and ``alembic heads`` names one revision.

Revision ID: 0007
Revises: 0002, 0003, 0005, 0006
Create Date: 2026-12-06 01:30:00
"""

revision = '0007'
down_revision = ('0002', '0003', '0005', '0006')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
