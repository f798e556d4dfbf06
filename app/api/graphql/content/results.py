"""Results of the content mutations: the success type or the failures each can meet (campaigns:
``campaign_results.py``).

A self-approval under four-eyes review is a ``ForbiddenError`` coded ``self-approval``.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.content.types import Content
from app.api.graphql.errors import (
    CadenceExceededError,
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)

CreateContentResult = Annotated[
    Content | ValidationError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("CreateContentResult", description="The new content, or why it was refused."),
]
UpdateContentResult = Annotated[
    Content | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("UpdateContentResult", description="The content as changed, or why it was not."),
]
ContentTransitionResult = Annotated[
    Content | NotFoundError | InvalidTransitionError | PreconditionFailedError | ValidationError | ForbiddenError,
    strawberry.union("ContentTransitionResult", description="The content after the transition, or why it was refused."),
]
ApproveContentResult = Annotated[
    Content
    | CadenceExceededError
    | NotFoundError
    | InvalidTransitionError
    | PreconditionFailedError
    | ValidationError
    | ForbiddenError,
    strawberry.union("ApproveContentResult", description="The content, approved, or why it was not."),
]
RejectContentResult = Annotated[
    Content | ValidationError | NotFoundError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("RejectContentResult", description="The content, rejected, or why it was not."),
]
