"""The ambassador feed: what the caller may share now, in their language."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.content.feed import reading_languages, require_feed_reader
from app.domain.content.targeting import language_ranges_of
from app.domain.errors import EmployeeNotLinked
from app.domain.roster.identity import Principal
from app.ports.content import FeedCursor, FeedPage, FeedQuery, FeedReader, FeedReaderContext
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.roster.linking import require_linked_employee


@dataclass(frozen=True, slots=True)
class FeedRequest:
    after: FeedCursor | None = None
    limit: int = DEFAULT_LIMIT


class GetFeed(UseCase):
    """The caller's feed, a page at a time.

    - Only an active member of the programme reads it: the token must be linked to an employee
      (by ``sub``, or on first use by a verified e-mail on the roster); invited, paused and former
      members, and callers who never joined, are refused.
    - It holds approved content that is published (its ``live_from``, the later of ``publish_at``
      and the approval, has passed) and not expired, targeted to the reader's department, location
      and roster language (an empty target list lets everyone in; a language target is a BCP 47
      range, ``fr`` reaching ``fr-CA``). Archived content is never in it.
    - Each content is served in the first of the reader's preferred languages, then their roster
      language, that it has a locale for (``fr-CA`` falls back to ``fr``), else in its default
      language; its captions are those of the networks the reader has connected.
    - Pinned content comes first, then important content, then the newest; a page resumes strictly
      after the cursor of the previous one, so walking the pages neither repeats nor skips.
    - Each item lists its launched, non-archived campaigns; ``already_shared`` is true once the
      reader posted a share of it (an intent, or a cancelled share, does not count).
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, feed: FeedReader) -> None:
        super().__init__(uow, clock, ids)
        self._feed = feed

    async def __call__(self, principal: Principal, request: FeedRequest) -> FeedPage:
        tenant_id = principal.require_tenant()
        reader = await self._feed.reader_context(tenant_id, principal.subject) or await self._link(principal)
        require_feed_reader(reader.membership)
        query = FeedQuery(
            at=self._clock.now(),
            department=reader.department,
            location=reader.location,
            language_ranges=language_ranges_of(reader.language) if reader.language else (),
            languages=reading_languages(reader.preferred_languages, reader.language),
            networks=tuple(sorted(reader.networks)),
            after=request.after,
            limit=request.limit,
            ambassador_id=reader.ambassador_id,
        )
        return await self._feed.page(tenant_id, query)

    async def _link(self, principal: Principal) -> FeedReaderContext:
        """First use of a token: link it to its employee by verified e-mail, then read again."""
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            await require_linked_employee(uow, principal, self._clock.now())
            await uow.commit()
        reader = await self._feed.reader_context(tenant_id, principal.subject)
        if reader is None:  # linked to someone else in between
            raise EmployeeNotLinked("Your access token is not linked to an employee of this organisation.")
        return reader
