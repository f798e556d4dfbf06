"""How ``node(id:)`` reads training modules: through the same use case as their root field."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.community.training.mappers import module_node
from app.api.graphql.community.training.types import TrainingModule
from app.api.graphql.global_ids import NodeLoader, each
from app.api.runtime import Services
from app.domain.roster.identity import Principal
from app.services.community.training.access import is_staff


def training_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def module(module_id: UUID) -> TrainingModule:
        found = await services.training.get_module(principal, module_id)
        return module_node(found, with_answers=is_staff(principal))

    return {"TrainingModule": DataLoader(each(module))}
