"""Send a draft (or an ambassador's proposal) to review."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import CONTENT_EDITORS, content_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentTransitionCommand:
    content_id: UUID
    expected_version: int | None = None


class SubmitContent(UseCase):
    """Staff (admin, manager) send a draft to review, or take a proposal into review."""

    async def __call__(self, principal: Principal, command: ContentTransitionCommand) -> Content:
        principal.require_any(CONTENT_EDITORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            content = await content_for_change(uow, command.content_id, command.expected_version)
            content.submit(actor=principal.subject, now=now)
            await uow.contents.save(content)
            await uow.commit()
        return content
