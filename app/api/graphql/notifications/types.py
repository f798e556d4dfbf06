"""GraphQL types of notifications: the enums, a notification and its details, the inbox's connection,
devices and preferences, the inputs and results, and their mappers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any
from uuid import UUID

import strawberry
from strawberry.relay import GlobalID

from app.api.graphql.connections import PageInfo
from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import NodeName, global_id
from app.api.pagination import encode_inbox_cursor
from app.domain.errors import FieldError, ValidationFailed
from app.domain.notifications.devices import Device as DomainDevice
from app.domain.notifications.devices import Platform
from app.domain.notifications.notices import Notification as DomainNotification
from app.domain.notifications.notices import NotificationKind, ReadState
from app.domain.notifications.preferences import NotificationPreferences as DomainPreferences
from app.ports.pagination import Page

domain_enum(
    NotificationKind,
    "What a notification is about.",
    {
        NotificationKind.NEW_CONTENT: "A new content you may share is live.",
        NotificationKind.IMPORTANT_CONTENT: "A pinned or important content is live.",
        NotificationKind.CHARTER_TO_ACCEPT: "A new version of the charter awaits your acceptance.",
        NotificationKind.BADGE_EARNED: "You earned a badge.",
        NotificationKind.REDEMPTION_APPROVED: "Your redemption was approved.",
        NotificationKind.REDEMPTION_REJECTED: "Your redemption was rejected (your points came back).",
        NotificationKind.IDEA_ACCEPTED: "Your idea was accepted: a draft content was made of it.",
        NotificationKind.IDEA_DECLINED: "Your idea was declined, with the reason.",
        NotificationKind.CHALLENGE_STARTED: "A challenge you are in was launched.",
        NotificationKind.CHALLENGE_ENDED: "A challenge you were in ended, with its winners.",
        NotificationKind.CONTENT_RECALLED: "A content you shared was recalled (once contents can be recalled).",
        NotificationKind.INCIDENT_REMINDER: "A private reminder from the programme's moderators.",
        NotificationKind.CONTENT_RECALLED: "A content you posted was recalled: take your post down.",
    },
)
domain_enum(
    ReadState,
    "Whether you read a notification.",
    {ReadState.UNREAD: "Not read yet: listed first.", ReadState.READ: "Marked read."},
)
domain_enum(
    Platform,
    "The push service of a device's token.",
    {Platform.IOS: "Apple (APNs).", Platform.ANDROID: "Google (FCM).", Platform.WEB: "A browser (Web Push)."},
)


@strawberry.type(description="A winner of a challenge.")
class ChallengeWinner:
    ambassador_id: GlobalID = strawberry.field(description="The winner's membership `id`.")
    rank: int = strawberry.field(description="Their rank.")
    points: int = strawberry.field(description="Their points in the challenge.")


@strawberry.type(description="What a notification is about; each kind fills the fields that concern it.")
class NotificationDetails:
    content_id: GlobalID | None = strawberry.field(description="The content (contents).")
    campaign_id: GlobalID | None = strawberry.field(description="The challenge's campaign (challenges).")
    charter_version_id: GlobalID | None = strawberry.field(description="The charter version to accept.")
    charter_number: int | None = strawberry.field(description="Its number.")
    title: str | None = strawberry.field(description="The content's or the charter's title.")
    name: str | None = strawberry.field(description="The badge's or the challenge's name.")
    badge: str | None = strawberry.field(description="The badge's key.")
    pinned: bool | None = strawberry.field(description="Whether the content is pinned.")
    important: bool | None = strawberry.field(description="Whether the content is marked important.")
    redemption_id: GlobalID | None = strawberry.field(description="The redemption decided.")
    reward_id: GlobalID | None = strawberry.field(description="Its reward.")
    points: int | None = strawberry.field(description="The points it cost (or gave back).")
    reason: str | None = strawberry.field(description="Why a redemption was rejected.")
    starts_at: datetime | None = strawberry.field(description="When the challenge starts.")
    ends_at: datetime | None = strawberry.field(description="When the challenge ends (or ended).")
    winners: list[ChallengeWinner] | None = strawberry.field(description="The challenge's winners, once it ended.")


@strawberry.type(description="Something you were told.")
class Notification:
    id: UUID = strawberry.field(description="The notification's id (as in REST).")
    kind: NotificationKind = strawberry.field(description="What it is about.")
    state: ReadState = strawberry.field(description="Unread until you mark it read.")
    details: NotificationDetails = strawberry.field(description="What it is about.")
    source_event_id: UUID = strawberry.field(description="The event that caused it.")
    created_at: datetime = strawberry.field(description="When it reached your inbox.")
    read_at: datetime | None = strawberry.field(description="When you first marked it read.")


@strawberry.type(description="One notification of your inbox, and where the page after it starts.")
class NotificationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to read the notifications that follow.")
    node: Notification = strawberry.field(description="The notification.")


@strawberry.type(description="A page of your inbox: unread first, newest first, then those read, newest first.")
class NotificationConnection:
    edges: list[NotificationEdge] = strawberry.field(description="The notifications of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where the page starts and ends, and what lies beyond.")


@strawberry.type(description="A device your notifications are pushed to (by the tenant's notifier).")
class Device:
    id: UUID = strawberry.field(description="The device's id, to remove it.")
    platform: Platform = strawberry.field(description="Its push service.")
    token: str = strawberry.field(description="Its push token.")
    registered_at: datetime = strawberry.field(description="When it was last registered.")


@strawberry.type(description="Hours when nothing is pushed, in your time zone (across midnight when `end` is earlier).")
class QuietHours:
    start: str = strawberry.field(description="Local time they start, `HH:MM`.")
    end: str = strawberry.field(description="Local time they end, `HH:MM`.")


@strawberry.type(description="What you want to be told, and when it may be pushed.")
class NotificationPreferences:
    muted_kinds: list[NotificationKind] = strawberry.field(description="The kinds you do not want at all.")
    quiet_hours: QuietHours | None = strawberry.field(description="When nothing is pushed; null for none.")
    time_zone: str | None = strawberry.field(description="The IANA zone of your quiet hours; null: the programme's.")
    weekly_digest: bool = strawberry.field(description="Whether you get the weekly digest.")
    version: int = strawberry.field(description="Send it back as `expectedVersion` to change them safely.")


@strawberry.input(description="A device and the push token its platform gave your app.")
class RegisterDeviceInput:
    platform: Platform = strawberry.field(description="Its push service.")
    token: str = strawberry.field(description="The push token, as the platform issued it.")


@strawberry.input(description="Quiet hours, `HH:MM` local time.")
class QuietHoursInput:
    start: str = strawberry.field(description="When they start, `HH:MM`.")
    end: str = strawberry.field(description="When they end, `HH:MM`.")


@strawberry.input(description="Your notification preferences, as a whole.")
class NotificationPreferencesInput:
    muted_kinds: list[NotificationKind] = strawberry.field(default_factory=list, description="Kinds you do not want.")
    quiet_hours: QuietHoursInput | None = strawberry.field(default=None, description="When nothing is pushed.")
    time_zone: str | None = strawberry.field(default=None, description="The IANA zone; null for the programme's.")
    weekly_digest: bool = strawberry.field(default=True, description="Whether you get the weekly digest.")
    expected_version: int | None = strawberry.field(
        default=None, description="The `version` you read: the change is refused if they changed since."
    )


@strawberry.type(description="A notification marked read.")
class NotificationRead:
    notification: Notification = strawberry.field(description="The notification, read.")


@strawberry.type(description="Every notification of yours is read.")
class AllNotificationsRead:
    marked: int = strawberry.field(description="How many were unread.")


@strawberry.type(description="A device registered.")
class DeviceRegistered:
    device: Device = strawberry.field(description="The device.")


@strawberry.type(description="A device forgotten.")
class DeviceRemoved:
    device_id: UUID = strawberry.field(description="The id of the device forgotten.")


@strawberry.type(description="Your notification preferences, stored.")
class NotificationPreferencesSet:
    preferences: NotificationPreferences = strawberry.field(description="The preferences now in force.")


def _gid(node: NodeName, value: Any) -> GlobalID | None:
    return global_id(node, UUID(str(value))) if value else None


def details_node(data: Mapping[str, Any]) -> NotificationDetails:
    def when(key: str) -> datetime | None:
        value = data.get(key)
        return datetime.fromisoformat(value) if isinstance(value, str) else None

    winners = data.get("winners")
    return NotificationDetails(
        content_id=_gid("Content", data.get("content_id")),
        campaign_id=_gid("Campaign", data.get("campaign_id")),
        charter_version_id=_gid("CharterVersion", data.get("charter_id")),
        charter_number=data.get("number"),
        title=data.get("title"),
        name=data.get("name"),
        badge=data.get("badge"),
        pinned=data.get("pinned"),
        important=data.get("important"),
        redemption_id=_gid("Redemption", data.get("redemption_id")),
        reward_id=_gid("Reward", data.get("reward_id")),
        points=data.get("points"),
        reason=data.get("reason"),
        starts_at=when("starts_at"),
        ends_at=when("ends_at") or when("ended_at"),
        winners=None
        if winners is None
        else [
            ChallengeWinner(
                ambassador_id=global_id("Ambassador", UUID(w["ambassador_id"])), rank=w["rank"], points=w["points"]
            )
            for w in winners
        ],
    )


def notification_node(notification: DomainNotification) -> Notification:
    return Notification(
        id=notification.id,
        kind=notification.kind,
        state=notification.state,
        details=details_node(notification.data),
        source_event_id=notification.source_event_id,
        created_at=notification.created_at,
        read_at=notification.read_at,
    )


def inbox_connection(page: Page[DomainNotification], after_a_cursor: bool) -> NotificationConnection:
    edges = [
        NotificationEdge(cursor=encode_inbox_cursor(item.state, item.id), node=notification_node(item))
        for item in page.items
    ]
    info = PageInfo(
        has_next_page=page.next_after is not None,
        has_previous_page=after_a_cursor,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return NotificationConnection(edges=edges, page_info=info)


def device_node(device: DomainDevice) -> Device:
    return Device(id=device.id, platform=device.platform, token=device.token, registered_at=device.registered_at)


def preferences_node(preferences: DomainPreferences) -> NotificationPreferences:
    quiet = preferences.quiet_hours
    return NotificationPreferences(
        muted_kinds=sorted(preferences.muted_kinds),
        quiet_hours=QuietHours(start=quiet.start.isoformat("minutes"), end=quiet.end.isoformat("minutes"))
        if quiet
        else None,
        time_zone=preferences.time_zone,
        weekly_digest=preferences.weekly_digest,
        version=preferences.version,
    )


def local_time(text: str, loc: tuple[str | int, ...]) -> time:
    """A local time given as ``HH:MM`` (seconds allowed), or the field refused."""
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise ValidationFailed(
            "The notification preferences are not valid.", [FieldError(loc, "Give a local time as HH:MM.")]
        ) from error
