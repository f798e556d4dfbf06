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
from app.ports.content import CampaignFilter, ContentFilter
from app.ports.pagination import PageRequest
from app.services.content.approve_content import ApproveContent, ApproveContentCommand
from app.services.content.archive_campaign import ArchiveCampaign
from app.services.content.archive_content import ArchiveContent
from app.services.content.campaign_contents import (
    AddContentToCampaign,
    CampaignContentCommand,
    RemoveContentFromCampaign,
)
from app.services.content.create_campaign import CreateCampaign
from app.services.content.create_content import CreateContent, CreateContentCommand
from app.services.content.get_campaign import GetCampaign, ListCampaigns
from app.services.content.get_content import GetContent, GetContentHistory
from app.services.content.launch_campaign import CampaignTransitionCommand, LaunchCampaign
from app.services.content.list_contents import ListContents
from app.services.content.load_content import LoadCampaignContents, LoadCampaignsOfContents
from app.services.content.reject_content import RejectContent, RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand, SubmitContent
from app.services.content.update_campaign import UpdateCampaign, UpdateCampaignCommand
from app.services.content.update_content import UpdateContent, UpdateContentCommand
from app.services.programme.update_settings import UpdateSettings, UpdateSettingsCommand
from app.services.roster.create_tenant import CreateTenant, CreateTenantCommand
from app.services.roster.opt_out import OptOut
from tests.fakes import FakeUnitOfWorkFactory, FixedClock, SequentialIds
from tests.unit.test_services import NOW, OPERATOR, World

RULES = {"link_domains": [{"domain": "acme.example"}], "default_language": "fr", "weekly_content_budget": 2}


@pytest.fixture
async def programme() -> World:
    """Two tenants; the first allows links to acme.example, writes in French, and budgets two a week."""
    ids = SequentialIds()
    uow = FakeUnitOfWorkFactory(ids)
    clock = FixedClock(NOW)
    create = CreateTenant(uow, clock, ids)
    acme = await create(OPERATOR, CreateTenantCommand(slug="acme", name="Acme"))
    globex = await create(OPERATOR, CreateTenantCommand(slug="globex", name="Globex"))
    world = World(uow, clock, ids, acme, globex)
    await world.use(UpdateSettings)(world.admin, UpdateSettingsCommand(changes=RULES))
    return world


def manager(world: World, number: int = 1) -> Principal:
    return Principal(tenant_id=world.acme.id, subject=f"manager|{number}", roles=frozenset({Role.MANAGER}))


def text(**changes: Any) -> CreateContentCommand:
    return CreateContentCommand(values={"title": "Nous recrutons", "body": "Rejoignez-nous.", **changes})


async def draft(world: World, **changes: Any) -> Content:
    return await world.use(CreateContent)(manager(world), text(**changes))


async def approved(world: World, **changes: Any) -> Content:
    content = await draft(world, **changes)
    await world.use(SubmitContent)(manager(world), ContentTransitionCommand(content_id=content.id))
    return await world.use(ApproveContent)(world.staff(Role.MODERATOR), ApproveContentCommand(content_id=content.id))


async def stored(world: World, content_id: UUID) -> Content | None:
    async with world.uow(world.acme.id) as uow:
        return await uow.contents.get(content_id)


# --- writing content ------------------------------------------------------------------------


async def test_staff_write_drafts_in_the_programmes_default_language(programme: World) -> None:
    content = await draft(programme, link_url="https://ACME.example/jobs")
    assert content.status is ContentStatus.DRAFT
    assert content.fields.language == "fr"
    assert content.fields.link_url == "https://acme.example/jobs"
    assert await stored(programme, content.id) == content
    assert programme.events()[-1] == "settings.updated"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.MODERATOR, Role.INTEGRATOR])
