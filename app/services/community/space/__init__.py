"""Use cases of the community space: posts, comments, reactions, accepted answers, moderation and its
live feed; and the worker's handler that posts kudos.

``build_space`` is how the composition root, the demo and the tests get them;
``register_space_handlers`` adds the handler to the worker's registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.live_updates import LiveListener
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.space.comments import (
    AcceptAnswer,
    CommentOnPost,
    DeleteComment,
    EditComment,
    ListComments,
)
from app.services.community.space.handlers import PostKudos
from app.services.community.space.live import FollowSpaceFeed, OpenSpaceFeed
from app.services.community.space.moderation import ListFlagged, ModerateComment, ModeratePost
from app.services.community.space.posts import DeletePost, EditPost, GetPost, ListPosts, PublishPost
from app.services.community.space.reactions import SetReaction
from app.services.events.handlers import EventHandlers


@dataclass(frozen=True, slots=True, kw_only=True)
class SpaceUseCases:
    publish_post: PublishPost
    edit_post: EditPost
    delete_post: DeletePost
    get_post: GetPost
    list_posts: ListPosts
    comment_on_post: CommentOnPost
    edit_comment: EditComment
    delete_comment: DeleteComment
    list_comments: ListComments
    accept_answer: AcceptAnswer
    set_reaction: SetReaction
    moderate_post: ModeratePost
    moderate_comment: ModerateComment
    list_flagged: ListFlagged
    open_feed: OpenSpaceFeed
    follow_feed: FollowSpaceFeed


def build_space(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, listener: LiveListener) -> SpaceUseCases:
    args = (uow, clock, ids)
    return SpaceUseCases(
        publish_post=PublishPost(*args),
        edit_post=EditPost(*args),
        delete_post=DeletePost(*args),
        get_post=GetPost(*args),
        list_posts=ListPosts(*args),
        comment_on_post=CommentOnPost(*args),
        edit_comment=EditComment(*args),
        delete_comment=DeleteComment(*args),
        list_comments=ListComments(*args),
        accept_answer=AcceptAnswer(*args),
        set_reaction=SetReaction(*args),
        moderate_post=ModeratePost(*args),
        moderate_comment=ModerateComment(*args),
        list_flagged=ListFlagged(*args),
        open_feed=OpenSpaceFeed(*args),
        follow_feed=FollowSpaceFeed(*args, listener),
    )


def register_space_handlers(handlers: EventHandlers, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
    handlers.register(PostKudos(uow, clock, ids))
