"""PostgreSQL repository of campaigns and the contents each holds; every query is scoped to the unit
of work's tenant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.content.campaign_mappers import campaign_from_row, campaign_values
from app.adapters.postgres.content.campaign_tables import CampaignContentRow, CampaignRow
from app.adapters.postgres.repository import _Repository
from app.domain.content.campaigns import Campaign, CampaignPhase
from app.ports.campaigns import CampaignFilter
from app.ports.content import judged_at
from app.ports.pagination import Page, PageRequest

campaigns: sa.Table = CampaignRow.__table__  # type: ignore[attr-defined]
campaign_contents: sa.Table = CampaignContentRow.__table__  # type: ignore[attr-defined]


def phase_condition(phase: CampaignPhase, at: datetime) -> sa.ColumnElement[bool]:
    """The campaigns whose phase reads as ``phase`` at ``at`` (see ``Campaign.phase``)."""
    c = campaigns.c
    match phase:
        case CampaignPhase.SCHEDULED:
            return sa.and_(c.status == "launched", c.starts_at > at)
        case CampaignPhase.ACTIVE:
            return running_at(at)
        case CampaignPhase.ENDED:
            return sa.and_(c.status == "launched", c.starts_at <= at, c.ends_at <= at)
    return c.status == phase.value


def running_at(at: datetime) -> sa.ColumnElement[bool]:
    c = campaigns.c
    return sa.and_(c.status == "launched", c.starts_at <= at, sa.or_(c.ends_at.is_(None), c.ends_at > at))


class PostgresCampaignRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(campaigns).where(campaigns.c.tenant_id == self._tenant_id)

    async def add(self, campaign: Campaign) -> None:
        self._require_own(campaign.tenant_id)
        await self._write(sa.insert(campaigns).values(campaign_values(campaign)), campaign)

    async def save(self, campaign: Campaign) -> None:
        self._require_own(campaign.tenant_id)
        fixed = ("tenant_id", "id", "created_at", "created_by")
        values = {k: v for k, v in campaign_values(campaign).items() if k not in fixed}
        statement = (
            sa.update(campaigns)
            .where(campaigns.c.tenant_id == self._tenant_id, campaigns.c.id == campaign.id)
            .values(values)
        )
        await self._write(statement, campaign)

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None:
        statement = self._select().where(campaigns.c.id == campaign_id)
        return await self._one(statement.with_for_update() if for_update else statement, campaign_from_row)

    async def get_many(self, campaign_ids: Sequence[UUID]) -> list[Campaign]:
        return await self._all(self._select().where(campaigns.c.id.in_(campaign_ids)), campaign_from_row)

    async def add_content(self, campaign_id: UUID, content_id: UUID, now: datetime) -> bool:
        values = {"tenant_id": self._tenant_id, "campaign_id": campaign_id, "content_id": content_id, "added_at": now}
        statement = (
            insert(campaign_contents).values(values).on_conflict_do_nothing().returning(campaign_contents.c.content_id)
        )
        return (await self._session.execute(statement)).first() is not None

    async def remove_content(self, campaign_id: UUID, content_id: UUID) -> bool:
        cc = campaign_contents.c
        statement = (
            sa.delete(campaign_contents)
            .where(cc.tenant_id == self._tenant_id, cc.campaign_id == campaign_id, cc.content_id == content_id)
            .returning(cc.content_id)
        )
        return (await self._session.execute(statement)).first() is not None

    async def campaigns_of(self, content_ids: Sequence[UUID]) -> dict[UUID, list[Campaign]]:
        cc = campaign_contents.c
        statement = (
            sa.select(campaigns, cc.content_id.label("content_key"))
            .join_from(
                campaign_contents,
                campaigns,
                sa.and_(campaigns.c.tenant_id == cc.tenant_id, campaigns.c.id == cc.campaign_id),
            )
            .where(cc.tenant_id == self._tenant_id, cc.content_id.in_(content_ids))
            .order_by(cc.content_id, campaigns.c.id)
        )
        found: dict[UUID, list[Campaign]] = {content_id: [] for content_id in content_ids}
        for row in (await self._session.execute(statement)).all():
            found[row.content_key].append(campaign_from_row(row))
        return found

    async def list(self, criteria: CampaignFilter, page: PageRequest) -> Page[Campaign]:
        statement = self._select()
        if criteria.status is not None:
            statement = statement.where(phase_condition(criteria.status, judged_at(criteria.at)))
        if criteria.objective is not None:
            statement = statement.where(campaigns.c.objective == criteria.objective.value)
        if criteria.active_at is not None:
            statement = statement.where(running_at(criteria.active_at))
        return await self._page(statement, campaigns.c.id, page, campaign_from_row)
