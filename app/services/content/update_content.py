"""Change a content, optionally guarded by the version the client last read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.content.contents import Content
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.content.content_access import CONTENT_EDITORS, content_for_change


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateContentCommand:
    content_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


class UpdateContent(UseCase):
    """Staff (admin, manager) only; archived content is frozen. A rejected content returns to
    draft; approved content whose shared text, link, media, audience or publication changes
    returns to review. The programme's link and network rules apply to the fields sent."""

    async def __call__(self, principal: Principal, command: UpdateContentCommand) -> Content:
        principal.require_any(CONTENT_EDITORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            content = await content_for_change(uow, command.content_id, command.expected_version)
            settings = await uow.settings.get()
            content.edit(command.changes, editor=principal.subject, rules=settings, now=now)
            await uow.contents.save(content)
            await uow.commit()
        return content
