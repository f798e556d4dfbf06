"""The event worker: handlers' pending deliveries, parked events, click positions, once-only markers.

Outbox events keep ``delivered_at`` (set when a worker takes them, each once); clicks are read from
their table in id order from a position per tenant and handler, so the redirect writes nothing more.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "click_positions",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("handler", sa.String(), nullable=False),
        sa.Column("last_click_id", sa.Uuid(), nullable=False),
        sa.Column("leased_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_click_positions_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "handler", name=op.f("pk_click_positions")),
    )
    op.create_table(
        "event_deliveries",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("handler", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("source in ('outbox', 'clicks')", name=op.f("ck_event_deliveries_source")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_event_deliveries_attempts")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_event_deliveries_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "event_id", "handler", name=op.f("pk_event_deliveries")),
    )
    op.create_index("ix_event_deliveries_next_attempt_at", "event_deliveries", ["next_attempt_at"], unique=False)
    op.create_table(
        "handled_events",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("handler", sa.String(), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_handled_events_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "event_id", "handler", name=op.f("pk_handled_events")),
    )
    op.create_table(
        "parked_events",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("handler", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(), nullable=False),
        sa.Column("parked_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("source in ('outbox', 'clicks')", name=op.f("ck_parked_events_source")),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_parked_events_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_parked_events")),
        sa.UniqueConstraint(
            "tenant_id", "event_id", "handler", name=op.f("uq_parked_events_tenant_id_event_id_handler")
        ),
    )


def downgrade() -> None:
    op.drop_table("parked_events")
    op.drop_table("handled_events")
    op.drop_index("ix_event_deliveries_next_attempt_at", table_name="event_deliveries")
    op.drop_table("event_deliveries")
    op.drop_table("click_positions")
