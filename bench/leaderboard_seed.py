"""A large tenant for the leaderboard benchmark: 100k ambassadors and millions of ledger entries,
written with COPY (the roster and the entries), then the rollups built from the entries as the
worker would have built them, one row per (period, ambassador).

Points are spread over the past year; 80% of the members appear on boards. ``grow`` adds entries
to reach a larger ledger, so one run measures the same board at 1M and at 10M entries."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from app.adapters.postgres.database import create_pool, plain_dsn
from app.adapters.postgres.storage.partitions import PostgresPartitions
from app.domain.storage.months import Month

AMBASSADORS = 100_000
VISIBLE_SHARE = 0.8
DEPARTMENTS = ("Sales", "Marketing", "Engineering", "People", "Finance", "Customer Success")
CHUNK = 250_000
PROGRAMME = UUID(int=0)

# The rollups and the scores exactly as the worker's upserts and the triggers would leave them, built
# in two statements with the row triggers off (firing them for millions of rows would take an hour).
ROLLUPS = """
INSERT INTO leaderboard_rollups (tenant_id, period_kind, period_start, campaign_id, ambassador_id, points, shown)
SELECT e.tenant_id, k.kind,
       CASE WHEN k.kind = 'all_time' THEN DATE '1970-01-01'
            ELSE date_trunc(k.kind, e.occurred_at AT TIME ZONE 'UTC')::date END,
       $2::uuid, e.ambassador_id, sum(e.points), bool_and(a.status = 'active'
           AND coalesce((a.preferences ->> 'leaderboard_visible')::boolean, false))
FROM points_entries AS e
JOIN ambassadors AS a ON a.tenant_id = e.tenant_id AND a.id = e.ambassador_id
CROSS JOIN (VALUES ('week'), ('month'), ('quarter'), ('all_time')) AS k(kind)
WHERE e.tenant_id = $1
GROUP BY 1, 2, 3, 4, 5
"""
SCORES = """
INSERT INTO leaderboard_scores (tenant_id, period_kind, period_start, campaign_id, points, members)
SELECT tenant_id, period_kind, period_start, campaign_id, points, count(*)
FROM leaderboard_rollups WHERE tenant_id = $1 AND shown
GROUP BY 1, 2, 3, 4, 5
"""


@dataclass(frozen=True, slots=True)
class BoardTenant:
    tenant_id: UUID
    reader_subject: str
    reader_email: str


def _uuid7(milliseconds: int, sequence: int) -> UUID:
    return UUID(int=(milliseconds << 80) | (0x7 << 76) | (0x8 << 60) | (sequence & ((1 << 60) - 1)))


class LeaderboardSeed:
    def __init__(self, url: str) -> None:
        self._url = plain_dsn(url)
        self._random = random.Random(20261206)
        self._now = datetime.now(UTC)
        self._ambassadors: list[UUID] = []
        self._entries = 0

    async def roster(self) -> BoardTenant:
        connection = await asyncpg.connect(self._url)
        try:
            tenant_id = _uuid7(int(self._now.timestamp() * 1000), 1)
            await connection.execute(
                "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'bench', 'Acme', $2)",
                tenant_id,
                self._now,
            )
            employees, members = [], []
            millis = int((self._now - timedelta(days=400)).timestamp() * 1000)
            for number in range(AMBASSADORS):
                employee_id, ambassador_id = _uuid7(millis, 2 * number + 10), _uuid7(millis, 2 * number + 11)
                employees.append(
                    (
                        tenant_id,
                        employee_id,
                        f"employee{number}@acme.example",
                        f"Given{number}",
                        f"Family{number}",
                        DEPARTMENTS[number % len(DEPARTMENTS)],
                        f"bench|{number}",
                        "active",
                        1,
                        self._now,
                        self._now,
                    )
                )
                visible = self._random.random() < VISIBLE_SHARE or number == 0
                preferences = json.dumps(
                    {"languages": [], "topics": [], "max_shares_per_week": None, "leaderboard_visible": visible}
                )
                members.append(
                    (tenant_id, ambassador_id, employee_id, "active", self._now, preferences, 1, self._now, self._now)
                )
                self._ambassadors.append(ambassador_id)
            await connection.copy_records_to_table(
                "employees",
                records=employees,
                columns=[
                    "tenant_id",
                    "id",
                    "email",
                    "given_name",
                    "family_name",
                    "department",
                    "idp_subject",
                    "status",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            )
            await connection.copy_records_to_table(
                "ambassadors",
                records=members,
                columns=[
                    "tenant_id",
                    "id",
                    "employee_id",
                    "status",
                    "consented_at",
                    "preferences",
                    "version",
                    "created_at",
                    "updated_at",
                ],
            )
            self._tenant_id = tenant_id
            return BoardTenant(tenant_id, "bench|0", "employee0@acme.example")
        finally:
            await connection.close()

    async def grow(self, entries: int) -> None:
        """Add ledger entries until there are ``entries``, then build the rollups anew from them all."""
        # The ledger is partitioned by the month of its ids: the year's months get theirs first, as the
        # worker would have made them while that year went by, so COPY fills them and not the default.
        months = await create_pool(self._url, size=1)
        try:
            await PostgresPartitions(months).create([Month.of(self._now).plus(-back) for back in range(14)])
        finally:
            await months.close()
        connection = await asyncpg.connect(self._url)
        try:
            start = int((self._now - timedelta(days=365)).timestamp() * 1000)
            span = 365 * 86_400_000
            count = len(self._ambassadors)
            draw = self._random.random
            while self._entries < entries:
                size = min(CHUNK, entries - self._entries)
                rows = []
                for n in range(size):
                    millis = start + int(draw() * span)
                    at = datetime.fromtimestamp(millis / 1000, UTC)
                    rows.append(
                        (
                            self._tenant_id,
                            _uuid7(millis, self._entries + n),
                            self._ambassadors[int(draw() * count)],
                            1 + int(draw() * 50),
                            "award",
                            "credited",
                            "share_posted",
                            1,
                            "Share posted.",
                            at,
                            at,
                        )
                    )
                await connection.copy_records_to_table(
                    "points_entries",
                    records=rows,
                    columns=[
                        "tenant_id",
                        "id",
                        "ambassador_id",
                        "points",
                        "kind",
                        "status",
                        "rule",
                        "multiplier",
                        "reason",
                        "occurred_at",
                        "recorded_at",
                    ],
                )
                self._entries += size
            async with connection.transaction():
                await connection.execute("SET LOCAL session_replication_role = replica")
                await connection.execute("DELETE FROM leaderboard_rollups WHERE tenant_id = $1", self._tenant_id)
                await connection.execute("DELETE FROM leaderboard_scores WHERE tenant_id = $1", self._tenant_id)
                await connection.execute(ROLLUPS, self._tenant_id, PROGRAMME)
                await connection.execute(SCORES, self._tenant_id)
            await connection.execute("VACUUM ANALYZE")
        finally:
            await connection.close()
