"""REST bodies of the idea box."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.bodies import RequestBody
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.community.ideas import MAX_BODY, MAX_REASON, MAX_TITLE, IdeaStatus

IDEA_ID = "0196a402-4b5c-7d6e-8f7a-8b9c0d1e2f3a"
_AMBASSADOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
_IDEA_SENT: dict[str, Any] = {
    "title": "Behind the scenes of the Lyon lab",
    "body": "A short video tour of the lab, with the team explaining what they test each week.",
}


class IdeaCreate(RequestBody):
    """A topic you suggest: staff accept it (it becomes a draft content in your name) or decline it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_IDEA_SENT]})

    title: Annotated[str, Field(min_length=1, max_length=MAX_TITLE), SINGLE_LINE_NOT_BLANK] = Field(
        description="The topic in a few words."
    )
    body: Annotated[str, Field(min_length=1, max_length=MAX_BODY), MULTI_LINE_NOT_BLANK] = Field(
        description="What it is about, and why it would interest people."
    )


class IdeaDecline(RequestBody):
    """Why the idea is declined; its author reads it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "We covered the lab last month."}]})

    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE_NOT_BLANK] = Field(
        description="Why, for its author."
    )


class IdeaOut(BaseModel):
    """An idea of the idea box, with its decision."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _IDEA_SENT
                | {
                    "id": IDEA_ID,
                    "ambassador_id": _AMBASSADOR_ID,
                    "status": "accepted",
                    "reason": None,
                    "content_id": "0196a403-5c6d-7e8f-9a0b-9c0d1e2f3a4b",
                    "decided_by": "auth0|manager-42",
                    "decided_at": "2025-03-07T10:00:00Z",
                    "created_at": "2025-03-06T15:30:00Z",
                    "updated_at": "2025-03-07T10:00:00Z",
                }
            ]
        }
    )

    id: UUID = Field(description="The idea's id.")
    ambassador_id: UUID = Field(description="Who suggested it.")
    title: str = Field(description="The topic.")
    body: str = Field(description="What it is about.")
    status: IdeaStatus = Field(description="pending, accepted or declined.")
    reason: str | None = Field(description="Why it was declined, if it was.")
    content_id: UUID | None = Field(description="The draft content made of it, once accepted.")
    decided_by: str | None = Field(description="Who decided (their token's subject).")
    decided_at: datetime | None = Field(description="When it was decided.")
    created_at: datetime = Field(description="When it was suggested.")
    updated_at: datetime = Field(description="When it last changed.")
