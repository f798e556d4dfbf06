"""GraphQL reads of surveys, their results, and the idea box."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.community.surveys.enums import IdeaStatus, SurveyStatus
from app.api.graphql.community.surveys.mappers import idea_node, results_node, survey_node
from app.api.graphql.community.surveys.types import Idea, Survey, SurveyResults
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[strawberry.ID, strawberry.argument(name="id", description="Its `id`.")]
IdeaStatusArgument = Annotated[IdeaStatus | None, strawberry.argument(description="Only those of this status.")]


@strawberry.type
class SurveyQuery:
    @described.field("Page through every survey (admin, manager, analyst), filtered by status.")
    async def surveys(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[SurveyStatus | None, strawberry.argument(description="Only those of this status.")] = None,
    ) -> Connection[Survey]:
        page = page_request(first, after)
        found = await info.context.services.surveys.list_surveys(info.context.principal, status, page)
        return connection(found, survey_node, page)

    @described.field("The surveys you have to answer (ambassadors): open, in their window, for you, not answered.")
    async def my_surveys(self, info: Info, first: First = DEFAULT_LIMIT, after: After = None) -> Connection[Survey]:
        page = page_request(first, after)
        found = await info.context.services.surveys.list_my_surveys(info.context.principal, page)
        return connection(found, survey_node, page)

    @described.field("One survey, or null (ambassadors: only one open to them now).")
    async def survey(self, info: Info, survey_id: Id) -> Survey | None:
        try:
            found = await info.context.services.surveys.get_survey(
                info.context.principal, uuid_of(survey_id, "Survey", ("id",))
            )
        except NotFound:
            return None
        return survey_node(found)

    @described.field("A survey's results (admin, manager, analyst), or null; withheld below five answers.")
    async def survey_results(self, info: Info, survey_id: Id) -> SurveyResults | None:
        try:
            found = await info.context.services.surveys.get_survey_results(
                info.context.principal, uuid_of(survey_id, "Survey", ("id",))
            )
        except NotFound:
            return None
        return results_node(found)

    @described.field("Page through every idea (admin, manager); `status: PENDING` is what awaits a decision.")
    async def ideas(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None, status: IdeaStatusArgument = None
    ) -> Connection[Idea]:
        page = page_request(first, after)
        found = await info.context.services.surveys.list_ideas(info.context.principal, status, page)
        return connection(found, idea_node, page)

    @described.field("Your own ideas (ambassadors), with the decision on each.")
    async def my_ideas(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None, status: IdeaStatusArgument = None
    ) -> Connection[Idea]:
        page = page_request(first, after)
        found = await info.context.services.surveys.list_my_ideas(info.context.principal, status, page)
        return connection(found, idea_node, page)

    @described.field("One idea, or null (ambassadors: only their own).")
    async def idea(self, info: Info, idea_id: Id) -> Idea | None:
        try:
            found = await info.context.services.surveys.get_idea(
                info.context.principal, uuid_of(idea_id, "Idea", ("id",))
            )
        except NotFound:
            return None
        return idea_node(found)
