"""Seed the ``demo`` tenant that ``make run`` shows: a small roster and a few ambassadors."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.ambassadors import MembershipStatus, Preferences
from app.domain.employees import EmployeeProfile
from app.domain.identity import Principal, Role
from app.domain.networks import Network
from app.services.base import UseCase
from app.services.create_employee import CreateEmployee
from app.services.create_tenant import CreateTenant, CreateTenantCommand
from app.services.invite_ambassador import InviteAmbassador
from app.services.manage_social_accounts import ConnectSocialAccount, ConnectSocialAccountCommand
from app.services.opt_in import OptIn
from app.services.opt_out import OptOut
from app.services.set_preferences import SetPreferences
from app.services.update_ambassador import UpdateAmbassador, UpdateAmbassadorCommand

DEMO_SLUG = "demo"
DEMO_DOMAIN = "demo.relais.example"
ADMIN_SUBJECT = "demo|admin"
ADMIN_EMAIL = f"admin@{DEMO_DOMAIN}"


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


@dataclass(frozen=True, slots=True)
class DemoTenant:
    tenant_id: UUID
    created: bool


class SeedDemo(UseCase):
    """Idempotent: when the tenant exists nothing changes. Memberships are made the way real
    ones are: staff invite, then the employee opts in themself (or never does)."""

    async def __call__(self) -> DemoTenant:
        async with self._uow(None) as uow:
            existing = await uow.tenants.get_by_slug(DEMO_SLUG)
        if existing is not None:
            return DemoTenant(existing.id, created=False)
        ports = (self._uow, self._clock, self._ids)
        operator = Principal(tenant_id=None, subject="relais-demo-seed", roles=frozenset({Role.OPERATOR}))
        tenant = await CreateTenant(*ports)(operator, CreateTenantCommand(slug=DEMO_SLUG, name="Demo Company"))
        admin = Principal(tenant_id=tenant.id, subject=ADMIN_SUBJECT, email=ADMIN_EMAIL, roles=frozenset({Role.ADMIN}))
        for index, person in enumerate(ROSTER):
            await self._enrol(admin, index, person)
        return DemoTenant(tenant.id, created=True)

    async def _enrol(self, admin: Principal, index: int, person: DemoPerson) -> None:
        ports = (self._uow, self._clock, self._ids)
        profile = EmployeeProfile(
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
        employee = await CreateEmployee(*ports)(admin, profile)
        if person.journey == "roster":
            return
        await InviteAmbassador(*ports)(admin, employee.id)
        if person.journey == "invited":
            return
        me = Principal(
            tenant_id=admin.tenant_id,
            subject=person.subject,
            email=person.email,
            email_verified=True,
            roles=frozenset({Role.AMBASSADOR}),
        )
        ambassador = await OptIn(*ports)(me)
        preferences = Preferences.parse(
            languages=[person.language],
            topics=["culture", "product"],
            max_shares_per_week=3,
            leaderboard_visible=index % 2 == 0,
        )
        await SetPreferences(*ports)(me, preferences)
        handle = f"{person.slug}{person.family_name.lower()}"
        connect = ConnectSocialAccount(*ports)
        await connect(
            me, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle=handle, audience_size=480 + 97 * index)
        )
        if index % 2 == 0:
            await connect(
                me, ConnectSocialAccountCommand(network=Network.X, handle=f"@{handle}", audience_size=150 + 31 * index)
            )
        if person.journey == "paused":
            pause = UpdateAmbassadorCommand(ambassador_id=ambassador.id, status=MembershipStatus.PAUSED)
            await UpdateAmbassador(*ports)(admin, pause)
        elif person.journey == "left":
            await OptOut(*ports)(me)
