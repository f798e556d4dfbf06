"""Reward rule set versions and the facts the rules read beside the ledger, on PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.tables import conversion_invalidations, reward_rule_sets
from app.adapters.postgres.sharing.tables import ClickRow
from app.domain.rewards.rule_records import guard_data, guard_from_data, rule_data, rule_from_data
from app.domain.rewards.rules import RuleSet
from app.domain.storage.months import lowest_id_at
from app.ports.rewards import ClickBurst, ConversionInvalidation

_sets = reward_rule_sets.c
_invalid = conversion_invalidations.c
_clicks: sa.Table = ClickRow.__table__  # type: ignore[attr-defined]


def _rule_set(row: Any) -> RuleSet:
    return RuleSet(
        tenant_id=row.tenant_id,
        version=row.version,
        effective_from=row.effective_from,
        rules=tuple(rule_from_data(data) for data in row.rules),
        velocity_guard=guard_from_data(row.velocity_guard),
        created_at=row.created_at,
        created_by=row.created_by,
    )


class PostgresRewardRuleSets(_Repository):
    async def versions(self) -> list[RuleSet]:
        statement = sa.select(reward_rule_sets).where(_sets.tenant_id == self._tenant_id).order_by(_sets.version)
        return await self._all(statement, _rule_set)

    async def add(self, rule_set: RuleSet) -> bool:
        self._require_own(rule_set.tenant_id)
        row = await self._write_returning(
            insert(reward_rule_sets)
            .values(
                tenant_id=rule_set.tenant_id,
                version=rule_set.version,
                effective_from=rule_set.effective_from,
                rules=[rule_data(rule) for rule in rule_set.rules],
                velocity_guard=guard_data(rule_set.velocity_guard),
                created_at=rule_set.created_at,
                created_by=rule_set.created_by or "",
            )
            .on_conflict_do_nothing()
            .returning(_sets.version)
        )
        return row is not None


class PostgresRewardFacts(_Repository):
    async def click_burst(self, share_id: UUID, start: datetime, end: datetime) -> ClickBurst:
        clicks = _clicks.c
        row = (
            await self._session.execute(
                sa.select(sa.func.count(), sa.func.count(sa.distinct(clicks.visitor_hash))).where(
                    clicks.tenant_id == self._tenant_id,
                    clicks.share_id == share_id,
                    clicks.kind == "counted",
                    clicks.is_self.is_(False),
                    clicks.clicked_at >= start,
                    clicks.clicked_at < end,
                    # Clicks are partitioned by the month of their id, made as they were: the older months
                    # are not read (a minute covers the moment between an id and its click's time).
                    clicks.id >= lowest_id_at(start - timedelta(minutes=1)),
                )
            )
        ).one()
        return ClickBurst(clicks=row[0], visitors=row[1])

    async def invalidation(self, conversion_id: UUID) -> ConversionInvalidation | None:
        statement = sa.select(conversion_invalidations).where(
            _invalid.tenant_id == self._tenant_id, _invalid.conversion_id == conversion_id
        )
        return await self._one(
            statement,
            lambda row: ConversionInvalidation(
                conversion_id=row.conversion_id,
                reason=row.reason,
                invalidated_at=row.invalidated_at,
                invalidated_by=row.invalidated_by,
            ),
        )

    async def invalidate(self, invalidation: ConversionInvalidation) -> bool:
        row = await self._write_returning(
            insert(conversion_invalidations)
            .values(
                tenant_id=self._tenant_id,
                conversion_id=invalidation.conversion_id,
                reason=invalidation.reason,
                invalidated_at=invalidation.invalidated_at,
                invalidated_by=invalidation.invalidated_by,
            )
            .on_conflict_do_nothing()
            .returning(_invalid.conversion_id)
        )
        return row is not None
