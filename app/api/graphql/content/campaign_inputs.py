"""GraphQL inputs of campaigns, converted to the same values REST gives the use cases."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from app.api.graphql.content.enums import Objective
from app.api.graphql.content.inputs import InputConverter, TargetingInput
from app.domain.content.campaigns import Goals
from app.domain.errors import FieldError


@strawberry.input(description="A target for one conversion type (lead, job_application, ...).")
class ConversionGoalInput:
    type: str
    target: int


@strawberry.input
class GoalsInput:
    shares: int | None = None
    clicks: int | None = None
    conversions: list[ConversionGoalInput] = strawberry.field(default_factory=list)


@strawberry.input(description="A new campaign, a draft until launched. Its slug is unique in the organisation.")
class CampaignInput:
    name: str
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None = None
    objective: Objective | None = None
    starts_at: datetime | None = strawberry.field(default=None, description="Needed to launch.")
    ends_at: datetime | None = None
    targeting: TargetingInput | None = None
    goals: GoalsInput | None = None
    points_multiplier: float = strawberry.field(default=1.0, description="At least 1, two decimals at most.")
    is_challenge: bool = False


@strawberry.input(description="Only the fields sent change; send null to clear description, objective or dates.")
class CampaignChangesInput:
    name: strawberry.Maybe[str]
    slug: strawberry.Maybe[str]
    description: strawberry.Maybe[str | None]
    objective: strawberry.Maybe[Objective | None]
    starts_at: strawberry.Maybe[datetime | None]
    ends_at: strawberry.Maybe[datetime | None]
    targeting: strawberry.Maybe[TargetingInput]
    goals: strawberry.Maybe[GoalsInput]
    points_multiplier: strawberry.Maybe[float]
    is_challenge: strawberry.Maybe[bool]


class CampaignConverter(InputConverter):
    nullable = frozenset({"objective", "description", "starts_at", "ends_at"})

    def value(self, name: str, value: Any) -> Any:
        if value is not None and name == "goals":
            return self.goals(value)
        if value is not None and name == "points_multiplier":
            return Decimal(str(value))
        return super().value(name, value)

    def goals(self, value: GoalsInput) -> Goals:
        conversions: dict[str, int] = {}
        for index, goal in enumerate(value.conversions):
            if goal.type in conversions:
                self.errors.append(FieldError(("goals", "conversions", index, "type"), "Give one target per type."))
            conversions[goal.type] = goal.target
        return Goals(shares=value.shares, clicks=value.clicks, conversions=conversions)


def campaign_values(data: CampaignInput) -> dict[str, Any]:
    converter = CampaignConverter()
    sent = {name: value for name, value in vars(data).items() if value is not None or name in converter.nullable}
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The campaign is not valid.")


def campaign_changes(data: CampaignChangesInput) -> dict[str, Any]:
    converter = CampaignConverter()
    sent = {name: value.value for name, value in vars(data).items() if isinstance(value, strawberry.Some)}
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")
