"""Use cases of SCIM provisioning: the identity provider's token checked, its users read, searched,
created, replaced and deleted. The caller is the integration its bearer token belongs to, never a person."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound, PreconditionFailed, Unauthenticated
from app.domain.integrations.integrations import Integration, IntegrationKind
from app.domain.integrations.scim_filters import UserFilter
from app.domain.integrations.scim_users import ScimUser, ScimUserState
from app.domain.messages import Message
from app.ports.integrations import Credentials
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.base import UseCase
from app.services.integrations.apply_scim_user import end_employment, provision, replace_user

REFUSED = Message(
    "Send the bearer token of a SCIM integration of your organisation, as issued when it was registered or "
    "rotated; a revoked or expired token is refused."
)
STALE = "The user changed since you read it (it is at version {version}); read it again."


@dataclass(frozen=True, slots=True)
class ScimCaller:
    """The SCIM integration a request's token belongs to: it sees its own tenant's users only."""

    integration: Integration

    @property
    def tenant_id(self) -> UUID:
        return self.integration.tenant_id


@dataclass(frozen=True, slots=True)
class ScimUserPage:
    total: int
    users: list[ScimUser]


class ScimUseCase(UseCase):
    async def _user(self, uow: UnitOfWork, employee_id: UUID, *, for_update: bool = False) -> ScimUser:
        link = await uow.scim_users.get(employee_id, for_update=for_update)
        employee = await uow.employees.get(employee_id, for_update=for_update) if link is not None else None
        if link is None or employee is None:
            raise NotFound("user", employee_id)
        return ScimUser(link, employee)


def _require_version(user: ScimUser, expected: str | None) -> None:
    if expected is not None and expected != user.version:
        raise PreconditionFailed(Message(STALE, version=user.version))


class AuthenticateScim(UseCase):
    """A token is valid while its integration is a SCIM one and the credential it matches has not ended."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, credentials: Credentials) -> None:
        super().__init__(uow, clock, ids)
        self._credentials = credentials

    async def __call__(self, token: str | None) -> ScimCaller:
        if not token:
            raise Unauthenticated(REFUSED)
        digest = self._credentials.token_digest(token)
        async with self._uow(None) as uow:
            integration = await uow.scim_users.integration_for_token(digest)
        now = self._clock.now()
        if integration is None or integration.kind is not IntegrationKind.SCIM:
            raise Unauthenticated(REFUSED)
        if not any(c.token_digest == digest for c in integration.valid_credentials(now)):
            raise Unauthenticated(REFUSED)
        return ScimCaller(integration)


class GetScimUser(ScimUseCase):
    async def __call__(self, caller: ScimCaller, employee_id: UUID) -> ScimUser:
        async with self._uow(caller.tenant_id) as uow:
            return await self._user(uow, employee_id)


class SearchScimUsers(ScimUseCase):
    """The users the provider manages that match, in the order they were provisioned; ``offset`` from 0."""

    async def __call__(self, caller: ScimCaller, condition: UserFilter | None, offset: int, limit: int) -> ScimUserPage:
        async with self._uow(caller.tenant_id) as uow:
            total, links = await uow.scim_users.search(condition, offset, limit)
            employees = {e.id: e for e in await uow.employees.get_many([link.employee_id for link in links])}
        return ScimUserPage(total, [ScimUser(link, employees[link.employee_id]) for link in links])


class CreateScimUser(ScimUseCase):
    """Hires the user, or adopts the employee the roster already has under the same employee number or
    address (an HRIS loaded them first). A userName already provisioned is refused."""

    async def __call__(self, caller: ScimCaller, state: ScimUserState) -> ScimUser:
        async with self._uow(caller.tenant_id) as uow:
            user = await provision(uow, caller.integration, state, ids=self._ids, now=self._clock.now())
            await uow.commit()
        return user


class ReplaceScimUser(ScimUseCase):
    """A PUT, or a PATCH once applied: the integration's owned fields become what the state says."""

    async def __call__(
        self, caller: ScimCaller, employee_id: UUID, state: ScimUserState, expected_version: str | None
    ) -> ScimUser:
        async with self._uow(caller.tenant_id) as uow:
            user = await self._user(uow, employee_id, for_update=True)
            _require_version(user, expected_version)
            await replace_user(uow, caller.integration, user, state, self._clock.now())
            await uow.commit()
        return user


class DeleteScimUser(ScimUseCase):
    """The employee leaves (membership ended, reason ``departure``; their past figures stay) and the
    provider no longer manages them: the user is gone from SCIM, the employee stays on the roster."""

    async def __call__(self, caller: ScimCaller, employee_id: UUID, expected_version: str | None) -> None:
        async with self._uow(caller.tenant_id) as uow:
            user = await self._user(uow, employee_id, for_update=True)
            _require_version(user, expected_version)
            if user.employee.is_active:
                await end_employment(uow, user.employee, self._clock.now())
                await uow.employees.save(user.employee)
            await uow.scim_users.remove(employee_id)
            await uow.commit()
