"""PostgreSQL repository of contents (with their history); every query is scoped to the unit of
work's tenant. Campaigns are in ``campaign_repositories.py``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.content.campaign_repositories import campaign_contents
from app.adapters.postgres.content.mappers import (
    content_from_row,
    content_values,
    targeting_from_row,
    transition_from_row,
    transition_values,
)
from app.adapters.postgres.content.tables import ContentHistoryRow, ContentRow
from app.adapters.postgres.keyset import Orders
from app.adapters.postgres.repository import _Repository
from app.domain.content.cadence import Scheduled
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentStatus, ContentTransition, PublicStatus
from app.ports.content import CONTENT_SORT_KEYS, ContentFilter, judged_at
from app.ports.pagination import Page, PageRequest

contents: sa.Table = ContentRow.__table__  # type: ignore[attr-defined]
content_history: sa.Table = ContentHistoryRow.__table__  # type: ignore[attr-defined]
CONTENT_ORDERS = Orders(kinds=CONTENT_SORT_KEYS, columns={"publish_at": (contents.c.publish_at,)})

FIXED_CONTENT_COLUMNS = ("tenant_id", "id", "created_at", "created_by", "proposed")
APPROVED = ContentStatus.APPROVED.value


def public_status_condition(status: PublicStatus, at: datetime) -> sa.ColumnElement[bool]:
    """The rows whose status reads as ``status`` at ``at`` (see ``Content.public_status``)."""
    c = contents.c
    not_expired = sa.or_(c.expire_at.is_(None), c.expire_at > at)
    match status:
        case PublicStatus.EXPIRED:
            return sa.and_(c.status == APPROVED, c.expire_at <= at)
        case PublicStatus.PUBLISHED:
            return sa.and_(c.status == APPROVED, c.live_from <= at, not_expired)
        case PublicStatus.APPROVED:
            return sa.and_(c.status == APPROVED, c.live_from > at, not_expired)
    return c.status == status.value


class PostgresContentRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(contents).where(contents.c.tenant_id == self._tenant_id)

    async def _append_history(self, content: Content) -> None:
        # No savepoint: a history line breaks no constraint a client could cause (its key is the new version).
        lines = [transition_values(line) | {"tenant_id": self._tenant_id} for line in content.drain_history()]
        if lines:
            await self._session.execute(sa.insert(content_history), lines)

    async def add(self, content: Content) -> None:
        self._require_own(content.tenant_id)
        await self._write(sa.insert(contents).values(content_values(content)), content)
        await self._append_history(content)

    async def save(self, content: Content) -> None:
        self._require_own(content.tenant_id)
        values = {k: v for k, v in content_values(content).items() if k not in FIXED_CONTENT_COLUMNS}
        statement = (
            sa.update(contents)
            .where(contents.c.tenant_id == self._tenant_id, contents.c.id == content.id)
            .values(values)
        )
        await self._write(statement, content)
        await self._append_history(content)

    async def get(self, content_id: UUID, *, for_update: bool = False) -> Content | None:
        statement = self._select().where(contents.c.id == content_id)
        return await self._one(statement.with_for_update() if for_update else statement, content_from_row)

    async def get_many(self, content_ids: Sequence[UUID]) -> list[Content]:
        return await self._all(self._select().where(contents.c.id.in_(content_ids)), content_from_row)

    async def pages_by_campaign(self, campaign_ids: Sequence[UUID], page: PageRequest) -> dict[UUID, Page[Content]]:
        """One statement: each campaign's contents numbered in id order, the first ``limit + 1`` kept."""
        cc = campaign_contents.c
        position = sa.func.row_number().over(partition_by=cc.campaign_id, order_by=contents.c.id)
        numbered = (
            sa.select(contents, cc.campaign_id.label("campaign_key"), position.label("position"))
            .join_from(
                campaign_contents,
                contents,
                sa.and_(contents.c.tenant_id == cc.tenant_id, contents.c.id == cc.content_id),
            )
            .where(cc.tenant_id == self._tenant_id, cc.campaign_id.in_(campaign_ids))
        )
        if page.after is not None:
            numbered = numbered.where(contents.c.id > page.after)
        ranked = numbered.subquery()
        statement = (
            sa.select(ranked).where(ranked.c.position <= page.limit + 1).order_by(ranked.c.campaign_key, ranked.c.id)
        )
        found: dict[UUID, list[Content]] = defaultdict(list)
        for row in (await self._session.execute(statement)).all():
            found[row.campaign_key].append(content_from_row(row))
        pages: dict[UUID, Page[Content]] = {}
        for campaign_id in campaign_ids:
            items = found.get(campaign_id, [])
            kept = items[: page.limit]
            pages[campaign_id] = Page(items=kept, next_after=kept[-1].id if len(items) > page.limit else None)
        return pages

    async def history(self, content_id: UUID) -> list[ContentTransition]:
        statement = (
            sa.select(content_history)
            .where(content_history.c.tenant_id == self._tenant_id, content_history.c.content_id == content_id)
            .order_by(content_history.c.version)
        )
        return await self._all(statement, transition_from_row)

    async def histories(self, content_ids: Sequence[UUID]) -> dict[UUID, list[ContentTransition]]:
        statement = (
            sa.select(content_history)
            .where(content_history.c.tenant_id == self._tenant_id, content_history.c.content_id.in_(content_ids))
            .order_by(content_history.c.content_id, content_history.c.version)
        )
        found: dict[UUID, list[ContentTransition]] = {content_id: [] for content_id in content_ids}
        for line in await self._all(statement, transition_from_row):
            found[line.content_id].append(line)
        return found

    async def lock_schedule(self) -> None:
        key = sa.func.hashtextextended(f"relais:cadence:{self._tenant_id}", 0)
        await self._session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Scheduled]:
        c = contents.c
        statement = sa.select(c.id, c.live_from, c.target_departments, c.target_locations, c.target_languages).where(
            c.tenant_id == self._tenant_id,
            c.status == APPROVED,
            c.shareable.is_(True),
            c.live_from >= start,
            c.live_from < end,
        )
        rows = (await self._session.execute(statement)).all()
        return [
            Scheduled(content_id=row.id, live_from=row.live_from, targeting=targeting_from_row(row)) for row in rows
        ]

    async def list(self, criteria: ContentFilter, page: PageRequest) -> Page[Content]:
        c = contents.c
        statement = self._select()
        if criteria.status is not None:
            statement = statement.where(public_status_condition(criteria.status, judged_at(criteria.at)))
        if criteria.format is not None:
            statement = statement.where(c.format == criteria.format.value)
        if criteria.objective is not None:
            statement = statement.where(c.objective == criteria.objective.value)
        if criteria.topic is not None:
            statement = statement.where(c.topics.contains([criteria.topic]))
        if criteria.language is not None:
            statement = statement.where(c.locales.has_key(criteria.language))
        if criteria.created_by is not None:
            statement = statement.where(c.created_by == criteria.created_by)
        if criteria.campaign_id is not None:
            member = sa.exists().where(
                campaign_contents.c.tenant_id == c.tenant_id,
                campaign_contents.c.campaign_id == criteria.campaign_id,
                campaign_contents.c.content_id == c.id,
            )
            statement = statement.where(member)
        return await self._page(statement, c.id, page, content_from_row, CONTENT_ORDERS)
