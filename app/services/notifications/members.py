"""Finding the caller's membership for their notifications: one statement on the raw pool when
their identity is linked, else the roster's own lookup (which links a verified e-mail on first use)."""

from __future__ import annotations

from uuid import UUID

from app.domain.roster.identity import Principal, Role
from app.ports.notifications import NotificationStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.roster.linking import require_membership

MEMBERS_ONLY = frozenset({Role.AMBASSADOR})


class NotificationUseCase:
    """Base of the notification use cases: built from the unit of work (for the caller's first use),
    the clock, the ids and the notification store."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, store: NotificationStore) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._store = store

    async def _member(self, principal: Principal) -> tuple[UUID, UUID]:
        """The caller's tenant and membership (whatever its status); refused when they never joined."""
        principal.require_any(MEMBERS_ONLY)
        tenant_id = principal.require_tenant()
        member = await self._store.member_of(tenant_id, principal.subject)
        if member is not None:
            return tenant_id, member
        async with self._uow(tenant_id) as uow:
            found = await require_membership(uow, principal, self._clock.now(), for_update=False)
            await uow.commit()  # the first use links the caller's identity
        return tenant_id, found.id
