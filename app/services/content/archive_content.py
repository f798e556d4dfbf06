"""Withdraw a content for good: out of review, out of the feed."""

from __future__ import annotations

from app.domain.content.contents import Content
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import CONTENT_REVIEWERS, content_for_change
from app.services.content.submit_content import ContentTransitionCommand


class ArchiveContent(UseCase):
    """Admins, managers and moderators (who take down what should not be shared) archive any
    content that is not archived yet; archived content cannot be edited."""

    async def __call__(self, principal: Principal, command: ContentTransitionCommand) -> Content:
        principal.require_any(CONTENT_REVIEWERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            content = await content_for_change(uow, command.content_id, command.expected_version)
            content.archive(actor=principal.subject, now=now)
            await uow.contents.save(content)
            await uow.commit()
        return content
