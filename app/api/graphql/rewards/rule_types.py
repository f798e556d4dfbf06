"""GraphQL types of reward rules: the enums, a version with its rules and velocity guard, the inputs that
replace them, and their mappers."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from types import MappingProxyType

import strawberry

from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.enums import domain_enum
from app.api.graphql.roster.enums import Network
from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.rewards.rules import Metric, Rule, RuleKind, RuleSet, VelocityGuard
from app.services.rewards.reward_rules import ReplaceRewardRulesCommand, RewardRules

domain_enum(
    RuleKind,
    "What earns points.",
    {
        RuleKind.SHARE_POSTED: "Posting a share.",
        RuleKind.FIRST_SHARE: "An ambassador's first share, once.",
        RuleKind.COUNTED_CLICK: "A counted click by a unique visitor (never a bot, a prefetch or one's own).",
        RuleKind.ENGAGEMENT_MILESTONE: "A share's engagement reaching a threshold, once per share.",
        RuleKind.CONVERSION: "A conversion of one type, scaled by the share's attribution credit.",
        RuleKind.CONTENT_CO_CREATED: "Content an ambassador proposed, once approved.",
        RuleKind.CHARTER_ACCEPTED: "Accepting the programme's charter, once.",
        RuleKind.TRAINING_COMPLETED: "A training completed (reported by a later capability).",
        RuleKind.SURVEY_ANSWERED: "A survey answered (reported by a later capability).",
        RuleKind.COLLEAGUE_JOINED: "A colleague the ambassador invited joined the programme, once per colleague.",
        RuleKind.SURVEY_ANSWERED: "A survey answered, once per survey.",
    },
)
domain_enum(
    Metric,
    "What an engagement milestone counts on a share.",
    {
        Metric.IMPRESSIONS: "How many times the post was seen.",
        Metric.REACTIONS: "Likes and other reactions.",
        Metric.COMMENTS: "Comments.",
        Metric.RESHARES: "Reshares and reposts.",
    },
)


@strawberry.type(description="What points earn on one network, times the rule's points.")
class NetworkWeight:
    network: Network = strawberry.field(description="The network.")
    weight: float = strawberry.field(description="0 to 10, two decimals; 1 for a network not listed.")


@strawberry.type(name="RewardRule", description="What one kind of event earns.")
class RewardRuleType:
    key: str = strawberry.field(description="The rule's key in ledger entries: `share_posted`, `conversion.lead`...")
    kind: RuleKind = strawberry.field(description="What earns the points.")
    points: int = strawberry.field(description="Points for one event.")
    conversion_type: ConversionType | None = strawberry.field(description="For `CONVERSION` rules: which type.")
    metric: Metric | None = strawberry.field(description="For `ENGAGEMENT_MILESTONE` rules: what is counted.")
    threshold: int | None = strawberry.field(description="For `ENGAGEMENT_MILESTONE` rules: the count to reach.")
    network_weights: list[NetworkWeight] = strawberry.field(description="Weights per network; 1 when unlisted.")
    daily_cap: int | None = strawberry.field(
        description="At most this many points of the rule per ambassador per UTC day."
    )
    share_cap: int | None = strawberry.field(description="For `COUNTED_CLICK`: at most this many points per share.")


@strawberry.type(name="VelocityGuard", description="When counted clicks on one share look like gaming.")
class VelocityGuardType:
    window_minutes: int = strawberry.field(description="How far back to look before each click.")
    min_clicks: int = strawberry.field(description="At least this many counted clicks on the share...")
    max_visitors: int = strawberry.field(description="...from at most this many visitors: its points are withheld.")


@strawberry.type(name="RewardRuleSet", description="One version of the reward rules.")
class RewardRuleSetType:
    version: int = strawberry.field(description="0 is the default every organisation starts with.")
    effective_from: datetime = strawberry.field(description="Events that occur from then on are judged by it.")
    rules: list[RewardRuleType] = strawberry.field(description="What earns points; a kind not listed earns nothing.")
    velocity_guard: VelocityGuardType = strawberry.field(description="When click points are withheld for review.")
    created_at: datetime = strawberry.field(description="When the version was set.")
    created_by: str | None = strawberry.field(description="Who set it (null for the default).")


@strawberry.type(
    name="RewardRules", description="The reward rules in force now, and the version scheduled to replace them, if any."
)
class RewardRulesType:
    in_force: RewardRuleSetType = strawberry.field(description="The version events occurring now are judged by.")
    scheduled: RewardRuleSetType | None = strawberry.field(description="The version that applies from its start.")


@strawberry.input(description="A network's weight in a rule.")
class NetworkWeightInput:
    network: Network = strawberry.field(description="The network, once per rule.")
    weight: float = strawberry.field(description="0 to 10, two decimals at most.")


@strawberry.input(description="What one kind of event earns.")
class RewardRuleInput:
    kind: RuleKind = strawberry.field(description="What earns the points.")
    points: int = strawberry.field(description="Points for one event, 0 to 100000.")
    conversion_type: ConversionType | None = strawberry.field(default=None, description="For `CONVERSION` only.")
    metric: Metric | None = strawberry.field(default=None, description="For `ENGAGEMENT_MILESTONE` only.")
    threshold: int | None = strawberry.field(default=None, description="For `ENGAGEMENT_MILESTONE` only, 1 or more.")
    network_weights: list[NetworkWeightInput] = strawberry.field(
        default_factory=list, description="Weights per network; 1 when unlisted."
    )
    daily_cap: int | None = strawberry.field(default=None, description="Points of the rule per ambassador per UTC day.")
    share_cap: int | None = strawberry.field(default=None, description="For `COUNTED_CLICK` only: points per share.")


@strawberry.input(description="When counted clicks on one share look like gaming.")
class VelocityGuardInput:
    window_minutes: int = strawberry.field(description="How far back to look, 1 to 1440 minutes.")
    min_clicks: int = strawberry.field(description="At least this many counted clicks (2 or more)...")
    max_visitors: int = strawberry.field(description="...from at most this many visitors (fewer than the clicks).")


@strawberry.input(description="The whole new rule set: a kind left out earns nothing.")
class ReplaceRewardRulesInput:
    rules: list[RewardRuleInput] = strawberry.field(description="The rules, one per key (at most 50).")
    velocity_guard: VelocityGuardInput = strawberry.field(description="When click points are withheld for review.")
    effective_from: datetime | None = strawberry.field(
        default=None, description="When the rules start to apply (now when null); never in the past."
    )


def _weights(index: int, rule: RewardRuleInput) -> dict[Network, Decimal]:
    weights: dict[Network, Decimal] = {}
    errors = []
    for position, item in enumerate(rule.network_weights):
        if item.network in weights:
            at = ("rules", index, "network_weights", position, "network")
            errors.append(FieldError(at, Message("Give each network once.")))
        # GraphQL floats are finite: their shortest decimal spelling is the weight the client wrote.
        weights[item.network] = Decimal(str(item.weight))
    if errors:
        raise ValidationFailed(Message("These reward rules cannot be used as they are."), errors)
    return weights


def replace_command(body: ReplaceRewardRulesInput) -> ReplaceRewardRulesCommand:
    guard = body.velocity_guard
    rules = [
        Rule(
            kind=rule.kind,
            points=rule.points,
            conversion_type=rule.conversion_type,
            metric=rule.metric,
            threshold=rule.threshold,
            network_weights=MappingProxyType(_weights(index, rule)),
            daily_cap=rule.daily_cap,
            share_cap=rule.share_cap,
        )
        for index, rule in enumerate(body.rules)
    ]
    return ReplaceRewardRulesCommand(
        rules=rules,
        velocity_guard=VelocityGuard(
            window=timedelta(minutes=guard.window_minutes), min_clicks=guard.min_clicks, max_visitors=guard.max_visitors
        ),
        effective_from=body.effective_from,
    )


def rule_set_node(rule_set: RuleSet) -> RewardRuleSetType:
    guard = rule_set.velocity_guard
    return RewardRuleSetType(
        version=rule_set.version,
        effective_from=rule_set.effective_from,
        rules=[
            RewardRuleType(
                key=rule.key,
                kind=rule.kind,
                points=rule.points,
                conversion_type=rule.conversion_type,
                metric=rule.metric,
                threshold=rule.threshold,
                network_weights=[
                    NetworkWeight(network=network, weight=float(weight))
                    for network, weight in rule.network_weights.items()
                ],
                daily_cap=rule.daily_cap,
                share_cap=rule.share_cap,
            )
            for rule in rule_set.rules
        ],
        velocity_guard=VelocityGuardType(
            window_minutes=guard.window // timedelta(minutes=1),
            min_clicks=guard.min_clicks,
            max_visitors=guard.max_visitors,
        ),
        created_at=rule_set.created_at,
        created_by=rule_set.created_by,
    )


def rules_node(rules: RewardRules) -> RewardRulesType:
    scheduled = rule_set_node(rules.scheduled) if rules.scheduled is not None else None
    return RewardRulesType(in_force=rule_set_node(rules.in_force), scheduled=scheduled)
