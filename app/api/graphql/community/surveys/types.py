"""GraphQL types of surveys, their results, and the idea box."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.community.surveys.enums import IdeaStatus, QuestionKind, SurveyStatus
from app.api.graphql.content.types import Targeting


@strawberry.type(description="One question of a survey.")
class Question:
    kind: QuestionKind = strawberry.field(description="What it asks for.")
    prompt: str = strawberry.field(description="The question.")
    options: list[str] = strawberry.field(description="A multiple choice's options; empty for other kinds.")
    multiple: bool = strawberry.field(description="A multiple choice allows several options.")


@strawberry.type(description="A survey: questions to an audience, inside a window.")
class Survey(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this survey safely.")
    title: str = strawberry.field(description="Its title.")
    description: str | None = strawberry.field(description="What it is about, if said.")
    questions: list[Question] = strawberry.field(description="Its questions; replies name them by position, 0 first.")
    targeting: Targeting = strawberry.field(description="Who it is for.")
    opens_at: datetime = strawberry.field(description="Answers are taken from then.")
    closes_at: datetime = strawberry.field(description="Answers are taken until then.")
    anonymous: bool = strawberry.field(description="No link is kept between an answer and who gave it.")
    status: SurveyStatus = strawberry.field(description="Draft, open or closed.")
    opened_at: datetime | None = strawberry.field(description="When staff opened it.")
    closed_at: datetime | None = strawberry.field(description="When staff closed it, if they did.")
    created_at: datetime = strawberry.field(description="When it was written.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this survey (`/v1/surveys/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="Your answer, as stored: the day only, and no name for an anonymous survey.")
class SurveyAnswer:
    survey_id: relay.GlobalID = strawberry.field(description="The survey answered.")
    answered_on: date = strawberry.field(description="The day it was answered (no time is kept).")
    anonymous: bool = strawberry.field(description="Nothing links this answer to you.")


@strawberry.type(description="How many replies gave a score.")
class ScoreCount:
    score: int = strawberry.field(description="The score.")
    count: int = strawberry.field(description="How many replies gave it.")


@strawberry.type(description="How many replies picked an option.")
class OptionCount:
    option: str = strawberry.field(description="The option.")
    count: int = strawberry.field(description="How many replies picked it.")


@strawberry.type(description="One question's figures; withheld below five replies.")
class QuestionResult:
    question: int = strawberry.field(description="The question's position, 0 first.")
    kind: QuestionKind = strawberry.field(description="Its kind.")
    prompt: str = strawberry.field(description="The question.")
    replies: int = strawberry.field(description="How many answers replied to it (0 while the survey is withheld).")
    withheld: bool = strawberry.field(description="Fewer than five replies: no figure is shown.")
    reason: str | None = strawberry.field(description="Why its figures are withheld, when they are.")
    average: Decimal | None = strawberry.field(description="Satisfaction and NPS: the average score.")
    scores: list[ScoreCount] = strawberry.field(description="Satisfaction and NPS: how many gave each score.")
    nps: int | None = strawberry.field(description="NPS: % promoters less % detractors, from -100 to 100.")
    promoters: int | None = strawberry.field(description="NPS: replies of 9 or 10.")
    passives: int | None = strawberry.field(description="NPS: replies of 7 or 8.")
    detractors: int | None = strawberry.field(description="NPS: replies of 0 to 6.")
    options: list[OptionCount] = strawberry.field(description="Multiple choice: how many picked each option.")
    texts: list[str] = strawberry.field(description="Free text: the replies, without names.")


@strawberry.type(description="A survey's results; withheld, with the reason, below five answers.")
class SurveyResults:
    survey_id: relay.GlobalID = strawberry.field(description="The survey.")
    answers: int = strawberry.field(description="How many answers it has.")
    withheld: bool = strawberry.field(description="Fewer than five answers: no figure is shown.")
    reason: str | None = strawberry.field(description="Why the results are withheld, when they are.")
    questions: list[QuestionResult] = strawberry.field(description="Each question's figures, in order.")


@strawberry.type(description="An idea of the idea box, with its decision.")
class Idea(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to decide on it safely.")
    ambassador_id: relay.GlobalID = strawberry.field(description="Who suggested it.")
    title: str = strawberry.field(description="The topic.")
    body: str = strawberry.field(description="What it is about.")
    status: IdeaStatus = strawberry.field(description="Pending, accepted or declined.")
    reason: str | None = strawberry.field(description="Why it was declined, if it was.")
    content_id: relay.GlobalID | None = strawberry.field(description="The draft content made of it, once accepted.")
    decided_by: str | None = strawberry.field(description="Who decided (their token's subject).")
    decided_at: datetime | None = strawberry.field(description="When it was decided.")
    created_at: datetime = strawberry.field(description="When it was suggested.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this idea (`/v1/ideas/{id}`).")
    def uuid(self) -> UUID:
        return self.id
