"""Reward rules: what each kind of event earns, per tenant, in versions that apply from their effective
time and never before it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from uuid import UUID

from app.domain.attribution.conversions import ConversionType
from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.networks import Network
from app.domain.rewards.refusals import RulesAlreadyScheduled


class RuleKind(StrEnum):
    """What earns points. Training and surveys are kept open for the capabilities that will report them."""

    SHARE_POSTED = "share_posted"
    FIRST_SHARE = "first_share"
    COUNTED_CLICK = "counted_click"
    ENGAGEMENT_MILESTONE = "engagement_milestone"
    CONVERSION = "conversion"
    CONTENT_CO_CREATED = "content_co_created"
    CHARTER_ACCEPTED = "charter_accepted"
    TRAINING_COMPLETED = "training_completed"
    SURVEY_ANSWERED = "survey_answered"
    COLLEAGUE_JOINED = "colleague_joined"


class Metric(StrEnum):
    """What an engagement milestone counts on a share."""

    IMPRESSIONS = "impressions"
    REACTIONS = "reactions"
    COMMENTS = "comments"
    RESHARES = "reshares"


MAX_POINTS = 100_000
MAX_WEIGHT = Decimal(10)
MAX_RULES = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """``points`` for one event of the kind, times the network's weight (1 when unlisted), the campaign's
    multiplier and, for a conversion, the share's credit. ``daily_cap`` bounds the points of the kind an
    ambassador earns in a UTC day; ``share_cap`` (counted clicks only) those one share earns from clicks."""

    kind: RuleKind
    points: int
    conversion_type: ConversionType | None = None
    metric: Metric | None = None
    threshold: int | None = None
    network_weights: Mapping[Network, Decimal] = field(default_factory=lambda: MappingProxyType({}))
    daily_cap: int | None = None
    share_cap: int | None = None

    @property
    def key(self) -> str:
        """Unique in a rule set, and what the ledger's entries name: ``conversion.lead``,
        ``engagement_milestone.reactions.50``, ``share_posted``."""
        if self.kind is RuleKind.CONVERSION and self.conversion_type is not None:
            return f"{self.kind.value}.{self.conversion_type.value}"
        if self.kind is RuleKind.ENGAGEMENT_MILESTONE and self.metric is not None:
            return f"{self.kind.value}.{self.metric.value}.{self.threshold}"
        return self.kind.value

    def weight(self, network: Network | None) -> Decimal:
        return self.network_weights.get(network, Decimal(1)) if network is not None else Decimal(1)

    def problems(self, at: tuple[str | int, ...]) -> list[FieldError]:
        found: list[FieldError] = []
        if not 0 <= self.points <= MAX_POINTS:
            found.append(FieldError((*at, "points"), Message("Between 0 and {most} points.", most=MAX_POINTS)))
        if (self.kind is RuleKind.CONVERSION) != (self.conversion_type is not None):
            found.append(
                FieldError(
                    (*at, "conversion_type"), Message("A conversion rule, and only one, names a conversion type.")
                )
            )
        milestone = self.kind is RuleKind.ENGAGEMENT_MILESTONE
        if milestone != (self.metric is not None and self.threshold is not None):
            found.append(
                FieldError((*at, "metric"), Message("A milestone rule, and only one, names a metric and a threshold."))
            )
        if self.threshold is not None and self.threshold < 1:
            found.append(FieldError((*at, "threshold"), Message("A threshold is at least 1.")))
        for network, weight in self.network_weights.items():
            if not Decimal(0) <= weight <= MAX_WEIGHT or weight != weight.quantize(Decimal("0.01")):
                found.append(
                    FieldError(
                        (*at, "network_weights", network.value),
                        Message("A weight is between 0 and {most}, with two decimals at most.", most=MAX_WEIGHT),
                    )
                )
        for name, cap in (("daily_cap", self.daily_cap), ("share_cap", self.share_cap)):
            if cap is not None and not 0 <= cap <= MAX_POINTS * 100:
                found.append(FieldError((*at, name), Message("A cap is a number of points, 0 or more.")))
        if self.share_cap is not None and self.kind is not RuleKind.COUNTED_CLICK:
            found.append(FieldError((*at, "share_cap"), Message("Only counted clicks have a cap per share.")))
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class VelocityGuard:
    """Counted clicks on one share are suspicious when, in the ``window`` before one of them, the share
    had at least ``min_clicks`` counted clicks from at most ``max_visitors`` visitor digests: points they
    would earn are withheld for review."""

    window: timedelta = timedelta(minutes=10)
    min_clicks: int = 20
    max_visitors: int = 3

    def suspicious(self, clicks: int, visitors: int) -> bool:
        return clicks >= self.min_clicks and visitors <= self.max_visitors

    def problems(self) -> list[FieldError]:
        found: list[FieldError] = []
        if not timedelta(minutes=1) <= self.window <= timedelta(days=1):
            found.append(
                FieldError(("velocity_guard", "window_minutes"), Message("Between 1 minute and a day (1440)."))
            )
        if self.min_clicks < 2:
            found.append(FieldError(("velocity_guard", "min_clicks"), Message("At least 2 clicks.")))
        if not 1 <= self.max_visitors < self.min_clicks:
            found.append(
                FieldError(
                    ("velocity_guard", "max_visitors"), Message("At least 1, and fewer than the clicks it watches.")
                )
            )
        return found


# Version 0 is the default every tenant has until an admin replaces it; it applies from the start.
DEFAULT_VERSION = 0
BEGINNING = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleSet:
    """One version of a tenant's rules. A version applies to events that occurred from ``effective_from``
    until the next version's ``effective_from``."""

    tenant_id: UUID
    version: int
    effective_from: datetime
    rules: tuple[Rule, ...]
    velocity_guard: VelocityGuard = VelocityGuard()
    created_at: datetime
    created_by: str | None = None

    def rule(self, kind: RuleKind, *, conversion_type: ConversionType | None = None) -> Rule | None:
        for rule in self.rules:
            if rule.kind is kind and (conversion_type is None or rule.conversion_type is conversion_type):
                return rule
        return None

    def milestones(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.kind is RuleKind.ENGAGEMENT_MILESTONE)

    @property
    def is_default(self) -> bool:
        return self.version == DEFAULT_VERSION

    @classmethod
    def default(cls, tenant_id: UUID) -> RuleSet:
        """The rules of a tenant that set none (docs/rewards.md lists them)."""
        return cls(
            tenant_id=tenant_id,
            version=DEFAULT_VERSION,
            effective_from=BEGINNING,
            rules=DEFAULT_RULES,
            created_at=BEGINNING,
        )

    @classmethod
    def replace_rules(
        cls,
        *,
        current: RuleSet,
        rules: Sequence[Rule],
        velocity_guard: VelocityGuard,
        effective_from: datetime | None,
        now: datetime,
        author: str,
    ) -> RuleSet:
        """The next version. It applies from ``effective_from`` (now when not given), which may not be
        in the past: points already judged stay as they were judged."""
        starts = effective_from or now
        errors = [problem for index, rule in enumerate(rules) for problem in rule.problems(("rules", index))]
        errors += velocity_guard.problems()
        keys = [rule.key for rule in rules]
        for index, key in enumerate(keys):
            if key in keys[:index]:
                errors.append(FieldError(("rules", index), Message("The rule {key} is already in this set.", key=key)))
        if len(rules) > MAX_RULES:
            errors.append(FieldError(("rules",), Message("At most {most} rules.", most=MAX_RULES)))
        if starts.utcoffset() is None or starts < now:
            errors.append(
                FieldError(
                    ("effective_from",),
                    Message("Rules apply from now or later, never to events already judged; give a later time."),
                )
            )
        if errors:
            raise ValidationFailed(Message("These reward rules cannot be used as they are."), errors)
        if starts < current.effective_from:
            raise RulesAlreadyScheduled(current.effective_from)
        return cls(
            tenant_id=current.tenant_id,
            version=current.version + 1,
            effective_from=starts.astimezone(UTC),
            rules=tuple(rules),
            velocity_guard=velocity_guard,
            created_at=now,
            created_by=author,
        )


