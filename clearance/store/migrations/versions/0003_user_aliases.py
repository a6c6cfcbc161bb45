"""Users' own alias tables (``clearance lists aliases load FILE``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "user_aliases",
        sa.Column("table_name", sa.String(200), primary_key=True),
        sa.Column("row_no", sa.Integer, primary_key=True),
        sa.Column("list_code", sa.String(32), nullable=False),
        sa.Column("entry_key", sa.Text, nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("script", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("user_aliases")
