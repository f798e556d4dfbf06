"""How ``node(id:)`` reads shares: through the same use case as ``share``, figures included."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.sharing.types import Share, share_node
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def sharing_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def share(share_id: UUID) -> Share:
        return share_node(await services.sharing.get_share(principal, share_id))

    return {"Share": DataLoader(each(share))}
