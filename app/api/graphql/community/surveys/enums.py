"""GraphQL enums of surveys and ideas: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.community.ideas import IdeaStatus
from app.domain.community.surveys import QuestionKind, SurveyStatus

__all__ = ["IdeaStatus", "QuestionKind", "SurveyStatus"]

domain_enum(
    QuestionKind,
    "What a question asks for.",
    {
        QuestionKind.SATISFACTION: "A satisfaction score from 1 to 5.",
        QuestionKind.NPS: "How likely one is to recommend, from 0 to 10 (Net Promoter Score).",
        QuestionKind.MULTIPLE_CHOICE: "One option, or several when the question allows it.",
        QuestionKind.FREE_TEXT: "A text, which may be left out.",
    },
)
domain_enum(
    SurveyStatus,
    "Where a survey stands.",
    {
        SurveyStatus.DRAFT: "Being written; staff may still change it.",
        SurveyStatus.OPEN: "Opened: answers are taken inside its window.",
        SurveyStatus.CLOSED: "Closed by staff, or its window ended: no more answers.",
    },
)
domain_enum(
    IdeaStatus,
    "Where an idea stands.",
    {
        IdeaStatus.PENDING: "Awaiting staff's decision.",
        IdeaStatus.ACCEPTED: "Accepted: a draft content was made of it.",
        IdeaStatus.DECLINED: "Declined, with a reason.",
    },
)
