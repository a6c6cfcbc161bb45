"""Why a loaded version was not made active: ``hold`` ('pending' / 'history' / 'confirmed') and its reason.

A version loaded and activated has no hold. A version held at load is 'pending' (it would lose more
than the allowed share of the active version's entries or names, a companion file was empty, or it is
an extract of a multi-list file) or 'history' (older data, or superseded by the list's own file in
the same load). A pending version activated on purpose (``--confirm-shrink``) becomes 'confirmed'.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("list_versions") as batch:
        batch.add_column(sa.Column("hold", sa.String(16), nullable=True))
        batch.add_column(sa.Column("hold_reason", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("list_versions") as batch:
        batch.drop_column("hold_reason")
        batch.drop_column("hold")
