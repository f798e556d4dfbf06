"""Monthly partitions: clicks, the outbox, webhook deliveries and their attempts are partitioned by
RANGE of their UUIDv7 id (a delivery's attempts by their delivery's id), one partition per UTC month.

Each table is rebuilt: a partitioned copy gets partitions from the month of its oldest row through three
months ahead, plus a default partition for rows whose id is no UUIDv7 of those months (expected empty);
the rows move over, the old table goes, and its keys, indexes and the foreign keys pointing at it are
made again under their names. Webhook deliveries lose their unique (endpoint, event): a partitioned
table's unique keys must hold its partition key, and a delivery's id is now derived from them instead.
The worker makes the next months' partitions from then on.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table and the column it is partitioned by.
TABLES = {
    "clicks": "id",
    "outbox": "id",
    "webhook_deliveries": "id",
    "webhook_delivery_attempts": "delivery_id",
}
MONTHS_AHEAD = 3
UNIQUE_DELIVERY = ("uq_webhook_deliveries_tenant_id_endpoint_id_event_id", "UNIQUE (tenant_id, endpoint_id, event_id)")


def _lowest_id(year: int, month: int) -> UUID:
    milliseconds = int(datetime(year, month, 1, tzinfo=UTC).timestamp() * 1000)
    return UUID(int=milliseconds << 80 | 0x7 << 76 | 0b10 << 62)


def _months(oldest: UUID | None) -> list[tuple[int, int]]:
    now = datetime.now(UTC)
    first = (now.year, now.month)
    if oldest is not None and oldest.version == 7:
        made = datetime.fromtimestamp((oldest.int >> 80) / 1000, UTC)
        first = min(first, (made.year, made.month))
    index, last = first[0] * 12 + first[1] - 1, now.year * 12 + now.month - 1 + MONTHS_AHEAD
    return [(i // 12, i % 12 + 1) for i in range(index, last + 1)]


def _rebuild(
    table: str, *, partitioned: bool, leave_out: Sequence[str] = (), add: Sequence[tuple[str, str]] = ()
) -> None:
    """``table`` made again, partitioned by month or not, with its rows, keys, indexes and the foreign keys
    of other tables that point at it (all read from the catalogue before it goes)."""
    bind = op.get_bind()
    own = bind.execute(
        sa.text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = CAST(:t AS regclass) AND contype IN ('p', 'u', 'f') AND conparentid = 0"
            " ORDER BY contype DESC, conname"
        ),
        {"t": table},
    ).all()
    incoming = bind.execute(
        sa.text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE confrelid = CAST(:t AS regclass) AND conrelid <> CAST(:t AS regclass) AND contype = 'f'"
            " AND conparentid = 0"
        ),
        {"t": table},
    ).all()
    indexes = (
        bind.execute(
            sa.text(
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index AS i"
                " WHERE i.indrelid = CAST(:t AS regclass)"
                " AND NOT EXISTS (SELECT FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)"
            ),
            {"t": table},
        )
        .scalars()
        .all()
    )
    key = TABLES[table]
    partitioning = f" PARTITION BY RANGE ({key})" if partitioned else ""
    op.execute(f"CREATE TABLE {table}__new (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS){partitioning}")
    if partitioned:
        oldest = bind.execute(
            sa.text(f"SELECT {key} FROM {table} WHERE substr({key}::text, 15, 1) = '7' ORDER BY {key} LIMIT 1")  # noqa: S608
        ).scalar()
        for year, month in _months(oldest):
            upper = (year + month // 12, month % 12 + 1)
            op.execute(
                f"CREATE TABLE {table}_{year:04d}_{month:02d} PARTITION OF {table}__new"
                f" FOR VALUES FROM ('{_lowest_id(year, month)}') TO ('{_lowest_id(*upper)}')"
            )
        op.execute(f"CREATE TABLE {table}_default PARTITION OF {table}__new DEFAULT")
    op.execute(f"INSERT INTO {table}__new SELECT * FROM {table}")  # noqa: S608
    op.execute(f"DROP TABLE {table} CASCADE")
    op.execute(f"ALTER TABLE {table}__new RENAME TO {table}")
    for name, definition in [*own, *add]:
        if name not in leave_out:
            op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for index in indexes:
        op.execute(index)
    for referencing, name, definition in incoming:
        op.execute(f"ALTER TABLE {referencing} ADD CONSTRAINT {name} {definition}")


def upgrade() -> None:
    for table in TABLES:
        _rebuild(table, partitioned=True, leave_out=[UNIQUE_DELIVERY[0]])


def downgrade() -> None:
    for table in TABLES:
        add = [UNIQUE_DELIVERY] if table == "webhook_deliveries" else []
        _rebuild(table, partitioned=False, add=add)
