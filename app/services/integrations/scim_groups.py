"""Use cases of SCIM groups, which are departments: read, search, create, replace and delete them, their
members' department following."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import DuplicateValue, FieldError, NotFound, PreconditionFailed, ValidationFailed
from app.domain.integrations.scim_groups import ScimGroup, ScimGroupState, ScimGroupView
from app.domain.messages import Message
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.integrations.scim_users import STALE, ScimCaller

NAME_TAKEN = "Another group already has this displayName."
NOT_OWNED = "The integration does not own the employees' department; let it own department to push groups."


@dataclass(frozen=True, slots=True)
class ScimGroupPage:
    total: int
    groups: list[ScimGroupView]


async def _view(uow: UnitOfWork, group: ScimGroup) -> ScimGroupView:
    members = await uow.scim_groups.members([group.display_name])
    return ScimGroupView(group, tuple(members.get(group.display_name, [])))


async def _locked(uow: UnitOfWork, group_id: UUID, expected: str | None) -> ScimGroup:
    group = await uow.scim_groups.get(group_id, for_update=True)
    if group is None:
        raise NotFound("group", group_id)
    if expected is not None and expected != str(group.version):
        raise PreconditionFailed(Message(STALE, version=group.version))
    return group


async def _move(uow: UnitOfWork, employee_ids: set[UUID], department: str | None, now: datetime) -> None:
    """Their department becomes ``department`` (departed users too: the provider still describes them)."""
    for employee_id in sorted(employee_ids):
        employee = await uow.employees.get(employee_id, for_update=True)
        if employee is not None:
            employee.update({"department": department}, now, after_departure=True)
            await uow.employees.save(employee)


async def _members(uow: UnitOfWork, caller: ScimCaller, member_ids: frozenset[UUID]) -> set[UUID]:
    if member_ids and "department" not in caller.integration.owned_fields:
        raise ValidationFailed("The group is not valid.", [FieldError(("members",), NOT_OWNED)])
    unknown = [member for member in member_ids if await uow.scim_users.get(member) is None]
    if unknown:
        raise ValidationFailed(
            "The group is not valid.",
            [
                FieldError(
                    ("members",), Message("Not users of this organisation: {ids}.", ids=", ".join(map(str, unknown)))
                )
            ],
        )
    return set(member_ids)


class GetScimGroup(UseCase):
    async def __call__(self, caller: ScimCaller, group_id: UUID) -> ScimGroupView:
        async with self._uow(caller.tenant_id) as uow:
            group = await uow.scim_groups.get(group_id)
            if group is None:
                raise NotFound("group", group_id)
            return await _view(uow, group)


class SearchScimGroups(UseCase):
    async def __call__(
        self, caller: ScimCaller, display_name: str | None, external_id: str | None, offset: int, limit: int
    ) -> ScimGroupPage:
        async with self._uow(caller.tenant_id) as uow:
            total, groups = await uow.scim_groups.search(display_name, external_id, offset, limit)
            members = await uow.scim_groups.members([group.display_name for group in groups])
        return ScimGroupPage(total, [ScimGroupView(g, tuple(members.get(g.display_name, []))) for g in groups])


class CreateScimGroup(UseCase):
    """A department of this name; its members move to it."""

    async def __call__(self, caller: ScimCaller, state: ScimGroupState) -> ScimGroupView:
        now = self._clock.now()
        async with self._uow(caller.tenant_id) as uow:
            if await uow.scim_groups.find_by_name(state.display_name) is not None:
                raise DuplicateValue("displayName", NAME_TAKEN)
            group = ScimGroup(
                tenant_id=caller.tenant_id,
                id=self._ids.new_id(),
                display_name=state.display_name,
                external_id=state.external_id,
                created_at=now,
                updated_at=now,
            )
            await _move(uow, await _members(uow, caller, state.member_ids), group.display_name, now)
            await uow.scim_groups.add(group)
            view = await _view(uow, group)
            await uow.commit()
        return view


class ReplaceScimGroup(UseCase):
    """The group becomes what the state says: members who stay follow a rename, those left out lose the
    department, newcomers join it."""

    async def __call__(
        self, caller: ScimCaller, group_id: UUID, state: ScimGroupState, expected_version: str | None
    ) -> ScimGroupView:
        now = self._clock.now()
        async with self._uow(caller.tenant_id) as uow:
            group = await _locked(uow, group_id, expected_version)
            holder = await uow.scim_groups.find_by_name(state.display_name)
            if holder is not None and holder.id != group.id:
                raise DuplicateValue("displayName", NAME_TAKEN)
            wanted = await _members(uow, caller, state.member_ids)
            current = set((await uow.scim_groups.members([group.display_name])).get(group.display_name, []))
            await _move(uow, current - wanted, None, now)
            renamed = state.display_name != group.display_name
            await _move(uow, wanted if renamed else wanted - current, state.display_name, now)
            group.change(display_name=state.display_name, external_id=state.external_id, now=now)
            await uow.scim_groups.save(group)
            view = await _view(uow, group)
            await uow.commit()
        return view


class DeleteScimGroup(UseCase):
    """The group is gone and its members have no department any more."""

    async def __call__(self, caller: ScimCaller, group_id: UUID, expected_version: str | None) -> None:
        async with self._uow(caller.tenant_id) as uow:
            group = await _locked(uow, group_id, expected_version)
            members = (await uow.scim_groups.members([group.display_name])).get(group.display_name, [])
            if members and "department" in caller.integration.owned_fields:
                await _move(uow, set(members), None, self._clock.now())
            await uow.scim_groups.remove(group_id)
            await uow.commit()
