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
    strawberry.union("CreateCampaignResult"),
]


UpdateCampaignResult = Annotated[
    Campaign
    | NotFoundError
    | ValidationError
    | DuplicateValueError
    | InvalidTransitionError
    | PreconditionFailedError
    | ForbiddenError,
    strawberry.union("UpdateCampaignResult"),
]


CampaignTransitionResult = Annotated[
    Campaign | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("CampaignTransitionResult"),
]


CampaignContentResult = Annotated[
    CampaignMembership | NotFoundError | InvalidTransitionError | ForbiddenError,
    strawberry.union("CampaignContentResult"),
]
