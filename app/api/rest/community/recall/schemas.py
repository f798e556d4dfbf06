"""REST bodies of recall: the recall's reason, take-downs and a content's take-down progress."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest import examples as ex
from app.api.rest.bodies import RequestBody
from app.api.rest.texts import MULTI_LINE
from app.domain.community.recall import TakeDownStatus
from app.domain.content.contents import MAX_REASON
from app.domain.networks import Network

TAKEDOWN_ID = "0196a3f8-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
REASON = "The offer was withdrawn: the position is filled."
_TAKEDOWN: dict[str, Any] = {
    "id": TAKEDOWN_ID,
    "content_id": ex.CONTENT_ID,
    "share_id": ex.SHARE_ID,
    "ambassador_id": ex.AMBASSADOR_ID,
    "network": "linkedin",
    "post_url": "https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/",
    "reason": REASON,
    "status": "pending",
    "confirmed_at": None,
    "created_at": ex.UPDATED,
}

_CONTENT_TAKEDOWNS: dict[str, Any] = {
    "progress": {"pending": 1, "confirmed": 1, "total": 2},
    "items": [_TAKEDOWN],
    "next_cursor": None,
}


class RecallBody(RequestBody):
    """Why a content is recalled."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": REASON}]})

    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE] = Field(
        description="Why; its history and every take-down keep it, and the ambassadors who posted it read it."
    )


class TakeDownOut(BaseModel):
    """A post of a recalled content, to be removed by the ambassador who posted it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_TAKEDOWN]})

    id: UUID = Field(description="The take-down's id.")
    content_id: UUID = Field(description="The recalled content.")
    share_id: UUID = Field(description="The posted share to take down.")
    ambassador_id: UUID = Field(description="Who posted it, and is to remove it.")
    network: Network = Field(description="Where it was posted.")
    post_url: str | None = Field(description="The post's address, when the ambassador gave it.")
    reason: str = Field(description="Why the content was recalled.")
    status: TakeDownStatus = Field(description="`pending` until the ambassador confirms the post is removed.")
    confirmed_at: datetime | None = Field(description="When the removal was confirmed, once it was.")
    created_at: datetime = Field(description="When the take-down was asked for.")


class TakeDownProgressOut(BaseModel):
    """How far a recalled content's take-downs went."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"pending": 1, "confirmed": 1, "total": 2}]})

    pending: int = Field(description="Posts not yet confirmed removed.")
    confirmed: int = Field(description="Posts confirmed removed.")
    total: int = Field(description="Every take-down of the content.")


class ContentTakeDownsOut(BaseModel):
    """A page of a content's take-downs, with the progress of all of them."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"progress": {"pending": 1, "confirmed": 1, "total": 2}, "items": [_TAKEDOWN], "next_cursor": None}
            ]
        }
    )

    progress: TakeDownProgressOut = Field(description="Counts over every take-down of the content, whatever the page.")
    items: list[TakeDownOut] = Field(description="The page's take-downs, in the order they were asked for.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` to read the next page; null on the last page.", examples=[ex.CURSOR]
    )
