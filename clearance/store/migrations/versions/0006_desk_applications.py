"""Licence applications, the order lines each review holds, and the five-year retention guard of the audit log.

The guard: the database refuses to delete an audit record younger than five years (15 CFR 762.6: records are
kept five years) and, on PostgreSQL, to truncate the log. Clearance never deletes one; the triggers stop
anyone else doing it through SQL without first dropping them (and `clearance audit verify` still notices a
record removed after that).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

JsonType = sa.JSON().with_variant(JSONB(), "postgresql")

RETENTION_MESSAGE = "audit records are kept at least five years (15 CFR 762.6): this one may not be deleted"

_SQLITE_GUARD = f"""
CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log
WHEN OLD.at > strftime('%Y-%m-%dT%H:%M:%S', 'now', '-5 years')
BEGIN SELECT RAISE(ABORT, '{RETENTION_MESSAGE}'); END
"""

_PG_GUARD = (
    f"""
CREATE OR REPLACE FUNCTION audit_log_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR OLD.at::timestamptz > now() - interval '5 years' THEN
    RAISE EXCEPTION '{RETENTION_MESSAGE}';
  END IF;
  RETURN OLD;
END $$
""",
    "CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION "
    "audit_log_retention()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION "
    "audit_log_retention()",
)


def upgrade() -> None:
    op.create_table(
        "licence_applications",
        sa.Column("reference", sa.String(100), primary_key=True),
        sa.Column("applicant", sa.Text, nullable=False),
        sa.Column("submitted", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_date", sa.Date, nullable=False),
        sa.Column("status_reason", sa.Text, nullable=True),
        sa.Column("licence_number", sa.String(100), nullable=True),
        sa.Column("request", JsonType, nullable=False),
        sa.Column("evaluation", JsonType, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "review_orders",
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.review_id", name="fk_review_orders_review"),
                  primary_key=True),
        sa.Column("order_id", sa.String(200), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_GUARD:
            op.execute(statement)
    else:
        op.execute(_SQLITE_GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_retention ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_retention()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_retention")
    op.drop_table("review_orders")
    op.drop_table("licence_applications")
