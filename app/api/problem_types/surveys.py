"""Problem types of surveys and of the idea box."""

from __future__ import annotations

from datetime import UTC, datetime

from app.api.graphql.community.surveys import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.community.surveys.problems import DecidedIdea
from app.domain.community.ideas import IdeaAlreadyDecided, IdeaStatus
from app.domain.community.surveys import SurveyAlreadyAnswered, SurveyNotOpen, SurveyNotTargeted
from app.domain.messages import Message

SURVEY_NOT_TARGETED = of_error(
    SurveyNotTargeted,
    403,
    "Survey meant for another audience",
    means="The survey targets departments, locations or languages that do not include you; nothing was stored.",
    fix="Answer the surveys listed for you.",
    example=SurveyNotTargeted(),
    graphql=gql.SURVEY_NOT_TARGETED,
)
SURVEY_NOT_OPEN = of_error(
    SurveyNotOpen,
    409,
    "Survey not open",
    means="The survey is not open, or its window (`opens_at` to `closes_at`) does not hold the present instant; "
    "nothing was stored.",
    fix="Answer it inside its window (`detail` says when), or answer another survey listed for you.",
    example=SurveyNotOpen(
        Message(
            "This survey closed at {closes_at}; it takes no more answers.",
            closes_at=datetime(2030, 1, 1, tzinfo=UTC).isoformat().replace("+00:00", "Z"),
        )
    ),
    graphql=gql.SURVEY_NOT_OPEN,
)
SURVEY_ALREADY_ANSWERED = of_error(
    SurveyAlreadyAnswered,
    409,
    "Survey already answered",
    means="You already answered this survey, and a survey is answered once; nothing was stored.",
    fix="Answer another survey listed for you.",
    example=SurveyAlreadyAnswered(),
    graphql=gql.SURVEY_ALREADY_ANSWERED,
)
IDEA_ALREADY_DECIDED = of_error(
    IdeaAlreadyDecided,
    409,
    "Idea already decided",
    means="The idea was already accepted or declined (`idea_status`); an idea is decided once, and nothing changed.",
    fix="Read the idea for its decision; suggest a new idea to revisit the topic.",
    example=IdeaAlreadyDecided(IdeaStatus.ACCEPTED),
    rest=DecidedIdea.of,
    graphql=gql.IDEA_ALREADY_DECIDED,
)
