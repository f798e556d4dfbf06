"""Clicks keep their visitor's network digest and may be capped; engagement says who reported it.

Clicks: ``network_hash`` (the daily-salted digest of the address's /24 or /48 prefix) judges
uniqueness and the daily cap per network, along a partial index of the counted clicks that are
not the ambassador's own, which replaces the index by visitor digest; ``kind`` gains
``capped``. Clicks recorded before this revision have no network digest (no address was kept
to compute it): they get an empty one, which no network has, so for the 24 hours after the
upgrade a network seen just before it may make one more unique click, and the day's cap counts
from the upgrade. Downgrading turns
capped clicks back into counted ones, as the earlier rules would have recorded them.

Engagement snapshots: ``source``. Those stored before this revision are marked
``self_reported`` when the subject that recorded them is the share's ambassador's employee,
``integration`` otherwise (only integrators and the share's ambassador could report).

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


CLICK_KINDS = "kind in ('counted', 'head', 'prefetch', 'bot', 'capped')"
EARLIER_CLICK_KINDS = "kind in ('counted', 'head', 'prefetch', 'bot')"


def upgrade() -> None:
    _click_networks()
    _engagement_sources()


def downgrade() -> None:
    _drop_engagement_sources()
    _drop_click_networks()


def _click_networks() -> None:
    # A constant default fills the existing rows without rewriting the table; new rows give theirs.
    op.add_column("clicks", sa.Column("network_hash", sa.String(), nullable=False, server_default=""))
    op.alter_column("clicks", "network_hash", server_default=None)
    op.drop_constraint(op.f("ck_clicks_kind"), "clicks", type_="check")
    op.create_check_constraint(op.f("ck_clicks_kind"), "clicks", CLICK_KINDS)
    op.drop_index("ix_clicks_tenant_id_share_id_visitor_hash_clicked_at", table_name="clicks")
    op.create_index(
        "ix_clicks_tenant_id_share_id_network_hash_clicked_at_counted",
        "clicks",
        ["tenant_id", "share_id", "network_hash", "clicked_at"],
        unique=False,
        postgresql_where=sa.text("kind = 'counted' AND NOT is_self"),
    )


def _drop_click_networks() -> None:
    op.drop_index(
        "ix_clicks_tenant_id_share_id_network_hash_clicked_at_counted",
        table_name="clicks",
        postgresql_where=sa.text("kind = 'counted' AND NOT is_self"),
    )
    op.create_index(
        "ix_clicks_tenant_id_share_id_visitor_hash_clicked_at",
        "clicks",
        ["tenant_id", "share_id", "visitor_hash", "clicked_at"],
        unique=False,
    )
    op.execute("UPDATE clicks SET kind = 'counted' WHERE kind = 'capped'")
    op.drop_constraint(op.f("ck_clicks_kind"), "clicks", type_="check")
    op.create_check_constraint(op.f("ck_clicks_kind"), "clicks", EARLIER_CLICK_KINDS)
    op.drop_column("clicks", "network_hash")


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
