"""Recognition: the tenant's own badges, badges earned (once each) and the counters their criteria
read, leaderboard rollups with their ranking index, and the challenges' fixed results.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A rollup row is shown on boards when its member is active and chose to appear; the scores of each
# board count its shown members per number of points. Both follow the memberships by themselves.
TRIGGERS = (
    """
    CREATE FUNCTION leaderboard_rollup_shown() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.shown := coalesce((
            SELECT a.status = 'active' AND coalesce((a.preferences ->> 'leaderboard_visible')::boolean, false)
            FROM ambassadors AS a WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.ambassador_id
        ), false);
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER leaderboard_rollups_shown BEFORE INSERT ON leaderboard_rollups
    FOR EACH ROW EXECUTE FUNCTION leaderboard_rollup_shown()
    """,
    """
    CREATE FUNCTION leaderboard_scores_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.shown THEN
            UPDATE leaderboard_scores SET members = members - 1
            WHERE tenant_id = OLD.tenant_id AND period_kind = OLD.period_kind AND period_start = OLD.period_start
              AND campaign_id = OLD.campaign_id AND points = OLD.points;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.shown THEN
            INSERT INTO leaderboard_scores (tenant_id, period_kind, period_start, campaign_id, points, members)
            VALUES (NEW.tenant_id, NEW.period_kind, NEW.period_start, NEW.campaign_id, NEW.points, 1)
            ON CONFLICT (tenant_id, period_kind, period_start, campaign_id, points)
            DO UPDATE SET members = leaderboard_scores.members + 1;
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER leaderboard_rollups_scores AFTER INSERT OR UPDATE OR DELETE ON leaderboard_rollups
    FOR EACH ROW EXECUTE FUNCTION leaderboard_scores_follow()
    """,
    """
    CREATE FUNCTION leaderboard_member_shown() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        visible_now boolean := NEW.status = 'active'
            AND coalesce((NEW.preferences ->> 'leaderboard_visible')::boolean, false);
    BEGIN
        UPDATE leaderboard_rollups AS r SET shown = visible_now
        WHERE r.tenant_id = NEW.tenant_id AND r.ambassador_id = NEW.id AND r.shown IS DISTINCT FROM visible_now;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER ambassadors_leaderboard_shown AFTER UPDATE OF status, preferences ON ambassadors
    FOR EACH ROW EXECUTE FUNCTION leaderboard_member_shown()
    """,
)
DROP_TRIGGERS = (
    "DROP TRIGGER ambassadors_leaderboard_shown ON ambassadors",
    "DROP FUNCTION leaderboard_member_shown()",
    "DROP TRIGGER leaderboard_rollups_scores ON leaderboard_rollups",
    "DROP FUNCTION leaderboard_scores_follow()",
    "DROP TRIGGER leaderboard_rollups_shown ON leaderboard_rollups",
    "DROP FUNCTION leaderboard_rollup_shown()",
)


def upgrade() -> None:
    op.create_table(
        "leaderboard_rollups",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("period_kind", sa.String(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("shown", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(
            "period_kind in ('week', 'month', 'quarter', 'all_time', 'campaign')",
            name=op.f("ck_leaderboard_rollups_period_kind"),
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "period_kind",
            "period_start",
            "campaign_id",
            "ambassador_id",
            name=op.f("pk_leaderboard_rollups"),
        ),
    )
    op.create_index(
        "ix_leaderboard_rollups_ranking",
        "leaderboard_rollups",
        ["tenant_id", "period_kind", "period_start", "campaign_id", sa.literal_column("points DESC"), "ambassador_id"],
        unique=False,
        postgresql_where=sa.text("shown"),
    )
    op.create_table(
        "leaderboard_scores",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("period_kind", sa.String(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "period_kind", "period_start", "campaign_id", "points", name=op.f("pk_leaderboard_scores")
        ),
    )
    for statement in TRIGGERS:
        op.execute(statement)
    op.create_table(
        "badges",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("criterion", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_badges_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "key", name=op.f("pk_badges")),
    )
    op.create_table(
        "challenge_results",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("winners", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "campaign_id"],
            ["campaigns.tenant_id", "campaigns.id"],
            name=op.f("fk_challenge_results_tenant_id_campaign_id_campaigns"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "campaign_id", name=op.f("pk_challenge_results")),
    )
    op.create_table(
        "badge_counters",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("metric", sa.String(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_badge_counters_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ambassador_id", "metric", "period_start", name=op.f("pk_badge_counters")),
    )
    op.create_table(
        "earned_badges",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("badge_key", sa.String(), nullable=False),
        sa.Column("earned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.Uuid(), nullable=True),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_earned_badges_tenant_id_ambassador_id_ambassadors"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ambassador_id", "badge_key", name=op.f("pk_earned_badges")),
    )
    op.create_index(
        "ix_earned_badges_tenant_id_ambassador_id_earned_at",
        "earned_badges",
        ["tenant_id", "ambassador_id", "earned_at"],
        unique=False,
    )


def downgrade() -> None:
    for statement in DROP_TRIGGERS:
        op.execute(statement)
    op.drop_table("leaderboard_scores")
    op.drop_index("ix_earned_badges_tenant_id_ambassador_id_earned_at", table_name="earned_badges")
    op.drop_table("earned_badges")
    op.drop_table("badge_counters")
    op.drop_table("challenge_results")
    op.drop_table("badges")
    op.drop_index("ix_leaderboard_rollups_ranking", table_name="leaderboard_rollups")
    op.drop_table("leaderboard_rollups")
