"""Shares and their engagement: what the in-memory fakes promise, PostgreSQL keeps."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.content.feed import PostgresFeedReader
from app.adapters.postgres.database import create_pool
from app.domain.content.contents import Content
from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.tenants import Tenant
from app.domain.sharing.engagement import EngagementSnapshot, EngagementSource, Reporter
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.tracked_links import ShareCode
from app.ports.content import FeedQuery, FeedReader
from app.ports.pagination import PageRequest
from app.ports.sharing import ShareFilter
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, enrol, hire
from tests.contract.test_content_repositories import approve, new_campaign, new_content, store
from tests.fake_feed import FakeFeedReader
from tests.fakes import FakeUnitOfWorkFactory


async def world(backend: Backend) -> tuple[Tenant, Ambassador, Content]:
    acme = await add_tenant(backend)
    ambassador = await enrol(backend, acme, await hire(backend, acme))
    content = approve(new_content(backend, acme, link_url="https://acme.example/jobs"))
    await store(backend, acme, content)
    return acme, ambassador, content


def new_share(backend: Backend, ambassador: Ambassador, content: Content, **changes: Any) -> Share:
    values: dict[str, Any] = {
        "id": backend.ids.new_id(),
        "tenant_id": ambassador.tenant_id,
        "code": ShareCode.generate(),
        "ambassador_id": ambassador.id,
        "content_id": content.id,
        "campaign_id": None,
        "network": Network.LINKEDIN,
        "language": "fr",
        "caption": "Nous recrutons",
        "destination": "https://acme.example/jobs?utm_source=linkedin",
        "click_param": "rl_click",
        "now": NOW,
    } | changes
    return Share.open(**values)


async def add(backend: Backend, tenant: Tenant, *shares: Share) -> None:
    async with backend.uow(tenant.id) as uow:
        for share in shares:
            await uow.shares.add(share)
        await uow.commit()


async def test_a_share_reads_back_as_written_and_its_creation_is_announced(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    campaign = new_campaign(backend, acme, "spring")
    await store(backend, acme, campaign)
    share = new_share(backend, ambassador, content, campaign_id=campaign.id, network=Network.X)

    await add(backend, acme, share)

    async with backend.uow(acme.id) as uow:
        found = await uow.shares.get(share.id)
    assert found == replace(share, pending_events=[])
    assert [event.type for event in await backend.outbox()][-1] == "share.created"


async def test_posting_and_cancelling_are_saved(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    posted, cancelled = (
        new_share(backend, ambassador, content),
        new_share(backend, ambassador, content, network=Network.X),
    )
    await add(backend, acme, posted, cancelled)

    async with backend.uow(acme.id) as uow:
        for share in (posted, cancelled):
            share = await uow.shares.get(share.id, for_update=True) or share
            if share.network is Network.LINKEDIN:
                share.confirm(post_url="https://www.linkedin.com/feed/update/1", audience=1200, now=LATER)
            else:
                share.cancel(now=LATER)
            await uow.shares.save(share)
        await uow.commit()

    async with backend.uow(acme.id) as uow:
        first, second = await uow.shares.get(posted.id), await uow.shares.get(cancelled.id)
    assert first is not None
    assert (first.status, first.posted_at, first.post_url, first.potential_reach, first.version, first.updated_at) == (
        ShareStatus.POSTED,
        LATER,
        "https://www.linkedin.com/feed/update/1",
        1200,
        2,
        LATER,
    )
    assert second is not None
    assert (second.status, second.cancelled_at, second.potential_reach) == (ShareStatus.CANCELLED, LATER, None)
    assert [event.type for event in await backend.outbox()][-2:] == ["share.posted", "share.cancelled"]


async def test_the_open_intent_and_the_days_count(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    other = await enrol(backend, acme, await hire(backend, acme, "Bob"))
    open_intent = new_share(backend, ambassador, content)
    yesterday = new_share(backend, ambassador, content, now=NOW - timedelta(days=1))
    yesterday.cancel(now=NOW - timedelta(days=1))
    cancelled_today = new_share(backend, ambassador, content)
    cancelled_today.cancel(now=NOW)
    on_x = new_share(backend, ambassador, content, network=Network.X)
    bobs = new_share(backend, other, content)
    await add(backend, acme, open_intent, yesterday, cancelled_today, on_x, bobs)
    start = NOW.replace(hour=0, minute=0, second=0, microsecond=0)

    async with backend.uow(acme.id) as uow:
        found = await uow.shares.open_intent(ambassador.id, content.id, Network.LINKEDIN)
        none = await uow.shares.open_intent(ambassador.id, content.id, Network.FACEBOOK)
        today = await uow.shares.count_started(ambassador.id, Network.LINKEDIN, start, start + timedelta(days=1))
        before = await uow.shares.count_started(ambassador.id, Network.LINKEDIN, start - timedelta(days=1), start)

    assert found is not None
    assert found.id == open_intent.id
    assert none is None
    assert (today, before) == (1, 0)


async def test_lists_filter_and_page_in_creation_order(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    campaign = new_campaign(backend, acme, "spring")
    await store(backend, acme, campaign)
    other = await enrol(backend, acme, await hire(backend, acme, "Bob"))
    first = new_share(backend, ambassador, content, campaign_id=campaign.id)
    second = new_share(backend, other, content, network=Network.X, now=LATER)
    await add(backend, acme, first, second)
    globex = await add_tenant(backend, "globex")
    _, stranger, foreign = await world_in(backend, globex)
    await add(backend, globex, new_share(backend, stranger, foreign))

    async def listed(page: PageRequest | None = None, **criteria: Any) -> list[UUID]:
        async with backend.uow(acme.id) as uow:
            found = await uow.shares.list(ShareFilter(**criteria), page or PageRequest())
        return [share.id for share in found.items]

    assert await listed() == [first.id, second.id]
    assert await listed(ambassador_id=other.id) == [second.id]
    assert await listed(content_id=content.id, campaign_id=campaign.id) == [first.id]
    assert await listed(network=Network.X, status=ShareStatus.INTENT) == [second.id]
    assert await listed(status=ShareStatus.POSTED) == []
    assert await listed(created_from=NOW + timedelta(hours=1)) == [second.id]
    assert await listed(created_to=LATER) == [first.id]
    assert await listed(PageRequest(limit=1)) == [first.id]
    assert await listed(PageRequest(after=first.id)) == [second.id]


async def world_in(backend: Backend, tenant: Tenant) -> tuple[Tenant, Ambassador, Content]:
    ambassador = await enrol(backend, tenant, await hire(backend, tenant))
    content = approve(new_content(backend, tenant, link_url="https://acme.example/jobs"))
    await store(backend, tenant, content)
    return tenant, ambassador, content


def snapshot(
    backend: Backend,
    share: Share,
    observed: Any,
    impressions: int,
    recorded: Any = NOW,
    source: EngagementSource = EngagementSource.INTEGRATION,
) -> EngagementSnapshot:
    return EngagementSnapshot.record(
        id=backend.ids.new_id(),
        tenant_id=share.tenant_id,
        share_id=share.id,
        observed_at=observed,
        counts={"impressions": impressions, "reactions": 3, "comments": 2, "reshares": 1},
        reporter=Reporter(subject="integrator|1", source=source, network=share.network, audience=500),
        now=recorded,
    )


async def test_the_latest_engagement_is_the_one_observed_last_then_recorded_last(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    share, quiet = new_share(backend, ambassador, content), new_share(backend, ambassador, content, network=Network.X)
    await add(backend, acme, share, quiet)
    latest = snapshot(backend, share, LATER, 500, LATER)
    async with backend.uow(acme.id) as uow:
        for item in (snapshot(backend, share, NOW, 100), latest, snapshot(backend, share, NOW, 900, LATER)):
            await uow.shares.add_engagement(item)
        await uow.commit()

    async with backend.uow(acme.id) as uow:
        assert await uow.shares.latest_engagement(share.id) == latest
        assert await uow.shares.latest_engagement(quiet.id) is None


async def test_the_integrations_latest_engagement_wins_over_a_later_self_reported_one(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    share = new_share(backend, ambassador, content)
    own_only = new_share(backend, ambassador, content, network=Network.X)
    await add(backend, acme, share, own_only)
    integration = snapshot(backend, share, NOW, 400)
    own = snapshot(backend, own_only, NOW, 90, source=EngagementSource.SELF_REPORTED)
    async with backend.uow(acme.id) as uow:
        for item in (integration, snapshot(backend, share, LATER, 9000, LATER, EngagementSource.SELF_REPORTED), own):
            await uow.shares.add_engagement(item)
        await uow.commit()

    async with backend.uow(acme.id) as uow:
        assert await uow.shares.latest_engagement(share.id) == integration
        assert await uow.shares.latest_engagement(own_only.id) == own


async def test_shares_and_their_engagement_stay_in_their_tenant(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    share = new_share(backend, ambassador, content)
    await add(backend, acme, share)
    async with backend.uow(acme.id) as uow:
        await uow.shares.add_engagement(snapshot(backend, share, NOW, 100))
        await uow.commit()
    globex = await add_tenant(backend, "globex")

    async with backend.uow(globex.id) as uow:
        assert await uow.shares.get(share.id) is None
        assert (await uow.shares.list(ShareFilter(), PageRequest())).items == []
        assert await uow.shares.latest_engagement(share.id) is None


async def test_the_members_visitor_is_remembered_once_a_day(backend: Backend, database: AsyncEngine | None) -> None:
    acme, ambassador, _ = await world(backend)
    day = date(2026, 3, 2)

    for _ in range(2):
        async with backend.uow(acme.id) as uow:
            await uow.shares.remember_visitor(ambassador.id, day, "f" * 32)
            await uow.shares.remember_visitor(ambassador.id, day + timedelta(days=1), "f" * 32)
            await uow.commit()

    if database is None:
        assert isinstance(backend.uow, FakeUnitOfWorkFactory)
        rows = sorted(key[2] for key in backend.uow.database.ambassador_visitors)
    else:
        async with database.connect() as connection:
            result = await connection.execute(sa.text("SELECT day FROM ambassador_visitors ORDER BY day"))
            rows = [row.day for row in result]
    assert rows == [day, day + timedelta(days=1)]


async def test_nothing_is_written_without_a_commit(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    share = new_share(backend, ambassador, content)

    async with backend.uow(acme.id) as uow:
        await uow.shares.add(share)

    async with backend.uow(acme.id) as uow:
        assert await uow.shares.get(share.id) is None


@pytest.fixture
async def feed_reader(backend: Backend, database: AsyncEngine | None) -> AsyncIterator[FeedReader]:
    if database is None:
        assert isinstance(backend.uow, FakeUnitOfWorkFactory)
        yield FakeFeedReader(backend.uow.database)
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=2)
    try:
        yield PostgresFeedReader(pool)
    finally:
        await pool.close()


async def test_the_feed_marks_what_the_reader_posted(backend: Backend, feed_reader: FeedReader) -> None:
    acme, ambassador, posted_content = await world(backend)
    intent_only = approve(new_content(backend, acme, title="Intent only", link_url="https://acme.example/a"))
    cancelled_content = approve(new_content(backend, acme, title="Cancelled", link_url="https://acme.example/b"))
    others = approve(new_content(backend, acme, title="Posted by Bob", link_url="https://acme.example/c"))
    await store(backend, acme, intent_only, cancelled_content, others)
    bob = await enrol(backend, acme, await hire(backend, acme, "Bob"))
    posted = new_share(backend, ambassador, posted_content)
    cancelled = new_share(backend, ambassador, cancelled_content)
    posted.confirm(post_url=None, audience=0, now=NOW)
    cancelled.cancel(now=NOW)
    bobs = new_share(backend, bob, others)
    bobs.confirm(post_url=None, audience=0, now=NOW)
    await add(backend, acme, posted, cancelled, new_share(backend, ambassador, intent_only), bobs)
    query = FeedQuery(
        at=LATER,
        department=None,
        location=None,
        language_ranges=(),
        languages=("fr",),
        networks=(Network.LINKEDIN,),
        ambassador_id=ambassador.id,
    )

    page = await feed_reader.page(acme.id, query)
    others_page = await feed_reader.page(acme.id, replace(query, ambassador_id=bob.id, after=None))

    shared = {item.id for item in page.items if item.already_shared}
    assert len(page.items) == 4
    assert shared == {posted_content.id}
    assert {item.id for item in others_page.items if item.already_shared} == {others.id}
