"""GraphQL enums of the catalogue: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.rewards.catalogue import RewardKind, RewardStatus
from app.domain.rewards.donations import AssociationStatus
from app.domain.rewards.redemptions import RedemptionAction, RedemptionStatus

__all__ = ["AssociationStatus", "RedemptionAction", "RedemptionStatus", "RewardKind", "RewardStatus"]

domain_enum(
    RewardKind,
    "What a reward is.",
    {
        RewardKind.GIFT: "A symbolic gift.",
        RewardKind.EXPERIENCE: "An experience: lunch with the leadership, event access, a training.",
        RewardKind.DONATION: "A donation to one of the programme's associations.",
    },
)
domain_enum(
    RewardStatus,
    "Whether a reward is in the catalogue.",
    {RewardStatus.ACTIVE: "In the catalogue.", RewardStatus.ARCHIVED: "Withdrawn; no longer redeemed."},
)
domain_enum(
    AssociationStatus,
    "Whether an association receives donations.",
    {AssociationStatus.ACTIVE: "Listed; receives donations.", AssociationStatus.ARCHIVED: "Withdrawn from the list."},
)
domain_enum(
    RedemptionStatus,
    "Where a redemption stands.",
    {
        RedemptionStatus.REQUESTED: "Points spent; awaiting a manager's approval.",
        RedemptionStatus.APPROVED: "Approved (at once when the reward needs no approval); to be handed over.",
        RedemptionStatus.FULFILLED: "Handed over.",
        RedemptionStatus.REJECTED: "Refused by staff, with a reason; its points were refunded.",
        RedemptionStatus.CANCELLED: "Cancelled by its ambassador before approval; its points were refunded.",
    },
)
domain_enum(
    RedemptionAction,
    "What a redemption's status allows.",
    {
        RedemptionAction.APPROVE: "Staff approve it.",
        RedemptionAction.REJECT: "Staff reject it, with a reason (its points are refunded).",
        RedemptionAction.CANCEL: "Its ambassador cancels it before approval (its points are refunded).",
        RedemptionAction.FULFIL: "Staff record it handed over.",
    },
)
