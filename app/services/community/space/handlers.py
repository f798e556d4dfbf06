"""The worker's handler of the space: kudos sent by staff appear in the space as a post."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.space import Post, PostKind
from app.domain.events import EventType, RecordedEvent
from app.ports.unit_of_work import UnitOfWork
from app.services.community.space.access import signal
from app.services.events.handlers import OncePerEvent


class PostKudos(OncePerEvent):
    """``kudos.sent``: a post of kind ``kudos`` with the kudos' message, recognising its ambassador,
    written by the space itself (no author), once however often the event is delivered. Kudos are public
    recognition already (they show on the ambassador's profile), so every reader of the space sees it;
    they are not screened, staff having written them."""

    name = "community-space-kudos"
    event_types = frozenset({EventType.KUDOS_SENT.value})

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        data = event.data
        post = Post.publish(
            id=self._ids.new_id(),
            tenant_id=event.tenant_id,
            author_id=None,
            kind=PostKind.KUDOS,
            title=None,
            body=data["message"],
            flagged_terms=(),
            now=event.occurred_at,
            kudos_id=UUID(data["id"]),
            recognised_id=UUID(data["ambassador_id"]),
        )
        await uow.space.add_post(post)
        await signal(uow, event.tenant_id, post.id)
