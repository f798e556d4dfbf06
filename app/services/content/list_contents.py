"""Page through contents, filtered by status, format, topic, campaign, language or objective."""

from __future__ import annotations

from dataclasses import replace

from app.domain.content.contents import Content
from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import message_of
from app.domain.roster.identity import Principal
from app.domain.values import normalise_language
from app.ports.content import ContentFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase, check_filters
from app.services.content.content_access import proposals_only


class ListContents(UseCase):
    """Staff and analysts list every content; an ambassador lists their own proposals. The
    status filter is the status clients read now (``published`` is approved and live)."""

    async def __call__(self, principal: Principal, criteria: ContentFilter, page: PageRequest) -> Page[Content]:
        author = proposals_only(principal)
        check_filters(topic=criteria.topic, language=criteria.language)
        language = criteria.language
        if language is not None:
            try:
                language = normalise_language(language)
            except ValueError as error:
                raise ValidationFailed(
                    "The language filter is not valid.", [FieldError(("query", "language"), message_of(error))]
                ) from error
        criteria = replace(
            criteria,
            at=self._clock.now(),
            topic=criteria.topic.strip().lower() if criteria.topic is not None else None,
            language=language,
            created_by=author if author is not None else criteria.created_by,
        )
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.contents.list(criteria, page)
