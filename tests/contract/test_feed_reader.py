"""The feed reader: what the in-memory reference reads, PostgreSQL's two statements read too."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.content.feed import PostgresFeedReader
from app.adapters.postgres.database import create_pool
from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale
from app.domain.content.targeting import Targeting
from app.domain.networks import Network
from app.domain.roster.ambassadors import Preferences
from app.domain.roster.tenants import Tenant
from app.ports.content import FeedItem, FeedQuery, FeedReader
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, connect, enrol, hire
from tests.contract.test_content_repositories import approve, new_campaign, new_content, store
from tests.fake_feed import FakeFeedReader
from tests.fakes import FakeUnitOfWorkFactory

CAPTIONS = {Network.LINKEDIN: "Share it #employee", Network.X: "Share it on X #employee"}


@pytest.fixture
async def reader(backend: Backend, database: AsyncEngine | None) -> AsyncIterator[FeedReader]:
    if database is None:
        assert isinstance(backend.uow, FakeUnitOfWorkFactory)
        yield FakeFeedReader(backend.uow.database)
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=2)
    try:
        yield PostgresFeedReader(pool)
    finally:
        await pool.close()


def query(**changes: Any) -> FeedQuery:
    values: dict[str, Any] = {
        "at": LATER,
        "department": "Sales",
        "location": "Lyon",
        "language_ranges": ("fr-CA", "fr"),
        "languages": ("en", "fr-CA", "fr"),
        "networks": (Network.LINKEDIN,),
    }
    return FeedQuery(**(values | changes))


def bilingual(backend: Backend, tenant: Tenant, title: str, **changes: Any) -> Content:
    locales = tuple(
        ContentLocale(language=language, title=f"{title} ({language})", body=f"{language} body", captions=CAPTIONS)
        for language in ("fr", "en")
    )
    return new_content(backend, tenant, title=title, locales=locales, **changes)


async def add_to(backend: Backend, tenant: Tenant, campaign: Campaign, *contents: Content) -> None:
    async with backend.uow(tenant.id) as uow:
        for content in contents:
            await uow.campaigns.add_content(campaign.id, content.id, NOW)
        await uow.commit()


async def test_the_reader_context_is_the_linked_employee_with_membership_languages_and_networks(
    backend: Backend, reader: FeedReader
) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, department="Sales", location="Lyon", language="fr-CA", idp_subject="idp|ada")
    member = await enrol(backend, tenant, ada)
    member.set_preferences(Preferences(languages=("en", "de")), NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.save(member)
        await uow.commit()
    await connect(backend, member, "ada", Network.LINKEDIN)
    await connect(backend, member, "ada-again", Network.LINKEDIN)
    await connect(backend, member, "@ada", Network.X)
    grace = await hire(backend, tenant, "Grace", idp_subject="idp|grace")
    other = await add_tenant(backend, "globex")

    context = await reader.reader_context(tenant.id, "idp|ada")
    bystander = await reader.reader_context(tenant.id, "idp|grace")

    assert context is not None
    assert (context.employee_id, context.department, context.location, context.language) == (
        ada.id,
        "Sales",
        "Lyon",
        "fr-CA",
    )
    assert (context.membership, context.preferred_languages) == (member.status, ("en", "de"))
    assert context.networks == {Network.LINKEDIN, Network.X}
    assert bystander is not None
    assert (bystander.employee_id, bystander.membership, bystander.networks) == (grace.id, None, frozenset())
    assert await reader.reader_context(tenant.id, "idp|nobody") is None
    assert await reader.reader_context(other.id, "idp|ada") is None


async def test_a_page_holds_live_targeted_content_in_the_reader_language_with_their_captions_and_campaigns(
    backend: Backend, reader: FeedReader
) -> None:
    tenant, other = await add_tenant(backend), await add_tenant(backend, "globex")
    everyone = approve(bilingual(backend, tenant, "Everyone", topics=("hiring",)))
    sales = approve(bilingual(backend, tenant, "Sales", targeting=Targeting(departments=("Sales", "People"))))
    french = approve(new_content(backend, tenant, title="French", targeting=Targeting(languages=("fr",))))
    pinned = approve(new_content(backend, tenant, title="Pinned", pinned=True))
    important = approve(new_content(backend, tenant, title="Important", important=True))
    hidden = [
        approve(new_content(backend, tenant, title="Paris", targeting=Targeting(locations=("Paris",)))),
        approve(new_content(backend, tenant, title="English", targeting=Targeting(languages=("en",)))),
        approve(new_content(backend, tenant, title="Scheduled", publish_at=LATER + timedelta(days=1))),
        approve(new_content(backend, tenant, title="Expired", expires_at=NOW + timedelta(days=1))),
        new_content(backend, tenant, title="Draft"),
    ]
    archived = approve(new_content(backend, tenant, title="Archived"))
    archived.archive(actor="manager|1", now=NOW)
    elsewhere = new_content(backend, other, title="Elsewhere")
    launched = new_campaign(backend, tenant, "launched", is_challenge=True)
    launched.launch(NOW)
    draft = new_campaign(backend, tenant, "draft")
    await store(backend, tenant, everyone, sales, french, pinned, important, *hidden, archived, launched, draft)
    await store(backend, other, approve(elsewhere))
    await add_to(backend, tenant, launched, everyone, sales)
    await add_to(backend, tenant, draft, everyone)

    page = await reader.page(tenant.id, query())

    assert [item.title for item in page.items] == [
        "Pinned",
        "Important",
        "French",
        "Sales (en)",
        "Everyone (en)",
    ]
    assert page.next_cursor is None
    first = page.items[-1]
    assert (first.id, first.language, first.body, first.topics) == (everyone.id, "en", "en body", ("hiring",))
    assert dict(first.captions) == {Network.LINKEDIN: "Share it #employee"}
    assert [(c.id, c.slug, c.is_challenge) for c in first.campaigns] == [(launched.id, "launched", True)]
    assert first.published_at == everyone.live_from
    assert (page.items[2].language, page.items[2].campaigns, dict(page.items[2].captions)) == ("fr", (), {})
    assert not any(item.already_shared for item in page.items)


async def test_pages_follow_each_other_without_repeating_or_skipping(backend: Backend, reader: FeedReader) -> None:
    tenant = await add_tenant(backend)
    contents = [
        approve(
            new_content(backend, tenant, title=f"C{n}", pinned=n % 4 == 0, important=n % 3 == 0),
            at=NOW + timedelta(hours=n % 5),
        )
        for n in range(11)
    ]
    await store(backend, tenant, *contents)
    everything = (await reader.page(tenant.id, query(limit=100))).items

    walked: list[FeedItem] = []
    after = None
    while True:
        page = await reader.page(tenant.id, query(limit=3, after=after))
        walked += page.items
        after = page.next_cursor
        if after is None:
            break

    assert [item.id for item in walked] == [item.id for item in everything]
    assert len(everything) == 11
    keys = [(item.pinned, item.important, item.published_at, item.id) for item in everything]
    assert keys == sorted(keys, reverse=True)
