"""Encrypted request drafts, page feedback and monthly totals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_draft",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_request_draft_expires_at", "request_draft", ["expires_at"])
    op.create_table(
        "feedback_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("page", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("useful", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
    )
    op.create_index("ix_feedback_entry_day", "feedback_entry", ["day"])
    op.create_table(
        "monthly_total",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.UniqueConstraint("month", "name", "value", name="uq_monthly_total"),
    )


def downgrade() -> None:
    op.drop_table("monthly_total")
    op.drop_index("ix_feedback_entry_day", table_name="feedback_entry")
    op.drop_table("feedback_entry")
    op.drop_index("ix_request_draft_expires_at", table_name="request_draft")
    op.drop_table("request_draft")
