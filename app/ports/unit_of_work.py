"""The unit of work: one transaction per use case, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from app.ports.attribution import ConversionRepository, TouchRepository
from app.ports.campaigns import CampaignRepository
from app.ports.community_incidents import IncidentRepository
from app.ports.community_recall import TakeDownRepository
from app.ports.community_recruiting import RecruitingRepository
from app.ports.community_space import SpaceRepository
from app.ports.community_surveys import IdeaRepository, SurveyRepository
from app.ports.community_training import TrainingModuleRepository, TrainingProgressRepository
from app.ports.content import ContentRepository
from app.ports.events import HandledEvents
from app.ports.integrations import DeliveryLog, IntegrationRepository, RosterKeys
from app.ports.integrations_scim import ScimGroups, ScimLinks
from app.ports.live_updates import LivePublisher
from app.ports.metrics import AudienceHistory, ProgrammeCostRepository
from app.ports.outbox import Outbox
from app.ports.programme import CharterRepository, ProgrammeSettingsRepository
from app.ports.recognition import RecognitionStore
from app.ports.rewards import PointsLedger, RewardFacts, RewardRuleSets
from app.ports.rewards_catalogue import (
    AssociationRepository,
    DonationRepository,
    KudosRepository,
    RedemptionRepository,
    RewardRepository,
)
from app.ports.roster import AmbassadorRepository, EmployeeRepository, SocialAccountRepository, TenantRepository
from app.ports.sharing import ShareRepository


class UnitOfWork(Protocol):
    tenants: TenantRepository
    employees: EmployeeRepository
    ambassadors: AmbassadorRepository
    social_accounts: SocialAccountRepository
    settings: ProgrammeSettingsRepository
    charter: CharterRepository
    contents: ContentRepository
    campaigns: CampaignRepository
    shares: ShareRepository
    conversions: ConversionRepository
    touches: TouchRepository
    outbox: Outbox
    handled_events: HandledEvents
    points: PointsLedger
    reward_rules: RewardRuleSets
    reward_facts: RewardFacts
    catalogue: RewardRepository
    redemptions: RedemptionRepository
    associations: AssociationRepository
    donations: DonationRepository
    kudos: KudosRepository
    recognition: RecognitionStore
    programme_costs: ProgrammeCostRepository
    audience: AudienceHistory
    integrations: IntegrationRepository
    deliveries: DeliveryLog
    roster_keys: RosterKeys
    # SCIM provisioning
    scim_users: ScimLinks
    scim_groups: ScimGroups
    # Live updates: signals sent when, and only if, the transaction commits
    live: LivePublisher
    recruiting: RecruitingRepository
    training_modules: TrainingModuleRepository
    training_progress: TrainingProgressRepository
    # Incidents
    incidents: IncidentRepository
    surveys: SurveyRepository
    ideas: IdeaRepository
    takedowns: TakeDownRepository
    space: SpaceRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""
        ...

    async def commit(self) -> None:
        """Write the events of every aggregate added or saved to the outbox, then commit."""
        ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, tenant_id: UUID | None) -> UnitOfWork:
        """A unit of work whose tenant-owned repositories see only ``tenant_id``'s rows."""
        ...
