"""Ports of surveys and of the idea box."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.community.surveys import Survey, SurveyStatus
from app.domain.community.surveys_answers import Reply, Respondent, SurveyAnswer
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class Audience:
    """Who is asking for the surveys open to them: their membership and what targeting reads of them."""

    ambassador_id: UUID
    department: str | None
    location: str | None
    language: str | None


class SurveyRepository(Protocol):
    async def add(self, survey: Survey) -> None: ...
    async def save(self, survey: Survey) -> None: ...
    async def get(self, survey_id: UUID, *, for_update: bool = False) -> Survey | None: ...
    async def list(self, status: SurveyStatus | None, page: PageRequest) -> Page[Survey]: ...

    async def list_open_for(self, audience: Audience, now: datetime, page: PageRequest) -> Page[Survey]:
        """The open surveys whose window holds ``now``, that target the audience and that it has not answered."""
        ...

    async def add_answer(self, respondent: Respondent, answer: SurveyAnswer) -> None:
        """Store who answered and the answer, apart; ``survey-already-answered`` when they already did."""
        ...

    async def has_answered(self, survey_id: UUID, ambassador_id: UUID) -> bool: ...

    async def replies(self, survey_id: UUID) -> Sequence[tuple[Reply, ...]]:
        """Every answer's replies, in no meaningful order (an answer's id is random)."""
        ...


class IdeaRepository(Protocol):
    async def add(self, idea: Idea) -> None: ...
    async def save(self, idea: Idea) -> None: ...
    async def get(self, idea_id: UUID, *, for_update: bool = False) -> Idea | None: ...
    async def list(self, status: IdeaStatus | None, ambassador_id: UUID | None, page: PageRequest) -> Page[Idea]: ...
