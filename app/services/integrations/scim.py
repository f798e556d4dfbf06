"""The SCIM use cases, users and groups, and their builder for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.integrations import Credentials
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.integrations.scim_groups import (
    CreateScimGroup,
    DeleteScimGroup,
    GetScimGroup,
    ReplaceScimGroup,
    SearchScimGroups,
)
from app.services.integrations.scim_users import (
    AuthenticateScim,
    CreateScimUser,
    DeleteScimUser,
    GetScimUser,
    ReplaceScimUser,
    SearchScimUsers,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScimUseCases:
    authenticate: AuthenticateScim
    get_user: GetScimUser
    search_users: SearchScimUsers
    create_user: CreateScimUser
    replace_user: ReplaceScimUser
    delete_user: DeleteScimUser
    get_group: GetScimGroup
    search_groups: SearchScimGroups
    create_group: CreateScimGroup
    replace_group: ReplaceScimGroup
    delete_group: DeleteScimGroup


def build_scim(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, credentials: Credentials) -> ScimUseCases:
    return ScimUseCases(
        authenticate=AuthenticateScim(uow, clock, ids, credentials=credentials),
        get_user=GetScimUser(uow, clock, ids),
        search_users=SearchScimUsers(uow, clock, ids),
        create_user=CreateScimUser(uow, clock, ids),
        replace_user=ReplaceScimUser(uow, clock, ids),
        delete_user=DeleteScimUser(uow, clock, ids),
        get_group=GetScimGroup(uow, clock, ids),
        search_groups=SearchScimGroups(uow, clock, ids),
        create_group=CreateScimGroup(uow, clock, ids),
        replace_group=ReplaceScimGroup(uow, clock, ids),
        delete_group=DeleteScimGroup(uow, clock, ids),
    )
