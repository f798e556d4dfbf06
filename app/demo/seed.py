"""Seed the ``demo`` tenant that ``make run`` shows: a roster, its ambassadors and their programme.

Everything is made through the use cases, as the people of the story would have made it, at
the instants the story gives (days before the seeding, see ``StoryClock``): the roster and the
memberships, the programme settings, two charter versions and who accepted them, three
campaigns, contents at every stage of their review (``app/demo/programme_story.py``), then
the shares of two ambassadors, the clicks on their links and the conversions that followed
(``app/demo/sharing_story.py``). Camille, whose token ``make run`` prints, has accepted the
charter and connected LinkedIn and X, and has shared nothing yet: she can share at once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.demo.programme_story import (
    CAMPAIGNS,
    CHARTER,
    CONTENTS,
    SETTINGS,
    DemoCampaign,
    DemoCharterVersion,
    DemoContent,
)
from app.demo.seed_sharing import DemoSharingPorts, DemoSharingStory
from app.demo.story_clock import StoryClock
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.domain.roster.employees import EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.content.approve_content import ApproveContent, ApproveContentCommand
from app.services.content.archive_content import ArchiveContent
from app.services.content.campaign_contents import AddContentToCampaign, CampaignContentCommand
from app.services.content.create_campaign import CreateCampaign
from app.services.content.create_content import CreateContent, CreateContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand, LaunchCampaign
from app.services.content.reject_content import RejectContent, RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand, SubmitContent
from app.services.programme.accept_charter import AcceptCharter
from app.services.programme.publish_charter_version import PublishCharterVersion, PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettings, UpdateSettingsCommand
from app.services.roster.create_employee import CreateEmployee
from app.services.roster.create_tenant import CreateTenant, CreateTenantCommand
from app.services.roster.invite_ambassador import InviteAmbassador
from app.services.roster.manage_social_accounts import ConnectSocialAccount, ConnectSocialAccountCommand
from app.services.roster.opt_in import OptIn
from app.services.roster.opt_out import OptOut
from app.services.roster.set_preferences import SetPreferences
from app.services.roster.update_ambassador import UpdateAmbassador, UpdateAmbassadorCommand

DEMO_SLUG = "demo"
DEMO_DOMAIN = "demo.relais.example"
ADMIN_SUBJECT = "demo|admin"
ADMIN_EMAIL = f"admin@{DEMO_DOMAIN}"
# The programme manager who writes the contents and runs the campaigns (the admin reviews them).
MANAGER_SUBJECT = "demo|manager"
MANAGER_EMAIL = f"manager@{DEMO_DOMAIN}"

# When things happened, in days from the seeding.
TENANT_CREATED = -72.0
SETTINGS_SAVED = -71.0
ROSTER_IMPORTED = -70.0
INVITATIONS_SENT = -66.0
FIRST_OPT_IN = -65.0
LEFT = -25.0
PAUSED = -20.0


@dataclass(frozen=True, slots=True)
class DemoPerson:
    given_name: str
    family_name: str
    department: str
    location: str
    language: str
    journey: str  # roster | invited | ambassador | paused | left

    @property
    def slug(self) -> str:
        return unicodedata.normalize("NFKD", self.given_name).encode("ascii", "ignore").decode().lower()

    @property
    def email(self) -> str:
        return f"{self.slug}.{self.family_name.lower()}@{DEMO_DOMAIN}"

    @property
    def subject(self) -> str:
        return f"demo|{self.slug}"


ROSTER = (
    DemoPerson("Camille", "Martin", "Marketing", "Paris", "fr", "ambassador"),
    DemoPerson("Léa", "Bernard", "Sales", "Lyon", "fr", "ambassador"),
    DemoPerson("Hugo", "Dubois", "Engineering", "Paris", "fr", "ambassador"),
    DemoPerson("Amelia", "Clarke", "Sales", "London", "en-GB", "ambassador"),
    DemoPerson("Noah", "Schmidt", "Engineering", "Berlin", "de", "paused"),
    DemoPerson("Inès", "Moreau", "People", "Paris", "fr", "invited"),
    DemoPerson("Oliver", "Hughes", "Marketing", "London", "en-GB", "invited"),
    DemoPerson("Sofia", "Rossi", "Customer Success", "Milan", "it", "roster"),
    DemoPerson("Lucas", "Petit", "Finance", "Lyon", "fr", "roster"),
    DemoPerson("Emma", "Fischer", "People", "Berlin", "de", "roster"),
    DemoPerson("Jules", "Laurent", "Engineering", "Paris", "fr", "roster"),
    DemoPerson("Grace", "Evans", "Customer Success", "London", "en-GB", "left"),
)
DEMO_AMBASSADOR = ROSTER[0]
PEOPLE = {person.slug: person for person in ROSTER}
# Who connects X besides every second member of the roster (Amelia shares there).
ALSO_ON_X = frozenset({"amelia"})


@dataclass(frozen=True, slots=True)
class DemoTenant:
    tenant_id: UUID
    created: bool


class SeedDemo(UseCase):
    """Idempotent: when the tenant exists nothing changes (a demo seeded by an older version keeps
    what it had). Memberships are made the way real ones are: staff invite, then the employee
    opts in themself (or never does); the admin reviews what the manager writes. Clicks are
    recorded through the redirect's ports, ``sharing``."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, sharing: DemoSharingPorts) -> None:
        super().__init__(uow, clock, ids)
        self._sharing = sharing

    async def __call__(self) -> DemoTenant:
        async with self._uow(None) as uow:
            existing = await uow.tenants.get_by_slug(DEMO_SLUG)
        if existing is not None:
            return DemoTenant(existing.id, created=False)
        story = StoryClock(self._clock.now())
        story.go_to(TENANT_CREATED)
        operator = Principal(tenant_id=None, subject="relais-demo-seed", roles=frozenset({Role.OPERATOR}))
        command = CreateTenantCommand(slug=DEMO_SLUG, name="Demo Company")
        tenant = await CreateTenant(self._uow, story, self._ids)(operator, command)
        await _DemoStory(self._uow, story, self._ids, tenant.id, self._sharing).tell()
        return DemoTenant(tenant.id, created=True)


