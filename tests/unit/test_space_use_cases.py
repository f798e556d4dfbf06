"""The community space's use cases on the in-memory fakes: who writes and reads, screening, reactions,
answers, moderation, kudos posts and the live signals every change sends."""

from __future__ import annotations

import pytest

from app.domain.community.space import PostKind, Reaction
from app.domain.community.space_refusals import AlreadyModerated, NotAQuestion, NotTheAuthor, PostNotCompliant
from app.domain.errors import EmployeeNotLinked, Forbidden, NotAnAmbassador, NotFound, PreconditionFailed
from app.domain.events import RecordedEvent
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Principal, Role
from app.ports.live_updates import SignalKind
from app.ports.pagination import PageRequest
from app.services.community.space.access import SPACE_AUDIENCE
from app.services.community.space.comments import CommentCommand
from app.services.community.space.handlers import PostKudos
from app.services.community.space.moderation import ModerationCommand
from app.services.community.space.posts import EditPostCommand, PublishPostCommand
from app.services.community.space.reactions import ReactionCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.rewards.send_kudos import SendKudosCommand
from tests.unit.world import NOW, World, two_tenants


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def question(body: str = "Which networks work best for you?") -> PublishPostCommand:
    return PublishPostCommand(kind=PostKind.QUESTION, title="Networks", body=body)


def moderator(world: World) -> Principal:
    return world.staff(Role.MODERATOR)


async def test_an_active_member_posts_and_everyone_of_the_programme_reads_it(world: World) -> None:
    ada, _ = await world.member("Ada")
    ben, _ = await world.member("Ben")
    posted = await world.space.publish_post(ada, question())
    assert (posted.author_name, posted.comments, posted.post.flagged_terms) == ("Ada Doe", 0, ())
    feed = await world.space.list_posts(ben, PageRequest())
    assert [view.post.id for view in feed.items] == [posted.post.id]
    assert world.events()[-1] == "space_post.published"


async def test_a_paused_member_reads_but_does_not_write_and_a_stranger_does_neither(world: World) -> None:
    ada, member = await world.member("Ada")
    async with world.uow(world.acme.id) as uow:
        paused = await uow.ambassadors.get(member.id)
        assert paused is not None
        paused.change_status(MembershipStatus.PAUSED, NOW)
        await uow.ambassadors.save(paused)
        await uow.commit()
    with pytest.raises(NotAnAmbassador):
        await world.space.publish_post(ada, question())
    assert (await world.space.list_posts(ada, PageRequest())).items == []
    with pytest.raises(EmployeeNotLinked):
        await world.space.list_posts(world.person("idp|nobody"), PageRequest())
    with pytest.raises(Forbidden):
        await world.space.list_posts(world.staff(Role.ANALYST), PageRequest())


async def test_a_banned_term_refuses_the_post_and_writes_nothing_while_a_sensitive_one_flags_it(world: World) -> None:
    changes = {"banned_terms": ["confidential"], "sensitive_terms": ["salary"]}
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes=changes))
    ada, _ = await world.member("Ada")
    before = world.events()
    with pytest.raises(PostNotCompliant):
        await world.space.publish_post(ada, question("Our confidential plans"))
    assert world.events() == before
    assert world.uow.database.space_posts == {}
    flagged = await world.space.publish_post(ada, question("Is salary a topic here?"))
    assert flagged.post.flagged_terms == ("salary",)
    listed = await world.space.list_flagged(moderator(world), PageRequest())
    assert [(item.post_id, item.terms) for item in listed.items] == [(flagged.post.id, ("salary",))]
    with pytest.raises(Forbidden):
        await world.space.list_flagged(ada, PageRequest())


async def test_reactions_count_once_per_person_and_kind_and_adding_or_removing_twice_changes_nothing(
    world: World,
) -> None:
    ada, _ = await world.member("Ada")
    ben, _ = await world.member("Ben")
    post = (await world.space.publish_post(ada, question())).post
    like = ReactionCommand(post_id=post.id, reaction=Reaction.LIKE)
    await world.space.set_reaction(ben, like)
    again = await world.space.set_reaction(ben, like)
    await world.space.set_reaction(ada, ReactionCommand(post_id=post.id, reaction=Reaction.CELEBRATE))
    view = await world.space.get_post(ada, post.id)
    assert (again.reactions, again.mine) == ({Reaction.LIKE: 1}, frozenset({Reaction.LIKE}))
    assert (view.reactions, view.mine) == ({Reaction.LIKE: 1, Reaction.CELEBRATE: 1}, frozenset({Reaction.CELEBRATE}))
    assert world.events().count("space_post.reacted") == 2
    removed = ReactionCommand(post_id=post.id, reaction=Reaction.LIKE, present=False)
    await world.space.set_reaction(ben, removed)
    assert (await world.space.set_reaction(ben, removed)).reactions == {Reaction.CELEBRATE: 1}


