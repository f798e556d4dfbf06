"""GraphQL changes of the catalogue: rewards, redemptions and their decisions, associations, donations, kudos."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import ExpectedVersion
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.api.graphql.rewards import catalogue_inputs as inputs
from app.api.graphql.rewards.catalogue_mappers import (
    association_node,
    donation_node,
    kudos_node,
    redemption_node,
    reward_node,
)
from app.api.graphql.rewards.catalogue_results import (
    ChangeAssociationResult,
    ChangeRewardResult,
    CreateAssociationResult,
    CreateRewardResult,
    DonatePointsResult,
    RedeemRewardResult,
    RedemptionTransitionResult,
    SendKudosResult,
)
from app.api.graphql.rewards.catalogue_types import Redemption, Reward
from app.domain.rewards import catalogue, redemptions
from app.domain.rewards.catalogue import RewardFields
from app.domain.rewards.donations import AssociationFields
from app.services.rewards.decide_redemption import RedemptionCommand, RejectRedemptionCommand
from app.services.rewards.donate_points import DonateCommand
from app.services.rewards.manage_associations import AssociationTransitionCommand, UpdateAssociationCommand
from app.services.rewards.manage_rewards import RewardTransitionCommand, UpdateRewardCommand
from app.services.rewards.send_kudos import SendKudosCommand

Info = strawberry.Info[GraphQLContext, None]
RewardId = Annotated[strawberry.ID, strawberry.argument(description="The reward's `id`.")]
RedemptionId = Annotated[strawberry.ID, strawberry.argument(description="The redemption's `id`.")]
AssociationId = Annotated[strawberry.ID, strawberry.argument(description="The association's `id`.")]


def _reward(info: Info, reward: catalogue.Reward) -> Reward:
    return reward_node(reward, info.context.services.catalogue.current_time())


def _command(redemption_id: str, expected_version: int | None) -> RedemptionCommand:
    return RedemptionCommand(
        redemption_id=uuid_of(redemption_id, "Redemption", ("redemption_id",)), expected_version=expected_version
    )


def _node(redemption: redemptions.Redemption) -> Redemption:
    return redemption_node(redemption)


@strawberry.type
class CatalogueMutation:
    @described.mutation("Add a reward to the catalogue (admin, manager).")
    async def create_reward(
        self,
        info: Info,
        input: Annotated[inputs.RewardInput, strawberry.argument(description="The new reward.")],  # noqa: A002
    ) -> CreateRewardResult:
        fields = RewardFields(**inputs.reward_values(input))
        return _reward(info, await info.context.services.catalogue.create_reward(info.context.principal, fields))

    @described.mutation("Change the fields sent (admin, manager); setting the stock sets the units left.")
    async def update_reward(
        self,
        info: Info,
        reward_id: RewardId,
        input: Annotated[  # noqa: A002
            inputs.RewardChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeRewardResult:
        command = UpdateRewardCommand(
            reward_id=uuid_of(reward_id, "Reward", ("reward_id",)),
            changes=inputs.reward_changes(input),
            expected_version=expected_version,
        )
        return _reward(info, await info.context.services.catalogue.update_reward(info.context.principal, command))

    @described.mutation("Withdraw a reward from the catalogue (admin, manager).")
    async def archive_reward(
        self, info: Info, reward_id: RewardId, expected_version: ExpectedVersion = None
    ) -> ChangeRewardResult:
        command = RewardTransitionCommand(
            reward_id=uuid_of(reward_id, "Reward", ("reward_id",)), expected_version=expected_version
        )
        return _reward(info, await info.context.services.catalogue.archive_reward(info.context.principal, command))

    @described.mutation("Spend a reward's cost on it (active ambassadors); nothing is spent when it is refused.")
    async def redeem_reward(self, info: Info, reward_id: RewardId) -> RedeemRewardResult:
        uuid = uuid_of(reward_id, "Reward", ("reward_id",))
        return _node(await info.context.services.catalogue.redeem_reward(info.context.principal, uuid))

    @described.mutation("Approve a requested redemption (admin, manager).")
    async def approve_redemption(
        self, info: Info, redemption_id: RedemptionId, expected_version: ExpectedVersion = None
    ) -> RedemptionTransitionResult:
        catalogue_cases = info.context.services.catalogue
        command = _command(redemption_id, expected_version)
        return _node(await catalogue_cases.approve_redemption(info.context.principal, command))

    @described.mutation("Reject a redemption with a reason (admin, manager); its points are refunded.")
    async def reject_redemption(
        self,
        info: Info,
        redemption_id: RedemptionId,
        reason: Annotated[str, strawberry.argument(description="Why, for the ambassador.")],
        expected_version: ExpectedVersion = None,
    ) -> RedemptionTransitionResult:
        base = _command(redemption_id, expected_version)
        command = RejectRedemptionCommand(
            redemption_id=base.redemption_id, reason=reason, expected_version=expected_version
        )
        return _node(await info.context.services.catalogue.reject_redemption(info.context.principal, command))

    @described.mutation("Record an approved redemption handed over (admin, manager).")
    async def fulfil_redemption(
        self, info: Info, redemption_id: RedemptionId, expected_version: ExpectedVersion = None
    ) -> RedemptionTransitionResult:
        command = _command(redemption_id, expected_version)
        return _node(await info.context.services.catalogue.fulfil_redemption(info.context.principal, command))

    @described.mutation("Cancel your own redemption before approval (ambassadors); its points are refunded.")
    async def cancel_redemption(
        self, info: Info, redemption_id: RedemptionId, expected_version: ExpectedVersion = None
    ) -> RedemptionTransitionResult:
        command = _command(redemption_id, expected_version)
        return _node(await info.context.services.catalogue.cancel_redemption(info.context.principal, command))

    @described.mutation("List an association ambassadors may give points to (admin, manager).")
    async def create_association(
        self,
        info: Info,
        input: Annotated[  # noqa: A002
            inputs.AssociationInput, strawberry.argument(description="The new association.")
        ],
    ) -> CreateAssociationResult:
        fields = AssociationFields(**inputs.association_values(input))
        created = await info.context.services.catalogue.create_association(info.context.principal, fields)
        return association_node(created)

    @described.mutation("Change the fields sent of an association (admin, manager).")
    async def update_association(
        self,
        info: Info,
        association_id: AssociationId,
        input: Annotated[  # noqa: A002
            inputs.AssociationChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> ChangeAssociationResult:
        command = UpdateAssociationCommand(
            association_id=uuid_of(association_id, "Association", ("association_id",)),
            changes=inputs.association_changes(input),
            expected_version=expected_version,
        )
        return association_node(
            await info.context.services.catalogue.update_association(info.context.principal, command)
        )

    @described.mutation("Withdraw an association from the list (admin, manager).")
    async def archive_association(
        self, info: Info, association_id: AssociationId, expected_version: ExpectedVersion = None
    ) -> ChangeAssociationResult:
        command = AssociationTransitionCommand(
            association_id=uuid_of(association_id, "Association", ("association_id",)),
            expected_version=expected_version,
        )
        return association_node(
            await info.context.services.catalogue.archive_association(info.context.principal, command)
        )

    @described.mutation("Give points to an association (active ambassadors); nothing is spent when refused.")
    async def donate_points(
        self,
        info: Info,
        association_id: AssociationId,
        points: Annotated[int, strawberry.argument(description="How many points to give (at least 1).")],
    ) -> DonatePointsResult:
        command = DonateCommand(
            association_id=uuid_of(association_id, "Association", ("association_id",)), points=points
        )
        return donation_node(await info.context.services.catalogue.donate_points(info.context.principal, command))

    @described.mutation("Recognise an ambassador in public, with a message (admin, manager).")
    async def send_kudos(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(description="The ambassador's `id`.")],
        message: Annotated[str, strawberry.argument(description="What you recognise them for.")],
    ) -> SendKudosResult:
        command = SendKudosCommand(
            ambassador_id=uuid_of(ambassador_id, "Ambassador", ("ambassador_id",)), message=message
        )
        return kudos_node(await info.context.services.catalogue.send_kudos(info.context.principal, command))
