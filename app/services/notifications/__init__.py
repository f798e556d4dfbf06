"""Use cases of notifications: each member's inbox, devices and preferences; and the worker's handler
that turns events into notifications.

``build_notifications`` is how the composition root, the demo and the tests get them;
``register_notification_handlers`` adds the handler to the worker's registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.notifications import DeviceRegistry, NotificationPreferencesStore, NotificationStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.handlers import EventHandlers
from app.services.notifications.devices import ListMyDevices, RegisterDevice, RemoveDevice
from app.services.notifications.handlers import NotifyMembers
from app.services.notifications.inbox import (
    CountMyUnread,
    ListMyNotifications,
    MarkAllNotificationsRead,
    MarkNotificationRead,
)
from app.services.notifications.preferences import GetNotificationPreferences, SetNotificationPreferences


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationsUseCases:
    list_my_notifications: ListMyNotifications
    count_my_unread: CountMyUnread
    mark_notification_read: MarkNotificationRead
    mark_all_notifications_read: MarkAllNotificationsRead
    register_device: RegisterDevice
    list_my_devices: ListMyDevices
    remove_device: RemoveDevice
    get_notification_preferences: GetNotificationPreferences
    set_notification_preferences: SetNotificationPreferences


def build_notifications(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    *,
    store: NotificationStore,
    devices: DeviceRegistry,
    preferences: NotificationPreferencesStore,
) -> NotificationsUseCases:
    args = (uow, clock, ids, store)
    return NotificationsUseCases(
        list_my_notifications=ListMyNotifications(*args),
        count_my_unread=CountMyUnread(*args),
        mark_notification_read=MarkNotificationRead(*args),
        mark_all_notifications_read=MarkAllNotificationsRead(*args),
        register_device=RegisterDevice(*args, devices),
        list_my_devices=ListMyDevices(*args, devices),
        remove_device=RemoveDevice(*args, devices),
        get_notification_preferences=GetNotificationPreferences(*args, preferences),
        set_notification_preferences=SetNotificationPreferences(*args, preferences),
    )


def register_notification_handlers(handlers: EventHandlers, store: NotificationStore, clock: Clock) -> None:
    handlers.register(NotifyMembers(store, clock))
