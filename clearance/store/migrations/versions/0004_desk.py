"""The compliance desk: hash-chained audit log, licences and drawdowns, counterparties, reviews, checked orders.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

JsonType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_kind_subject", "audit_log", ["kind", "subject"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "licences",
        sa.Column("number", sa.String(100), primary_key=True),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("supplier_confirmation", sa.Text, nullable=True),
        sa.Column("parties", JsonType, nullable=False),
        sa.Column("eccns", JsonType, nullable=False),
        sa.Column("destination", sa.String(8), nullable=False),
        sa.Column("quantity_limit", sa.String(40), nullable=True),
        sa.Column("value_limit", sa.String(40), nullable=True),
        sa.Column("quantity_used", sa.String(40), nullable=False),
        sa.Column("value_used", sa.String(40), nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_to", sa.Date, nullable=True),
        sa.Column("conditions", sa.Text, nullable=False),
        sa.Column("revoked_on", sa.Date, nullable=True),
        sa.Column("revoke_reason", sa.Text, nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "licence_drawdowns",
        sa.Column("licence_number", sa.String(100), sa.ForeignKey("licences.number", name="fk_drawdown_licence"),
                  primary_key=True),
        sa.Column("order_id", sa.String(200), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("shipped_on", sa.Date, nullable=False),
        sa.Column("quantity", sa.String(40), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "counterparties",
        sa.Column("party_id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("aliases", JsonType, nullable=False),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("address", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("screened_versions", JsonType, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("review_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("party_key", sa.Text, nullable=False),
        sa.Column("party_name", sa.Text, nullable=False),
        sa.Column("list_code", sa.String(32), nullable=False),
        sa.Column("entry_id", sa.Text, nullable=False),
        sa.Column("entry_name", sa.Text, nullable=False),
        sa.Column("version_id", sa.String(64), nullable=False),
        sa.Column("entry_digest", sa.String(64), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("hit", JsonType, nullable=False),
        sa.Column("order_id", sa.String(200), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("actor", sa.Text, nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopens", sa.Integer, nullable=True),
    )
    op.create_index("ix_reviews_party_entry", "reviews", ["party_key", "list_code", "entry_id"])
    op.create_table(
        "desk_orders",
        sa.Column("order_id", sa.String(200), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("order_date", sa.Date, nullable=False),
        sa.Column("request", JsonType, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("reasons", JsonType, nullable=False),
        sa.Column("licence_number", sa.String(100), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audit_seq", sa.BigInteger, nullable=True),
    )


def downgrade() -> None:
    for table in ("desk_orders", "reviews", "counterparties", "licence_drawdowns", "licences", "audit_head"):
        op.drop_table(table)
    op.drop_index("ix_audit_log_kind_subject", table_name="audit_log")
    op.drop_table("audit_log")
