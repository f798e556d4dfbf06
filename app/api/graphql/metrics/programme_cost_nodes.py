"""How ``node(id:)`` reads programme costs: through the same use case as their root field."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.metrics.programme_cost_types import ProgrammeCost, programme_cost_node
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def programme_cost_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def cost(cost_id: UUID) -> ProgrammeCost:
        return programme_cost_node(await services.metrics.get_cost(principal, cost_id))

    return {"ProgrammeCost": DataLoader(each(cost))}
