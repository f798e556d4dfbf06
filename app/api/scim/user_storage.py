"""Where scim2-server reads and writes users: the SCIM use cases, called for the integration whose token
the request carries (set by the application for the request's task)."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any
from uuid import UUID

from scim2_models import NotFoundException, Resource, ResourceType, ResponseParameters, SearchRequest
from scim2_server.storage import AsyncScimStorage, SearchPage

from app.api.runtime import Services
from app.api.scim.models import MAX_RESULTS
from app.api.scim.user_filters import read_filter
from app.api.scim.user_mappers import to_resource, to_state, version_of
from app.services.integrations.scim_users import ScimCaller

CALLER: ContextVar[ScimCaller] = ContextVar("scim_caller")
SERVICES: ContextVar[Services] = ContextVar("scim_services")


def _id(resource_id: str | None) -> UUID:
    try:
        return UUID(str(resource_id))
    except ValueError:
        raise NotFoundException(detail=f"No user with id {resource_id} exists.") from None


class UserStorage(AsyncScimStorage):
    async def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: ResponseParameters[Any] | None = None,
    ) -> Resource[Any]:
        user = await SERVICES.get().scim.get_user(CALLER.get(), _id(resource_id))
        return to_resource(user)

    async def search(
        self, resource_types: list[ResourceType], search_request: SearchRequest[Any], *, position: Any = None
    ) -> SearchPage:
        condition = read_filter(search_request.filter.ast if search_request.filter is not None else None)
        offset = max((search_request.start_index or 1) - 1, 0)
        count = MAX_RESULTS if search_request.count is None else min(search_request.count, MAX_RESULTS)
        page = await SERVICES.get().scim.search_users(CALLER.get(), condition, offset, count)
        return SearchPage(total=page.total, resources=[to_resource(user) for user in page.users])

    async def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        return to_resource(await SERVICES.get().scim.create_user(CALLER.get(), to_state(resource)))

    async def update(
        self, resource_type: ResourceType, resource: Resource[Any], *, expected_version: str | None = None
    ) -> Resource[Any]:
        replaced = await SERVICES.get().scim.replace_user(
            CALLER.get(), _id(resource.id), to_state(resource), version_of(expected_version)
        )
        return to_resource(replaced)

    async def delete(
        self, resource_type: ResourceType, resource_id: str, *, expected_version: str | None = None
    ) -> None:
        await SERVICES.get().scim.delete_user(CALLER.get(), _id(resource_id), version_of(expected_version))
