"""Read one content, or its history."""

from __future__ import annotations

from uuid import UUID

from app.domain.content.contents import Content
from app.domain.content.review_status import ContentTransition
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import readable_content


class GetContent(UseCase):
    """Staff and analysts read every content; an ambassador reads only their own proposals."""

    async def __call__(self, principal: Principal, content_id: UUID) -> Content:
        async with self._uow(principal.require_tenant()) as uow:
            return await readable_content(uow, principal, content_id)


class GetContentHistory(UseCase):
    """Every transition of a content, oldest first: who, when, from, to, why."""

    async def __call__(self, principal: Principal, content_id: UUID) -> list[ContentTransition]:
        async with self._uow(principal.require_tenant()) as uow:
            await readable_content(uow, principal, content_id)
            return await uow.contents.history(content_id)
