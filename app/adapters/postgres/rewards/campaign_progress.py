"""Campaign progress on asyncpg: a campaign's goals and what its shares reached, in one statement."""

from __future__ import annotations

import json
from uuid import UUID

import asyncpg

from app.ports.recognition import CampaignProgress, GoalProgress

# $1 tenant, $2 campaign. Posted shares of the campaign, their counted clicks that are not the
# ambassadors' own, and the conversions credited to the campaign by type (each counted once).
PROGRESS = """
SELECT c.id, c.is_challenge, c.goals::text AS goals,
       (SELECT count(*) FROM shares AS s
        WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id AND s.status = 'posted') AS shares,
       (SELECT count(*) FROM shares AS s
        JOIN clicks AS k ON k.tenant_id = s.tenant_id AND k.share_id = s.id
        WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id AND k.kind = 'counted' AND NOT k.is_self) AS clicks,
       (SELECT coalesce(json_object_agg(t.type, t.n), '{}')::text FROM (
            SELECT v.type, count(DISTINCT v.id) AS n
            FROM conversion_credits AS cc
            JOIN conversions AS v ON v.tenant_id = cc.tenant_id AND v.id = cc.conversion_id
            WHERE cc.tenant_id = c.tenant_id AND cc.campaign_id = c.id
            GROUP BY v.type
        ) AS t) AS conversions
FROM campaigns AS c
WHERE c.tenant_id = $1 AND c.id = $2
"""


class PostgresCampaignProgressReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def progress(self, tenant_id: UUID, campaign_id: UUID) -> CampaignProgress | None:
        row = await self._pool.fetchrow(PROGRESS, tenant_id, campaign_id)
        if row is None:
            return None
        goals = json.loads(row["goals"])
        reached: dict[str, int] = json.loads(row["conversions"])
        targets: dict[str, int] = goals.get("conversions") or {}
        return CampaignProgress(
            campaign_id=row["id"],
            is_challenge=row["is_challenge"],
            shares=GoalProgress(target=goals.get("shares"), reached=row["shares"]),
            clicks=GoalProgress(target=goals.get("clicks"), reached=row["clicks"]),
            conversions={
                kind: GoalProgress(target=targets.get(kind), reached=reached.get(kind, 0))
                for kind in sorted(set(targets) | set(reached))
            },
        )
