"""The in-memory database under every fake repository: committed tables, a transaction's changes over
them, the aggregates whose events go to the outbox, and the repositories' common base."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from uuid import UUID

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.community.recall import TakeDown
from app.domain.community.space import Comment, Post
from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentTransition
from app.domain.errors import Forbidden
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.integrations.deliveries import Delivery
from app.domain.integrations.integrations import Integration
from app.domain.integrations.scim_groups import ScimGroup
from app.domain.integrations.scim_users import ScimLink
from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.costs import ProgrammeCost
from app.domain.programme.charter import CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.domain.rewards.catalogue import Reward
from app.domain.rewards.donations import Association, Donation
from app.domain.rewards.kudos import Kudos
from app.domain.rewards.ledger import PointEntry
from app.domain.rewards.redemptions import Redemption
from app.domain.rewards.rules import RuleSet
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from app.domain.sharing.engagement import EngagementSnapshot
from app.domain.sharing.shares import Share
from app.ports.live_updates import LiveSignal
from app.ports.pagination import Page, PageRequest
from app.ports.rewards import ConversionInvalidation
from app.ports.system import IdGenerator
from tests.fake_pages import keyset_page

NO_TENANT = "The organisation your access token names does not exist here; ask a platform operator to create it."

if TYPE_CHECKING:
    from tests.fake_content import CampaignMember
    from tests.fake_sharing import StoredClick


K = TypeVar("K")


V = TypeVar("V")


A = TypeVar("A", Tenant, Employee, Ambassador, Integration)


HasId = TypeVar("HasId", Employee, Ambassador, CharterVersion, Integration, Delivery)


class IntegrityViolationError(RuntimeError):
    """A write the database refuses with a constraint that has no domain meaning (a caller bug)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxRecord:
    """One row of the outbox: the event as the relay will read it."""

    id: UUID
    tenant_id: UUID
    type: EventType
    occurred_at: datetime
    data: dict[str, Any]
    recorded_at: datetime


@dataclass(slots=True)
class FakeDatabase:
    """What has been committed. Tenant-owned rows are keyed by ``(tenant_id, id)``."""

    tenants: dict[UUID, Tenant] = field(default_factory=dict)
    employees: dict[tuple[UUID, UUID], Employee] = field(default_factory=dict)
    ambassadors: dict[tuple[UUID, UUID], Ambassador] = field(default_factory=dict)
    social_accounts: dict[tuple[UUID, UUID], SocialAccount] = field(default_factory=dict)
    settings: dict[UUID, ProgrammeSettings] = field(default_factory=dict)
    charter_versions: dict[tuple[UUID, UUID], CharterVersion] = field(default_factory=dict)
    contents: dict[tuple[UUID, UUID], Content] = field(default_factory=dict)
    content_history: dict[tuple[UUID, UUID, int], tuple[UUID, ContentTransition]] = field(default_factory=dict)
    campaigns: dict[tuple[UUID, UUID], Campaign] = field(default_factory=dict)
    campaign_contents: dict[tuple[UUID, UUID, UUID], CampaignMember] = field(default_factory=dict)
    conversions: dict[tuple[UUID, UUID], ConversionRecord] = field(default_factory=dict)
    shares: dict[tuple[UUID, UUID], Share] = field(default_factory=dict)
    ambassador_visitors: dict[tuple[UUID, UUID, date, str], tuple[UUID, UUID, date, str]] = field(default_factory=dict)
    engagement_snapshots: dict[tuple[UUID, UUID], EngagementSnapshot] = field(default_factory=dict)
    # Written by the redirect, outside any unit of work (see tests.fake_sharing.add_click).
    clicks: dict[tuple[UUID, UUID], StoredClick] = field(default_factory=dict)
    outbox: list[OutboxRecord] = field(default_factory=list)
    # Live signals of committed transactions, in the order they were sent.
    live_signals: list[LiveSignal] = field(default_factory=list)
    # Once-only markers of event handlers: (tenant, event, handler) -> when.
    handled_events: dict[tuple[UUID, UUID, str], datetime] = field(default_factory=dict)
    # The points ledger: entries by (tenant, id), balances by (tenant, ambassador) as (balance, earned).
    points_entries: dict[tuple[UUID, UUID], PointEntry] = field(default_factory=dict)
    points_balances: dict[tuple[UUID, UUID], tuple[int, int]] = field(default_factory=dict)
    reward_rule_sets: dict[tuple[UUID, int], RuleSet] = field(default_factory=dict)
    conversion_invalidations: dict[tuple[UUID, UUID], ConversionInvalidation] = field(default_factory=dict)
    # The rewards catalogue, by (tenant, id).
    catalogue_rewards: dict[tuple[UUID, UUID], Reward] = field(default_factory=dict)
    redemptions: dict[tuple[UUID, UUID], Redemption] = field(default_factory=dict)
    associations: dict[tuple[UUID, UUID], Association] = field(default_factory=dict)
    donations: dict[tuple[UUID, UUID], Donation] = field(default_factory=dict)
    kudos: dict[tuple[UUID, UUID], Kudos] = field(default_factory=dict)
    # Recognition: rows keyed as their primary keys, (tenant, ...) first.
    recognition: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    # Metrics: costs by (tenant, id), audience observations by (tenant, social account, observed_at).
    programme_costs: dict[tuple[UUID, UUID], ProgrammeCost] = field(default_factory=dict)
    audience_observations: dict[tuple[UUID, UUID, datetime], AudienceObservation] = field(default_factory=dict)
    # Integrations (with their credentials) and their delivery log, by (tenant, id).
    integrations: dict[tuple[UUID, UUID], Integration] = field(default_factory=dict)
    integration_deliveries: dict[tuple[UUID, UUID], Delivery] = field(default_factory=dict)
    # SCIM links by (tenant, employee).
    scim_links: dict[tuple[UUID, UUID], ScimLink] = field(default_factory=dict)
    scim_groups: dict[tuple[UUID, UUID], ScimGroup] = field(default_factory=dict)
    # Recruiting: waves and referrals, by (kind, tenant, id).
    recruiting: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    # Training: modules and progress by (tenant, id).
    training: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    # Incidents, with their timelines, by (tenant, id).
    incidents: dict[tuple[UUID, UUID], Any] = field(default_factory=dict)
    # Surveys, their respondents and answers, and ideas, keyed by kind first (see tests.fake_surveys).
    surveys: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    takedowns: dict[tuple[UUID, UUID], TakeDown] = field(default_factory=dict)
    # The community space: posts and comments by (tenant, id), reactions by (tenant, post, employee, reaction).
    space_posts: dict[tuple[UUID, UUID], Post] = field(default_factory=dict)
    space_comments: dict[tuple[UUID, UUID], Comment] = field(default_factory=dict)
    space_reactions: dict[tuple[UUID, UUID, UUID, str], tuple[UUID, UUID, UUID, str]] = field(default_factory=dict)


