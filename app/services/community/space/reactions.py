"""Reactions to the space's posts: each person reacts at most once with each kind."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.space import Reaction, reacted_event
from app.domain.errors import NotFound
from app.domain.roster.identity import Principal
from app.ports.community_space import PostView
from app.services.base import UseCase
from app.services.community.space.access import Reader, is_moderator, shown_post, signal, writer


@dataclass(frozen=True, slots=True, kw_only=True)
class ReactionCommand:
    post_id: UUID
    reaction: Reaction
    # True adds the reaction, False removes it; either way, doing it twice is doing it once.
    present: bool = True


class SetReaction(UseCase):
    """Active ambassadors and staff add or remove their reaction (like, celebrate, insightful) to a post
    they see. Both are idempotent: adding one held, or removing one not held, changes nothing and signals
    no one; a reaction added is announced (``space_post.reacted``)."""

    async def __call__(self, principal: Principal, command: ReactionCommand) -> PostView:
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            person = await writer(uow, principal, now)
            seen_by = Reader(person.id, is_moderator(principal))
            await shown_post(uow, command.post_id, seen_by)
            if command.present:
                changed = await uow.space.react(command.post_id, person.id, command.reaction)
                if changed:
                    await uow.outbox.append(
                        [reacted_event(tenant_id, command.post_id, person.id, command.reaction, now)]
                    )
            else:
                changed = await uow.space.unreact(command.post_id, person.id, command.reaction)
            if changed:
                await signal(uow, tenant_id, command.post_id)
            view = await uow.space.view(command.post_id, person.id, include_hidden=seen_by.moderator)
            await uow.commit()
        if view is None:
            raise NotFound("post", command.post_id)
        return view
