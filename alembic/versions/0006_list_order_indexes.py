"""Indexes for the orders lists offer: employees by name and by creation, contents by publication
asked for, shares by creation and by posting. Each leads with ``tenant_id`` and ends with ``id``, the
tie-breaker, so one index range serves every keyset page in either direction; a missing instant
is indexed as infinity, as the queries compare it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: list[tuple[str, str, list[str | sa.ColumnElement[object]]]] = [
    (
        "ix_employees_tenant_id_name_id",
        "employees",
        ["tenant_id", sa.literal_column("lower(family_name)"), sa.literal_column("lower(given_name)"), "id"],
    ),
    ("ix_employees_tenant_id_created_at_id", "employees", ["tenant_id", "created_at", "id"]),
    (
        "ix_contents_tenant_id_publish_at_id",
        "contents",
        ["tenant_id", sa.literal_column("coalesce(publish_at, 'infinity'::timestamptz)"), "id"],
    ),
    ("ix_shares_tenant_id_created_at_id", "shares", ["tenant_id", "created_at", "id"]),
    (
        "ix_shares_tenant_id_posted_at_id",
        "shares",
        ["tenant_id", sa.literal_column("coalesce(posted_at, 'infinity'::timestamptz)"), "id"],
    ),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
