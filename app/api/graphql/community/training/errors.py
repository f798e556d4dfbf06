"""Training's expected failures as GraphQL types, and the forms its domain errors take in them."""

from __future__ import annotations

import strawberry
from strawberry import relay

from app.api.graphql.errors import Error, GraphQLForm
from app.api.graphql.global_ids import global_id
from app.domain.community.training_progress import NoQuiz, TrainingRequired


@strawberry.type(description="Complete the programme's required training modules (`modules`) before sharing.")
class TrainingRequiredError(Error):
    modules: list[relay.GlobalID] = strawberry.field(description="The `id`s of the modules still to complete.")


@strawberry.type(description="This training module has no quiz: mark each of its lessons done to complete it.")
class TrainingWithoutQuizError(Error):
    pass


TRAINING_REQUIRED: GraphQLForm[TrainingRequired] = GraphQLForm(
    TrainingRequiredError, lambda e: {"modules": [global_id("TrainingModule", uuid) for uuid in e.modules]}
)
TRAINING_WITHOUT_QUIZ: GraphQLForm[NoQuiz] = GraphQLForm(TrainingWithoutQuizError)
