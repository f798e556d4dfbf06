"""Batch reads behind GraphQL DataLoaders for contents: one query for many keys (campaigns:
``load_campaigns.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.content.review_status import ContentTransition
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import proposals_only


class LoadContentHistories(UseCase):
    """Each content's history, for those the caller may read (staff and analysts, or an
    ambassador for their own proposals); the others read as empty."""

    async def __call__(self, principal: Principal, content_ids: Sequence[UUID]) -> list[list[ContentTransition]]:
        author = proposals_only(principal)
        wanted = list(content_ids)
        async with self._uow(principal.require_tenant()) as uow:
            if author is not None:
                readable = {c.id for c in await uow.contents.get_many(wanted) if c.created_by == author}
                wanted = [content_id for content_id in wanted if content_id in readable]
            found = await uow.contents.histories(wanted)
        return [found.get(content_id, []) for content_id in content_ids]
