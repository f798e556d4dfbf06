"""SQLModel tables of rewards' catalogue: rewards, redemptions, associations, donations and kudos."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class AssociationRow(SQLModel, table=True):
    __tablename__ = "associations"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("ix_associations_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.CheckConstraint("status in ('active', 'archived')", name="status"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    name: str
    description: str | None = None
    website: str | None = None
    status: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class RewardRow(SQLModel, table=True):
    """A reward of the catalogue; ``stock`` is the units left (null: unlimited), taken by a conditional
    update that never takes it below zero."""

    __tablename__ = "rewards"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "association_id"], ["associations.tenant_id", "associations.id"]),
        sa.Index("ix_rewards_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.CheckConstraint("kind in ('gift', 'experience', 'donation')", name="kind"),
        sa.CheckConstraint("status in ('active', 'archived')", name="status"),
        sa.CheckConstraint("cost > 0", name="cost"),
        sa.CheckConstraint("stock IS NULL OR stock >= 0", name="stock"),
        sa.CheckConstraint("per_person_limit IS NULL OR per_person_limit > 0", name="per_person_limit"),
        sa.CheckConstraint(
            "available_from IS NULL OR available_until IS NULL OR available_until > available_from", name="window"
        ),
        sa.CheckConstraint("(kind = 'donation') = (association_id IS NOT NULL)", name="association"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    name: str
    description: str | None = None
    kind: str
    cost: int
    stock: int | None = None
    per_person_limit: int | None = None
    available_from: datetime | None = timestamp(nullable=True)
    available_until: datetime | None = timestamp(nullable=True)
    requires_approval: bool
    association_id: UUID | None = None
    status: str
    created_by: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class RedemptionRow(SQLModel, table=True):
    """A redemption and the ledger entries that spent and (when rejected or cancelled) refunded its points."""

    __tablename__ = "redemptions"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "reward_id"], ["rewards.tenant_id", "rewards.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "spend_entry_id"], ["points_entries.tenant_id", "points_entries.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "refund_entry_id"], ["points_entries.tenant_id", "points_entries.id"]),
        sa.Index("ix_redemptions_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        sa.Index("ix_redemptions_tenant_id_created_at", "tenant_id", "created_at"),  # the metrics' rewards redeemed
        sa.Index("ix_redemptions_tenant_id_status_id", "tenant_id", "status", "id"),
        sa.Index("ix_redemptions_tenant_id_reward_id_ambassador_id", "tenant_id", "reward_id", "ambassador_id"),
        sa.CheckConstraint("status in ('requested', 'approved', 'fulfilled', 'rejected', 'cancelled')", name="status"),
        sa.CheckConstraint("points > 0", name="points"),
        sa.CheckConstraint("(status in ('rejected', 'cancelled')) = (refund_entry_id IS NOT NULL)", name="refund"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    reward_id: UUID
    ambassador_id: UUID
    points: int = Field(sa_column=Column(sa.BigInteger, nullable=False))
    status: str
    spend_entry_id: UUID
    refund_entry_id: UUID | None = None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = timestamp(nullable=True)
    fulfilled_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class DonationRow(SQLModel, table=True):
    __tablename__ = "donations"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "association_id"], ["associations.tenant_id", "associations.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "entry_id"], ["points_entries.tenant_id", "points_entries.id"]),
        sa.Index("ix_donations_tenant_id_association_id", "tenant_id", "association_id"),
        sa.Index("ix_donations_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
        sa.Index("ix_donations_tenant_id_created_at", "tenant_id", "created_at"),  # the metrics' points donated
        sa.CheckConstraint("points > 0", name="points"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    association_id: UUID
    ambassador_id: UUID
    points: int = Field(sa_column=Column(sa.BigInteger, nullable=False))
    entry_id: UUID
    created_at: datetime = timestamp()


class KudosRow(SQLModel, table=True):
    __tablename__ = "kudos"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.Index("ix_kudos_tenant_id_ambassador_id_id", "tenant_id", "ambassador_id", "id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    message: str
    sent_by: str
    sent_at: datetime = timestamp()


associations: sa.Table = AssociationRow.__table__  # type: ignore[attr-defined]
rewards: sa.Table = RewardRow.__table__  # type: ignore[attr-defined]
redemptions: sa.Table = RedemptionRow.__table__  # type: ignore[attr-defined]
donations: sa.Table = DonationRow.__table__  # type: ignore[attr-defined]
kudos: sa.Table = KudosRow.__table__  # type: ignore[attr-defined]
