"""Ports of the community space: its posts, comments and reactions, and the read models of its feed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.community.space import Comment, Moderation, Post, PostKind, Reaction
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedFilter:
    """``kind`` alone, or ``unanswered`` questions only; ``hidden`` included for moderators."""

    kind: PostKind | None = None
    unanswered: bool = False
    include_hidden: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PostView:
    """A post as the feed shows it to one reader: counts of shown comments and of each reaction, and
    the reader's own reactions."""

    post: Post
    author_name: str | None
    comments: int
    reactions: Mapping[Reaction, int]
    mine: frozenset[Reaction]

    @property
    def id(self) -> UUID:
        """The post's id, by which pages of views are read."""
        return self.post.id


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentView:
    comment: Comment
    author_name: str | None

    @property
    def id(self) -> UUID:
        """The comment's id, by which pages of views are read."""
        return self.comment.id


@dataclass(frozen=True, slots=True, kw_only=True)
class FlaggedItem:
    """A post or comment holding sensitive terms, for moderators (``comment_id`` None for a post)."""

    id: UUID
    post_id: UUID
    comment_id: UUID | None
    author_id: UUID | None
    body: str
    terms: tuple[str, ...]
    hidden: Moderation | None
    created_at: datetime


class SpaceRepository(Protocol):
    """The unit of work's tenant's space."""

    async def add_post(self, post: Post) -> None: ...

    async def get_post(self, post_id: UUID, *, for_update: bool = False) -> Post | None: ...

    async def save_post(self, post: Post) -> None: ...

    async def delete_post(self, post_id: UUID) -> None:
        """The post, its comments and its reactions."""
        ...

    async def add_comment(self, comment: Comment) -> None: ...

    async def get_comment(self, post_id: UUID, comment_id: UUID, *, for_update: bool = False) -> Comment | None: ...

    async def save_comment(self, comment: Comment) -> None: ...

    async def delete_comment(self, post_id: UUID, comment_id: UUID) -> None: ...

    async def react(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        """Add the reaction; False when it was there already."""
        ...

    async def unreact(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        """Remove the reaction; False when it was not there."""
        ...

    async def feed(self, reader_id: UUID | None, where: FeedFilter, page: PageRequest) -> Page[PostView]:
        """Posts newest first (``page.sort`` ``-id``), in one statement whatever the page's size."""
        ...

    async def view(self, post_id: UUID, reader_id: UUID | None, *, include_hidden: bool) -> PostView | None: ...

    async def comments(self, post_id: UUID, page: PageRequest, *, include_hidden: bool) -> Page[CommentView]:
        """A post's comments, oldest first."""
        ...

    async def flagged(self, page: PageRequest) -> Page[FlaggedItem]:
        """Posts and comments holding sensitive terms, newest first (``page.sort`` ``-id``)."""
        ...
