"""Approve a content in review, within the programme's publishing cadence."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.content.cadence import WINDOW
from app.domain.content.contents import Content
from app.domain.errors import Forbidden
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import CADENCE_OVERRIDERS, CONTENT_REVIEWERS, content_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class ApproveContentCommand:
    content_id: UUID
    expected_version: int | None = None
    override_cadence: bool = False


class ApproveContent(UseCase):
    """Moderators, managers and admins approve; with four-eyes review on, never content they
    wrote or last edited. Approving must not give anyone in the audience more shareable
    contents in any seven days than the weekly budget (``cadence-exceeded``, naming the
    others); only an admin may override it, and the history keeps the override."""

    async def __call__(self, principal: Principal, command: ApproveContentCommand) -> Content:
        principal.require_any(CONTENT_REVIEWERS)
        if command.override_cadence and not principal.roles & CADENCE_OVERRIDERS:
            raise Forbidden("Only an admin may override the weekly content budget.")
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            # Two approvals at once would each see the other's content missing from the cadence.
            await uow.contents.lock_schedule()
            content = await content_for_change(uow, command.content_id, command.expected_version)
            settings = await uow.settings.get()
            publish_at = content.fields.publish_at
            goes_live = max(publish_at, now) if publish_at is not None else now
            scheduled = await uow.contents.scheduled_between(goes_live - WINDOW, goes_live + WINDOW)
            content.approve(
                reviewer=principal.subject,
                rules=settings,
                scheduled=scheduled,
                now=now,
                override_cadence=command.override_cadence,
            )
            await uow.contents.save(content)
            await uow.commit()
        return content
