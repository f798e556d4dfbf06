"""Results of training's mutations: the success type or the failures each can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.community.training.errors import TrainingWithoutQuizError
from app.api.graphql.community.training.types import TrainingModule, TrainingProgress, TrainingQuizAttempt
from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)

CreateTrainingModuleResult = Annotated[
    TrainingModule | ValidationError | ForbiddenError,
    strawberry.union("CreateTrainingModuleResult", description="The module written, or why it was refused."),
]
ChangeTrainingModuleResult = Annotated[
    TrainingModule
    | NotFoundError
    | ValidationError
    | InvalidTransitionError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("ChangeTrainingModuleResult", description="The module as changed, or why it was not."),
]
MarkTrainingLessonDoneResult = Annotated[
    TrainingProgress | NotFoundError | NotAnAmbassadorError | NotLinkedError | ValidationError | ForbiddenError,
    strawberry.union("MarkTrainingLessonDoneResult", description="Your progress, or why the lesson was not marked."),
]
SubmitTrainingQuizResult = Annotated[
    TrainingQuizAttempt
    | NotFoundError
    | TrainingWithoutQuizError
    | NotAnAmbassadorError
    | NotLinkedError
    | ValidationError
    | ForbiddenError,
    strawberry.union("SubmitTrainingQuizResult", description="The attempt scored, or why it was refused."),
]
