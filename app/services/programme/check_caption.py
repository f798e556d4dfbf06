"""Check a caption against the programme's rules before sharing it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.content.review_status import PublicStatus
from app.domain.errors import NotFound
from app.domain.networks import Network
from app.domain.programme.compliance import ComplianceReport, check_caption
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal
from app.services.base import UseCase

# Who may check a caption against any content, whatever its status.
CONTENT_READERS = PROGRAMME_STAFF | ROSTER_READERS


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckCaptionCommand:
    network: Network
    text: str
    content_id: UUID | None = None


class CheckCaption(UseCase):
    """Anyone of the tenant may check a caption; nothing is stored. Banned terms, a missing
    disclosure, a missing link and a caption too long for the network block sharing; sensitive
    terms are warnings. With ``content_id``, the content's link must be in the caption; other
    callers than staff may name only published content, or content they wrote (others read as missing)."""

    async def __call__(self, principal: Principal, command: CheckCaptionCommand) -> ComplianceReport:
        async with self._uow(principal.require_tenant()) as uow:
            settings = await uow.settings.get()
            content = await uow.contents.get(command.content_id) if command.content_id is not None else None
        link = None
        if command.content_id is not None:
            if content is None or not _visible(content, principal, self._clock.now()):
                raise NotFound("content", command.content_id)
            link = content.fields.link_url
        # Pure computation, as long as the caption: in a worker thread, the event loop serves others meanwhile.
        return await asyncio.to_thread(check_caption, command.text, command.network, settings, link=link)


def _visible(content: Content, principal: Principal, now: datetime) -> bool:
    if principal.roles & CONTENT_READERS or content.created_by == principal.subject:
        return True
    return content.public_status(now) is PublicStatus.PUBLISHED
