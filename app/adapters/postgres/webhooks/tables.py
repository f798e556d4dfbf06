"""Tables of outgoing webhooks: endpoints, their sealed secrets, one delivery per event and endpoint,
and the log of each attempt."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import texts, timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class WebhookEndpointRow(SQLModel, table=True):
    __tablename__ = "webhook_endpoints"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.CheckConstraint("disabled_reason in ('admin', 'failing')", name="disabled_reason"),
        sa.CheckConstraint("enabled = (disabled_reason IS NULL)", name="disabled_has_reason"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    url: str
    description: str
    event_types: list[str] = texts()
    enabled: bool
    disabled_reason: str | None = None
    failing_since: datetime | None = timestamp(nullable=True)
    version: int
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class WebhookEndpointSecretRow(SQLModel, table=True):
    """A ``whsec_`` secret sealed with Fernet; never kept in clear."""

    __tablename__ = "webhook_endpoint_secrets"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "endpoint_id"], ["webhook_endpoints.tenant_id", "webhook_endpoints.id"], ondelete="CASCADE"
        ),
        sa.Index("ix_webhook_endpoint_secrets_tenant_id_endpoint_id", "tenant_id", "endpoint_id"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    endpoint_id: UUID
    sealed: str
    issued_at: datetime = timestamp()
    expires_at: datetime | None = timestamp(nullable=True)


class WebhookDeliveryRow(SQLModel, table=True):
    """One event's delivery to one endpoint. ``attempts`` counts the attempts of the current course of
    the schedule (a replay starts it again), ``total_attempts`` every one. While a worker holds it,
    ``leased_until`` is set and ``next_attempt_at`` is the lease's end, so a dead worker's delivery
    comes due again by itself."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "endpoint_id"], ["webhook_endpoints.tenant_id", "webhook_endpoints.id"], ondelete="CASCADE"
        ),
        sa.Index("ix_webhook_deliveries_tenant_id_endpoint_id_id", "tenant_id", "endpoint_id", "id"),
        # Workers take whatever is due first, whatever its tenant; and count what each endpoint has in flight.
        sa.Index("ix_webhook_deliveries_due", "next_attempt_at", postgresql_where=sa.text("state = 'pending'")),
        sa.Index(
            "ix_webhook_deliveries_in_flight",
            "leased_until",
            "tenant_id",
            "endpoint_id",
            postgresql_where=sa.text("leased_until IS NOT NULL"),
        ),
        sa.CheckConstraint("state in ('pending', 'succeeded', 'failed')", name="state"),
        sa.CheckConstraint("attempts >= 0 AND total_attempts >= attempts", name="attempts"),
        # One partition per month (storage): no unique key but those holding the id, so one delivery per
        # endpoint and event is kept by the id, derived from the two (``derived_id``).
        {"postgresql_partition_by": "RANGE (id)"},
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    endpoint_id: UUID
    event_id: UUID
    event_type: str
    body: str = Field(sa_column=Column(sa.Text, nullable=False))
    state: str
    attempts: int
    total_attempts: int
    next_attempt_at: datetime | None = timestamp(nullable=True)
    leased_until: datetime | None = timestamp(nullable=True)
    last_status_code: int | None = None
    last_error: str | None = None
    created_at: datetime = timestamp()


class WebhookDeliveryAttemptRow(SQLModel, table=True):
    __tablename__ = "webhook_delivery_attempts"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "delivery_id"], ["webhook_deliveries.tenant_id", "webhook_deliveries.id"], ondelete="CASCADE"
        ),
        # Cut by its delivery's month: a delivery's attempts live and go with it.
        {"postgresql_partition_by": "RANGE (delivery_id)"},
    )

    tenant_id: UUID = Field(primary_key=True)
    delivery_id: UUID = Field(primary_key=True)
    attempt: int = Field(primary_key=True)
    attempted_at: datetime = timestamp()
    status_code: int | None = None
    latency_ms: int
    error: str | None = None


webhook_endpoints: sa.Table = WebhookEndpointRow.__table__  # type: ignore[attr-defined]
webhook_endpoint_secrets: sa.Table = WebhookEndpointSecretRow.__table__  # type: ignore[attr-defined]
webhook_deliveries: sa.Table = WebhookDeliveryRow.__table__  # type: ignore[attr-defined]
webhook_delivery_attempts: sa.Table = WebhookDeliveryAttemptRow.__table__  # type: ignore[attr-defined]