async def test_the_question_s_author_accepts_an_answer_another_member_may_not_and_a_success_has_none(
    world: World,
) -> None:
    ada, _ = await world.member("Ada")
    ben, _ = await world.member("Ben")
    asked = (await world.space.publish_post(ada, question())).post
    answer = (await world.space.comment_on_post(ben, CommentCommand(post_id=asked.id, body="LinkedIn."))).comment
    with pytest.raises(NotTheAuthor):
        await world.space.accept_answer(ben, asked.id, answer.id)
    accepted = await world.space.accept_answer(ada, asked.id, answer.id)
    assert (accepted.post.accepted_comment_id, accepted.comments) == (answer.id, 1)
    unanswered = await world.space.list_posts(ben, PageRequest(), unanswered=True)
    assert unanswered.items == []
    success = (await world.space.publish_post(ada, PublishPostCommand(kind=PostKind.SUCCESS, body="A lead!"))).post
    note = (await world.space.comment_on_post(ben, CommentCommand(post_id=success.id, body="Bravo"))).comment
    with pytest.raises(NotAQuestion):
        await world.space.accept_answer(moderator(world), success.id, note.id)


async def test_only_the_author_edits_at_the_version_read_and_deleting_takes_the_comments(world: World) -> None:
    ada, _ = await world.member("Ada")
    ben, _ = await world.member("Ben")
    post = (await world.space.publish_post(ada, question())).post
    edit = EditPostCommand(post_id=post.id, title=None, body="Which network first?", expected_version=0)
    with pytest.raises(NotTheAuthor):
        await world.space.edit_post(ben, edit)
    edited = await world.space.edit_post(ada, edit)
    assert (edited.post.title, edited.post.body, edited.post.version) == (None, "Which network first?", 1)
    with pytest.raises(PreconditionFailed):
        await world.space.edit_post(ada, edit)
    await world.space.comment_on_post(ben, CommentCommand(post_id=post.id, body="LinkedIn."))
    await world.space.delete_post(ada, post.id, expected_version=1)
    assert (world.uow.database.space_posts, world.uow.database.space_comments) == ({}, {})


async def test_hidden_items_vanish_for_members_and_stay_with_their_reason_for_moderators(world: World) -> None:
    ada, _ = await world.member("Ada")
    ben, _ = await world.member("Ben")
    post = (await world.space.publish_post(ada, question())).post
    answer = (await world.space.comment_on_post(ben, CommentCommand(post_id=post.id, body="Buy my course"))).comment
    await world.space.accept_answer(ada, post.id, answer.id)
    hide = ModerationCommand(post_id=post.id, comment_id=answer.id, hidden=True, reason="Advertising")
    with pytest.raises(Forbidden):
        await world.space.moderate_comment(ada, hide)
    await world.space.moderate_comment(moderator(world), hide)
    with pytest.raises(AlreadyModerated):
        await world.space.moderate_comment(moderator(world), hide)
    assert (await world.space.list_comments(ada, post.id, PageRequest())).items == []
    seen = await world.space.list_comments(moderator(world), post.id, PageRequest())
    assert [view.comment.hidden.reason for view in seen.items if view.comment.hidden] == ["Advertising"]
    assert (await world.space.get_post(ada, post.id)).post.accepted_comment_id is None

    await world.space.moderate_post(moderator(world), ModerationCommand(post_id=post.id, hidden=True, reason="Spam"))
    with pytest.raises(NotFound):
        await world.space.get_post(ben, post.id)
    assert (await world.space.list_posts(ben, PageRequest())).items == []
    assert (await world.space.get_post(moderator(world), post.id)).post.hidden is not None


async def test_kudos_appear_once_as_a_post_of_the_space(world: World) -> None:
    ada, member = await world.member("Ada")
    await world.catalogue.send_kudos(
        world.staff(Role.MANAGER), SendKudosCommand(ambassador_id=member.id, message="Thanks for the fair!")
    )
    [record] = [record for record in world.uow.outbox if record.type == "kudos.sent"]
    event = RecordedEvent(
        id=record.id, type=record.type, tenant_id=record.tenant_id, occurred_at=record.occurred_at, data=record.data
    )
    handler = PostKudos(world.uow, world.clock, world.ids)
    await handler(event)
    await handler(event)
    feed = await world.space.list_posts(ada, PageRequest(), kind=PostKind.KUDOS)
    assert [(v.post.body, v.post.recognised_id, v.author_name) for v in feed.items] == [
        ("Thanks for the fair!", member.id, None)
    ]


async def test_every_change_signals_the_followers_of_the_space_with_the_post_and_nothing_of_another_tenant(
    world: World,
) -> None:
    ada, _ = await world.member("Ada")
    post = (await world.space.publish_post(ada, question())).post
    await world.space.comment_on_post(ada, CommentCommand(post_id=post.id, body="Anyone?"))
    like = ReactionCommand(post_id=post.id, reaction=Reaction.LIKE)
    await world.space.set_reaction(ada, like)
    await world.space.set_reaction(ada, like)
    signals = [(s.tenant_id, s.employee_id, s.kind, s.id) for s in world.uow.database.live_signals]
    assert signals == [(world.acme.id, SPACE_AUDIENCE, SignalKind.SPACE, post.id)] * 3
    outsider = Principal(tenant_id=world.globex.id, subject="staff|admin", roles=frozenset({Role.ADMIN}))
    with pytest.raises(NotFound):
        await world.space.get_post(outsider, post.id)
    assert (await world.space.list_posts(outsider, PageRequest())).items == []
