"""SQLModel tables of recognition: badges (the tenant's own and those earned, with the counters
their criteria read), leaderboard rollups and the challenges' fixed results."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)

# The campaign of programme-wide rollups: a key column cannot be null, and no campaign has this id.
PROGRAMME = UUID(int=0)


class BadgeRow(SQLModel, table=True):
    """A tenant's own badge, or its override of a default badge of the same key (to disable it)."""

    __tablename__ = "badges"
    __table_args__ = (sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)

    tenant_id: UUID = Field(primary_key=True)
    key: str = Field(primary_key=True)
    name: str
    description: str
    criterion: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    enabled: bool
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class EarnedBadgeRow(SQLModel, table=True):
    """A badge an ambassador holds: once each, for good."""

    __tablename__ = "earned_badges"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.Index("ix_earned_badges_tenant_id_ambassador_id_earned_at", "tenant_id", "ambassador_id", "earned_at"),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    badge_key: str = Field(primary_key=True)
    earned_at: datetime = timestamp()
    source_event_id: UUID | None = None
    campaign_id: UUID | None = None


class BadgeCounterRow(SQLModel, table=True):
    """How many of a metric an ambassador did: ever (``period_start`` 1970-01-01) and per local week."""

    __tablename__ = "badge_counters"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    metric: str = Field(primary_key=True)
    period_start: date = Field(primary_key=True)
    count: int = Field(sa_column=Column(sa.BigInteger(), nullable=False))


class LeaderboardRollupRow(SQLModel, table=True):
    """Points an ambassador earned in one period (week, month, quarter, all time, a campaign's own),
    programme-wide (``campaign_id`` all zeros) or in one campaign. The worker keeps them; boards read
    only them, along the ranking index of the members ``shown`` on boards, never the ledger.

    ``shown`` (an active member who chose to appear) is kept by triggers of revision 0011: set from
    the membership when a row is created, and changed on every row of a member whose status or
    visibility changes. Another trigger keeps ``leaderboard_scores`` in step."""

    __tablename__ = "leaderboard_rollups"
    __table_args__ = (
        sa.Index(
            "ix_leaderboard_rollups_ranking",
            "tenant_id",
            "period_kind",
            "period_start",
            "campaign_id",
            sa.text("points DESC"),
            "ambassador_id",
            postgresql_where=sa.text("shown"),
        ),
        sa.CheckConstraint("period_kind in ('week', 'month', 'quarter', 'all_time', 'campaign')", name="period_kind"),
    )

    tenant_id: UUID = Field(primary_key=True)
    period_kind: str = Field(primary_key=True)
    period_start: date = Field(primary_key=True)
    campaign_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    points: int = Field(sa_column=Column(sa.BigInteger(), nullable=False))
    shown: bool = Field(sa_column=Column(sa.Boolean(), nullable=False, server_default=sa.false()))


class LeaderboardScoreRow(SQLModel, table=True):
    """How many shown members of a board hold each score: a member's rank is one plus the members of
    the scores above theirs, a sum over distinct scores rather than a count of members. Kept by a
    trigger on ``leaderboard_rollups``, never written by the application."""

    __tablename__ = "leaderboard_scores"

    tenant_id: UUID = Field(primary_key=True)
    period_kind: str = Field(primary_key=True)
    period_start: date = Field(primary_key=True)
    campaign_id: UUID = Field(primary_key=True)
    points: int = Field(sa_column=Column(sa.BigInteger(), primary_key=True))
    members: int


class ChallengeResultRow(SQLModel, table=True):
    """A challenge's winners, fixed once when it ended (the row is the once-only marker)."""

    __tablename__ = "challenge_results"
    __table_args__ = (sa.ForeignKeyConstraint(["tenant_id", "campaign_id"], ["campaigns.tenant_id", "campaigns.id"]),)

    tenant_id: UUID = Field(primary_key=True)
    campaign_id: UUID = Field(primary_key=True)
    ended_at: datetime = timestamp()
    settled_at: datetime = timestamp()
    winners: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))


badges: sa.Table = BadgeRow.__table__  # type: ignore[attr-defined]
earned_badges: sa.Table = EarnedBadgeRow.__table__  # type: ignore[attr-defined]
badge_counters: sa.Table = BadgeCounterRow.__table__  # type: ignore[attr-defined]
leaderboard_rollups: sa.Table = LeaderboardRollupRow.__table__  # type: ignore[attr-defined]
leaderboard_scores: sa.Table = LeaderboardScoreRow.__table__  # type: ignore[attr-defined]
challenge_results: sa.Table = ChallengeResultRow.__table__  # type: ignore[attr-defined]
