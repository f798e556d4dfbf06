"""SQLModel tables of rewards: the append-only points ledger, the balances kept beside it, the versions
of the reward rules and the conversions reported invalid."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class PointEntryRow(SQLModel, table=True):
    """One ledger entry. Rows are inserted, never deleted; only a withheld entry's review decision
    (status, reviewed_at, actor) is ever written again. Partitioned by month of its id (migration 0023):
    its unique keys other than the id are in ``points_entry_keys``."""

    __tablename__ = "points_entries"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "reverses"], ["points_entries.tenant_id", "points_entries.id"]),
        sa.Index("ix_points_entries_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        # The metrics' points awarded in a period.
        sa.Index("ix_points_entries_tenant_id_recorded_at", "tenant_id", "recorded_at"),
        sa.Index(
            "ix_points_entries_tenant_id_share_id",
            "tenant_id",
            "share_id",
            postgresql_where=sa.text("share_id IS NOT NULL"),
        ),
        sa.Index(
            "ix_points_entries_tenant_id_conversion_id",
            "tenant_id",
            "conversion_id",
            postgresql_where=sa.text("conversion_id IS NOT NULL"),
        ),
        sa.Index(
            "ix_points_entries_tenant_id_withheld",
            "tenant_id",
            "id",
            postgresql_where=sa.text("status = 'withheld'"),
        ),
        sa.CheckConstraint(
            "kind in ('award', 'reversal', 'adjustment', 'redemption', 'refund', 'donation')", name="kind"
        ),
        sa.CheckConstraint("status in ('credited', 'withheld', 'released', 'reversed')", name="status"),
        sa.CheckConstraint("cap_hit IS NULL OR cap_hit in ('daily', 'share')", name="cap_hit"),
        sa.CheckConstraint("(kind = 'reversal') = (reverses IS NOT NULL)", name="reverses"),
        sa.CheckConstraint("multiplier > 0", name="multiplier"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    points: int = Field(sa_column=Column(sa.BigInteger, nullable=False))
    kind: str
    status: str
    rule: str
    rule_set_version: int | None = None
    source_event_id: UUID | None = None
    source_event_type: str | None = None
    share_id: UUID | None = None
    campaign_id: UUID | None = None
    conversion_id: UUID | None = None
    multiplier: Decimal = Field(sa_column=Column(sa.Numeric(6, 2), nullable=False))
    cap_hit: str | None = None
    reason: str
    reverses: UUID | None = None
    actor: str | None = None
    occurred_at: datetime = timestamp()
    recorded_at: datetime = timestamp()
    reviewed_at: datetime | None = timestamp(nullable=True)


class PointEntryKeyRow(SQLModel, table=True):
    """What makes a ledger entry once only, beside the partitioned ledger, whose unique keys must hold its
    id: an award once per (source event, rule, share), as a conversion credits several shares under one
    rule and an event about no share is once per rule (nulls not distinct); a reversal once per entry
    reversed. Adjustments and spends have none. Written in the entry's transaction, before it."""

    __tablename__ = "points_entry_keys"
    __table_args__ = (
        # Checked at commit: the key is claimed first, and only the entries whose key was claimed are written.
        sa.ForeignKeyConstraint(
            ["tenant_id", "entry_id"],
            ["points_entries.tenant_id", "points_entries.id"],
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.Index(
            "uq_points_entry_keys_tenant_id_source_event_id_rule_share_id",
            "tenant_id",
            "source_event_id",
            "rule",
            "share_id",
            unique=True,
            postgresql_where=sa.text("kind = 'award'"),
            postgresql_nulls_not_distinct=True,
        ),
        sa.Index(
            "uq_points_entry_keys_tenant_id_reverses",
            "tenant_id",
            "reverses",
            unique=True,
            postgresql_where=sa.text("kind = 'reversal'"),
        ),
        sa.CheckConstraint("kind in ('award', 'reversal')", name="kind"),
        sa.CheckConstraint(
            "(kind = 'award' AND source_event_id IS NOT NULL AND reverses IS NULL)"
            " OR (kind = 'reversal' AND reverses IS NOT NULL AND source_event_id IS NULL"
            " AND rule IS NULL AND share_id IS NULL)",
            name="key",
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    entry_id: UUID = Field(primary_key=True)
    kind: str
    source_event_id: UUID | None = None
    rule: str | None = None
    share_id: UUID | None = None
    reverses: UUID | None = None


class PointBalanceRow(SQLModel, table=True):
    """An ambassador's balance (the sum of their counted entries) and the points they ever earned."""

    __tablename__ = "points_balances"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.CheckConstraint("balance >= 0", name="balance"),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    balance: int = Field(sa_column=Column(sa.BigInteger, nullable=False))
    earned: int = Field(sa_column=Column(sa.BigInteger, nullable=False))


class RewardRuleSetRow(SQLModel, table=True):
    """One version of a tenant's reward rules, applying from ``effective_from`` (version 0, the default,
    is implied, never stored)."""

    __tablename__ = "reward_rule_sets"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.CheckConstraint("version >= 1", name="version"),
    )

    tenant_id: UUID = Field(primary_key=True)
    version: int = Field(primary_key=True)
    effective_from: datetime = timestamp()
    rules: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    velocity_guard: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    created_at: datetime = timestamp()
    created_by: str


class ConversionInvalidationRow(SQLModel, table=True):
    """A conversion reported invalid, with why: its points are reversed and it earns no more."""

    __tablename__ = "conversion_invalidations"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "conversion_id"], ["conversions.tenant_id", "conversions.id"]),
    )

    tenant_id: UUID = Field(primary_key=True)
    conversion_id: UUID = Field(primary_key=True)
    reason: str
    invalidated_at: datetime = timestamp()
    invalidated_by: str


reward_rule_sets: sa.Table = RewardRuleSetRow.__table__  # type: ignore[attr-defined]
conversion_invalidations: sa.Table = ConversionInvalidationRow.__table__  # type: ignore[attr-defined]
points_entries: sa.Table = PointEntryRow.__table__  # type: ignore[attr-defined]
points_entry_keys: sa.Table = PointEntryKeyRow.__table__  # type: ignore[attr-defined]
points_balances: sa.Table = PointBalanceRow.__table__  # type: ignore[attr-defined]
