"""Recall a content that was shared: its links stop leading to it, and its posts are to be taken down."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.roster.identity import Principal, Role
from app.services.base import UseCase
from app.services.content.content_access import content_for_change

RECALLERS = frozenset({Role.ADMIN, Role.MANAGER})


@dataclass(frozen=True, slots=True, kw_only=True)
class RecallContentCommand:
    content_id: UUID
    reason: str
    expected_version: int | None = None


class RecallContent(UseCase):
    """Admins and managers recall approved (published or expired) or archived content, with a reason
    of 1 to 2,000 characters. It leaves the feed, cannot be shared, and its tracked links answer gone
    (or lead to the programme's recall notice page); the ``content.recalled`` event then has a
    take-down written for each posted share. Recalling it again is refused (``content-already-recalled``);
    other statuses are an ``invalid-transition``. Honours the expected version."""

    async def __call__(self, principal: Principal, command: RecallContentCommand) -> Content:
        principal.require_any(RECALLERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            content = await content_for_change(uow, command.content_id, command.expected_version)
            content.recall(actor=principal.subject, reason=command.reason, now=now)
            await uow.contents.save(content)
            await uow.commit()
        return content
