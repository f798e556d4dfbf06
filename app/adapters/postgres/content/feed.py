"""The feed read model on asyncpg: hand-written SQL, no ORM, two statements per page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.content.feed_sql import FIRST_PAGE, NEXT_PAGE, READER_CONTEXT
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import Media, MediaKind
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.content import FeedCampaign, FeedItem, FeedPage, FeedQuery, FeedReaderContext


class PostgresFeedReader:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def reader_context(self, tenant_id: UUID, subject: str) -> FeedReaderContext | None:
        row = await self._pool.fetchrow(READER_CONTEXT, tenant_id, subject)
        if row is None:
            return None
        membership = row["membership"]
        return FeedReaderContext(
            employee_id=row["employee_id"],
            ambassador_id=row["ambassador_id"],
            department=row["department"],
            location=row["location"],
            language=row["language"],
            membership=MembershipStatus(membership) if membership else None,
            preferred_languages=tuple(row["languages"]),
            networks=frozenset(Network(network) for network in row["networks"]),
        )

    async def page(self, tenant_id: UUID, query: FeedQuery) -> FeedPage:
        args: list[Any] = [
            tenant_id,
            query.at,
            query.department,
            query.location,
            list(query.language_ranges),
            query.limit + 1,
            list(query.languages),
            [network.value for network in query.networks],
        ]
        after = query.after
        if after is not None:
            args += [after.pinned, after.important, after.live_from, after.id]
        args.append(query.ambassador_id)
        rows = await self._pool.fetch(FIRST_PAGE if after is None else NEXT_PAGE, *args)
        items = tuple(_item(row) for row in rows[: query.limit])
        return FeedPage(items, items[-1].cursor if len(rows) > query.limit else None)


def _item(row: asyncpg.Record) -> FeedItem:
    objective = row["objective"]
    return FeedItem(
        id=row["id"],
        language=row["language"],
        title=row["title"],
        body=row["body"],
        format=ContentFormat(row["format"]),
        objective=Objective(objective) if objective else None,
        topics=tuple(row["topics"]),
        link_url=row["link_url"],
        media=_media(row["media"]),
        shareable=row["shareable"],
        pinned=row["pinned"],
        important=row["important"],
        published_at=row["live_from"],
        expires_at=row["expire_at"],
        captions=_captions(row["captions"]),
        campaigns=_campaigns(row["campaigns"]),
        already_shared=row["already_shared"],
    )


# The nested values of an item arrive as JSON documents. The same contents, in the same words and
# campaigns, come back page after page and reader after reader, so each distinct document is
# decoded once; the values built from it are immutable.
PARSED_DOCUMENTS = 4096
NO_CAPTIONS: Mapping[Network, str] = MappingProxyType({})


@lru_cache(maxsize=PARSED_DOCUMENTS)
def _media(document: str) -> tuple[Media, ...]:
    return tuple(Media(url=m["url"], kind=MediaKind(m["kind"]), alt_text=m["alt_text"]) for m in json.loads(document))


@lru_cache(maxsize=PARSED_DOCUMENTS)
def _captions(document: str | None) -> Mapping[Network, str]:
    """In the networks' order, as a content's own captions are."""
    if document is None:
        return NO_CAPTIONS
    texts = json.loads(document)
    return MappingProxyType({network: texts[network.value] for network in Network if network.value in texts})


@lru_cache(maxsize=PARSED_DOCUMENTS)
def _campaigns(document: str | None) -> tuple[FeedCampaign, ...]:
    if document is None:
        return ()
    return tuple(
        FeedCampaign(id=UUID(id_), name=name, slug=slug, is_challenge=challenge)
        for id_, name, slug, challenge in json.loads(document)
    )
