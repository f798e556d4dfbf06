"""From the domain's notifications, devices and preferences to REST bodies."""

from __future__ import annotations

from app.api.rest.notifications.schemas import DeviceOut, NotificationOut, NotificationPreferencesOut, QuietHoursOut
from app.domain.notifications.devices import Device
from app.domain.notifications.notices import Notification
from app.domain.notifications.preferences import NotificationPreferences


def notification_out(notification: Notification) -> NotificationOut:
    return NotificationOut(
        id=notification.id,
        kind=notification.kind,
        state=notification.state,
        data=dict(notification.data),
        source_event_id=notification.source_event_id,
        created_at=notification.created_at,
        read_at=notification.read_at,
    )


def device_out(device: Device) -> DeviceOut:
    return DeviceOut(id=device.id, platform=device.platform, token=device.token, registered_at=device.registered_at)


def preferences_out(preferences: NotificationPreferences) -> NotificationPreferencesOut:
    quiet = preferences.quiet_hours
    return NotificationPreferencesOut(
        muted_kinds=sorted(preferences.muted_kinds),
        quiet_hours=QuietHoursOut(start=quiet.start.isoformat("minutes"), end=quiet.end.isoformat("minutes"))
        if quiet
        else None,
        time_zone=preferences.time_zone,
        weekly_digest=preferences.weekly_digest,
    )