class _Table(Generic[K, V]):
    """A committed table seen through one transaction's uncommitted changes."""

    def __init__(self, committed: dict[K, V]) -> None:
        self._committed = committed
        self._changes: dict[K, V | None] = {}

    def get(self, key: K) -> V | None:
        return self._changes[key] if key in self._changes else self._committed.get(key)

    def rows(self) -> list[V]:
        merged: dict[K, V | None] = {**self._committed, **self._changes}
        return [row for row in merged.values() if row is not None]

    def stored_keys(self) -> list[K]:
        merged: dict[K, V | None] = {**self._committed, **self._changes}
        return [key for key, row in merged.items() if row is not None]

    def put(self, key: K, row: V) -> None:
        self._changes[key] = row

    def delete(self, key: K) -> None:
        self._changes[key] = None

    def commit(self) -> None:
        for key, row in self._changes.items():
            if row is None:
                self._committed.pop(key, None)
            else:
                self._committed[key] = row
        self._changes.clear()

    def rollback(self) -> None:
        self._changes.clear()


class _Transaction:
    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self.tenants = _Table(database.tenants)
        self.employees = _Table(database.employees)
        self.ambassadors = _Table(database.ambassadors)
        self.social_accounts = _Table(database.social_accounts)
        self.settings = _Table(database.settings)
        self.charter_versions = _Table(database.charter_versions)
        self.contents = _Table(database.contents)
        self.content_history = _Table(database.content_history)
        self.campaigns = _Table(database.campaigns)
        self.campaign_contents = _Table(database.campaign_contents)
        self.conversions = _Table(database.conversions)
        self.shares = _Table(database.shares)
        self.ambassador_visitors = _Table(database.ambassador_visitors)
        self.engagement_snapshots = _Table(database.engagement_snapshots)
        self.handled_events = _Table(database.handled_events)
        self.points_entries = _Table(database.points_entries)
        self.points_balances = _Table(database.points_balances)
        self.reward_rule_sets = _Table(database.reward_rule_sets)
        self.conversion_invalidations = _Table(database.conversion_invalidations)
        self.catalogue_rewards = _Table(database.catalogue_rewards)
        self.redemptions = _Table(database.redemptions)
        self.associations = _Table(database.associations)
        self.donations = _Table(database.donations)
        self.kudos = _Table(database.kudos)
        self.recognition = _Table(database.recognition)
        self.programme_costs = _Table(database.programme_costs)
        self.audience_observations = _Table(database.audience_observations)
        self.integrations = _Table(database.integrations)
        self.integration_deliveries = _Table(database.integration_deliveries)
        self.scim_links = _Table(database.scim_links)
        self.scim_groups = _Table(database.scim_groups)
        self.recruiting = _Table(database.recruiting)
        self.training = _Table(database.training)
        self.incidents = _Table(database.incidents)
        self.surveys = _Table(database.surveys)
        self.takedowns = _Table(database.takedowns)
        self.space_posts = _Table(database.space_posts)
        self.space_comments = _Table(database.space_comments)
        self.space_reactions = _Table(database.space_reactions)
        self.outbox: list[OutboxRecord] = []
        self.live_signals: list[LiveSignal] = []

    @property
    def database(self) -> FakeDatabase:
        """The committed rows, for what no use case writes through a unit of work (clicks)."""
        return self._database

    def _tables(self) -> tuple[_Table[Any, Any], ...]:
        return (
            self.tenants,
            self.employees,
            self.ambassadors,
            self.social_accounts,
            self.settings,
            self.charter_versions,
            self.contents,
            self.content_history,
            self.campaigns,
            self.campaign_contents,
            self.conversions,
            self.shares,
            self.ambassador_visitors,
            self.engagement_snapshots,
            self.handled_events,
            self.points_entries,
            self.points_balances,
            self.reward_rule_sets,
            self.conversion_invalidations,
            self.catalogue_rewards,
            self.redemptions,
            self.associations,
            self.donations,
            self.kudos,
            self.recognition,
            self.programme_costs,
            self.audience_observations,
            self.integrations,
            self.integration_deliveries,
            self.scim_links,
            self.scim_groups,
            self.recruiting,
            self.training,
            self.incidents,
            self.surveys,
            self.takedowns,
            self.space_posts,
            self.space_comments,
            self.space_reactions,
        )

    def commit(self) -> None:
        for table in self._tables():
            table.commit()
        self._database.outbox.extend(self.outbox)
        self.outbox.clear()
        # As NOTIFY: sent on commit, each payload once per transaction.
        self._database.live_signals.extend(dict.fromkeys(self.live_signals))
        self.live_signals.clear()

    def rollback(self) -> None:
        for table in self._tables():
            table.rollback()
        self.outbox.clear()
        self.live_signals.clear()


