"""The associations ambassadors may give points to: kept by staff, read by staff and ambassadors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.donations import Association, AssociationFields, AssociationStatus
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.rewards.catalogue_access import (
    CATALOGUE_READERS,
    CATALOGUE_STAFF,
    association_for_change,
    is_staff,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateAssociationCommand:
    association_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AssociationTransitionCommand:
    association_id: UUID
    expected_version: int | None = None


class CreateAssociation(UseCase):
    """Staff (admin, manager): an association ambassadors may give points to."""

    async def __call__(self, principal: Principal, fields: AssociationFields) -> Association:
        principal.require_any(CATALOGUE_STAFF)
        tenant_id = principal.require_tenant()
        association = Association.create(
            id=self._ids.new_id(), tenant_id=tenant_id, fields=fields, now=self._clock.now()
        )
        async with self._uow(tenant_id) as uow:
            await uow.associations.add(association)
            await uow.commit()
        return association


class UpdateAssociation(UseCase):
    """Staff only; an archived association is frozen."""

    async def __call__(self, principal: Principal, command: UpdateAssociationCommand) -> Association:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            association = await association_for_change(uow, command.association_id, command.expected_version)
            association.edit(command.changes, self._clock.now())
            await uow.associations.save(association)
            await uow.commit()
        return association


class ArchiveAssociation(UseCase):
    """Staff only: it receives no more donations; what it received stays in the totals."""

    async def __call__(self, principal: Principal, command: AssociationTransitionCommand) -> Association:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            association = await association_for_change(uow, command.association_id, command.expected_version)
            association.archive(self._clock.now())
            await uow.associations.save(association)
            await uow.commit()
        return association


class GetAssociation(UseCase):
    """Staff read any association; ambassadors the active ones."""

    async def __call__(self, principal: Principal, association_id: UUID) -> Association:
        principal.require_any(CATALOGUE_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            association = await uow.associations.get(association_id)
        if association is None or not (is_staff(principal) or association.status is AssociationStatus.ACTIVE):
            raise NotFound("association", association_id)
        return association


class ListAssociations(UseCase):
    """Staff see every association (filtered by status); ambassadors the active ones."""

    async def __call__(
        self, principal: Principal, status: AssociationStatus | None, page: PageRequest
    ) -> Page[Association]:
        principal.require_any(CATALOGUE_READERS)
        wanted = status if is_staff(principal) else AssociationStatus.ACTIVE
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.associations.list(wanted, page)