def in_force(versions: Sequence[RuleSet], tenant_id: UUID, at: datetime) -> RuleSet:
    """The version in force at ``at``: the latest effective by then (the default before any)."""
    applicable = [version for version in versions if version.effective_from <= at]
    return max(applicable, key=lambda version: version.version, default=RuleSet.default(tenant_id))


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(kind=RuleKind.SHARE_POSTED, points=10, daily_cap=50),
    Rule(kind=RuleKind.FIRST_SHARE, points=25),
    Rule(kind=RuleKind.COUNTED_CLICK, points=2, daily_cap=100, share_cap=60),
    Rule(kind=RuleKind.ENGAGEMENT_MILESTONE, points=10, metric=Metric.REACTIONS, threshold=50),
    Rule(kind=RuleKind.ENGAGEMENT_MILESTONE, points=25, metric=Metric.IMPRESSIONS, threshold=5000),
    Rule(kind=RuleKind.CONVERSION, points=20, conversion_type=ConversionType.LEAD),
    Rule(kind=RuleKind.CONVERSION, points=15, conversion_type=ConversionType.SIGNUP),
    Rule(kind=RuleKind.CONVERSION, points=30, conversion_type=ConversionType.JOB_APPLICATION),
    Rule(kind=RuleKind.CONVERSION, points=200, conversion_type=ConversionType.HIRE),
    Rule(kind=RuleKind.CONVERSION, points=20, conversion_type=ConversionType.PURCHASE),
    Rule(kind=RuleKind.CONVERSION, points=5, conversion_type=ConversionType.CUSTOM),
    Rule(kind=RuleKind.CONTENT_CO_CREATED, points=30, daily_cap=90),
    Rule(kind=RuleKind.CHARTER_ACCEPTED, points=10),
    Rule(kind=RuleKind.TRAINING_COMPLETED, points=20),
    Rule(kind=RuleKind.SURVEY_ANSWERED, points=5),
    Rule(kind=RuleKind.COLLEAGUE_JOINED, points=50),
)
