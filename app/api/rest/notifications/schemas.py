"""REST bodies of notifications: the inbox's items, the unread count, devices and preferences."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.api.rest.bodies import RequestBody
from app.domain.notifications.devices import MAX_TOKEN_LENGTH, Platform
from app.domain.notifications.notices import NotificationKind, ReadState

# A local time to the minute, as the quiet hours and the digest's time are given.
LOCAL_TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_NOTIFICATION: dict[str, Any] = {
    "id": "01939d0e-8f3a-7c3e-9b2a-5f0c1d2e3f40",
    "kind": "badge_earned",
    "state": "unread",
    "data": {"badge": "first-share", "name": "First share"},
    "source_event_id": "01939d0e-8f30-7000-8000-000000000001",
    "created_at": "2026-12-06T09:30:00Z",
    "read_at": None,
}


class NotificationOut(BaseModel):
    """Something you were told: its kind, what it is about, and whether you read it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_NOTIFICATION]})

    id: UUID = Field(description="The notification's id.")
    kind: NotificationKind = Field(description="What it is about.")
    state: ReadState = Field(description="`unread` until you mark it read.")
    data: dict[str, Any] = Field(
        description="What it is about, by kind: `content_id`, `title`, `pinned`, `important` (contents); "
        "`charter_id`, `number`, `title` (charter); `badge`, `name` (badges); `redemption_id`, `reward_id`, "
        "`points` and a rejection's `reason` (redemptions); `campaign_id`, `name`, dates and `winners` (challenges)."
    )
    source_event_id: UUID = Field(description="The event that caused it (the same for everyone it told).")
    created_at: datetime = Field(description="When it reached your inbox.")
    read_at: datetime | None = Field(description="When you first marked it read; null while unread.")


class UnreadCountOut(BaseModel):
    """How many of your notifications you have not read."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"unread": 3}]})

    unread: int = Field(description="Your unread notifications.")


class AllReadOut(BaseModel):
    """Every notification of yours is read."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"marked": 3}]})

    marked: int = Field(description="How many were unread and are now read.")


class DeviceCreate(RequestBody):
    """A device of yours and the push token its platform gave your app."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"platform": "ios", "token": "80f2c1d07c3a4e6b9c2d1e0f"}]}
    )

    platform: Platform = Field(description="`ios` (APNs), `android` (FCM) or `web` (Web Push).")
    token: str = Field(
        min_length=1,
        max_length=MAX_TOKEN_LENGTH,
        pattern=r"^[^\s\x00-\x1f\x7f-\x9f]+$",
        description="The push token, as the platform issued it: no spaces nor control characters.",
    )


class DeviceOut(BaseModel):
    """A device your notifications are pushed to (by the tenant's notifier)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "01939d0e-8f3a-7c3e-9b2a-5f0c1d2e3f41",
                    "platform": "ios",
                    "token": "80f2c1d07c3a4e6b9c2d1e0f",
                    "registered_at": "2026-12-06T09:30:00Z",
                }
            ]
        }
    )

    id: UUID = Field(description="The device's id, to remove it.")
    platform: Platform = Field(description="Its push platform.")
    token: str = Field(description="Its push token.")
    registered_at: datetime = Field(description="When it was last registered.")


class QuietHoursBody(RequestBody):
    """Hours when nothing is pushed to your devices, in your time zone; across midnight when `end` is earlier."""

    start: str = Field(pattern=LOCAL_TIME, examples=["22:00"], description="Local time they start, `HH:MM`.")
    end: str = Field(pattern=LOCAL_TIME, examples=["07:00"], description="Local time they end, `HH:MM`.")


class NotificationPreferencesBody(RequestBody):
    """What you want to be told, and when it may be pushed."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "muted_kinds": ["new_content"],
                    "quiet_hours": {"start": "22:00", "end": "07:00"},
                    "time_zone": "Europe/Paris",
                    "weekly_digest": True,
                }
            ]
        }
    )

    muted_kinds: list[NotificationKind] = Field(
        default_factory=list, max_length=len(NotificationKind), description="The kinds you do not want at all."
    )
    quiet_hours: QuietHoursBody | None = Field(
        default=None, description="When nothing is pushed (the inbox still fills); null for none."
    )
    time_zone: str | None = Field(
        default=None, max_length=64, description="The IANA zone of your quiet hours; null for the programme's."
    )
    weekly_digest: StrictBool = Field(default=True, description="Whether you get the weekly digest.")


class NotificationPreferencesOut(BaseModel):
    """Your notification preferences; the `ETag` is the version to send in `If-Match`."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "muted_kinds": ["new_content"],
                    "quiet_hours": {"start": "22:00", "end": "07:00"},
                    "time_zone": "Europe/Paris",
                    "weekly_digest": True,
                }
            ]
        }
    )

    muted_kinds: list[NotificationKind] = Field(description="The kinds you do not want at all.")
    quiet_hours: QuietHoursOut | None = Field(description="When nothing is pushed; null for none.")
    time_zone: str | None = Field(description="The IANA zone of your quiet hours; null for the programme's.")
    weekly_digest: bool = Field(description="Whether you get the weekly digest.")


class QuietHoursOut(BaseModel):
    """Hours when nothing is pushed, in your time zone."""

    start: str = Field(description="Local time they start, `HH:MM`.")
    end: str = Field(description="Local time they end, `HH:MM`.")


NotificationPreferencesOut.model_rebuild()
