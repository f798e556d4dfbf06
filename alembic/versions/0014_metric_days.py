"""The programme's daily rollup: each UTC day's figures per network, summed from the hourly rollup it
sits beside, so that long periods read a row a day. Filled here from the hours already rolled up.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTERS = ("posted_shares", "potential_reach", "impressions", "reactions", "comments", "reshares", "clicks")
COUNTERS += ("unique_visitors",)
CREDITS = ("leads", "signups", "job_applications", "hires", "purchases", "custom_conversions")
CREDITS += ("conversion_value_minor",)
FIGURES = ", ".join(COUNTERS + CREDITS)
SUMS = ", ".join(f"sum({name})" for name in COUNTERS + CREDITS)


def upgrade() -> None:
    op.create_table(
        "metric_days",
        *(sa.Column(name, sa.BigInteger(), server_default="0", nullable=False) for name in COUNTERS),
        *(sa.Column(name, sa.Numeric(), server_default="0", nullable=False) for name in CREDITS),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("network", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "day", "network", name=op.f("pk_metric_days")),
    )
    op.execute(
        f"""
        INSERT INTO metric_days (tenant_id, day, network, {FIGURES})
        SELECT tenant_id, (hour AT TIME ZONE 'UTC')::date, network, {SUMS}
        FROM metric_hours
        GROUP BY 1, 2, 3
        """
    )


def downgrade() -> None:
    op.drop_table("metric_days")
