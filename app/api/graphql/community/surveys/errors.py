"""Expected failures of surveys and ideas as GraphQL types, and the forms their domain errors take."""

from __future__ import annotations

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain import errors as domain
from app.domain.community.ideas import IdeaAlreadyDecided


@strawberry.type(description="The survey takes no answer now: not open yet, closed, or outside its window.")
class SurveyNotOpenError(Error):
    pass


@strawberry.type(description="You already answered this survey; a survey is answered once.")
class SurveyAlreadyAnsweredError(Error):
    pass


@strawberry.type(description="The survey is meant for other departments, locations or languages than yours.")
class SurveyNotTargetedError(Error):
    pass


@strawberry.type(description="The idea was already accepted or declined; an idea is decided once.")
class IdeaAlreadyDecidedError(Error):
    current_status: str = strawberry.field(description="How it was decided: `ACCEPTED` or `DECLINED`.")


SURVEY_NOT_OPEN: GraphQLForm[domain.DomainError] = GraphQLForm(SurveyNotOpenError)
SURVEY_ALREADY_ANSWERED: GraphQLForm[domain.DomainError] = GraphQLForm(SurveyAlreadyAnsweredError)
SURVEY_NOT_TARGETED: GraphQLForm[domain.DomainError] = GraphQLForm(SurveyNotTargetedError)
IDEA_ALREADY_DECIDED: GraphQLForm[IdeaAlreadyDecided] = GraphQLForm(
    IdeaAlreadyDecidedError, lambda e: {"current_status": e.status.name}
)
