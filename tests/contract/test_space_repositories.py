"""The community space's repository on the fakes and on PostgreSQL: the feed newest first with its
counts and the reader's reactions, hidden items for moderators only, the kind and unanswered filters,
reactions once each, a deleted post taking its comments, flagged items, and every read scoped to its
tenant."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.space import Comment, Post, PostKind, Reaction
from app.domain.roster.employees import Employee
from app.ports.community_space import FeedFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, hire

NEWEST = PageRequest(sort="-id")


async def write_post(backend: Backend, author: Employee, kind: PostKind, flagged: tuple[str, ...] = ()) -> Post:
    post = Post.publish(
        id=backend.ids.new_id(),
        tenant_id=author.tenant_id,
        author_id=author.id,
        kind=kind,
        title=None,
        body="Hello",
        flagged_terms=flagged,
        now=NOW,
    )
    async with backend.uow(author.tenant_id) as uow:
        await uow.space.add_post(post)
        await uow.commit()
    return post


async def write_comment(backend: Backend, author: Employee, post_id: UUID, flagged: tuple[str, ...] = ()) -> Comment:
    comment = Comment.write(
        id=backend.ids.new_id(),
        tenant_id=author.tenant_id,
        post_id=post_id,
        author_id=author.id,
        body="Yes",
        flagged_terms=flagged,
        now=NOW,
    )
    async with backend.uow(author.tenant_id) as uow:
        await uow.space.add_comment(comment)
        await uow.commit()
    return comment


async def test_the_feed_counts_shown_comments_and_reactions_and_hides_what_is_hidden(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada, bob = await hire(backend, tenant, "Ada"), await hire(backend, tenant, "Bob")
    question = await write_post(backend, ada, PostKind.QUESTION)
    success = await write_post(backend, ada, PostKind.SUCCESS)
    shown = await write_comment(backend, bob, question.id)
    hidden = await write_comment(backend, bob, question.id)
    async with backend.uow(tenant.id) as uow:
        assert await uow.space.react(question.id, bob.id, Reaction.LIKE)
        assert not await uow.space.react(question.id, bob.id, Reaction.LIKE)
        assert await uow.space.react(question.id, ada.id, Reaction.LIKE)
        assert not await uow.space.unreact(question.id, ada.id, Reaction.CELEBRATE)
        hidden.hide("Spam", "moderator", NOW)
        await uow.space.save_comment(hidden)
        success.hide("Off topic", "moderator", NOW)
        await uow.space.save_post(success)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        members = await uow.space.feed(bob.id, FeedFilter(), NEWEST)
        moderators = await uow.space.feed(None, FeedFilter(include_hidden=True), NEWEST)
        open_questions = await uow.space.feed(bob.id, FeedFilter(unanswered=True), NEWEST)
        successes = await uow.space.feed(bob.id, FeedFilter(kind=PostKind.SUCCESS), NEWEST)
        comments = await uow.space.comments(question.id, PageRequest(), include_hidden=False)
    [view] = members.items
    assert (view.post.id, view.author_name, view.comments) == (question.id, "Ada Doe", 1)
    assert (view.reactions, view.mine) == ({Reaction.LIKE: 2}, frozenset({Reaction.LIKE}))
    assert [v.post.id for v in moderators.items] == [success.id, question.id]
    assert [v.comments for v in moderators.items] == [0, 2]
    assert [v.post.id for v in open_questions.items] == [question.id]
    assert successes.items == []
    assert [c.comment.id for c in comments.items] == [shown.id]


async def test_a_deleted_post_takes_its_comments_and_reactions(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    post = await write_post(backend, ada, PostKind.DISCUSSION)
    await write_comment(backend, ada, post.id)
    async with backend.uow(tenant.id) as uow:
        await uow.space.react(post.id, ada.id, Reaction.CELEBRATE)
        await uow.space.delete_post(post.id)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.space.get_post(post.id) is None
        assert (await uow.space.comments(post.id, PageRequest(), include_hidden=True)).items == []


async def test_flagged_items_list_posts_and_comments_newest_first_in_their_tenant_only(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ada, sam = await hire(backend, acme, "Ada"), await hire(backend, globex, "Sam")
    post = await write_post(backend, ada, PostKind.DISCUSSION, flagged=("salary",))
    comment = await write_comment(backend, ada, post.id, flagged=("layoffs",))
    await write_comment(backend, ada, post.id)
    await write_post(backend, sam, PostKind.DISCUSSION, flagged=("salary",))
    async with backend.uow(acme.id) as uow:
        flagged = await uow.space.flagged(NEWEST)
        theirs = await uow.space.feed(None, FeedFilter(include_hidden=True), NEWEST)
    assert [(i.id, i.post_id, i.comment_id, i.terms) for i in flagged.items] == [
        (comment.id, post.id, comment.id, ("layoffs",)),
        (post.id, post.id, None, ("salary",)),
    ]
    assert [v.post.id for v in theirs.items] == [post.id]
