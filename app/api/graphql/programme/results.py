"""Results of the programme's mutations: the success type or the failures each can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql.errors import (
    CharterVersionNotCurrentError,
    DuplicateValueError,
    ForbiddenError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.programme.types import CharterVersion, ComplianceReport, ProgrammeSettings
from app.api.graphql.roster.types import Ambassador

UpdateSettingsResult = Annotated[
    ProgrammeSettings | ValidationError | PreconditionFailedError | ForbiddenError,
    strawberry.union("UpdateSettingsResult"),
]
PublishCharterVersionResult = Annotated[
    CharterVersion | ValidationError | DuplicateValueError | ForbiddenError,
    strawberry.union("PublishCharterVersionResult"),
]
AcceptCharterResult = Annotated[
    Ambassador | CharterVersionNotCurrentError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union("AcceptCharterResult"),
]
CheckCaptionResult = Annotated[
    ComplianceReport | ValidationError | NotFoundError | ForbiddenError,
    strawberry.union("CheckCaptionResult"),
]
