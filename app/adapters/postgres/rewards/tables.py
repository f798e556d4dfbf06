"""SQLModel tables of rewards: the append-only points ledger and the balances kept beside it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class PointEntryRow(SQLModel, table=True):
    """One ledger entry. Rows are inserted, never deleted; only a withheld entry's review decision
    (status, reviewed_at, actor) is ever written again."""

    __tablename__ = "points_entries"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "reverses"], ["points_entries.tenant_id", "points_entries.id"]),
        # Once per (source event, rule); reversals are once per entry reversed instead.
        sa.Index(
            "uq_points_entries_tenant_id_source_event_id_rule",
            "tenant_id",
            "source_event_id",
            "rule",
            unique=True,
            postgresql_where=sa.text("reverses IS NULL"),
        ),
        sa.Index(
            "uq_points_entries_tenant_id_reverses",
            "tenant_id",
            "reverses",
            unique=True,
            postgresql_where=sa.text("reverses IS NOT NULL"),
        ),
        sa.Index("ix_points_entries_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        sa.Index(
            "ix_points_entries_tenant_id_share_id",
            "tenant_id",
            "share_id",
            postgresql_where=sa.text("share_id IS NOT NULL"),
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
    multiplier: Decimal = Field(sa_column=Column(sa.Numeric(6, 2), nullable=False))
    cap_hit: str | None = None
    reason: str
    reverses: UUID | None = None
    actor: str | None = None
    occurred_at: datetime = timestamp()
    recorded_at: datetime = timestamp()
    reviewed_at: datetime | None = timestamp(nullable=True)


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


points_entries: sa.Table = PointEntryRow.__table__  # type: ignore[attr-defined]
points_balances: sa.Table = PointBalanceRow.__table__  # type: ignore[attr-defined]
