"""GraphQL types of the catalogue: rewards, redemptions, associations, donations and kudos."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.rewards.catalogue_enums import (
    AssociationStatus,
    RedemptionAction,
    RedemptionStatus,
    RewardKind,
    RewardStatus,
)


@strawberry.type(description="A reward of the catalogue: what ambassadors may turn their points into.")
class Reward(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this reward safely.")
    name: str = strawberry.field(description="Its name.")
    description: str | None = strawberry.field(description="What it is, if said.")
    kind: RewardKind = strawberry.field(description="A symbolic gift, an experience, or a donation.")
    cost: int = strawberry.field(description="What it costs, in points.")
    stock: int | None = strawberry.field(description="Units left; null: unlimited.")
    per_person_limit: int | None = strawberry.field(description="Redemptions one ambassador may hold; null: any.")
    available_from: datetime | None = strawberry.field(description="Offered from then, if set.")
    available_until: datetime | None = strawberry.field(description="Offered until then, if set.")
    requires_approval: bool = strawberry.field(description="A manager approves each redemption.")
    association_id: relay.GlobalID | None = strawberry.field(description="For a donation, its association's `id`.")
    status: RewardStatus = strawberry.field(description="Active, or archived.")
    available_now: bool = strawberry.field(description="Active and inside its window now (stock aside).")
    created_at: datetime = strawberry.field(description="When it was added.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this reward (`/v1/rewards/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="A redemption of a reward by an ambassador.")
class Redemption(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this redemption safely.")
    reward_id: relay.GlobalID = strawberry.field(description="The reward's `id`.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The ambassador's `id`.")
    points: int = strawberry.field(description="The points it cost, spent when it was requested.")
    status: RedemptionStatus = strawberry.field(description="Where it stands.")
    allowed_actions: list[RedemptionAction] = strawberry.field(description="What its status allows.")
    spend_entry_id: UUID = strawberry.field(description="The ledger entry that spent its points.")
    refund_entry_id: UUID | None = strawberry.field(description="The ledger entry that refunded them, if any.")
    reason: str | None = strawberry.field(description="Why it was rejected, if it was.")
    decided_by: str | None = strawberry.field(description="Who approved, rejected or fulfilled it last.")
    decided_at: datetime | None = strawberry.field(description="When it was approved or rejected.")
    fulfilled_at: datetime | None = strawberry.field(description="When it was handed over.")
    created_at: datetime = strawberry.field(description="When it was requested.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this redemption (`/v1/redemptions/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="An association ambassadors may give points to.")
class Association(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this association safely.")
    name: str = strawberry.field(description="Its name.")
    description: str | None = strawberry.field(description="What it does, if said.")
    website: str | None = strawberry.field(description="Its website, if given.")
    status: AssociationStatus = strawberry.field(description="Active, or archived.")
    created_at: datetime = strawberry.field(description="When it was listed.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this association (`/v1/associations/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="Points an ambassador gave to an association.")
class Donation:
    uuid: UUID = strawberry.field(description="The donation's id.")
    association_id: relay.GlobalID = strawberry.field(description="The association's `id`.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The ambassador's `id`.")
    points: int = strawberry.field(description="The points given.")
    entry_id: UUID = strawberry.field(description="The ledger entry (kind `donation`) that took them.")
    created_at: datetime = strawberry.field(description="When.")


@strawberry.type(description="What the programme's ambassadors gave one association.")
class DonationTotal:
    association_id: relay.GlobalID = strawberry.field(description="The association's `id`.")
    points: int = strawberry.field(description="The points given to it, in all.")
    donations: int = strawberry.field(description="How many donations.")
    donors: int = strawberry.field(description="How many ambassadors gave.")


@strawberry.type(description="Public recognition staff sent an ambassador.")
class Kudos:
    uuid: UUID = strawberry.field(description="The kudos' id.")
    ambassador_id: relay.GlobalID = strawberry.field(description="Who is recognised.")
    message: str = strawberry.field(description="What for.")
    sent_by: str = strawberry.field(description="Who sent it (their token's subject).")
    sent_at: datetime = strawberry.field(description="When.")
