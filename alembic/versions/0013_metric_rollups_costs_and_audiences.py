"""The metric resource: hourly rollups per share and per programme hour and network, what they
hold of each posted share and attributed conversion, programme costs, the audience history of social
accounts, and each share's potential reach. Existing posted shares, their engagement and attributed
conversions are filed into the rollups here; the worker adds the existing clicks from the first.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "metric_hours",
        sa.Column("posted_shares", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("potential_reach", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("impressions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reactions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("comments", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reshares", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("clicks", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("unique_visitors", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("leads", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("signups", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("job_applications", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("hires", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("purchases", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("custom_conversions", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("conversion_value_minor", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("network", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "hour", "network", name=op.f("pk_metric_hours")),
    )
    op.create_table(
        "programme_costs",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("budget_line", sa.String(), nullable=False),
        sa.Column("incurred_on", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "budget_line in ('platform', 'content_creation', 'animation', 'rewards')",
            name=op.f("ck_programme_costs_budget_line"),
        ),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_programme_costs_amount_minor")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_programme_costs_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_programme_costs")),
    )
    op.create_index(
        "ix_programme_costs_tenant_id_incurred_on_id",
        "programme_costs",
        ["tenant_id", "incurred_on", "id"],
        unique=False,
    )
    op.create_table(
        "metric_conversions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "conversion_id"],
            ["conversions.tenant_id", "conversions.id"],
            name=op.f("fk_metric_conversions_tenant_id_conversion_id_conversions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "conversion_id", name=op.f("pk_metric_conversions")),
    )
    op.create_table(
        "audience_observations",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("social_account_id", sa.Uuid(), nullable=False),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audience_size", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("audience_size >= 0", name=op.f("ck_audience_observations_audience_size")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "social_account_id"],
            ["social_accounts.tenant_id", "social_accounts.id"],
            name=op.f("fk_audience_observations_tenant_id_social_account_id_social_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "social_account_id", "observed_at", name=op.f("pk_audience_observations")),
    )
    op.create_table(
        "metric_share_hours",
        sa.Column("posted_shares", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("potential_reach", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("impressions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reactions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("comments", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reshares", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("clicks", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("unique_visitors", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("leads", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("signups", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("job_applications", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("hires", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("purchases", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("custom_conversions", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("conversion_value_minor", sa.Numeric(), server_default="0", nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_metric_share_hours_tenant_id_share_id_shares"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "share_id", "hour", name=op.f("pk_metric_share_hours")),
    )
    op.create_index(
        "ix_metric_share_hours_tenant_id_ambassador_id_hour",
        "metric_share_hours",
        ["tenant_id", "ambassador_id", "hour"],
        unique=False,
    )
    op.create_index("ix_metric_share_hours_tenant_id_hour", "metric_share_hours", ["tenant_id", "hour"], unique=False)
    op.create_index(
        "ix_metric_share_hours_tenant_id_hour_ambassador_id_posted",
        "metric_share_hours",
        ["tenant_id", "hour", "ambassador_id"],
        unique=False,
        postgresql_where=sa.text("posted_shares > 0"),
    )
    op.create_table(
        "metric_shares",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("share_id", sa.Uuid(), nullable=False),
        sa.Column("filed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("impressions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reactions", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("comments", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reshares", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "share_id"],
            ["shares.tenant_id", "shares.id"],
            name=op.f("fk_metric_shares_tenant_id_share_id_shares"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "share_id", name=op.f("pk_metric_shares")),
    )
    op.add_column("shares", sa.Column("potential_reach", sa.BigInteger(), nullable=True))
    # The metrics read the ledger, redemptions and donations of a period by when they were made.
    op.create_index("ix_points_entries_tenant_id_recorded_at", "points_entries", ["tenant_id", "recorded_at"])
    op.create_index("ix_redemptions_tenant_id_created_at", "redemptions", ["tenant_id", "created_at"])
    op.create_index("ix_donations_tenant_id_created_at", "donations", ["tenant_id", "created_at"])
    for statement in BACKFILL:
        op.execute(statement)
    # The rollups read clicks from a position of their own; one left by an earlier install would skip clicks.
    op.execute(f"DELETE FROM click_positions WHERE handler = '{CLICK_POSITION}'")


CLICK_POSITION = "metric-clicks"  # app/adapters/postgres/metrics/rollups.py
FIGURES = (
    "posted_shares, potential_reach, impressions, reactions, comments, reshares, clicks, unique_visitors, "
    "leads, signups, job_applications, hires, purchases, custom_conversions, conversion_value_minor"
)
CREDIT = "(cc.weight_numerator::numeric / cc.weight_denominator)"
CURRENCY = (
    "coalesce((SELECT p.document ->> 'currency' FROM programme_settings AS p WHERE p.tenant_id = v.tenant_id), 'EUR')"
)
# Assembled from the constants above only.
BACKFILL = (
    # Posted shares, with the engagement of their current snapshot (the integration's, else the ambassador's).
    """
    INSERT INTO metric_shares (tenant_id, share_id, filed, impressions, reactions, comments, reshares)
    SELECT s.tenant_id, s.id, true,
           coalesce(e.impressions, 0), coalesce(e.reactions, 0), coalesce(e.comments, 0), coalesce(e.reshares, 0)
    FROM shares AS s
    LEFT JOIN LATERAL (
        SELECT impressions, reactions, comments, reshares FROM engagement_snapshots AS x
        WHERE x.tenant_id = s.tenant_id AND x.share_id = s.id
        ORDER BY x.source = 'integration' DESC, x.observed_at DESC, x.recorded_at DESC, x.id DESC
        LIMIT 1
    ) AS e ON true
    WHERE s.status = 'posted'
    """,
    f"""
    INSERT INTO metric_share_hours (
        tenant_id, share_id, hour, ambassador_id, content_id, campaign_id, network, language, {FIGURES}
    )
    SELECT s.tenant_id, s.id, date_trunc('hour', s.posted_at, 'UTC'), s.ambassador_id, s.content_id,
           s.campaign_id, s.network, s.language, 1, 0, m.impressions, m.reactions, m.comments, m.reshares,
           0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM metric_shares AS m JOIN shares AS s ON s.tenant_id = m.tenant_id AND s.id = m.share_id
    """,
    # Attributed conversions not invalidated, by each share's credit, under the hour they occurred.
    """
    INSERT INTO metric_conversions (tenant_id, conversion_id)
    SELECT v.tenant_id, v.id FROM conversions AS v
    WHERE v.attributed AND NOT EXISTS (
        SELECT FROM conversion_invalidations AS i WHERE i.tenant_id = v.tenant_id AND i.conversion_id = v.id
    )
    """,
    f"""
    INSERT INTO metric_share_hours (
        tenant_id, share_id, hour, ambassador_id, content_id, campaign_id, network, language, {FIGURES}
    )
    SELECT cc.tenant_id, cc.share_id, date_trunc('hour', v.occurred_at, 'UTC'), s.ambassador_id, s.content_id,
           s.campaign_id, s.network, s.language, 0, 0, 0, 0, 0, 0, 0, 0,
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'lead'), 0),
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'signup'), 0),
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'job_application'), 0),
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'hire'), 0),
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'purchase'), 0),
           coalesce(sum({CREDIT}) FILTER (WHERE v.type = 'custom'), 0),
           coalesce(sum(coalesce(v.value_minor, 0) * {CREDIT}) FILTER (WHERE v.currency = {CURRENCY}), 0)
    FROM metric_conversions AS m
    JOIN conversions AS v ON v.tenant_id = m.tenant_id AND v.id = m.conversion_id
    JOIN conversion_credits AS cc ON cc.tenant_id = v.tenant_id AND cc.conversion_id = v.id
    JOIN shares AS s ON s.tenant_id = cc.tenant_id AND s.id = cc.share_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (tenant_id, share_id, hour) DO UPDATE SET
        leads = metric_share_hours.leads + excluded.leads,
        signups = metric_share_hours.signups + excluded.signups,
        job_applications = metric_share_hours.job_applications + excluded.job_applications,
        hires = metric_share_hours.hires + excluded.hires,
        purchases = metric_share_hours.purchases + excluded.purchases,
        custom_conversions = metric_share_hours.custom_conversions + excluded.custom_conversions,
        conversion_value_minor = metric_share_hours.conversion_value_minor + excluded.conversion_value_minor
    """,
    f"""
    INSERT INTO metric_hours (tenant_id, hour, network, {FIGURES})
    SELECT tenant_id, hour, network, sum(posted_shares), sum(potential_reach), sum(impressions), sum(reactions),
           sum(comments), sum(reshares), sum(clicks), sum(unique_visitors), sum(leads), sum(signups),
           sum(job_applications), sum(hires), sum(purchases), sum(custom_conversions), sum(conversion_value_minor)
    FROM metric_share_hours
    GROUP BY tenant_id, hour, network
    """,
)


def downgrade() -> None:
    op.execute(f"DELETE FROM click_positions WHERE handler = '{CLICK_POSITION}'")
    op.drop_index("ix_donations_tenant_id_created_at", table_name="donations")
    op.drop_index("ix_redemptions_tenant_id_created_at", table_name="redemptions")
    op.drop_index("ix_points_entries_tenant_id_recorded_at", table_name="points_entries")
    op.drop_column("shares", "potential_reach")
    op.drop_table("metric_shares")
    op.drop_index(
        "ix_metric_share_hours_tenant_id_hour_ambassador_id_posted",
        table_name="metric_share_hours",
        postgresql_where=sa.text("posted_shares > 0"),
    )
    op.drop_index("ix_metric_share_hours_tenant_id_hour", table_name="metric_share_hours")
    op.drop_index("ix_metric_share_hours_tenant_id_ambassador_id_hour", table_name="metric_share_hours")
    op.drop_table("metric_share_hours")
    op.drop_table("audience_observations")
    op.drop_table("metric_conversions")
    op.drop_index("ix_programme_costs_tenant_id_incurred_on_id", table_name="programme_costs")
    op.drop_table("programme_costs")
    op.drop_table("metric_hours")
