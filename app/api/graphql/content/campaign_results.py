"""Results of the campaign mutations: the success type or the failures each can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.content.campaign_types import Campaign, CampaignMembership
from app.api.graphql.errors import (
    DuplicateValueError,
    ForbiddenError,
    InvalidTransitionError,
    NotFoundError,
    PreconditionFailedError,
    ValidationError,
)

CreateCampaignResult = Annotated[
    Campaign | ValidationError | DuplicateValueError | ForbiddenError,
    strawberry.union("CreateCampaignResult", description="The new campaign, or why it was refused."),
]


UpdateCampaignResult = Annotated[
    Campaign
    | NotFoundError
    | ValidationError
    | DuplicateValueError
    | InvalidTransitionError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("UpdateCampaignResult", description="The campaign as changed, or why it was not."),
]


CampaignTransitionResult = Annotated[
    Campaign | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union(
        "CampaignTransitionResult", description="The campaign after the transition, or why it was refused."
    ),
]


CampaignContentResult = Annotated[
    CampaignMembership | NotFoundError | InvalidTransitionError | ValidationError | ForbiddenError,
    strawberry.union(
        "CampaignContentResult", description="The content's place in the campaign, or why it was refused."
    ),
]
