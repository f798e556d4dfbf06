"""PostgreSQL repository of the community space, scoped to the unit of work's tenant. The feed, a post
and a page of comments each take one statement whatever their size: counts, the reader's reactions and
the authors' names are subqueries and a join of that statement."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.community.space.mappers import (
    comment_from_row,
    comment_values,
    flagged_from_row,
    post_from_row,
    post_values,
    reaction_counts,
)
from app.adapters.postgres.community.space.tables import space_comments, space_posts, space_reactions
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.roster.repositories import employees
from app.domain.community.space import Comment, Post, Reaction
from app.ports.community_space import CommentView, FeedFilter, FlaggedItem, PostView
from app.ports.pagination import Page, PageRequest

_p, _c, _r, _e = space_posts.c, space_comments.c, space_reactions.c, employees.c
_FIXED_POST = frozenset({"tenant_id", "id", "kind", "author_id", "kudos_id", "recognised_id", "created_at"})
_FIXED_COMMENT = frozenset({"tenant_id", "id", "post_id", "author_id", "created_at"})
_NAME = sa.func.concat_ws(" ", _e.given_name, _e.family_name)


class PostgresSpaceRepository(_Repository):
    async def add_post(self, post: Post) -> None:
        self._require_own(post.tenant_id)
        await self._write(sa.insert(space_posts).values(post_values(post)), post)

    async def get_post(self, post_id: UUID, *, for_update: bool = False) -> Post | None:
        statement = sa.select(space_posts).where(_p.tenant_id == self._tenant_id, _p.id == post_id)
        return await self._one(statement.with_for_update() if for_update else statement, post_from_row)

    async def save_post(self, post: Post) -> None:
        self._require_own(post.tenant_id)
        values = {k: v for k, v in post_values(post).items() if k not in _FIXED_POST}
        statement = sa.update(space_posts).where(_p.tenant_id == self._tenant_id, _p.id == post.id).values(values)
        await self._write(statement, post)

    async def delete_post(self, post_id: UUID) -> None:
        # Comments and reactions go with it (their keys cascade).
        await self._write(sa.delete(space_posts).where(_p.tenant_id == self._tenant_id, _p.id == post_id))

    async def add_comment(self, comment: Comment) -> None:
        self._require_own(comment.tenant_id)
        await self._write(sa.insert(space_comments).values(comment_values(comment)), comment)

    async def get_comment(self, post_id: UUID, comment_id: UUID, *, for_update: bool = False) -> Comment | None:
        statement = sa.select(space_comments).where(
            _c.tenant_id == self._tenant_id, _c.post_id == post_id, _c.id == comment_id
        )
        return await self._one(statement.with_for_update() if for_update else statement, comment_from_row)

    async def save_comment(self, comment: Comment) -> None:
        self._require_own(comment.tenant_id)
        values = {k: v for k, v in comment_values(comment).items() if k not in _FIXED_COMMENT}
        statement = sa.update(space_comments).where(_c.tenant_id == self._tenant_id, _c.id == comment.id).values(values)
        await self._write(statement, comment)

    async def delete_comment(self, post_id: UUID, comment_id: UUID) -> None:
        statement = sa.delete(space_comments).where(
            _c.tenant_id == self._tenant_id, _c.post_id == post_id, _c.id == comment_id
        )
        await self._write(statement)

    async def react(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        values = {
            "tenant_id": self._tenant_id,
            "post_id": post_id,
            "employee_id": employee_id,
            "reaction": reaction.value,
            "reacted_at": sa.func.now(),
        }
        statement = insert(space_reactions).values(values).on_conflict_do_nothing().returning(_r.post_id)
        return await self._write_returning(statement) is not None

    async def unreact(self, post_id: UUID, employee_id: UUID, reaction: Reaction) -> bool:
        statement = (
            sa.delete(space_reactions)
            .where(
                _r.tenant_id == self._tenant_id,
                _r.post_id == post_id,
                _r.employee_id == employee_id,
                _r.reaction == reaction.value,
            )
            .returning(_r.post_id)
        )
        return await self._write_returning(statement) is not None

    async def feed(self, reader_id: UUID | None, where: FeedFilter, page: PageRequest) -> Page[PostView]:
        statement = self._views(reader_id, include_hidden=where.include_hidden)
        if where.kind is not None:
            statement = statement.where(_p.kind == where.kind.value)
        if where.unanswered:
            statement = statement.where(_p.kind == "question", _p.accepted_comment_id.is_(None))
        return await self._page(statement, _p.id, page, self._view_from_row)

    async def view(self, post_id: UUID, reader_id: UUID | None, *, include_hidden: bool) -> PostView | None:
        statement = self._views(reader_id, include_hidden=include_hidden).where(_p.id == post_id)
        return await self._one(statement, self._view_from_row)

    async def comments(self, post_id: UUID, page: PageRequest, *, include_hidden: bool) -> Page[CommentView]:
        statement = (
            sa.select(space_comments, _NAME.label("author_name"))
            .join_from(space_comments, employees, sa.and_(_e.tenant_id == _c.tenant_id, _e.id == _c.author_id))
            .where(_c.tenant_id == self._tenant_id, _c.post_id == post_id)
        )
        if not include_hidden:
            statement = statement.where(_c.hidden_at.is_(None))
        return await self._page(statement, _c.id, page, _comment_view)

    async def flagged(self, page: PageRequest) -> Page[FlaggedItem]:
        flagged_posts = sa.select(
            _p.id,
            _p.id.label("post_id"),
            sa.null().label("comment_id"),
            _p.author_id,
            _p.body,
            _p.flagged_terms,
            _p.hidden_at,
            _p.hidden_by,
            _p.hidden_reason,
            _p.created_at,
        ).where(_p.tenant_id == self._tenant_id, sa.func.cardinality(_p.flagged_terms) > 0)
        flagged_comments = sa.select(
            _c.id,
            _c.post_id,
            _c.id.label("comment_id"),
            _c.author_id,
            _c.body,
            _c.flagged_terms,
            _c.hidden_at,
            _c.hidden_by,
            _c.hidden_reason,
            _c.created_at,
        ).where(_c.tenant_id == self._tenant_id, sa.func.cardinality(_c.flagged_terms) > 0)
        items = sa.union_all(flagged_posts, flagged_comments).subquery("flagged")
        return await self._page(sa.select(items), items.c.id, page, flagged_from_row)

    def _views(self, reader_id: UUID | None, *, include_hidden: bool) -> sa.Select[Any]:
        """Posts with their author's name, the counts of their comments and reactions, and the reader's."""
        shown = [_c.tenant_id == _p.tenant_id, _c.post_id == _p.id]
        if not include_hidden:
            shown.append(_c.hidden_at.is_(None))
        comments = sa.select(sa.func.count()).select_from(space_comments).where(*shown).scalar_subquery()
        of_post = [_r.tenant_id == _p.tenant_id, _r.post_id == _p.id]
        counts = [
            sa.select(sa.func.count())
            .select_from(space_reactions)
            .where(*of_post, _r.reaction == reaction.value)
            .scalar_subquery()
            .label(f"reactions_{reaction.value}")
            for reaction in Reaction
        ]
        mine = (
            sa.select(sa.func.array_agg(_r.reaction))
            .where(*of_post, _r.employee_id == reader_id)
            .scalar_subquery()
            .label("mine")
        )
        statement = (
            sa.select(space_posts, _NAME.label("author_name"), comments.label("comment_count"), *counts, mine)
            .join_from(
                space_posts, employees, sa.and_(_e.tenant_id == _p.tenant_id, _e.id == _p.author_id), isouter=True
            )
            .where(_p.tenant_id == self._tenant_id)
        )
        if not include_hidden:
            statement = statement.where(_p.hidden_at.is_(None))
        return statement

    @staticmethod
    def _view_from_row(row: Any) -> PostView:
        return PostView(
            post=post_from_row(row),
            author_name=row.author_name if row.author_id is not None else None,
            comments=row.comment_count,
            reactions=reaction_counts(row),
            mine=frozenset(Reaction(value) for value in row.mine or ()),
        )


def _comment_view(row: Any) -> CommentView:
    return CommentView(comment=comment_from_row(row), author_name=row.author_name)
