"""Seed the ``demo`` tenant that ``make run`` shows: a roster, its ambassadors and their programme.

Everything is made through the use cases, as the people of the story would have made it, at
the instants the story gives (days before the seeding, see ``StoryClock``): the roster and the
memberships, the programme settings, two charter versions and who accepted them, three
campaigns, contents at every stage of their review (``app/demo/programme_story.py`` and the
stories it names), then the shares of two ambassadors, the clicks on their links and the
conversions that followed (``app/demo/sharing_story.py``), the rewards catalogue
(``app/demo/catalogue_story.py``), what the programme cost (``app/demo/cost_story.py``) and its training
(``app/demo/training_story.py``).
Camille, whose token ``make run`` prints, has accepted the charter and connected LinkedIn and X,
and has shared nothing yet: she can share at once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.demo.campaign_story import CAMPAIGNS, DemoCampaign
from app.demo.content_story import DemoContent
from app.demo.cost_story import tell_costs
from app.demo.notification_story import tell_notifications
from app.demo.programme_story import CHARTER, CONTENTS, SETTINGS, DemoCharterVersion
from app.demo.roster_import_story import tell_roster_import
from app.demo.scim_story import tell_scim
from app.demo.seed_catalogue import DemoCatalogueStory
from app.demo.seed_incidents import tell_incidents
from app.demo.seed_integrations import tell_integrations
from app.demo.seed_recall import DemoRecallStory
from app.demo.seed_recruiting import tell_recruiting
from app.demo.seed_sharing import DemoSharingStory
from app.demo.seed_space import tell_space
from app.demo.seed_surveys import tell_surveys
from app.demo.seed_training import tell_training
from app.demo.story_clock import StoryClock
from app.demo.use_cases import DemoPorts, DemoUseCases
from app.demo.webhook_story import tell_webhooks
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.domain.roster.employees import EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.reject_content import RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand

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
# Who chose to appear on boards besides every second member of the roster: Amelia, so the running
# challenge's board names someone; Léa, who earned the most, stays hidden.
ALSO_ON_BOARDS = frozenset({"amelia"})


@dataclass(frozen=True, slots=True)
class DemoTenant:
    tenant_id: UUID
    created: bool


class SeedDemo:
    """Idempotent: when the tenant exists nothing changes (a demo seeded by an older version keeps
    what it had). Memberships are made the way real ones are: staff invite, then the employee
    opts in themself (or never does); the admin reviews what the manager writes. Clicks are
    recorded through the redirect's ports."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, ports: DemoPorts) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._ports = ports

    async def __call__(self) -> DemoTenant:
        async with self._uow(None) as uow:
            existing = await uow.tenants.get_by_slug(DEMO_SLUG)
        if existing is not None:
            return DemoTenant(existing.id, created=False)
        story = StoryClock(self._clock.now())
        use_cases = DemoUseCases.build(self._uow, story, self._ids, self._ports)
        story.go_to(TENANT_CREATED)
        operator = Principal(tenant_id=None, subject="relais-demo-seed", roles=frozenset({Role.OPERATOR}))
        command = CreateTenantCommand(slug=DEMO_SLUG, name="Demo Company")
        tenant = await use_cases.roster.create_tenant(operator, command)
        told = _DemoStory(use_cases, story, tenant.id)
        await told.tell()
        await told.catalogue(self._uow, self._ids)
        await tell_costs(use_cases.metrics, story, told.admin)
        await tell_integrations(use_cases.integrations, story, told.admin)
        await tell_roster_import(use_cases.roster_imports, story, tenant.id, DEMO_DOMAIN)
        await tell_scim(use_cases.integrations, use_cases.scim, story, told.admin, DEMO_DOMAIN)
        await tell_notifications(use_cases.notifications, story, tenant.id, DEMO_DOMAIN)
        await tell_webhooks(use_cases.webhooks, story, told.admin)
        await tell_recruiting(use_cases, story, told.admin, DEMO_DOMAIN)
        await tell_training(use_cases.training, story, told.manager, told.member)
        await tell_incidents(use_cases.incidents, use_cases.sharing, story, tenant.id, DEMO_DOMAIN)
        await tell_surveys(use_cases.surveys, story, told.admin)
        await told.recall(self._uow, self._ids)
        await tell_space(use_cases.space, story, told.admin, told.member)
        return DemoTenant(tenant.id, created=True)


