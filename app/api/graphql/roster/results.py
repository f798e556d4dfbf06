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
    Invitation | NotFoundError | EmployeeTerminatedError | AlreadyAmbassadorError | ValidationError | ForbiddenError,
    strawberry.union("InviteAmbassadorResult", description="The invitation, or why there is none."),
]
UpdateAmbassadorResult = Annotated[
    Ambassador | NotFoundError | ValidationError | InvalidTransitionError | PreconditionFailedError | ForbiddenError,
    strawberry.union("UpdateAmbassadorResult", description="The membership as changed, or why it was not."),
]
OptInResult = Annotated[
    Ambassador | EmployeeTerminatedError | NotLinkedError | ForbiddenError,
    strawberry.union("OptInResult", description="Your membership, ACTIVE, or why you cannot join."),
]
OptOutResult = Annotated[
    Ambassador | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("OptOutResult", description="Your membership, LEFT, or why there is none to leave."),
]
SetPreferencesResult = Annotated[
    Ambassador | ValidationError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union(
        "SetPreferencesResult", description="Your membership with its new preferences, or why they were refused."
    ),
]
ConnectSocialAccountResult = Annotated[
    SocialAccount | ValidationError | DuplicateValueError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("ConnectSocialAccountResult", description="The account connected, or why not."),
]
UpdateSocialAccountResult = Annotated[
    SocialAccount | ValidationError | NotFoundError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("UpdateSocialAccountResult", description="The account with its new audience, or why not."),
]
DisconnectSocialAccountResult = Annotated[
    DisconnectedSocialAccount
    | NotFoundError
    | NotAnAmbassadorError
    | NotLinkedError
    | ValidationError
    | ForbiddenError,
    strawberry.union("DisconnectSocialAccountResult", description="The account disconnected, or why not."),
]
CreateEmployeeResult = Annotated[
    Employee | ValidationError | DuplicateValueError | ForbiddenError,
    strawberry.union("CreateEmployeeResult", description="The new employee, or why they were refused."),
]
UpdateEmployeeResult = Annotated[
    Employee
    | NotFoundError
    | ValidationError
    | DuplicateValueError
    | PreconditionFailedError
    | InvalidTransitionError
    | ForbiddenError,
    strawberry.union("UpdateEmployeeResult", description="The employee as changed, or why they were not."),
]
TerminateEmployeeResult = Annotated[
    Employee | NotFoundError | InvalidTransitionError | PreconditionFailedError | ValidationError | ForbiddenError,
    strawberry.union("TerminateEmployeeResult", description="The employee, terminated, or why not."),
]
