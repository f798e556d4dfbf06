"""Read and replace a tenant's reward rules: each change is a new version with its effective time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import Conflict
from app.domain.messages import Message
from app.domain.rewards.rules import Rule, RuleSet, VelocityGuard, in_force
from app.domain.roster.identity import Principal, Role
from app.services.base import UseCase

RULE_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.ANALYST, Role.AMBASSADOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class RewardRules:
    """The version in force now, and the one that will replace it, when one is scheduled."""

    in_force: RuleSet
    scheduled: RuleSet | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplaceRewardRulesCommand:
    rules: Sequence[Rule]
    velocity_guard: VelocityGuard
    effective_from: datetime | None = None


def _rules_now(versions: list[RuleSet], tenant_id: object, now: datetime) -> RewardRules:
    current = in_force(versions, tenant_id, now)  # type: ignore[arg-type]
    later = [version for version in versions if version.effective_from > now]
    return RewardRules(in_force=current, scheduled=later[-1] if later else None)


class GetRewardRules(UseCase):
    """Admins, managers, analysts and ambassadors (who want to know what earns points). A tenant that
    never set rules has the default set, version 0."""

    async def __call__(self, principal: Principal) -> RewardRules:
        principal.require_any(RULE_READERS)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            versions = await uow.reward_rules.versions()
        return _rules_now(versions, tenant_id, self._clock.now())


class ReplaceRewardRules(UseCase):
    """Admins only. The new rules are the next version, in force from ``effective_from`` (now when not
    given; never earlier than now, nor than the latest version's start): events that occurred before
    keep the points they were judged to earn, and are judged later under the version of their time."""

    async def __call__(self, principal: Principal, command: ReplaceRewardRulesCommand) -> RewardRules:
        principal.require_any(frozenset({Role.ADMIN}))
        tenant_id = principal.require_tenant()
        now = self._clock.now()
        async with self._uow(tenant_id) as uow:
            versions = await uow.reward_rules.versions()
            latest = max(versions, key=lambda version: version.version, default=RuleSet.default(tenant_id))
            replacement = RuleSet.replace_rules(
                current=latest,
                rules=command.rules,
                velocity_guard=command.velocity_guard,
                effective_from=command.effective_from,
                now=now,
                author=principal.subject,
            )
            if not await uow.reward_rules.add(replacement):
                raise Conflict(Message("The rules were changed at the same moment; read them again and retry."))
            await uow.commit()
        return _rules_now([*versions, replacement], tenant_id, now)