class _Tracker:
    """Aggregates written in this unit of work; their events go to the outbox on commit."""

    def __init__(self) -> None:
        self._seen: list[EventSource] = []

    def track(self, aggregate: EventSource) -> None:
        self._seen.append(aggregate)

    def drain(self) -> list[DomainEvent]:
        return [event for aggregate in self._seen for event in aggregate.drain_events()]


def _stored(aggregate: A) -> A:
    """A detached copy, as a row is: changing the caller's object changes nothing until saved."""
    return replace(aggregate, pending_events=[])


def _as_json(data: dict[str, Any]) -> dict[str, Any]:
    """What a JSONB column gives back; fails as the database driver would on non-JSON values."""
    loaded: dict[str, Any] = json.loads(json.dumps(data))
    return loaded


def _page(rows: Iterable[HasId], page: PageRequest) -> Page[HasId]:
    return keyset_page(rows, page)


class _Repository:
    def __init__(self, transaction: _Transaction, tracker: _Tracker, tenant_id: UUID | None) -> None:
        self._tx = transaction
        self._tracker = tracker
        self._tenant = tenant_id

    @property
    def _tenant_id(self) -> UUID:
        if self._tenant is None:
            raise RuntimeError("This repository needs a unit of work opened for a tenant.")
        return self._tenant

    def _require_own(self, tenant_id: UUID) -> None:
        if tenant_id != self._tenant_id:
            raise RuntimeError("This unit of work cannot write another tenant's rows.")

    def _require_tenant_row(self, tenant_id: UUID) -> None:
        """What every table's key to its tenant refuses, as the adapter translates it."""
        if self._tx.tenants.get(tenant_id) is None:
            raise Forbidden(NO_TENANT)


class FakeLivePublisher:
    def __init__(self, transaction: _Transaction) -> None:
        self._tx = transaction

    async def publish(self, signals: Sequence[LiveSignal]) -> None:
        self._tx.live_signals.extend(signals)


class FakeOutbox:
    def __init__(self, transaction: _Transaction, ids: IdGenerator) -> None:
        self._tx = transaction
        self._ids = ids

    async def append(self, events: Sequence[DomainEvent]) -> None:
        for event in events:
            if self._tx.tenants.get(event.tenant_id) is None:
                raise IntegrityViolationError(f"No tenant {event.tenant_id} exists for a {event.type} event.")
        self._tx.outbox.extend(
            OutboxRecord(
                id=self._ids.new_id(),
                tenant_id=event.tenant_id,
                type=event.type,
                occurred_at=event.occurred_at,
                data=_as_json(event.data),
                recorded_at=event.occurred_at,
            )
            for event in events
        )


class FakeHandledEvents(_Repository):
    async def first_time(self, event_id: UUID, handler: str, at: datetime) -> bool:
        self._require_tenant_row(self._tenant_id)
        key = (self._tenant_id, event_id, handler)
        if self._tx.handled_events.get(key) is not None:
            return False
        self._tx.handled_events.put(key, at)
        return True
