"""The catalogue, redemptions, associations, donations and kudos between REST bodies and the domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from app.api.rest.rewards.catalogue_schemas import RedemptionOut, RewardOut
from app.api.rest.rewards.donation_schemas import AssociationOut, DonationOut, DonationTotalOut, KudosOut
from app.domain.rewards.catalogue import Reward
from app.domain.rewards.donations import Association, Donation, DonationTotal
from app.domain.rewards.kudos import Kudos
from app.domain.rewards.redemptions import Redemption


def changes(body: BaseModel) -> dict[str, Any]:
    """The fields sent, as the domain names them."""
    return {name: getattr(body, name) for name in body.model_fields_set}


def reward_out(reward: Reward, now: datetime) -> RewardOut:
    fields = reward.fields
    return RewardOut(
        id=reward.id,
        name=fields.name,
        description=fields.description,
        kind=fields.kind,
        cost=fields.cost,
        stock=fields.stock,
        per_person_limit=fields.per_person_limit,
        available_from=fields.available_from,
        available_until=fields.available_until,
        requires_approval=fields.requires_approval,
        association_id=fields.association_id,
        status=reward.status,
        available_now=reward.available_at(now),
        created_at=reward.created_at,
        updated_at=reward.updated_at,
    )


def redemption_out(redemption: Redemption) -> RedemptionOut:
    return RedemptionOut(
        id=redemption.id,
        reward_id=redemption.reward_id,
        ambassador_id=redemption.ambassador_id,
        points=redemption.points,
        status=redemption.status,
        allowed_actions=list(redemption.allowed_actions()),
        spend_entry_id=redemption.spend_entry_id,
        refund_entry_id=redemption.refund_entry_id,
        reason=redemption.reason,
        decided_by=redemption.decided_by,
        decided_at=redemption.decided_at,
        fulfilled_at=redemption.fulfilled_at,
        created_at=redemption.created_at,
        updated_at=redemption.updated_at,
    )


def association_out(association: Association) -> AssociationOut:
    return AssociationOut(
        id=association.id,
        name=association.fields.name,
        description=association.fields.description,
        website=association.fields.website,
        status=association.status,
        created_at=association.created_at,
        updated_at=association.updated_at,
    )


def donation_out(donation: Donation) -> DonationOut:
    return DonationOut(
        id=donation.id,
        association_id=donation.association_id,
        ambassador_id=donation.ambassador_id,
        points=donation.points,
        entry_id=donation.entry_id,
        created_at=donation.created_at,
    )


def donation_total_out(total: DonationTotal) -> DonationTotalOut:
    return DonationTotalOut(
        association_id=total.association_id, points=total.points, donations=total.donations, donors=total.donors
    )


def kudos_out(kudos: Kudos) -> KudosOut:
    return KudosOut(
        id=kudos.id,
        ambassador_id=kudos.ambassador_id,
        message=kudos.message,
        sent_by=kudos.sent_by,
        sent_at=kudos.sent_at,
    )
