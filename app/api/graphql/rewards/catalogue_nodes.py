"""How ``node(id:)`` reads rewards, redemptions and associations: through the same use cases as their
root fields, so the same readers see them."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.rewards.catalogue_mappers import association_node, redemption_node, reward_node
from app.api.graphql.rewards.catalogue_types import Association, Redemption, Reward
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def catalogue_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    cases = services.catalogue

    async def reward(reward_id: UUID) -> Reward:
        return reward_node(await cases.get_reward(principal, reward_id), cases.current_time())

    async def redemption(redemption_id: UUID) -> Redemption:
        return redemption_node(await cases.get_redemption(principal, redemption_id))

    async def association(association_id: UUID) -> Association:
        return association_node(await cases.get_association(principal, association_id))

    return {
        "Reward": DataLoader(each(reward)),
        "Redemption": DataLoader(each(redemption)),
        "Association": DataLoader(each(association)),
    }
