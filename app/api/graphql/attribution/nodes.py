"""How ``node(id:)`` reads conversions: through the same use case as ``conversion``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.attribution.types import Conversion, conversion_node
from app.api.graphql.global_ids import NodeLoader, each
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def attribution_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def conversion(conversion_id: UUID) -> Conversion:
        return conversion_node(await services.attribution.get_conversion(principal, conversion_id))

    return {"Conversion": DataLoader(each(conversion))}
