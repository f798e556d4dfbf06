"""Reject a content in review, saying why."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import CONTENT_REVIEWERS, content_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectContentCommand:
    content_id: UUID
    reason: str
    expected_version: int | None = None


class RejectContent(UseCase):
    """Moderators, managers and admins reject, with a reason the history keeps. Editing the
    content afterwards takes it back to draft."""

    async def __call__(self, principal: Principal, command: RejectContentCommand) -> Content:
        principal.require_any(CONTENT_REVIEWERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            content = await content_for_change(uow, command.content_id, command.expected_version)
            content.reject(reviewer=principal.subject, reason=command.reason, now=now)
            await uow.contents.save(content)
            await uow.commit()
        return content
