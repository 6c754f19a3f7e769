"""attachments scrubbed like text, images redacted (issue 17): what each attachment is and what was kept

- ``attachments.detected_type``: the type its bytes show (intake.attachments.detect);
- ``attachments.kind``: how intake handled it (text, html, mail, document, image, archive, other);
- ``attachments.redactions``: per type how many values were removed from its rendition;
- ``attachments.original``: the original file, only under ``[attachments] keep_original = "if_clean"``.

Older rows keep NULL: they were stored before types were detected.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-10 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detected_type', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('redactions', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('original', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_column('original')
        batch_op.drop_column('redactions')
        batch_op.drop_column('kind')
        batch_op.drop_column('detected_type')
