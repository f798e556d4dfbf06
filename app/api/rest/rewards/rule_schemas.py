"""REST bodies of reward rules: a version in force, and the rules an admin sends to replace them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.bodies import JSON_INTEGER, RequestBody
from app.api.rest.instants import Instant
from app.domain.attribution.conversions import ConversionType
from app.domain.networks import Network
from app.domain.rewards.rules import MAX_POINTS, MAX_RULES, Metric, RuleKind

_RULES: Any = [
    {"kind": "share_posted", "points": 10, "daily_cap": 50, "network_weights": {"linkedin": "1.5"}},
    {"kind": "counted_click", "points": 2, "daily_cap": 100, "share_cap": 60},
    {"kind": "conversion", "points": 20, "conversion_type": "lead"},
]
_GUARD: Any = {"window_minutes": 10, "min_clicks": 20, "max_visitors": 3}


class RuleIn(BaseModel):
    """What one kind of event earns."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_RULES[0]]})

    kind: RuleKind = Field(description="What earns the points.")
    points: Annotated[int, Field(ge=0, le=MAX_POINTS), JSON_INTEGER] = Field(description="Points for one event.")
    conversion_type: ConversionType | None = Field(default=None, description="For `conversion` rules only: which type.")
    metric: Metric | None = Field(default=None, description="For `engagement_milestone` only: what is counted.")
    threshold: Annotated[int, Field(ge=1), JSON_INTEGER] | None = Field(
        default=None, description="For `engagement_milestone` only: the count that reaches the milestone."
    )
    network_weights: dict[Network, Decimal] = Field(
        default_factory=dict, description="Multiplies the points on a network (0 to 10, two decimals); 1 when unlisted."
    )
    daily_cap: Annotated[int, Field(ge=0), JSON_INTEGER] | None = Field(
        default=None, description="At most this many points of this rule per ambassador per UTC day."
    )
    share_cap: Annotated[int, Field(ge=0), JSON_INTEGER] | None = Field(
        default=None, description="For `counted_click` only: at most this many points per share from clicks."
    )


class RuleOut(RuleIn):
    """What one kind of event earns, with the key ledger entries name it by."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RULES[0] | {"key": "share_posted"}]})

    key: str = Field(description="The rule's key in ledger entries: `share_posted`, `conversion.lead`...")


class VelocityGuardBody(BaseModel):
    """When counted clicks on one share look like gaming: points are withheld for review."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_GUARD]})

    window_minutes: Annotated[int, Field(ge=1, le=1440), JSON_INTEGER] = Field(description="How far back to look.")
    min_clicks: Annotated[int, Field(ge=2), JSON_INTEGER] = Field(description="At least this many counted clicks...")
    max_visitors: Annotated[int, Field(ge=1), JSON_INTEGER] = Field(description="...from at most this many visitors.")


class RewardRulesReplace(RequestBody):
    """The whole new rule set: a kind left out earns nothing."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"rules": _RULES, "velocity_guard": _GUARD, "effective_from": None}]},
    )

    rules: Annotated[list[RuleIn], Field(max_length=MAX_RULES)] = Field(description="The rules, one per key.")
    velocity_guard: VelocityGuardBody = Field(description="When click points are withheld for review.")
    effective_from: Instant | None = Field(
        default=None, description="When the rules start to apply (now when null); never in the past."
    )


class RuleSetOut(BaseModel):
    """One version of the reward rules."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "version": 1,
                    "effective_from": "2025-04-01T00:00:00Z",
                    "rules": [rule | {"key": rule["kind"]} for rule in _RULES],
                    "velocity_guard": _GUARD,
                    "created_at": "2025-03-20T10:00:00Z",
                    "created_by": "admin-7",
                }
            ]
        }
    )

    version: int = Field(description="0 is the default every organisation starts with.")
    effective_from: datetime = Field(description="Events that occurred from then on are judged by this version.")
    rules: list[RuleOut] = Field(description="What earns points.")
    velocity_guard: VelocityGuardBody = Field(description="When click points are withheld for review.")
    created_at: datetime = Field(description="When the version was set.")
    created_by: str | None = Field(description="Who set it (null for the default).")


class RewardRulesOut(BaseModel):
    """The rules in force now, and the version scheduled to replace them, if any."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "in_force": RuleSetOut.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                    "scheduled": None,
                }
            ]
        }
    )

    in_force: RuleSetOut = Field(description="The version events occurring now are judged by.")
    scheduled: RuleSetOut | None = Field(description="The version that will apply from its `effective_from`.")
