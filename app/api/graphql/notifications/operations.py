"""GraphQL entry points of notifications: your inbox, unread count, devices and preferences, and the
mutations that mark notifications read, register and remove devices and set preferences. The same use
cases as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    ForbiddenError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.notifications.types import (
    AllNotificationsRead,
    Device,
    DeviceRegistered,
    DeviceRemoved,
    NotificationConnection,
    NotificationPreferences,
    NotificationPreferencesInput,
    NotificationPreferencesSet,
    NotificationRead,
    RegisterDeviceInput,
    device_node,
    inbox_connection,
    local_time,
    notification_node,
    preferences_node,
)
from app.api.pagination import decode_inbox_cursor
from app.domain.notifications.preferences import NotificationPreferences as DomainPreferences
from app.ports.notifications import InboxQuery
from app.ports.pagination import DEFAULT_LIMIT
from app.services.notifications.devices import RegisterDeviceCommand

Info = strawberry.Info[GraphQLContext, None]
CURSOR_HINT = "Pass back the endCursor of a previous page, unchanged."
_AS_MEMBER = NotLinkedError | NotAnAmbassadorError | ForbiddenError

MarkNotificationReadResult = Annotated[
    NotificationRead | NotFoundError | _AS_MEMBER,
    strawberry.union("MarkNotificationReadResult", description="The notification read, or why not."),
]
MarkAllNotificationsReadResult = Annotated[
    AllNotificationsRead | _AS_MEMBER,
    strawberry.union("MarkAllNotificationsReadResult", description="How many were marked read, or why not."),
]
RegisterDeviceResult = Annotated[
    DeviceRegistered | ValidationError | _AS_MEMBER,
    strawberry.union("RegisterDeviceResult", description="The device registered, or why not."),
]
RemoveDeviceResult = Annotated[
    DeviceRemoved | NotFoundError | _AS_MEMBER,
    strawberry.union("RemoveDeviceResult", description="The device forgotten, or why not."),
]
SetNotificationPreferencesResult = Annotated[
    NotificationPreferencesSet | ValidationError | PreconditionFailedError | _AS_MEMBER,
    strawberry.union("SetNotificationPreferencesResult", description="The preferences stored, or why not."),
]


@strawberry.type
class NotificationQuery:
    @described.field("Your notifications: unread first, newest first, then those you read, newest first.")
    async def my_notifications(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> NotificationConnection:
        limit = page_request(first, None).limit
        query = InboxQuery(limit=limit)
        if after is not None:
            state, after_id = decode_inbox_cursor(after, ("after",), CURSOR_HINT)
            query = InboxQuery(limit=limit, after=after_id, state=state)
        context = info.context
        page = await context.services.notifications.list_my_notifications(context.principal, query)
        return inbox_connection(page, after is not None)

    @described.field("How many of your notifications you have not read.")
    async def my_unread_notification_count(self, info: Info) -> int:
        context = info.context
        return await context.services.notifications.count_my_unread(context.principal)

    @described.field("The devices your notifications are pushed to, the one registered last first.")
    async def my_devices(self, info: Info) -> list[Device]:
        context = info.context
        return [device_node(d) for d in await context.services.notifications.list_my_devices(context.principal)]

    @described.field("What you want to be told and when it may be pushed.")
    async def my_notification_preferences(self, info: Info) -> NotificationPreferences:
        context = info.context
        preferences = await context.services.notifications.get_notification_preferences(context.principal)
        return preferences_node(preferences)


@strawberry.type
class NotificationMutation:
    @described.mutation("Mark one of your notifications read; anyone else's is a `NotFoundError`.")
    async def mark_notification_read(
        self,
        info: Info,
        notification_id: Annotated[UUID, strawberry.argument(description="The notification's id.")],
    ) -> MarkNotificationReadResult:
        context = info.context
        read = await context.services.notifications.mark_notification_read(context.principal, notification_id)
        return NotificationRead(notification=notification_node(read))

    @described.mutation("Mark every unread notification of yours read.")
    async def mark_all_notifications_read(self, info: Info) -> MarkAllNotificationsReadResult:
        context = info.context
        done = await context.services.notifications.mark_all_notifications_read(context.principal)
        return AllNotificationsRead(marked=done.marked)

    @described.mutation("Register your device's push token, for the tenant's notifier.")
    async def register_device(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            RegisterDeviceInput, strawberry.argument(description="The platform and the push token.")
        ],
    ) -> RegisterDeviceResult:
        context = info.context
        command = RegisterDeviceCommand(platform=input.platform, token=input.token)
        return DeviceRegistered(
            device=device_node(await context.services.notifications.register_device(context.principal, command))
        )

    @described.mutation("Forget one of your devices; anyone else's is a `NotFoundError`.")
    async def remove_device(
        self, info: Info, device_id: Annotated[UUID, strawberry.argument(description="The device's id.")]
    ) -> RemoveDeviceResult:
        context = info.context
        await context.services.notifications.remove_device(context.principal, device_id)
        return DeviceRemoved(device_id=device_id)

    @described.mutation(
        "Replace your notification preferences as a whole; with `expectedVersion`, only if they did not change "
        "since (else a `PreconditionFailedError`)."
    )
    async def set_notification_preferences(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            NotificationPreferencesInput, strawberry.argument(description="Your preferences.")
        ],
    ) -> SetNotificationPreferencesResult:
        quiet = input.quiet_hours
        preferences = DomainPreferences.parse(
            muted_kinds=list(input.muted_kinds),
            quiet_start=local_time(quiet.start, ("quietHours", "start")) if quiet else None,
            quiet_end=local_time(quiet.end, ("quietHours", "end")) if quiet else None,
            time_zone=input.time_zone,
            weekly_digest=input.weekly_digest,
        )
        context = info.context
        stored = await context.services.notifications.set_notification_preferences(
            context.principal, preferences, input.expected_version
        )
        return NotificationPreferencesSet(preferences=preferences_node(stored))
