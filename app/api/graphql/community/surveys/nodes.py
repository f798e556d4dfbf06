"""How ``node(id:)`` reads surveys and ideas: through the same use cases as their root fields."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.community.surveys.mappers import idea_node, survey_node
from app.api.graphql.community.surveys.types import Idea, Survey
from app.api.graphql.global_ids import NodeLoader, each
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def survey_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    cases = services.surveys

    async def survey(survey_id: UUID) -> Survey:
        return survey_node(await cases.get_survey(principal, survey_id))

    async def idea(idea_id: UUID) -> Idea:
        return idea_node(await cases.get_idea(principal, idea_id))

    return {"Survey": DataLoader(each(survey)), "Idea": DataLoader(each(idea))}
