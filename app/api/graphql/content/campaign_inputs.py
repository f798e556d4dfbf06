"""GraphQL inputs of campaigns, converted to the same values REST gives the use cases."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from app.api.graphql.changes import refused_nulls, sent_fields
from app.api.graphql.content.enums import Objective
from app.api.graphql.content.inputs import InputConverter, TargetingInput
from app.domain.content.campaigns import Goals
from app.domain.errors import FieldError


@strawberry.input(description="A target for one conversion type (lead, job_application, ...).")
class ConversionGoalInput:
    type: str = strawberry.field(description="The conversion type, as reported (`lead`, `job_application`, ...).")
    target: int = strawberry.field(description="How many to reach.")


@strawberry.input(description="What a campaign aims for; leave a target out to set none.")
class GoalsInput:
    shares: int | None = strawberry.field(default=None, description="Shares to reach.")
    clicks: int | None = strawberry.field(default=None, description="Clicks to reach.")
    conversions: list[ConversionGoalInput] = strawberry.field(
        default_factory=list, description="Conversions to reach, one target per type."
    )


@strawberry.input(description="A new campaign, a draft until launched. Its slug is unique in the organisation.")
class CampaignInput:
    name: str = strawberry.field(description="Its name.")
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None = strawberry.field(default=None, description="What it is about.")
    objective: Objective | None = strawberry.field(default=None, description="What it is for.")
    starts_at: datetime | None = strawberry.field(default=None, description="Needed to launch.")
    ends_at: datetime | None = strawberry.field(default=None, description="When it ends; open-ended if omitted.")
    targeting: TargetingInput | None = strawberry.field(default=None, description="Who it is for; everyone if omitted.")
    goals: GoalsInput | None = strawberry.field(default=None, description="What it aims for.")
    points_multiplier: float = strawberry.field(default=1.0, description="At least 1, two decimals at most.")
    is_challenge: bool = strawberry.field(default=False, description="A challenge ambassadors compete in.")


@strawberry.input(description="Only the fields sent change; send null to clear description, objective or dates.")
class CampaignChangesInput:
    name: strawberry.Maybe[str | None] = strawberry.field(description="Its name.")
    slug: strawberry.Maybe[str | None] = strawberry.field(description="Its `utm_campaign`; fixed once launched.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it is about; null clears it.")
    objective: strawberry.Maybe[Objective | None] = strawberry.field(description="What it is for; null clears it.")
    starts_at: strawberry.Maybe[datetime | None] = strawberry.field(description="When it starts; null clears it.")
    ends_at: strawberry.Maybe[datetime | None] = strawberry.field(description="When it ends; null: open-ended.")
    targeting: strawberry.Maybe[TargetingInput | None] = strawberry.field(description="Who it is for.")
    goals: strawberry.Maybe[GoalsInput | None] = strawberry.field(description="What it aims for.")
    points_multiplier: strawberry.Maybe[float | None] = strawberry.field(
        description="At least 1, two decimals at most."
    )
    is_challenge: strawberry.Maybe[bool | None] = strawberry.field(description="A challenge ambassadors compete in.")


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
    sent = sent_fields(data)
    converter.errors += refused_nulls(sent, converter.nullable)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")
