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
    strawberry.union("UpdateSettingsResult", description="The settings as saved, or why they were refused."),
]
PublishCharterVersionResult = Annotated[
    CharterVersion | ValidationError | DuplicateValueError | ForbiddenError,
    strawberry.union("PublishCharterVersionResult", description="The version published, or why it was refused."),
]
AcceptCharterResult = Annotated[
    Ambassador | CharterVersionNotCurrentError | NotAnAmbassadorError | NotLinkedError | ForbiddenError,
    strawberry.union(
        "AcceptCharterResult", description="Your membership, with the version you accepted, or why it was refused."
    ),
]
CheckCaptionResult = Annotated[
    ComplianceReport | ValidationError | NotFoundError | ForbiddenError,
    strawberry.union(
        "CheckCaptionResult", description="What is wrong with the caption, if anything, or why it could not be checked."
    ),
]
