"""The worker's recall handler: a recalled content's posted shares become take-downs, once."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.recall import TakeDown
from app.domain.events import EventType, RecordedEvent
from app.domain.sharing.shares import ShareStatus
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.ports.sharing import ShareFilter
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import OncePerEvent


class RequestTakeDowns(OncePerEvent):
    """On ``content.recalled``: one pending take-down per posted share of the content, with its post's
    address and the recall's reason, each announced by ``takedown.requested`` (which tells its
    ambassador). Shares still at intent or cancelled were never posted: nothing to take down. A share
    that already has its take-down keeps it (the demo's seed writes them before the worker runs)."""

    name = "recall-takedowns"
    event_types = frozenset({EventType.CONTENT_RECALLED.value})

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        content_id = UUID(event.data["id"])
        reason = str(event.data["reason"])
        now = self._clock.now()
        criteria = ShareFilter(content_id=content_id, status=ShareStatus.POSTED)
        done = await uow.takedowns.shares_taken_down(content_id)
        page = PageRequest(limit=MAX_LIMIT)
        while True:
            shares = await uow.shares.list(criteria, page)
            for share in shares.items:
                if share.id in done:
                    continue
                take_down = TakeDown.request(
                    id=self._ids.new_id(),
                    tenant_id=event.tenant_id,
                    content_id=content_id,
                    share_id=share.id,
                    ambassador_id=share.ambassador_id,
                    network=share.network,
                    post_url=share.post_url,
                    reason=reason,
                    now=now,
                )
                await uow.takedowns.add(take_down)
            if shares.next_after is None:
                return
            page = PageRequest(after=shares.next_after, limit=MAX_LIMIT)
