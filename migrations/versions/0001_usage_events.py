"""Anonymous usage events

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usage_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_usage_event_day", "usage_event", ["day"])
    op.create_index("ix_usage_event_name", "usage_event", ["name"])


def downgrade() -> None:
    op.drop_index("ix_usage_event_name", table_name="usage_event")
    op.drop_index("ix_usage_event_day", table_name="usage_event")
    op.drop_table("usage_event")
