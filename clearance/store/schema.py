"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The Alembic migrations in ``clearance/store/migrations`` create exactly these tables; a test checks
that the migrated database and this metadata agree. Versions are append-only: their entries never
change; only the ``active_versions`` pointer is updated, and a pending version's ``hold`` becomes
"confirmed" when it is activated on purpose.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

# JSON that works everywhere: JSON text on SQLite, JSONB on PostgreSQL.
JsonType = sa.JSON().with_variant(JSONB(), "postgresql")

metadata = sa.MetaData()

list_versions = sa.Table(
    "list_versions",
    metadata,
    sa.Column("version_id", sa.String(64), primary_key=True),  # "{list_code}-{seq}"
    sa.Column("list_code", sa.String(32), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("checksum", sa.String(128), nullable=False),
    sa.Column("parser", sa.Text, nullable=False),
    sa.Column("source_files", JsonType, nullable=False),
    sa.Column("data_date", sa.Date, nullable=True),
    sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("entity_count", sa.Integer, nullable=False),
    sa.Column("name_count", sa.Integer, nullable=False),
    sa.Column("warnings", JsonType, nullable=False),
    # Why the load did not activate it: None (activated), "pending", "history" or "confirmed" (migration 0002).
    sa.Column("hold", sa.String(16), nullable=True),
    sa.Column("hold_reason", sa.Text, nullable=True),
    sa.UniqueConstraint("list_code", "seq", name="uq_list_versions_list_seq"),
    sa.Index("ix_list_versions_list_checksum", "list_code", "checksum"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column(
        "version_id",
        sa.String(64),
        sa.ForeignKey("list_versions.version_id", name="fk_entities_version"),
        primary_key=True,
    ),
    sa.Column("entry_id", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),  # 0-based order in the source
    sa.Column("schema", sa.String(32), nullable=False),
    sa.Column("name", sa.Text, nullable=False),  # the primary name
    sa.Column("payload", JsonType, nullable=False),  # Entity.to_dict()
    sa.UniqueConstraint("version_id", "position", name="uq_entities_version_position"),
)

# No index on ``value``: a PostgreSQL btree entry cannot exceed ~2.7 kB and real aliases reach 600+
# characters; lookups by name belong to the screening index, which may add a keyed column later.
names = sa.Table(
    "names",
    metadata,
    sa.Column("version_id", sa.String(64), primary_key=True),
    sa.Column("entry_id", sa.Text, primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),  # position of the name within its entry
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("lang", sa.Text, nullable=True),
    sa.ForeignKeyConstraint(
        ["version_id", "entry_id"],
        ["entities.version_id", "entities.entry_id"],
        name="fk_names_entity",
    ),
)

active_versions = sa.Table(
    "active_versions",
    metadata,
    sa.Column("list_code", sa.String(32), primary_key=True),
    sa.Column(
        "version_id",
        sa.String(64),
        sa.ForeignKey("list_versions.version_id", name="fk_active_version"),
        nullable=False,
    ),
    sa.Column("activated_at", sa.DateTime(timezone=True), nullable=False),
)

# Users' own alias tables (``clearance lists aliases load FILE``), one row per alias; loading a table of the
# same name again replaces its rows. Revision 0003. See clearance/sources/aliases.py for the columns.
user_aliases = sa.Table(
    "user_aliases",
    metadata,
    sa.Column("table_name", sa.String(200), primary_key=True),
    sa.Column("row_no", sa.Integer, primary_key=True),  # 1-based position of the alias in its table
    sa.Column("list_code", sa.String(32), nullable=False),
    sa.Column("entry_key", sa.Text, nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("script", sa.String(32), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
)

# API keys of `clearance serve` (``clearance keys add``): only the SHA-256 of each secret is kept. Revision 0005.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("key_id", sa.String(32), primary_key=True),  # public id, shown in `keys list` and the secret's prefix
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # viewer, analyst, approver, admin
    sa.Column("secret_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
)

# The compliance desk's tables (revision 0004) are defined on this metadata in their own module.
from clearance.store import desk_schema as _desk_schema  # noqa: E402, F401
