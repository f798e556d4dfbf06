"""Results of the catalogue's mutations: the success type or the failures each can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.rewards.catalogue_types import Association, Donation, Kudos, Redemption, Reward
from app.api.graphql.rewards.errors import (
    AssociationNotAvailableError,
    InsufficientPointsError,
    OutOfStockError,
    RedemptionLimitReachedError,
    RedemptionNotApprovedError,
    RewardNotAvailableError,
)

CreateRewardResult = Annotated[
    Reward | NotFoundError | ValidationError | AssociationNotAvailableError | ForbiddenError,
    strawberry.union("CreateRewardResult", description="The reward added, or why it was refused."),
]
ChangeRewardResult = Annotated[
    Reward
    | NotFoundError
    | ValidationError
    | InvalidTransitionError
    | AssociationNotAvailableError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("ChangeRewardResult", description="The reward as changed, or why it was not."),
]
RedeemRewardResult = Annotated[
    Redemption
    | NotFoundError
    | RewardNotAvailableError
    | RedemptionLimitReachedError
    | OutOfStockError
    | InsufficientPointsError
    | ValidationError
    | NotAnAmbassadorError
    | NotLinkedError
    | ForbiddenError,
    strawberry.union("RedeemRewardResult", description="The redemption made, or why nothing was spent."),
]
RedemptionTransitionResult = Annotated[
    Redemption
    | NotFoundError
    | ValidationError
    | InvalidTransitionError
    | RedemptionNotApprovedError
    | PreconditionFailedError
    | NotAnAmbassadorError
    | NotLinkedError
    | ForbiddenError,
    strawberry.union(
        "RedemptionTransitionResult", description="The redemption after the transition, or why it was refused."
    ),
]
CreateAssociationResult = Annotated[
    Association | ValidationError | ForbiddenError,
    strawberry.union("CreateAssociationResult", description="The association listed, or why it was refused."),
]
ChangeAssociationResult = Annotated[
    Association | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("ChangeAssociationResult", description="The association as changed, or why it was not."),
]
DonatePointsResult = Annotated[
    Donation
    | NotFoundError
    | ValidationError
    | AssociationNotAvailableError
    | InsufficientPointsError
    | NotAnAmbassadorError
    | NotLinkedError
    | ForbiddenError,
    strawberry.union("DonatePointsResult", description="The donation made, or why nothing was spent."),
]
SendKudosResult = Annotated[
    Kudos | NotFoundError | ValidationError | ForbiddenError,
    strawberry.union("SendKudosResult", description="The kudos sent, or why it was refused."),
]
