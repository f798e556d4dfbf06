"""Reward rule set versions on the fake and on PostgreSQL: stored once per number, read back as they were
written, per tenant."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.domain.attribution.conversions import ConversionType
from app.domain.networks import Network
from app.domain.rewards.rules import Metric, Rule, RuleKind, RuleSet, VelocityGuard
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant


def version(tenant_id: object, number: int) -> RuleSet:
    return RuleSet(
        tenant_id=tenant_id,  # type: ignore[arg-type]
        version=number,
        effective_from=NOW + timedelta(days=number),
        rules=(
            Rule(kind=RuleKind.SHARE_POSTED, points=12, network_weights={Network.X: Decimal("0.5")}, daily_cap=40),
            Rule(kind=RuleKind.CONVERSION, points=50, conversion_type=ConversionType.HIRE),
            Rule(kind=RuleKind.ENGAGEMENT_MILESTONE, points=5, metric=Metric.REACTIONS, threshold=10),
            Rule(kind=RuleKind.COUNTED_CLICK, points=1, share_cap=30),
        ),
        velocity_guard=VelocityGuard(window=timedelta(minutes=5), min_clicks=8, max_visitors=2),
        created_at=NOW,
        created_by="admin-7",
    )


async def test_versions_read_back_as_written_each_number_once_per_tenant(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    first, second = version(acme.id, 1), version(acme.id, 2)

    async with backend.uow(acme.id) as uow:
        stored = [await uow.reward_rules.add(first), await uow.reward_rules.add(second)]
        await uow.commit()
    async with backend.uow(acme.id) as uow:
        taken = await uow.reward_rules.add(version(acme.id, 2))
        versions = await uow.reward_rules.versions()
    async with backend.uow(globex.id) as uow:
        theirs = await uow.reward_rules.versions()

    assert stored == [True, True]
    assert taken is False
    assert [(v.version, v.effective_from, v.rules, v.velocity_guard, v.created_by) for v in versions] == [
        (1, first.effective_from, first.rules, first.velocity_guard, "admin-7"),
        (2, second.effective_from, second.rules, second.velocity_guard, "admin-7"),
    ]
    assert theirs == []
