"""Mutation results: the success type, or one of the failures that mutation can meet.

Each union lists only what can happen, so generated clients can handle every case.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.errors import (
    AlreadyAmbassadorError,
    DuplicateValueError,
    EmployeeTerminatedError,
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.roster.types import Ambassador, DisconnectedSocialAccount, Employee, Invitation, SocialAccount

InviteAmbassadorResult = Annotated[
    Invitation | NotFoundError | EmployeeTerminatedError | AlreadyAmbassadorError | ForbiddenError,
    strawberry.union("InviteAmbassadorResult"),
]
UpdateAmbassadorResult = Annotated[
    Ambassador | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("UpdateAmbassadorResult"),
]
OptInResult = Annotated[
    Ambassador | EmployeeTerminatedError | NotLinkedError | ForbiddenError,
    strawberry.union("OptInResult"),
]
OptOutResult = Annotated[
    Ambassador | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("OptOutResult"),
]
SetPreferencesResult = Annotated[
    Ambassador | ValidationError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("SetPreferencesResult"),
]
ConnectSocialAccountResult = Annotated[
    SocialAccount | ValidationError | DuplicateValueError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("ConnectSocialAccountResult"),
]
DisconnectSocialAccountResult = Annotated[
    DisconnectedSocialAccount | NotFoundError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("DisconnectSocialAccountResult"),
]
CreateEmployeeResult = Annotated[
    Employee | ValidationError | DuplicateValueError | ForbiddenError,
    strawberry.union("CreateEmployeeResult"),
]
UpdateEmployeeResult = Annotated[
    Employee
    | NotFoundError
    | ValidationError
    | DuplicateValueError
    | PreconditionFailedError
    | InvalidTransitionError
    | ForbiddenError,
    strawberry.union("UpdateEmployeeResult"),
]
TerminateEmployeeResult = Annotated[
    Employee | NotFoundError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("TerminateEmployeeResult"),
]
