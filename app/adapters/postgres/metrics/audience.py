"""PostgreSQL history of social accounts' audiences; scoped to the tenant."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.metrics.tables import AudienceObservationRow
from app.adapters.postgres.repository import _Repository
from app.domain.metrics.audience import AudienceObservation
from app.ports.metrics import AudiencePage

audience_observations: sa.Table = AudienceObservationRow.__table__  # type: ignore[attr-defined]
_o = audience_observations.c


def observation_from_row(row: Any) -> AudienceObservation:
    return AudienceObservation(
        tenant_id=row.tenant_id,
        social_account_id=row.social_account_id,
        observed_at=row.observed_at,
        audience_size=row.audience_size,
    )


class PostgresAudienceHistory(_Repository):
    async def record(self, observation: AudienceObservation) -> None:
        self._require_own(observation.tenant_id)
        values = {
            "tenant_id": observation.tenant_id,
            "social_account_id": observation.social_account_id,
            "observed_at": observation.observed_at,
            "audience_size": observation.audience_size,
        }
        statement = insert(audience_observations).values(values)
        await self._write(
            statement.on_conflict_do_update(
                index_elements=[_o.tenant_id, _o.social_account_id, _o.observed_at],
                set_={"audience_size": statement.excluded.audience_size},
            )
        )

    async def list(self, social_account_id: UUID, before: datetime | None, limit: int) -> AudiencePage:
        statement = sa.select(audience_observations).where(
            _o.tenant_id == self._tenant_id, _o.social_account_id == social_account_id
        )
        if before is not None:
            statement = statement.where(_o.observed_at < before)
        rows = await self._all(statement.order_by(_o.observed_at.desc()).limit(limit + 1), observation_from_row)
        kept = rows[:limit]
        return AudiencePage(items=kept, next_before=kept[-1].observed_at if len(rows) > limit else None)