async def test_other_roles_do_not_write_content(programme: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await programme.use(CreateContent)(programme.staff(role), text())


async def test_a_link_outside_the_allowed_domains_writes_nothing(programme: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await draft(programme, link_url="https://evil.example/")
    assert [error.loc for error in refused.value.errors] == [("link_url",)]
    async with programme.uow(programme.acme.id) as uow:
        assert (await uow.contents.list(ContentFilter(), PageRequest())).items == []


async def test_a_member_proposes_content_which_goes_to_review(programme: World) -> None:
    ada, _ = await programme.member("Ada")
    proposal = await programme.use(CreateContent)(ada, text())
    assert (proposal.status, proposal.proposed, proposal.created_by) == (ContentStatus.SUBMITTED, True, "idp|ada")
    assert programme.events()[-1] == "content.submitted"


async def test_only_members_propose(programme: World) -> None:
    with pytest.raises(EmployeeNotLinked):
        await programme.use(CreateContent)(programme.person("idp|nobody"), text())
    ada, _ = await programme.member("Ada")
    await programme.use(OptOut)(ada)
    with pytest.raises(NotAnAmbassador):
        await programme.use(CreateContent)(ada, text())


async def test_an_ambassador_reads_only_their_own_proposals(programme: World) -> None:
    ada, _ = await programme.member("Ada")
    grace, _ = await programme.member("Grace")
    mine = await programme.use(CreateContent)(ada, text())
    theirs = await programme.use(CreateContent)(grace, text())
    staff_draft = await draft(programme)

    listed = await programme.use(ListContents)(ada, ContentFilter(), PageRequest())
    assert [content.id for content in listed.items] == [mine.id]
    assert (await programme.use(GetContent)(ada, mine.id)).id == mine.id
    assert [line.action for line in await programme.use(GetContentHistory)(ada, mine.id)] == [ContentAction.PROPOSE]
    for other in (theirs.id, staff_draft.id):
        with pytest.raises(NotFound):
            await programme.use(GetContent)(ada, other)
    analyst = await programme.use(ListContents)(programme.staff(Role.ANALYST), ContentFilter(), PageRequest())
    assert len(analyst.items) == 3
    with pytest.raises(Forbidden):
        await programme.use(ListContents)(programme.staff(Role.INTEGRATOR), ContentFilter(), PageRequest())


async def test_the_list_reads_published_and_scheduled_content_at_the_clocks_instant(programme: World) -> None:
    live = await approved(programme)
    later = await approved(programme, publish_at=NOW + timedelta(days=1), shareable=False)

    async def ids(status: PublicStatus) -> list[UUID]:
        page = await programme.use(ListContents)(programme.admin, ContentFilter(status=status), PageRequest())
        return [content.id for content in page.items]

    assert (await ids(PublicStatus.PUBLISHED), await ids(PublicStatus.APPROVED)) == ([live.id], [later.id])
    programme.clock.advance(timedelta(days=1))
    assert await ids(PublicStatus.PUBLISHED) == [live.id, later.id]


async def test_an_invalid_language_filter_names_it(programme: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await programme.use(ListContents)(programme.admin, ContentFilter(language="not a tag"), PageRequest())
    assert refused.value.errors[0].loc == ("query", "language")


async def test_an_edit_guarded_by_a_stale_version_is_refused(programme: World) -> None:
    content = await draft(programme)
    update = programme.use(UpdateContent)
    await update(manager(programme), UpdateContentCommand(content_id=content.id, changes={"title": "v2"}))
    with pytest.raises(PreconditionFailed):
        await update(
            manager(programme), UpdateContentCommand(content_id=content.id, changes={"title": "v3"}, expected_version=1)
        )
    found = await stored(programme, content.id)
    assert found is not None
    assert (found.fields.title, found.version) == ("v2", 2)


# --- review ---------------------------------------------------------------------------------


async def test_review_roles(programme: World) -> None:
    content = await draft(programme)
    command = ContentTransitionCommand(content_id=content.id)
    with pytest.raises(Forbidden):
        await programme.use(SubmitContent)(programme.staff(Role.MODERATOR), command)
    await programme.use(SubmitContent)(manager(programme), command)
    with pytest.raises(Forbidden):
        await programme.use(ApproveContent)(programme.staff(Role.ANALYST), ApproveContentCommand(content_id=content.id))
    rejected = await programme.use(RejectContent)(
        programme.staff(Role.MODERATOR), RejectContentCommand(content_id=content.id, reason="Chiffres faux.")
    )
    assert rejected.status is ContentStatus.REJECTED
    history = await programme.use(GetContentHistory)(programme.staff(Role.ANALYST), content.id)
    assert [(line.action, line.actor, line.reason) for line in history] == [
        (ContentAction.CREATE, "manager|1", None),
        (ContentAction.SUBMIT, "manager|1", None),
        (ContentAction.REJECT, "staff|moderator", "Chiffres faux."),
    ]
    assert programme.events()[-2:] == ["content.submitted", "content.rejected"]


async def test_with_four_eyes_the_author_cannot_approve(programme: World) -> None:
    await programme.use(UpdateSettings)(programme.admin, UpdateSettingsCommand(changes={"four_eyes_review": True}))
    content = await draft(programme)
    await programme.use(SubmitContent)(manager(programme), ContentTransitionCommand(content_id=content.id))
    with pytest.raises(SelfApproval):
        await programme.use(ApproveContent)(manager(programme), ApproveContentCommand(content_id=content.id))
    assert (await stored(programme, content.id)).status is ContentStatus.IN_REVIEW  # type: ignore[union-attr]
    approved_by_other = await programme.use(ApproveContent)(
        manager(programme, 2), ApproveContentCommand(content_id=content.id)
    )
    assert approved_by_other.status is ContentStatus.APPROVED


async def test_the_cadence_stops_one_content_too_many_in_a_week(programme: World) -> None:
    first = await approved(programme, publish_at=NOW + timedelta(days=1))
    second = await approved(programme, publish_at=NOW + timedelta(days=3))
    elsewhere = await approved(
        programme, targeting=Targeting(departments=("Sales",)), publish_at=NOW + timedelta(days=20)
    )
    third = await draft(programme, publish_at=NOW + timedelta(days=5))
    await programme.use(SubmitContent)(manager(programme), ContentTransitionCommand(content_id=third.id))
    before = programme.events()

    with pytest.raises(CadenceExceeded) as refused:
        await programme.use(ApproveContent)(programme.staff(Role.MODERATOR), ApproveContentCommand(content_id=third.id))
    assert set(refused.value.conflicting) == {first.id, second.id}
    assert elsewhere.id not in refused.value.conflicting
    with pytest.raises(Forbidden):
        await programme.use(ApproveContent)(
            manager(programme), ApproveContentCommand(content_id=third.id, override_cadence=True)
        )
    assert programme.events() == before

    overridden = await programme.use(ApproveContent)(
        programme.admin, ApproveContentCommand(content_id=third.id, override_cadence=True)
    )
    assert overridden.status is ContentStatus.APPROVED
    last = (await programme.use(GetContentHistory)(programme.admin, third.id))[-1]
    assert (last.action, last.override_cadence) == (ContentAction.APPROVE, True)


async def test_the_cadence_counts_only_an_overlapping_audience(programme: World) -> None:
    sales = Targeting(departments=("Sales",))
    await approved(programme, targeting=sales)
    await approved(programme, targeting=sales)
    marketing = await approved(programme, targeting=Targeting(departments=("Marketing",)))
    assert marketing.status is ContentStatus.APPROVED


async def test_archived_content_is_frozen(programme: World) -> None:
    content = await approved(programme)
    await programme.use(ArchiveContent)(
        programme.staff(Role.MODERATOR), ContentTransitionCommand(content_id=content.id)
    )
    with pytest.raises(InvalidTransition) as refused:
        await programme.use(UpdateContent)(
            manager(programme), UpdateContentCommand(content_id=content.id, changes={"title": "Again"})
        )
    assert refused.value.current == "archived"
    assert programme.events()[-1] == "content.archived"


async def test_another_tenants_content_is_not_found(programme: World) -> None:
    content = await draft(programme)
    outsider = programme.staff(Role.ADMIN, tenant=programme.globex)
    with pytest.raises(NotFound):
        await programme.use(GetContent)(outsider, content.id)
    with pytest.raises(NotFound):
        await programme.use(SubmitContent)(outsider, ContentTransitionCommand(content_id=content.id))


# --- campaigns ------------------------------------------------------------------------------


def spring(**changes: Any) -> CampaignFields:
    values: dict[str, Any] = {"name": "Printemps", "slug": "printemps", "starts_at": NOW + timedelta(days=1)}
    return CampaignFields(**(values | changes))


async def test_a_campaign_is_drafted_launched_and_read_by_its_phase(programme: World) -> None:
    campaign = await programme.use(CreateCampaign)(manager(programme), spring())
    with pytest.raises(DuplicateValue):
        await programme.use(CreateCampaign)(manager(programme), spring(name="Other"))
    launched = await programme.use(LaunchCampaign)(
        manager(programme), CampaignTransitionCommand(campaign_id=campaign.id, expected_version=1)
    )
    assert launched.phase(NOW) is CampaignPhase.SCHEDULED
    assert programme.events()[-1] == "campaign.launched"

    async def listed(status: CampaignPhase) -> list[UUID]:
        page = await programme.use(ListCampaigns)(
            programme.staff(Role.ANALYST), CampaignFilter(status=status), PageRequest()
        )
        return [item.id for item in page.items]

    assert await listed(CampaignPhase.SCHEDULED) == [campaign.id]
    programme.clock.advance(timedelta(days=2))
    assert await listed(CampaignPhase.ACTIVE) == [campaign.id]
    with pytest.raises(Forbidden):
        await programme.use(GetCampaign)(programme.person("idp|ada"), campaign.id)


async def test_a_launched_campaign_keeps_its_slug_and_an_archived_one_everything(programme: World) -> None:
    campaign = await programme.use(CreateCampaign)(manager(programme), spring())
    await programme.use(LaunchCampaign)(manager(programme), CampaignTransitionCommand(campaign_id=campaign.id))
    update = programme.use(UpdateCampaign)
    with pytest.raises(ValidationFailed):
        await update(manager(programme), UpdateCampaignCommand(campaign_id=campaign.id, changes={"slug": "ete"}))
    renamed = await update(manager(programme), UpdateCampaignCommand(campaign_id=campaign.id, changes={"name": "Été"}))
    assert renamed.fields.name == "Été"
    await programme.use(ArchiveCampaign)(manager(programme), CampaignTransitionCommand(campaign_id=campaign.id))
    with pytest.raises(InvalidTransition):
        await update(manager(programme), UpdateCampaignCommand(campaign_id=campaign.id, changes={"name": "X"}))


async def test_contents_join_and_leave_campaigns(programme: World) -> None:
    first = await programme.use(CreateCampaign)(manager(programme), spring())
    second = await programme.use(CreateCampaign)(manager(programme), spring(slug="ete"))
    content, archived = await draft(programme), await draft(programme)
    await programme.use(ArchiveContent)(manager(programme), ContentTransitionCommand(content_id=archived.id))
    add, remove = programme.use(AddContentToCampaign), programme.use(RemoveContentFromCampaign)

    assert await add(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert not await add(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert await add(manager(programme), CampaignContentCommand(campaign_id=second.id, content_id=content.id))
    with pytest.raises(InvalidTransition):
        await add(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=archived.id))
    with pytest.raises(NotFound):
        await add(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=programme.ids.new_id()))

    analyst = programme.staff(Role.ANALYST)
    pages = await programme.use(LoadCampaignContents)(analyst, [first.id, second.id], PageRequest())
    assert [[c.id for c in page.items] for page in pages] == [[content.id], [content.id]]
    [campaigns] = await programme.use(LoadCampaignsOfContents)(analyst, [content.id])
    assert [c.id for c in campaigns] == [first.id, second.id]

    assert await remove(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    assert not await remove(manager(programme), CampaignContentCommand(campaign_id=first.id, content_id=content.id))
    listed = await programme.use(ListContents)(analyst, ContentFilter(campaign_id=second.id), PageRequest())
    assert [c.id for c in listed.items] == [content.id]
