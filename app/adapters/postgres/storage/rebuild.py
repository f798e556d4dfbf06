"""Tables made again, partitioned by month of their UUIDv7 key or not, for the migrations that partition
them (0021, 0023): the rows copied, and the keys, indexes and incoming foreign keys read from the
catalogue before the old table goes, then made again under their names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa
from alembic import op

MONTHS_AHEAD = 3


def lowest_id(year: int, month: int) -> UUID:
    milliseconds = int(datetime(year, month, 1, tzinfo=UTC).timestamp() * 1000)
    return UUID(int=milliseconds << 80 | 0x7 << 76 | 0b10 << 62)


def months_from(oldest: UUID | None) -> list[tuple[int, int]]:
    """The month of ``oldest`` (a UUIDv7) or the current one, whichever is earlier, through three ahead."""
    now = datetime.now(UTC)
    first = (now.year, now.month)
    if oldest is not None and oldest.version == 7:
        made = datetime.fromtimestamp((oldest.int >> 80) / 1000, UTC)
        first = min(first, (made.year, made.month))
    index, last = first[0] * 12 + first[1] - 1, now.year * 12 + now.month - 1 + MONTHS_AHEAD
    return [(i // 12, i % 12 + 1) for i in range(index, last + 1)]


def rebuild(
    table: str,
    key: str,
    *,
    partitioned: bool,
    leave_out: Sequence[str] = (),
    add: Sequence[tuple[str, str]] = (),
) -> None:
    """``table`` made again, partitioned by RANGE of ``key`` per month or not, with its rows, keys,
    indexes and the foreign keys of other tables that point at it; the constraints and indexes named in
    ``leave_out`` are not made again, those of ``add`` are added."""
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
    indexes = bind.execute(
        sa.text(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index AS i"
            " JOIN pg_class AS c ON c.oid = i.indexrelid"
            " WHERE i.indrelid = CAST(:t AS regclass)"
            " AND NOT EXISTS (SELECT FROM pg_constraint AS k WHERE k.conindid = i.indexrelid)"
        ),
        {"t": table},
    ).all()
    partitioning = f" PARTITION BY RANGE ({key})" if partitioned else ""
    op.execute(f"CREATE TABLE {table}__new (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS){partitioning}")
    if partitioned:
        oldest = bind.execute(
            sa.text(f"SELECT {key} FROM {table} WHERE substr({key}::text, 15, 1) = '7' ORDER BY {key} LIMIT 1")  # noqa: S608
        ).scalar()
        for year, month in months_from(oldest):
            upper = (year + month // 12, month % 12 + 1)
            op.execute(
                f"CREATE TABLE {table}_{year:04d}_{month:02d} PARTITION OF {table}__new"
                f" FOR VALUES FROM ('{lowest_id(year, month)}') TO ('{lowest_id(*upper)}')"
            )
        op.execute(f"CREATE TABLE {table}_default PARTITION OF {table}__new DEFAULT")
    op.execute(f"INSERT INTO {table}__new SELECT * FROM {table}")  # noqa: S608
    op.execute(f"DROP TABLE {table} CASCADE")
    op.execute(f"ALTER TABLE {table}__new RENAME TO {table}")
    for name, definition in [*own, *add]:
        if name not in leave_out:
            op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for name, index in indexes:
        if name not in leave_out:
            op.execute(index)
    for referencing, name, definition in incoming:
        op.execute(f"ALTER TABLE {referencing} ADD CONSTRAINT {name} {definition}")
