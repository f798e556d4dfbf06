"""Contents and campaigns: what the in-memory fakes promise, PostgreSQL keeps."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from app.domain.content.campaigns import Campaign, CampaignFields, CampaignPhase, Goals
from app.domain.content.content_fields import ContentFields, ContentFormat, Objective
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale, Media, MediaKind
from app.domain.content.review_status import ContentAction, ContentStatus, PublicStatus
from app.domain.content.targeting import Targeting
from app.domain.errors import DuplicateValue
from app.domain.networks import Network
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.tenants import Tenant
from app.ports.campaigns import CampaignFilter
from app.ports.content import ContentFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant

RULES = ProgrammeSettings().apply({"link_domains": [{"domain": "acme.example"}]})


def new_content(
    backend: Backend, tenant: Tenant, *, proposed: bool = False, author: str = "manager|1", **changes: Any
) -> Content:
    values: dict[str, Any] = {"title": "Hiring", "body": "Join us.", "format": ContentFormat.JOB_OFFER} | changes
    return Content.create(
        id=backend.ids.new_id(),
        tenant_id=tenant.id,
        fields=ContentFields.compose(values, default_language="fr"),
        author=author,
        proposed=proposed,
        rules=RULES,
        now=NOW,
        shorthand=True,
    )


async def store(backend: Backend, tenant: Tenant, *items: Content | Campaign) -> None:
    async with backend.uow(tenant.id) as uow:
        for item in items:
            if isinstance(item, Content):
                await uow.contents.add(item)
            else:
                await uow.campaigns.add(item)
        await uow.commit()


async def save(backend: Backend, tenant: Tenant, content: Content) -> None:
    async with backend.uow(tenant.id) as uow:
        await uow.contents.save(content)
        await uow.commit()


def approve(content: Content, *, at: Any = NOW) -> Content:
    content.submit(actor="manager|1", now=at)
    content.approve(reviewer="moderator|1", rules=RULES, scheduled=[], now=at)
    return content


def new_campaign(backend: Backend, tenant: Tenant, slug: str, **changes: Any) -> Campaign:
    values: dict[str, Any] = {"name": slug.title(), "slug": slug, "starts_at": NOW, "ends_at": LATER} | changes
    return Campaign.create(
        id=backend.ids.new_id(), tenant_id=tenant.id, fields=CampaignFields(**values), author="manager|1", now=NOW
    )


async def test_a_content_reads_back_as_it_was_written_with_its_history(backend: Backend) -> None:
    acme = await add_tenant(backend)
    content = new_content(
        backend,
        acme,
        captions={Network.X: "We hire https://acme.example/jobs", Network.LINKEDIN: "Join us"},
        locales=[ContentLocale(language="en-GB", title="Hiring", body="Join us.", captions={Network.X: "Join"})],
        objective=Objective.RECRUITING,
        topics=["Hiring", "careers"],
        link_url="https://acme.example/jobs",
        media=[Media(url="https://cdn.example/a.png", kind=MediaKind.IMAGE, alt_text="Our team")],
        pinned=True,
        publish_at=NOW + timedelta(days=1),
        expires_at=LATER,
        targeting=Targeting(departments=("Sales",), locations=("Paris", "Lyon"), languages=("fr",)),
    )
    await store(backend, acme, content)

    async with backend.uow(acme.id) as uow:
        found = await uow.contents.get(content.id)
        history = await uow.contents.history(content.id)
    assert found == content
    assert found is not None
    assert found.fields.languages == ("fr", "en-GB")
    assert [(line.action, line.to_status, line.version) for line in history] == [
        (ContentAction.CREATE, ContentStatus.DRAFT, 1)
    ]


async def test_transitions_are_appended_to_the_history_and_announced(backend: Backend) -> None:
    acme = await add_tenant(backend)
    content = new_content(backend, acme)
    await store(backend, acme, content)
    approve(content, at=LATER)
    await save(backend, acme, content)

    async with backend.uow(acme.id) as uow:
        found = await uow.contents.get(content.id)
        history = await uow.contents.history(content.id)
    assert found is not None
    assert (found.status, found.approved_at, found.live_from, found.version) == (
        ContentStatus.APPROVED,
        LATER,
        LATER,
        3,
    )
    assert [line.action for line in history] == [ContentAction.CREATE, ContentAction.SUBMIT, ContentAction.APPROVE]
    assert [line.from_status for line in history] == [None, ContentStatus.DRAFT, ContentStatus.IN_REVIEW]
    assert [event.type for event in await backend.outbox()] == [
        "tenant.created",
        "content.submitted",
        "content.approved",
    ]


async def test_nothing_is_kept_without_a_commit(backend: Backend) -> None:
    acme = await add_tenant(backend)
    content = new_content(backend, acme)
    async with backend.uow(acme.id) as uow:
        await uow.contents.add(content)
        await uow.campaigns.add(new_campaign(backend, acme, "spring"))
    async with backend.uow(acme.id) as uow:
        assert await uow.contents.get(content.id) is None
        assert await uow.contents.history(content.id) == []
        assert (await uow.campaigns.list(CampaignFilter(at=NOW), PageRequest())).items == []


async def test_contents_are_listed_by_the_status_clients_read(backend: Backend) -> None:
    acme = await add_tenant(backend)
    draft = new_content(backend, acme)
    waiting = approve(new_content(backend, acme, publish_at=NOW + timedelta(days=2)))
    live = approve(new_content(backend, acme, expires_at=NOW + timedelta(days=5)))
    expired = approve(new_content(backend, acme, expires_at=NOW + timedelta(hours=1)))
    await store(backend, acme, draft, waiting, live, expired)

    async def with_status(status: PublicStatus) -> list[UUID]:
        async with backend.uow(acme.id) as uow:
            criteria = ContentFilter(at=NOW + timedelta(days=1), status=status)
            return [content.id for content in (await uow.contents.list(criteria, PageRequest())).items]

    assert await with_status(PublicStatus.DRAFT) == [draft.id]
    assert await with_status(PublicStatus.APPROVED) == [waiting.id]
    assert await with_status(PublicStatus.PUBLISHED) == [live.id]
    assert await with_status(PublicStatus.EXPIRED) == [expired.id]
    assert await with_status(PublicStatus.IN_REVIEW) == []


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"format": ContentFormat.VIDEO}, ["video"]),
        ({"objective": Objective.LEADS}, ["leads"]),
        ({"topic": "careers"}, ["topics"]),
        ({"language": "en"}, ["english"]),
        ({"created_by": "idp|ada"}, ["proposal"]),
        ({"format": ContentFormat.VIDEO, "objective": Objective.LEADS}, []),
    ],
)
async def test_contents_are_filtered(backend: Backend, criteria: dict[str, Any], expected: list[str]) -> None:
    acme = await add_tenant(backend)
    named = {
        "video": new_content(backend, acme, format=ContentFormat.VIDEO),
        "leads": new_content(backend, acme, objective=Objective.LEADS),
        "topics": new_content(backend, acme, topics=["careers", "culture"]),
        "english": new_content(backend, acme, locales=[ContentLocale(language="en", title="T", body="B")]),
        "proposal": new_content(backend, acme, proposed=True, author="idp|ada"),
    }
    await store(backend, acme, *named.values())
    async with backend.uow(acme.id) as uow:
        found = await uow.contents.list(ContentFilter(at=NOW, **criteria), PageRequest())
    names = {content.id: name for name, content in named.items()}
    assert [names[content.id] for content in found.items] == expected


async def test_contents_page_in_creation_order_and_stay_in_their_tenant(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ours = [new_content(backend, acme) for _ in range(3)]
    await store(backend, acme, *ours)
    await store(backend, globex, new_content(backend, globex))

    async with backend.uow(acme.id) as uow:
        first = await uow.contents.list(ContentFilter(at=NOW), PageRequest(limit=2))
        second = await uow.contents.list(ContentFilter(at=NOW), PageRequest(after=first.next_after, limit=2))
        theirs = await uow.contents.get_many([content.id for content in ours] + [backend.ids.new_id()])
    assert [c.id for c in first.items] == [c.id for c in ours[:2]]
    assert [c.id for c in second.items] == [ours[2].id]
    assert second.next_after is None
    assert len(theirs) == 3


async def test_only_approved_shareable_contents_count_for_the_cadence(backend: Backend) -> None:
    acme = await add_tenant(backend)
    counted = approve(new_content(backend, acme, publish_at=NOW + timedelta(days=1)))
    not_shareable = approve(new_content(backend, acme, shareable=False))
    too_late = approve(new_content(backend, acme, publish_at=NOW + timedelta(days=9)))
    await store(backend, acme, counted, not_shareable, too_late, new_content(backend, acme))

    async with backend.uow(acme.id) as uow:
        await uow.contents.lock_schedule()
        scheduled = await uow.contents.scheduled_between(NOW - timedelta(days=7), NOW + timedelta(days=7))
    assert [(item.content_id, item.live_from) for item in scheduled] == [(counted.id, NOW + timedelta(days=1))]


async def test_a_campaign_reads_back_as_written_and_its_slug_is_unique_in_the_tenant(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    spring = new_campaign(
        backend,
        acme,
        "spring",
        description="Hiring push",
        objective=Objective.RECRUITING,
        targeting=Targeting(departments=("Sales",)),
        goals=Goals(shares=100, clicks=1000, conversions={"job_application": 20}),
        points_multiplier=Decimal("1.50"),
        is_challenge=True,
    )
    await store(backend, acme, spring)
    await store(backend, globex, new_campaign(backend, globex, "spring"))

    async with backend.uow(acme.id) as uow:
        assert await uow.campaigns.get(spring.id) == spring
    with pytest.raises(DuplicateValue) as duplicate:
        await store(backend, acme, new_campaign(backend, acme, "spring"))
    assert duplicate.value.field == "slug"


async def test_a_draft_archived_before_it_had_dates_is_stored(backend: Backend) -> None:
    acme = await add_tenant(backend)
    undated = new_campaign(backend, acme, "undated", starts_at=None, ends_at=None)
    await store(backend, acme, undated)
    undated.archive(LATER)
    async with backend.uow(acme.id) as uow:
        await uow.campaigns.save(undated)
        await uow.commit()
    async with backend.uow(acme.id) as uow:
        assert await uow.campaigns.get(undated.id) == undated


async def test_campaigns_are_listed_by_phase_objective_and_activity(backend: Backend) -> None:
    acme = await add_tenant(backend)
    draft = new_campaign(backend, acme, "draft")
    scheduled = new_campaign(backend, acme, "scheduled", starts_at=NOW + timedelta(days=2), ends_at=None)
    active = new_campaign(backend, acme, "active", objective=Objective.LEADS)
    ended = new_campaign(backend, acme, "ended", starts_at=NOW - timedelta(days=9), ends_at=NOW - timedelta(days=1))
    for campaign in (scheduled, active, ended):
        campaign.launch(NOW)
    await store(backend, acme, draft, scheduled, active, ended)

    async def slugs(**criteria: Any) -> list[str]:
        async with backend.uow(acme.id) as uow:
            page = await uow.campaigns.list(CampaignFilter(at=NOW, **criteria), PageRequest())
        return [campaign.fields.slug for campaign in page.items]

    assert await slugs(status=CampaignPhase.DRAFT) == ["draft"]
    assert await slugs(status=CampaignPhase.SCHEDULED) == ["scheduled"]
    assert await slugs(status=CampaignPhase.ACTIVE) == ["active"]
    assert await slugs(status=CampaignPhase.ENDED) == ["ended"]
    assert await slugs(objective=Objective.LEADS) == ["active"]
    assert await slugs(active_at=NOW + timedelta(days=2)) == ["scheduled", "active"]
    assert await slugs(active_at=LATER) == ["scheduled"]


async def test_a_content_joins_several_campaigns_once_each_and_leaves_them(backend: Backend) -> None:
    acme = await add_tenant(backend)
    spring, autumn = new_campaign(backend, acme, "spring"), new_campaign(backend, acme, "autumn")
    contents = [new_content(backend, acme) for _ in range(3)]
    await store(backend, acme, spring, autumn, *contents)

    async with backend.uow(acme.id) as uow:
        added = [await uow.campaigns.add_content(spring.id, content.id, NOW) for content in contents]
        again = await uow.campaigns.add_content(spring.id, contents[0].id, NOW)
        await uow.campaigns.add_content(autumn.id, contents[0].id, NOW)
        await uow.commit()
    async with backend.uow(acme.id) as uow:
        removed = await uow.campaigns.remove_content(spring.id, contents[2].id)
        missing = await uow.campaigns.remove_content(autumn.id, contents[2].id)
        await uow.commit()

    assert (added, again, removed, missing) == ([True, True, True], False, True, False)
    async with backend.uow(acme.id) as uow:
        pages = await uow.contents.pages_by_campaign([spring.id, autumn.id, backend.ids.new_id()], PageRequest(limit=1))
        second = await uow.contents.pages_by_campaign([spring.id], PageRequest(after=contents[0].id, limit=1))
        memberships = await uow.campaigns.campaigns_of([content.id for content in contents])
        in_spring = await uow.contents.list(ContentFilter(at=NOW, campaign_id=spring.id), PageRequest())
    spring_page, autumn_page, empty = pages.values()
    assert ([c.id for c in spring_page.items], spring_page.next_after) == ([contents[0].id], contents[0].id)
    assert ([c.id for c in autumn_page.items], autumn_page.next_after) == ([contents[0].id], None)
    assert (empty.items, empty.next_after) == ([], None)
    assert ([c.id for c in second[spring.id].items], second[spring.id].next_after) == ([contents[1].id], None)
    # Each content's campaigns come in creation order.
    assert [[c.fields.slug for c in memberships[content.id]] for content in contents] == [
        ["spring", "autumn"],
        ["spring"],
        [],
    ]
    assert [c.id for c in in_spring.items] == [contents[0].id, contents[1].id]
