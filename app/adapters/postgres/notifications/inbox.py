"""The notification store on asyncpg: the fan-out (one statement per audience) and each member's
inbox, unread first, newest first."""

from __future__ import annotations

import json
from datetime import datetime
from types import MappingProxyType
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.notifications.fan_out_sql import (
    DUE_CONTENTS,
    FAN_OUT_CAMPAIGN,
    FAN_OUT_CONTENT,
    FAN_OUT_MEMBERS,
    FAN_OUT_NAMED,
    FAN_OUT_SCHEDULED_CONTENT,
)
from app.adapters.postgres.notifications.inbox_sql import (
    CAMPAIGN_FACTS,
    CONTENT_FACTS,
    MARK_ALL_READ,
    MARK_READ,
    MEMBER,
    PAGE_FROM_UNREAD,
    PAGE_IN_READ,
    UNREAD,
)
from app.domain.notifications.notices import Notice, Notification, NotificationKind, ReadState
from app.ports.notifications import (
    Audience,
    CampaignAudience,
    CampaignFacts,
    ContentAudience,
    ContentFacts,
    InboxQuery,
    Members,
    Named,
    ScheduledContentAudience,
)
from app.ports.pagination import Page


class PostgresNotificationStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def member_of(self, tenant_id: UUID, subject: str) -> UUID | None:
        member: UUID | None = await self._pool.fetchval(MEMBER, tenant_id, subject)
        return member

    async def content_facts(self, tenant_id: UUID, content_id: UUID) -> ContentFacts | None:
        row = await self._pool.fetchrow(CONTENT_FACTS, tenant_id, content_id)
        if row is None:
            return None
        return ContentFacts(
            title=row["title"],
            approved=row["approved"],
            live_from=row["live_from"],
            pinned=row["pinned"],
            important=row["important"],
        )

    async def campaign_facts(self, tenant_id: UUID, campaign_id: UUID) -> CampaignFacts | None:
        row = await self._pool.fetchrow(CAMPAIGN_FACTS, tenant_id, campaign_id)
        if row is None:
            return None
        return CampaignFacts(
            name=row["name"], is_challenge=row["is_challenge"], starts_at=row["starts_at"], ends_at=row["ends_at"]
        )

    async def fan_out(self, tenant_id: UUID, notice: Notice, audience: Audience, now: datetime) -> int:
        args: list[Any] = [tenant_id, notice.source_event_id, notice.kind.value, json.dumps(dict(notice.data)), now]
        match audience:
            case Named(ambassador_ids=ids):
                statement = FAN_OUT_NAMED
                args.append(list(ids))
            case Members():
                statement = FAN_OUT_MEMBERS
            case ContentAudience(content_id=content_id):
                statement = FAN_OUT_CONTENT
                args.append(content_id)
            case ScheduledContentAudience(content_id=content_id):
                statement = FAN_OUT_SCHEDULED_CONTENT
                args.append(content_id)
            case CampaignAudience(campaign_id=campaign_id):
                statement = FAN_OUT_CAMPAIGN
                args.append(campaign_id)
        written: int = await self._pool.fetchval(statement, *args)
        return written

    async def due_contents(self, now: datetime, since: datetime, limit: int) -> list[tuple[UUID, UUID]]:
        return [(row["tenant_id"], row["id"]) for row in await self._pool.fetch(DUE_CONTENTS, now, since, limit)]

    async def page(self, tenant_id: UUID, ambassador_id: UUID, query: InboxQuery) -> Page[Notification]:
        statement = PAGE_FROM_UNREAD if query.state is ReadState.UNREAD else PAGE_IN_READ
        rows = await self._pool.fetch(statement, tenant_id, ambassador_id, query.limit + 1, query.after)
        items = [_notification(tenant_id, row) for row in rows[: query.limit]]
        if len(rows) <= query.limit:
            return Page(items=items, next_after=None)
        last = items[-1]
        return Page(items=items, next_after=last.id, next_key=(last.state.value,))

    async def unread(self, tenant_id: UUID, ambassador_id: UUID) -> int:
        count: int = await self._pool.fetchval(UNREAD, tenant_id, ambassador_id)
        return count

    async def mark_read(
        self, tenant_id: UUID, ambassador_id: UUID, notification_id: UUID, now: datetime
    ) -> Notification | None:
        row = await self._pool.fetchrow(MARK_READ, tenant_id, ambassador_id, notification_id, now)
        return None if row is None else _notification(tenant_id, row)

    async def mark_all_read(self, tenant_id: UUID, ambassador_id: UUID, now: datetime) -> int:
        status: str = await self._pool.execute(MARK_ALL_READ, tenant_id, ambassador_id, now)
        return int(status.rsplit(" ", 1)[-1])


def _notification(tenant_id: UUID, row: asyncpg.Record) -> Notification:
    return Notification(
        id=row["id"],
        tenant_id=tenant_id,
        ambassador_id=row["ambassador_id"],
        kind=NotificationKind(row["kind"]),
        source_event_id=row["source_event_id"],
        data=MappingProxyType(json.loads(row["data"])),
        created_at=row["created_at"],
        read_at=row["read_at"],
    )
