"""The notifications' rules on the in-memory fakes: preferences checked, quiet hours across midnight,
the digest's week and moment, and which event tells whom."""

from __future__ import annotations

from datetime import UTC, datetime, time
from uuid import UUID

import pytest

from app.domain.errors import NotFound, ValidationFailed
from app.domain.events import EventType, RecordedEvent
from app.domain.notifications.devices import Platform
from app.domain.notifications.digests import digest_due_at
from app.domain.notifications.notices import NotificationKind
from app.domain.notifications.preferences import NotificationPreferences, QuietHours
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.notifications import InboxQuery
from app.services.notifications.devices import RegisterDeviceCommand
from app.services.notifications.handlers import NotifyMembers
from tests.fake_notifications import FakeNotificationStore
from tests.unit.world import NOW, World, two_tenants


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def badge(world: World, ambassador_id: UUID, tenant_id: UUID | None = None) -> RecordedEvent:
    return RecordedEvent(
        id=world.ids.new_id(),
        type=EventType.BADGE_EARNED.value,
        tenant_id=tenant_id or world.acme.id,
        occurred_at=NOW,
        data={"ambassador_id": str(ambassador_id), "badge": "first-share", "name": "First share"},
    )


def handler(world: World) -> NotifyMembers:
    return NotifyMembers(FakeNotificationStore(world.uow.database, world.ids, world.notices), world.clock)


def test_quiet_hours_hold_across_midnight_and_within_a_day() -> None:
    night, lunch = QuietHours(start=time(22, 0), end=time(7, 0)), QuietHours(start=time(12, 0), end=time(13, 0))
    assert [night.holds(time(h)) for h in (21, 22, 3, 7)] == [False, True, True, False]
    assert [lunch.holds(time(h)) for h in (11, 12, 13)] == [False, True, False]


def test_quiet_hours_are_read_in_the_members_zone_else_the_programmes() -> None:
    paris_night = NotificationPreferences(quiet_hours=QuietHours(start=time(22, 0), end=time(7, 0)))
    at = datetime(2026, 12, 6, 22, 30, tzinfo=UTC)  # 23:30 in Paris, 07:30 in Tokyo
    assert paris_night.quiet_at(at, "Europe/Paris")
    assert not NotificationPreferences(quiet_hours=paris_night.quiet_hours, time_zone="Asia/Tokyo").quiet_at(
        at, "Europe/Paris"
    )


@pytest.mark.parametrize(
    ("start", "end", "zone", "where"),
    [
        (time(22, 0), None, None, ("quiet_hours",)),
        (time(22, 0), time(22, 0, 30), None, ("quiet_hours", "end")),
        (None, None, "Mars/Olympus", ("time_zone",)),
    ],
)
def test_bad_preferences_name_the_field(
    start: time | None, end: time | None, zone: str | None, where: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        NotificationPreferences.parse(
            muted_kinds=[], quiet_start=start, quiet_end=end, time_zone=zone, weekly_digest=True
        )
    assert [error.loc for error in refused.value.errors] == [where]


def test_the_digest_leaves_on_the_programmes_weekday_and_local_time() -> None:
    week, due = digest_due_at(datetime(2026, 12, 9, 12, 0, tzinfo=UTC), 3, "09:30", "Europe/Paris")
    assert week.isoformat() == "2026-12-07"
    assert due == datetime(2026, 12, 9, 8, 30, tzinfo=UTC)


async def test_a_badge_tells_its_holder_once_however_often_the_event_comes(world: World) -> None:
    ada, member = await world.member("Ada")
    bob, _ = await world.member("Bob")
    event = badge(world, member.id)

    await handler(world)(event)
    await handler(world)(event)

    page = await world.services.notifications.list_my_notifications(ada, InboxQuery(limit=20))
    assert [n.kind for n in page.items] == [NotificationKind.BADGE_EARNED]
    assert (await world.services.notifications.list_my_notifications(bob, InboxQuery(limit=20))).items == []


async def test_a_member_who_left_or_muted_the_kind_is_not_told(world: World) -> None:
    ada, member = await world.member("Ada")
    cleo, other = await world.member("Cleo")
    muted = NotificationPreferences(muted_kinds=frozenset({NotificationKind.BADGE_EARNED}))
    await world.services.notifications.set_notification_preferences(cleo, muted, None)
    await world.roster.opt_out(ada)
    assert (await world.membership_of(member.employee_id)).status is MembershipStatus.LEFT  # type: ignore[union-attr]

    await handler(world)(badge(world, member.id))
    await handler(world)(badge(world, other.id))

    assert world.notices.notifications == {}


async def test_devices_ride_on_the_event_unless_in_quiet_hours(world: World) -> None:
    ada, member = await world.member("Ada")
    command = RegisterDeviceCommand(platform=Platform.ANDROID, token="fcm-1")
    await world.services.notifications.register_device(ada, command)

    await handler(world)(badge(world, member.id))

    assert [(e["push"], e["devices"]) for e in world.notices.events] == [
        (True, [{"platform": "android", "token": "fcm-1"}])
    ]


async def test_another_tenants_member_is_never_told_nor_found(world: World) -> None:
    ada, member = await world.member("Ada")
    await handler(world)(badge(world, member.id, tenant_id=world.globex.id))
    assert world.notices.notifications == {}
    with pytest.raises(NotFound):
        await world.services.notifications.mark_notification_read(ada, world.ids.new_id())


async def test_an_ideas_author_is_told_of_its_decision(world: World) -> None:
    _, member = await world.member("Ada")
    idea_id = world.ids.new_id()
    declined = RecordedEvent(
        id=world.ids.new_id(),
        type=EventType.IDEA_DECLINED.value,
        tenant_id=world.acme.id,
        occurred_at=NOW,
        data={"id": str(idea_id), "ambassador_id": str(member.id), "title": "Lab tour", "reason": "Done in May."},
    )

    await handler(world)(declined)

    told = world.notices.notifications.values()
    assert [(n.ambassador_id, n.kind, dict(n.data)) for n in told] == [
        (
            member.id,
            NotificationKind.IDEA_DECLINED,
            {"idea_id": str(idea_id), "title": "Lab tour", "reason": "Done in May."},
        )
    ]
