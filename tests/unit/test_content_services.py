"""Content and campaign use cases on the in-memory fakes: roles, review, cadence, what is written."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.content.campaigns import CampaignFields, CampaignPhase
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentAction, ContentStatus, PublicStatus
from app.domain.content.targeting import Targeting
from app.domain.errors import (
    CadenceExceeded,
    DuplicateValue,
    EmployeeNotLinked,
    Forbidden,
    InvalidTransition,
    NotAnAmbassador,
    NotFound,
    PreconditionFailed,
    SelfApproval,
    ValidationFailed,
)
from app.domain.roster.identity import Principal, Role
from app.ports.campaigns import CampaignFilter
from app.ports.content import ContentFilter
from app.ports.pagination import PageRequest
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.campaign_contents import (
    CampaignContentCommand,
)
from app.services.content.create_content import CreateContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.reject_content import RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.content.update_campaign import UpdateCampaignCommand
from app.services.content.update_content import UpdateContentCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from tests.unit.world import NOW, World, two_tenants

RULES = {"link_domains": [{"domain": "acme.example"}], "default_language": "fr", "weekly_content_budget": 2}


@pytest.fixture
async def world() -> World:
    """Two tenants; the first allows links to acme.example, writes in French, and budgets two a week."""
    world = await two_tenants()
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes=RULES))
    return world


def manager(world: World, number: int = 1) -> Principal:
    return Principal(tenant_id=world.acme.id, subject=f"manager|{number}", roles=frozenset({Role.MANAGER}))


def text(**changes: Any) -> CreateContentCommand:
    return CreateContentCommand(values={"title": "Nous recrutons", "body": "Rejoignez-nous.", **changes})


async def draft(world: World, **changes: Any) -> Content:
    return await world.content.create_content(manager(world), text(**changes))


async def approved(world: World, **changes: Any) -> Content:
    content = await draft(world, **changes)
    await world.content.submit_content(manager(world), ContentTransitionCommand(content_id=content.id))
    return await world.content.approve_content(
        world.staff(Role.MODERATOR), ApproveContentCommand(content_id=content.id)
    )


async def stored(world: World, content_id: UUID) -> Content | None:
    async with world.uow(world.acme.id) as uow:
        return await uow.contents.get(content_id)


# --- writing content ------------------------------------------------------------------------


async def test_staff_write_drafts_in_the_programmes_default_language(world: World) -> None:
    content = await draft(world, link_url="https://ACME.example/jobs")
    assert content.status is ContentStatus.DRAFT
    assert content.fields.language == "fr"
    assert content.fields.link_url == "https://acme.example/jobs"
    assert await stored(world, content.id) == content
    assert world.events()[-1] == "settings.updated"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.MODERATOR, Role.INTEGRATOR])
async def test_other_roles_do_not_write_content(world: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await world.content.create_content(world.staff(role), text())


async def test_a_link_outside_the_allowed_domains_writes_nothing(world: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await draft(world, link_url="https://evil.example/")
    assert [error.loc for error in refused.value.errors] == [("link_url",)]
    async with world.uow(world.acme.id) as uow:
        assert (await uow.contents.list(ContentFilter(), PageRequest())).items == []


async def test_a_member_proposes_content_which_goes_to_review(world: World) -> None:
    ada, _ = await world.member("Ada")
    proposal = await world.content.create_content(ada, text())
    assert (proposal.status, proposal.proposed, proposal.created_by) == (ContentStatus.SUBMITTED, True, "idp|ada")
    assert world.events()[-1] == "content.submitted"


async def test_only_members_propose(world: World) -> None:
    with pytest.raises(EmployeeNotLinked):
        await world.content.create_content(world.person("idp|nobody"), text())
    ada, _ = await world.member("Ada")
    await world.roster.opt_out(ada)
    with pytest.raises(NotAnAmbassador):
        await world.content.create_content(ada, text())


async def test_an_ambassador_reads_only_their_own_proposals(world: World) -> None:
    ada, _ = await world.member("Ada")
    grace, _ = await world.member("Grace")
    mine = await world.content.create_content(ada, text())
    theirs = await world.content.create_content(grace, text())
    staff_draft = await draft(world)

    listed = await world.content.list_contents(ada, ContentFilter(), PageRequest())
    assert [content.id for content in listed.items] == [mine.id]
    assert (await world.content.get_content(ada, mine.id)).id == mine.id
    assert [line.action for line in await world.content.get_content_history(ada, mine.id)] == [ContentAction.PROPOSE]
    for other in (theirs.id, staff_draft.id):
        with pytest.raises(NotFound):
            await world.content.get_content(ada, other)
    analyst = await world.content.list_contents(world.staff(Role.ANALYST), ContentFilter(), PageRequest())
    assert len(analyst.items) == 3
    with pytest.raises(Forbidden):
        await world.content.list_contents(world.staff(Role.INTEGRATOR), ContentFilter(), PageRequest())


async def test_the_list_reads_published_and_scheduled_content_at_the_clocks_instant(world: World) -> None:
    live = await approved(world)
    later = await approved(world, publish_at=NOW + timedelta(days=1), shareable=False)

    async def ids(status: PublicStatus) -> list[UUID]:
        page = await world.content.list_contents(world.admin, ContentFilter(status=status), PageRequest())
        return [content.id for content in page.items]

    assert (await ids(PublicStatus.PUBLISHED), await ids(PublicStatus.APPROVED)) == ([live.id], [later.id])
    world.clock.advance(timedelta(days=1))
    assert await ids(PublicStatus.PUBLISHED) == [live.id, later.id]


async def test_an_invalid_language_filter_names_it(world: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await world.content.list_contents(world.admin, ContentFilter(language="not a tag"), PageRequest())
    assert refused.value.errors[0].loc == ("query", "language")


async def test_an_edit_guarded_by_a_stale_version_is_refused(world: World) -> None:
    content = await draft(world)
    update = world.content.update_content
    await update(manager(world), UpdateContentCommand(content_id=content.id, changes={"title": "v2"}))
    with pytest.raises(PreconditionFailed):
        await update(
            manager(world), UpdateContentCommand(content_id=content.id, changes={"title": "v3"}, expected_version=1)
        )
    found = await stored(world, content.id)
    assert found is not None
    assert (found.fields.title, found.version) == ("v2", 2)


# --- review ---------------------------------------------------------------------------------


async def test_review_roles(world: World) -> None:
    content = await draft(world)
    command = ContentTransitionCommand(content_id=content.id)
    with pytest.raises(Forbidden):
        await world.content.submit_content(world.staff(Role.MODERATOR), command)
    await world.content.submit_content(manager(world), command)
    with pytest.raises(Forbidden):
        await world.content.approve_content(world.staff(Role.ANALYST), ApproveContentCommand(content_id=content.id))
    rejected = await world.content.reject_content(
        world.staff(Role.MODERATOR), RejectContentCommand(content_id=content.id, reason="Chiffres faux.")
    )
    assert rejected.status is ContentStatus.REJECTED
    history = await world.content.get_content_history(world.staff(Role.ANALYST), content.id)
    assert [(line.action, line.actor, line.reason) for line in history] == [
        (ContentAction.CREATE, "manager|1", None),
        (ContentAction.SUBMIT, "manager|1", None),
        (ContentAction.REJECT, "staff|moderator", "Chiffres faux."),
    ]
    assert world.events()[-2:] == ["content.submitted", "content.rejected"]


async def test_with_four_eyes_the_author_cannot_approve(world: World) -> None:
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes={"four_eyes_review": True}))
    content = await draft(world)
    await world.content.submit_content(manager(world), ContentTransitionCommand(content_id=content.id))
    with pytest.raises(SelfApproval):
        await world.content.approve_content(manager(world), ApproveContentCommand(content_id=content.id))
    assert (await stored(world, content.id)).status is ContentStatus.IN_REVIEW  # type: ignore[union-attr]
    approved_by_other = await world.content.approve_content(
        manager(world, 2), ApproveContentCommand(content_id=content.id)
    )
    assert approved_by_other.status is ContentStatus.APPROVED


async def test_the_cadence_stops_one_content_too_many_in_a_week(world: World) -> None:
    first = await approved(world, publish_at=NOW + timedelta(days=1))
    second = await approved(world, publish_at=NOW + timedelta(days=3))
    elsewhere = await approved(world, targeting=Targeting(departments=("Sales",)), publish_at=NOW + timedelta(days=20))
    third = await draft(world, publish_at=NOW + timedelta(days=5))
    await world.content.submit_content(manager(world), ContentTransitionCommand(content_id=third.id))
    before = world.events()

    with pytest.raises(CadenceExceeded) as refused:
        await world.content.approve_content(world.staff(Role.MODERATOR), ApproveContentCommand(content_id=third.id))
    assert set(refused.value.conflicting) == {first.id, second.id}
    assert elsewhere.id not in refused.value.conflicting
    with pytest.raises(Forbidden):
        await world.content.approve_content(
            manager(world), ApproveContentCommand(content_id=third.id, override_cadence=True)
        )
    assert world.events() == before

    overridden = await world.content.approve_content(
        world.admin, ApproveContentCommand(content_id=third.id, override_cadence=True)
    )
    assert overridden.status is ContentStatus.APPROVED
    last = (await world.content.get_content_history(world.admin, third.id))[-1]
    assert (last.action, last.override_cadence) == (ContentAction.APPROVE, True)


async def test_the_cadence_counts_only_an_overlapping_audience(world: World) -> None:
    sales = Targeting(departments=("Sales",))
    await approved(world, targeting=sales)
    await approved(world, targeting=sales)
    marketing = await approved(world, targeting=Targeting(departments=("Marketing",)))
    assert marketing.status is ContentStatus.APPROVED


async def test_archived_content_is_frozen(world: World) -> None:
    content = await approved(world)
    await world.content.archive_content(world.staff(Role.MODERATOR), ContentTransitionCommand(content_id=content.id))
    with pytest.raises(InvalidTransition) as refused:
        await world.content.update_content(
            manager(world), UpdateContentCommand(content_id=content.id, changes={"title": "Again"})
        )
    assert refused.value.current == "archived"
    assert world.events()[-1] == "content.archived"


async def test_another_tenants_content_is_not_found(world: World) -> None:
    content = await draft(world)
    outsider = world.staff(Role.ADMIN, tenant=world.globex)
    with pytest.raises(NotFound):
        await world.content.get_content(outsider, content.id)
    with pytest.raises(NotFound):
        await world.content.submit_content(outsider, ContentTransitionCommand(content_id=content.id))


# --- campaigns ------------------------------------------------------------------------------


def spring(**changes: Any) -> CampaignFields:
    values: dict[str, Any] = {"name": "Printemps", "slug": "printemps", "starts_at": NOW + timedelta(days=1)}
    return CampaignFields(**(values | changes))


async def test_a_campaign_is_drafted_launched_and_read_by_its_phase(world: World) -> None:
    campaign = await world.content.create_campaign(manager(world), spring())
    with pytest.raises(DuplicateValue):
        await world.content.create_campaign(manager(world), spring(name="Other"))
    launched = await world.content.launch_campaign(
        manager(world), CampaignTransitionCommand(campaign_id=campaign.id, expected_version=1)
    )
    assert launched.phase(NOW) is CampaignPhase.SCHEDULED
    assert world.events()[-1] == "campaign.launched"

    async def listed(status: CampaignPhase) -> list[UUID]:
        page = await world.content.list_campaigns(
            world.staff(Role.ANALYST), CampaignFilter(status=status), PageRequest()
        )
        return [item.id for item in page.items]

    assert await listed(CampaignPhase.SCHEDULED) == [campaign.id]
    world.clock.advance(timedelta(days=2))
    assert await listed(CampaignPhase.ACTIVE) == [campaign.id]
    with pytest.raises(Forbidden):
        await world.content.get_campaign(world.person("idp|ada"), campaign.id)


async def test_a_launched_campaign_keeps_its_slug_and_an_archived_one_everything(world: World) -> None:
    campaign = await world.content.create_campaign(manager(world), spring())
    await world.content.launch_campaign(manager(world), CampaignTransitionCommand(campaign_id=campaign.id))
    update = world.content.update_campaign
    with pytest.raises(ValidationFailed):
        await update(manager(world), UpdateCampaignCommand(campaign_id=campaign.id, changes={"slug": "ete"}))
    renamed = await update(manager(world), UpdateCampaignCommand(campaign_id=campaign.id, changes={"name": "Été"}))
    assert renamed.fields.name == "Été"
    await world.content.archive_campaign(manager(world), CampaignTransitionCommand(campaign_id=campaign.id))
    with pytest.raises(InvalidTransition):
        await update(manager(world), UpdateCampaignCommand(campaign_id=campaign.id, changes={"name": "X"}))


async def test_contents_join_and_leave_campaigns(world: World) -> None:
    first = await world.content.create_campaign(manager(world), spring())
    second = await world.content.create_campaign(manager(world), spring(slug="ete"))
    content, archived = await draft(world), await draft(world)
    await world.content.archive_content(manager(world), ContentTransitionCommand(content_id=archived.id))
    add, remove = world.content.add_content_to_campaign, world.content.remove_content_from_campaign

    assert await add(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert not await add(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert await add(manager(world), CampaignContentCommand(campaign_id=second.id, content_id=content.id))
    with pytest.raises(InvalidTransition):
        await add(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=archived.id))
    with pytest.raises(NotFound):
        await add(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=world.ids.new_id()))

    analyst = world.staff(Role.ANALYST)
    pages = await world.content.load_campaign_contents(analyst, [first.id, second.id], PageRequest())
    assert [[c.id for c in page.items] for page in pages] == [[content.id], [content.id]]
    [campaigns] = await world.content.load_campaigns_of_contents(analyst, [content.id])
    assert [c.id for c in campaigns] == [first.id, second.id]

    assert await remove(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert not await remove(manager(world), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    listed = await world.content.list_contents(analyst, ContentFilter(campaign_id=second.id), PageRequest())
    assert [c.id for c in listed.items] == [content.id]
