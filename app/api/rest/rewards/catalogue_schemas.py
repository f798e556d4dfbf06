"""REST bodies of the rewards catalogue and of redemptions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from app.api.rest.bodies import JSON_INTEGER, Omittable, RequestBody, refuse_null
from app.api.rest.instants import Instant
from app.api.rest.texts import MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.rewards.catalogue import (
    MAX_COST,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_PER_PERSON,
    MAX_STOCK,
    RewardKind,
    RewardStatus,
)
from app.domain.rewards.redemptions import MAX_REASON, RedemptionAction, RedemptionStatus

REWARD_ID = "0196a3f8-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
REDEMPTION_ID = "0196a3f9-2b3c-7d4e-9f5a-6b7c8d9e0f1a"
ASSOCIATION_ID = "0196a3f7-0a1b-7c2d-8e3f-4a5b6c7d8e9f"
_AMBASSADOR_ID = "0196a3b4-1e2f-7a3b-8c4d-6e7f8a9b0c1d"
_CREATED = "2025-03-03T09:12:44.180000Z"
_UPDATED = "2025-03-10T16:02:09.512000Z"

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME), SINGLE_LINE_NOT_BLANK]
# Not blank: null clears a description, an empty text is refused.
Description = Annotated[str, Field(min_length=1, max_length=MAX_DESCRIPTION), MULTI_LINE_NOT_BLANK]
Cost = Annotated[int, Field(ge=1, le=MAX_COST), JSON_INTEGER]
Stock = Annotated[int, Field(ge=0, le=MAX_STOCK), JSON_INTEGER]
PerPerson = Annotated[int, Field(ge=1, le=MAX_PER_PERSON), JSON_INTEGER]

_REWARD_SENT: dict[str, Any] = {
    "name": "Lunch with the leadership team",
    "description": "Lunch in Lyon with two members of the executive committee.",
    "kind": "experience",
    "cost": 500,
    "stock": 4,
    "per_person_limit": 1,
    "available_from": "2025-03-01T00:00:00Z",
    "available_until": "2025-06-30T22:00:00Z",
    "requires_approval": True,
    "association_id": None,
}


class RewardFieldsBody(RequestBody):
    name: Omittable[Name] = Field(default=None, description="Its name, as ambassadors read it.")
    description: Description | None = Field(default=None, description="What it is; null clears it.")
    cost: Omittable[Cost] = Field(default=None, description="What it costs, in points.")
    stock: Stock | None = Field(default=None, description="Units left; null: unlimited.")
    per_person_limit: PerPerson | None = Field(
        default=None, description="Redemptions one ambassador may hold at once; null: no limit."
    )
    available_from: Instant | None = Field(default=None, description="Offered from then; null: already.")
    available_until: Instant | None = Field(default=None, description="Offered until then; null: open-ended.")
    requires_approval: Omittable[StrictBool] = Field(
        default=None, description="A manager approves each redemption before it is fulfilled."
    )
    association_id: UUID | None = Field(
        default=None, description="For a donation: the association it goes to (and only then)."
    )

    _not_null = field_validator("name", "cost", "requires_approval")(refuse_null)


class RewardCreate(RewardFieldsBody):
    """A reward to add to the catalogue."""

    model_config = ConfigDict(json_schema_extra={"examples": [_REWARD_SENT]})

    name: Name = Field(description="Its name, as ambassadors read it.")
    kind: RewardKind = Field(description="A symbolic gift, an experience, or a donation to an association.")
    cost: Cost = Field(description="What it costs, in points.")


class RewardUpdate(RewardFieldsBody):
    """Only the fields sent change (its kind is fixed); send null to clear description, stock, the limit or
    the window."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"stock": 6, "cost": 450}]})


class RewardOut(BaseModel):
    """A reward of the catalogue."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _REWARD_SENT
                | {
                    "id": REWARD_ID,
                    "status": "active",
                    "available_now": True,
                    "created_at": _CREATED,
                    "updated_at": _UPDATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The reward's id.")
    name: str = Field(description="Its name.")
    description: str | None = Field(description="What it is, if said.")
    kind: RewardKind = Field(description="A symbolic gift, an experience, or a donation.")
    cost: int = Field(description="What it costs, in points.")
    stock: int | None = Field(description="Units left; null: unlimited.")
    per_person_limit: int | None = Field(description="Redemptions one ambassador may hold at once; null: no limit.")
    available_from: datetime | None = Field(description="Offered from then, if set.")
    available_until: datetime | None = Field(description="Offered until then, if set.")
    requires_approval: bool = Field(description="A manager approves each redemption.")
    association_id: UUID | None = Field(description="For a donation, the association it goes to.")
    status: RewardStatus = Field(description="Active, or archived (no longer offered).")
    available_now: bool = Field(description="Active and inside its window now (stock aside).")
    created_at: datetime = Field(description="When it was added.")
    updated_at: datetime = Field(description="When it last changed.")


class RedemptionCreate(RequestBody):
    """The reward to redeem; its cost leaves your balance now."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reward_id": REWARD_ID}]})

    reward_id: UUID = Field(description="The reward's id.")


class RedemptionRejection(RequestBody):
    """Why the redemption is rejected; the ambassador reads it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "The lunch is full this quarter."}]})

    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE_NOT_BLANK] = Field(
        description="Why, for the ambassador."
    )


class RedemptionOut(BaseModel):
    """A redemption of a reward by an ambassador."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": REDEMPTION_ID,
                    "reward_id": REWARD_ID,
                    "ambassador_id": _AMBASSADOR_ID,
                    "points": 500,
                    "status": "requested",
                    "allowed_actions": ["approve", "reject", "cancel"],
                    "spend_entry_id": "0196a3f9-3c4d-7e5f-8a6b-7c8d9e0f1a2b",
                    "refund_entry_id": None,
                    "reason": None,
                    "decided_by": None,
                    "decided_at": None,
                    "fulfilled_at": None,
                    "created_at": _CREATED,
                    "updated_at": _CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The redemption's id.")
    reward_id: UUID = Field(description="The reward redeemed.")
    ambassador_id: UUID = Field(description="The ambassador who redeemed it.")
    points: int = Field(description="The points it cost, spent when it was requested.")
    status: RedemptionStatus = Field(description="Requested, approved, fulfilled, rejected or cancelled.")
    allowed_actions: list[RedemptionAction] = Field(
        description="What its status allows: staff approve, reject and fulfil; its ambassador cancels."
    )
    spend_entry_id: UUID = Field(description="The ledger entry that spent its points.")
    refund_entry_id: UUID | None = Field(description="The ledger entry that refunded them, once rejected or cancelled.")
    reason: str | None = Field(description="Why it was rejected, if it was.")
    decided_by: str | None = Field(description="Who approved, rejected or fulfilled it last (their token's subject).")
    decided_at: datetime | None = Field(description="When it was approved or rejected.")
    fulfilled_at: datetime | None = Field(description="When it was fulfilled.")
    created_at: datetime = Field(description="When it was requested.")
    updated_at: datetime = Field(description="When it last changed.")
