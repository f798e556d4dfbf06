"""Notifications: each member's inbox (one notification per cause and person), their devices' push
tokens, their notification preferences, and the contents scheduled for later that were announced when
they went live, and the weekly digests prepared (one per member and week).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification_devices",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_notification_devices_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_notification_devices")),
        sa.UniqueConstraint("tenant_id", "token", name=op.f("uq_notification_devices_tenant_id_token")),
    )
    op.create_index(
        "ix_notification_devices_tenant_id_ambassador_id_registered_at",
        "notification_devices",
        ["tenant_id", "ambassador_id", "registered_at"],
        unique=False,
    )
    op.create_table(
        "notification_preferences",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("muted_kinds", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("quiet_start", sa.Time(), nullable=True),
        sa.Column("quiet_end", sa.Time(), nullable=True),
        sa.Column("time_zone", sa.Text(), nullable=True),
        sa.Column("weekly_digest", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(quiet_start IS NULL) = (quiet_end IS NULL)", name=op.f("ck_notification_preferences_quiet_hours")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_notification_preferences_version")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_notification_preferences_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ambassador_id", name=op.f("pk_notification_preferences")),
    )
    op.create_table(
        "notifications",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("source_event_id", sa.Uuid(), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_notifications_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_notifications")),
        sa.UniqueConstraint(
            "tenant_id",
            "source_event_id",
            "ambassador_id",
            name=op.f("uq_notifications_tenant_id_source_event_id_ambassador_id"),
        ),
    )
    op.create_index(
        "ix_notifications_tenant_id_ambassador_id_id",
        "notifications",
        ["tenant_id", "ambassador_id", "id"],
        unique=False,
    )
    op.create_index(
        "ix_notifications_tenant_id_ambassador_id_id_unread",
        "notifications",
        ["tenant_id", "ambassador_id", "id"],
        unique=False,
        postgresql_where=sa.text("read_at IS NULL"),
    )

    op.create_table(
        "announced_contents",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("content_id", sa.Uuid(), nullable=False),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "content_id"],
            ["contents.tenant_id", "contents.id"],
            name=op.f("fk_announced_contents_tenant_id_content_id_contents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "content_id", name=op.f("pk_announced_contents")),
    )
    op.create_table(
        "weekly_digests",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ambassador_id", sa.Uuid(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("prepared_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"],
            ["ambassadors.tenant_id", "ambassadors.id"],
            name=op.f("fk_weekly_digests_tenant_id_ambassador_id_ambassadors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ambassador_id", "week", name=op.f("pk_weekly_digests")),
    )


def downgrade() -> None:
    op.drop_table("weekly_digests")
    op.drop_table("announced_contents")
    op.drop_index(
        "ix_notifications_tenant_id_ambassador_id_id_unread",
        table_name="notifications",
        postgresql_where=sa.text("read_at IS NULL"),
    )
    op.drop_index("ix_notifications_tenant_id_ambassador_id_id", table_name="notifications")
    op.drop_table("notifications")
    op.drop_table("notification_preferences")
    op.drop_index("ix_notification_devices_tenant_id_ambassador_id_registered_at", table_name="notification_devices")
    op.drop_table("notification_devices")
