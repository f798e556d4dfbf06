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

from app.adapters.postgres.storage.rebuild import rebuild

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
UNIQUE_DELIVERY = ("uq_webhook_deliveries_tenant_id_endpoint_id_event_id", "UNIQUE (tenant_id, endpoint_id, event_id)")


def upgrade() -> None:
    for table in TABLES:
        rebuild(table, TABLES[table], partitioned=True, leave_out=[UNIQUE_DELIVERY[0]])


def downgrade() -> None:
    for table in TABLES:
        add = [UNIQUE_DELIVERY] if table == "webhook_deliveries" else []
        rebuild(table, TABLES[table], partitioned=False, add=add)
