"""The demo's community space, told through its use cases on the story's clock: posts, comments,
reactions, the accepted answer and the hidden comment of ``space_story``."""

from __future__ import annotations

from collections.abc import Callable

from app.demo.space_story import POSTS, DemoPost
from app.demo.story_clock import StoryClock
from app.domain.roster.identity import Principal
from app.services.community.space import SpaceUseCases
from app.services.community.space.comments import CommentCommand
from app.services.community.space.moderation import ModerationCommand
from app.services.community.space.posts import PublishPostCommand
from app.services.community.space.reactions import ReactionCommand


async def tell_space(
    space: SpaceUseCases, story: StoryClock, moderator: Principal, member: Callable[[str], Principal]
) -> None:
    """``member`` is the principal of a member by slug; ``moderator`` hides what the story hides."""
    for post in POSTS:
        await _tell(space, story, moderator, member, post)


async def _tell(
    space: SpaceUseCases, story: StoryClock, moderator: Principal, member: Callable[[str], Principal], post: DemoPost
) -> None:
    story.go_to(post.day)
    command = PublishPostCommand(kind=post.kind, title=post.title, body=post.body)
    published = (await space.publish_post(member(post.author), command)).post
    for who, reaction in post.reactions:
        await space.set_reaction(member(who), ReactionCommand(post_id=published.id, reaction=reaction))
    for comment in post.comments:
        story.go_to(comment.day)
        written = await space.comment_on_post(
            member(comment.author), CommentCommand(post_id=published.id, body=comment.body)
        )
        if comment.accepted:
            await space.accept_answer(member(post.author), published.id, written.comment.id)
        if comment.hidden_because is not None:
            story.go_to(comment.day + 0.1)
            hide = ModerationCommand(
                post_id=published.id, comment_id=written.comment.id, hidden=True, reason=comment.hidden_because
            )
            await space.moderate_comment(moderator, hide)
