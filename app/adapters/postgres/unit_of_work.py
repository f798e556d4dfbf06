"""The PostgreSQL unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.postgres.attribution.repositories import PostgresConversionRepository, PostgresTouchRepository
from app.adapters.postgres.community.incidents.repositories import PostgresIncidentRepository
from app.adapters.postgres.community.recall.repositories import PostgresTakeDownRepository
from app.adapters.postgres.community.recruiting.repositories import PostgresRecruitingRepository
from app.adapters.postgres.community.space.repositories import PostgresSpaceRepository
from app.adapters.postgres.community.surveys.repositories import PostgresIdeaRepository, PostgresSurveyRepository
from app.adapters.postgres.community.training.repositories import (
    PostgresTrainingModuleRepository,
    PostgresTrainingProgressRepository,
)
from app.adapters.postgres.content.campaign_repositories import PostgresCampaignRepository
from app.adapters.postgres.content.repositories import PostgresContentRepository
from app.adapters.postgres.events.handled_events import PostgresHandledEvents
from app.adapters.postgres.integrations.repositories import (
    PostgresDeliveryLog,
    PostgresIntegrationRepository,
    PostgresRosterKeys,
)
from app.adapters.postgres.integrations.scim_group_repositories import PostgresScimGroups
from app.adapters.postgres.integrations.scim_repositories import PostgresScimLinks
from app.adapters.postgres.live_updates.publisher import PostgresLivePublisher
from app.adapters.postgres.metrics.audience import PostgresAudienceHistory
from app.adapters.postgres.metrics.costs import PostgresProgrammeCostRepository
from app.adapters.postgres.outages import unavailable
from app.adapters.postgres.outbox import PostgresOutbox
from app.adapters.postgres.programme.repositories import PostgresCharterRepository, PostgresProgrammeSettingsRepository
from app.adapters.postgres.repository import Tracker
from app.adapters.postgres.rewards.catalogue import PostgresRewardRepository
from app.adapters.postgres.rewards.donations import PostgresAssociationRepository, PostgresDonationRepository
from app.adapters.postgres.rewards.kudos import PostgresKudosRepository
from app.adapters.postgres.rewards.ledger import PostgresPointsLedger
from app.adapters.postgres.rewards.recognition import PostgresRecognitionStore
from app.adapters.postgres.rewards.redemptions import PostgresRedemptionRepository
from app.adapters.postgres.rewards.rule_sets import PostgresRewardFacts, PostgresRewardRuleSets
from app.adapters.postgres.roster.repositories import (
    PostgresAmbassadorRepository,
    PostgresEmployeeRepository,
    PostgresSocialAccountRepository,
    PostgresTenantRepository,
)
from app.adapters.postgres.sharing.repositories import PostgresShareRepository
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
from app.ports.system import IdGenerator


class PostgresUnitOfWork:
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
    scim_users: ScimLinks
    scim_groups: ScimGroups
    live: LivePublisher
    recruiting: RecruitingRepository
    training_modules: TrainingModuleRepository
    training_progress: TrainingProgressRepository
    incidents: IncidentRepository
    surveys: SurveyRepository
    ideas: IdeaRepository
    takedowns: TakeDownRepository
    space: SpaceRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession], ids: IdGenerator, tenant_id: UUID | None) -> None:
        self._sessions = sessions
        self._ids = ids
        self._tenant_id = tenant_id

    async def __aenter__(self) -> Self:
        self._session = self._sessions()
        self._tracker = Tracker()
        args = (self._session, self._tracker, self._tenant_id)
        self.tenants = PostgresTenantRepository(*args)
        self.employees = PostgresEmployeeRepository(*args)
        self.ambassadors = PostgresAmbassadorRepository(*args)
        self.social_accounts = PostgresSocialAccountRepository(*args)
        self.settings = PostgresProgrammeSettingsRepository(*args)
        self.charter = PostgresCharterRepository(*args)
        self.contents = PostgresContentRepository(*args)
        self.campaigns = PostgresCampaignRepository(*args)
        self.shares = PostgresShareRepository(*args)
        self.conversions = PostgresConversionRepository(*args)
        self.touches = PostgresTouchRepository(*args)
        self.outbox = PostgresOutbox(self._session, self._tracker, self._ids)
        self.handled_events = PostgresHandledEvents(*args)
        self.points = PostgresPointsLedger(*args)
        self.reward_rules = PostgresRewardRuleSets(*args)
        self.reward_facts = PostgresRewardFacts(*args)
        self.catalogue = PostgresRewardRepository(*args)
        self.redemptions = PostgresRedemptionRepository(*args)
        self.associations = PostgresAssociationRepository(*args)
        self.donations = PostgresDonationRepository(*args)
        self.kudos = PostgresKudosRepository(*args)
        self.recognition = PostgresRecognitionStore(*args)
        self.programme_costs = PostgresProgrammeCostRepository(*args)
        self.audience = PostgresAudienceHistory(*args)
        self.integrations = PostgresIntegrationRepository(*args)
        self.deliveries = PostgresDeliveryLog(*args)
        self.roster_keys = PostgresRosterKeys(*args)
        self.scim_users = PostgresScimLinks(*args)
        self.takedowns = PostgresTakeDownRepository(*args)
        self.scim_groups = PostgresScimGroups(*args)
        self.live = PostgresLivePublisher(self._session)
        self.recruiting = PostgresRecruitingRepository(*args)
        self.training_modules = PostgresTrainingModuleRepository(*args)
        self.training_progress = PostgresTrainingProgressRepository(*args)
        self.incidents = PostgresIncidentRepository(*args)
        self.surveys = PostgresSurveyRepository(*args)
        self.ideas = PostgresIdeaRepository(*args)
        self.space = PostgresSpaceRepository(*args)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            try:
                await self._session.rollback()
            finally:
                await self._session.close()
        except Exception as cleanup:
            # Rolling back on a lost connection fails too: the outage is what to report.
            if exc is None or (translated := unavailable(cleanup)) is None:
                raise
            raise translated from exc
        # Whatever a repository or the commit met, an outage of the database reads as one.
        if exc is not None and (translated := unavailable(exc)) is not None:
            raise translated from exc

    async def commit(self) -> None:
        await self.outbox.append(self._tracker.drain())
        await self._session.commit()


class PostgresUnitOfWorkFactory:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], ids: IdGenerator) -> None:
        self._sessions = sessions
        self._ids = ids

    def __call__(self, tenant_id: UUID | None) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self._sessions, self._ids, tenant_id)
