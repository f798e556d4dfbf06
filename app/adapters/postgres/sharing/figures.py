"""Share figures on asyncpg: one hand-written statement for any number of shares, no ORM."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from fractions import Fraction
from uuid import UUID

import asyncpg

from app.domain.attribution.conversions import ConversionType
from app.domain.sharing.engagement import EngagementSnapshot, EngagementSource
from app.ports.sharing import ConversionTally, ShareStats

# $1 tenant, $2 share ids. Each share of the tenant among them, with its counted clicks (not the
# ambassador's own), the unique ones among those, its credits (the conversion's type and the
# credit's weight, one array element per credit) and its current engagement snapshot, if any.
FIGURES = """
SELECT s.id,
       c.clicks, c.unique_clicks,
       coalesce(k.types, '{}') AS credit_types,
       coalesce(k.numerators, '{}') AS credit_numerators,
       coalesce(k.denominators, '{}') AS credit_denominators,
       e.id AS engagement_id, e.observed_at, e.impressions, e.reactions, e.comments, e.reshares,
       e.recorded_at, e.recorded_by, e.source
FROM shares AS s
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE kind = 'counted' AND NOT is_self) AS clicks,
           count(*) FILTER (WHERE kind = 'counted' AND NOT is_self AND is_unique) AS unique_clicks
    FROM clicks
    WHERE clicks.tenant_id = s.tenant_id AND clicks.share_id = s.id
) AS c
CROSS JOIN LATERAL (
    SELECT array_agg(v.type) AS types,
           array_agg(cc.weight_numerator) AS numerators,
           array_agg(cc.weight_denominator) AS denominators
    FROM conversion_credits AS cc
    JOIN conversions AS v ON v.tenant_id = cc.tenant_id AND v.id = cc.conversion_id
    WHERE cc.tenant_id = s.tenant_id AND cc.share_id = s.id
) AS k
LEFT JOIN LATERAL (
    -- The integration's latest snapshot, else the ambassador's: the second probe runs only when
    -- the first finds nothing, each along the (share, source, observed_at) index.
    (
        SELECT * FROM engagement_snapshots AS snapshot
        WHERE snapshot.tenant_id = s.tenant_id AND snapshot.share_id = s.id AND snapshot.source = 'integration'
        ORDER BY snapshot.observed_at DESC, snapshot.recorded_at DESC, snapshot.id DESC
        LIMIT 1
    )
    UNION ALL
    (
        SELECT * FROM engagement_snapshots AS snapshot
        WHERE snapshot.tenant_id = s.tenant_id AND snapshot.share_id = s.id AND snapshot.source = 'self_reported'
        ORDER BY snapshot.observed_at DESC, snapshot.recorded_at DESC, snapshot.id DESC
        LIMIT 1
    )
    LIMIT 1
) AS e ON true
WHERE s.tenant_id = $1::uuid AND s.id = ANY($2::uuid[])
"""


class PostgresShareFiguresReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def figures(self, tenant_id: UUID, share_ids: Sequence[UUID]) -> dict[UUID, ShareStats]:
        if not share_ids:
            return {}
        rows = await self._pool.fetch(FIGURES, tenant_id, list(dict.fromkeys(share_ids)))
        return {row["id"]: _figures(tenant_id, row) for row in rows}


def _figures(tenant_id: UUID, row: asyncpg.Record) -> ShareStats:
    weights: dict[ConversionType, list[Fraction]] = defaultdict(list)
    for kind, numerator, denominator in zip(
        row["credit_types"], row["credit_numerators"], row["credit_denominators"], strict=True
    ):
        weights[ConversionType(kind)].append(Fraction(numerator, denominator))
    return ShareStats(
        clicks=row["clicks"],
        unique_clicks=row["unique_clicks"],
        conversions={
            kind: ConversionTally(count=len(parts), credit=sum(parts, Fraction(0)))
            for kind, parts in sorted(weights.items())
        },
        engagement=_engagement(tenant_id, row),
    )


def _engagement(tenant_id: UUID, row: asyncpg.Record) -> EngagementSnapshot | None:
    if row["engagement_id"] is None:
        return None
    return EngagementSnapshot(
        id=row["engagement_id"],
        tenant_id=tenant_id,
        share_id=row["id"],
        observed_at=row["observed_at"],
        impressions=row["impressions"],
        reactions=row["reactions"],
        comments=row["comments"],
        reshares=row["reshares"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
        source=EngagementSource(row["source"]),
    )