class _DemoStory(UseCase):
    """The demo tenant's history, told in order through the use cases."""

    def __init__(
        self, uow: UnitOfWorkFactory, story: StoryClock, ids: IdGenerator, tenant_id: UUID, sharing: DemoSharingPorts
    ) -> None:
        super().__init__(uow, story, ids)
        self._story = story
        self._sharing = sharing
        self._admin = Principal(tenant_id=tenant_id, subject=ADMIN_SUBJECT, email=ADMIN_EMAIL, roles=_roles(Role.ADMIN))
        self._manager = Principal(
            tenant_id=tenant_id, subject=MANAGER_SUBJECT, email=MANAGER_EMAIL, roles=_roles(Role.MANAGER)
        )

    @property
    def _ports(self) -> tuple[UnitOfWorkFactory, StoryClock, IdGenerator]:
        return self._uow, self._story, self._ids

    async def tell(self) -> None:
        self._story.go_to(SETTINGS_SAVED)
        await UpdateSettings(*self._ports)(self._admin, UpdateSettingsCommand(changes=SETTINGS))
        for index, person in enumerate(ROSTER):
            await self._enrol(index, person)
        for version in CHARTER:
            await self._publish(version)
        campaigns = {campaign.slug: await self._run_campaign(campaign) for campaign in CAMPAIGNS}
        contents = {content.key: await self._write(content, campaigns) for content in CONTENTS}
        sharing = DemoSharingStory(
            *self._ports,
            self._sharing,
            tenant_id=self._admin.require_tenant(),
            members=lambda slug: self._member(PEOPLE[slug]),
            contents=contents,
        )
        await sharing.tell()

    def _member(self, person: DemoPerson) -> Principal:
        return Principal(
            tenant_id=self._admin.tenant_id,
            subject=person.subject,
            email=person.email,
            email_verified=True,
            roles=_roles(Role.AMBASSADOR),
        )

    # The roster and its ambassadors

    async def _enrol(self, index: int, person: DemoPerson) -> None:
        self._story.go_to(ROSTER_IMPORTED)
        employee = await CreateEmployee(*self._ports)(self._admin, _profile(index, person))
        if person.journey == "roster":
            return
        self._story.go_to(INVITATIONS_SENT)
        await InviteAmbassador(*self._ports)(self._admin, employee.id)
        if person.journey == "invited":
            return
        self._story.go_to(FIRST_OPT_IN + index / 2)
        await self._join(index, person)

    async def _join(self, index: int, person: DemoPerson) -> None:
        me = self._member(person)
        ambassador = await OptIn(*self._ports)(me)
        preferences = Preferences.parse(
            languages=[person.language],
            topics=["culture", "product"],
            max_shares_per_week=3,
            leaderboard_visible=index % 2 == 0,
        )
        await SetPreferences(*self._ports)(me, preferences)
        handle = f"{person.slug}{person.family_name.lower()}"
        connect = ConnectSocialAccount(*self._ports)
        await connect(
            me, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle=handle, audience_size=480 + 97 * index)
        )
        if index % 2 == 0 or person.slug in ALSO_ON_X:
            await connect(
                me, ConnectSocialAccountCommand(network=Network.X, handle=f"@{handle}", audience_size=150 + 31 * index)
            )
        if person.journey == "paused":
            self._story.go_to(PAUSED)
            pause = UpdateAmbassadorCommand(ambassador_id=ambassador.id, status=MembershipStatus.PAUSED)
            await UpdateAmbassador(*self._ports)(self._admin, pause)
        elif person.journey == "left":
            self._story.go_to(LEFT)
            await OptOut(*self._ports)(me)

    # The charter

    async def _publish(self, version: DemoCharterVersion) -> None:
        """Publish the version, then let the ambassadors who read it accept it."""
        self._story.go_to(version.published)
        command = PublishCharterVersionCommand(title=version.title, body=version.body, summary=version.summary)
        published = await PublishCharterVersion(*self._ports)(self._admin, command)
        for day, slug in version.accepted_by:
            self._story.go_to(day)
            await AcceptCharter(*self._ports)(self._member(PEOPLE[slug]), published.number)

    # Campaigns and contents

    async def _run_campaign(self, campaign: DemoCampaign) -> UUID:
        self._story.go_to(campaign.created)
        created = await CreateCampaign(*self._ports)(self._manager, campaign.fields(self._story.present))
        if campaign.launched is not None:
            self._story.go_to(campaign.launched)
            await LaunchCampaign(*self._ports)(self._manager, CampaignTransitionCommand(campaign_id=created.id))
        return created.id

    async def _write(self, content: DemoContent, campaigns: dict[str, UUID]) -> UUID:
        """Write the content and put it in its campaigns, then take it through its review."""
        self._story.go_to(content.written)
        author = self._member(PEOPLE[content.proposed_by]) if content.proposed_by else self._manager
        command = CreateContentCommand(values=content.values(self._story.present), language=content.language)
        content_id = (await CreateContent(*self._ports)(author, command)).id
        for slug in content.campaigns:
            entry = CampaignContentCommand(campaign_id=campaigns[slug], content_id=content_id)
            await AddContentToCampaign(*self._ports)(self._manager, entry)
        await self._review(content, content_id)
        return content_id

    async def _review(self, content: DemoContent, content_id: UUID) -> None:
        if content.submitted is not None:
            self._story.go_to(content.submitted)
            await SubmitContent(*self._ports)(self._manager, ContentTransitionCommand(content_id=content_id))
        if content.approved is not None:
            self._story.go_to(content.approved)
            await ApproveContent(*self._ports)(self._admin, ApproveContentCommand(content_id=content_id))
        if content.rejected is not None:
            self._story.go_to(content.rejected)
            rejection = RejectContentCommand(content_id=content_id, reason=content.reason or "")
            await RejectContent(*self._ports)(self._admin, rejection)
        if content.archived is not None:
            self._story.go_to(content.archived)
            await ArchiveContent(*self._ports)(self._manager, ContentTransitionCommand(content_id=content_id))


def _roles(role: Role) -> frozenset[Role]:
    return frozenset({role})


def _profile(index: int, person: DemoPerson) -> EmployeeProfile:
    return EmployeeProfile(
        email=person.email,
        given_name=person.given_name,
        family_name=person.family_name,
        external_id=f"HR-{1001 + index}",
        department=person.department,
        location=person.location,
        language=person.language,
        idp_subject=person.subject,
        hired_on=date(2019 + index % 6, 1 + index % 12, 1),
    )
