"""The catalogue's domain objects to GraphQL types, field by field."""

from __future__ import annotations

from datetime import datetime

from app.api.graphql.global_ids import global_id, optional_global_id
from app.api.graphql.rewards.catalogue_types import Association, Donation, DonationTotal, Kudos, Redemption, Reward
from app.domain.rewards import catalogue, donations, kudos, redemptions


def reward_node(reward: catalogue.Reward, now: datetime) -> Reward:
    fields = reward.fields
    return Reward(
        id=reward.id,
        version=reward.version,
        name=fields.name,
        description=fields.description,
        kind=fields.kind,
        cost=fields.cost,
        stock=fields.stock,
        per_person_limit=fields.per_person_limit,
        available_from=fields.available_from,
        available_until=fields.available_until,
        requires_approval=fields.requires_approval,
        association_id=optional_global_id("Association", fields.association_id),
        status=reward.status,
        available_now=reward.available_at(now),
        created_at=reward.created_at,
        updated_at=reward.updated_at,
    )


def redemption_node(redemption: redemptions.Redemption) -> Redemption:
    return Redemption(
        id=redemption.id,
        version=redemption.version,
        reward_id=global_id("Reward", redemption.reward_id),
        ambassador_id=global_id("Ambassador", redemption.ambassador_id),
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


def association_node(association: donations.Association) -> Association:
    return Association(
        id=association.id,
        version=association.version,
        name=association.fields.name,
        description=association.fields.description,
        website=association.fields.website,
        status=association.status,
        created_at=association.created_at,
        updated_at=association.updated_at,
    )


def donation_node(donation: donations.Donation) -> Donation:
    return Donation(
        uuid=donation.id,
        association_id=global_id("Association", donation.association_id),
        ambassador_id=global_id("Ambassador", donation.ambassador_id),
        points=donation.points,
        entry_id=donation.entry_id,
        created_at=donation.created_at,
    )


def donation_total_node(total: donations.DonationTotal) -> DonationTotal:
    return DonationTotal(
        association_id=global_id("Association", total.association_id),
        points=total.points,
        donations=total.donations,
        donors=total.donors,
    )


def kudos_node(item: kudos.Kudos) -> Kudos:
    return Kudos(
        uuid=item.id,
        ambassador_id=global_id("Ambassador", item.ambassador_id),
        message=item.message,
        sent_by=item.sent_by,
        sent_at=item.sent_at,
    )
