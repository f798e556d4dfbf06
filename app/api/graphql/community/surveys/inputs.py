"""GraphQL inputs of surveys."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api.graphql.community.surveys.enums import QuestionKind
from app.api.graphql.content.inputs import TargetingInput


@strawberry.input(description="One question: satisfaction (1-5), NPS (0-10), multiple choice or free text.")
class QuestionInput:
    kind: QuestionKind = strawberry.field(description="What it asks for.")
    prompt: str = strawberry.field(description="The question, as ambassadors read it.")
    options: list[str] = strawberry.field(default_factory=list, description="A multiple choice's 2 to 20 options.")
    multiple: bool = strawberry.field(default=False, description="A multiple choice allows several options.")


@strawberry.input(description="A survey to write; it starts as a draft.")
class SurveyInput:
    title: str = strawberry.field(description="Its title.")
    description: str | None = strawberry.field(default=None, description="What it is about.")
    questions: list[QuestionInput] = strawberry.field(description="Its questions, in order (1 to 30).")
    targeting: TargetingInput | None = strawberry.field(default=None, description="Who it is for; everyone if omitted.")
    opens_at: datetime = strawberry.field(description="Answers are taken from then.")
    closes_at: datetime = strawberry.field(description="Answers are taken until then.")
    anonymous: bool = strawberry.field(default=False, description="Keep no link between an answer and who gave it.")


@strawberry.input(description="Only the fields sent change, while the survey is a draft; null clears the description.")
class SurveyChangesInput:
    title: strawberry.Maybe[str | None] = strawberry.field(description="Its title.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it is about; null clears it.")
    questions: strawberry.Maybe[list[QuestionInput] | None] = strawberry.field(description="Its questions.")
    targeting: strawberry.Maybe[TargetingInput | None] = strawberry.field(description="Who it is for.")
    opens_at: strawberry.Maybe[datetime | None] = strawberry.field(description="Answers are taken from then.")
    closes_at: strawberry.Maybe[datetime | None] = strawberry.field(description="Answers are taken until then.")
    anonymous: strawberry.Maybe[bool | None] = strawberry.field(description="Keep no link to who answered.")


@strawberry.input(description="The reply to one question: a `score`, `choices` or a `text`, as its kind asks.")
class ReplyInput:
    question: int = strawberry.field(description="The question's position, 0 first.")
    score: int | None = strawberry.field(default=None, description="Satisfaction: 1 to 5; NPS: 0 to 10.")
    choices: list[str] = strawberry.field(default_factory=list, description="The options picked.")
    text: str | None = strawberry.field(default=None, description="A free text's reply.")
