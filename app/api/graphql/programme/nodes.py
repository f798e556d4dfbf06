"""How ``node(id:)`` reads charter versions: from the list of versions, which stays short."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader
from app.api.graphql.programme.mappers import charter_version_node
from app.api.graphql.programme.types import CharterVersion
from app.api.runtime import Services
from app.domain.programme.charter import CharterVersion as CharterVersionRecord
from app.domain.roster.identity import Principal
from app.ports.pagination import MAX_LIMIT, PageRequest


def programme_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def charter_versions(version_ids: list[UUID]) -> list[CharterVersion | None]:
        """A programme publishes a version now and then: every one is read, a page of 100 a statement."""
        wanted, found = set(version_ids), dict[UUID, CharterVersionRecord]()
        request = PageRequest(limit=MAX_LIMIT)
        while wanted - found.keys():
            page = await services.programme.list_charter_versions(principal, request)
            found |= {version.id: version for version in page.items if version.id in wanted}
            if page.next_after is None:
                break
            request = PageRequest(after=page.next_after, limit=MAX_LIMIT)
        return [charter_version_node(found[uuid]) if uuid in found else None for uuid in version_ids]

    return {"CharterVersion": DataLoader(charter_versions)}
