"""The feed reader on the in-memory database: the reference reading of ``FeedReader``'s promises.

``tests/contract/test_feed_reader.py`` holds the PostgreSQL reader to the same pages.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.content.campaigns import CampaignStatus
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentStatus
from app.domain.sharing.shares import ShareStatus
from app.ports.content import FeedCampaign, FeedItem, FeedPage, FeedQuery, FeedReaderContext
from tests.fake_storage import FakeDatabase


class FakeFeedReader:
    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    async def reader_context(self, tenant_id: UUID, subject: str) -> FeedReaderContext | None:
        employee = next(
            (
                e
                for (tenant, _), e in self._db.employees.items()
                if tenant == tenant_id and e.profile.idp_subject == subject
            ),
            None,
        )
        if employee is None:
            return None
        ambassador = next(
            (
                a
                for (tenant, _), a in self._db.ambassadors.items()
                if tenant == tenant_id and a.employee_id == employee.id
            ),
            None,
        )
        networks = frozenset(
            account.network
            for (tenant, _), account in self._db.social_accounts.items()
            if ambassador is not None and tenant == tenant_id and account.ambassador_id == ambassador.id
        )
        return FeedReaderContext(
            employee_id=employee.id,
            ambassador_id=ambassador.id if ambassador else None,
            department=employee.profile.department,
            location=employee.profile.location,
            language=employee.profile.language,
            membership=ambassador.status if ambassador else None,
            preferred_languages=ambassador.preferences.languages if ambassador else (),
            networks=networks,
        )

    async def page(self, tenant_id: UUID, query: FeedQuery) -> FeedPage:
        live = [
            content
            for (tenant, _), content in self._db.contents.items()
            if tenant == tenant_id and _live(content, query) and _for(content, query)
        ]
        live.sort(key=_key, reverse=True)
        if query.after is not None:
            after = query.after
            live = [c for c in live if _key(c) < (after.pinned, after.important, after.live_from, after.id)]
        items = tuple(self._item(tenant_id, content, query) for content in live[: query.limit])
        return FeedPage(items, items[-1].cursor if len(live) > query.limit else None)

    def _item(self, tenant_id: UUID, content: Content, query: FeedQuery) -> FeedItem:
        fields = content.fields
        locale = next(
            (found for tag in query.languages if (found := fields.locale(tag)) is not None), fields.default_locale
        )
        member_of = {m.campaign_id for m in self._db.campaign_contents.values() if m.content_id == content.id}
        campaigns = sorted(
            (
                c
                for (tenant, _), c in self._db.campaigns.items()
                if tenant == tenant_id and c.id in member_of and c.status is CampaignStatus.LAUNCHED
            ),
            key=lambda c: (c.fields.starts_at, c.id),
        )
        return FeedItem(
            id=content.id,
            language=locale.language,
            title=locale.title,
            body=locale.body,
            format=fields.format,
            objective=fields.objective,
            topics=fields.topics,
            link_url=fields.link_url,
            media=fields.media,
            shareable=fields.shareable,
            pinned=fields.pinned,
            important=fields.important,
            published_at=_published(content),
            expires_at=fields.expires_at,
            captions={network: text for network, text in locale.captions.items() if network in query.networks},
            campaigns=tuple(
                FeedCampaign(id=c.id, name=c.fields.name, slug=c.fields.slug, is_challenge=c.fields.is_challenge)
                for c in campaigns
            ),
            already_shared=any(
                share.ambassador_id == query.ambassador_id
                and share.content_id == content.id
                and share.status is ShareStatus.POSTED
                for (tenant, _), share in self._db.shares.items()
                if tenant == tenant_id
            ),
        )


def _published(content: Content) -> datetime:
    live_from = content.live_from
    if live_from is None:
        raise ValueError("Only approved content is published.")
    return live_from


def _key(content: Content) -> tuple[bool, bool, datetime, UUID]:
    return (content.fields.pinned, content.fields.important, _published(content), content.id)


def _live(content: Content, query: FeedQuery) -> bool:
    expires_at = content.fields.expires_at
    return (
        content.status is ContentStatus.APPROVED
        and _published(content) <= query.at
        and (expires_at is None or expires_at > query.at)
    )


def _for(content: Content, query: FeedQuery) -> bool:
    targeting = content.fields.targeting
    return (
        (not targeting.departments or query.department in targeting.departments)
        and (not targeting.locations or query.location in targeting.locations)
        and (not targeting.languages or bool(set(targeting.languages) & set(query.language_ranges)))
    )