class _DemoStory:
    """The demo tenant's history, told in order through the use cases."""

    def __init__(self, use_cases: DemoUseCases, story: StoryClock, tenant_id: UUID) -> None:
        self._use_cases = use_cases
        self._roster = use_cases.roster
        self._programme = use_cases.programme
        self._content = use_cases.content
        self._story = story
        self._admin = Principal(tenant_id=tenant_id, subject=ADMIN_SUBJECT, email=ADMIN_EMAIL, roles=_roles(Role.ADMIN))
        self._manager = Principal(
            tenant_id=tenant_id, subject=MANAGER_SUBJECT, email=MANAGER_EMAIL, roles=_roles(Role.MANAGER)
        )

    async def tell(self) -> None:
        self._story.go_to(SETTINGS_SAVED)
        await self._programme.update_settings(self._admin, UpdateSettingsCommand(changes=SETTINGS))
        for index, person in enumerate(ROSTER):
            await self._enrol(index, person)
        for version in CHARTER:
            await self._publish(version)
        campaigns = {campaign.slug: await self._run_campaign(campaign) for campaign in CAMPAIGNS}
        contents = {content.key: await self._write(content, campaigns) for content in CONTENTS}
        sharing = DemoSharingStory(
            self._use_cases.sharing,
            self._use_cases.attribution,
            self._roster,
            self._story,
            tenant_id=self._admin.require_tenant(),
            members=lambda slug: self._member(PEOPLE[slug]),
            contents=contents,
        )
        await sharing.tell()

    async def catalogue(self, uow: UnitOfWorkFactory, ids: IdGenerator) -> None:
        """The rewards catalogue, once the shares are told (``app/demo/catalogue_story.py``)."""
        members = lambda slug: self._member(PEOPLE[slug])  # noqa: E731
        told = DemoCatalogueStory(
            self._use_cases.catalogue, uow, ids, self._story, manager=self._manager, admin=self._admin, members=members
        )
        await told.tell()

    async def recall(self, uow: UnitOfWorkFactory, ids: IdGenerator) -> None:
        """A job offer posted by two ambassadors, recalled (``app/demo/recall_story.py``)."""
        members = lambda slug: self._member(PEOPLE[slug])  # noqa: E731
        use_cases = self._use_cases
        await DemoRecallStory(
            programme=use_cases.programme,
            content=use_cases.content,
            sharing=use_cases.sharing,
            recall=use_cases.recall,
            uow=uow,
            ids=ids,
            story=self._story,
            admin=self._admin,
            members=members,
        ).tell()

    @property
    def admin(self) -> Principal:
        return self._admin

    @property
    def manager(self) -> Principal:
        return self._manager

    def member(self, slug: str) -> Principal:
        return self._member(PEOPLE[slug])

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
        employee = await self._roster.create_employee(self._admin, _profile(index, person))
        if person.journey == "roster":
            return
        self._story.go_to(INVITATIONS_SENT)
        await self._roster.invite_ambassador(self._admin, employee.id)
        if person.journey == "invited":
            return
        self._story.go_to(FIRST_OPT_IN + index / 2)
        await self._join(index, person)

    async def _join(self, index: int, person: DemoPerson) -> None:
        me = self._member(person)
        ambassador = await self._roster.opt_in(me)
        preferences = Preferences.parse(
            languages=[person.language],
            topics=["culture", "product"],
            max_shares_per_week=3,
            leaderboard_visible=index % 2 == 0 or person.slug in ALSO_ON_BOARDS,
        )
        await self._roster.set_preferences(me, preferences)
        handle = f"{person.slug}{person.family_name.lower()}"
        connect = self._roster.connect_social_account
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
            await self._roster.update_ambassador(self._admin, pause)
        elif person.journey == "left":
            self._story.go_to(LEFT)
            await self._roster.opt_out(me)

    # The charter

    async def _publish(self, version: DemoCharterVersion) -> None:
        """Publish the version, then let the ambassadors who read it accept it."""
        self._story.go_to(version.published)
        command = PublishCharterVersionCommand(title=version.title, body=version.body, summary=version.summary)
        published = await self._programme.publish_charter_version(self._admin, command)
        for day, slug in version.accepted_by:
            self._story.go_to(day)
            await self._programme.accept_charter(self._member(PEOPLE[slug]), published.number)

    # Campaigns and contents

    async def _run_campaign(self, campaign: DemoCampaign) -> UUID:
        self._story.go_to(campaign.created)
        created = await self._content.create_campaign(self._manager, campaign.fields(self._story.present))
        if campaign.launched is not None:
            self._story.go_to(campaign.launched)
            await self._content.launch_campaign(self._manager, CampaignTransitionCommand(campaign_id=created.id))
        return created.id

    async def _write(self, content: DemoContent, campaigns: dict[str, UUID]) -> UUID:
        """Write the content and put it in its campaigns, then take it through its review."""
        self._story.go_to(content.written)
        author = self._member(PEOPLE[content.proposed_by]) if content.proposed_by else self._manager
        command = CreateContentCommand(values=content.values(self._story.present), language=content.language)
        content_id = (await self._content.create_content(author, command)).id
        for slug in content.campaigns:
            entry = CampaignContentCommand(campaign_id=campaigns[slug], content_id=content_id)
            await self._content.add_content_to_campaign(self._manager, entry)
        await self._review(content, content_id)
        return content_id

    async def _review(self, content: DemoContent, content_id: UUID) -> None:
        if content.submitted is not None:
            self._story.go_to(content.submitted)
            await self._content.submit_content(self._manager, ContentTransitionCommand(content_id=content_id))
        if content.approved is not None:
            self._story.go_to(content.approved)
            await self._content.approve_content(self._admin, ApproveContentCommand(content_id=content_id))
        if content.rejected is not None:
            self._story.go_to(content.rejected)
            rejection = RejectContentCommand(content_id=content_id, reason=content.reason or "")
            await self._content.reject_content(self._admin, rejection)
        if content.archived is not None:
            self._story.go_to(content.archived)
            await self._content.archive_content(self._manager, ContentTransitionCommand(content_id=content_id))


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
