"""SQLModel tables of the roster: tenants, employees, memberships, social accounts and sign-in codes.

Every tenant-owned table starts its keys and indexes with ``tenant_id`` so that the schema
can later be distributed by tenant.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class TenantRow(SQLModel, table=True):
    """A tenant. ``link_prefix`` starts every share code it issues; the database assigns it from a
    sequence (revision 0022) and it never changes, so the redirect may keep it in memory."""

    __tablename__ = "tenants"
    __table_args__ = (sa.CheckConstraint("link_prefix ~ '^[0-9A-Za-z]{4}$'", name="link_prefix"),)

    id: UUID = Field(primary_key=True)
    slug: str = Field(sa_column=Column(sa.Text, nullable=False, unique=True))
    name: str
    created_at: datetime = timestamp()
    link_prefix: str = Field(
        sa_column=Column(
            sa.Text,
            nullable=False,
            unique=True,
            server_default=sa.text("tenant_link_prefix(nextval('tenant_link_prefixes'))"),
        )
    )


class EmployeeRow(SQLModel, table=True):
    __tablename__ = "employees"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "manager_id"], ["employees.tenant_id", "employees.id"]),
        sa.UniqueConstraint("tenant_id", "external_id"),
        sa.Index("uq_employees_tenant_id_email", "tenant_id", sa.text("lower(email)"), unique=True),
        sa.Index("uq_employees_tenant_id_idp_subject", "tenant_id", "idp_subject", unique=True),
        sa.Index("ix_employees_tenant_id_department", "tenant_id", "department"),
        sa.Index("ix_employees_tenant_id_location", "tenant_id", "location"),
        sa.Index("ix_employees_tenant_id_status", "tenant_id", "status"),
        # The orders the roster offers (see ``EmployeeSort``), each ending with the tie-breaking id.
        sa.Index(
            "ix_employees_tenant_id_name_id",
            "tenant_id",
            sa.text("lower(family_name)"),
            sa.text("lower(given_name)"),
            "id",
        ),
        sa.Index("ix_employees_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
        sa.CheckConstraint("status in ('active', 'terminated')", name="status"),
        # Employees waiting for a manager a roster source named before they arrived.
        sa.Index(
            "ix_employees_tenant_id_pending_manager_external_id",
            "tenant_id",
            "pending_manager_external_id",
            postgresql_where=sa.text("pending_manager_external_id IS NOT NULL"),
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    external_id: str | None = None
    email: str
    given_name: str
    family_name: str
    department: str | None = None
    location: str | None = None
    language: str | None = None
    manager_id: UUID | None = None
    idp_subject: str | None = None
    status: str
    hired_on: date | None = None
    terminated_on: date | None = None
    # The roster source's time of the last event applied, and a manager it named who had not arrived.
    source_timestamp: datetime | None = timestamp(nullable=True)
    pending_manager_external_id: str | None = None
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class AmbassadorRow(SQLModel, table=True):
    __tablename__ = "ambassadors"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "employee_id"], ["employees.tenant_id", "employees.id"]),
        sa.UniqueConstraint("tenant_id", "employee_id"),
        sa.Index("ix_ambassadors_tenant_id_status", "tenant_id", "status"),
        sa.Index("ix_ambassadors_tenant_id_charter_version", "tenant_id", "charter_version"),
        sa.CheckConstraint("status in ('invited', 'active', 'paused', 'left')", name="status"),
        sa.CheckConstraint("(charter_version IS NULL) = (charter_accepted_at IS NULL)", name="charter_acceptance"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    employee_id: UUID
    status: str
    invited_at: datetime | None = timestamp(nullable=True)
    invited_by: str | None = None
    consented_at: datetime | None = timestamp(nullable=True)
    left_at: datetime | None = timestamp(nullable=True)
    notes: str | None = None
    preferences: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    charter_version: int | None = None
    charter_accepted_at: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class SocialAccountRow(SQLModel, table=True):
    __tablename__ = "social_accounts"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"], ondelete="CASCADE"
        ),
        sa.Index(
            "uq_social_accounts_tenant_id_ambassador_id_network_handle",
            "tenant_id",
            "ambassador_id",
            "network",
            sa.text("lower(handle)"),
            unique=True,
        ),
        sa.CheckConstraint("audience_size >= 0", name="audience_size"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    ambassador_id: UUID
    network: str
    handle: str
    audience_size: int
    created_at: datetime = timestamp()


class SignInCodeRow(SQLModel, table=True):
    """An authorization code of the development OpenID provider, stored by its SHA-256 digest.

    Not tenant-owned data but the provider's own state: a code arrives at the token endpoint
    without a tenant, so the digest alone is the key. Rows live a few minutes.
    """

    __tablename__ = "sign_in_codes"

    code_digest: bytes = Field(sa_column=Column(sa.LargeBinary, primary_key=True))
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None = None
    code_challenge: str
    code_challenge_method: str
    tenant_id: UUID
    subject: str
    email: str
    given_name: str
    family_name: str
    roles: list[str] = texts()
    auth_time: datetime = timestamp()
    expires_at: datetime = timestamp()
