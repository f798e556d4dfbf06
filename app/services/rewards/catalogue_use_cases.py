"""The builder of rewards' catalogue use cases: rewards, redemptions, associations, donations and kudos."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.current_time import CurrentTime
from app.services.rewards.decide_redemption import (
    ApproveRedemption,
    CancelRedemption,
    FulfilRedemption,
    RejectRedemption,
)
from app.services.rewards.donate_points import DonatePoints, GetDonationTotals, ListMyDonations
from app.services.rewards.get_redemption import GetRedemption, ListMyRedemptions, ListRedemptions
from app.services.rewards.manage_associations import (
    ArchiveAssociation,
    CreateAssociation,
    GetAssociation,
    ListAssociations,
    UpdateAssociation,
)
from app.services.rewards.manage_rewards import ArchiveReward, CreateReward, GetReward, ListRewards, UpdateReward
from app.services.rewards.redeem_reward import RedeemReward
from app.services.rewards.send_kudos import ListKudos, ListMyKudos, SendKudos


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogueUseCases:
    # The instant rewards are judged available at, for both APIs.
    current_time: CurrentTime
    create_reward: CreateReward
    update_reward: UpdateReward
    archive_reward: ArchiveReward
    get_reward: GetReward
    list_rewards: ListRewards
    redeem_reward: RedeemReward
    approve_redemption: ApproveRedemption
    reject_redemption: RejectRedemption
    fulfil_redemption: FulfilRedemption
    cancel_redemption: CancelRedemption
    get_redemption: GetRedemption
    list_redemptions: ListRedemptions
    list_my_redemptions: ListMyRedemptions
    create_association: CreateAssociation
    update_association: UpdateAssociation
    archive_association: ArchiveAssociation
    get_association: GetAssociation
    list_associations: ListAssociations
    donate_points: DonatePoints
    list_my_donations: ListMyDonations
    get_donation_totals: GetDonationTotals
    send_kudos: SendKudos
    list_kudos: ListKudos
    list_my_kudos: ListMyKudos


def build_catalogue(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> CatalogueUseCases:
    args = (uow, clock, ids)
    return CatalogueUseCases(
        current_time=CurrentTime(*args),
        create_reward=CreateReward(*args),
        update_reward=UpdateReward(*args),
        archive_reward=ArchiveReward(*args),
        get_reward=GetReward(*args),
        list_rewards=ListRewards(*args),
        redeem_reward=RedeemReward(*args),
        approve_redemption=ApproveRedemption(*args),
        reject_redemption=RejectRedemption(*args),
        fulfil_redemption=FulfilRedemption(*args),
        cancel_redemption=CancelRedemption(*args),
        get_redemption=GetRedemption(*args),
        list_redemptions=ListRedemptions(*args),
        list_my_redemptions=ListMyRedemptions(*args),
        create_association=CreateAssociation(*args),
        update_association=UpdateAssociation(*args),
        archive_association=ArchiveAssociation(*args),
        get_association=GetAssociation(*args),
        list_associations=ListAssociations(*args),
        donate_points=DonatePoints(*args),
        list_my_donations=ListMyDonations(*args),
        get_donation_totals=GetDonationTotals(*args),
        send_kudos=SendKudos(*args),
        list_kudos=ListKudos(*args),
        list_my_kudos=ListMyKudos(*args),
    )
