"""Two tenants on one in-memory database, and every use case wired to it by the composition root.

The fakes go through ``build_services``, the function the application is built with, so a use case
added to a capability's builder is here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cryptography.fernet import Fernet

from app.adapters.bots import CrawlerDetectBotDetector
from app.adapters.webhooks.credentials import StandardWebhookCredentials
from app.adapters.webhooks.outgoing import StandardWebhookSigner
from app.adapters.webhooks.secret_box import FernetSecretBox
from app.api.runtime import Services
from app.bootstrap.api import build_services
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.domain.roster.tenants import Tenant
from app.services.attribution import AttributionUseCases
from app.services.community.incidents import IncidentsUseCases
from app.services.community.recall import RecallUseCases
from app.services.community.space import SpaceUseCases
from app.services.community.surveys import SurveysUseCases
from app.services.community.training import TrainingUseCases
from app.services.content import ContentUseCases
from app.services.integrations import IntegrationsUseCases
from app.services.programme import ProgrammeUseCases
from app.services.rewards import RewardsUseCases
from app.services.rewards.catalogue_use_cases import CatalogueUseCases
from app.services.roster import RosterUseCases
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.sharing import SharingUseCases
from app.services.webhooks.ports import WebhookPorts
from tests.fake_events import FakeParkedEvents
from tests.fake_feed import FakeFeedReader
from tests.fake_live_updates import FakeLiveListener
from tests.fake_metric_exports import FakeMetricExports
from tests.fake_metrics import FakeMetricsReader
from tests.fake_notifications import (
    FakeDeviceRegistry,
    FakeNotificationPreferencesStore,
    FakeNotificationStore,
    NotificationRows,
)
from tests.fake_recognition import FakeCampaignProgressReader, FakeLeaderboardReader
from tests.fake_redirect import FakeClickRecorder
from tests.fake_roster_imports import FakeRosterImportStore
from tests.fake_sharing import FakeShareFiguresReader, FakeVisitorSaltStore
from tests.fake_webhooks import FakeResolver, FakeWebhookDeliveries, FakeWebhookEndpoints
from tests.fakes import FakeUnitOfWorkFactory, FixedClock, SequentialIds

NOW = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
OPERATOR = Principal(tenant_id=None, subject="platform|ops", roles=frozenset({Role.OPERATOR}))
BASE_URL = "https://relais.example"


@dataclass
class World:
    """Two tenants on one fake database, and the use cases wired to it."""

    uow: FakeUnitOfWorkFactory
    clock: FixedClock
    ids: SequentialIds
    salts: FakeVisitorSaltStore
    clicks: FakeClickRecorder
    services: Services
    acme: Tenant
    globex: Tenant
    # The notification fakes' rows (inbox, devices, preferences, the events the fan-out wrote).
    notices: NotificationRows = field(default_factory=NotificationRows)

    @property
    def roster(self) -> RosterUseCases:
        return self.services.roster

    @property
    def programme(self) -> ProgrammeUseCases:
        return self.services.programme

    @property
    def content(self) -> ContentUseCases:
        return self.services.content

    @property
    def sharing(self) -> SharingUseCases:
        return self.services.sharing

    @property
    def attribution(self) -> AttributionUseCases:
        return self.services.attribution

    @property
    def rewards(self) -> RewardsUseCases:
        return self.services.rewards

    @property
    def catalogue(self) -> CatalogueUseCases:
        return self.services.catalogue

    @property
    def training(self) -> TrainingUseCases:
        return self.services.training

    @property
    def integrations(self) -> IntegrationsUseCases:
        return self.services.integrations

    @property
    def incidents(self) -> IncidentsUseCases:
        return self.services.incidents

    @property
    def surveys(self) -> SurveysUseCases:
        return self.services.surveys

    @property
    def recall(self) -> RecallUseCases:
        return self.services.recall

    @property
    def space(self) -> SpaceUseCases:
        return self.services.space

    def staff(self, *roles: Role, tenant: Tenant | None = None) -> Principal:
        tenant_id = (tenant or self.acme).id
        return Principal(tenant_id=tenant_id, subject=f"staff|{'-'.join(roles)}", roles=frozenset(roles))

    @property
    def admin(self) -> Principal:
        return self.staff(Role.ADMIN)

    def person(
        self, subject: str, email: str | None = None, *, verified: bool = True, tenant: Tenant | None = None
    ) -> Principal:
        return Principal(
            tenant_id=(tenant or self.acme).id,
            subject=subject,
            email=email,
            email_verified=verified,
            roles=frozenset({Role.AMBASSADOR}),
        )

    async def hire(self, given_name: str = "Ada", *, tenant: Tenant | None = None, **profile: Any) -> Employee:
        fields: dict[str, Any] = {
            "email": f"{given_name.lower()}@acme.example",
            "given_name": given_name,
            "family_name": "Doe",
        } | profile
        return await self.roster.create_employee(self.staff(Role.ADMIN, tenant=tenant), EmployeeProfile(**fields))

    async def member(self, given_name: str = "Ada", **profile: Any) -> tuple[Principal, Ambassador]:
        """An employee linked to their token who has opted in."""
        subject = f"idp|{given_name.lower()}"
        await self.hire(given_name, idp_subject=subject, **profile)
        principal = self.person(subject)
        return principal, await self.roster.opt_in(principal)

    async def employee(self, employee_id: UUID, tenant: Tenant | None = None) -> Employee | None:
        async with self.uow((tenant or self.acme).id) as uow:
            return await uow.employees.get(employee_id)

    async def membership_of(self, employee_id: UUID) -> Ambassador | None:
        async with self.uow(self.acme.id) as uow:
            return await uow.ambassadors.get_by_employee(employee_id)

    def events(self) -> list[str]:
        return [record.type.value for record in self.uow.outbox]


def fake_webhook_ports(clock: FixedClock, ids: SequentialIds) -> WebhookPorts:
    endpoints = FakeWebhookEndpoints()
    return WebhookPorts(
        endpoints=endpoints,
        deliveries=FakeWebhookDeliveries(endpoints, ids),
        resolver=FakeResolver(
            {"hooks.example.com": ["93.184.215.14", "2606:4700::1111"], "rebound.example.com": ["10.0.0.7"]}
        ),
        signer=StandardWebhookSigner(),
        box=FernetSecretBox([Fernet.generate_key().decode()]),
        clock=clock,
        ids=ids,
        allowed_hosts=("receiver.test",),
    )


async def two_tenants() -> World:
    """Acme and Globex, created by the platform operator at ``NOW``."""
    ids = SequentialIds()
    uow = FakeUnitOfWorkFactory(ids)
    clock = FixedClock(NOW)
    salts, clicks = FakeVisitorSaltStore(), FakeClickRecorder()
    notices = NotificationRows()
    services = build_services(
        uow,
        clock,
        ids,
        feed=FakeFeedReader(uow.database),
        salts=salts,
        bots=CrawlerDetectBotDetector(),
        clicks=clicks,
        figures=FakeShareFiguresReader(uow.database),
        parked=FakeParkedEvents(),
        boards=FakeLeaderboardReader(uow.database),
        progress=FakeCampaignProgressReader(uow.database),
        metrics=FakeMetricsReader(uow.database),
        exports=FakeMetricExports(uow.database),
        roster_imports=FakeRosterImportStore(uow.database, ids),
        notifications=FakeNotificationStore(uow.database, ids, notices),
        devices=FakeDeviceRegistry(notices),
        notification_preferences=FakeNotificationPreferencesStore(notices),
        public_base_url=BASE_URL,
        credentials=StandardWebhookCredentials(),
        box=FernetSecretBox([Fernet.generate_key().decode()]),
        listener=FakeLiveListener(),
        webhooks=fake_webhook_ports(clock, ids),
    )
    create = services.roster.create_tenant
    acme = await create(OPERATOR, CreateTenantCommand(slug="acme", name="Acme"))
    globex = await create(OPERATOR, CreateTenantCommand(slug="globex", name="Globex"))
    return World(uow, clock, ids, salts, clicks, services, acme, globex, notices)


def new_events(world: World, before: list[str]) -> list[str]:
    after = world.events()
    assert after[: len(before)] == before
    return after[len(before) :]
