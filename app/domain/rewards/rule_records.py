"""Rule sets as plain data (what is stored and what clients send), and back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from app.domain.attribution.conversions import ConversionType
from app.domain.networks import Network
from app.domain.rewards.rules import Metric, Rule, RuleKind, VelocityGuard


def rule_data(rule: Rule) -> dict[str, Any]:
    return {
        "kind": rule.kind.value,
        "points": rule.points,
        "conversion_type": rule.conversion_type.value if rule.conversion_type else None,
        "metric": rule.metric.value if rule.metric else None,
        "threshold": rule.threshold,
        "network_weights": {network.value: str(weight) for network, weight in rule.network_weights.items()},
        "daily_cap": rule.daily_cap,
        "share_cap": rule.share_cap,
    }


def rule_from_data(data: Mapping[str, Any]) -> Rule:
    return Rule(
        kind=RuleKind(data["kind"]),
        points=int(data["points"]),
        conversion_type=ConversionType(data["conversion_type"]) if data.get("conversion_type") else None,
        metric=Metric(data["metric"]) if data.get("metric") else None,
        threshold=data.get("threshold"),
        network_weights=MappingProxyType(
            {Network(name): Decimal(str(weight)) for name, weight in (data.get("network_weights") or {}).items()}
        ),
        daily_cap=data.get("daily_cap"),
        share_cap=data.get("share_cap"),
    )


def guard_data(guard: VelocityGuard) -> dict[str, Any]:
    return {
        "window_minutes": guard.window // timedelta(minutes=1),
        "min_clicks": guard.min_clicks,
        "max_visitors": guard.max_visitors,
    }


def guard_from_data(data: Mapping[str, Any]) -> VelocityGuard:
    return VelocityGuard(
        window=timedelta(minutes=int(data["window_minutes"])),
        min_clicks=int(data["min_clicks"]),
        max_visitors=int(data["max_visitors"]),
    )
