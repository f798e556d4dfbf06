"""GraphQL inputs of the catalogue, converted to the same values REST gives the use cases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.global_ids import uuid_of
from app.api.graphql.rewards.catalogue_enums import RewardKind
from app.domain.errors import FieldError, ValidationFailed

REWARD_CLEARABLE = frozenset(
    {"description", "stock", "per_person_limit", "available_from", "available_until", "association_id"}
)
ASSOCIATION_CLEARABLE = frozenset({"description", "website"})


@strawberry.input(description="A reward to add to the catalogue.")
class RewardInput:
    name: str = strawberry.field(description="Its name.")
    kind: RewardKind = strawberry.field(description="A symbolic gift, an experience, or a donation.")
    cost: int = strawberry.field(description="What it costs, in points (at least 1).")
    description: str | None = strawberry.field(default=None, description="What it is.")
    stock: int | None = strawberry.field(default=None, description="Units left; unlimited if omitted.")
    per_person_limit: int | None = strawberry.field(default=None, description="Redemptions one person may hold.")
    available_from: datetime | None = strawberry.field(default=None, description="Offered from then.")
    available_until: datetime | None = strawberry.field(default=None, description="Offered until then.")
    requires_approval: bool = strawberry.field(default=False, description="A manager approves each redemption.")
    association_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a donation, the `id` of its association (and only then)."
    )


@strawberry.input(description="Only the fields sent change (the kind is fixed); null clears the optional ones.")
class RewardChangesInput:
    name: strawberry.Maybe[str | None] = strawberry.field(description="Its name.")
    cost: strawberry.Maybe[int | None] = strawberry.field(description="What it costs, in points.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it is; null clears it.")
    stock: strawberry.Maybe[int | None] = strawberry.field(description="Units left; null: unlimited.")
    per_person_limit: strawberry.Maybe[int | None] = strawberry.field(description="Null: no limit.")
    available_from: strawberry.Maybe[datetime | None] = strawberry.field(description="Null: offered already.")
    available_until: strawberry.Maybe[datetime | None] = strawberry.field(description="Null: open-ended.")
    requires_approval: strawberry.Maybe[bool | None] = strawberry.field(description="A manager approves each one.")
    association_id: strawberry.Maybe[strawberry.ID | None] = strawberry.field(description="For a donation.")


@strawberry.input(description="An association ambassadors may give points to.")
class AssociationInput:
    name: str = strawberry.field(description="Its name.")
    description: str | None = strawberry.field(default=None, description="What it does.")
    website: str | None = strawberry.field(default=None, description="Its https:// website.")


@strawberry.input(description="Only the fields sent change; null clears description or website.")
class AssociationChangesInput:
    name: strawberry.Maybe[str | None] = strawberry.field(description="Its name.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it does; null clears it.")
    website: strawberry.Maybe[str | None] = strawberry.field(description="Its website; null clears it.")


def _converted(values: dict[str, Any]) -> dict[str, Any]:
    """Global ids to UUIDs, and instants refused without their zone."""
    if values.get("association_id") is not None:
        values["association_id"] = uuid_of(values["association_id"], "Association", ("association_id",))
    instants = ("available_from", "available_until")
    naive = [name for name in instants if values.get(name) is not None and values[name].utcoffset() is None]
    if naive:
        raise ValidationFailed(
            "The instant needs its time zone.", [FieldError((name,), "Add a zone.") for name in naive]
        )
    return values


def reward_values(data: RewardInput) -> dict[str, Any]:
    return _converted(dict(vars(data)))


def reward_changes(data: RewardChangesInput) -> dict[str, Any]:
    return _converted(sent_changes(data, REWARD_CLEARABLE))


def association_values(data: AssociationInput) -> dict[str, Any]:
    return dict(vars(data))


def association_changes(data: AssociationChangesInput) -> dict[str, Any]:
    return sent_changes(data, ASSOCIATION_CLEARABLE)
