"""Ports of notifications: the inbox store with its set-based fan-out, the members' devices and
their preferences. They work on the raw pool, outside the unit of work: one statement writes a
notification for each person of an audience, however many they are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from app.domain.notifications.devices import Device
from app.domain.notifications.notices import Notice, Notification, ReadState
from app.domain.notifications.preferences import NotificationPreferences
from app.ports.pagination import Page


@dataclass(frozen=True, slots=True)
class Named:
    """These members (unless they left the programme)."""

    ambassador_ids: Sequence[UUID]


@dataclass(frozen=True, slots=True)
class Members:
    """Every member who is active or paused."""


@dataclass(frozen=True, slots=True)
class ContentAudience:
    """The active members a content is targeted to, by the feed's rules (department, location, roster
    language; an empty list lets everyone in)."""

    content_id: UUID


@dataclass(frozen=True, slots=True)
class ScheduledContentAudience:
    """A content's audience when it goes live after its approval: told once per content, whichever
    worker comes first."""

    content_id: UUID


@dataclass(frozen=True, slots=True)
class CampaignAudience:
    """The active members a campaign is targeted to, by the same rules."""

    campaign_id: UUID


Audience = Named | Members | ContentAudience | ScheduledContentAudience | CampaignAudience


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentFacts:
    title: str | None
    approved: bool
    live_from: datetime | None
    pinned: bool
    important: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignFacts:
    name: str
    is_challenge: bool
    starts_at: datetime | None
    ends_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InboxQuery:
    """A page of one member's inbox, unread first then newest first: after ``after`` (an id) in the
    part ``state`` of the inbox."""

    limit: int
    after: UUID | None = None
    state: ReadState = ReadState.UNREAD


class NotificationStore(Protocol):
    async def member_of(self, tenant_id: UUID, subject: str) -> UUID | None:
        """The membership of the employee whose identity is ``subject``, if linked and ever a member."""
        ...

    async def content_facts(self, tenant_id: UUID, content_id: UUID) -> ContentFacts | None: ...

    async def campaign_facts(self, tenant_id: UUID, campaign_id: UUID) -> CampaignFacts | None: ...

    async def fan_out(self, tenant_id: UUID, notice: Notice, audience: Audience, now: datetime) -> int:
        """Write the notice for each person of the audience who did not mute its kind, in one statement,
        with a ``notification.created`` event for each (their push tokens, unless in quiet hours) and a
        ``NOTIFY`` on the live channel. A person already told of this cause is skipped: answers how many
        notifications were written."""
        ...

    async def due_contents(self, now: datetime, since: datetime, limit: int) -> list[tuple[UUID, UUID]]:
        """(tenant, content) of the contents that went live after their approval between ``since`` and
        ``now``, still live and not announced yet, in every tenant, the earliest first."""
        ...

    async def page(self, tenant_id: UUID, ambassador_id: UUID, query: InboxQuery) -> Page[Notification]:
        """``next_key`` holds the read state of the last item."""
        ...

    async def unread(self, tenant_id: UUID, ambassador_id: UUID) -> int: ...

    async def mark_read(
        self, tenant_id: UUID, ambassador_id: UUID, notification_id: UUID, now: datetime
    ) -> Notification | None:
        """The notification read (at its first reading's time); None when it is not this member's."""
        ...

    async def mark_all_read(self, tenant_id: UUID, ambassador_id: UUID, now: datetime) -> int: ...


class DeviceRegistry(Protocol):
    async def register(self, device: Device) -> Device:
        """Store the device, or move a token already known in the tenant to this member (a phone changes
        hands) and refresh its time; a member keeps their ``MAX_DEVICES`` latest."""
        ...

    async def list(self, tenant_id: UUID, ambassador_id: UUID) -> list[Device]: ...

    async def remove(self, tenant_id: UUID, ambassador_id: UUID, device_id: UUID) -> bool: ...


class NotificationPreferencesStore(Protocol):
    async def get(self, tenant_id: UUID, ambassador_id: UUID) -> NotificationPreferences: ...

    async def replace(
        self, tenant_id: UUID, ambassador_id: UUID, preferences: NotificationPreferences, now: datetime
    ) -> NotificationPreferences | None:
        """Store them if the stored version is still ``preferences.version``; None when it moved on."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestSchedule:
    """A tenant's digest settings as stored (None: never set; a value a later rule refuses reads as the
    default)."""

    tenant_id: UUID
    time_zone: str | None
    weekday: str | None
    at: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestBatch:
    limit: int
    after: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestBatchDone:
    """How many digests were prepared, how many members were read, and the last one read (the next
    batch starts after it)."""

    prepared: int
    read: int
    last: UUID | None


class DigestStore(Protocol):
    async def schedules(self) -> list[DigestSchedule]:
        """Every tenant's, in id order."""
        ...

    async def prepare(
        self, tenant_id: UUID, week: date, since: datetime, now: datetime, time_zone: str, batch: DigestBatch
    ) -> DigestBatchDone:
        """Prepare the digest of ``week`` for the next ``batch.limit`` active members of the tenant (in id
        order) who want it, have none for that week and are not in their quiet hours: one ``digest.prepared``
        event each, with the contents for them that went live between ``since`` and ``now`` (as many as
        their weekly share limit, ten at most) and their impact over that time."""
        ...
