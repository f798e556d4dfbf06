"""In-memory notification store, devices and preferences over the fake database's committed rows,
with the PostgreSQL adapters' rules (one notification per cause and person, members who left never
told, muted kinds skipped, no push in quiet hours)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any
from uuid import UUID

from app.domain.content.review_status import ContentStatus
from app.domain.content.targeting import Targeting
from app.domain.events import EventType
from app.domain.notifications.devices import MAX_DEVICES, Device
from app.domain.notifications.notices import Notice, Notification, ReadState
from app.domain.notifications.preferences import NotificationPreferences
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
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
from app.ports.system import IdGenerator
from tests.fake_storage import FakeDatabase


@dataclass
class NotificationRows:
    """What the three fakes share: notifications, devices, preferences and the events written."""

    notifications: dict[tuple[UUID, UUID], Notification] = field(default_factory=dict)
    devices: dict[tuple[UUID, UUID], Device] = field(default_factory=dict)
    preferences: dict[tuple[UUID, UUID], NotificationPreferences] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    announced_contents: set[tuple[UUID, UUID]] = field(default_factory=set)


class FakeNotificationStore:
    def __init__(self, database: FakeDatabase, ids: IdGenerator, rows: NotificationRows) -> None:
        self._db = database
        self._ids = ids
        self.rows = rows

    async def member_of(self, tenant_id: UUID, subject: str) -> UUID | None:
        for (tenant, _), member in self._db.ambassadors.items():
            employee = self._db.employees.get((tenant, member.employee_id))
            if tenant == tenant_id and employee is not None and employee.profile.idp_subject == subject:
                return member.id
        return None

    async def content_facts(self, tenant_id: UUID, content_id: UUID) -> ContentFacts | None:
        content = self._db.contents.get((tenant_id, content_id))
        if content is None:
            return None
        return ContentFacts(
            title=content.fields.title,
            approved=content.status is ContentStatus.APPROVED,
            live_from=content.live_from,
            pinned=content.fields.pinned,
            important=content.fields.important,
        )

    async def campaign_facts(self, tenant_id: UUID, campaign_id: UUID) -> CampaignFacts | None:
        campaign = self._db.campaigns.get((tenant_id, campaign_id))
        if campaign is None:
            return None
        fields = campaign.fields
        return CampaignFacts(
            name=fields.name, is_challenge=fields.is_challenge, starts_at=fields.starts_at, ends_at=fields.ends_at
        )

    async def fan_out(self, tenant_id: UUID, notice: Notice, audience: Audience, now: datetime) -> int:
        written = 0
        settings = self._db.settings.get(tenant_id)
        programme_zone = settings.time_zone if settings is not None else "UTC"
        for member in self._audience(tenant_id, audience):
            preferences = self.rows.preferences.get((tenant_id, member.id), NotificationPreferences())
            told = any(
                n.source_event_id == notice.source_event_id and n.ambassador_id == member.id
                for (tenant, _), n in self.rows.notifications.items()
                if tenant == tenant_id
            )
            if told or not preferences.receives(notice.kind):
                continue
            notification = Notification(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                ambassador_id=member.id,
                kind=notice.kind,
                source_event_id=notice.source_event_id,
                data=MappingProxyType(dict(notice.data)),
                created_at=now,
            )
            self.rows.notifications[(tenant_id, notification.id)] = notification
            quiet = preferences.quiet_at(now, programme_zone)
            tokens = [
                {"platform": d.platform.value, "token": d.token}
                for d in sorted(self._devices(tenant_id, member.id), key=lambda d: d.registered_at, reverse=True)
            ]
            self.rows.events.append(
                {
                    "type": EventType.NOTIFICATION_CREATED.value,
                    "id": str(notification.id),
                    "ambassador_id": str(member.id),
                    "kind": notice.kind.value,
                    "quiet": quiet,
                    "push": not quiet and bool(tokens),
                    "devices": [] if quiet else tokens,
                }
            )
            written += 1
        return written

    def _devices(self, tenant_id: UUID, member_id: UUID) -> list[Device]:
        return [d for (t, _), d in self.rows.devices.items() if t == tenant_id and d.ambassador_id == member_id]

    def _audience(self, tenant_id: UUID, audience: Audience) -> list[Ambassador]:
        members = [m for (t, _), m in self._db.ambassadors.items() if t == tenant_id]
        match audience:
            case Named(ambassador_ids=ids):
                return [m for m in members if m.id in ids and m.status is not MembershipStatus.LEFT]
            case Members():
                return [m for m in members if m.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED)]
            case ScheduledContentAudience(content_id=content_id):
                if (tenant_id, content_id) in self.rows.announced_contents:
                    return []
                self.rows.announced_contents.add((tenant_id, content_id))
                return self._audience(tenant_id, ContentAudience(content_id))
            case ContentAudience(content_id=content_id):
                content = self._db.contents.get((tenant_id, content_id))
                if content is None or content.status is not ContentStatus.APPROVED:
                    return []
                return self._targeted(tenant_id, members, content.fields.targeting)
            case CampaignAudience(campaign_id=campaign_id):
                campaign = self._db.campaigns.get((tenant_id, campaign_id))
                return [] if campaign is None else self._targeted(tenant_id, members, campaign.fields.targeting)

    def _targeted(self, tenant_id: UUID, members: list[Ambassador], targeting: Targeting) -> list[Ambassador]:
        found = []
        for member in members:
            profile = self._db.employees[(tenant_id, member.employee_id)].profile
            if member.status is MembershipStatus.ACTIVE and targeting.includes(
                department=profile.department, location=profile.location, language=profile.language
            ):
                found.append(member)
        return found

    async def due_contents(self, now: datetime, since: datetime, limit: int) -> list[tuple[UUID, UUID]]:
        due = [
            (content.live_from, tenant, content.id)
            for (tenant, _), content in self._db.contents.items()
            if content.live_from is not None
            and content.approved_at is not None
            and since < content.live_from <= now
            and content.live_from > content.approved_at
            and (content.fields.expires_at is None or content.fields.expires_at > now)
            and (tenant, content.id) not in self.rows.announced_contents
        ]
        return [(tenant, content_id) for _, tenant, content_id in sorted(due)[:limit]]

    async def page(self, tenant_id: UUID, ambassador_id: UUID, query: InboxQuery) -> Page[Notification]:
        mine = [
            n for (t, _), n in self.rows.notifications.items() if t == tenant_id and n.ambassador_id == ambassador_id
        ]
        ordered = sorted(mine, key=lambda n: (n.read_at is not None, _descending(n.id)))
        if query.after is not None:
            position = (query.state is ReadState.READ, _descending(query.after))
            ordered = [n for n in ordered if (n.read_at is not None, _descending(n.id)) > position]
        items = ordered[: query.limit]
        if len(ordered) <= query.limit:
            return Page(items=items, next_after=None)
        return Page(items=items, next_after=items[-1].id, next_key=(items[-1].state.value,))

    async def unread(self, tenant_id: UUID, ambassador_id: UUID) -> int:
        return sum(
            1
            for (t, _), n in self.rows.notifications.items()
            if t == tenant_id and n.ambassador_id == ambassador_id and n.read_at is None
        )

    async def mark_read(
        self, tenant_id: UUID, ambassador_id: UUID, notification_id: UUID, now: datetime
    ) -> Notification | None:
        found = self.rows.notifications.get((tenant_id, notification_id))
        if found is None or found.ambassador_id != ambassador_id:
            return None
        read = replace(found, read_at=found.read_at or now)
        self.rows.notifications[(tenant_id, notification_id)] = read
        return read

    async def mark_all_read(self, tenant_id: UUID, ambassador_id: UUID, now: datetime) -> int:
        marked = 0
        for key, n in list(self.rows.notifications.items()):
            if key[0] == tenant_id and n.ambassador_id == ambassador_id and n.read_at is None:
                self.rows.notifications[key] = replace(n, read_at=now)
                marked += 1
        return marked


def _descending(value: UUID) -> int:
    return -value.int


class FakeDeviceRegistry:
    def __init__(self, rows: NotificationRows) -> None:
        self.rows = rows

    async def register(self, device: Device) -> Device:
        known = next(
            (d for (t, _), d in self.rows.devices.items() if t == device.tenant_id and d.token == device.token), None
        )
        saved = device if known is None else replace(device, id=known.id)
        self.rows.devices[(device.tenant_id, saved.id)] = saved
        others = [d for d in await self.list(device.tenant_id, device.ambassador_id) if d.id != saved.id]
        for old in others[MAX_DEVICES - 1 :]:
            del self.rows.devices[(device.tenant_id, old.id)]
        return saved

    async def list(self, tenant_id: UUID, ambassador_id: UUID) -> list[Device]:
        mine = [d for (t, _), d in self.rows.devices.items() if t == tenant_id and d.ambassador_id == ambassador_id]
        return sorted(mine, key=lambda d: (d.registered_at, d.id.int), reverse=True)

    async def remove(self, tenant_id: UUID, ambassador_id: UUID, device_id: UUID) -> bool:
        found = self.rows.devices.get((tenant_id, device_id))
        if found is None or found.ambassador_id != ambassador_id:
            return False
        del self.rows.devices[(tenant_id, device_id)]
        return True


class FakeNotificationPreferencesStore:
    def __init__(self, rows: NotificationRows) -> None:
        self.rows = rows

    async def get(self, tenant_id: UUID, ambassador_id: UUID) -> NotificationPreferences:
        return self.rows.preferences.get((tenant_id, ambassador_id), NotificationPreferences())

    async def replace(
        self, tenant_id: UUID, ambassador_id: UUID, preferences: NotificationPreferences, now: datetime
    ) -> NotificationPreferences | None:
        current = await self.get(tenant_id, ambassador_id)
        if current.version != preferences.version:
            return None
        stored = replace(preferences, version=current.version + 1)
        self.rows.preferences[(tenant_id, ambassador_id)] = stored
        return stored
