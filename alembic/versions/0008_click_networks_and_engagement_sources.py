"""Engagement snapshots say who reported them (the integration, or the ambassador themselves).

Snapshots stored before this revision are marked ``self_reported`` when the subject that
recorded them is the share's ambassador's employee, ``integration`` otherwise (only integrators
and the share's ambassador could report).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _engagement_sources()


def downgrade() -> None:
    _drop_engagement_sources()


def _engagement_sources() -> None:
    op.add_column("engagement_snapshots", sa.Column("source", sa.String(), nullable=True))
    op.execute(
        """
        UPDATE engagement_snapshots AS snapshot
        SET source = CASE WHEN EXISTS (
            SELECT FROM shares AS s
            JOIN ambassadors AS a ON a.tenant_id = s.tenant_id AND a.id = s.ambassador_id
            JOIN employees AS e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id
            WHERE s.tenant_id = snapshot.tenant_id AND s.id = snapshot.share_id
              AND e.idp_subject = snapshot.recorded_by
        ) THEN 'self_reported' ELSE 'integration' END
        """
    )
    op.alter_column("engagement_snapshots", "source", nullable=False)
    op.create_check_constraint(
        op.f("ck_engagement_snapshots_source"), "engagement_snapshots", "source in ('integration', 'self_reported')"
    )
    op.drop_index("ix_engagement_snapshots_tenant_id_share_id_observed_at", table_name="engagement_snapshots")
    op.create_index(
        "ix_engagement_snapshots_tenant_id_share_id_source_observed_at",
        "engagement_snapshots",
        ["tenant_id", "share_id", "source", "observed_at"],
        unique=False,
    )


def _drop_engagement_sources() -> None:
    op.drop_index("ix_engagement_snapshots_tenant_id_share_id_source_observed_at", table_name="engagement_snapshots")
    op.create_index(
        "ix_engagement_snapshots_tenant_id_share_id_observed_at",
        "engagement_snapshots",
        ["tenant_id", "share_id", "observed_at"],
        unique=False,
    )
    op.drop_constraint(op.f("ck_engagement_snapshots_source"), "engagement_snapshots", type_="check")
    op.drop_column("engagement_snapshots", "source")
