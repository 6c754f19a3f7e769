"""login attempts in the database (one limit for every process), agents' user names in one normal form

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 10:00:00

Issue 15, finding 8. ``login_attempts`` holds attempts that have not succeeded, as keyed digests of the
account name and the client address (``tickets.accounts.LoginLimiter``). Existing user names are brought
into the one normal form login and agent creation now use (NFKC, trimmed, case-folded:
``tickets.accounts.normalise_username``); a name whose normal form another agent already has is left
as it was and reported, never merged.
"""
import logging
import unicodedata

from alembic import op
import sqlalchemy as sa
import models


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def _normal(name: str) -> str:
    # The same rule as tickets.accounts.normalise_username (a migration must not import the app).
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).strip().casefold())


def upgrade() -> None:
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=64), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.Column('at', models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    op.create_index('ix_login_attempts_account_at', 'login_attempts', ['account', 'at'], unique=False)
    op.create_index('ix_login_attempts_client_at', 'login_attempts', ['client', 'at'], unique=False)
    op.create_index('ix_login_attempts_at', 'login_attempts', ['at'], unique=False)

    conn = op.get_bind()
    agents = sa.table('agents', sa.column('id', sa.Integer()), sa.column('username', sa.String(64)))
    rows = conn.execute(sa.select(agents.c.id, agents.c.username)).all()
    taken = {username for _, username in rows}
    for agent_id, username in rows:
        normal = _normal(username)
        if normal == username:
            continue
        if normal in taken or not normal or len(normal) > 64:
            log.warning("migration 0008: agent id=%s keeps its user name (its normal form is taken or too long)",
                        agent_id)
            continue
        conn.execute(sa.update(agents).where(agents.c.id == agent_id).values(username=normal))
        taken.discard(username)
        taken.add(normal)


def downgrade() -> None:
    op.drop_index('ix_login_attempts_at', table_name='login_attempts')
    op.drop_index('ix_login_attempts_client_at', table_name='login_attempts')
    op.drop_index('ix_login_attempts_account_at', table_name='login_attempts')
    op.drop_table('login_attempts')
