"""SQLModel table of SCIM provisioning: which employees an identity provider manages, and its names for them."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class ScimLinkRow(SQLModel, table=True):
    __tablename__ = "scim_links"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"], ondelete="CASCADE"
        ),
        # userName is unique without regard to case, as SCIM compares it.
        sa.Index("uq_scim_links_tenant_id_user_name", "tenant_id", sa.text("lower(user_name)"), unique=True),
        sa.Index("ix_scim_links_tenant_id_external_id", "tenant_id", "external_id"),
        sa.Index("ix_scim_links_tenant_id_created_at_employee_id", "tenant_id", "created_at", "employee_id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    employee_id: UUID = Field(primary_key=True)
    user_name: str = Field(sa_column=Column(sa.Text, nullable=False))
    external_id: str | None = Field(default=None, sa_column=Column(sa.Text, nullable=True))
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class ScimGroupRow(SQLModel, table=True):
    """A department as the identity provider pushes it; its members are read from the employees' department."""

    __tablename__ = "scim_groups"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.Index("uq_scim_groups_tenant_id_display_name", "tenant_id", sa.text("lower(display_name)"), unique=True),
        sa.Index("ix_scim_groups_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    display_name: str = Field(sa_column=Column(sa.Text, nullable=False))
    external_id: str | None = Field(default=None, sa_column=Column(sa.Text, nullable=True))
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
