"""The points ledger partitioned by RANGE of its UUIDv7 id, one partition per UTC month, like 0021's tables.

A partitioned table's unique keys must hold its partition key, and the ledger had two without its id:
an award once per (source event, rule, share) and a reversal once per entry. They move into a table of
their own, ``points_entry_keys``, filled from the ledger's rows, whose unique indexes refuse a second
award or reversal as the ledger's did; the ledger's writes claim the key in the entry's transaction.
Entry ids stay the time the entry was recorded. The ledger's reversal foreign key to itself, and those
of donations and redemptions to it, are made again on the partitioned table (PostgreSQL 15 accepts them).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.adapters.postgres.storage.rebuild import rebuild

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AWARD = "uq_points_entries_tenant_id_source_event_id_rule_share_id"
REVERSAL = "uq_points_entries_tenant_id_reverses"


def upgrade() -> None:
    rebuild("points_entries", "id", partitioned=True, leave_out=[AWARD, REVERSAL])
    op.create_table(
        "points_entry_keys",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("source_event_id", sa.Uuid(), nullable=True),
        sa.Column("rule", sa.String(), nullable=True),
        sa.Column("share_id", sa.Uuid(), nullable=True),
        sa.Column("reverses", sa.Uuid(), nullable=True),
        sa.CheckConstraint("kind in ('award', 'reversal')", name=op.f("ck_points_entry_keys_kind")),
        sa.CheckConstraint(
            "(kind = 'award' AND source_event_id IS NOT NULL AND reverses IS NULL)"
            " OR (kind = 'reversal' AND reverses IS NOT NULL AND source_event_id IS NULL"
            " AND rule IS NULL AND share_id IS NULL)",
            name=op.f("ck_points_entry_keys_key"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entry_id"],
            ["points_entries.tenant_id", "points_entries.id"],
            name=op.f("fk_points_entry_keys_tenant_id_entry_id_points_entries"),
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "entry_id", name=op.f("pk_points_entry_keys")),
    )
    op.create_index(
        "uq_points_entry_keys_tenant_id_source_event_id_rule_share_id",
        "points_entry_keys",
        ["tenant_id", "source_event_id", "rule", "share_id"],
        unique=True,
        postgresql_where=sa.text("kind = 'award'"),
        postgresql_nulls_not_distinct=True,
    )
    op.create_index(
        "uq_points_entry_keys_tenant_id_reverses",
        "points_entry_keys",
        ["tenant_id", "reverses"],
        unique=True,
        postgresql_where=sa.text("kind = 'reversal'"),
    )
    op.execute(
        "INSERT INTO points_entry_keys (tenant_id, entry_id, kind, source_event_id, rule, share_id)"
        " SELECT tenant_id, id, 'award', source_event_id, rule, share_id FROM points_entries"
        " WHERE source_event_id IS NOT NULL AND reverses IS NULL"
    )
    op.execute(
        "INSERT INTO points_entry_keys (tenant_id, entry_id, kind, reverses)"
        " SELECT tenant_id, id, 'reversal', reverses FROM points_entries WHERE reverses IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("points_entry_keys")
    rebuild("points_entries", "id", partitioned=False)
    op.create_index(
        AWARD,
        "points_entries",
        ["tenant_id", "source_event_id", "rule", "share_id"],
        unique=True,
        postgresql_where=sa.text("source_event_id IS NOT NULL AND reverses IS NULL"),
        postgresql_nulls_not_distinct=True,
    )
    op.create_index(
        REVERSAL,
        "points_entries",
        ["tenant_id", "reverses"],
        unique=True,
        postgresql_where=sa.text("reverses IS NOT NULL"),
    )
