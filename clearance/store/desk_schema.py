"""The compliance desk's tables (revision 0004): audit log, licences and drawdowns, counterparties, reviews.

Hashed fields of the audit log are stored as text exactly as they were hashed (``body`` is canonical JSON,
``at`` an ISO timestamp), so that verification never depends on how a database returns dates or JSON.
Amounts and quantities are decimal text (exact on both databases; arithmetic is done in Python under the
licence row's lock).
"""

from __future__ import annotations

import sqlalchemy as sa

from clearance.store.schema import JsonType, metadata

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),  # 1, 2, 3... no gaps
    sa.Column("at", sa.String(40), nullable=False),  # ISO 8601 UTC
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),  # screening, determination, order, review, licence, ...
    sa.Column("subject", sa.Text, nullable=False),  # order id, licence number, counterparty id, list version
    sa.Column("body", sa.Text, nullable=False),  # canonical JSON: inputs, outputs, versions
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("ix_audit_log_kind_subject", "kind", "subject"),
)

# One row (id 1): the number and hash of the last record, written in the same transaction as the record,
# so that a record removed from the end of the log is noticed too.
audit_head = sa.Table(
    "audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

licences = sa.Table(
    "licences",
    metadata,
    sa.Column("number", sa.String(100), primary_key=True),
    sa.Column("holder", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # "own" | "supplier"
    sa.Column("supplier_confirmation", sa.Text, nullable=True),  # the written confirmation relied on
    sa.Column("parties", JsonType, nullable=False),  # names the licence names (consignees, end users)
    sa.Column("eccns", JsonType, nullable=False),  # ECCNs or paragraphs ("3A991", "5A992.c")
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

licence_drawdowns = sa.Table(
    "licence_drawdowns",
    metadata,
    sa.Column("licence_number", sa.String(100), sa.ForeignKey("licences.number", name="fk_drawdown_licence"),
              primary_key=True),
    sa.Column("order_id", sa.String(200), primary_key=True),
    sa.Column("line", sa.Integer, primary_key=True),  # the order line (1-based)
    sa.Column("shipped_on", sa.Date, nullable=False),
    sa.Column("quantity", sa.String(40), nullable=False),
    sa.Column("value", sa.String(40), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

counterparties = sa.Table(
    "counterparties",
    metadata,
    sa.Column("party_id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("aliases", JsonType, nullable=False),
    sa.Column("country", sa.String(8), nullable=True),
    sa.Column("address", sa.Text, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),  # CLEAR / HIT / POSSIBLE / CANNOT_CLEAR (last screening)
    sa.Column("screened_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("screened_versions", JsonType, nullable=False),
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
)

# A hit to judge. A judgement (clear / confirm) holds for one counterparty name and one list entry in one
# content state (``entry_digest``): when the entry changes in a later list version, a new open review is made.
reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("review_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("party_key", sa.Text, nullable=False),  # counterparty id, or "name:<normalised name>" for an order party
    sa.Column("party_name", sa.Text, nullable=False),
    sa.Column("list_code", sa.String(32), nullable=False),
    sa.Column("entry_id", sa.Text, nullable=False),
    sa.Column("entry_name", sa.Text, nullable=False),
    sa.Column("version_id", sa.String(64), nullable=False),
    sa.Column("entry_digest", sa.String(64), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),  # the screening decision: HIT / POSSIBLE
    sa.Column("hit", JsonType, nullable=False),  # the hit with its explanation
    sa.Column("order_id", sa.String(200), nullable=True),  # the order that raised it, if any
    sa.Column("status", sa.String(16), nullable=False),  # open / cleared / confirmed
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("actor", sa.Text, nullable=True),
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("reopens", sa.Integer, nullable=True),  # the earlier review this one re-opens
    sa.Index("ix_reviews_party_entry", "party_key", "list_code", "entry_id"),
)

# The last answer of each checked order line (what `clearance impact` re-evaluates).
desk_orders = sa.Table(
    "desk_orders",
    metadata,
    sa.Column("order_id", sa.String(200), primary_key=True),
    sa.Column("line", sa.Integer, primary_key=True),
    sa.Column("order_date", sa.Date, nullable=False),
    sa.Column("request", JsonType, nullable=False),  # the order line as validated input (re-checkable)
    sa.Column("verdict", sa.String(16), nullable=False),  # RELEASE / HOLD / BLOCK
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Column("reasons", JsonType, nullable=False),
    sa.Column("licence_number", sa.String(100), nullable=True),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("audit_seq", sa.BigInteger, nullable=True),
)

# Licence applications (revision 0006): filed with BIS, waiting, then granted (a licence), denied or returned
# without action. ``request`` is the application as an order (date = submission, parties by role, items);
# ``evaluation`` the review policy each line met when last evaluated (what `clearance impact` compares).
licence_applications = sa.Table(
    "licence_applications",
    metadata,
    sa.Column("reference", sa.String(100), primary_key=True),  # the application control number
    sa.Column("applicant", sa.Text, nullable=False),
    sa.Column("submitted", sa.Date, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # submitted / pending / granted / denied / returned
    sa.Column("status_date", sa.Date, nullable=False),
    sa.Column("status_reason", sa.Text, nullable=True),
    sa.Column("licence_number", sa.String(100), nullable=True),  # the licence granted
    sa.Column("request", JsonType, nullable=False),
    sa.Column("evaluation", JsonType, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# The order lines a review holds (revision 0006): one review per counterparty, list entry and entry content,
# referenced by every order line whose answer waits for it.
review_orders = sa.Table(
    "review_orders",
    metadata,
    sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.review_id", name="fk_review_orders_review"),
              primary_key=True),
    sa.Column("order_id", sa.String(200), primary_key=True),
    sa.Column("line", sa.Integer, primary_key=True),
    sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
)
