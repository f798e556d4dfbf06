"""The metrics' own tables: hourly rollups kept by the worker, programme costs, audience history.

Every fact is filed under the UTC hour it happened in: a posted share, its potential reach and its
engagement under the hour it was posted; a click under the hour it was made; a conversion's credit
under the hour it occurred. Hours add up to days, weeks and months in any time zone whose offset
is a whole number of hours (see docs/metrics.md for the others).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


def counter() -> Any:
    # A type rather than a Column: both rollups inherit these fields, and a Column joins one table only.
    return Field(default=0, sa_type=sa.BigInteger, nullable=False, sa_column_kwargs={"server_default": "0"})


def credit() -> Any:
    """Conversions are credited in fractions of one (a linear model splits one among its shares)."""
    return Field(default=Decimal(0), sa_type=sa.Numeric, nullable=False, sa_column_kwargs={"server_default": "0"})


class MetricFigures(SQLModel):
    """The additive figures both rollups hold, each a sum over the facts filed under the hour."""

    posted_shares: int = counter()
    potential_reach: int = counter()
    impressions: int = counter()
    reactions: int = counter()
    comments: int = counter()
    reshares: int = counter()
    clicks: int = counter()
    unique_visitors: int = counter()
    leads: Decimal = credit()
    signups: Decimal = credit()
    job_applications: Decimal = credit()
    hires: Decimal = credit()
    purchases: Decimal = credit()
    custom_conversions: Decimal = credit()
    conversion_value_minor: Decimal = credit()


class MetricShareHourRow(MetricFigures, table=True):
    """One share's figures in one hour, with the share's dimensions copied (they never change), so
    that breakdowns by content, campaign, ambassador, network or language read this table alone."""

    __tablename__ = "metric_share_hours"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
        sa.Index("ix_metric_share_hours_tenant_id_hour", "tenant_id", "hour"),
        sa.Index("ix_metric_share_hours_tenant_id_ambassador_id_hour", "tenant_id", "ambassador_id", "hour"),
        # Active ambassadors: the hours a share was posted in, one row per posted share.
        sa.Index(
            "ix_metric_share_hours_tenant_id_hour_ambassador_id_posted",
            "tenant_id",
            "hour",
            "ambassador_id",
            postgresql_where=sa.text("posted_shares > 0"),
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    share_id: UUID = Field(primary_key=True)
    hour: datetime = Field(sa_column=Column(sa.DateTime(timezone=True), primary_key=True))
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None
    network: str
    language: str


class MetricHourRow(MetricFigures, table=True):
    """The whole programme's figures in one hour: totals and time series read at most 24 rows a day,
    however many clicks there were."""

    __tablename__ = "metric_hours"

    tenant_id: UUID = Field(primary_key=True)
    hour: datetime = Field(sa_column=Column(sa.DateTime(timezone=True), primary_key=True))
    network: str = Field(primary_key=True)


class MetricDayRow(MetricFigures, table=True):
    """The whole programme's figures in one UTC day: the sum of its 24 hours, kept beside them so that
    long periods read a row a day (a bucket's partial days at its edges still read hours)."""

    __tablename__ = "metric_days"

    tenant_id: UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    network: str = Field(primary_key=True)


class MetricShareRow(SQLModel, table=True):
    """A posted share as the rollups know it: filed once, with the engagement last added for it (a
    new snapshot adds the difference). What makes the worker's additions safe to repeat."""

    __tablename__ = "metric_shares"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
    )

    tenant_id: UUID = Field(primary_key=True)
    share_id: UUID = Field(primary_key=True)
    filed: bool = Field(default=False, sa_column=Column(sa.Boolean(), nullable=False, server_default=sa.false()))
    impressions: int = counter()
    reactions: int = counter()
    comments: int = counter()
    reshares: int = counter()


class MetricConversionRow(SQLModel, table=True):
    """An attributed conversion whose credits are in the rollups; invalidating it takes them out once."""

    __tablename__ = "metric_conversions"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "conversion_id"], ["conversions.tenant_id", "conversions.id"], ondelete="CASCADE"
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    conversion_id: UUID = Field(primary_key=True)


class ProgrammeCostRow(SQLModel, table=True):
    """A dated cost of the programme on one of the guide's budget lines, in integer minor units."""

    __tablename__ = "programme_costs"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("ix_programme_costs_tenant_id_incurred_on_id", "tenant_id", "incurred_on", "id"),
        sa.CheckConstraint(
            "budget_line in ('platform', 'content_creation', 'animation', 'rewards')", name="budget_line"
        ),
        sa.CheckConstraint("amount_minor >= 0", name="amount_minor"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    budget_line: str
    incurred_on: date
    amount_minor: int = Field(sa_column=Column(sa.BigInteger(), nullable=False))
    currency: str
    description: str | None = None
    recorded_by: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class AudienceObservationRow(SQLModel, table=True):
    """A social account's audience size as it was said to be at ``observed_at``: its growth over time."""

    __tablename__ = "audience_observations"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "social_account_id"], ["social_accounts.tenant_id", "social_accounts.id"], ondelete="CASCADE"
        ),
        sa.CheckConstraint("audience_size >= 0", name="audience_size"),
    )

    tenant_id: UUID = Field(primary_key=True)
    social_account_id: UUID = Field(primary_key=True)
    observed_at: datetime = Field(sa_column=Column(sa.DateTime(timezone=True), primary_key=True))
    audience_size: int = Field(sa_column=Column(sa.BigInteger(), nullable=False))
