"""Results of the mutations of surveys and ideas: the success type or the failures each can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.community.surveys.errors import (
    IdeaAlreadyDecidedError,
    SurveyAlreadyAnsweredError,
    SurveyNotOpenError,
    SurveyNotTargetedError,
)
from app.api.graphql.community.surveys.types import Idea, Survey, SurveyAnswer
from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)

CreateSurveyResult = Annotated[
    Survey | ValidationError | ForbiddenError,
    strawberry.union("CreateSurveyResult", description="The survey written, or why it was refused."),
]
ChangeSurveyResult = Annotated[
    Survey
    | NotFoundError
    | ValidationError
    | InvalidTransitionError
    | SurveyNotOpenError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("ChangeSurveyResult", description="The survey as changed, or why it was not."),
]
AnswerSurveyResult = Annotated[
    SurveyAnswer
    | NotFoundError
    | SurveyNotTargetedError
    | SurveyNotOpenError
    | SurveyAlreadyAnsweredError
    | ValidationError
    | NotAnAmbassadorError
    | NotLinkedError
    | ForbiddenError,
    strawberry.union("AnswerSurveyResult", description="Your answer as stored, or why nothing was stored."),
]
SubmitIdeaResult = Annotated[
    Idea | ValidationError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("SubmitIdeaResult", description="The idea suggested, or why it was refused."),
]
DecideIdeaResult = Annotated[
    Idea | NotFoundError | ValidationError | IdeaAlreadyDecidedError | PreconditionFailedError | ForbiddenError,
    strawberry.union("DecideIdeaResult", description="The idea as decided, or why nothing changed."),
]
