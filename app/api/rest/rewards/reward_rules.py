"""/v1/reward-rules: what earns points, read by everyone in the programme and replaced by admins."""

from __future__ import annotations

from datetime import timedelta
from types import MappingProxyType

from fastapi import APIRouter

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.rewards.rule_schemas import (
    RewardRulesOut,
    RewardRulesReplace,
    RuleIn,
    RuleOut,
    RuleSetOut,
    VelocityGuardBody,
)
from app.domain.rewards.rules import Rule, RuleSet, VelocityGuard
from app.domain.roster.identity import Role
from app.services.rewards.reward_rules import ReplaceRewardRulesCommand, RewardRules

router = APIRouter(prefix="/v1/reward-rules", tags=["reward rules"], route_class=OperationRoute)


def rule_of(body: RuleIn) -> Rule:
    return Rule(
        kind=body.kind,
        points=body.points,
        conversion_type=body.conversion_type,
        metric=body.metric,
        threshold=body.threshold,
        network_weights=MappingProxyType(dict(body.network_weights)),
        daily_cap=body.daily_cap,
        share_cap=body.share_cap,
    )


def guard_out(guard: VelocityGuard) -> VelocityGuardBody:
    return VelocityGuardBody(
        window_minutes=guard.window // timedelta(minutes=1),
        min_clicks=guard.min_clicks,
        max_visitors=guard.max_visitors,
    )


def rule_set_out(rule_set: RuleSet) -> RuleSetOut:
    return RuleSetOut(
        version=rule_set.version,
        effective_from=rule_set.effective_from,
        rules=[
            RuleOut(
                key=rule.key,
                kind=rule.kind,
                points=rule.points,
                conversion_type=rule.conversion_type,
                metric=rule.metric,
                threshold=rule.threshold,
                network_weights=dict(rule.network_weights),
                daily_cap=rule.daily_cap,
                share_cap=rule.share_cap,
            )
            for rule in rule_set.rules
        ],
        velocity_guard=guard_out(rule_set.velocity_guard),
        created_at=rule_set.created_at,
        created_by=rule_set.created_by,
    )


def rules_out(rules: RewardRules) -> RewardRulesOut:
    scheduled = rule_set_out(rules.scheduled) if rules.scheduled is not None else None
    return RewardRulesOut(in_force=rule_set_out(rules.in_force), scheduled=scheduled)


@router.get("", summary="Read the reward rules")
async def get_reward_rules(principal: PrincipalDep, services: ServicesDep) -> RewardRulesOut:
    """Admins, managers, analysts and ambassadors: the rules in force (version 0, the default, until an
    admin sets others) and the version scheduled to follow, if any."""
    return rules_out(await services.rewards.get_reward_rules(principal))


@router.put(
    "",
    dependencies=[allowed({Role.ADMIN})],
    summary="Replace the reward rules",
    responses=problems(problem.RULES_ALREADY_SCHEDULED),
)
async def replace_reward_rules(
    body: RewardRulesReplace, principal: PrincipalDep, services: ServicesDep
) -> RewardRulesOut:
    """Admins: the rules become a new version, applying to events that occur from `effective_from` (now
    when null, never in the past). Points already earned are never judged again."""
    guard = body.velocity_guard
    command = ReplaceRewardRulesCommand(
        rules=[rule_of(rule) for rule in body.rules],
        velocity_guard=VelocityGuard(
            window=timedelta(minutes=guard.window_minutes), min_clicks=guard.min_clicks, max_visitors=guard.max_visitors
        ),
        effective_from=body.effective_from,
    )
    return rules_out(await services.rewards.replace_reward_rules(principal, command))
