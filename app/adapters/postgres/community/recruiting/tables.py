"""SQLModel tables of recruiting: invitation waves with the employees each named, and referrals."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class InvitationWaveRow(SQLModel, table=True):
    """A batch of invitations staff sent together; its members are the cohort."""

    __tablename__ = "invitation_waves"

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    name: str
    note: str | None = None
    department: str | None = None
    location: str | None = None
    created_by: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class InvitationWaveMemberRow(SQLModel, table=True):
    """One employee a wave named: invited (their membership is the cohort's member) or skipped."""

    __tablename__ = "invitation_wave_members"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "wave_id"], ["invitation_waves.tenant_id", "invitation_waves.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.CheckConstraint("outcome in ('invited', 'skipped')", name="outcome"),
    )

    tenant_id: UUID = Field(primary_key=True)
    wave_id: UUID = Field(primary_key=True)
    employee_id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    outcome: str


class ReferralRow(SQLModel, table=True):
    """An ambassador's invitation of a colleague; one per ambassador and colleague."""

    __tablename__ = "referrals"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "referrer_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"]),
        sa.UniqueConstraint("tenant_id", "referrer_id", "employee_id"),
        sa.Index("ix_referrals_tenant_id_referrer_id_id", "tenant_id", "referrer_id", "id"),
        sa.Index("ix_referrals_tenant_id_employee_id", "tenant_id", "employee_id"),
        sa.CheckConstraint("status in ('pending', 'credited', 'not_credited')", name="status"),
        sa.CheckConstraint("(status = 'pending') = (closed_at IS NULL)", name="closed_at"),
        # A colleague is credited to one referral, ever.
        sa.Index(
            "uq_referrals_tenant_id_employee_id_credited",
            "tenant_id",
            "employee_id",
            unique=True,
            postgresql_where=sa.text("status = 'credited'"),
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    referrer_id: UUID
    employee_id: UUID
    status: str
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
    closed_at: datetime | None = timestamp(nullable=True)
