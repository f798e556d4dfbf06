"""/v1/me/notifications, /v1/me/devices and /v1/me/notification-preferences: the caller's inbox, the
devices their notifications are pushed to, and what they want to be told."""

from __future__ import annotations

from datetime import time
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api import problem_types as problem
from app.api.pagination import decode_inbox_cursor, encode_inbox_page_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, ExpectedVersionDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.notifications.mappers import device_out, notification_out, preferences_out
from app.api.rest.notifications.schemas import (
    AllReadOut,
    DeviceCreate,
    DeviceOut,
    NotificationOut,
    NotificationPreferencesBody,
    NotificationPreferencesOut,
    UnreadCountOut,
)
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.notifications.preferences import NotificationPreferences
from app.domain.roster.identity import Role
from app.ports.notifications import InboxQuery
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.notifications.devices import RegisterDeviceCommand
from app.services.notifications.inbox import ListMyNotifications

router = APIRouter(
    prefix="/v1/me", tags=["notifications"], route_class=OperationRoute, dependencies=[allowed({Role.AMBASSADOR})]
)


@router.get(
    "/notifications",
    summary="Read your notifications",
    responses=problems(*AS_MEMBER),
    description=ListMyNotifications.__doc__,
)
async def list_my_notifications(
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
) -> ItemPage[NotificationOut]:
    query = InboxQuery(limit=limit)
    if cursor is not None:
        state, after = decode_inbox_cursor(cursor)
        query = InboxQuery(limit=limit, after=after, state=state)
    page = await services.notifications.list_my_notifications(principal, query)
    return ItemPage(items=[notification_out(item) for item in page.items], next_cursor=encode_inbox_page_cursor(page))


@router.get("/notifications/unread-count", summary="Count your unread notifications", responses=problems(*AS_MEMBER))
async def count_unread_notifications(principal: PrincipalDep, services: ServicesDep) -> UnreadCountOut:
    """How many of your notifications you have not read (the badge on the app's bell)."""
    return UnreadCountOut(unread=await services.notifications.count_my_unread(principal))


@router.post(
    "/notifications/{notification_id}/read",
    summary="Mark a notification read",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def mark_notification_read(
    notification_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> NotificationOut:
    """Mark one of your notifications read; again changes nothing (it keeps the time you first read it).
    Anyone else's notification reads as not found."""
    return notification_out(await services.notifications.mark_notification_read(principal, notification_id))


@router.post("/notifications/read", summary="Mark all your notifications read", responses=problems(*AS_MEMBER))
async def mark_all_notifications_read(principal: PrincipalDep, services: ServicesDep) -> AllReadOut:
    """Mark every unread notification of yours read, and say how many there were."""
    done = await services.notifications.mark_all_notifications_read(principal)
    return AllReadOut(marked=done.marked)


@router.get("/devices", summary="List your devices", responses=problems(*AS_MEMBER))
async def list_devices(principal: PrincipalDep, services: ServicesDep) -> list[DeviceOut]:
    """The devices your notifications are pushed to, the one registered last first."""
    return [device_out(device) for device in await services.notifications.list_my_devices(principal)]


@router.post(
    "/devices",
    status_code=status.HTTP_201_CREATED,
    summary="Register a device for push notifications",
    response_description="The device registered.",
    responses=problems(*AS_MEMBER),
)
async def register_device(body: DeviceCreate, principal: PrincipalDep, services: ServicesDep) -> DeviceOut:
    """Register your device's push token: each notification of yours then carries it, in its
    `notification.created` event, to the tenant's notifier (Relais calls no push service itself).
    Registering the same token again refreshes it; a token another member registered moves to you. You
    keep your 20 latest devices."""
    command = RegisterDeviceCommand(platform=body.platform, token=body.token)
    return device_out(await services.notifications.register_device(principal, command))


@router.delete(
    "/devices/{device_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a device",
    response_description="The device is forgotten.",
    responses=problems(*AS_MEMBER, problem.NOT_FOUND),
)
async def remove_device(device_id: UUID, principal: PrincipalDep, services: ServicesDep) -> None:
    """Forget one of your devices (when you sign out of the app); anyone else's reads as not found."""
    await services.notifications.remove_device(principal, device_id)


@router.get(
    "/notification-preferences",
    summary="Read your notification preferences",
    responses={**NOT_MODIFIED, **problems(*AS_MEMBER)},
)
async def get_notification_preferences(
    principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> NotificationPreferencesOut:
    """What you want to be told and when it may be pushed; every kind, no quiet hours and the weekly
    digest until you change them. Its `ETag` is the version to send in `If-Match`."""
    preferences = await services.notifications.get_notification_preferences(principal)
    return conditional(preferences_out(preferences), preferences.version)


@router.put(
    "/notification-preferences",
    summary="Replace your notification preferences",
    responses=problems(*AS_MEMBER, problem.PRECONDITION_FAILED),
)
async def set_notification_preferences(
    body: NotificationPreferencesBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> NotificationPreferencesOut:
    """Replace your notification preferences as a whole: the kinds you do not want (neither in your inbox
    nor pushed), your quiet hours (notifications reach your inbox, nothing is pushed), their time zone
    (the programme's when null) and the weekly digest. Honours `If-Match`."""
    quiet = body.quiet_hours
    preferences = NotificationPreferences.parse(
        muted_kinds=body.muted_kinds,
        quiet_start=time.fromisoformat(quiet.start) if quiet else None,
        quiet_end=time.fromisoformat(quiet.end) if quiet else None,
        time_zone=body.time_zone,
        weekly_digest=body.weekly_digest,
    )
    stored = await services.notifications.set_notification_preferences(principal, preferences, expected_version)
    set_etag(response, stored.version)
    return preferences_out(stored)
