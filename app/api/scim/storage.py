"""Where scim2-server reads and writes users and groups: the SCIM use cases, called for the integration whose token
the request carries (set by the application for the request's task)."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any
from uuid import UUID

from scim2_models import (
    NotFoundException,
    NotImplementedException,
    Resource,
    ResourceType,
    ResponseParameters,
    SearchRequest,
)
from scim2_server.storage import AsyncScimStorage, SearchPage

from app.api.runtime import Services
from app.api.scim.group_mappers import group_filter, group_resource, group_state
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
        raise NotFoundException(detail=f"Nothing has the id {resource_id}.") from None


def _is_group(resource_type: ResourceType | list[ResourceType]) -> bool:
    types = resource_type if isinstance(resource_type, list) else [resource_type]
    return [t.name for t in types] == ["Group"]


def _page(search_request: SearchRequest[Any]) -> tuple[int, int]:
    offset = max((search_request.start_index or 1) - 1, 0)
    return offset, MAX_RESULTS if search_request.count is None else min(search_request.count, MAX_RESULTS)


class ScimStorage(AsyncScimStorage):
    """Users, and groups (departments)."""

    async def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: ResponseParameters[Any] | None = None,
    ) -> Resource[Any]:
        if _is_group(resource_type):
            return group_resource(await SERVICES.get().scim.get_group(CALLER.get(), _id(resource_id)))
        user = await SERVICES.get().scim.get_user(CALLER.get(), _id(resource_id))
        return to_resource(user)

    async def search(
        self, resource_types: list[ResourceType], search_request: SearchRequest[Any], *, position: Any = None
    ) -> SearchPage:
        if len(resource_types) > 1:
            # A search at the root would page users and groups as one list; Relais searches one type at a time.
            raise NotImplementedException(detail="Search /Users or /Groups, one at a time.")
        tree = search_request.filter.ast if search_request.filter is not None else None
        offset, count = _page(search_request)
        if _is_group(resource_types):
            wanted = group_filter(tree)
            groups = await SERVICES.get().scim.search_groups(
                CALLER.get(), wanted.get("display_name"), wanted.get("external_id"), offset, count
            )
            return SearchPage(total=groups.total, resources=[group_resource(view) for view in groups.groups])
        condition = read_filter(tree)
        page = await SERVICES.get().scim.search_users(CALLER.get(), condition, offset, count)
        return SearchPage(total=page.total, resources=[to_resource(user) for user in page.users])

    async def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        if _is_group(resource_type):
            return group_resource(await SERVICES.get().scim.create_group(CALLER.get(), group_state(resource)))
        return to_resource(await SERVICES.get().scim.create_user(CALLER.get(), to_state(resource)))

    async def update(
        self, resource_type: ResourceType, resource: Resource[Any], *, expected_version: str | None = None
    ) -> Resource[Any]:
        if _is_group(resource_type):
            view = await SERVICES.get().scim.replace_group(
                CALLER.get(), _id(resource.id), group_state(resource), version_of(expected_version)
            )
            return group_resource(view)
        replaced = await SERVICES.get().scim.replace_user(
            CALLER.get(), _id(resource.id), to_state(resource), version_of(expected_version)
        )
        return to_resource(replaced)

    async def delete(
        self, resource_type: ResourceType, resource_id: str, *, expected_version: str | None = None
    ) -> None:
        if _is_group(resource_type):
            await SERVICES.get().scim.delete_group(CALLER.get(), _id(resource_id), version_of(expected_version))
            return
        await SERVICES.get().scim.delete_user(CALLER.get(), _id(resource_id), version_of(expected_version))
