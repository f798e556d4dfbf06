"""REST bodies of the community space: posts, comments, reactions, moderation and flagged items."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.api.rest.bodies import RequestBody
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.community.space import MAX_BODY, MAX_COMMENT, MAX_REASON, MAX_TITLE, PostKind, Reaction

POST_ID = "0196a4c1-2d3e-7f4a-8b5c-6d7e8f9a0b1c"
COMMENT_ID = "0196a4c2-3e4f-7a5b-9c6d-7e8f9a0b1c2d"
_AUTHOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
_CREATED = "2025-03-12T08:41:07.220000Z"

Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE), SINGLE_LINE_NOT_BLANK]
Body = Annotated[str, Field(min_length=1, max_length=MAX_BODY), MULTI_LINE_NOT_BLANK]
CommentBody = Annotated[str, Field(min_length=1, max_length=MAX_COMMENT), MULTI_LINE_NOT_BLANK]
Reason = Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE_NOT_BLANK]

_POST_SENT: dict[str, Any] = {
    "kind": "question",
    "title": "Best time to post on LinkedIn?",
    "body": "My posts on Friday afternoons get few views. When do yours do best?",
}
_MODERATION: dict[str, Any] = {
    "hidden_at": "2025-03-12T10:02:00Z",
    "hidden_by": "auth0|moderator-1",
    "reason": "Personal data of a customer.",
}


class PostCreate(RequestBody):
    """A post to publish in the space."""

    model_config = ConfigDict(json_schema_extra={"examples": [_POST_SENT]})

    # Kudos posts are written by the space itself, when staff send kudos: a client cannot choose the kind.
    kind: Literal[PostKind.DISCUSSION, PostKind.SUCCESS, PostKind.QUESTION] = Field(
        description="`discussion`, `success` or `question` (`kudos` posts come from kudos)."
    )
    title: Title | None = Field(default=None, description="An optional title.")
    body: Body = Field(description="What you write; banned terms refuse it, sensitive ones flag it for moderators.")


class PostUpdate(RequestBody):
    """The new title and body of your post (both: a title left out is removed)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"title": None, "body": "When do your posts do best?"}]})

    title: Title | None = Field(default=None, description="The title; null or left out: none.")
    body: Body = Field(description="The new text.")


class CommentCreate(RequestBody):
    """A comment on a post, or its new text."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"body": "Tuesday mornings, before 9."}]})

    body: CommentBody = Field(description="What you write; screened as posts are.")


class ModerationBody(RequestBody):
    """Why a moderator hides or restores an item."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "Personal data of a customer."}]})

    reason: Reason = Field(description="Why, for the other moderators (members never read it).")


class ModerationOut(BaseModel):
    """Why an item is hidden; shown to moderators only."""

    hidden_at: datetime = Field(description="When it was hidden.")
    hidden_by: str = Field(description="The moderator who hid it (their token's subject).")
    reason: str = Field(description="Why.")


class ReactionCount(BaseModel):
    """How many people reacted so, and whether you did."""

    reaction: Reaction = Field(description="The reaction.")
    count: int = Field(description="How many people gave it.")
    mine: StrictBool = Field(description="Whether you gave it.")


class PostOut(BaseModel):
    """A post of the space, as you see it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _POST_SENT
                | {
                    "id": POST_ID,
                    "author_id": _AUTHOR_ID,
                    "author_name": "Camille Martin",
                    "recognised_id": None,
                    "comment_count": 2,
                    "reactions": [{"reaction": "like", "count": 3, "mine": True}],
                    "accepted_comment_id": COMMENT_ID,
                    "flagged_terms": [],
                    "moderation": None,
                    "version": 1,
                    "created_at": _CREATED,
                    "updated_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The post's id.")
    kind: PostKind = Field(description="A discussion, a success, a question, or kudos staff sent.")
    title: str | None = Field(description="Its title, if any.")
    body: str = Field(description="Its text.")
    author_id: UUID | None = Field(description="The employee who wrote it; null for kudos posts.")
    author_name: str | None = Field(description="Their name; null for kudos posts.")
    recognised_id: UUID | None = Field(description="For a kudos post: the membership the kudos recognise.")
    comment_count: int = Field(description="The comments you can read.")
    reactions: list[ReactionCount] = Field(description="Each reaction given, with its count.")
    accepted_comment_id: UUID | None = Field(description="For a question: its accepted answer, if any.")
    flagged_terms: list[str] = Field(description="Sensitive terms it holds (moderators watch these).")
    moderation: ModerationOut | None = Field(description="Why it is hidden (moderators only); null: shown.")
    version: int = Field(description="Its version, for `If-Match`.")
    created_at: datetime = Field(description="When it was published.")
    updated_at: datetime = Field(description="When it last changed.")


class CommentOut(BaseModel):
    """A comment on a post."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": COMMENT_ID,
                    "post_id": POST_ID,
                    "author_id": _AUTHOR_ID,
                    "author_name": "Amelia Clarke",
                    "body": "Tuesday mornings, before 9.",
                    "flagged_terms": [],
                    "moderation": None,
                    "version": 0,
                    "created_at": _CREATED,
                    "updated_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The comment's id.")
    post_id: UUID = Field(description="The post it is on.")
    author_id: UUID | None = Field(description="The employee who wrote it.")
    author_name: str | None = Field(description="Their name.")
    body: str = Field(description="Its text.")
    flagged_terms: list[str] = Field(description="Sensitive terms it holds.")
    moderation: ModerationOut | None = Field(description="Why it is hidden (moderators only); null: shown.")
    version: int = Field(description="Its version, for `If-Match`.")
    created_at: datetime = Field(description="When it was written.")
    updated_at: datetime = Field(description="When it last changed.")


class FlaggedOut(BaseModel):
    """A post or comment holding sensitive terms, for moderators."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": COMMENT_ID,
                    "post_id": POST_ID,
                    "comment_id": COMMENT_ID,
                    "author_id": _AUTHOR_ID,
                    "body": "Is the salary review still in June?",
                    "terms": ["salary"],
                    "moderation": None,
                    "created_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The item's id: the comment's, or the post's.")
    post_id: UUID = Field(description="The post (itself, or the one commented on).")
    comment_id: UUID | None = Field(description="The comment; null for a post.")
    author_id: UUID | None = Field(description="Who wrote it.")
    body: str = Field(description="Its text.")
    terms: list[str] = Field(description="The sensitive terms found.")
    moderation: ModerationOut | None = Field(description="Why it is hidden; null: shown.")
    created_at: datetime = Field(description="When it was written.")
