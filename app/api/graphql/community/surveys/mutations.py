"""GraphQL changes of surveys and of the idea box."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import ExpectedVersion
from app.api.graphql.community.surveys import inputs
from app.api.graphql.community.surveys.mappers import (
    answer_node,
    idea_node,
    replies,
    survey_changes,
    survey_node,
    survey_values,
)
from app.api.graphql.community.surveys.results import (
    AnswerSurveyResult,
    ChangeSurveyResult,
    CreateSurveyResult,
    DecideIdeaResult,
    SubmitIdeaResult,
)
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.domain.community.surveys import SurveyFields
from app.services.community.surveys.answer_survey import AnswerSurveyCommand
from app.services.community.surveys.ideas import DeclineIdeaCommand, IdeaDecisionCommand, SubmitIdeaCommand
from app.services.community.surveys.manage_surveys import SurveyTransitionCommand, UpdateSurveyCommand

Info = strawberry.Info[GraphQLContext, None]
SurveyId = Annotated[strawberry.ID, strawberry.argument(description="The survey's `id`.")]
IdeaId = Annotated[strawberry.ID, strawberry.argument(description="The idea's `id`.")]


def _transition(survey_id: str, expected_version: int | None) -> SurveyTransitionCommand:
    return SurveyTransitionCommand(
        survey_id=uuid_of(survey_id, "Survey", ("survey_id",)), expected_version=expected_version
    )


@strawberry.type
class SurveyMutation:
    @described.mutation("Write a survey as a draft (admin, manager).")
    async def create_survey(
        self,
        info: Info,
        input: Annotated[inputs.SurveyInput, strawberry.argument(description="The new survey.")],  # noqa: A002
    ) -> CreateSurveyResult:
        fields = SurveyFields(**survey_values(input))
        return survey_node(await info.context.services.surveys.create_survey(info.context.principal, fields))

    @described.mutation("Change the fields sent of a draft survey (admin, manager).")
    async def update_survey(
        self,
        info: Info,
        survey_id: SurveyId,
        input: Annotated[  # noqa: A002
            inputs.SurveyChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeSurveyResult:
        command = UpdateSurveyCommand(
            survey_id=uuid_of(survey_id, "Survey", ("survey_id",)),
            changes=survey_changes(input),
            expected_version=expected_version,
        )
        return survey_node(await info.context.services.surveys.update_survey(info.context.principal, command))

    @described.mutation("Open a draft survey to its audience (admin, manager).")
    async def open_survey(
        self, info: Info, survey_id: SurveyId, expected_version: ExpectedVersion = None
    ) -> ChangeSurveyResult:
        command = _transition(survey_id, expected_version)
        return survey_node(await info.context.services.surveys.open_survey(info.context.principal, command))

    @described.mutation("Close an open survey: it takes no more answers (admin, manager).")
    async def close_survey(
        self, info: Info, survey_id: SurveyId, expected_version: ExpectedVersion = None
    ) -> ChangeSurveyResult:
        command = _transition(survey_id, expected_version)
        return survey_node(await info.context.services.surveys.close_survey(info.context.principal, command))

    @described.mutation("Answer a survey meant for you, inside its window, once (ambassadors).")
    async def answer_survey(
        self,
        info: Info,
        survey_id: SurveyId,
        replies_sent: Annotated[
            list[inputs.ReplyInput],
            strawberry.argument(name="replies", description="One reply per question (a free text may be left out)."),
        ],
    ) -> AnswerSurveyResult:
        command = AnswerSurveyCommand(
            survey_id=uuid_of(survey_id, "Survey", ("survey_id",)), replies=replies(replies_sent)
        )
        return answer_node(await info.context.services.surveys.answer_survey(info.context.principal, command))

    @described.mutation("Suggest a topic for the idea box (ambassadors).")
    async def submit_idea(
        self,
        info: Info,
        title: Annotated[str, strawberry.argument(description="The topic in a few words.")],
        body: Annotated[str, strawberry.argument(description="What it is about.")],
    ) -> SubmitIdeaResult:
        command = SubmitIdeaCommand(title=title, body=body)
        return idea_node(await info.context.services.surveys.submit_idea(info.context.principal, command))

    @described.mutation("Accept a pending idea: it becomes a draft content in its author's name (admin, manager).")
    async def accept_idea(
        self, info: Info, idea_id: IdeaId, expected_version: ExpectedVersion = None
    ) -> DecideIdeaResult:
        command = IdeaDecisionCommand(idea_id=uuid_of(idea_id, "Idea", ("idea_id",)), expected_version=expected_version)
        return idea_node(await info.context.services.surveys.accept_idea(info.context.principal, command))

    @described.mutation("Decline a pending idea with a reason its author reads (admin, manager).")
    async def decline_idea(
        self,
        info: Info,
        idea_id: IdeaId,
        reason: Annotated[str, strawberry.argument(description="Why, for its author.")],
        expected_version: ExpectedVersion = None,
    ) -> DecideIdeaResult:
        command = DeclineIdeaCommand(
            idea_id=uuid_of(idea_id, "Idea", ("idea_id",)), reason=reason, expected_version=expected_version
        )
        return idea_node(await info.context.services.surveys.decline_idea(info.context.principal, command))
