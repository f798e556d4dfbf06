"""In-memory implementations of every port, behaving as the PostgreSQL adapters do.

The unit of work rolls back unless committed, drains the events of the aggregates it added
or saved into the outbox on commit, and refuses what the database's constraints refuse with
the same domain errors (``app/adapters/postgres/errors.py``). Writes the database would
refuse with a constraint it does not translate raise ``IntegrityViolationError``: a bug in the
caller, not an answer for a client. ``tests/contract`` holds both implementations to it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Self
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
from app.ports.system import IdGenerator
from tests.fake_catalogue import (
    FakeAssociationRepository,
    FakeDonationRepository,
    FakeKudosRepository,
    FakeRedemptionRepository,
    FakeRewardRepository,
)
from tests.fake_content import FakeCampaignRepository, FakeContentRepository
from tests.fake_conversions import FakeConversionRepository, FakeTouchRepository
from tests.fake_incidents import FakeIncidentRepository
from tests.fake_integrations import FakeDeliveryLog, FakeIntegrationRepository, FakeRosterKeys
from tests.fake_metrics import FakeAudienceHistory, FakeProgrammeCostRepository
from tests.fake_points import FakePointsLedger, FakeRewardFacts, FakeRewardRuleSets
from tests.fake_programme import FakeCharterRepository, FakeProgrammeSettingsRepository
from tests.fake_recall import FakeTakeDownRepository
from tests.fake_recognition import FakeRecognitionStore
from tests.fake_recruiting import FakeRecruitingRepository
from tests.fake_roster import (
    FakeAmbassadorRepository,
    FakeEmployeeRepository,
    FakeSocialAccountRepository,
    FakeTenantRepository,
)
from tests.fake_scim import FakeScimGroups, FakeScimLinks
from tests.fake_sharing import FakeShareRepository
from tests.fake_space import FakeSpaceRepository
from tests.fake_storage import (
    FakeDatabase,
    FakeHandledEvents,
    FakeLivePublisher,
    FakeOutbox,
    OutboxRecord,
    _Tracker,
    _Transaction,
)
from tests.fake_surveys import FakeIdeaRepository, FakeSurveyRepository
from tests.fake_training import FakeTrainingModuleRepository, FakeTrainingProgressRepository

EPOCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


# --- time and identifiers -------------------------------------------------------------------


class FixedClock:
    """Always the same instant, until a test moves it."""

    def __init__(self, now: datetime = EPOCH) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        self.current += delta
        return self.current


class StepClock:
    """Each reading is ``step`` later than the previous one, so every change has its own instant."""

    def __init__(self, start: datetime = EPOCH, step: timedelta = timedelta(seconds=1)) -> None:
        self._next = start
        self._step = step

    def now(self) -> datetime:
        current, self._next = self._next, self._next + self._step
        return current


class SequentialIds:
    """Predictable UUIDv7s: one millisecond apart from ``start``, so they sort in issue order."""

    def __init__(self, start: datetime = EPOCH) -> None:
        self._start_ms = int(start.timestamp() * 1000)
        self._count = 0

    def new_id(self) -> UUID:
        self._count += 1
        unix_ms = self._start_ms + self._count
        value = (unix_ms & (1 << 48) - 1) << 80  # 48-bit Unix time in milliseconds
        value |= 0x7 << 76  # version 7
        value |= (self._count & 0xFFF) << 64  # rand_a
        value |= 0b10 << 62  # RFC 9562 variant
        value |= self._count & (1 << 62) - 1  # rand_b
        return UUID(int=value)


# --- unit of work ---------------------------------------------------------------------------


class FakeUnitOfWork:
    # Declared as the ports: protocol attributes are mutable, so their types must match exactly.
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
    live: LivePublisher
    space: SpaceRepository
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
    recruiting: RecruitingRepository
    training_modules: TrainingModuleRepository
    training_progress: TrainingProgressRepository
    incidents: IncidentRepository
    surveys: SurveyRepository
    ideas: IdeaRepository
    takedowns: TakeDownRepository

    def __init__(self, database: FakeDatabase, ids: IdGenerator, tenant_id: UUID | None) -> None:
        self._database = database
        self._ids = ids
        self._tenant_id = tenant_id

    async def __aenter__(self) -> Self:
        self._transaction = _Transaction(self._database)
        self._tracker = _Tracker()
        args = (self._transaction, self._tracker, self._tenant_id)
        self.tenants = FakeTenantRepository(*args)
        self.employees = FakeEmployeeRepository(*args)
        self.ambassadors = FakeAmbassadorRepository(*args)
        self.social_accounts = FakeSocialAccountRepository(*args)
        self.settings = FakeProgrammeSettingsRepository(*args)
        self.charter = FakeCharterRepository(*args)
        self.contents = FakeContentRepository(*args)
        self.campaigns = FakeCampaignRepository(*args)
        self.conversions = FakeConversionRepository(*args)
        self.touches = FakeTouchRepository(*args)
        self.shares = FakeShareRepository(*args)
        self.outbox = FakeOutbox(self._transaction, self._ids)
        self.live = FakeLivePublisher(self._transaction)
        self.space = FakeSpaceRepository(*args)
        self.handled_events = FakeHandledEvents(*args)
        self.points = FakePointsLedger(*args)
        self.reward_rules = FakeRewardRuleSets(*args)
        self.reward_facts = FakeRewardFacts(*args)
        self.catalogue = FakeRewardRepository(*args)
        self.redemptions = FakeRedemptionRepository(*args)
        self.associations = FakeAssociationRepository(*args)
        self.donations = FakeDonationRepository(*args)
        self.kudos = FakeKudosRepository(*args)
        self.recognition = FakeRecognitionStore(*args)
        self.programme_costs = FakeProgrammeCostRepository(*args)
        self.audience = FakeAudienceHistory(*args)
        self.integrations = FakeIntegrationRepository(*args)
        self.deliveries = FakeDeliveryLog(*args)
        self.roster_keys = FakeRosterKeys(*args)
        self.scim_users = FakeScimLinks(*args)
        self.scim_groups = FakeScimGroups(*args)
        self.recruiting = FakeRecruitingRepository(*args)
        self.training_modules = FakeTrainingModuleRepository(*args)
        self.training_progress = FakeTrainingProgressRepository(*args)
        self.incidents = FakeIncidentRepository(*args)
        self.surveys = FakeSurveyRepository(*args)
        self.ideas = FakeIdeaRepository(*args)
        self.takedowns = FakeTakeDownRepository(*args)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._transaction.rollback()

    async def commit(self) -> None:
        await self.outbox.append(self._tracker.drain())
        self._transaction.commit()


class FakeUnitOfWorkFactory:
    """Opens units of work on one shared in-memory database."""

    def __init__(self, ids: IdGenerator | None = None, database: FakeDatabase | None = None) -> None:
        self.database = database if database is not None else FakeDatabase()
        self._ids = ids if ids is not None else SequentialIds()

    def __call__(self, tenant_id: UUID | None) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.database, self._ids, tenant_id)

    @property
    def outbox(self) -> list[OutboxRecord]:
        """Every committed event, in the order it was recorded."""
        return list(self.database.outbox)
