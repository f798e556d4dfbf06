"""A member's devices: register a push token, list them, remove one."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.notifications.devices import Device, Platform, push_token
from app.domain.roster.identity import Principal
from app.ports.notifications import DeviceRegistry, NotificationStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.notifications.members import NotificationUseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisterDeviceCommand:
    platform: Platform
    token: str


class DeviceUseCase(NotificationUseCase):
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        store: NotificationStore,
        devices: DeviceRegistry,
    ) -> None:
        super().__init__(uow, clock, ids, store)
        self._devices = devices


class RegisterDevice(DeviceUseCase):
    """Register a device's push token, so that your notifications reach it through the tenant's
    notifier. Registering a token again refreshes it; a token another member registered moves to you
    (the phone changed hands). You keep your 20 latest devices: one more forgets the oldest."""

    async def __call__(self, principal: Principal, command: RegisterDeviceCommand) -> Device:
        token = push_token(command.token)
        tenant_id, member = await self._member(principal)
        device = Device(
            id=self._ids.new_id(),
            tenant_id=tenant_id,
            ambassador_id=member,
            platform=command.platform,
            token=token,
            registered_at=self._clock.now(),
        )
        return await self._devices.register(device)


class ListMyDevices(DeviceUseCase):
    """Your devices, the one registered last first."""

    async def __call__(self, principal: Principal) -> list[Device]:
        tenant_id, member = await self._member(principal)
        return await self._devices.list(tenant_id, member)


class RemoveDevice(DeviceUseCase):
    """Forget one of your devices (signing out of the app); anyone else's reads as not found."""

    async def __call__(self, principal: Principal, device_id: UUID) -> None:
        tenant_id, member = await self._member(principal)
        if not await self._devices.remove(tenant_id, member, device_id):
            raise NotFound("device", device_id)
