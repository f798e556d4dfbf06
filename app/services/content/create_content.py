"""Write a content: a draft by staff, or a proposal by an ambassador (co-creation)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.content.content_fields import SHORTHAND, ContentFields
from app.domain.content.contents import Content
from app.domain.roster.identity import Principal, Role
from app.services.base import UseCase
from app.services.content.content_access import CONTENT_EDITORS, require_active_member


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateContentCommand:
    """``values`` are ``ContentFields`` fields, the default language's text possibly given as
    ``title``, ``body`` and ``captions``; ``language`` defaults to the programme's."""

    values: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None


class CreateContent(UseCase):
    """Staff (admin, manager) write drafts. An ambassador who has joined the programme proposes
    content instead: it goes to review as ``submitted``. Captions must fit each enabled
    network; the link must be https on one of the programme's allowed domains."""

    async def __call__(self, principal: Principal, command: CreateContentCommand) -> Content:
        staff = bool(principal.roles & CONTENT_EDITORS)
        if not staff:
            principal.require_any(CONTENT_EDITORS | {Role.AMBASSADOR})
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            if not staff:
                await require_active_member(uow, principal, now)
            settings = await uow.settings.get()
            language = command.language or settings.default_language
            content = Content.create(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                fields=ContentFields.compose(command.values, default_language=language),
                author=principal.subject,
                proposed=not staff,
                rules=settings,
                now=now,
                shorthand=any(name in command.values for name in SHORTHAND),
            )
            await uow.contents.add(content)
            await uow.commit()
        return content
