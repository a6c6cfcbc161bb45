"""List versions, their entities and names, and the active-version pointer.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copy of the column type of this revision (never import the live schema here).
JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("version_id", sa.String(64), primary_key=True),
        sa.Column("list_code", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("checksum", sa.String(128), nullable=False),
        sa.Column("parser", sa.Text, nullable=False),
        sa.Column("source_files", JSON, nullable=False),
        sa.Column("data_date", sa.Date, nullable=True),
        sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity_count", sa.Integer, nullable=False),
        sa.Column("name_count", sa.Integer, nullable=False),
        sa.Column("warnings", JSON, nullable=False),
        sa.UniqueConstraint("list_code", "seq", name="uq_list_versions_list_seq"),
    )
    op.create_index("ix_list_versions_list_checksum", "list_versions", ["list_code", "checksum"])
    op.create_table(
        "entities",
        sa.Column("version_id", sa.String(64), primary_key=True),
        sa.Column("entry_id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("payload", JSON, nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["list_versions.version_id"], name="fk_entities_version"),
        sa.UniqueConstraint("version_id", "position", name="uq_entities_version_position"),
    )
    op.create_table(
        "names",
        sa.Column("version_id", sa.String(64), primary_key=True),
        sa.Column("entry_id", sa.Text, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("lang", sa.Text, nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id", "entry_id"],
            ["entities.version_id", "entities.entry_id"],
            name="fk_names_entity",
        ),
    )
    op.create_table(
        "active_versions",
        sa.Column("list_code", sa.String(32), primary_key=True),
        sa.Column("version_id", sa.String(64), nullable=False),
        sa.Column("activated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["list_versions.version_id"], name="fk_active_version"),
    )


def downgrade() -> None:
    op.drop_table("active_versions")
    op.drop_table("names")
    op.drop_table("entities")
    op.drop_index("ix_list_versions_list_checksum", table_name="list_versions")
    op.drop_table("list_versions")
