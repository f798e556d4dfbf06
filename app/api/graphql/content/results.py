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
    strawberry.union("CreateContentResult"),
]
UpdateContentResult = Annotated[
    Content | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("UpdateContentResult"),
]
ContentTransitionResult = Annotated[
    Content | NotFoundError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("ContentTransitionResult"),
]
ApproveContentResult = Annotated[
    Content | CadenceExceededError | NotFoundError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("ApproveContentResult"),
]
RejectContentResult = Annotated[
    Content | ValidationError | NotFoundError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("RejectContentResult"),
]
